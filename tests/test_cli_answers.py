"""Clear answers: every way a command stops or finds nothing says what happened and what to
do, with a code (errors.py), never a traceback or a misleading cause."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annales.cli import main
from annales.errors import Interrupted
from annales.jobs import ingest
from annales.pipeline import Pipeline
from annales.store import Store

FEED = "".join(
    json.dumps({"id": f"a{i}", "text": t}) + "\n"
    for i, t in enumerate(
        [
            "Iran rejected the proposal on Monday.",
            "Israel attacked Gaza.",
            "Russia sanctioned Ukraine.",
        ]
    )
)


@pytest.fixture()
def run(pipeline):
    def _run(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return _run


@pytest.fixture()
def db(run, tmp_path):
    (tmp_path / "feed.jsonl").write_text(FEED)
    path = str(tmp_path / "s.duckdb")
    assert run("ingest", str(tmp_path / "feed.jsonl"), "--db", path).exit_code == 0
    return path


@pytest.mark.parametrize(
    "args, says",
    [
        (["--limit", "-1"], "limit: expected a whole number, 0 or more, found -1"),
        (["--since", "2018", "--until", "2017"], "expected a --since no later than --until"),
    ],
)
def test_bad_query_values_are_usage_errors_not_database_errors(run, db, args, says):
    result = run("events", "--db", db, *args)
    assert result.exit_code == 2 and "E006" in result.output and says in result.output
    assert "DuckDB database" not in result.output


def test_unknown_country_says_which_codes_are_stored(run, db):
    result = run("events", "--db", db, "--actor-country", "XYZ", "--format", "jsonl")
    assert result.exit_code == 0 and "W002" in result.output and "'XYZ'" in result.output
    assert "IRN" in result.output


def test_known_country_with_no_match_gives_no_hint(run, db):
    result = run("events", "--db", db, "--actor-country", "IRN", "--event", "AID")
    assert "W002" not in result.output


def test_database_in_a_folder_that_cannot_be_written_says_so(run, tmp_path):
    (tmp_path / "a.txt").write_text("Iran rejected the proposal.\n")
    result = run("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "no" / "s.duckdb"))
    assert (
        result.exit_code == 2 and "E010" in result.output and "cannot be written" in result.output
    )
    assert "is a DuckDB database" not in result.output


def _interrupted_after_first(monkeypatch):
    real = Pipeline.code_articles

    def code_articles(self, articles, batch_size=32):
        for n, coded in enumerate(real(self, articles, batch_size)):
            if n == 1:
                raise KeyboardInterrupt
            yield coded

    monkeypatch.setattr(Pipeline, "code_articles", code_articles)


def test_interrupted_ingest_stores_what_was_coded_and_counts_it(pipeline, tmp_path, monkeypatch):
    (tmp_path / "feed.jsonl").write_text(FEED)
    _interrupted_after_first(monkeypatch)
    with Store(str(tmp_path / "s.duckdb")) as store:
        with pytest.raises(Interrupted) as stopped:
            ingest([str(tmp_path / "feed.jsonl")], store, pipeline)
        assert "1 new articles stored" in str(stopped.value) and "E011" in str(stopped.value)
        assert [a.id for a in store.articles()] == ["a0"]


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_sigint_exits_130_with_a_count(run, tmp_path, monkeypatch, command):
    (tmp_path / "feed.jsonl").write_text(FEED)
    _interrupted_after_first(monkeypatch)
    extra = ["--db", str(tmp_path / "s.duckdb")] if command == "ingest" else []
    result = run(command, str(tmp_path / "feed.jsonl"), *extra)
    assert result.exit_code == 130 and "E011: interrupted: 1 " in result.output
    assert "Aborted" not in result.output

"""The command line end to end, in process (one spaCy load per test session)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annales.cli import main

TEXT = (
    "Sweden recognized Palestine on Thursday. Israel refused to accept the decision, "
    "a senior official said.\n"
)


@pytest.fixture()
def run(pipeline):  # the fixture loads the model once; commands then reuse the cached parser
    def _run(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return _run


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_code_prints_the_whole_contract_for_a_text_file(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run("code", str(tmp_path / "a.txt"), "--published", "2014-10-31", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert records and all(
        set(r)
        >= {
            "id",
            "article_id",
            "event",
            "modality",
            "attribution",
            "date",
            "location",
            "trigger",
            "actor",
            "recipient",
        }
        for r in records
    )
    support = next(r for r in records if r["trigger"]["text"] == "recognized")
    assert support["event"] == "SUPPORT" and support["actor"][0]["country"] == "SWE"
    assert support["date"]["value"] == "2014-10-30"


def test_code_reads_jsonl_from_stdin_and_keeps_ids(run):
    line = json.dumps({"id": "wire-1", "text": TEXT, "published": "2014-10-31"})
    result = run("code", "-", "--format", "jsonl", input=line + "\n")
    assert result.exit_code == 0
    assert {r["article_id"] for r in _records(result.stdout)} == {"wire-1"}


def test_csv_output_has_a_header(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run("code", str(tmp_path / "a.txt"), "--format", "csv")
    assert result.stdout.splitlines()[0].startswith("id,article_id,sentence_index,event")


def test_some_inputs_rejected_gives_exit_1_and_a_reason(run, tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary\x00junk")
    rej = tmp_path / "rejections.jsonl"
    result = run("code", str(tmp_path), "--format", "jsonl", "--rejections", str(rej))
    assert result.exit_code == 1
    assert "rejected" in result.stderr and "bad.txt" in result.stderr
    rows = [json.loads(x) for x in rej.read_text().splitlines()]
    assert [r["reason_code"] for r in rows] == ["R002"]
    assert _records(result.stdout)  # the good file was still coded


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "R001"),
        (b"\x00\x01\x02\x03" * 50, "R002"),
        ("Caf\xe9 diplomatique".encode("latin-1"), "R003"),
        (
            "Le gouvernement français a annoncé mardi qu'il reconnaîtrait l'État de Palestine "
            "si les négociations de paix restaient bloquées pendant encore six mois.".encode(),
            "R005",
        ),
    ],
)
def test_nothing_coded_gives_exit_2_never_a_traceback(run, tmp_path, content, code):
    (tmp_path / "in.txt").write_bytes(content)
    result = run("code", str(tmp_path / "in.txt"))
    assert result.exit_code == 2
    assert code in result.stderr and "Traceback" not in result.output


def test_missing_path_is_a_rejection_not_a_crash(run, tmp_path):
    result = run("code", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "R007" in result.stderr


def test_ingest_twice_adds_nothing_and_events_queries(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    first = run("ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2014-10-31")
    assert first.exit_code == 0 and "1 new articles" in first.stderr
    second = run("ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2014-10-31")
    assert "0 new articles (1 already stored)" in second.stderr
    out = run("events", "--db", db, "--actor-country", "SWE", "--format", "jsonl")
    assert [r["event"] for r in _records(out.stdout)] == ["SUPPORT"]
    none = run("events", "--db", db, "--modality", "future", "--format", "jsonl")
    assert _records(none.stdout) == []


def test_events_on_a_file_that_is_not_a_database_is_a_clear_error(run, tmp_path):
    bad = tmp_path / "x.duckdb"
    bad.write_text("not a database")
    result = run("events", "--db", str(bad))
    assert result.exit_code == 2 and "E003" in result.stderr


def test_actors_explains_a_resolution(run):
    result = run("actors", "the White House", "--date", "2017-01-12")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["entity"]["code"] == "USAGOV"


def test_demo_codes_the_corpus_and_summarizes(run, tmp_path):
    result = run("demo", "--db", str(tmp_path / "demo.duckdb"))
    assert result.exit_code == 0
    assert "24 articles" in result.stdout and "Events by modality" in result.stdout
    assert "<<" in result.stdout and "[A " in result.stdout


def test_users_own_petrarch_dictionaries_drive_the_coder(run, shared_dir, tmp_path):
    d = shared_dir / "data" / "petrarch2" / "dictionaries"
    (tmp_path / "toy.txt").write_text(
        "Calenardhon urged Bree on Monday to help win a greater "
        "role for it in forthcoming peace talks.\n"
    )
    result = run(
        "code",
        str(tmp_path / "toy.txt"),
        "--published",
        "1995-01-01",
        "--format",
        "jsonl",
        "--no-builtin-kb",
        "--no-builtin-lexicon",
        "--actors",
        str(d / "PETR.Validate.actors.txt"),
        "--agents",
        str(d / "PETR.Validate.agents.txt"),
        "--verbs",
        str(d / "PETR.Validate.verbs.txt"),
    )
    assert result.exit_code == 0
    triples = {
        (
            r["actor"][0]["code"] if r["actor"] else None,
            r["recipient"][0]["code"] if r["recipient"] else None,
            r["cameo"],
        )
        for r in _records(result.stdout)
    }
    assert ("CAL", "BRE", "102") in triples


def test_querying_a_missing_database_says_to_ingest_first(run, tmp_path):
    result = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2
    assert "E008" in result.stderr and "annales ingest" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("command", ["code", "ingest"])
@pytest.mark.parametrize("bad", ["2017-13-45", "yesterday", "0001-01-01", "9999-12-31"])
def test_bad_published_option_stops_before_any_work(run, tmp_path, command, bad):
    (tmp_path / "a.txt").write_text("Iran will meet Israel next week.\n")
    extra = ["--db", str(tmp_path / "x.duckdb")] if command == "ingest" else []
    result = run(command, str(tmp_path / "a.txt"), "--published", bad, *extra)
    assert result.exit_code == 2 and "E006" in result.output and repr(bad) in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_placeholder_date_in_a_feed_is_a_warning_and_the_article_is_coded(run):
    line = json.dumps(
        {"id": "p1", "text": "Iran will meet Israel next week.", "published": "9999-12-31"}
    )
    result = run("code", "-", "--format", "jsonl", input=line + "\n")
    assert result.exit_code == 0
    assert "warning <stdin>:1: R008" in result.output
    assert [r["article_id"] for r in _records(result.output)] == ["p1"]

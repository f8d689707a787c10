"""One id, one text: a reused id with another text is an R011 row, in `code` and `ingest`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annales.cli import main
from annales.ingest.duplicates import text_digest, unique_ids
from annales.schema import Article, Rejection
from annales.store import Store


def test_second_text_under_one_id_is_rejected_and_the_same_text_passes():
    first, other, again = (
        Article(id="a1", text=t) for t in ("Iran rejected it.", "Israel left.", "Iran rejected it.")
    )
    items = list(unique_ids([first, other, again]))
    assert items[0] is first and items[2] is again
    assert isinstance(items[1], Rejection) and items[1].reason_code == "R011"
    assert "'a1'" in items[1].message and "Israel left." in items[1].message


def test_an_id_stored_with_another_text_is_rejected():
    stored = {"a1": text_digest("Iran rejected it.")}
    [row] = unique_ids([Article(id="a1", text="Israel left.")], stored=stored.get)
    assert row.reason_code == "R011"


def test_store_digest_matches_the_readers(tmp_path, pipeline):
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write(pipeline.code_article(Article(id="a1", text="Iran rejected the offer é.")))
        assert store.text_digest("a1") == text_digest("Iran rejected the offer é.")
        assert store.text_digest("nope") is None


def test_ingest_keeps_the_first_and_says_so_for_the_second(tmp_path, pipeline):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": "a1", "text": t}) + "\n"
            for t in ("Iran rejected the offer.", "Israel attacked Gaza.")
        )
    )
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", db])
    assert result.exit_code == 1 and "R011" in result.output
    with Store(db, read_only=True) as store:
        assert store.article("a1").text == "Iran rejected the offer."
        assert [r.reason_code for r in store.rejections()] == ["R011"]

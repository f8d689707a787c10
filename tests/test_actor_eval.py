"""The actor-mention test set (data/eval/actor_mentions.jsonl) and its scorer (eval/actors.py)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from annales.actors.kbdata import CODE_RE, COUNTRY_RE
from annales.errors import DataFileError
from annales.eval import actors as actor_eval


@pytest.fixture(scope="module")
def records():
    return actor_eval.read_records()


def test_the_set_is_large_and_covers_every_kind(records):
    assert len(records) >= 300
    kinds = Counter(r["kind"] for r in records)
    assert set(kinds) == set(actor_eval.KINDS)
    assert all(n >= 20 for n in kinds.values()), kinds
    assert Counter(r.get("split", "dev") for r in records)["heldout"] >= 40


def test_every_record_is_well_formed(records):
    for r in records:
        date.fromisoformat(r["published"])
        assert actor_eval.mention_offset(r) is not None, r
        code, country = r["expected_code"], r["expected_country"]
        assert (code is None) == (country is None), r
        if code is not None:
            assert CODE_RE.match(code) and COUNTRY_RE.match(country), r
            assert country in (code[:3], code[3:6]), r


def test_records_are_unique(records):
    keys = [(r["text"], r["published"], r["mention"], r["occurrence"]) for r in records]
    assert len(keys) == len(set(keys))


def test_the_traps_of_the_issue_are_in_the_set(records):
    mentions = {(r["mention"], r["expected_code"]) for r in records}
    for trap in [
        ("Trump", "USAELI"),
        ("Trump", "USAGOV"),
        ("Foggy Bottom", "USAGOV"),
        ("Elysee", "FRAGOV"),
        ("troops", "ISRMIL"),
        ("negotiators", "PSEGOV"),
        ("governments", "WSTGOV"),
        ("countries", "EUR"),
        ("PLO", "PSEGOV"),
        ("Hamas", "PSEREB"),
        ("Hezbollah", "LBNREB"),
        ("official", "PSEGOV"),
        ("ministry", "RUSGOV"),
    ]:
        assert trap in mentions, trap


def test_whole_word_occurrences():
    rec = {"text": "It met with him. It said it would.", "mention": "it", "occurrence": 1}
    assert actor_eval.mention_offset(rec) == rec["text"].index(" it ") + 1  # not in "with"
    assert actor_eval.mention_offset({**rec, "occurrence": 2}) is None


def test_score_counts_code_and_country_together():
    rows = [
        {
            "kind": "country",
            "expected_code": "ISR",
            "expected_country": "ISR",
            "code": "ISR",
            "country": "ISR",
        },
        {
            "kind": "country",
            "expected_code": "ISR",
            "expected_country": "ISR",
            "code": "ISRGOV",
            "country": "ISR",
        },
        {
            "kind": "pronoun",
            "expected_code": None,
            "expected_country": None,
            "code": None,
            "country": None,
        },
    ]
    rows = [
        {**r, "text": "t", "published": "2020-01-01", "mention": "m", "head": "m"} for r in rows
    ]
    scored = actor_eval.score(rows)
    assert scored["overall"] == round(2 / 3, 4)
    assert scored["by_kind"]["country"] == {"n": 2, "accuracy": 0.5}
    assert len(scored["misses"]) == 1 and scored["misses"][0]["code"] == "ISRGOV"


def test_a_bad_record_stops_loading(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": "Israel acted.",
                "published": "2020-01-01",
                "mention": "Iran",
                "occurrence": 1,
                "expected_code": "IRN",
                "expected_country": "IRN",
                "kind": "country",
            }
        )
        + "\n"
    )
    with pytest.raises(DataFileError):
        actor_eval.read_records(path)


def test_accuracy_meets_the_floor(nlp):
    result = actor_eval.evaluate(nlp=nlp)
    assert result["n"] >= 300
    assert result["overall"] >= 0.95, result["misses"][:10]
    assert result["by_split"]["heldout"]["accuracy"] >= 0.90
    assert all(k["accuracy"] >= 0.85 for k in result["by_kind"].values()), result["by_kind"]

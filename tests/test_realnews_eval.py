"""`annales eval --set realnews` prints the real-news set's own figures (eval/realnews.py).

The scorer is checked against the set's own scorer on the same records: hand-built records
for each rule of the matching, then the coder's real records on a few articles.  Both read the
set from ../shared/data/realnews at test time (never copied here)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from annales.eval import realnews

from .conftest import SHARED

FOLDER = SHARED / "data" / "realnews"


def _their_scorer():
    path = FOLDER / "score.py"
    if not path.exists():
        pytest.skip("the real-news set is not present")
    spec = importlib.util.spec_from_file_location("realnews_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SENTENCE = {
    "id": "s1",
    "article_id": "a1",
    "start": 100,
    "end": 160,
    "text": "Russia urged Turkey to withdraw, and Turkey refused to withdraw.",
    "events": [
        {
            "trigger": "urged",
            "event": "REQUEST",
            "modality": "asserted",
            "actor": ["RUS"],
            "recipient": ["TUR"],
            "joint": False,
        },
        {
            "trigger": "withdraw",
            "occurrence": 1,
            "event": "RETREAT",
            "modality": "hypothetical",
            "actor": ["TUR"],
            "recipient": [],
        },
        {
            "trigger": "withdraw",
            "occurrence": 2,
            "event": "RETREAT",
            "modality": "negated",
            "actor": ["TUR"],
            "recipient": [],
        },
    ],
}
JOINT = {
    "id": "s2",
    "article_id": "a1",
    "start": 200,
    "end": 240,
    "text": "Russia and Turkey held talks in Sochi.",
    "events": [
        {
            "trigger": "talks",
            "event": "CONSULT",
            "modality": "asserted",
            "actor": ["RUS", "TUR"],
            "recipient": [],
            "joint": True,
        }
    ],
}
EMPTY = {
    "id": "s3",
    "article_id": "a1",
    "start": 300,
    "end": 330,
    "text": "Markets rose on Friday.",
    "events": [],
}


def _rec(event, modality, start, actor=(), recipient=(), article="a1"):
    return {
        "article_id": article,
        "event": event,
        "modality": modality,
        "trigger": {"start": start, "end": start + 5},
        "actor": [{"country": c} for c in actor],
        "recipient": [{"code": c + "GOV"} for c in recipient],
    }


RECORDS = [
    _rec("REQUEST", "asserted", 107, ["RUS"], ["TUR"]),  # all right
    _rec("RETREAT", "negated", 150, ["TUR"]),  # pairs with the second withdraw
    _rec("RETREAT", "asserted", 125, []),  # wrong modality, no actor
    _rec("ASSAULT", "asserted", 110, ["RUS"]),  # spurious
    _rec("CONSULT", "asserted", 223, ["RUS"], ["TUR"]),  # joint: parties together
    _rec("PROTEST", "asserted", 305),  # in a sentence without events
    _rec("PROTEST", "asserted", 999),  # outside every gold sentence
    {"article_id": "a1", "event": "AID", "modality": "asserted", "trigger": None},
]


def test_the_scorer_agrees_with_the_set_s_own_on_hand_built_records():
    theirs = _their_scorer()
    gold = [SENTENCE, JOINT, EMPTY]
    ours = realnews.score(gold, RECORDS)
    assert ours == theirs.score(gold, RECORDS)[0]
    assert (ours["records"], ours["gold_events"]) == (6, 4)
    assert ours["event_p"] == pytest.approx(4 / 6) and ours["record_r"] == pytest.approx(3 / 4)


def test_the_rules_the_scorer_applies():
    fig = realnews.score([SENTENCE], RECORDS[:3])
    # the negated record pairs with the negated gold event, not the first "withdraw"
    assert fig["modality_acc"] == pytest.approx(2 / 3)
    assert fig["asserted_precision"] == pytest.approx(1 / 2)
    assert fig["records_with_actor"] == pytest.approx(2 / 3)
    # a joint event's parties: one of them is enough for core, all of them for record
    one_side = realnews.score([JOINT], [_rec("CONSULT", "asserted", 223, ["RUS"])])
    assert (one_side["core_f1"], one_side["record_f1"]) == (1.0, 0.0)
    assert realnews.summary_line(fig).startswith("realnews: event F1 1.000")


def test_the_coder_s_records_score_the_same_both_ways(pipeline, tmp_path):
    theirs = _their_scorer()
    articles = [
        json.loads(line)
        for line in (FOLDER / "articles.jsonl").read_text("utf-8").splitlines()[:12]
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), "utf-8")
    records = realnews.code_records(path, pipeline)
    ids = {a["id"] for a in articles}
    gold = [s for s in theirs.read_jsonl(str(FOLDER / "gold.jsonl")) if s["article_id"] in ids]
    assert records and gold
    assert realnews.score(gold, records) == theirs.score(gold, records)[0]


def test_the_eval_rows(pipeline):
    if not (FOLDER / "gold.jsonl").exists():
        pytest.skip("the real-news set is not present")
    rows = {r.name: r for r in realnews.evaluate(SHARED / "data", limit=5, pipeline=pipeline)}
    assert list(rows)[0] == "realnews"
    assert set(rows) == {
        "realnews",
        "realnews:core",
        "realnews:record",
        "realnews:asserted",
        "realnews:with-actor",
        "realnews:modality",
    }
    assert rows["realnews"].note.startswith("event F1 ")
    assert 0 <= rows["realnews:core"].metrics["f1"] <= rows["realnews"].metrics["f1"]

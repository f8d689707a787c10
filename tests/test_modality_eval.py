"""The modality/attribution test set (data/eval/modality.jsonl) and its scorer
(eval/modality.py)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from annales.errors import DataFileError
from annales.eval import SETS
from annales.eval import modality as mod_eval
from annales.schema import EVENT_TYPES, MODALITIES


@pytest.fixture(scope="module")
def records():
    return mod_eval.read_records()


# -- the file --------------------------------------------------------------------------------------
def test_the_set_is_large_and_covers_every_category(records):
    assert len(records) >= 300
    cats = Counter(r["category"] for r in records)
    assert set(cats) == set(mod_eval.CATEGORIES)
    assert all(n >= 10 for n in cats.values()), cats
    assert cats["plain"] >= 0.15 * len(records)  # asserted controls


def test_every_line_is_valid(records):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert len({r["text"] for r in records}) == len(records)
    for r in records:
        assert mod_eval.problems(r) == [], r
        date.fromisoformat(r["published"])
        for ev in r["events"]:
            assert ev["event"] in EVENT_TYPES and ev["modality"] in MODALITIES
            start, end = mod_eval.trigger_span(r["text"], ev["trigger"], ev["occurrence"])
            assert r["text"][start:end] == ev["trigger"]


def test_every_modality_and_the_issue_traps_are_in_the_set(records):
    events = [(r, e) for r in records for e in r["events"]]
    mods = Counter(e["modality"] for _, e in events)
    assert all(mods[m] >= 20 for m in MODALITIES), mods
    assert len({e["event"] for _, e in events}) == len(EVENT_TYPES)
    # "threatened to impose sanctions" is THREATEN (the sanction only hypothetical)
    threats = [e for r, e in events if r["category"] == "threat"]
    threatens = [e for e in threats if e["event"] == "THREATEN"]
    assert threatens and all(e["modality"] == "asserted" for e in threatens)
    assert not any(e["event"] == "SANCTION" and e["modality"] == "asserted" for e in threats)
    # a demand is two events: the asserted REQUEST and the demanded event, hypothetical
    for r in records:
        if r["category"] == "demand" and len(r["events"]) == 2:
            assert [e["event"] for e in r["events"]][0] == "REQUEST"
            assert r["events"][1]["modality"] == "hypothetical", r
    assert any(e["attributed"] and e["speaker_anonymous"] for _, e in events)
    assert any(e.get("date") == "198" for _, e in events)  # "in the 1980s"


def test_a_bad_record_is_refused(tmp_path):
    good = {
        "id": "x-1",
        "text": "Iran rejected the proposal.",
        "published": "2017-01-12",
        "category": "plain",
        "events": [
            {
                "trigger": "rejected",
                "occurrence": 1,
                "event": "REJECT",
                "modality": "asserted",
                "actor_country": "IRN",
                "recipient_country": None,
                "attributed": False,
                "speaker_anonymous": None,
            }
        ],
    }
    assert mod_eval.problems(good) == []
    for change in (
        {"trigger": "refused"},
        {"event": "DEMAND"},
        {"modality": "possible"},
        {"actor_country": "Iran"},
        {"speaker_anonymous": True},
        {"occurrence": 2},
        {"date": "the 1980s"},
    ):
        bad = {**good, "events": [{**good["events"][0], **change}]}
        assert mod_eval.problems(bad), change
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({**good, "category": "gossip"}) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        mod_eval.read_records(path)


def test_it_is_a_registered_eval_set():
    assert "modality" in SETS


# -- the scorer on hand-made predictions -----------------------------------------------------------
TEXT = "Russia may invade Ukraine. China said it raised tariffs on Canada, and Japan met Korea."


def gold(
    trigger,
    event,
    modality,
    occurrence=1,
    actor=None,
    recipient=None,
    attributed=False,
    anonymous=None,
    **extra,
):
    return {
        "trigger": trigger,
        "occurrence": occurrence,
        "event": event,
        "modality": modality,
        "actor_country": actor,
        "recipient_country": recipient,
        "attributed": attributed,
        "speaker_anonymous": anonymous if attributed else None,
        **extra,
    }


def pred(
    trigger,
    event,
    modality,
    occurrence=1,
    actor=None,
    recipient=None,
    attribution=None,
    date_value=None,
    text=TEXT,
):
    start, end = mod_eval.trigger_span(text, trigger, occurrence)
    return {
        "event": event,
        "modality": modality,
        "trigger": {"text": trigger, "start": start, "end": end},
        "actor": [{"country": actor}] if actor else [],
        "recipient": [{"country": recipient}] if recipient else [],
        "attribution": attribution,
        "date": {"value": date_value} if date_value else None,
    }


def record(events, text=TEXT, category="plain", rid="t-1"):
    return {
        "id": rid,
        "text": text,
        "published": "2020-01-01",
        "category": category,
        "events": events,
    }


def test_alignment_is_by_trigger_offset_not_by_word():
    text = "Iran attacked Iraq. Then Iraq attacked Iran."
    rec = record([gold("attacked", "ASSAULT", "asserted", occurrence=2, actor="IRQ")], text)
    first = pred("attacked", "ASSAULT", "negated", 1, actor="IRN", text=text)
    second = pred("attacked", "ASSAULT", "asserted", 2, actor="IRQ", text=text)
    [(g, p, how)] = mod_eval.align(rec, [first, second])
    assert p is second and how == "trigger"
    [(g, p, how)] = mod_eval.align(rec, [first])
    assert p is None and how is None


def test_overlap_prefers_the_same_event_type_and_actor():
    rec = record([gold("met", "CONSULT", "asserted", actor="JPN")])
    wrong_type = pred("met", "AGREE", "asserted", actor="JPN")
    other_way = pred("met", "CONSULT", "asserted", actor="KOR")
    right = pred("met", "CONSULT", "asserted", actor="JPN")
    [(_, p, _)] = mod_eval.align(rec, [wrong_type, other_way, right])
    assert p is right


def test_second_pass_takes_the_same_type_in_the_same_sentence_only():
    rec = record(
        [gold("raised", "SANCTION", "asserted"), gold("invade", "ASSAULT", "hypothetical")]
    )
    on_noun = pred("tariffs", "SANCTION", "asserted")
    other_sentence = pred("met", "ASSAULT", "asserted")  # sentence 2, gold in sentence 1
    pairs = mod_eval.align(rec, [on_noun, other_sentence])
    assert pairs[0][1] is on_noun and pairs[0][2] == "sentence"
    assert pairs[1][1] is None


def test_wrongly_asserted_arithmetic_and_unaligned_handling():
    rec = record(
        [
            gold("invade", "ASSAULT", "hypothetical"),  # predicted asserted: wrong
            gold("raised", "SANCTION", "negated"),  # predicted negated: right
            gold("met", "CONSULT", "future"),  # not found: counted apart
            gold("said", "ACCUSE", "asserted"),  # asserted gold: not in the rate
        ]
    )
    preds = [
        pred("invade", "ASSAULT", "asserted"),
        pred("raised", "SANCTION", "negated"),
        pred("said", "ACCUSE", "hypothetical"),
    ]
    r = mod_eval.score([(rec, preds)])
    assert r["n_items"] == 1 and r["n_gold"] == 4 and r["n_aligned"] == 3
    assert r["trigger_recall"] == 0.75
    assert r["n_non_asserted"] == 3 and r["n_non_asserted_aligned"] == 2
    assert r["n_non_asserted_unaligned"] == 1
    assert r["n_wrongly_asserted"] == 1 and r["wrongly_asserted_rate"] == 0.5
    assert r["modality_accuracy"] == round(1 / 3, 4)
    # per-modality P/R over the aligned events only
    assert r["by_modality"]["asserted"] == {
        "n_gold": 1,
        "n_pred": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert r["by_modality"]["negated"]["f1"] == 1.0
    assert r["by_modality"]["future"] == {
        "n_gold": 0,
        "n_pred": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert r["macro_f1"] == round(1 / 3, 4)  # future: in neither gold nor prediction
    assert {m["trigger"] for m in r["misses"]} == {"invade", "met", "said"}
    assert r["n_unaligned_predicted"] == 0
    r2 = mod_eval.score([(rec, preds + [pred("China", "AID", "asserted")])])
    assert r2["n_unaligned_predicted"] == r2["n_unaligned_predicted_asserted"] == 1
    assert r2["wrongly_asserted_rate"] == 0.5  # extra predictions leave the rate alone
    rows = {row.name: row for row in mod_eval.set_results({**r, "seconds": 0.0})}
    assert rows["modality:wrongly-asserted"].metrics == {"accuracy": 0.5}
    assert rows["modality:wrongly-asserted"].n == 2
    assert rows["modality"].metrics["macro_f1"] == round(1 / 3, 4)
    assert "modality:category:plain" in rows


def test_type_country_attribution_and_date_accuracy():
    rec = record(
        [
            gold("invade", "ASSAULT", "hypothetical", actor="RUS", recipient="UKR"),
            gold(
                "raised",
                "SANCTION",
                "asserted",
                actor="CHN",
                recipient=None,
                attributed=True,
                anonymous=False,
                date="2020",
            ),
            gold(
                "met",
                "CONSULT",
                "asserted",
                actor=None,
                recipient="KOR",
                attributed=True,
                anonymous=True,
            ),
        ]
    )
    named = {"speaker": {"country": "CHN"}, "cue": "said", "quoted": False, "anonymous": False}
    preds = [
        pred("invade", "MOBILIZE", "hypothetical", actor="RUS", recipient="POL"),
        pred("raised", "SANCTION", "asserted", actor="CHN", attribution=named, date_value="2020"),
        pred("met", "CONSULT", "asserted", recipient="KOR", attribution=named),
    ]
    r = mod_eval.score([(rec, preds)])
    assert r["event_accuracy"] == round(2 / 3, 4)
    assert r["actor_country_accuracy"] == 1.0 and r["n_actor_country"] == 2
    assert r["recipient_country_accuracy"] == 0.5 and r["n_recipient_country"] == 2
    assert r["attribution_accuracy"] == round(1 / 3 + 1 / 3, 4)  # "met": not anonymous
    assert r["date_accuracy"] == 1.0 and r["n_dated"] == 1
    assert r["by_category"]["plain"]["n_gold"] == 3


def test_no_prediction_at_all():
    rec = record([gold("invade", "ASSAULT", "hypothetical")])
    r = mod_eval.score([(rec, [])])
    assert r["n_aligned"] == 0 and r["trigger_recall"] == 0.0
    assert r["wrongly_asserted_rate"] is None and r["n_non_asserted_unaligned"] == 1
    assert r["macro_f1"] == 0.0
    assert "modality:wrongly-asserted" not in {
        row.name for row in mod_eval.set_results({**r, "seconds": 0.0})
    }


def test_end_to_end_figures_count_missed_and_unaligned_events():
    rec = record(
        [
            gold("invade", "ASSAULT", "hypothetical"),  # right
            gold("raised", "SANCTION", "negated"),  # coded asserted: wrong
            gold("met", "CONSULT", "future"),  # missed: wrong
        ]
    )
    preds = [
        pred("invade", "ASSAULT", "hypothetical"),
        pred("raised", "SANCTION", "asserted"),
        pred("China", "AID", "asserted"),
    ]  # aligned to nothing
    r = mod_eval.score([(rec, preds)])
    e2e = r["end_to_end"]
    assert e2e["accuracy"] == round(1 / 3, 4)
    # asserted: two predictions, neither an asserted gold event
    assert e2e["by_modality"]["asserted"] == {
        "n_gold": 0,
        "n_pred": 2,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert e2e["by_modality"]["future"]["recall"] == 0.0
    assert e2e["by_modality"]["hypothetical"]["f1"] == 1.0
    assert e2e["asserted_precision"] == 0.0
    # the aligned-only figures are kinder: the same prediction scores 1/2 there
    assert r["modality_accuracy"] == 0.5
    rows = {row.name: row for row in mod_eval.set_results({**r, "seconds": 0.0})}
    assert rows["modality:end-to-end"].metrics["accuracy"] == round(1 / 3, 4)

"""Modality and attribution on the bundled test set (data/eval/modality.jsonl).

Each item is a short news text (one to three sentences), its publication date, a category and
the events a careful reader would code from it: the trigger word (and which whole-word
occurrence of it), the PLOVER event type, the modality (docs/records.md, `modality`), the actor's and
the recipient's country (ISO 3166-1 alpha-3; null for IGOs, groups or "unknown"), whether the
event is attributed to a speaker and, if so, whether that speaker is anonymous.  The labels were
written from reading the sentences, before the coder was run on them.

Categories: modal (may, might, could, would, should, must), future (will, plans to, is set to,
is expected to, scheduled), conditional (if, unless, provided that, in case), desire (hopes to,
seeks to, wants X to, aims to), demand (urge, call on, demand, ask: two events, the asserted
REQUEST and the demanded event as hypothetical), threat (THREATEN asserted on "threatened",
the threatened act hypothetical: "threatened to impose sanctions" is THREATEN, not an asserted
SANCTION), negation (not, never, no longer, refused to, denied, failed to, declined to),
question, rumour, nested_report ("X said Y claimed Z"), multi_sentence_quote (quotes running
over several sentences, "he added"), anonymous (a senior official, diplomats, according to
sources), historical (past events named in passing, asserted, most with a gold `date`) and
plain (asserted controls, so that precision on "asserted" means something).

The gold lists the events each item is about, not every event mention in it ("killing at
least nine civilians" after "shelled", the REJECT of "refused to"); predictions aligned to no
gold event are counted (`n_unaligned_predicted`, how many asserted) but not scored.

Labelling conventions (where the design leaves room):

* reporting verbs (said, told, claimed) and verbs of hoping or wanting are not events;
* hedges ("reportedly", "allegedly", "is rumoured to") and rumour frames keep an event's own
  modality; the event is attributed to an anonymous source (events/modality.py: "the source
  is doubted, not the event's reality; attribution records the source");
* compound subjects of a joint event ("Japan and India signed", "Biden and Putin held
  talks") are one record (docs/records.md: compound actors stay one record): the first country is the gold actor, no recipient;
* "A recalled how X happened" attributes X to A; a question ("asked whether") does not
  attribute its event to the asker;
* event types follow the PLOVER CAMEO2PLOVER-2021 table (signing a formal agreement and
  apologising are SUPPORT, reaching or striking a deal is AGREE; releasing people, ceasefires and easing sanctions are RETREAT;
  leaving a treaty or halting talks is SANCTION), except that imposing sanctions is SANCTION
  as the coder's lexicon codes it;
* "would" under a past-tense reporting verb is the past of "will" (future), elsewhere
  hypothetical; an event inside an if/unless/provided-that clause is hypothetical;
* a wh-question presupposes its event ("Who attacked ...?" -> asserted), a yes/no question or
  an indirect "whether" leaves it hypothetical;
* `speaker_anonymous` is about the nearest speaker ("A said B claimed Z": B).

Scoring.  Gold events are aligned to predicted events by trigger: a prediction is aligned when
its trigger span overlaps the gold trigger's characters (preferring the same event type, then
the same actor country); a gold event left over is then aligned with an unclaimed prediction
of the same event type in the same sentence, at most three words away (the coder may put the
trigger on the noun:
"raised tariffs", "held talks"), counted apart as `n_aligned_by_sentence`.  Gold events
without an aligned prediction lower trigger recall and
are left out of every other figure, so that a missed event is never counted as a modality
error.  Over aligned events: per-modality precision, recall and F1, their macro-F1 and the
accuracy; event-type accuracy; actor- and recipient-country accuracy where the gold country is
not null (right when the gold country is among the predicted entities' countries); attribution
accuracy (attributed or not, and for attributed events the anonymity of the speaker where the
gold says); date accuracy on events with a gold date (the date value's ISO prefix).  The
wrongly-asserted rate is the share of aligned gold non-asserted events predicted `asserted`
(goal: under 5%); the unaligned non-asserted events are counted beside it, not in it.

    python -m annales.eval.modality [--limit N] [--misses]
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterable, Optional

from ..schema import EVENT_TYPES, MODALITIES
from .testsets import read_checked

FILE = Path(__file__).resolve().parent.parent / "data" / "eval" / "modality.jsonl"
# Two later parts, each written blind to the coder's output.  HELDOUT's first run (2026-11-29:
# macro-F1 0.906, 5 of 61 non-asserted events coded asserted) exposed five general gaps that
# were then fixed, so it is no longer blind; BLIND was written after that and has never been
# used to change the coder: the honest figure for text the rules were not tuned on.  Seven
# BLIND items (modb-007, 034, 046, 065, 070, 080, 085) copied or nearly copied HELDOUT items
# (modh-014, 035, 051, 071, 061, 080, 083); they were taken out on 2026-12-06, so BLIND has
# 93 items and its floors are keyed by the new file's hash (definitions.py).
HELDOUT = FILE.with_name("modality_heldout.jsonl")
BLIND = FILE.with_name("modality_blind2.jsonl")
PARTS = ((HELDOUT, "modality:heldout"), (BLIND, "modality:blind"))
CATEGORIES = (
    "modal",
    "future",
    "conditional",
    "desire",
    "demand",
    "threat",
    "negation",
    "question",
    "rumour",
    "nested_report",
    "multi_sentence_quote",
    "anonymous",
    "historical",
    "plain",
)
FIELDS = ("id", "text", "published", "category", "events")
EVENT_FIELDS = (
    "trigger",
    "occurrence",
    "event",
    "modality",
    "actor_country",
    "recipient_country",
    "attributed",
    "speaker_anonymous",
)
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{3,4}(-\d{2}(-\d{2})?)?$")  # an ISO prefix; "198" is the 1980s


# -- the file ------------------------------------------------------------------------------------
def trigger_span(text: str, trigger: str, occurrence: int) -> Optional[tuple[int, int]]:
    """(start, end) of the `occurrence`-th whole-word occurrence of `trigger`, or None."""
    pattern = re.compile(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)")
    found = list(pattern.finditer(text))
    n = int(occurrence)
    return (found[n - 1].start(), found[n - 1].end()) if 0 < n <= len(found) else None


def problems(rec: dict) -> list[str]:
    """What is wrong with one record (empty when it is well formed)."""
    out = [f"missing {f}" for f in FIELDS if f not in rec]
    if out:
        return out
    if rec["category"] not in CATEGORIES:
        out.append(f"category {rec['category']!r}")
    if not isinstance(rec["events"], list) or not rec["events"]:
        out.append("no events")
        return out
    for ev in rec["events"]:
        missing = [f for f in EVENT_FIELDS if f not in ev]
        if missing:
            out.append(f"event missing {missing}")
            continue
        if ev["event"] not in EVENT_TYPES:
            out.append(f"event type {ev['event']!r}")
        if ev["modality"] not in MODALITIES:
            out.append(f"modality {ev['modality']!r}")
        for key in ("actor_country", "recipient_country"):
            if ev[key] is not None and not _COUNTRY.match(ev[key]):
                out.append(f"{key} {ev[key]!r}")
        if not isinstance(ev["attributed"], bool):
            out.append("attributed must be true or false")
        elif ev["attributed"] and not isinstance(ev["speaker_anonymous"], bool):
            out.append("an attributed event needs speaker_anonymous true or false")
        elif not ev["attributed"] and ev["speaker_anonymous"] is not None:
            out.append("an unattributed event has speaker_anonymous null")
        if "date" in ev and not (isinstance(ev["date"], str) and _DATE.match(ev["date"])):
            out.append(f"date {ev['date']!r}")
        if trigger_span(rec["text"], ev["trigger"], ev["occurrence"]) is None:
            out.append(f"trigger {ev['trigger']!r} #{ev['occurrence']} not in the text")
    return out


def read_records(path: Path = FILE, limit: Optional[int] = None) -> list[dict]:
    """Records in file order (at most `limit`), each checked (see `problems`)."""
    return read_checked(
        path,
        problems,
        "a record with fields " + ", ".join(FIELDS) + " and well-formed events",
        limit,
    )


# -- alignment -----------------------------------------------------------------------------------
def _countries(entities) -> set:
    return {e.get("country") for e in entities or [] if e.get("country")}


_SENTENCE_END = re.compile(r"[.?!][\"\u201d]?\s+(?=[\"\u201cA-Z])")


def sentence_of(text: str, offset: int) -> int:
    """Index of the sentence holding character `offset` (a plain punctuation split: the
    texts of the set have no abbreviations with full stops)."""
    return sum(1 for m in _SENTENCE_END.finditer(text) if m.end() <= offset)


NEAR_WORDS = 3  # second-pass alignment: at most this many words between the two triggers


def _words_between(text: str, span: tuple[int, int], trigger: dict) -> int:
    left, right = sorted([span, (trigger["start"], trigger["end"])])
    return len(text[left[1] : right[0]].split())


def align(rec: dict, predicted: list[dict]) -> list[tuple[dict, Optional[dict], Optional[str]]]:
    """Each gold event of `rec` with its aligned prediction (an Event as a dict) or None, and
    how it was aligned: "trigger" (the prediction's trigger overlaps the gold trigger;
    preferring the same event type, then the same actor country), "sentence" (second pass,
    for gold events left over: an unclaimed prediction of the same event type in the same
    sentence, at most NEAR_WORDS words away, e.g. gold "raised" vs predicted "tariffs" in
    "raised tariffs") or None."""
    text = rec["text"]
    spans = []
    for g in rec["events"]:
        span = trigger_span(text, g["trigger"], g["occurrence"])
        assert span is not None, "problems() keeps records whose trigger is not in the text out"
        spans.append(span)
    found: list = [None] * len(spans)
    how: list = [None] * len(spans)
    for i, (gold, (start, end)) in enumerate(zip(rec["events"], spans)):
        hits = [
            p
            for p in predicted
            if p.get("trigger") and p["trigger"]["start"] < end and start < p["trigger"]["end"]
        ]
        hits.sort(
            key=lambda p: (
                p["event"] != gold["event"],
                gold["actor_country"] not in _countries(p.get("actor")),
            )
        )
        if hits:
            found[i], how[i] = hits[0], "trigger"
    claimed = {id(p) for p in found if p is not None}
    for i, (gold, (start, end)) in enumerate(zip(rec["events"], spans)):
        if found[i] is not None:
            continue
        sent = sentence_of(text, start)
        near = [
            p
            for p in predicted
            if p.get("trigger")
            and id(p) not in claimed
            and p["event"] == gold["event"]
            and sentence_of(text, p["trigger"]["start"]) == sent
            and _words_between(text, (start, end), p["trigger"]) <= NEAR_WORDS
        ]
        near.sort(key=lambda p: abs(p["trigger"]["start"] - start))
        if near:
            found[i], how[i] = near[0], "sentence"
            claimed.add(id(near[0]))
    return list(zip(rec["events"], found, how))


# -- scoring -------------------------------------------------------------------------------------
def _attribution_right(gold: dict, pred: dict) -> bool:
    att = pred.get("attribution")
    if bool(att) != gold["attributed"]:
        return False
    if att and gold["speaker_anonymous"] is not None:
        return bool(att.get("anonymous")) == gold["speaker_anonymous"]
    return True


def _ratio(num: int, den: int) -> Optional[float]:
    return round(num / den, 4) if den else None


def _prf(pairs: list[tuple[dict, dict]], modality: str) -> dict:
    tp = sum(g["modality"] == modality and p["modality"] == modality for g, p in pairs)
    n_pred = sum(p["modality"] == modality for _, p in pairs)
    n_gold = sum(g["modality"] == modality for g, _ in pairs)
    prec, rec = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
    }


def _summary(rows: list[dict]) -> dict:
    """Figures over the gold events in `rows` (each {gold, pred, category, ...})."""
    aligned = [(r["gold"], r["pred"]) for r in rows if r["pred"] is not None]
    non_asserted = [
        (g, p) for g, p in ((r["gold"], r["pred"]) for r in rows) if g["modality"] != "asserted"
    ]
    na_aligned = [(g, p) for g, p in non_asserted if p is not None]
    wrong = sum(p["modality"] == "asserted" for _, p in na_aligned)
    actor = [(g, p) for g, p in aligned if g["actor_country"]]
    recip = [(g, p) for g, p in aligned if g["recipient_country"]]
    dated = [(g, p) for g, p in aligned if g.get("date")]
    return {
        "n_gold": len(rows),
        "n_aligned": len(aligned),
        "n_aligned_by_sentence": sum(r.get("aligned_by") == "sentence" for r in rows),
        "trigger_recall": _ratio(len(aligned), len(rows)),
        "modality_accuracy": _ratio(
            sum(g["modality"] == p["modality"] for g, p in aligned), len(aligned)
        ),
        "n_non_asserted": len(non_asserted),
        "n_non_asserted_aligned": len(na_aligned),
        "n_non_asserted_unaligned": len(non_asserted) - len(na_aligned),
        "n_wrongly_asserted": wrong,
        "wrongly_asserted_rate": _ratio(wrong, len(na_aligned)),
        "event_accuracy": _ratio(sum(g["event"] == p["event"] for g, p in aligned), len(aligned)),
        "n_actor_country": len(actor),
        "n_recipient_country": len(recip),
        "actor_country_accuracy": _ratio(
            sum(g["actor_country"] in _countries(p.get("actor")) for g, p in actor), len(actor)
        ),
        "recipient_country_accuracy": _ratio(
            sum(g["recipient_country"] in _countries(p.get("recipient")) for g, p in recip),
            len(recip),
        ),
        "attribution_accuracy": _ratio(
            sum(_attribution_right(g, p) for g, p in aligned), len(aligned)
        ),
        "n_dated": len(dated),
        "date_accuracy": _ratio(
            sum((p.get("date") or {}).get("value") == g["date"] for g, p in dated), len(dated)
        ),
    }


def end_to_end(rows: list[dict], unaligned: list[dict]) -> dict:
    """Modality figures over every gold event and every prediction, not only the aligned
    ones: a missed gold event counts as wrong, a prediction aligned to no gold event counts
    against the precision of its modality.  What a user of the records sees."""
    by_modality = {}
    for m in MODALITIES:
        tp = sum(
            r["pred"] is not None and r["gold"]["modality"] == m and r["pred"]["modality"] == m
            for r in rows
        )
        n_pred = sum(r["pred"] is not None and r["pred"]["modality"] == m for r in rows)
        n_pred += sum(e["modality"] == m for e in unaligned)
        n_gold = sum(r["gold"]["modality"] == m for r in rows)
        p, rc = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
        by_modality[m] = {
            "n_gold": n_gold,
            "n_pred": n_pred,
            "precision": round(p, 4),
            "recall": round(rc, 4),
            "f1": round(2 * p * rc / (p + rc), 4) if p + rc else 0.0,
        }
    present = [v["f1"] for v in by_modality.values() if v["n_gold"] or v["n_pred"]]
    right = sum(
        r["pred"] is not None
        and r["gold"]["modality"] == r["pred"]["modality"]
        and r["gold"]["event"] == r["pred"]["event"]
        for r in rows
    )
    asserted = by_modality["asserted"]
    return {
        "accuracy": _ratio(right, len(rows)),
        "macro_f1": round(sum(present) / len(present), 4) if present else 0.0,
        # asserted records that are an asserted gold event: 1 - the false-fact rate
        "asserted_precision": asserted["precision"],
        "by_modality": by_modality,
    }


def score(coded: Iterable[tuple[dict, list[dict]]]) -> dict:
    """Figures over (record, predicted events as dicts) pairs; see the module docstring."""
    rows, n_items, extra = [], 0, []
    for rec, predicted in coded:
        n_items += 1
        claimed = set()
        for gold, pred, how in align(rec, predicted):
            rows.append(
                {
                    "id": rec["id"],
                    "category": rec["category"],
                    "text": rec["text"],
                    "gold": gold,
                    "pred": pred,
                    "aligned_by": how,
                }
            )
            claimed.add(id(pred))
        extra += [
            {
                "id": rec["id"],
                "category": rec["category"],
                "text": rec["text"],
                "trigger": p["trigger"]["text"] if p.get("trigger") else None,
                "event": p["event"],
                "modality": p["modality"],
            }
            for p in predicted
            if id(p) not in claimed
        ]
    result = {"n_items": n_items, **_summary(rows)}
    # predictions aligned to no gold event: not all wrong (the gold leaves out e.g. the REJECT
    # of "refused to"), but an asserted one among them may be a non-asserted statement
    result["n_unaligned_predicted"] = len(extra)
    result["n_unaligned_predicted_asserted"] = sum(e["modality"] == "asserted" for e in extra)
    result["unaligned_predicted"] = extra
    result["end_to_end"] = end_to_end(rows, extra)
    pairs = [(r["gold"], r["pred"]) for r in rows if r["pred"] is not None]
    result["by_modality"] = {m: _prf(pairs, m) for m in MODALITIES}
    # macro-F1 over the modalities present (in the gold or the predictions), so that a
    # --limit without, say, future items is not pulled down by an empty class
    present = [v["f1"] for v in result["by_modality"].values() if v["n_gold"] or v["n_pred"]]
    result["macro_f1"] = round(sum(present) / len(present), 4) if present else 0.0
    result["by_category"] = {
        c: _summary([r for r in rows if r["category"] == c])
        for c in CATEGORIES
        if any(r["category"] == c for r in rows)
    }
    result["misses"] = [_miss(r) for r in rows if not _right(r)]
    return result


def _right(row: dict) -> bool:
    g, p = row["gold"], row["pred"]
    return p is not None and g["modality"] == p["modality"] and g["event"] == p["event"]


def _miss(row: dict) -> dict:
    g, p = row["gold"], row["pred"]
    att = (p or {}).get("attribution")
    return {
        "id": row["id"],
        "category": row["category"],
        "text": row["text"],
        "trigger": g["trigger"],
        "aligned_by": row.get("aligned_by"),
        "pred_trigger": p["trigger"]["text"] if p else None,
        "gold_event": g["event"],
        "gold_modality": g["modality"],
        "event": p["event"] if p else None,
        "modality": p["modality"] if p else None,
        "attributed": bool(att) if p else None,
    }


def predict(records: list[dict], pipeline) -> Iterable[tuple[dict, list[dict]]]:
    """(record, its predicted events as dicts), parsing in batches with one shared pipeline."""
    from ..schema import Article

    articles = (Article(id=r["id"], text=r["text"], published=r["published"]) for r in records)
    for rec, coded in zip(records, pipeline.code_articles(articles, batch_size=64)):
        yield rec, [e.to_dict() for e in coded.events]


def evaluate(limit: Optional[int] = None, pipeline=None, path: Path = FILE) -> dict:
    """The figures of `score` over the set at `path` (at most `limit` items), plus `seconds`
    (coding time, pipeline loading excluded)."""
    if pipeline is None:
        from ..pipeline import default_pipeline

        pipeline = default_pipeline()
    records = read_records(path, limit=limit)
    began = time.perf_counter()
    result = score(predict(records, pipeline))
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result


def set_results(r: dict, name: str = "modality", categories: bool = True) -> list:
    """`evaluate`'s dict as rows of the evaluation table, named after `name`: "modality"
    (macro-F1 and accuracy of
    the modality over aligned events), "modality:wrongly-asserted" (its `accuracy` is 1 - the
    wrongly-asserted rate), one row per modality (P/R/F1), "modality:triggers" (recall),
    "modality:event", "modality:actor-country", "modality:recipient-country",
    "modality:attribution" (accuracies) and one row per category (modality accuracy)."""
    from .report import SetResult

    def num(v):
        return 0.0 if v is None else v

    rate = r["wrongly_asserted_rate"]
    rows = [
        SetResult(
            name,
            r["n_aligned"],
            {"macro_f1": r["macro_f1"], "accuracy": num(r["modality_accuracy"])},
            r["seconds"],
            f"{r['n_items']} items, {r['n_gold']} gold events, {r['n_aligned']} aligned "
            f"to a predicted event (trigger recall {r['trigger_recall']}); scored on the "
            "aligned ones",
        ),
    ]
    if rate is not None:
        rows.append(
            SetResult(
                f"{name}:wrongly-asserted",
                r["n_non_asserted_aligned"],
                {"accuracy": round(1 - rate, 4)},
                None,
                f"accuracy = 1 - wrongly-asserted rate ({r['n_wrongly_asserted']} of "
                f"{r['n_non_asserted_aligned']} aligned non-asserted gold events coded asserted; "
                f"goal: rate < 0.05; {r['n_non_asserted_unaligned']} not found, not counted)",
            )
        )
    rows += [
        SetResult(f"{name}:{m}", s["n_gold"], {k: s[k] for k in ("precision", "recall", "f1")})
        for m, s in r["by_modality"].items()
    ]
    rows.append(SetResult(f"{name}:triggers", r["n_gold"], {"recall": num(r["trigger_recall"])}))
    e2e = r["end_to_end"]
    rows.append(
        SetResult(
            f"{name}:end-to-end",
            r["n_gold"],
            {
                "accuracy": num(e2e["accuracy"]),
                "macro_f1": e2e["macro_f1"],
                "precision": e2e["asserted_precision"],
            },
            None,
            "over every gold event (missed ones wrong: type and modality must be right) and every "
            "prediction (unaligned ones count against their modality's precision); P = precision "
            "of `asserted` records",
        )
    )
    for label, key, n in (
        ("event", "event_accuracy", r["n_aligned"]),
        ("actor-country", "actor_country_accuracy", r["n_actor_country"]),
        ("recipient-country", "recipient_country_accuracy", r["n_recipient_country"]),
        ("attribution", "attribution_accuracy", r["n_aligned"]),
    ):
        if r[key] is not None:
            rows.append(SetResult(f"{name}:{label}", n, {"accuracy": r[key]}))
    if categories:
        rows += [
            SetResult(
                f"{name}:category:{c}", s["n_aligned"], {"accuracy": num(s["modality_accuracy"])}
            )
            for c, s in r["by_category"].items()
        ]
    return rows


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def main(argv: Optional[list[str]] = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(
        prog="python -m annales.eval.modality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--part",
        choices=("heldout", "blind"),
        default=None,
        help="score a later part (modality_heldout.jsonl, modality_blind2.jsonl)",
    )
    ap.add_argument(
        "--misses",
        action="store_true",
        help="list every gold event missed or coded with the wrong type/modality",
    )
    args = ap.parse_args(argv)
    path = {"heldout": HELDOUT, "blind": BLIND}.get(args.part, FILE)
    r = evaluate(args.limit, path=path)
    print(
        f"modality set {path.name}: {r['n_items']} items, {r['n_gold']} gold events, "
        f"{r['n_aligned']} aligned (trigger recall {_fmt(r['trigger_recall'])}; "
        f"{r['n_aligned_by_sentence']} by event type in the sentence), {r['seconds']}s"
    )
    print(f"  modality accuracy {_fmt(r['modality_accuracy'])}  macro-F1 {_fmt(r['macro_f1'])}")
    for m, s in r["by_modality"].items():
        print(
            f"  {m:13} P={_fmt(s['precision'])} R={_fmt(s['recall'])} F1={_fmt(s['f1'])}"
            f"  (gold {s['n_gold']}, predicted {s['n_pred']})"
        )
    print(
        f"  wrongly asserted: {r['n_wrongly_asserted']}/{r['n_non_asserted_aligned']} aligned "
        f"non-asserted = {_fmt(r['wrongly_asserted_rate'])} (goal < 0.05); "
        f"{r['n_non_asserted_unaligned']} non-asserted gold events not found"
    )
    print(
        f"  event type {_fmt(r['event_accuracy'])}  actor country "
        f"{_fmt(r['actor_country_accuracy'])}  recipient country "
        f"{_fmt(r['recipient_country_accuracy'])}  attribution "
        f"{_fmt(r['attribution_accuracy'])}  date {_fmt(r['date_accuracy'])} "
        f"(n={r['n_dated']})"
    )
    print(
        f"  predictions aligned to no gold event: {r['n_unaligned_predicted']}, "
        f"{r['n_unaligned_predicted_asserted']} of them asserted (see --misses)"
    )
    print(
        "  by category: gold / trigger recall / modality acc / wrongly asserted / event acc"
        " / attribution"
    )
    for c, s in r["by_category"].items():
        print(
            f"    {c:21} {s['n_gold']:4} {_fmt(s['trigger_recall'])} "
            f"{_fmt(s['modality_accuracy'])} {_fmt(s['wrongly_asserted_rate'])} "
            f"{_fmt(s['event_accuracy'])} {_fmt(s['attribution_accuracy'])}"
        )
    if args.misses:
        for m in r["misses"]:
            got = (
                "not found"
                if m["event"] is None
                else f"{m['event']}/{m['modality']} on {m['pred_trigger']!r}"
            )
            print(
                f"- {m['id']} [{m['category']}] {m['trigger']!r}: expected "
                f"{m['gold_event']}/{m['gold_modality']}, got {got} in: {m['text']}"
            )
        for e in r["unaligned_predicted"]:
            print(
                f"+ {e['id']} [{e['category']}] {e['trigger']!r}: predicted {e['event']}/"
                f"{e['modality']}, no gold event there, in: {e['text']}"
            )


if __name__ == "__main__":
    main()

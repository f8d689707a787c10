"""The real-news set: real wire and newspaper sentences, every event annotated by independent
annotators, every record the coder emits for a gold sentence scored (`realnews/` in the data
folder: `articles.jsonl`, `gold.jsonl`, the annotation guidelines and the set's own scorer).

This is the figure users should read.  The articles are coded the way `annales code` codes
them (the same readers, runner and pipeline), and scored the way the set's scorer scores them:

* per sentence, a record and a gold event pair up when they have the same event type; pairs
  are taken greedily, preferring overlapping triggers, then the same actor, the same
  modality and the same recipient;
* an entity's codes are its `country`, else the first three letters of its `code`; a
  `joint` gold event is right when actor and recipient codes together equal its parties;
* event P/R/F1 counts pairs; core counts pairs whose modality is right and whose actor shares
  a code with the gold's (or both have none); record counts pairs whose modality, actor and
  recipient are all exactly right; asserted precision is the share of `asserted` records
  paired with an asserted gold event whose actor is right; records with an actor is the share
  of records that have one.

`tests/test_realnews_eval.py` runs this scorer and the set's own on the same records and
checks every figure is equal.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Optional

from ..errors import DataFileError
from .report import SetResult

FOLDER = "realnews"


def _codes(entities) -> frozenset:
    out = set()
    for e in entities or []:
        e = e or {}
        code = e.get("country") or (e.get("code") or "")[:3]
        if code:
            out.add(code)
    return frozenset(out)


def _trigger_span(sentence: dict, event: dict) -> Optional[tuple[int, int]]:
    """Character span of the gold trigger: its `occurrence`-th appearance in the sentence."""
    word, pos = event["trigger"], -1
    for _ in range(max(1, event.get("occurrence", 1))):
        pos = sentence["text"].find(word, pos + 1)
        if pos < 0:
            return None
    start = sentence["start"] + pos
    return start, start + len(word)


def _parties(gold: dict, rec: dict, lenient: bool = False) -> tuple[bool, bool]:
    """(actor right, recipient right): equal codes, or with `lenient` shared codes (or both
    none); a joint gold event compares all parties at once."""
    ga, gr = frozenset(gold.get("actor") or []), frozenset(gold.get("recipient") or [])
    pa, pr = _codes(rec.get("actor")), _codes(rec.get("recipient"))

    def same(a, b):
        return a == b or (lenient and bool(a & b))

    if gold.get("joint"):
        ok = same(pa | pr, ga | gr)
        return ok, ok
    return same(pa, ga), same(pr, gr)


def _pair_rank(sentence: dict, gold: dict, rec: dict) -> tuple[bool, bool, bool, bool]:
    span = _trigger_span(sentence, gold)
    t = rec.get("trigger") or {}
    start = t.get("start")
    overlap = (
        span is not None
        and start is not None
        and start < span[1]
        and t.get("end", start + 1) > span[0]
    )
    actor_ok, recipient_ok = _parties(gold, rec)
    return overlap, actor_ok, rec.get("modality") == gold["modality"], recipient_ok


def pairs(sentence: dict, records: list[dict]) -> list[tuple[int, int]]:
    """(gold index, record index) pairs of one sentence, greedily by rank."""
    ranked = [
        (_pair_rank(sentence, g, r), gi, ri)
        for gi, g in enumerate(sentence["events"])
        for ri, r in enumerate(records)
        if r.get("event") == g["event"]
    ]
    ranked.sort(key=lambda p: p[0], reverse=True)
    used_g, used_r, out = set(), set(), []
    for _, gi, ri in ranked:
        if gi not in used_g and ri not in used_r:
            used_g.add(gi)
            used_r.add(ri)
            out.append((gi, ri))
    return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def by_sentence(gold: list[dict], records: Iterable[dict]) -> dict[str, list[dict]]:
    """Records whose trigger starts inside a gold sentence, by sentence id."""
    sentences = defaultdict(list)
    for s in gold:
        sentences[s["article_id"]].append(s)
    out: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        start = (r.get("trigger") or {}).get("start")
        if start is None:
            continue
        for s in sentences.get(str(r.get("article_id")), []):
            if s["start"] <= start < s["end"]:
                out[s["id"]].append(r)
                break
    return out


def score(gold: list[dict], records: Iterable[dict]) -> dict:
    """The set's figures for `records` (dicts in the record contract's shape)."""
    grouped = by_sentence(gold, records)
    c: Counter = Counter()
    for s in gold:
        recs, events = grouped.get(s["id"], []), s["events"]
        c["gold"] += len(events)
        c["pred"] += len(recs)
        c["gold_actor"] += sum(bool(g.get("actor")) for g in events)
        c["pred_actor"] += sum(bool(_codes(r.get("actor"))) for r in recs)
        c["pred_asserted"] += sum(r.get("modality") == "asserted" for r in recs)
        for gi, ri in pairs(s, recs):
            g, r = events[gi], recs[ri]
            actor_ok, recipient_ok = _parties(g, r)
            modality_ok = r.get("modality") == g["modality"]
            c["tp_event"] += 1
            c["modality_ok"] += modality_ok
            c["actor_ok"] += actor_ok
            c["recipient_ok"] += recipient_ok
            c["tp_record"] += modality_ok and actor_ok and recipient_ok
            c["tp_core"] += modality_ok and _parties(g, r, lenient=True)[0]
            c["asserted_true"] += (
                r.get("modality") == "asserted" and g["modality"] == "asserted" and actor_ok
            )
    event, core, record = (
        _prf(c[k], c["pred"], c["gold"]) for k in ("tp_event", "tp_core", "tp_record")
    )
    tp = c["tp_event"] or 1
    return {
        "sentences": len(gold),
        "gold_events": c["gold"],
        "records": c["pred"],
        "event_p": event[0],
        "event_r": event[1],
        "event_f1": event[2],
        "core_p": core[0],
        "core_r": core[1],
        "core_f1": core[2],
        "record_p": record[0],
        "record_r": record[1],
        "record_f1": record[2],
        "asserted_precision": c["asserted_true"] / c["pred_asserted"]
        if c["pred_asserted"]
        else 0.0,
        "asserted_records": c["pred_asserted"],
        "modality_acc": c["modality_ok"] / tp,
        "actor_acc": c["actor_ok"] / tp,
        "recipient_acc": c["recipient_ok"] / tp,
        "records_with_actor": c["pred_actor"] / c["pred"] if c["pred"] else 0.0,
        "gold_with_actor": c["gold_actor"] / c["gold"] if c["gold"] else 0.0,
    }


def summary_line(fig: dict) -> str:
    """The one-line summary, in the set's own scorer's words."""
    return (
        f"realnews: event F1 {fig['event_f1']:.3f} (P {fig['event_p']:.3f} "
        f"R {fig['event_r']:.3f}); core F1 {fig['core_f1']:.3f}; record F1 "
        f"{fig['record_f1']:.3f}; asserted precision {fig['asserted_precision']:.3f}; "
        f"records with actor {fig['records_with_actor']:.3f}"
    )


def _read_jsonl(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(
            path=str(path),
            expected="the real-news set's JSONL file",
            found=str(exc),
            hint="Point --data at the folder holding "
            "realnews/articles.jsonl and realnews/gold.jsonl.",
        ) from exc


def code_records(articles_path: Path, pipeline=None) -> list[dict]:
    """The records `annales code ARTICLES --format jsonl` prints, as dicts."""
    from ..ingest import read_inputs
    from ..runners import LocalRunner
    from ..schema import Rejection

    if pipeline is None:
        from ..pipeline import default_pipeline

        pipeline = default_pipeline()
    return [
        e.to_dict()
        for item in LocalRunner(pipeline).run(read_inputs([str(articles_path)]))
        if not isinstance(item, Rejection)
        for e in item.events
    ]


def results(fig: dict, seconds: Optional[float] = None) -> list[SetResult]:
    """The figures as table rows ("realnews" is event P/R/F1; the others one figure each)."""
    n = fig["gold_events"]
    return [
        SetResult(
            "realnews",
            n,
            {"precision": fig["event_p"], "recall": fig["event_r"], "f1": fig["event_f1"]},
            seconds,
            summary_line(fig).removeprefix("realnews: "),
        ),
        SetResult(
            "realnews:core",
            n,
            {"precision": fig["core_p"], "recall": fig["core_r"], "f1": fig["core_f1"]},
        ),
        SetResult(
            "realnews:record",
            n,
            {"precision": fig["record_p"], "recall": fig["record_r"], "f1": fig["record_f1"]},
        ),
        SetResult(
            "realnews:asserted", fig["asserted_records"], {"accuracy": fig["asserted_precision"]}
        ),
        SetResult("realnews:with-actor", fig["records"], {"accuracy": fig["records_with_actor"]}),
        SetResult("realnews:modality", n, {"accuracy": fig["modality_acc"]}),
    ]


def evaluate(data_dir, limit: Optional[int] = None, pipeline=None) -> list[SetResult]:
    """Code the set's articles and score every record in its gold sentences.  `limit` scores
    only the gold sentences of the first `limit` articles."""
    folder = Path(data_dir) / FOLDER
    gold = _read_jsonl(folder / "gold.jsonl")
    articles_path = folder / "articles.jsonl"
    if limit is not None:
        keep = {a["id"] for a in _read_jsonl(articles_path)[:limit]}
        gold = [s for s in gold if s["article_id"] in keep]
    started = time.perf_counter()
    records = code_records(articles_path, pipeline)
    return results(score(gold, records), time.perf_counter() - started)

"""Event-location accuracy on the Halterman (2019) records (`event_location/` in the shared data).

Each record is a sentence, one event verb (character offsets) and 0..n gold location spans.
Scores, with span texts compared after stripping surrounding whitespace:

* exact_match: records with a gold location whose chosen span equals one of the gold spans;
* no_location_correct: records without a gold location for which None was given;
* overall: both kinds of record together.

Records are split deterministically by a hash of their id: 80% "train" (used by
scripts/train_location.py), 20% "test".
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterator, Optional

from ..errors import GoldDataMissing
from ..schema import stable_hash

FILE = "labeled_event_locations.jsonl"
TRAIN_SHARE = 80  # percent of records, by id hash, used for training


def split_of(record_id: str) -> str:
    return (
        "train" if int(stable_hash("event_location", record_id), 16) % 100 < TRAIN_SHARE else "test"
    )


def read_records(
    data_dir: str | Path, split: str = "test", limit: Optional[int] = None
) -> list[dict]:
    """Records of one split ("train", "test" or "all"), in file order, at most `limit`."""
    base = Path(data_dir)
    path = next(
        (p for p in (base / "event_location" / FILE, base / FILE, base) if p.is_file()), None
    )
    if path is None:
        raise GoldDataMissing(path=str(base / "event_location" / FILE))
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if split == "all" or split_of(rec["id"]) == split:
                out.append(rec)
                if limit is not None and len(out) >= limit:
                    break
    return out


def parsed(records: list[dict], nlp, batch_size: int = 128) -> Iterator[tuple]:
    """(record, doc, trigger token) for each record whose verb span maps onto tokens."""
    for doc, rec in nlp.pipe(
        ((r["text"], r) for r in records), as_tuples=True, batch_size=batch_size
    ):
        verb = rec["verb"]
        span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
        yield rec, doc, (span.root if span is not None and len(span) else None)


def gold_texts(rec: dict) -> set[str]:
    return {g["text"].strip() for g in rec.get("event_locations") or ()}


def tally(outcomes) -> dict:
    """Scores from (gold span texts, predicted span text or None) pairs: exact match on the
    records with a gold location, "no location" correct on the others, and both together."""
    with_gold = hit = without_gold = none_ok = 0
    for golds, predicted in outcomes:
        if golds:
            with_gold += 1
            hit += predicted is not None and predicted.strip() in golds
        else:
            without_gold += 1
            none_ok += predicted is None
    n = with_gold + without_gold
    return {
        "n": n,
        "n_with_location": with_gold,
        "exact_match": round(hit / with_gold, 4) if with_gold else None,
        "no_location_correct": round(none_ok / without_gold, 4) if without_gold else None,
        "overall": round((hit + none_ok) / n, 4) if n else None,
    }


def evaluate(
    data_dir: str | Path,
    limit: Optional[int] = None,
    split: str = "test",
    model: Optional[dict] = None,
) -> dict:
    """Score `location_for` on the event-location records of `split`."""
    from .. import nlp as _nlp
    from ..normalize.event_location import location_for
    from ..normalize.gazetteer import load_gazetteer
    from ..normalize.places import find_places

    records = read_records(data_dir, split=split, limit=limit)
    gaz = load_gazetteer()
    start = time.perf_counter()
    outcomes = []
    for rec, doc, trigger in parsed(records, _nlp.load()):
        loc = None
        if trigger is not None:
            loc = location_for(trigger, find_places(doc, gaz, speculative=True), model)
        outcomes.append((gold_texts(rec), loc.text if loc is not None else None))
    return {**tally(outcomes), "split": split, "seconds": round(time.perf_counter() - start, 2)}

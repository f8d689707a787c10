"""Event-date accuracy on the project's own test set (`annales/data/eval/dates.jsonl`).

Each line is one date expression in context, written for annales (not taken from any corpus):
a news-style sentence, its publication date (or null), the event word (`trigger`, the
`occurrence`-th token with that text), and the expected `value` (ISO prefix, a decade as "198"),
`precision` and `source` ("text", "published", or null when no date can be given).  `kind`
groups the lines (weekday, ago, decade, since, month_day, ..., and the traps: trap_other_clause,
trap_word, trap_number, future, no_published); `note` says what the line tests.

Scores: `accuracy` counts a line right when value and precision both match (null = null);
`source_accuracy` when the source matches as well; `by_kind` is the accuracy per kind.

The set was written together with the resolver's rules (annales.normalize.dates / temporal), so
it measures coverage of the listed phenomena, not accuracy on unseen news.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

FILE = Path(__file__).resolve().parent.parent / "data" / "eval" / "dates.jsonl"


def read_cases(limit: Optional[int] = None) -> list[dict]:
    with FILE.open(encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    return cases[:limit] if limit is not None else cases


def trigger_token(doc, word: str, occurrence: int = 1):
    """The `occurrence`-th token whose text is `word`, or None."""
    hits = [t for t in doc if t.text == word]
    return hits[occurrence - 1] if 0 < occurrence <= len(hits) else None


def evaluate(limit: Optional[int] = None, nlp=None) -> dict:
    """Score `resolve_date` on the test set; `details` holds every line with its prediction."""
    from .. import nlp as _nlp
    from ..normalize.dates import parse_published, resolve_date

    cases = read_cases(limit)
    nlp = nlp or _nlp.load()
    start = time.perf_counter()
    right = source_right = 0
    kinds: dict[str, list[int]] = {}
    details = []
    for case, doc in zip(cases, nlp.pipe(c["text"] for c in cases)):
        token = trigger_token(doc, case["trigger"], case.get("occurrence", 1))
        found = None if token is None else resolve_date(token, parse_published(case["published"]))
        got = (found.value, found.precision, found.source) if found else (None, None, None)
        ok = got[:2] == (case["value"], case["precision"])
        right += ok
        source_right += ok and got[2] == case["source"]
        kinds.setdefault(case.get("kind", "other"), []).append(ok)
        details.append(
            {
                **case,
                "got_value": got[0],
                "got_precision": got[1],
                "got_source": got[2],
                "got_text": found.text if found else None,
                "trigger_found": token is not None,
                "correct": ok,
            }
        )
    n = len(cases)
    return {
        "n": n,
        "accuracy": round(right / n, 4) if n else None,
        "source_accuracy": round(source_right / n, 4) if n else None,
        "by_kind": {
            k: {"n": len(v), "accuracy": round(sum(v) / len(v), 4)}
            for k, v in sorted(kinds.items())
        },
        "seconds": round(time.perf_counter() - start, 2),
        "details": details,
    }


def evaluate_set(data_dir=None, limit: Optional[int] = None) -> list:
    """The `dates` row of `annales eval` (the set ships with annales: `data_dir` is unused)."""
    from .report import SetResult

    r = evaluate(limit=limit)
    weakest = sorted(r["by_kind"].items(), key=lambda kv: kv[1]["accuracy"])[:3]
    note = (
        f"value+precision right; source also right {r['source_accuracy']}; weakest kinds: "
        + ", ".join(f"{k} {v['accuracy']:.2f} (n={v['n']})" for k, v in weakest)
    )
    return [
        SetResult(
            "dates",
            r["n"],
            {"accuracy": r["accuracy"] or 0.0},
            r["seconds"],
            note,
            details=r["details"],
        )
    ]

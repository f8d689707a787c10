"""The project's own headline set: news headlines written for annales, each labelled with the
PLOVER type of the story it announces, following the NGEC/POLECAT codebook (as the story-type
model's training labels do; conventions in data/eval/HEADLINES.md).  Two parts written by one
writer with one brief, blind to the coder:

* headlines_dev.jsonl — studied: its misses guided lexicon rows;
* headlines_blind.jsonl — never looked at item by item; only its scores are read.

Each headline is coded as a one-line article whose title is the headline, which is how the
story type meets a wire brief.  "headlines:<part>" scores the story type, and
"headlines:<part>:events" the rule-based coder alone (as "ngec:events" does)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..schema import EVENT_TYPES
from .classify import LabelledText, plover_label, score_texts, spread_sample, story_label
from .report import SetResult

DATA = Path(__file__).resolve().parent.parent / "data" / "eval"
PARTS = (("dev", DATA / "headlines_dev.jsonl"), ("blind", DATA / "headlines_blind.jsonl"))


def read_headlines(path: str | Path, limit: Optional[int] = None) -> list[LabelledText]:
    items = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                items.append(
                    LabelledText(
                        row["id"],
                        row["headline"],
                        row["event"],
                        title=row["headline"],
                        group=row.get("mode") or None,
                    )
                )
    return spread_sample(items, limit)


def evaluate_headlines(
    data_dir=None, limit: Optional[int] = None, pipeline=None
) -> list[SetResult]:
    """Both parts (`data_dir` is unused: the set ships with annales)."""
    if pipeline is None:
        from ..pipeline import default_pipeline

        pipeline = default_pipeline()
    rows = []
    for part, path in PARTS:
        labellers = {"": story_label, ":events": lambda c: plover_label(c.events + c.unanchored)}
        rows += score_texts(
            f"headlines:{part}",
            read_headlines(path, limit),
            pipeline,
            labellers,
            EVENT_TYPES,
            f"{part} part: story type of a one-line article",
        )
    return rows

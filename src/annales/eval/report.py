"""The evaluation table: one row per gold set (and per scoring variant)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

COLUMNS = ("precision", "recall", "f1", "accuracy", "macro_f1")


@dataclass
class SetResult:
    name: str  # "petrarch", "petrarch:root", "ngec", "conflibert"
    n: int  # records scored
    metrics: dict[str, float] = field(default_factory=dict)
    seconds: Optional[float] = None  # coding time (model loading excluded)
    note: str = ""
    # per-record gold and prediction, for finding what to fix (`python -m annales.eval --dump`)
    details: list[dict] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {
            "set": self.name,
            "n": self.n,
            **{k: round(v, 4) for k, v in self.metrics.items()},
            "seconds": None if self.seconds is None else round(self.seconds, 2),
            "note": self.note,
        }


@dataclass
class EvalReport:
    results: list[SetResult] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"sets": [r.to_dict() for r in self.results]}

    def table(self) -> str:
        head = ["set", "n", "P", "R", "F1", "acc", "macroF1", "sec"]
        rows = [head]
        for r in self.results:
            cells = [r.name, str(r.n)]
            cells += [f"{r.metrics[c]:.3f}" if c in r.metrics else "" for c in COLUMNS]
            cells.append("" if r.seconds is None else f"{r.seconds:.1f}")
            rows.append(cells)
        widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
        lines = [
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))
            )
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        notes = [f"{r.name}: {r.note}" for r in self.results if r.note]
        return "\n".join(lines + ([""] + notes if notes else []))

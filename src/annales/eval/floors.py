"""The quality gate: scores that may not drop (trafilatura-style).

The floors file (eval-floors.json at the repository root) names, per gold set, the item limit
the scores were measured with, and per metric the floor, the value it was set from and the
date.  Floors only go up: `tests/test_eval_floors.py` checks the file's history is monotone
against the previous commit, and CI runs `annales eval --floors eval-floors.json`.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import DataFileError
from .report import EvalReport


def load(path: str | Path) -> dict:
    try:
        floors = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(path=str(path), expected="a JSON floors file", found=str(exc),
                            hint="See eval-floors.json in the repository.") from exc
    if not isinstance(floors.get("sets"), dict):
        raise DataFileError(path=str(path), expected='an object with "sets"',
                            found=", ".join(floors), hint="See eval-floors.json.")
    return floors


def check(report: EvalReport, floors: dict) -> list[str]:
    """One line per metric below its floor (or missing from the report); empty when all hold."""
    scores = {r.name: r.metrics for r in report.results}
    failures = []
    for set_name, spec in floors["sets"].items():
        for metric, floor in spec.get("metrics", {}).items():
            value = scores.get(set_name, {}).get(metric)
            if value is None:
                failures.append(f"{set_name} {metric}: not measured (floor {floor['floor']})")
            elif value + 1e-9 < floor["floor"]:
                failures.append(f"{set_name} {metric}: {value:.4f} is below the floor "
                                f"{floor['floor']} (set {floor['date']} from {floor['measured']})")
    return failures


def plan(floors: dict) -> dict[str, int | None]:
    """Which evaluation runs (set -> item limit) the floors need: "petrarch:root" is a row of
    the "petrarch" run."""
    runs: dict[str, int | None] = {}
    for set_name, spec in floors["sets"].items():
        runs[set_name.split(":")[0]] = spec.get("limit")
    return runs

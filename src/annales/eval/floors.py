"""The quality gate: scores that may not drop (trafilatura-style).

The floors file (eval-floors.json at the repository root) keys each floor by the row of the
evaluation table, the item limit and the hash of the gold files it was measured on
(definitions.py: "realnews:core|limit=all|gold=3f2a9c1b04de"), and gives per metric the
floor, the value it was set from and the date.  A floor whose gold files no longer hash the
same fails the gate: an edited gold set is a new set, measured and added under its own key.
Floors only go up: `tests/test_eval_floors.py` checks every committed version of the file
against the next, and CI runs `annales eval --floors eval-floors.json`.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import DataFileError
from . import definitions
from .report import EvalReport


def load(path: str | Path) -> dict:
    try:
        floors = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(
            path=str(path),
            expected="a JSON floors file",
            found=str(exc),
            hint="See eval-floors.json in the repository.",
        ) from exc
    if not isinstance(floors.get("sets"), dict):
        raise DataFileError(
            path=str(path),
            expected='an object with "sets"',
            found=", ".join(floors),
            hint="See eval-floors.json.",
        )
    return floors


def check(report: EvalReport, floors: dict, data_dir=None) -> list[str]:
    """One line per metric below its floor, not measured, or measured on other gold files
    than its floor was (when `data_dir` is given); empty when all hold."""
    scores = {r.name: r.metrics for r in report.results}
    failures = []
    for floor_key, spec in floors["sets"].items():
        row, _, gold = definitions.parse(floor_key)
        if data_dir is not None and gold is not None:
            now = definitions.gold_hash(row, data_dir)
            if now is None:
                failures.append(
                    f"{row}: its gold files are missing under {data_dir} "
                    "(see eval/definitions.py for which files each set reads)"
                )
                continue
            if now != gold:
                failures.append(
                    f"{row}: its gold files hash to {now}, not {gold} as when its "
                    "floors were set; an edited gold set is a new set: measure "
                    "it and add its floors under the new key "
                    "(annales.eval.floors.raised)"
                )
                continue
        for metric, floor in spec.get("metrics", {}).items():
            value = scores.get(row, {}).get(metric)
            if value is None:
                failures.append(f"{row} {metric}: not measured (floor {floor['floor']})")
            elif value + 1e-9 < floor["floor"]:
                failures.append(
                    f"{row} {metric}: {value:.4f} is below the floor "
                    f"{floor['floor']} (set {floor['date']} from {floor['measured']})"
                )
    return failures


def plan(floors: dict) -> dict[str, int | None]:
    """Which evaluation runs (set -> item limit) the floors need: "petrarch:root" is a row of
    the "petrarch" run."""
    runs: dict[str, int | None] = {}
    for floor_key in floors["sets"]:
        row, limit, _ = definitions.parse(floor_key)
        runs[row.split(":")[0]] = limit
    return runs


# Floors sit this far under the measured value: the same code on another platform differs in
# the third decimal at most (float order in numpy, spaCy's thread scheduling), measured by the
# project's CI runs against developer runs.
MARGIN = 0.005


def raised(
    floors: dict, report: EvalReport, rows: list[str], data_dir, date: str, limit: int | None = None
) -> dict:
    """The floors with each of `rows` set from `report` (a new key for a new row or a new
    gold hash), never lower than a floor already there."""
    out = {**floors, "sets": dict(floors["sets"])}
    measured = {r.name: r.metrics for r in report.results}
    for row in rows:
        k = definitions.key(row, limit, definitions.gold_hash(row, data_dir))
        spec = out["sets"].get(k, {"metrics": {}})
        metrics = dict(spec["metrics"])
        for metric, value in measured[row].items():
            old = metrics.get(metric, {}).get("floor", 0.0)
            floor = max(old, round(max(0.0, value - MARGIN), 3))
            metrics[metric] = {"floor": floor, "measured": round(value, 4), "date": date}
        out["sets"][k] = {"metrics": metrics}
    return out

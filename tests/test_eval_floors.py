"""The quality gate's floors file is well formed and its floors only go up."""
from __future__ import annotations

import json
import subprocess

import pytest

from annales.eval import SETS, floors as gate
from annales.eval.report import EvalReport, SetResult

from .conftest import REPO

FLOORS = REPO / "eval-floors.json"


def test_floors_file_names_known_sets_with_dated_measurements():
    floors = gate.load(FLOORS)
    assert floors["sets"]
    for name, spec in floors["sets"].items():
        assert name.split(":")[0] in SETS, name
        for metric, f in spec["metrics"].items():
            assert 0 <= f["floor"] <= f["measured"] <= 1, (name, metric)
            assert len(f["date"]) == 10


def _history() -> list[dict]:
    """Every committed version of the floors file, oldest first, then the working copy."""
    try:
        log = subprocess.run(["git", "log", "--format=%H", "--", FLOORS.name], cwd=REPO,
                             capture_output=True, text=True, check=True).stdout.split()
        versions = [json.loads(subprocess.run(
            ["git", "show", f"{c}:{FLOORS.name}"], cwd=REPO, capture_output=True, text=True,
            check=True).stdout) for c in reversed(log)]
    except (OSError, subprocess.CalledProcessError):
        versions = []
    return versions + [gate.load(FLOORS)]


def test_floors_only_go_up():
    history = _history()
    if len(history) < 2:
        pytest.skip("the floors file has no earlier version")
    for before, now in zip(history, history[1:]):
        for name, spec in before["sets"].items():
            for metric, f in spec["metrics"].items():
                assert metric in now["sets"].get(name, {}).get("metrics", {}), \
                    f"{name} {metric} was dropped"
                assert now["sets"][name]["metrics"][metric]["floor"] >= f["floor"], (name, metric)


def test_check_reports_what_is_below_and_what_is_missing():
    floors = {"sets": {"ngec": {"limit": 10, "metrics": {
        "accuracy": {"floor": 0.5, "measured": 0.55, "date": "2026-11-29"},
        "macro_f1": {"floor": 0.4, "measured": 0.45, "date": "2026-11-29"}}}}}
    report = EvalReport([SetResult("ngec", 10, {"accuracy": 0.49})])
    failures = gate.check(report, floors)
    assert len(failures) == 2
    assert "below the floor 0.5" in failures[0] and "not measured" in failures[1]
    assert gate.check(EvalReport([SetResult("ngec", 10, {"accuracy": 0.5, "macro_f1": 0.41})]),
                      floors) == []
    assert gate.plan({"sets": {"petrarch:root": {"limit": None}, "ngec": {"limit": 10}}}) == {
        "petrarch": None, "ngec": 10}

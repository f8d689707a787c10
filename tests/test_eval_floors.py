"""The quality gate's floors file is well formed and its floors only go up."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from annales.eval import SETS, definitions
from annales.eval import floors as gate
from annales.eval.report import EvalReport, SetResult

from .conftest import REPO, SHARED

FLOORS = REPO / "eval-floors.json"


def test_floors_file_names_known_sets_with_dated_measurements():
    floors = gate.load(FLOORS)
    assert floors["sets"]
    for key, spec in floors["sets"].items():
        row, _, gold = definitions.parse(key)
        assert row.split(":")[0] in SETS, key
        assert gold, f"{key}: a floor names the hash of its gold files"
        for metric, f in spec["metrics"].items():
            assert 0 <= f["floor"] <= f["measured"] <= 1, (key, metric)
            assert len(f["date"]) == 10


def test_the_real_news_figures_come_first():
    assert next(iter(gate.load(FLOORS)["sets"])).startswith("realnews|")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout


def _full_keys(floors: dict, commit: str | None) -> dict:
    """The floors keyed by row, limit and gold hash; an older file's bare row names get the
    hash of the gold files as they were at its commit (the project's own sets are in the
    repository; shared sets are read-only and read as they are now)."""

    def read(path: Path) -> bytes:
        if commit is None or REPO not in path.parents:
            return path.read_bytes()
        return subprocess.run(
            ["git", "show", f"{commit}:{path.relative_to(REPO).as_posix()}"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout

    out = {}
    for key, spec in floors["sets"].items():
        row, limit, gold = definitions.parse(key)
        if "|" not in key:
            limit = spec.get("limit")
            try:
                gold = definitions.gold_hash(row, SHARED / "data", read)
            except subprocess.CalledProcessError:
                gold = None
        out[definitions.key(row, limit, gold)] = spec
    return out


def _history() -> list[tuple[str | None, dict]]:
    """(commit, floors) for every committed version of the floors file, oldest first, then the
    working copy (commit None)."""
    try:
        if _git("rev-parse", "--is-shallow-repository").strip() == "true":
            pytest.fail(
                "the repository is a shallow clone: the floors history cannot be read "
                "(.ci/run fetches the full history)"
            )
        log = _git("log", "--format=%H", "--", FLOORS.name).split()
    except (OSError, subprocess.CalledProcessError):
        if os.environ.get("CI"):
            pytest.fail("CI runs in a git clone: the floors history must be readable")
        return []
    versions = [(c, json.loads(_git("show", f"{c}:{FLOORS.name}"))) for c in reversed(log)]
    return versions + [(None, gate.load(FLOORS))]


def test_floors_only_go_up():
    history = _history()
    if len(history) < 2:
        pytest.skip("the floors file has no earlier version")
    for (c_before, before), (c_now, now) in zip(history, history[1:]):
        old, new = _full_keys(before, c_before), _full_keys(now, c_now)
        current = {definitions.parse(k)[0]: definitions.parse(k)[2] for k in new}
        for key, spec in old.items():
            row, _, gold = definitions.parse(key)
            if key not in new:
                # a floor may only leave with the gold it was measured on
                assert gold is None or current.get(row) not in (None, gold), (
                    f"{key} was dropped ({c_now or 'working copy'})"
                )
                continue
            for metric, f in spec["metrics"].items():
                assert metric in new[key]["metrics"], f"{key} {metric} was dropped"
                assert new[key]["metrics"][metric]["floor"] >= f["floor"], (key, metric)


def test_check_reports_what_is_below_and_what_is_missing():
    floors = {
        "sets": {
            "ngec|limit=10|gold=abc": {
                "metrics": {
                    "accuracy": {"floor": 0.5, "measured": 0.55, "date": "2026-11-29"},
                    "macro_f1": {"floor": 0.4, "measured": 0.45, "date": "2026-11-29"},
                }
            }
        }
    }
    report = EvalReport([SetResult("ngec", 10, {"accuracy": 0.49})])
    failures = gate.check(report, floors)
    assert len(failures) == 2
    assert "below the floor 0.5" in failures[0] and "not measured" in failures[1]
    assert (
        gate.check(EvalReport([SetResult("ngec", 10, {"accuracy": 0.5, "macro_f1": 0.41})]), floors)
        == []
    )
    assert gate.plan(
        {"sets": {"petrarch:root|limit=all|gold=x": {}, "ngec|limit=10|gold=y": {}}}
    ) == {"petrarch": None, "ngec": 10}


def test_a_floor_set_on_other_gold_files_fails_the_gate(tmp_path):
    gold = tmp_path / "realnews"
    gold.mkdir()
    for name in ("gold.jsonl", "articles.jsonl"):
        (gold / name).write_text('{"id": "x"}\n', "utf-8")
    now = definitions.gold_hash("realnews", tmp_path)
    assert (
        now and definitions.key("realnews:core", None, now) == f"realnews:core|limit=all|gold={now}"
    )
    report = EvalReport([SetResult("realnews:core", 9, {"f1": 0.5})])
    spec = {"metrics": {"f1": {"floor": 0.4, "measured": 0.41, "date": "2026-12-06"}}}
    assert (
        gate.check(report, {"sets": {f"realnews:core|limit=all|gold={now}": spec}}, tmp_path) == []
    )
    (gold / "gold.jsonl").write_text('{"id": "y"}\n', "utf-8")  # an edited gold set
    failures = gate.check(report, {"sets": {f"realnews:core|limit=all|gold={now}": spec}}, tmp_path)
    assert len(failures) == 1 and "is a new set" in failures[0]
    (gold / "gold.jsonl").unlink()  # a missing gold set
    failures = gate.check(report, {"sets": {f"realnews:core|limit=all|gold={now}": spec}}, tmp_path)
    assert len(failures) == 1 and "missing" in failures[0]


def test_raised_floors_never_go_down_and_key_the_gold(tmp_path):
    (tmp_path / "realnews").mkdir()
    for name in ("gold.jsonl", "articles.jsonl"):
        (tmp_path / "realnews" / name).write_text("{}\n", "utf-8")
    k = definitions.key("realnews", None, definitions.gold_hash("realnews", tmp_path))
    floors = {"sets": {k: {"metrics": {"f1": {"floor": 0.6, "measured": 0.61, "date": "x"}}}}}
    report = EvalReport([SetResult("realnews", 9, {"f1": 0.5, "precision": 0.7})])
    out = gate.raised(floors, report, ["realnews"], tmp_path, "2026-12-06")
    assert out["sets"][k]["metrics"]["f1"]["floor"] == 0.6
    assert out["sets"][k]["metrics"]["precision"]["floor"] == 0.695

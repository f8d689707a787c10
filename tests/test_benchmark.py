"""The throughput benchmark runs and reports its figures (no timing is asserted)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("throughput", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_throughput_benchmark_reports(tmp_path, capsys):
    with open(tmp_path / "test.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "category"])
        w.writerow(["Iran rejected the proposal. France condemned the attack.", "politics"])
        w.writerow(["Russia and China held talks in Beijing on Monday.", "politics"])
        w.writerow(["", "empty rows are skipped"])
    result = load_bench().main(["--data", str(tmp_path), "--limit", "5", "--rounds", "1"])
    assert result["articles"] == 2 and result["sentences"] == 3
    assert result["ratio_annales_to_spacy"] > 0 and result["peak_rss_mib"] > 0
    assert "ratio annales/spaCy" in capsys.readouterr().out


SCALE = Path(__file__).resolve().parents[1] / "benchmarks" / "scale.py"


@pytest.mark.slow
def test_scale_benchmark_reports_every_runner_it_was_asked_for(tmp_path, capsys):
    with open(tmp_path / "test.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "category"])
        for country in ("France", "Egypt", "Japan"):
            w.writerow(
                [f"Iran rejected the proposal of {country} on Monday. Talks went on.", "politics"]
            )
    spec = importlib.util.spec_from_file_location("scale", SCALE)
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    result = scale.main(["--data", str(tmp_path), "--limit", "3", "--configs", "local-1,local-2"])
    assert set(result["runs"]) == {"spacy", "local-1", "local-2"}
    assert result["articles"] == 3 and result["sentences"] == 6 and result["identical"]
    assert all(
        r["peak_worker_mib"] > 0 and r["ratio_to_spacy"] > 0 for r in result["runs"].values()
    )
    assert "same records from every annales run: True" in capsys.readouterr().out


def test_the_steady_rate_falls_back_to_the_whole_run_when_it_cannot_be_measured():
    spec = importlib.util.spec_from_file_location("scale", SCALE)
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    # a tiny corpus whose whole run took less than its cold start: the whole run's rate
    assert scale._steady({"articles": 3, "seconds": 1.0, "startup_s": 1.2}) == 3.0
    # a real run: the articles beyond the first over the time beyond the cold start
    assert scale._steady({"articles": 11, "seconds": 12.0, "startup_s": 2.0}) == 1.0

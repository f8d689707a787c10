"""The ingest progress line: drawn only on a terminal, with counts, rate and ETA."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

from annales.jobs import IngestStats
from annales.progress import Progress, estimate_total


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_counts_articles_events_rejections_rate_and_eta():
    bar = Progress(Terminal(), total=100)
    stats = IngestStats(coded=30, skipped=10, events=45, rejected=10)
    line = bar.line(stats, elapsed=10.0, coded_before=10)
    assert line.startswith(" 50% ")
    assert "30 articles coded, 10 already stored, 45 events, 10 rejected" in line
    assert "2.0 articles/s" in line and line.endswith("ETA 0:25")  # 50 left at 2 a second


def test_without_a_total_there_is_no_eta_and_off_a_terminal_nothing_is_drawn():
    assert "ETA" not in Progress(Terminal()).line(IngestStats(coded=3), 1.0)
    quiet = io.StringIO()
    bar = Progress(quiet)
    bar.update(IngestStats(coded=1), force=True)
    bar.close()
    assert quiet.getvalue() == ""


def test_updates_are_throttled_and_clear_leaves_an_empty_line():
    screen = Terminal()
    bar = Progress(screen, total=10)
    for n in range(1, 50):
        bar.update(IngestStats(coded=n))
    assert screen.getvalue().count("\r") == 1  # one redraw within REDRAW seconds
    bar.clear()
    assert screen.getvalue().endswith("\r\x1b[K")


def test_estimate_counts_lines_files_and_gives_up_on_stdin(tmp_path):
    (tmp_path / "feed.jsonl").write_text("{}\n{}\n{}\n")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("One.")
    (tmp_path / "news" / "b.txt").write_text("Two.")
    assert estimate_total([str(tmp_path / "feed.jsonl"), str(tmp_path / "news")]) == 5
    assert estimate_total(["-"]) is None


def test_ingest_on_a_terminal_draws_the_line_and_piped_it_does_not(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": f"p{i}", "text": f"Chile protested to Peru. Item {i}."}) + "\n"
            for i in range(5)
        )
    )
    args = [sys.executable, "-m", "annales", "ingest", str(feed)]
    leader, follower = pty.openpty()
    run = subprocess.Popen(
        args + ["--db", str(tmp_path / "tty.duckdb")], stderr=follower, stdout=subprocess.DEVNULL
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert run.wait(120) == 0
    text = seen.decode()
    assert "articles coded" in text and "ETA" in text and "\x1b[K" in text
    assert "5 new articles" in text
    piped = subprocess.run(
        args + ["--db", str(tmp_path / "pipe.duckdb")], capture_output=True, text=True, timeout=120
    )
    assert piped.returncode == 0 and "\r" not in piped.stderr
    assert "articles coded" not in piped.stderr and "5 new articles" in piped.stderr

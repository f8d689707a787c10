"""The store under real processes: readers during an ingest, two ingests at once, an ingest
killed (SIGKILL) at several points and re-run.  `annales ingest` holds its file only while it
commits a batch (jobs.WRITE_BATCH articles), so everything here runs as child processes.

Every wait is bounded (a timeout or a deadline) and nothing asserts on how long a step took."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from annales.api.db import Database
from annales.cli import main
from annales.errors import StoreBusy
from annales.jobs import WRITE_BATCH
from annales.store import database
from annales.store.database import PAUSE_IN_COMMIT

COUNTRIES = [
    "Germany",
    "France",
    "Russia",
    "China",
    "Egypt",
    "Turkey",
    "Jordan",
    "Japan",
    "Brazil",
    "India",
    "Canada",
    "Mexico",
    "Kenya",
    "Sweden",
    "Chile",
]
TEMPLATES = [
    "Iran rejected the proposal of {c} on Monday, officials said.",
    '"We will not accept new sanctions," the foreign minister of {c} said on Tuesday.',
    "Israel and {c} signed a trade agreement in Jerusalem on Wednesday.",
    "Protesters marched against the government of {c} in the capital on Friday.",
    "The United States threatened to impose sanctions on {c} if talks failed.",
]
FRENCH = (
    "Le gouvernement a annoncé mardi qu'il reconnaîtrait l'État de Palestine si les "
    "négociations de paix restaient bloquées, a déclaré le ministre."
)


def write_corpus(path: Path, articles: int, prefix: str = "k") -> Path:
    """`articles` short coded articles, with an empty one (R001), one in French (R005), a
    placeholder date (R008, still coded), a reused id with another text (R011), a repeat of
    an id with the same text (skipped) and a broken line (R006) among them."""
    lines = []
    for i in range(articles):
        text = TEMPLATES[i % len(TEMPLATES)].format(c=COUNTRIES[i % len(COUNTRIES)])
        record = {"id": f"{prefix}{i}", "text": f"{text} Report {i} of the series."}
        if i == 40:
            record["published"] = "9999-12-31"
        lines.append(json.dumps(record))
        if i == 5:
            lines.append(json.dumps({"id": f"{prefix}-empty", "text": ""}))
        if i == 20:
            lines.append(json.dumps({"id": f"{prefix}-french", "text": FRENCH}))
        if i == 130:
            lines.append(json.dumps({"id": f"{prefix}3", "text": "Egypt praised Jordan."}))
            lines.append(lines[3])  # k3 again, with its own text: skipped
        if i == 200:
            lines.append("{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def annales(*args: str, cwd: Path, env: dict | None = None, **kw) -> subprocess.Popen:
    out = open(cwd / f"run-{time.monotonic_ns()}.err", "w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "annales", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=out,
        **kw,
    )
    proc.err = out  # type: ignore[attr-defined]
    return proc


def stderr_of(proc) -> str:
    proc.err.seek(0)
    return proc.err.read()


def finish(proc, timeout: float = 60) -> tuple[int, str]:
    proc.wait(timeout)
    text = stderr_of(proc)
    assert "Traceback" not in text, text
    return proc.returncode, text


def snapshot(db: Path) -> dict[str, list]:
    """Everything stored but the write times and the event write order (the near-duplicate
    links and real-world events included)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute(
                "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id"
            ).fetchall(),
            "events": con.execute("SELECT * EXCLUDE (seq) FROM events ORDER BY id").fetchall(),
            "quotes": con.execute("SELECT * FROM quotes ORDER BY article_id, idx").fetchall(),
            "rejections": con.execute(
                "SELECT input, reason_code, message FROM rejections ORDER BY ALL"
            ).fetchall(),
            # near-duplicate links and the real-world events the records are mentions of
            "links": con.execute("SELECT * FROM article_links ORDER BY ALL").fetchall(),
            "bands": con.execute("SELECT * FROM article_bands ORDER BY ALL").fetchall(),
            "mentions": con.execute(
                "SELECT event_key, mention_id, story_id FROM event_mentions ORDER BY ALL"
            ).fetchall(),
            "real_events": con.execute(
                "SELECT event_key, num_mentions, num_articles, num_sources, num_stories, "
                "list_sort(mentions) FROM real_events ORDER BY ALL"
            ).fetchall(),
        }
    finally:
        con.close()


def stored_articles(db: Path) -> int:
    con = database.connect(str(db), read_only=True, wait=5)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def wait_for(condition, proc, what: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"the ingest ended before {what}: {stderr_of(proc)}"
        assert time.monotonic() < end, f"no {what} within {timeout} s"
        time.sleep(0.05)


def kill(proc) -> None:
    assert proc.poll() is None, "the ingest ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """250 articles (three batches) and the store a clean, uninterrupted ingest makes of it."""
    folder = tmp_path_factory.mktemp("corpus")
    path = write_corpus(folder / "feed.jsonl", 250)
    clean = folder / "clean.duckdb"
    code, text = finish(annales("ingest", str(path), "--db", str(clean), cwd=folder), 120)
    assert code == 1 and "250 new articles" in text  # 1: some inputs were rejected
    expected = snapshot(clean)
    assert len(expected["articles"]) == 250 and expected["events"] and expected["quotes"]
    assert {r[1] for r in expected["rejections"]} == {"R001", "R005", "R006", "R008", "R011"}
    # the series repeats its sentences: near-duplicates are linked, and events merged
    assert expected["links"] and len(expected["real_events"]) < len(expected["events"])
    return path, expected


def test_killed_ingests_rerun_to_the_same_store_as_a_clean_run(corpus, tmp_path):
    path, expected = corpus
    db = tmp_path / "s.duckdb"
    args = ("ingest", str(path), "--db", str(db))

    # 1. inside the first commit: nothing is stored
    kill(inside_commit(1, args, tmp_path))
    assert stored_articles(db) == 0

    # 2. inside the second commit: the first batch is whole, the second is not there
    kill(inside_commit(2, args, tmp_path))
    assert stored_articles(db) == WRITE_BATCH

    # 3. while coding, after a commit: the second batch is whole
    run = annales(*args, cwd=tmp_path)
    wait_for(lambda: stored_articles(db) > WRITE_BATCH, run, "the second batch")
    kill(run)
    assert stored_articles(db) == 2 * WRITE_BATCH

    # the same command again: the rest, nothing twice
    rerun_completes(args, tmp_path, db, expected)


def inside_commit(nth: int, args: tuple, cwd: Path) -> subprocess.Popen:
    """An ingest paused inside its `nth` batch commit (PAUSE_IN_COMMIT)."""
    marker = cwd / f"in-commit-{nth}"
    run = annales(*args, cwd=cwd, env={PAUSE_IN_COMMIT: f"{nth}:{marker}"})
    wait_for(marker.exists, run, f"commit {nth}")
    return run


def rerun_completes(args: tuple, cwd: Path, db: Path, expected: dict) -> None:
    """The same command again stores the last 50 articles, and the store equals a clean run's."""
    code, text = finish(annales(*args, cwd=cwd))
    assert code == 1 and "50 new articles (201 already stored)" in text  # k3 repeated
    assert snapshot(db) == expected


def test_ctrl_c_during_a_commit_stores_the_whole_batch_and_a_rerun_completes(corpus, tmp_path):
    path, expected = corpus
    db = tmp_path / "s.duckdb"
    args = ("ingest", str(path), "--db", str(db))
    run = inside_commit(2, args, tmp_path)
    run.send_signal(signal.SIGINT)
    code, text = finish(run)
    # the commit under way is rolled back, then the interrupted run stores what it had coded
    assert code == 130 and "E011" in text and "200 new articles stored" in text, text
    assert stored_articles(db) == 2 * WRITE_BATCH
    rerun_completes(args, tmp_path, db, expected)


def test_two_ingests_of_one_store_at_once_store_each_article_once(corpus, tmp_path):
    path, expected = corpus
    db = tmp_path / "s.duckdb"
    runs = [annales("ingest", str(path), "--db", str(db), cwd=tmp_path) for _ in range(2)]
    for run in runs:
        code, text = finish(run, 120)
        assert code == 1, text
    assert snapshot(db) == expected


def test_readers_during_an_ingest_read_or_are_told_busy(tmp_path):
    path = write_corpus(tmp_path / "feed.jsonl", 500)
    db = tmp_path / "s.duckdb"
    ingest = annales("ingest", str(path), "--db", str(db), cwd=tmp_path)
    wait_for(db.exists, ingest, "the store file")
    reads = []  # (exit code, stderr, whether the ingest was still running when it returned)
    served = []  # the same for the server's way in (annales.api.db): articles seen, or E106
    server = Database(str(db), linger=0)
    try:
        while ingest.poll() is None and len(reads) < 40:
            reader = subprocess.run(
                [sys.executable, "-m", "annales", "events", "--db", str(db), "--format", "jsonl"],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=60,
            )
            reads.append((reader.returncode, reader.stderr, ingest.poll() is None))
            try:
                with server.read() as con:
                    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                served.append((n, ingest.poll() is None))
            except StoreBusy:  # 503: a commit held the file longer than the server waits
                served.append(("E106", ingest.poll() is None))
    finally:
        server.close()
    code, text = finish(ingest, 120)
    assert code == 1 and "500 new articles" in text
    for returncode, err, _ in reads:
        assert "Traceback" not in err, err
        assert returncode == 0 or (returncode == 2 and "E012" in err and "busy" in err), err
    assert any(rc == 0 and running for rc, _, running in reads), reads
    assert any(isinstance(n, int) and running for n, running in served), served


def test_a_store_held_by_another_process_is_a_clear_busy_error(tmp_path, monkeypatch):
    db = tmp_path / "held.duckdb"
    (tmp_path / "a.txt").write_text("Iran rejected the proposal.\n")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
            "print('held', flush=True); sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    monkeypatch.setattr(database, "LOCK_WAIT", 0.3)
    try:
        assert holder.stdout.readline().strip() == "held"
        for args in (
            ["events", "--db", str(db)],
            ["ingest", str(tmp_path / "a.txt"), "--db", str(db)],
        ):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 2, result.output
            assert "E012" in result.output and "is busy" in result.output, result.output
            assert "Conflicting lock" in result.output and "Run the command again" in result.output
    finally:
        holder.stdin.close()
        holder.wait(10)

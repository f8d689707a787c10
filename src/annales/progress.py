"""The progress line of a long ingest: articles, events, rejections, rate and ETA, redrawn in
place on stderr at most a few times a second, and only when stderr is a terminal (a log file
or a pipe gets the summary line alone)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO, Iterable, Optional

# Extensions whose files hold one article per line (a CSV's header is one line too many, which
# an estimate can bear); any other file is one article.
LINE_FORMATS = (".jsonl", ".json", ".csv", ".tsv")
REDRAW = 0.25  # seconds between redraws


def estimate_total(paths: Iterable[str]) -> Optional[int]:
    """About how many articles `paths` hold (lines of line formats, one per other file), or
    None when it cannot be known without reading them (stdin, WARC archives)."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith((".warc", ".warc.gz")):
                return None
            total += _lines(f) if name.endswith(LINE_FORMATS) else 1
    return total


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 1


class Progress:
    """Call `update(stats)` as often as you like; it redraws when REDRAW seconds have passed.
    `clear()` before printing anything else to the stream, `close()` at the end."""

    def __init__(self, stream: IO[str], total: Optional[int] = None, force: bool = False):
        self.stream, self.total = stream, total
        self.active = force or _is_tty(stream)
        self._first: Optional[tuple[float, int]] = None  # (time, articles coded) at the first
        # update: the rate leaves out loading the pipeline and the first batch's wait
        self._last = 0.0
        self._shown = False

    def update(self, stats, force: bool = False) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if self._first is None:
            self._first = (now, stats.coded)
        if not force and now - self._last < REDRAW:
            return
        self._last = now
        self.stream.write("\r" + self.line(stats, now - self._first[0], self._first[1]) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def line(self, stats, elapsed: float, coded_before: int = 0) -> str:
        """The progress text after `elapsed` seconds in which coded_before..stats.coded
        articles were coded."""
        coded = stats.coded
        done = coded + stats.skipped + stats.rejected
        rate = (coded - coded_before) / elapsed if elapsed > 0 else 0.0
        text = (
            f"{coded:,} articles coded, {stats.skipped:,} already stored, "
            f"{stats.events:,} events, {stats.rejected:,} rejected, {rate:,.1f} articles/s"
        )
        if self.total:
            share = min(done, self.total) / self.total
            left = self.total - done
            eta = _clock(left / rate) if rate > 0 and left > 0 else "--:--"
            text = f"{share:4.0%} " + text + f", ETA {eta}"
        return text

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
            self._last = 0.0  # redraw at the next update

    def close(self) -> None:
        self.clear()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def _is_tty(stream) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False

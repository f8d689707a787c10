"""A per-case bound on wall time, to turn a hang into a failure (never to benchmark).

`with deadline(30): ...` raises `Hung` when the block runs longer than 30 s.  It uses SIGALRM,
so it works in the main thread of a Unix process, which is where pytest runs tests.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager


class Hung(AssertionError):
    pass


@contextmanager
def deadline(seconds: float, what: str = "the block"):
    def ring(signum, frame):
        raise Hung(f"{what} ran longer than {seconds} s: treated as a hang")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

"""Every core: worker processes that each build the pipeline once and code batches of articles.
The output is in input order and equal, record for record, to the in-process runner's.

A bad article never stops or stalls the run.  One the coder raises on is an R020 row (as in
every runner, base.code_batch).  One that kills its worker (a crash in compiled code, the
kernel's OOM killer) or keeps it busy past `time_limit` costs the pool: the workers are
replaced, the batch that was waited on is coded again one article at a time with nothing else
running (so a second failure names its article for certain: an R020 row), and the batches lost
with the old workers are sent again.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional, Union

from ..schema import Article, Rejection
from .base import Item, Output, PipelineSpec, Skip, batches, code_batch, failed

# Articles per task: small enough that the workers share the tail of a run evenly and that a
# replaced pool loses little, large enough that spaCy's batching and the pickling pay off.
CHUNK = 16
# Seconds a batch may take before its worker counts as stalled.  The longest article ingest
# accepts (200,000 characters, errors R004) codes in well under a minute on one slow core;
# a worker's start (importing spaCy, building the pipeline) is included.
TIME_LIMIT = 600.0
PARENT_CHECK = 1.0  # seconds between a worker's checks that its parent is still there


def default_workers() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- in each worker process --------------------------------------------------------------------
_pipeline = None
_start_error: Optional[BaseException] = None


def _start(spec: PipelineSpec) -> None:
    # Ctrl-C reaches the whole process group; the parent answers it (E011) and ends the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with(os.getppid())
    global _pipeline, _start_error
    try:
        _pipeline = spec.build()
    except Exception as exc:  # noqa: BLE001 - an initializer that raises only breaks the pool;
        _start_error = exc  # raised from the first task, the parent gets the error itself


def _end_with(parent: int) -> None:
    """Exit when the parent is gone.  A parent killed outright (SIGKILL, the OOM killer) cannot
    end its workers, and each holds both ends of the task queue, so none would ever see it
    close: they would wait, each with a pipeline in memory, for good."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="annales-parent-watch", daemon=True).start()


def _code(articles: list[Article], batch_size: int) -> list[Output]:
    if _start_error is not None:
        raise _start_error
    return list(code_batch(_pipeline, articles, batch_size))


# --- in the parent -----------------------------------------------------------------------------
class PoolRunner:
    """Codes with `workers` processes; at most two batches per worker are in flight, so memory
    stays bounded however long the input."""

    def __init__(
        self,
        spec: PipelineSpec,
        workers: Optional[int] = None,
        chunk_size: int = CHUNK,
        batch_size: int = 32,
        time_limit: float = TIME_LIMIT,
    ):
        self.spec = spec
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self.batch_size = batch_size
        self.time_limit = time_limit

    def run(self, items: Iterable[Item], skip: Skip = None) -> Iterator[Output]:
        pool = _Pool(self.spec, self.workers, self.batch_size)
        pending: deque[Union[Rejection, _Task]] = deque()
        finished = False
        try:
            for unit in batches(items, self.chunk_size, skip):
                if isinstance(unit, Rejection):
                    pending.append(unit)
                    continue
                pending.append(_Task(unit, pool.submit(unit)))
                while sum(isinstance(u, _Task) for u in pending) >= 2 * self.workers:
                    yield from self._next(pending, pool)
            while pending:
                yield from self._next(pending, pool)
            finished = True
        finally:
            # Ctrl-C, an error, or a caller that stopped reading: end the workers now rather
            # than after the batches they are coding
            pool.close(kill=not finished)

    def _next(self, pending: deque, pool: _Pool) -> Iterator[Output]:
        head = pending.popleft()
        if isinstance(head, Rejection):
            yield head
            return
        try:
            out = head.future.result(timeout=self.time_limit)
        except (BrokenProcessPool, FutureTimeout):
            pool.restart()
            yield from self._one_by_one(head.articles, pool)
            for task in pending:  # batches lost with the old workers go to the new ones
                if isinstance(task, _Task) and not _succeeded(task.future):
                    task.future = pool.submit(task.articles)
            return
        yield from out

    def _one_by_one(self, articles: list[Article], pool: _Pool) -> Iterator[Output]:
        for article in articles:
            try:
                out = pool.submit([article]).result(timeout=self.time_limit)
            except BrokenProcessPool:
                pool.restart()
                yield failed(
                    article,
                    "its worker process ended abruptly while coding it "
                    "(a crash, or killed for memory)",
                )
                continue
            except FutureTimeout:
                pool.restart()
                yield failed(
                    article,
                    f"no result within {self.time_limit:g} s (the worker coding it was stopped)",
                )
                continue
            yield from out


@contextmanager
def _sigint_ignored():
    """Ctrl-C ignored while a worker starts.  The worker ignores it from its first instruction
    on (an ignored signal stays ignored across exec, and Python keeps it so), where setting it
    in _start would leave the seconds of its imports, when a Ctrl-C prints a traceback from each
    worker.  The parent misses a Ctrl-C only within the few milliseconds of a start."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; only it gets SIGINT anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Task:
    __slots__ = ("articles", "future")

    def __init__(self, articles: list[Article], future: Future):
        self.articles = articles
        self.future = future


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class _Pool:
    """A ProcessPoolExecutor that can be replaced, and ended at once."""

    def __init__(self, spec: PipelineSpec, workers: int, batch_size: int):
        self.spec, self.workers, self.batch_size = spec, workers, batch_size
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may hold DuckDB's threads, which a fork copies mid-state
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(self.spec,),
        )

    def submit(self, articles: list[Article]) -> Future:
        # the executor starts a worker inside submit() when none is idle
        with _sigint_ignored():
            try:
                return self._executor.submit(_code, articles, self.batch_size)
            except BrokenProcessPool as exc:
                # a worker died since the last submit (another batch crashed it): the batch
                # fails like those that were in flight, and the runner recodes it
                lost: Future = Future()
                lost.set_exception(exc)
                return lost

    def restart(self) -> None:
        self.close(kill=True)
        self._executor = self._new()

    def close(self, kill: bool = False) -> None:
        executor = self._executor
        if kill:
            stop = getattr(executor, "terminate_workers", None)  # Python 3.14+
            if stop is not None:
                stop()
            else:  # before 3.14 the executor has no public way to stop a running task
                for process in list((getattr(executor, "_processes", None) or {}).values()):
                    if process.is_alive():
                        process.kill()
        executor.shutdown(wait=True, cancel_futures=kill)

"""The server's way into the store: reads on a read-only DuckDB connection, one cursor per
request; writes (POST /api/ingest) through annales.Store, one at a time.

DuckDB lets one process hold a file either read-only or read-write, not both, so during an
ingest the server's readers read through the writer's own connection: DuckDB's MVCC shows them
the last committed batch, and they never wait for the ingest to finish.  The read-only
connection is closed after `linger` idle seconds so that another process (`annales ingest`,
which holds the file only to commit each batch) can take the file between bursts of requests.
When another process holds the file, opening it is retried for `wait` seconds (a CLI ingest's
commit takes well under that), then the request is answered 503 E106 with Retry-After."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from typing import Iterator, Optional

import duckdb

from ..errors import IngestRunning, StoreBusy, StoreError, StoreLocked, StoreMissing
from ..store import Store
from ..store.database import connect
from ..store.migrate import check_current


class Database:
    def __init__(self, path: str, linger: float = 2.0, wait: float = 1.0):
        self.path = str(path)
        self.linger = linger
        self.wait = wait
        self._cond = threading.Condition()
        self._reader: Optional[duckdb.DuckDBPyConnection] = None
        self._writer: Optional[Store] = None
        self._write_base: Optional[duckdb.DuckDBPyConnection] = None  # readers' way in
        self._switching = False
        self._active = 0
        self._timer: Optional[threading.Timer] = None
        self._ingest = threading.Lock()

    # -- reading ----------------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request's queries."""
        with self._cond:
            while self._switching:
                self._cond.wait()
            # the writer and the base its cursors come from are set and cleared together
            con = self._write_base if self._write_base is not None else self._open_reader()
            cursor = con.cursor()
            self._active += 1
        try:
            yield cursor
        except duckdb.Error as exc:
            raise StoreError(path=self.path, detail=_first_line(exc)) from exc
        finally:
            cursor.close()
            with self._cond:
                self._active -= 1
                if self._active == 0:
                    self._cond.notify_all()
                    self._schedule_release()

    def _open_reader(self) -> duckdb.DuckDBPyConnection:
        if self._timer:
            self._timer.cancel()
            self._timer = None
        if self._reader is None:
            if not os.path.exists(self.path):
                raise StoreMissing(path=self.path)
            try:
                con = connect(self.path, read_only=True, wait=self.wait)
            except StoreLocked as exc:  # another process holds the write lock
                raise StoreBusy(path=self.path, detail=exc.details["detail"]) from exc
            except duckdb.Error as exc:
                raise StoreError(path=self.path, detail=_first_line(exc)) from exc
            try:
                check_current(con)
            except (duckdb.Error, ValueError) as exc:
                con.close()
                raise StoreError(path=self.path, detail=_first_line(exc)) from exc
            self._reader = con
        return self._reader

    def _schedule_release(self) -> None:
        if self._reader is None or self._timer is not None:
            return
        self._timer = threading.Timer(self.linger, self._release_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _release_if_idle(self) -> None:
        with self._cond:
            self._timer = None
            if self._active == 0 and self._reader is not None:
                self._reader.close()
                self._reader = None

    # -- writing ----------------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Store]:
        """The store opened for writing; reads go on meanwhile (see the module doc).  Raises
        IngestRunning when another write is under way."""
        if not self._ingest.acquire(blocking=False):
            raise IngestRunning()
        try:
            try:
                self._swap(lambda: Store(self.path, wait=self.wait))
            except StoreLocked as exc:
                raise StoreBusy(path=self.path, detail=exc.details["detail"]) from exc
            writer = self._writer
            assert writer is not None, "_swap sets the writer or raises"
            try:
                yield writer
            finally:
                self._swap(lambda: None)
        finally:
            self._ingest.release()

    def _swap(self, make) -> None:
        """Replace the connection reads go through, once no request is using the old one."""
        with self._cond:
            self._switching = True
            try:
                while self._active:
                    self._cond.wait()
                if self._reader is not None:
                    self._reader.close()
                    self._reader = None
                if self._writer is not None and self._write_base is not None:
                    self._write_base.close()
                    self._writer.close()
                    self._writer = self._write_base = None
                self._writer = make()
                if self._writer is not None:
                    # cursors are made from this one, never from the connection the ingest
                    # thread is using
                    self._write_base = self._writer.con.cursor()
            finally:
                self._switching = False
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            if self._timer:
                self._timer.cancel()
            for con in (self._reader, self._write_base, self._writer):
                if con is not None:
                    con.close()
            self._reader = self._writer = self._write_base = None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")

"""Exports of a whole store to the formats other event-data tools read.

    >>> from annales.exports import export
    >>> export("events.duckdb", "gdelt", "events.tsv")      # or a text stream, or "-"

jsonl and csv carry every record as `annales events` prints it, with the real-world event it
is a mention of; parquet the full record with nested actors; gdelt, icews and plover the
columns and fields of those formats (docs/exports.md says what goes where).
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import IO, Iterator, Union

from ..errors import UsageError
from ..store import Store
from . import gdelt, icews, plover, records

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt", "icews")

Target = Union[str, IO]


def export(db: str, fmt: str, out: Target = "-") -> int:
    """Write every stored record of `db` to `out` (a path, "-" for stdout, or an open stream)
    in format `fmt`; gives the number of rows written."""
    if fmt not in FORMATS:
        raise UsageError(what="export format", expected="one of " + ", ".join(FORMATS),
                         found=fmt)
    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            return store._run(lambda: records.parquet(store.con, out))
        writer = {"csv": records.csv_rows, "jsonl": records.jsonl_rows,
                  "plover": plover.write, "gdelt": gdelt.write, "icews": icews.write}[fmt]
        with _text(out) as stream:
            return store._run(lambda: writer(store.con, stream))


@contextmanager
def _text(out: Target) -> Iterator[IO[str]]:
    if out == "-":
        yield sys.stdout
        sys.stdout.flush()
    elif isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out

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

import duckdb

from ..errors import OutputUnwritable, StoreError, UsageError
from ..store import Store
from . import gdelt, icews, plover, records

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt", "icews")

Target = Union[str, IO]


def export(db: str, fmt: str, out: Target = "-") -> int:
    """Write every stored record of `db` to `out` (a path, "-" for stdout, or an open stream)
    in format `fmt`; gives the number of rows written."""
    if fmt not in FORMATS:
        raise UsageError(what="export format", expected="one of " + ", ".join(FORMATS), found=fmt)
    with Store(db, read_only=True) as store:
        try:
            if fmt == "parquet":
                return records.parquet(store.con, out)
            writer = {
                "csv": records.csv_rows,
                "jsonl": records.jsonl_rows,
                "plover": plover.write,
                "gdelt": gdelt.write,
                "icews": icews.write,
            }[fmt]
            with _text(out) as stream:
                return writer(store.con, stream)
        except BrokenPipeError:
            if out == "-":
                raise  # the reader stopped reading ("| head"): no error of the output's
            raise OutputUnwritable(path=str(out), detail="broken pipe") from None
        except OSError as exc:
            raise OutputUnwritable(path=str(out), detail=exc.strerror or str(exc)) from exc
        except duckdb.IOException as exc:  # DuckDB's COPY failing to open the Parquet file
            raise OutputUnwritable(path=str(out), detail=_first_line(exc)) from exc
        except duckdb.Error as exc:
            raise StoreError(path=db, detail=_first_line(exc)) from exc


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


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")

"""The annales record itself: jsonl and csv rows as `annales events` prints them, and Parquet
with the full record (nested parts as structs), each with the real-world event it mentions."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from typing import IO, Iterator

from ..output import EVENT_COLUMNS, RecordWriter, flatten_event
from ..schema import Event
from ..store.rows import RECORD_COLUMNS, event_from_row

# what each record adds: the real-world event it is a mention of (store view real_events)
EVENT_KEY_COLUMNS = ("event_key", "num_mentions", "num_articles", "num_sources")

_MENTIONS = f"""
    SELECT {", ".join(f'e."{c}"' for c in RECORD_COLUMNS)},
           m.event_key, r.num_mentions, r.num_articles, r.num_sources
    FROM events e
    JOIN event_mentions m ON m.mention_id = e.id
    JOIN real_events r ON r.event_key = m.event_key
    ORDER BY e.seq
"""


def mentions(con) -> Iterator[tuple[Event, dict]]:
    """Every stored record in write order, with its real-world event's key and counts."""
    cursor = con.execute(_MENTIONS)
    width = len(RECORD_COLUMNS)
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield event_from_row(row[:width]), dict(zip(EVENT_KEY_COLUMNS, row[width:]))


def jsonl_rows(con, stream: IO[str]) -> int:
    out = RecordWriter(stream, "jsonl")
    n = 0
    for event, real in mentions(con):
        out.write(event.to_dict() | {"real_event": real})
        n += 1
    out.close()
    return n


def csv_rows(con, stream: IO[str]) -> int:
    out = RecordWriter(stream, "csv", EVENT_COLUMNS + EVENT_KEY_COLUMNS)
    n = 0
    for event, real in mentions(con):
        out.write(event.to_dict(), flatten_event(event) | real)
        n += 1
    if n == 0:  # a header even for an empty store, so that readers see the columns
        stream.write(",".join(EVENT_COLUMNS + EVENT_KEY_COLUMNS) + "\r\n")
    out.close()
    return n


ENTITY = (
    '{"text": "VARCHAR", "name": "VARCHAR", "code": "VARCHAR", "country": "VARCHAR", '
    '"sector": "VARCHAR", "kb_id": "VARCHAR", "start": "INTEGER", "end": "INTEGER", '
    '"basis": "VARCHAR"}'
)
SHAPES = {
    "actor": f"[{ENTITY}]",
    "recipient": f"[{ENTITY}]",
    "attribution": f'{{"speaker": {ENTITY}, "cue": "VARCHAR", "quoted": "BOOLEAN", '
    '"anonymous": "BOOLEAN"}',
    "date": '{"value": "VARCHAR", "precision": "VARCHAR", "text": "VARCHAR", "source": "VARCHAR"}',
    "location": '{"text": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "lat": "DOUBLE", '
    '"lon": "DOUBLE", "geonames_id": "BIGINT", "kind": "VARCHAR"}',
    "trigger": '{"text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}',
}


def _column(c: str) -> str:
    """A record column for Parquet: nested parts (JSON text in the store) as structs."""
    if c in SHAPES:
        return f'from_json(e."{c}", \'{SHAPES[c]}\') AS "{c}"'
    return f'e."{c}"'


PARQUET_SQL = f"""
    SELECT {", ".join(_column(c) for c in RECORD_COLUMNS)},
           e.date_start, e.date_end,
           a.url AS article_url, a.title AS article_title, a.source AS article_source,
           a.published AS article_published,
           m.event_key, r.num_mentions, r.num_articles, r.num_sources, r.num_stories
    FROM events e
    JOIN articles a ON a.id = e.article_id
    JOIN event_mentions m ON m.mention_id = e.id
    JOIN real_events r ON r.event_key = m.event_key
    ORDER BY e.seq
"""


def parquet(con, out) -> int:
    """COPY the full records to a Parquet file (through a temporary file for "-" or a binary
    stream: Parquet is written by seeking, not as a stream)."""
    if isinstance(out, str) and out != "-":
        return _copy(con, out)
    folder = tempfile.mkdtemp(prefix="annales-export-")
    try:
        path = os.path.join(folder, "events.parquet")
        n = _copy(con, path)
        stream = sys.stdout.buffer if out == "-" else out
        with open(path, "rb") as fh:
            shutil.copyfileobj(fh, stream)
        stream.flush()
        return n
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy(con, path: str) -> int:
    con.execute(f"COPY ({PARQUET_SQL}) TO '{_sql_text(path)}' (FORMAT PARQUET)")
    return con.execute("SELECT count(*) FROM events").fetchone()[0]


def _sql_text(value: str) -> str:
    return value.replace("'", "''")

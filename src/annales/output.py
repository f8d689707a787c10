"""Shared output formats for every command that prints records: jsonl, csv, table.

JSONL carries the whole record contract; CSV and table flatten an event into the columns an
analyst scans first (codes joined with ";", nested objects as their most useful field).
"""

from __future__ import annotations

import csv
import json
import shutil
from typing import IO, Iterable, Optional

from .schema import Event

FORMATS = ("jsonl", "csv", "table")

EVENT_COLUMNS = (
    "id",
    "article_id",
    "sentence_index",
    "event",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "actor",
    "actor_code",
    "recipient",
    "recipient_code",
    "modality",
    "speaker",
    "cue",
    "quoted",
    "date",
    "date_precision",
    "location",
    "trigger",
    "trigger_start",
    "confidence",
    "sentence",
)
TABLE_COLUMNS = (
    "event",
    "cameo",
    "modality",
    "actor_code",
    "recipient_code",
    "date",
    "speaker",
    "trigger",
    "sentence",
)


def _join(values: Iterable[Optional[str]]) -> str:
    return ";".join(v or "?" for v in values)


def flatten_event(e: Event) -> dict:
    """One flat row for CSV and tables.  Unknown codes show as "?" inside a compound list."""
    a = e.attribution
    return {
        "id": e.id,
        "article_id": e.article_id,
        "sentence_index": e.sentence_index,
        "event": e.event,
        "mode": e.mode,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "actor": _join(x.name or x.text for x in e.actor),
        "actor_code": _join(x.code for x in e.actor),
        "recipient": _join(x.name or x.text for x in e.recipient),
        "recipient_code": _join(x.code for x in e.recipient),
        "modality": e.modality,
        "speaker": (a.speaker.name or a.speaker.text) if a and a.speaker else None,
        "cue": a.cue if a else None,
        "quoted": a.quoted if a else None,
        "date": e.date.value if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "location": e.location.name if e.location else None,
        "trigger": e.trigger.text if e.trigger else None,
        "trigger_start": e.trigger.start if e.trigger else None,
        "confidence": e.confidence,
        "sentence": e.sentence,
    }


class RecordWriter:
    """Writes dict rows in one format; the table is buffered to size its columns."""

    def __init__(self, stream: IO[str], fmt: str, columns: Optional[Iterable[str]] = None):
        self.stream, self.fmt = stream, fmt
        self.columns = list(columns) if columns else None
        self._csv: Optional[csv.DictWriter] = None
        self._rows: list[dict] = []

    def write(self, record: dict, flat: Optional[dict] = None) -> None:
        """`record` is the full JSON shape; `flat` (optional) the flattened row for csv/table."""
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        row = flat if flat is not None else record
        if self.columns is None:
            self.columns = list(row)
        if self.fmt == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, self.columns, extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow(row)
        else:
            self._rows.append(row)

    def close(self) -> None:
        if self.fmt == "table":
            self.stream.write(render_table(self._rows, self.columns or []))
        self.stream.flush()


def render_table(rows: list[dict], columns: list[str], width: Optional[int] = None) -> str:
    if not rows:
        return "(no rows)\n"
    width = width or shutil.get_terminal_size((160, 20)).columns
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    # The last column (usually the sentence) takes what the others leave.
    fixed = sum(min(w, 28) + 2 for w in widths[:-1])
    widths = [min(w, 28) for w in widths[:-1]] + [max(20, min(widths[-1], width - fixed))]
    line = "  ".join(c.upper().ljust(w)[:w] for c, w in zip(columns, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in cells:
        out.append("  ".join(_clip(v, w).ljust(w) for v, w in zip(row, widths)))
    return "\n".join(out) + f"\n({len(rows)} rows)\n"


def _cell(v) -> str:
    if v is None:
        return ""
    return " ".join(str(v).split())


def _clip(s: str, w: int) -> str:
    return s if len(s) <= w else s[: max(0, w - 1)] + "…"

"""ICEWS coded event data: its 20 tab-separated columns with a header, one row per asserted
record (ICEWS rows are sentence-level codings of one story, and claim the event happened).
Compound actors keep their first entity (ICEWS has one source and one target).
docs/exports.md lists each column's source."""

from __future__ import annotations

import csv
from typing import IO, Optional

from ..schema import Entity, Event
from ..store.rows import RECORD_COLUMNS, event_from_row
from .countries import name as country_name

COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)

# The CAMEO root names ICEWS's "Event Text" is drawn from (ICEWS gives the name of the full
# code; annales ships no table of the ~300 finer names, so the root's stands in).
CAMEO_ROOTS = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

_SQL = f"""
    SELECT e.date_start, a.source, {", ".join(f'e."{c}"' for c in RECORD_COLUMNS)}
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE e.modality = 'asserted'
    ORDER BY e.seq
"""


def write(con, stream: IO[str]) -> int:
    out = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow(COLUMNS)
    n = 0
    cursor = con.execute(_SQL)
    while rows := cursor.fetchmany(1000):
        for day, publisher, *record in rows:
            out.writerow(icews_row(event_from_row(tuple(record)), day, publisher))
            n += 1
    return n


def icews_row(e: Event, day, publisher: Optional[str]) -> list:
    source = e.actor[0] if e.actor else None
    target = e.recipient[0] if e.recipient else None
    loc = e.location
    city = loc.name if loc and loc.kind == "city" else ""
    province = loc.name if loc and loc.kind == "region" else ""
    return [
        e.id,
        day.isoformat() if day else "",
        *_party(source),
        CAMEO_ROOTS.get((e.cameo or "")[:2], ""),
        e.cameo or "",
        "" if e.goldstein is None else e.goldstein,
        *_party(target),
        e.article_id,
        e.sentence_index + 1,
        publisher or "",
        city,
        "",
        province,
        country_name(loc.country) if loc else "",
        "" if loc is None or loc.lat is None else loc.lat,
        "" if loc is None or loc.lon is None else loc.lon,
    ]


def _party(x: Optional[Entity]) -> list:
    if x is None:
        return ["", "", ""]
    return [x.name or x.text, x.sector or "", country_name(x.country)]

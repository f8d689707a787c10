"""GDELT 2.0 event table: 61 tab-separated columns, no header, one row per real-world event.

GDELT rows claim that an event happened, so only asserted mentions count: a real-world event
with no asserted mention (only planned, denied or hypothetical) has no row, and NumMentions,
NumSources and NumArticles count its asserted mentions.  The row's actors, codes and place are
those of its first asserted mention.  docs/exports.md lists each column's source.
"""

from __future__ import annotations

import csv
from datetime import date
from typing import IO, Optional

from ..schema import Entity, Event, Location
from ..store.rows import RECORD_COLUMNS, event_from_row
from .countries import fips

COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{part}"
        for n in (1, 2)
        for part in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{part}"
        for who in ("Actor1", "Actor2", "Action")
        for part in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)
assert len(COLUMNS) == 61

_SQL = f"""
    WITH asserted AS (
        SELECT m.event_key, m.mention_id, m.seq, m.article_id, m.source, m.url
        FROM event_mentions m WHERE m.modality = 'asserted'),
    real AS (
        SELECT event_key, arg_min(mention_id, seq) AS first_mention, min(seq) AS first_seq,
               count(*) AS num_mentions,
               count(DISTINCT coalesce(source, 'article:' || article_id)) AS num_sources,
               count(DISTINCT article_id) AS num_articles
        FROM asserted GROUP BY event_key)
    SELECT real.event_key, real.num_mentions, real.num_sources, real.num_articles,
           e.date_start, strftime(a.ingested_at, '%Y%m%d%H%M%S') AS added, a.url,
           {", ".join(f'e."{c}"' for c in RECORD_COLUMNS)}
    FROM real JOIN events e ON e.id = real.first_mention
    JOIN articles a ON a.id = e.article_id
    ORDER BY real.first_seq
"""

# GDELT's ActionGeo_Type by location kind, inside the US and elsewhere: 1 country, 2 US state,
# 3 US city, 4 world city, 5 world state
_GEO_TYPE = {"country": (1, 1), "territory": (1, 1), "region": (2, 5), "city": (3, 4)}


def write(con, stream: IO[str]) -> int:
    out = csv.writer(
        stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    n = 0
    cursor = con.execute(_SQL)
    while rows := cursor.fetchmany(1000):
        for row in rows:
            out.writerow(gdelt_row(event_from_row(row[7:]), *row[:7]))
            n += 1
    return n


def event_id(event_key: str) -> int:
    """A stable 60-bit integer for a real-world event (GDELT ids are integers)."""
    return int(event_key[:15], 16)


def gdelt_row(
    e: Event,
    event_key: str,
    mentions: int,
    sources: int,
    articles: int,
    day: Optional[date],
    added: str,
    url: Optional[str],
) -> list:
    cameo = e.cameo or ""
    row: list[object] = [event_id(event_key)]
    row += (
        [
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            day.year,
            f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        ]
        if day
        else [""] * 4
    )
    row += _actor(e.actor[0] if e.actor else None)
    row += _actor(e.recipient[0] if e.recipient else None)
    row += [
        1 if e.sentence_index == 0 else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        _blank(e.quad_class),
        _blank(e.goldstein),
        mentions,
        sources,
        articles,
        "",
    ]
    row += [""] * 16  # Actor1Geo_*, Actor2Geo_*: annales places events, not actors
    row += _geo(e.location)
    row += [added, url or ""]
    return [_clean(v) for v in row]


def _actor(x: Optional[Entity]) -> list:
    if x is None:
        return [""] * 10
    return [
        x.code or "",
        (x.name or x.text or "").upper(),
        x.country or "",
        "",
        "",
        "",
        "",
        x.sector or "",
        "",
        "",
    ]


def _geo(loc: Optional[Location]) -> list:
    if loc is None or loc.country is None and loc.lat is None:
        return [""] * 8
    us, elsewhere = _GEO_TYPE.get(loc.kind or "country", ("", ""))
    kind = us if loc.country == "USA" else elsewhere
    return [
        kind,
        loc.name or loc.text,
        fips(loc.country),
        "",
        "",
        _blank(loc.lat),
        _blank(loc.lon),
        _blank(loc.geonames_id),
    ]


def _blank(value) -> object:
    return "" if value is None else value


def _clean(value) -> object:
    """No tab or line break inside a field: they would shift every later column."""
    return " ".join(value.split()) if isinstance(value, str) else value

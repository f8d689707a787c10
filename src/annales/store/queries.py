"""SQL for reading events back: filters that combine with AND, and the summary counts."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional, Union

from ..errors import UsageError
from ..schema import EVENT_TYPES, MODALITIES
from .rows import RECORD_COLUMNS, period, quoted

DateLike = Union[str, date, None]


def _day(value: DateLike, what: str, last: bool) -> Optional[date]:
    """`since` starts at the first day of its period, `until` ends at the last ("2017" -> all
    of 2017), so a month or year given on the command line means what it says."""
    if value is None or isinstance(value, date):
        return value
    value = value.strip()
    span = period(value) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
    if span is None:
        raise UsageError(what=what, expected="a date YYYY, YYYY-MM or YYYY-MM-DD", found=value)
    return span[1] if last else span[0]


def _choice(value: Optional[str], allowed: tuple[str, ...], what: str) -> Optional[str]:
    if value is None:
        return None
    if value not in allowed:
        raise UsageError(what=what, expected="one of " + ", ".join(allowed), found=value)
    return value


def event_query(
    *,
    actor_country: Optional[str] = None,
    recipient_country: Optional[str] = None,
    event: Optional[str] = None,
    modality: Optional[str] = None,
    since: DateLike = None,
    until: DateLike = None,
    text: Optional[str] = None,
    article_id: Optional[str] = None,
    limit: Optional[int] = None,
    offset: int = 0,
) -> tuple[str, list[Any]]:
    """SELECT over events with every given filter ANDed; the rows come in write order."""
    where: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        where.append(clause)
        params.extend(values)

    if actor_country:
        add("list_contains(actor_countries, ?)", actor_country.upper())
    if recipient_country:
        add("list_contains(recipient_countries, ?)", recipient_country.upper())
    if event:
        add("event = ?", _choice(event.upper(), EVENT_TYPES, "event"))
    if modality:
        add("modality = ?", _choice(modality.lower(), MODALITIES, "modality"))
    if since is not None:  # an event whose period overlaps [since, until]
        add("date_end >= ?", _day(since, "since", last=False))
    if until is not None:
        add("date_start <= ?", _day(until, "until", last=True))
    for word in (text or "").split():  # whole words, also those ending in "." like "U.S."
        add("regexp_matches(sentence, ?)", r"(?i)(^|\W)" + re.escape(word) + r"(\W|$)")
    if article_id:
        add("article_id = ?", article_id)
    first, last = _day(since, "since", last=False), _day(until, "until", last=True)
    if first is not None and last is not None and first > last:
        raise UsageError(
            what="--since/--until",
            expected="a --since no later than --until",
            found=f"{since} > {until}",
        )
    sql = f"SELECT {quoted(RECORD_COLUMNS)} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(_count(limit, "limit"))
    if offset:
        sql += " OFFSET ?"
        params.append(_count(offset, "offset"))
    return sql, params


def _count(value, what: str) -> int:
    """A row count: a whole number, 0 or more (DuckDB's own error for -1 blames the file)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError(what=what, expected="a whole number, 0 or more", found=value)
    return value


TOP_DYADS_SQL = """
    SELECT a, r, count(DISTINCT id) AS n
    FROM (SELECT id, unnest(actor_countries) AS a, recipient_countries FROM events)
         CROSS JOIN unnest(recipient_countries) AS t(r)
    WHERE a <> r
    GROUP BY a, r ORDER BY n DESC, a, r LIMIT ?
"""


def counts(con, top: int = 10) -> dict:
    """Sizes of every table, events by type and modality, rejections by reason, articles by
    story type, and the most
    frequent (actor country, recipient country) pairs, each event counted once per pair and
    pairs of a country with itself left out (a government and its own opposition)."""

    def one(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    def grouped(table: str, column: str) -> dict[str, int]:
        rows = con.execute(
            f"SELECT {column}, count(*) FROM {table} GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        return dict(rows)

    return {
        "articles": one("SELECT count(*) FROM articles"),
        "events": one("SELECT count(*) FROM events"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "rejections": one("SELECT count(*) FROM rejections"),
        "by_event": grouped("events", "event"),
        "by_modality": grouped("events", "modality"),
        "by_reason": grouped("rejections", "reason_code"),
        "by_story_type": dict(
            con.execute(
                "SELECT story_type, count(*) FROM articles WHERE story_type IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        ),
        "top_dyads": [tuple(r) for r in con.execute(TOP_DYADS_SQL, [top]).fetchall()],
    }

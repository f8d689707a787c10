"""Read-side library behind the HTTP API and the dashboard: each function takes a DuckDB
connection (a read-only one in the server) and the shared Filters, and returns plain data.
Every value from a request travels as a parameter; the only words put into SQL are column
and interval names picked from the fixed tables below."""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass
from typing import Any, Optional

from ..errors import NotFound, UsageError
from ..schema import Event
from ..store.rows import (
    ARTICLE_COLUMNS,
    QUOTE_COLUMNS,
    RECORD_COLUMNS,
    STORY_COLUMNS,
    article_from_row,
    event_from_row,
    quote_from_row,
    quoted,
    story_from_row,
)
from . import highlights
from .filters import Filters

MAX_LIMIT = 1000
INTERVALS = ("day", "week", "month", "year")
SERIES_KEYS = {"quad_class": "quad_class", "event": "event"}
COUNTRY_COLUMNS = {"actor": "actor_countries", "recipient": "recipient_countries"}
ENTITY_COLUMNS = {"actor": "actor", "recipient": "recipient"}
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_ENTITY_JSON = '[{"code": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR"}]'


def _pick(value: str, allowed, what: str) -> str:
    if value not in allowed:
        raise UsageError(what=what, expected="one of " + ", ".join(allowed), found=value)
    return value


def _limit(limit: Optional[int], default: int) -> int:
    limit = default if limit is None else int(limit)
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(what="limit", expected=f"a number from 1 to {MAX_LIMIT}", found=str(limit))
    return limit


# -- events -----------------------------------------------------------------------------------
@dataclass
class Page:
    events: list[Event]
    next_cursor: Optional[str]


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if raw.startswith("seq:"):
            return int(raw[4:])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        pass
    raise UsageError(what="cursor", expected="the next_cursor of a previous page", found=cursor)


def list_events(
    con, filters: Filters, cursor: Optional[str] = None, limit: Optional[int] = None
) -> Page:
    """One page of events in write order; `next_cursor` fetches the page after it (None on
    the last page)."""
    limit = _limit(limit, 100)
    where, params = filters.where()
    if cursor:
        where += (" AND " if where else " WHERE ") + "seq > ?"
        params.append(decode_cursor(cursor))
    rows = con.execute(
        f"SELECT seq, {quoted(RECORD_COLUMNS)} FROM events{where} ORDER BY seq LIMIT ?",
        params + [limit + 1],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    return Page([event_from_row(r[1:]) for r in rows], encode_cursor(rows[-1][0]) if more else None)


def count_events(con, filters: Filters) -> int:
    where, params = filters.where()
    return con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]


def _article(con, article_id: str) -> tuple[Any, Any]:
    row = con.execute(
        f"SELECT {quoted(ARTICLE_COLUMNS + STORY_COLUMNS)} FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise NotFound(what="article", found=article_id, expected="an article_id of a stored event")
    n = len(ARTICLE_COLUMNS)
    return article_from_row(row[:n]), story_from_row(row[n:])


def _quotes(con, article_id: str):
    return [
        quote_from_row(r)
        for r in con.execute(
            f"SELECT {quoted(QUOTE_COLUMNS)} FROM quotes WHERE article_id = ? ORDER BY idx",
            [article_id],
        ).fetchall()
    ]


def get_event(con, event_id: str) -> dict:
    """One event with its article, its sentence (and where it sits), the entity mentions it
    names (with their role) and the quotes that hold its trigger."""
    row = con.execute(
        f"SELECT {quoted(RECORD_COLUMNS)} FROM events WHERE id = ?", [event_id]
    ).fetchone()
    if row is None:
        raise NotFound(what="event", found=event_id, expected="an id from /api/events")
    e = event_from_row(row)
    article, story = _article(con, e.article_id)
    near = e.trigger.start if e.trigger else None
    sent = highlights.sentence_span(article.text, e.sentence, near)
    mentions = [
        dict(role=role, **ent.to_dict())
        for role, ents in (("actor", e.actor), ("recipient", e.recipient))
        for ent in ents
    ]
    if e.attribution and e.attribution.speaker:
        mentions.append(dict(role="speaker", **e.attribution.speaker.to_dict()))
    quotes = [
        q.to_dict()
        for q in _quotes(con, e.article_id)
        if near is not None and q.start <= near < q.end
    ]
    return {
        "event": e.to_dict(),
        "article": article.to_dict() | {"story_type": story.to_dict() if story else None},
        "sentence": {
            "index": e.sentence_index,
            "text": e.sentence,
            "start": sent[0] if sent else None,
            "end": sent[1] if sent else None,
        },
        "mentions": mentions,
        "quotes": quotes,
        "spans": highlights.event_spans(article.text, e),
    }


def get_article(con, article_id: str) -> dict:
    """An article with every event and quote, and the highlight spans and segments the
    article reader draws."""
    article, story = _article(con, article_id)
    events = [
        event_from_row(r)
        for r in con.execute(
            f"SELECT {quoted(RECORD_COLUMNS)} FROM events WHERE article_id = ? ORDER BY seq",
            [article_id],
        ).fetchall()
    ]
    quotes = _quotes(con, article_id)
    spans = highlights.quote_spans(article.text, quotes)
    for e in events:
        spans.extend(highlights.event_spans(article.text, e))
    return {
        "article": article.to_dict(),
        "story_type": story.to_dict() if story else None,
        "events": [e.to_dict() for e in events],
        "quotes": [q.to_dict() for q in quotes],
        "spans": spans,
        "segments": highlights.segments(article.text, spans),
    }


# -- counts -----------------------------------------------------------------------------------
def actor_counts(
    con, filters: Filters, role: str = "actor", limit: Optional[int] = None
) -> list[dict]:
    """Actors (by code) with how many filtered events name them in `role`."""
    column = ENTITY_COLUMNS[_pick(role, tuple(ENTITY_COLUMNS), "role")]
    where, params = filters.where()
    rows = con.execute(
        f"SELECT x.code, x.country, mode(x.name), count(DISTINCT id) AS n FROM "
        f"(SELECT id, unnest(from_json({column}, ?)) AS x FROM events{where}) "
        "WHERE x.code IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC, 1 LIMIT ?",
        [_ENTITY_JSON] + params + [_limit(limit, 50)],
    ).fetchall()
    return [{"code": c, "country": k, "name": name, "events": n} for c, k, name, n in rows]


def dyad_counts(con, filters: Filters, limit: Optional[int] = None) -> list[dict]:
    """(actor country, recipient country) pairs by filtered events, each event counted once
    per pair, a country with itself left out (as `annales demo`'s top dyads)."""
    where, params = filters.where()
    rows = con.execute(
        "SELECT a, r, count(DISTINCT id) AS n FROM "
        f"(SELECT id, unnest(actor_countries) AS a, recipient_countries FROM events{where}) "
        "CROSS JOIN unnest(recipient_countries) AS t(r) WHERE a <> r "
        "GROUP BY a, r ORDER BY n DESC, a, r LIMIT ?",
        params + [_limit(limit, 20)],
    ).fetchall()
    return [{"actor_country": a, "recipient_country": r, "events": n} for a, r, n in rows]


def country_counts(con, filters: Filters, by: str = "actor") -> list[dict]:
    """Filtered events per country: as actor, as recipient, or where the event happened."""
    _pick(by, ("actor", "recipient", "location"), "by")
    where, params = filters.where()
    if by == "location":
        sql = (
            f"SELECT location_country, count(*) AS n FROM events{where} "
            f"{'AND' if where else 'WHERE'} location_country IS NOT NULL "
            "GROUP BY 1 ORDER BY n DESC, 1"
        )
    else:
        sql = (
            f"SELECT c, count(DISTINCT id) AS n FROM (SELECT id, unnest({COUNTRY_COLUMNS[by]})"
            f" AS c FROM events{where}) GROUP BY 1 ORDER BY n DESC, 1"
        )
    return [
        {"country": c, **country_names(c), "events": n}
        for c, n in con.execute(sql, params).fetchall()
    ]


@functools.cache
def country_names(code: str) -> dict:
    """{"iso2", "name"} of an ISO 3166-1 alpha-3 code (the world map's key); nulls for IGO and
    other non-country codes."""
    import pycountry

    c = pycountry.countries.get(alpha_3=code) if code else None
    return {"iso2": c.alpha_2 if c else None, "name": c.name if c else None}


def time_series(con, filters: Filters, interval: str = "month", by: str = "quad_class") -> dict:
    """Filtered events per period and quad class (or event type), asserted and not asserted
    apart.  An event is placed by its date (else its article's); one whose date is coarser
    than the interval (a year, for monthly counts) is not placed but counted in `unplaced`."""
    _pick(interval, INTERVALS, "interval")
    key = SERIES_KEYS[_pick(by, tuple(SERIES_KEYS), "by")]
    where, params = filters.where()
    fits = "date_start IS NOT NULL AND date_trunc(?, date_start) = date_trunc(?, date_end)"
    both = where + (" AND " if where else " WHERE ")
    rows = con.execute(
        f"SELECT CAST(date_trunc(?, date_start) AS DATE) AS period, {key}, modality = 'asserted', count(*) "
        f"FROM events{both}{fits} GROUP BY ALL ORDER BY 1, 2, 3",
        [interval] + params + [interval, interval],
    ).fetchall()
    unplaced = con.execute(
        f"SELECT count(*) FROM events{both}NOT ({fits})", params + [interval, interval]
    ).fetchone()[0]
    return {
        "interval": interval,
        "by": by,
        "points": [
            {"period": p.isoformat(), "key": k, "asserted": bool(a), "events": n}
            for p, k, a, n in rows
        ],
        "unplaced": unplaced,
    }


def sources(con) -> list[dict]:
    return [
        {"source": s, "articles": n}
        for s, n in con.execute(
            "SELECT source, count(*) FROM articles WHERE source IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
    ]


def overview(con, filters: Filters) -> dict:
    """What the dashboard shows at once (its JSON twin)."""
    return {
        "filters": filters.params(),
        "events": count_events(con, filters),
        "timeline": time_series(con, filters, "month", "quad_class"),
        "dyads": dyad_counts(con, filters, 15),
        "countries": {
            by: country_counts(con, filters, by) for by in ("actor", "recipient", "location")
        },
        "actors": actor_counts(con, filters, "actor", 15),
        "recent": [e.to_dict() for e in list_events(con, filters, limit=20).events],
        "sources": sources(con),
        "quad_classes": QUAD_CLASSES,
    }

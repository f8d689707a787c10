"""Records to table rows and back.  Nested parts travel as JSON text, so reading a row gives
back an object equal to the one written."""

from __future__ import annotations

import calendar
import json
from dataclasses import fields
from datetime import date
from typing import Any, Optional

from ..schema import Article, Entity, Event, Quote, Rejection, StoryType

# The events table: the Event fields (schema.py says what they are), then columns derived from
# them for queries (event_row fills them).  Not the CSV columns of output.py: those flatten a
# record for reading.
RECORD_COLUMNS = tuple(f.name for f in fields(Event))
DERIVED_COLUMNS = (
    "actor_countries",
    "recipient_countries",
    "actor_codes",
    "recipient_codes",
    "speaker_country",
    "date_value",
    "date_precision",
    "date_start",
    "date_end",
    "location_country",
    "trigger_start",
    "trigger_end",
)
EVENT_TABLE_COLUMNS = RECORD_COLUMNS + DERIVED_COLUMNS
ARTICLE_COLUMNS = ("id", "url", "title", "source", "published", "language", "text")
STORY_COLUMNS = ("story_type", "story_type_probability", "story_type_model")
QUOTE_COLUMNS = ("article_id", "idx", "speaker", "text", "start", "end", "cue", "anonymous")


def quoted(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _json(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, list):
        return json.dumps([v.to_dict() for v in value])
    return json.dumps(value.to_dict())


def period(value: Optional[str]) -> Optional[tuple[date, date]]:
    """First and last day an ISO prefix can mean: "2016-12" -> (2016-12-01, 2016-12-31);
    "198" (a decade) -> (1980-01-01, 1989-12-31).  None when it is not such a prefix."""
    if not value:
        return None
    try:
        parts = value[:10].split("-")
        if len(parts) == 1 and len(parts[0]) == 3:
            decade = int(parts[0]) * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31)
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


def _countries(entities: list[Entity]) -> list[str]:
    return [e.country for e in entities if e.country]


def event_row(e: Event, published: Optional[str]) -> list[Any]:
    """The events-table row; dates fall back to the article's publication day."""
    span = period(e.date.value if e.date else None) or period(published)
    return [
        e.id,
        e.article_id,
        e.sentence_index,
        e.sentence,
        e.event,
        e.mode,
        e.cameo,
        e.quad_class,
        e.goldstein,
        _json(e.actor),
        _json(e.recipient),
        e.modality,
        _json(e.attribution),
        _json(e.date),
        _json(e.location),
        _json(e.trigger),
        e.confidence,
        _countries(e.actor),
        _countries(e.recipient),
        [x.code for x in e.actor if x.code],
        [x.code for x in e.recipient if x.code],
        e.attribution.speaker.country if e.attribution and e.attribution.speaker else None,
        e.date.value if e.date else None,
        e.date.precision if e.date else None,
        span[0] if span else None,
        span[1] if span else None,
        e.location.country if e.location else None,
        e.trigger.start if e.trigger else None,
        e.trigger.end if e.trigger else None,
    ]


def event_from_row(row: tuple) -> Event:
    d = dict(zip(RECORD_COLUMNS, row))
    for key in ("actor", "recipient", "attribution", "date", "location", "trigger"):
        d[key] = json.loads(d[key]) if d[key] is not None else None
    return Event.from_dict(d)


def article_row(a: Article) -> list[Any]:
    day = period(a.published) if a.published and len(a.published) >= 10 else None
    return [a.id, a.url, a.title, a.source, day[0] if day else None, a.language, a.text]


def story_row(s: Optional[StoryType]) -> list[Any]:
    return [s.event, s.probability, s.model] if s else [None, None, None]


def story_from_row(row: tuple) -> Optional[StoryType]:
    event, probability, model = row
    return StoryType(event, probability, model) if event else None


def article_from_row(row: tuple) -> Article:
    d = dict(zip(ARTICLE_COLUMNS, row))
    d["published"] = d["published"].isoformat() if d["published"] else None
    return Article(**d)


def quote_row(q: Quote, idx: int) -> list[Any]:
    return [q.article_id, idx, _json(q.speaker), q.text, q.start, q.end, q.cue, q.anonymous]


def quote_from_row(row: tuple) -> Quote:
    d = dict(zip(QUOTE_COLUMNS, row))
    del d["idx"]
    d["speaker"] = Entity.from_dict(json.loads(d["speaker"])) if d["speaker"] else None
    return Quote(**d)


def rejection_from_row(row: tuple) -> Rejection:
    return Rejection(*row)

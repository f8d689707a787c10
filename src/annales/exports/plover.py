"""PLOVER JSONL: one record per line with the PLOVER record fields (as in the PLOVER gold
standard records: id, date, source, target, event, eventText, context, mode, text, language,
publication, coder, version, comment) plus `location`, and annales's own reading under
`annales` (modality, attribution, article and sentence, the real-world event).  Every record
is exported, whatever its modality: PLOVER has no field for it, so a consumer that wants only
what happened filters on annales.modality == "asserted"."""

from __future__ import annotations

import json
from importlib.metadata import version
from typing import IO, Optional

from ..schema import Entity, Event
from .records import mentions


def write(con, stream: IO[str]) -> int:
    sources = dict(con.execute("SELECT id, source FROM articles").fetchall())
    coder = f"annales {version('annales')}"
    n = 0
    for event, real in mentions(con):
        stream.write(
            json.dumps(
                plover_record(event, real, sources.get(event.article_id), coder), ensure_ascii=False
            )
            + "\n"
        )
        n += 1
    return n


def plover_record(e: Event, real: dict, publication: Optional[str], coder: str) -> dict:
    loc = e.location
    return {
        "id": e.id,
        "date": e.date.value if e.date else None,
        "source": [_actor(x) for x in e.actor],
        "target": [_actor(x) for x in e.recipient],
        "event": e.event,
        "eventText": e.trigger.text if e.trigger else None,
        "context": "",
        "mode": e.mode or "",
        "text": e.sentence,
        "language": "en",
        "publication": publication,
        "coder": coder,
        "version": "PLOVER 2021 (CAMEO->PLOVER table)",
        "comment": "",
        "location": None
        if loc is None
        else {
            "placeName": loc.name or loc.text,
            "country": loc.country,
            "lat": loc.lat,
            "lon": loc.lon,
            "geonamesID": loc.geonames_id,
        },
        "annales": {
            "modality": e.modality,
            "attribution": e.attribution.to_dict() if e.attribution else None,
            "article_id": e.article_id,
            "sentence_index": e.sentence_index,
            "cameo": e.cameo,
            "confidence": e.confidence,
            "date_precision": e.date.precision if e.date else None,
            **real,
        },
    }


def _actor(x: Entity) -> dict:
    return {
        "actorText": x.text,
        "code": x.code or x.country,
        "sector": x.sector,
        "country": x.country,
        "name": x.name,
    }

"""A runner's output as JSON text and back, for runners whose workers hand results over as data
(Spark writes them to Parquet).  Decoding gives objects equal to those that were encoded:
Python's JSON writes each float as its shortest exact repr."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..schema import Article, CodedArticle, Entity, Event, Quote, Rejection, StoryType
from .base import Output


def encode(outputs: list[Output]) -> str:
    return json.dumps(
        [
            {"rejection": o.to_dict()} if isinstance(o, Rejection) else {"coded": asdict(o)}
            for o in outputs
        ],
        ensure_ascii=False,
    )


def decode(text: str) -> list[Output]:
    return [
        Rejection(**o["rejection"]) if "rejection" in o else _coded(o["coded"])
        for o in json.loads(text)
    ]


def _coded(d: dict) -> CodedArticle:
    return CodedArticle(
        article=Article(**d["article"]),
        events=[Event.from_dict(e) for e in d["events"]],
        quotes=[Quote(**{**q, "speaker": Entity.from_dict(q["speaker"])}) for q in d["quotes"]],
        story_type=StoryType(**d["story_type"]) if d["story_type"] else None,
        unanchored=[Event.from_dict(e) for e in d["unanchored"]],
        notes=[Rejection(**n) for n in d["notes"]],
    )


def json_of(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False)


def article_of(text: str) -> Article:
    return Article(**json.loads(text))

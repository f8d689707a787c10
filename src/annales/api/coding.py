"""Coding on request (POST /api/code) and ingesting posted articles (POST /api/ingest).  The
spaCy pipeline takes seconds to build, so it is built on the first request that needs one and
reused after; a server that only answers queries never loads it."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import asdict
from typing import Callable, Optional

from ..errors import InvalidRequest
from ..schema import Article, Rejection


class LazyPipeline:
    def __init__(self, build: Optional[Callable[[], object]] = None, pipeline=None):
        self._build = build or _default_pipeline
        self._pipeline = pipeline
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def get(self):
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._build()
            return self._pipeline


def _default_pipeline():
    # the process's one default pipeline: `annales.code()` in the same process reuses it
    from ..pipeline import default_pipeline

    return default_pipeline()


def posted_article(
    text: str, published: Optional[str] = None, title: Optional[str] = None
) -> Article:
    """The posted text as an Article, checked with the rules `annales code` applies (before
    any pipeline is loaded); InvalidRequest says what is wrong."""
    from ..ingest.validate import iso_day, validate

    if published is not None and iso_day(published) is None:
        raise InvalidRequest(what="published", expected="a date YYYY-MM-DD", found=repr(published))
    article = Article(id=Article.make_id(text), text=text, title=title, published=published)
    why = validate(article, "<request>")
    if why is not None:
        raise InvalidRequest(
            what="text", expected="English article text", found=f"{why.reason_code} {why.message}"
        )
    return article


def code_posted(pipeline, article: Article) -> dict:
    """{article_id, events, quotes, story_type}, offsets into the posted text."""
    coded = pipeline.code_article(article)
    return {
        "article_id": coded.article.id,
        "events": [e.to_dict() for e in coded.events],
        "quotes": [q.to_dict() for q in coded.quotes],
        "story_type": coded.story_type.to_dict() if coded.story_type else None,
    }


def ingest_records(records: list[dict], store, pipeline) -> dict:
    """Store posted JSONL-shaped articles ({"id", "text", "published", "title", "url",
    "source"}) with `annales ingest`'s rules: same validation, same rejection rows, idempotent."""
    from ..jobs import ingest

    rejections: list[Rejection] = []
    fd, path = tempfile.mkstemp(suffix=".jsonl", prefix="annales-post-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        stats = ingest([path], store, pipeline, on_rejection=rejections.append)
    finally:
        os.unlink(path)
    name = os.path.basename(path)
    return asdict(stats) | {
        "rejections": [
            r.to_dict() | {"input": r.input.replace(path, "<request>").replace(name, "<request>")}
            for r in rejections
        ]
    }

"""Plain text: one file (or stdin) is one article."""

from __future__ import annotations

from typing import Iterator, Optional

from ..schema import Article, Rejection
from .decode import decode
from .validate import checked


def read_text(
    raw: bytes, name: str, published: Optional[str] = None
) -> Iterator[Article | Rejection]:
    text = decode(raw, name)
    if isinstance(text, Rejection):
        yield text
        return
    # No title: a first line that looks like a headline is too often a dateline or a byline.
    yield from checked(Article(id=Article.make_id(text), text=text, published=published), name)

"""One id, one text: an article whose id was already used for a different text is an R011 row.

Feeds reuse ids (a corrected story re-sent under its old id, two sources numbering from 1).
Coding both under one id would mix their records; keeping the first and dropping the second
silently would lose one.  So the second is rejected with a row that names the id, and the user
decides.  The same id with the same text is no conflict: `ingest` skips it as already stored.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable, Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection

Item = Article | Rejection


def text_digest(text: str) -> str:
    """The digest the store can compute too (DuckDB's md5 of the UTF-8 text)."""
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def unique_ids(
    items: Iterable[Item], stored: Optional[Callable[[str], Optional[str]]] = None
) -> Iterator[Item]:
    """`items` with each article whose id already stands for another text (earlier in this
    run, or in the store: `stored(id)` gives the digest of its text) replaced by an R011 row."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            digest = text_digest(item.text)
            first = seen.get(item.id) or (stored(item.id) if stored else None)
            if first is not None and first != digest:
                yield rejection(
                    item.id,
                    "R011",
                    id=item.id,
                    found=f"{len(item.text):,} characters starting {_opening(item.text)!r}",
                )
                continue
            seen.setdefault(item.id, digest)
        yield item


def _opening(text: str, width: int = 40) -> str:
    words = " ".join(text.split())
    return words if len(words) <= width else words[: width - 1] + "…"

"""The in-process runner: parses articles in spaCy batches, passes rejections through in order."""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional, Union

from ..schema import Article, CodedArticle, Rejection

Item = Union[Article, Rejection]


class LocalRunner:
    """Codes a stream of Articles (and passes Rejection rows through unchanged).

    `skip` lets the caller drop articles it already has (the store's `has_article`), so that
    re-running an ingest costs a hash lookup per article rather than a parse.
    """

    def __init__(self, pipeline, batch_size: int = 32):
        self.pipeline = pipeline
        self.batch_size = batch_size

    def run(self, items: Iterable[Item], skip: Optional[Callable[[str], bool]] = None
            ) -> Iterator[Union[CodedArticle, Rejection]]:
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Rejection):
                # Flush first so output keeps input order: a rejection of line 3 comes after line 2.
                yield from self._flush(batch)
                batch = []
                yield item
            elif skip is None or not skip(item.id):
                batch.append(item)
                if len(batch) >= self.batch_size:
                    yield from self._flush(batch)
                    batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[Union[CodedArticle, Rejection]]:
        if batch:
            for coded in self.pipeline.code_articles(batch, batch_size=self.batch_size):
                yield from coded.notes  # warning rows (R010) come before their article
                yield coded

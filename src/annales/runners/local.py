"""The in-process runner: one pipeline in this process, spaCy batches, input order."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..schema import Article, CodedArticle
from .base import Item, Output, Skip, batches, code_batch


class LocalRunner:
    """Codes a stream of Articles (and passes Rejection rows through unchanged).

    `skip` lets the caller drop articles it already has (the store's `has_article`), so that
    re-running an ingest costs a hash lookup per article rather than a parse.
    """

    def __init__(self, pipeline, batch_size: int = 32):
        self.pipeline = pipeline
        self.batch_size = batch_size

    def run(self, items: Iterable[Item], skip: Skip = None) -> Iterator[Output]:
        for unit in batches(items, self.batch_size, skip):
            if isinstance(unit, list):
                yield from code_batch(self.pipeline, unit, self.batch_size)
            else:
                yield unit


class MockRunner(LocalRunner):
    """A runner whose "coder" is a function, for tests that exercise what sits around coding
    (ordering, skipping, storing, failures) without loading spaCy -- as httpx's MockTransport
    stands in for the network.  `handler(article)` returns the CodedArticle (or raises, as a
    broken coder would)."""

    def __init__(self, handler: Callable[[Article], CodedArticle], batch_size: int = 32):
        super().__init__(_HandlerPipeline(handler), batch_size)


class _HandlerPipeline:
    """The two methods of Pipeline a runner calls, over a plain function."""

    def __init__(self, handler: Callable[[Article], CodedArticle]):
        self.code_article = handler

    def code_articles(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[CodedArticle]:
        return map(self.code_article, articles)

"""What every runner shares: the interface, the recipe a worker builds its pipeline from, the
grouping of an input stream into batches that keeps its order, and the coding of one batch in
which a bad article becomes a rejection row instead of stopping the batch.

A runner is any object with

    run(items, skip=None) -> Iterator[CodedArticle | Rejection]

`items` is what `annales.ingest.read_inputs` yields (Articles, and Rejection rows for inputs
that could not be read); the output keeps their order whatever the runner, and each article's
warning rows (R010) come just before it.  `skip(article_id)` drops articles the caller already
has before any work is spent on them.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, fields, replace
from typing import Any, Callable, Iterable, Iterator, Optional, Protocol, Sequence, Union

from ..errors import rejection
from ..schema import Article, CodedArticle, Rejection

Item = Union[Article, Rejection]
Output = Union[CodedArticle, Rejection]
Skip = Optional[Callable[[str], bool]]


class Runner(Protocol):
    def run(self, items: Iterable[Item], skip: Skip = None) -> Iterator[Output]: ...


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the coder, in a form that pickles: a worker process (or a Spark executor)
    gets this recipe and builds its own Pipeline once, instead of receiving the loaded one
    (hundreds of MB of spaCy and knowledge-base tables)."""

    actors: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    builtin_kb: bool = True
    builtin_lexicon: bool = True
    unanchored: bool = False
    kb: tuple[str, ...] = ()  # folders of knowledge-base tables
    lexicon: tuple[str, ...] = ()  # event-lexicon files or folders
    places: tuple[str, ...] = ()
    story_types: bool = True

    def build(self):
        from ..pipeline import Pipeline

        return Pipeline(**{f.name: getattr(self, f.name) for f in fields(self)})

    def files(self) -> tuple[str, ...]:
        """The user's files and folders the recipe reads: each machine that builds it needs
        them."""
        return tuple(p for name in _PATHS for p in getattr(self, name))

    def with_files(self, where: Callable[[str], str]) -> PipelineSpec:
        """The same recipe reading each of its files (or folders) from `where(path)`."""
        changes: dict[str, Any] = {
            name: tuple(where(p) for p in getattr(self, name)) for name in _PATHS
        }
        return replace(self, **changes)


_PATHS = ("actors", "agents", "verbs", "kb", "lexicon", "places")


def batches(
    items: Iterable[Item], size: int, skip: Skip = None
) -> Iterator[Union[Rejection, list[Article]]]:
    """Rejection rows as they come and articles in lists of at most `size`.  A rejection closes
    the open list first, so that putting the pieces back in this order keeps the input order."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Rejection):
            if batch:
                yield batch
                batch = []
            yield item
        elif skip is None or not skip(item.id):
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def code_batch(pipeline, articles: Sequence[Article], batch_size: int) -> Iterator[Output]:
    """Each article's warning rows, then the article coded, in order (spaCy parses the batch
    together).  An article the coder raises on becomes an R020 row: the batch is coded again
    from that point one article at a time, so only the article at fault is lost.

    KeyboardInterrupt is no article's fault and goes through (the runners turn it into E011)."""
    done = 0
    try:
        for coded in pipeline.code_articles(articles, batch_size=batch_size):
            done += 1
            yield from coded.notes
            yield coded
        return
    except Exception:  # noqa: BLE001 - any failure of the coder is this batch's, not the run's
        pass
    # spaCy parses ahead, so the article that raised may be any of those not yet yielded
    for article in articles[done:]:
        try:
            coded = pipeline.code_article(article)
        except Exception as exc:  # noqa: BLE001
            yield failed(article, _described(exc))
            continue
        yield from coded.notes
        yield coded


def failed(article: Article, found: str) -> Rejection:
    return rejection(article.id, "R020", found=found)


def _described(exc: BaseException) -> str:
    """The exception and the line of annales (or below) that raised it, for the bug report."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    message = str(exc)
    message = message if len(message) <= 200 else message[:200] + "..."
    return f"{type(exc).__name__}: {message}{at}"

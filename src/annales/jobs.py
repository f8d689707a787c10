"""Library functions behind the CLI's data-moving commands."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .ingest import read_inputs
from .runners import LocalRunner
from .schema import Rejection


@dataclass
class IngestStats:
    new_articles: int = 0
    skipped: int = 0        # already in the store: not parsed again
    events: int = 0
    rejected: int = 0


def ingest(paths: list[str], store, pipeline, published: Optional[str] = None,
           on_rejection: Optional[Callable[[Rejection], None]] = None) -> IngestStats:
    """Code `paths` and store everything; safe to re-run: stored articles are skipped unparsed."""
    stats = IngestStats()

    def already(article_id: str) -> bool:
        if store.has_article(article_id):
            stats.skipped += 1
            return True
        return False

    for item in LocalRunner(pipeline).run(read_inputs(paths, published=published), skip=already):
        if isinstance(item, Rejection):
            stats.rejected += 1
            store.write_rejection(item)
            if on_rejection:
                on_rejection(item)
        elif store.write(item):
            stats.new_articles += 1
            stats.events += len(item.events)
    return stats

"""Library functions behind the CLI's data-moving commands."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .errors import Interrupted
from .ingest import is_fatal, read_inputs
from .ingest.duplicates import unique_ids
from .runners import LocalRunner
from .schema import CodedArticle, Rejection

# Articles per store transaction: a DuckDB commit costs ~9 ms, so one per article would cap an
# ingest near a hundred articles a second (measured by the store's tests on this machine class).
WRITE_BATCH = 100


@dataclass
class IngestStats:
    new_articles: int = 0
    skipped: int = 0        # already stored (or repeated in the input): not parsed again
    events: int = 0
    rejected: int = 0       # inputs that could not be coded
    warnings: int = 0       # rows about inputs that were still coded (e.g. a bad date, R008)


def ingest(paths: list[str], store, pipeline, published: Optional[str] = None,
           on_rejection: Optional[Callable[[Rejection], None]] = None) -> IngestStats:
    """Code `paths` and store everything; safe to re-run: stored articles are skipped unparsed."""
    stats = IngestStats()
    seen: set[str] = set()

    def already(article_id: str) -> bool:
        if article_id in seen or store.has_article(article_id):
            stats.skipped += 1
            return True
        seen.add(article_id)
        return False

    buffer: list[CodedArticle] = []
    items = unique_ids(read_inputs(paths, published=published), stored=store.text_digest)
    try:
        for item in LocalRunner(pipeline).run(items, skip=already):
            if isinstance(item, Rejection):
                if is_fatal(item):
                    stats.rejected += 1
                else:
                    stats.warnings += 1
                store.write_rejection(item)
                if on_rejection:
                    on_rejection(item)
                continue
            buffer.append(item)
            stats.events += len(item.events)
            if len(buffer) >= WRITE_BATCH:
                stats.new_articles += store.write_many(buffer)
                buffer = []
    except KeyboardInterrupt:
        # the articles coded so far are whole: store them, then say what the run did
        stats.new_articles += store.write_many(buffer)
        raise Interrupted(done=f"{stats.new_articles} new articles stored ({stats.skipped} "
                               f"already stored), {stats.rejected} rejected",
                          kept="The article being coded when it stopped was not stored.")
    stats.new_articles += store.write_many(buffer)
    return stats

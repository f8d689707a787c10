"""Library functions behind the CLI's data-moving commands."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from .errors import Interrupted, StoreLocked
from .ingest import is_fatal, read_inputs
from .ingest.duplicates import unique_ids
from .runners import LocalRunner, Runner
from .schema import CodedArticle, Rejection
from .store import Store

# Articles per store transaction: a DuckDB commit costs ~9 ms, so one per article would cap an
# ingest near a hundred articles a second (measured by the store's tests on this machine class).
WRITE_BATCH = 100


@dataclass
class IngestStats:
    new_articles: int = 0  # stored by this run
    coded: int = 0  # parsed by this run (stored, or waiting for the next commit)
    skipped: int = 0  # already stored (or repeated in the input): not parsed again
    events: int = 0
    rejected: int = 0  # inputs that could not be coded
    warnings: int = 0  # rows about inputs that were still coded (e.g. a bad date, R008)


def ingest(
    paths: list[str],
    store,
    pipeline=None,
    published: Optional[str] = None,
    on_rejection: Optional[Callable[[Rejection], None]] = None,
    on_progress: Optional[Callable[[IngestStats], None]] = None,
    runner: Optional[Runner] = None,
) -> IngestStats:
    """Code `paths` and store everything; safe to re-run: stored articles are skipped unparsed.

    The coding is `runner`'s (annales.runners: worker processes, Spark), or else `pipeline`'s
    in this process.

    `store` is a Store the caller keeps open, or the path of a store file: then the file is
    opened only to read which articles it has, at the start, and to commit each batch of
    WRITE_BATCH articles (with the rejection rows before them), so that other processes can
    read it, or write it, while this one codes.  `on_progress(stats)` is called after every
    input (a progress.Progress redraws from it)."""
    stats = IngestStats()
    has: Callable[[str], bool]
    digest: Callable[[str], Optional[str]]
    if isinstance(store, Store):  # open throughout: ask it article by article
        has, digest = store.has_article, store.text_digest
    else:
        with _opened(store) as s:
            stored = s.stored_digests()
        has, digest = stored.__contains__, stored.get
    seen: set[str] = set()

    def already(article_id: str) -> bool:
        if article_id in seen or has(article_id):
            stats.skipped += 1
            return True
        seen.add(article_id)
        return False

    buffer: list[CodedArticle] = []
    rows: list[Rejection] = []

    def commit() -> None:
        if buffer or rows:
            with _opened(store) as s:
                stats.new_articles += s.write_many(buffer, rejections=rows)
            buffer.clear()
            rows.clear()

    items = unique_ids(read_inputs(paths, published=published), stored=digest)
    try:
        for item in (runner or LocalRunner(pipeline)).run(items, skip=already):
            if isinstance(item, Rejection):
                if is_fatal(item):
                    stats.rejected += 1
                else:
                    stats.warnings += 1
                rows.append(item)  # committed with the next batch: a warning with its article
                if on_rejection:
                    on_rejection(item)
            else:
                buffer.append(item)
                stats.coded += 1
                stats.events += len(item.events)
                if len(buffer) >= WRITE_BATCH:
                    commit()
            if on_progress:
                on_progress(stats)
    except KeyboardInterrupt:
        # the articles coded so far are whole: store them, then say what the run did
        commit()
        raise Interrupted(
            done=f"{stats.new_articles} new articles stored ({stats.skipped} "
            f"already stored), {stats.rejected} rejected",
            kept="The article being coded when it stopped was not stored.",
        ) from None
    except StoreLocked as exc:
        raise StoreLocked(
            **(
                exc.details
                | {
                    "hint": (
                        f"{stats.new_articles} new articles were stored before it; the {len(buffer)} coded "
                        "since were not. Run the same command again when the other process is done: what "
                        "was stored is skipped, nothing is stored twice."
                    )
                }
            )
        ) from exc
    commit()
    return stats


@contextmanager
def _opened(store) -> Iterator[Store]:
    """`store` itself when it is a Store (the caller closes it), else the store at that path,
    opened for writing and closed after."""
    if isinstance(store, Store):
        yield store
    else:
        with Store(store) as opened:
            yield opened

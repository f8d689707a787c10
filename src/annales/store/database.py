"""The DuckDB store: one file holding articles, events, quotes and rejection rows."""

from __future__ import annotations

import os
import time
from typing import Callable, Iterable, Optional, Sequence, TypeVar

import duckdb

from ..errors import StoreError, StoreLocked, StoreMissing, StoreUnwritable, warning_text
from ..schema import Article, CodedArticle, Event, Quote, Rejection, StoryType
from . import queries
from .links import backfill_bands, link_duplicates
from .migrate import check_current, migrate
from .rows import (
    ARTICLE_COLUMNS,
    EVENT_TABLE_COLUMNS,
    QUOTE_COLUMNS,
    STORY_COLUMNS,
    article_from_row,
    article_row,
    event_from_row,
    event_row,
    quote_from_row,
    quote_row,
    quoted,
    rejection_from_row,
    story_from_row,
    story_row,
)

T = TypeVar("T")

# DuckDB lets one process at a time hold a file for writing (or any number read-only).  Opening
# one another process holds is retried for this many seconds, then is error E012 (StoreLocked):
# an ingest holds its file only while it commits a batch (milliseconds to a second), a reader
# only while it queries.
LOCK_WAIT = 10.0

# Test-only hook, never set in use: "N:PATH" makes this process's Nth batch commit create the
# file PATH and sleep inside the open transaction, so that a test can kill it mid-commit
# (tests/test_concurrency.py).
PAUSE_IN_COMMIT = "ANNALES_TEST_PAUSE_IN_COMMIT"
_commits = 0


def connect(path: str, read_only: bool = False, wait: Optional[float] = None):
    """duckdb.connect, retried with short sleeps while another process holds the file (up to
    `wait` seconds, LOCK_WAIT by default); then StoreLocked.  Other errors are raised as they
    are (duckdb.Error)."""
    wait = LOCK_WAIT if wait is None else wait
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if not is_lock_conflict(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise StoreLocked(
                    path=path,
                    mode="read-only" if read_only else "for writing",
                    wait=wait,
                    detail=_first_line(exc),
                    hint=StoreLocked.HINT,
                ) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether a DuckDB error says another process holds the file's lock."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


class Store:
    """Events and their articles in a DuckDB file (":memory:" for a throwaway one).

    >>> with Store("annales.duckdb") as store:
    ...     store.write(coded)              # False when the article was already stored
    ...     store.events(actor_country="PSE", since="2016")

    Every DuckDB error comes out as errors.StoreError.
    """

    def __init__(
        self, path: str = "annales.duckdb", read_only: bool = False, wait: Optional[float] = None
    ):
        """Open (or create) the database and bring its schema up to date.  `read_only` opens
        an existing database for querying, alongside other readers, and migrates nothing.
        While another process holds the file, opening is retried for `wait` seconds (LOCK_WAIT
        by default), then raises StoreLocked (E012)."""
        self.path = str(path)
        if read_only and self.path != ":memory:" and not os.path.exists(self.path):
            raise StoreMissing(path=self.path)
        try:
            self.con = connect(self.path, read_only=read_only, wait=wait)
        except duckdb.Error as exc:
            if not read_only and not _writable(self.path):
                raise StoreUnwritable(path=self.path, detail=_first_line(exc)) from exc
            raise StoreError(path=self.path, detail=_first_line(exc)) from exc
        try:
            self.migrated = check_current(self.con) if read_only else migrate(self.con)
            if 3 in self.migrated:  # articles stored before near-duplicates were looked for
                backfill_bands(self.con, self._insert)
        except (duckdb.Error, ValueError) as exc:
            self.con.close()
            raise StoreError(path=self.path, detail=_first_line(exc)) from exc

    # -- lifecycle --------------------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, work: Callable[[], T]) -> T:
        try:
            return work()
        except duckdb.Error as exc:
            raise StoreError(path=self.path, detail=_first_line(exc)) from exc

    # -- writing ----------------------------------------------------------------------------------
    def write(self, coded: CodedArticle) -> bool:
        """Store one coded article with its events and quotes, all or nothing.  Idempotent:
        an article already stored adds nothing and gives False."""
        return self.write_many([coded]) == 1

    def write_many(
        self,
        coded: Iterable[CodedArticle],
        batch_size: int = 200,
        rejections: Iterable[Rejection] = (),
    ) -> int:
        """Store many coded articles, `batch_size` per transaction (a commit costs milliseconds,
        so one per article would cap a run at a few hundred articles a second), and
        `rejections` with the last of them.  Articles already stored are skipped, rejection
        rows already stored too; gives how many articles were new."""
        written = 0
        batch: list[CodedArticle] = []
        for item in coded:
            batch.append(item)
            if len(batch) >= batch_size:
                written += self._run(lambda: self._write_batch(batch))
                batch = []
        rejections = list(rejections)
        if batch or rejections:
            written += self._run(lambda: self._write_batch(batch, rejections))
        return written

    def _write_batch(self, batch: list[CodedArticle], rejections: Sequence[Rejection] = ()) -> int:
        self.con.execute("BEGIN TRANSACTION")
        try:
            ids = [c.article.id for c in batch]
            stored = {
                r[0]
                for r in self.con.execute(
                    "SELECT id FROM articles WHERE list_contains(?, id)", [ids]
                ).fetchall()
            }
            new: dict[str, CodedArticle] = {}
            for c in batch:  # the first of two copies in one batch wins, as across batches
                if c.article.id not in stored and c.article.id not in new:
                    new[c.article.id] = c
            self._insert(
                "articles",
                ARTICLE_COLUMNS + STORY_COLUMNS,
                [article_row(c.article) + story_row(c.story_type) for c in new.values()],
            )
            self._insert(
                "events",
                EVENT_TABLE_COLUMNS,
                [event_row(e, c.article.published) for c in new.values() for e in c.events],
                ignore=True,
            )
            self._insert(
                "quotes",
                QUOTE_COLUMNS,
                [quote_row(q, i) for c in new.values() for i, q in enumerate(c.quotes)],
            )
            self._insert(
                "rejections",
                ("input", "reason_code", "message"),
                [[r.input, r.reason_code, r.message] for r in rejections],
                ignore=True,
            )
            link_duplicates(self.con, [c.article for c in new.values()], self._insert)
            _pause_if_asked()
            self.con.execute("COMMIT")
            return len(new)
        except BaseException:  # Ctrl-C too: a caller that keeps the store open can write again
            self.con.execute("ROLLBACK")
            raise

    def _insert(
        self,
        table: str,
        columns: tuple[str, ...],
        rows: list[list],
        ignore: bool = False,
        chunk: int = 500,
    ) -> None:
        """Multi-row INSERTs: one statement per `chunk` rows is ~30x faster than executemany."""
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        one = "(" + ", ".join("?" for _ in columns) + ")"
        for i in range(0, len(rows), chunk):
            part = rows[i : i + chunk]
            self.con.execute(
                f"{verb} INTO {table} ({quoted(columns)}) VALUES " + ", ".join([one] * len(part)),
                [v for row in part for v in row],
            )

    def write_rejection(self, r: Rejection) -> bool:
        """Record a rejection row; the same input, code and message is kept once."""

        def work() -> bool:
            before = self._count("rejections")
            self._insert(
                "rejections",
                ("input", "reason_code", "message"),
                [[r.input, r.reason_code, r.message]],
                ignore=True,
            )
            return self._count("rejections") > before

        return self._run(work)

    # -- reading ----------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._run(lambda: self._has(article_id))

    def stored_digests(self) -> dict[str, str]:
        """{article id: md5 of its text} for every stored article (what an ingest needs to
        skip stored articles and to find reused ids, read once so that it can let go of the
        file while it codes)."""
        return dict(self._fetch("SELECT id, md5(text) FROM articles", []))

    def text_digest(self, article_id: str) -> Optional[str]:
        """The md5 of a stored article's text (ingest.duplicates.text_digest), or None."""
        row = self._run(
            lambda: self.con.execute(
                "SELECT md5(text) FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        )
        return row[0] if row else None

    def article(self, article_id: str) -> Optional[Article]:
        row = self._run(
            lambda: self.con.execute(
                f"SELECT {quoted(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        )
        return article_from_row(row) if row else None

    def story_type(self, article_id: str) -> Optional[StoryType]:
        """The story type stored with an article (None when it was coded without one)."""
        row = self._run(
            lambda: self.con.execute(
                f"SELECT {quoted(STORY_COLUMNS)} FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        )
        return story_from_row(row) if row else None

    def articles(self, limit: Optional[int] = None, offset: int = 0) -> list[Article]:
        sql = f"SELECT {quoted(ARTICLE_COLUMNS)} FROM articles ORDER BY ingested_at, id"
        params: list = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        sql += " OFFSET ?"
        params.append(int(offset))
        return [article_from_row(r) for r in self._fetch(sql, params)]

    def events(self, **filters) -> list[Event]:
        """Events matching every filter given (see queries.event_query for the list):
        actor_country, recipient_country, event, modality, since, until, text, article_id,
        limit, offset.  A bad filter value raises errors.UsageError."""
        sql, params = queries.event_query(**filters)
        return [event_from_row(r) for r in self._fetch(sql, params)]

    def quotes(self, article_id: Optional[str] = None) -> list[Quote]:
        sql = f"SELECT {quoted(QUOTE_COLUMNS)} FROM quotes"
        params = []
        if article_id:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        return [quote_from_row(r) for r in self._fetch(sql + " ORDER BY article_id, idx", params)]

    def real_events(self, limit: Optional[int] = None) -> list[dict]:
        """Real-world events, most mentioned first: {event_key, first_mention, num_mentions,
        num_articles, num_sources, num_stories, mentions, article_ids, modalities} (the view
        real_events; docs/records.md, "Real-world events and mentions")."""
        sql = "SELECT * FROM real_events ORDER BY num_mentions DESC, num_articles DESC, event_key"
        params: list = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(queries._count(limit, "limit"))
        cursor = self._run(lambda: self.con.execute(sql, params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in self._run(cursor.fetchall)]

    def rejections(self) -> list[Rejection]:
        rows = self._fetch(
            'SELECT input, reason_code, message FROM rejections ORDER BY "at", input', []
        )
        return [rejection_from_row(r) for r in rows]

    def counts(self, top: int = 10) -> dict:
        """{"articles", "events", "quotes", "rejections": n, "by_event", "by_modality",
        "by_reason", "by_story_type": {value: n}, "top_dyads": [(actor country, recipient country, n)]}."""
        return self._run(lambda: queries.counts(self.con, top))

    def country_hint(self, **filters) -> Optional[str]:
        """For a query that found nothing: the W002 warning when a country filter names a code
        no stored event has (a typo, or a code annales does not use), else None."""
        for what, column in (
            ("actor country", "actor_countries"),
            ("recipient country", "recipient_countries"),
        ):
            code = filters.get(what.replace(" ", "_"))
            if not code:
                continue
            has = self._run(
                lambda: self.con.execute(
                    f"SELECT 1 FROM events WHERE list_contains({column}, ?) LIMIT 1", [code.upper()]
                ).fetchone()
            )
            if has is None:
                known = self._run(lambda: stored_codes(self.con, column))
                return warning_text(
                    "W002",
                    what=what,
                    found=code,
                    known=", ".join(known) or "(none: the store has no events)",
                )
        return None

    # -- helpers ----------------------------------------------------------------------------------
    def _has(self, article_id: str) -> bool:
        return (
            self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
            is not None
        )

    def _count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def _fetch(self, sql: str, params: list) -> list[tuple]:
        return self._run(lambda: self.con.execute(sql, params).fetchall())


def _writable(path: str) -> bool:
    """Whether a database could be created or changed at `path` (a failed open of one that
    cannot is no sign of a damaged file)."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path):
        return os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    return os.path.isdir(folder) and os.access(folder, os.W_OK)


def stored_codes(con, column: str, limit: int = 8) -> list[str]:
    """The most frequent codes in an events list column (actor_countries, recipient_countries)."""
    return [
        c
        for (c,) in con.execute(
            f"SELECT c FROM (SELECT unnest({column}) AS c FROM events) GROUP BY c "
            "ORDER BY count(*) DESC, c LIMIT ?",
            [limit],
        ).fetchall()
    ]


def _pause_if_asked() -> None:
    """The test-only hook PAUSE_IN_COMMIT (see its comment)."""
    global _commits
    _commits += 1
    asked = os.environ.get(PAUSE_IN_COMMIT)
    if asked:
        nth, _, marker = asked.partition(":")
        if _commits == int(nth):
            with open(marker, "w", encoding="utf-8"):
                pass
            time.sleep(60)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")

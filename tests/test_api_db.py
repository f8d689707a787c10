"""The server's store access: reads are read-only, and go on while an ingest writes."""

from __future__ import annotations

import threading

import duckdb
import pytest

from annales.api.db import Database
from annales.errors import IngestRunning, StoreMissing

from . import web_store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "s.duckdb")
    web_store.build(path)
    database = Database(path, linger=0.05)
    yield database
    database.close()


def count(db) -> int:
    with db.read() as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_reads_are_read_only(db):
    with db.read() as con:
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("CREATE TABLE x (i INTEGER)")


def test_a_missing_store_is_e008(tmp_path):
    with pytest.raises(StoreMissing):
        with Database(str(tmp_path / "none.duckdb")).read():
            pass


def test_reads_see_each_committed_batch_while_the_write_goes_on(db):
    from annales.schema import Article, CodedArticle

    extra = CodedArticle(Article("art-new", "Iran and Iraq met in Baghdad."))
    seen = []
    with db.write() as store:
        seen.append(count(db))
        store.write(extra)
        # a read from another thread, while the writer is still open
        t = threading.Thread(target=lambda: seen.append(count(db)))
        t.start()
        t.join()
    seen.append(count(db))
    assert seen == [3, 4, 4]


def test_one_write_at_a_time(db):
    with db.write():
        with pytest.raises(IngestRunning):
            with db.write():
                pass


def test_the_read_only_connection_is_let_go_when_idle(db):
    import time

    count(db)
    time.sleep(0.3)
    # nothing of ours holds the file now: a writer in this process can open it
    con = duckdb.connect(db.path)
    con.close()

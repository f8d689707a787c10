"""Numbered SQL migrations (store/migrations/NNN_name.sql), each applied once and recorded in
`schema_migrations`, so a database written by an older annales is upgraded in place."""

from __future__ import annotations

import re
from importlib import resources

import duckdb

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every bundled migration, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def applied(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [
        v
        for (v,) in con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    ]


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the missing migrations; the versions applied now.  Raises ValueError when the
    database is newer than this annales (a migration it does not know was applied)."""
    con.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
        applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""")
    done = set(applied(con))
    known = available()
    unknown = done - {v for v, _, _ in known}
    if unknown:
        raise ValueError(
            f"it has migration {max(unknown)}, which this annales does not know; upgrade annales"
        )
    now = []
    for version, name, sql in known:
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        now.append(version)
    return now


def check_current(con: duckdb.DuckDBPyConnection) -> list[int]:
    """For read-only use: raise ValueError unless every bundled migration was applied."""
    try:
        done = set(applied(con))
    except duckdb.CatalogException:
        done = set()
    missing = [v for v, _, _ in available() if v not in done]
    if missing:
        raise ValueError(
            f"its schema lacks migration {missing[0]}; open it once for writing "
            "(e.g. `annales ingest`) to upgrade it"
        )
    return []

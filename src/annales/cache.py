"""A per-user cache of what start-up would otherwise rebuild on every run: the gazetteer and
the tokenized place names its matcher looks for (about 10 s of work from the data files,
well under a second from the cache).

Each entry is a pickle named by a fingerprint of everything it is built from: the bytes of
the data files (built-in and user-supplied), the source of the module that builds it and the
versions of the packages involved.  Editing any of them selects a new entry, so a stale one is
never read.  The folder is $ANNALES_CACHE_DIR, else $XDG_CACHE_HOME/annales, else
~/.cache/annales; ANNALES_CACHE_DIR set to an empty string turns the cache off.  A folder that
cannot be written, or an entry that cannot be read, only costs time: the value is built from
the data, as without a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar

T = TypeVar("T")
ENV_VAR = "ANNALES_CACHE_DIR"
# Bumped when the layout of cached values changes without any of their inputs changing.
FORMAT = "1"
# Entries kept per kind: enough for a few data sets used in turn, and old ones go away.
KEEP = 6


def cache_dir() -> Optional[Path]:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen).expanduser() if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "annales"


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def fingerprint(files: Iterable[Path | str] = (), *texts: str) -> str:
    """A hash of the files' bytes (in order) and of `texts` (versions, options)."""
    h = hashlib.sha256(FORMAT.encode())
    for path in files:
        data = Path(path).read_bytes()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    for text in texts:
        h.update(b"\0" + text.encode("utf-8"))
    return h.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under (`kind`, `key`), or `build()` stored there for the next run."""
    folder = cache_dir()
    path = folder / f"{kind}-{key[:24]}.pickle" if folder is not None else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
            _touch(path)
            return value
        except Exception:  # a truncated or foreign file: rebuild it, as if it were absent
            pass
    value = build()
    if path is not None:
        _store(path, value)
        _prune(path.parent, kind)
    return value


def _touch(path: Path) -> None:
    """Marks an entry as used (pruning keeps the recently used ones)."""
    try:
        os.utime(path)
    except OSError:
        pass


def _prune(folder: Path, kind: str) -> None:
    try:
        entries = sorted(
            folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP:]:
            old.unlink()
    except OSError:
        pass


def _store(path: Path, value) -> None:
    """Writes atomically (a reader never sees half a file); a read-only or full disk is no
    error, the next run just builds the value again."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

"""What a score was measured on: the gold files of each set, hashed, and the item limit.

A floor in the quality gate is keyed by its row, its limit and the hash of its gold files:

    "modality:blind|limit=all|gold=3f2a9c1b04de"

so that a gold set edited after a floor was set is a new set with floors of its own, never the
old set scored on easier items.  The floors-history test lets a key leave the file only when
its gold hash is no longer what the files hash to today.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Optional

from .classify import CONFLIBERT, NGEC
from .locations import FILE as LOCATIONS
from .petrarch import ACTORS, AGENTS, CODEBOOK, RECORDS, VERBS

PACKAGE_EVAL = Path(__file__).resolve().parent.parent / "data" / "eval"

# Gold files by set: paths under the data folder, or (for the project's own sets) in the
# package.  Parts of the modality set are their own files.
SHARED_GOLD = {
    "realnews": ("realnews/gold.jsonl", "realnews/articles.jsonl"),
    "petrarch": (RECORDS, ACTORS, AGENTS, VERBS, CODEBOOK),
    "ngec": (NGEC,),
    "conflibert": (CONFLIBERT,),
    "locations": (f"event_location/{LOCATIONS}",),
}
OWN_GOLD = {
    "dates": ("dates.jsonl",),
    "actors": ("actor_mentions.jsonl",),
    "modality": ("modality.jsonl",),
    "modality:heldout": ("modality_heldout.jsonl",),
    "modality:blind": ("modality_blind2.jsonl",),
    "headlines": ("headlines_dev.jsonl", "headlines_blind.jsonl"),
}


def gold_files(row: str, data_dir: str | Path) -> list[Path]:
    """The gold files behind a row of the evaluation table ("modality:blind:triggers" ->
    the blind part's file)."""
    parts = row.split(":")
    for n in range(len(parts), 0, -1):
        key = ":".join(parts[:n])
        if key in OWN_GOLD:
            return [PACKAGE_EVAL / f for f in OWN_GOLD[key]]
        if key in SHARED_GOLD:
            return [Path(data_dir) / f for f in SHARED_GOLD[key]]
    return []


def gold_hash(
    row: str, data_dir: str | Path, read: Callable[[Path], bytes] = Path.read_bytes
) -> Optional[str]:
    """The first 12 hex digits of a SHA-256 over the row's gold files (name and bytes), or
    None when one is missing.  `read` reads a file (the history test reads them at a commit)."""
    h = hashlib.sha256()
    files = gold_files(row, data_dir)
    if not files:
        return None
    for path in sorted(files, key=lambda p: p.name):
        try:
            data = read(path)
        except OSError:
            return None
        h.update(path.name.encode() + b"\0" + data + b"\0")
    return h.hexdigest()[:12]


def key(row: str, limit: Optional[int], gold: Optional[str]) -> str:
    return f"{row}|limit={'all' if limit is None else limit}|gold={gold or 'missing'}"


def parse(floor_key: str) -> tuple[str, Optional[int], Optional[str]]:
    """(row, limit, gold hash) of a floor key; a bare row name (older files) has neither."""
    row, *rest = floor_key.split("|")
    fields = dict(part.split("=", 1) for part in rest if "=" in part)
    limit = fields.get("limit")
    return (
        row,
        None if limit in (None, "all") else int(limit),
        fields.get("gold") if fields.get("gold") != "missing" else None,
    )

"""Readers for the built-in knowledge-base tables (data/kb/*.tsv, schema in data/kb/README.md).

Every table has a header row; a bad row stops loading with errors.DataFileError, because a
silently skipped row would make resolution quietly worse.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

from .. import datafiles
from ..errors import DataFileError

# Sectors a KB row may carry (CAMEO/PLOVER agent codes plus the IGO/NGO pseudo-sectors).
SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP BUS MED CVL REL HLH EDU ELI LAB AGR SPY REF IGO NGO "
    "HRI DEV ENV CRM UAF MNC".split()
)
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")  # CAMEO-style: a root plus 3-letter segments

TABLES: dict[str, tuple[str, ...]] = {
    "countries.tsv": ("iso3", "name", "aliases", "demonyms", "seats"),
    "organizations.tsv": ("kb_id", "name", "kind", "code", "country", "sector", "aliases"),
    "metonyms.tsv": ("kb_id", "name", "code", "country", "sector", "aliases"),
    "people.tsv": ("kb_id", "name", "country", "aliases"),
    "roles.tsv": ("kb_id", "code", "country", "sector", "start", "end"),
    "sectors.tsv": ("pattern", "sector", "person"),
    "generic.tsv": ("word", "person"),
}


KB_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"


def read_table(name: str, folder: Optional[Path] = None) -> Iterator[dict[str, str]]:
    """Rows of one table as dicts, after checking the header against TABLES."""
    for _, row in read_rows(name, folder):
        yield row


def read_rows(name: str, folder: Optional[Path] = None) -> Iterator[tuple[str, dict[str, str]]]:
    """("file:line", row) pairs of one table of the built-in knowledge base or, with `folder`,
    of a user's folder in the same layout (errors then name the file by its path)."""
    expected = TABLES[name]
    path = (folder or KB_DIR) / name
    label = name if folder is None else str(path)
    for lineno, row in datafiles.read_table(path, label, expected):
        yield f"{label}:{lineno}", {key: cell.strip() for key, cell in row.items()}


def split_list(cell: str) -> list[str]:
    """`a|b|c` -> [a, b, c]; an empty cell is an empty list."""
    return [part.strip() for part in cell.split("|") if part.strip()]


def optional(cell: str) -> Optional[str]:
    return cell or None


def parse_day(cell: str, table: str) -> Optional[date]:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise DataFileError(
            path=table,
            expected="a YYYY-MM-DD date or nothing",
            found=repr(cell),
            hint="Fix the date.",
        ) from None

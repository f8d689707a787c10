"""CAMEO codes: quad class, Goldstein score, and how they line up with PLOVER.

The Goldstein scores (data/lexicon/goldstein.tsv) are the values published with CAMEO
(Goldstein 1992, as tabulated by the CAMEO and GDELT projects).  The table lists roots, every
three-digit code, and the few four-digit codes whose score differs from their parent; any
other four-digit code takes its parent's score.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Optional

from ..errors import DataFileError

GOLDSTEIN_FILE = "goldstein.tsv"

# PLOVER modes by event type: the CAMEO->PLOVER 2021 table plus the modes the PLOVER codebook
# adds (POLECAT).  A lexicon row's mode must come from its event's set.
PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "phone", "third-party", "multilateral"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset({"asylum"}),
    "RETREAT": frozenset(
        {"release", "return", "ease", "access", "disarm", "ceasefire", "withdraw", "resign"}
    ),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"investigate", "disapprove", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset(
        {
            "relations",
            "restrict",
            "ban",
            "political",
            "violence",
            "territory",
            "expel",
            "arrest",
            "rights",
        }
    ),
    "PROTEST": frozenset({"demo", "hunger", "boycott", "obstruct", "riot", "strike"}),
    "SANCTION": frozenset({"withdraw", "discontinue", "expel", "convict"}),
    "MOBILIZE": frozenset({"police", "troops", "weapons", "militia"}),
    "COERCE": frozenset(
        {
            "seize",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "sexual",
            "torture",
            "execute",
            "suicide-attack",
            "explosives",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "cleansing",
            "massacre",
            "unconventional",
        }
    ),
}

# Where annales departs from the CAMEO->PLOVER 2021 table on purpose (see
# data/lexicon/README.md).  Keys are CAMEO codes or code prefixes; the longest prefix wins.
PLOVER_EXCEPTIONS: dict[str, str] = {
    # the table has no row for CAMEO 02 (appeals); PLOVER folds appeals into REQUEST
    "02": "REQUEST",
    # the table says COERCE; the PLOVER codebook and POLECAT code sanctions as SANCTION
    "163": "SANCTION",
}


def quad_class(code: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20)."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    path = resources.files("annales").joinpath("data", "lexicon", GOLDSTEIN_FILE)
    table: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        for n, row in enumerate(reader, start=2):
            try:
                table[row["cameo"]] = float(row["goldstein"])
            except (KeyError, TypeError, ValueError):
                raise DataFileError(
                    path=str(path),
                    expected="columns cameo, goldstein (float)",
                    found=f"line {n}: {row!r}",
                    hint="Fix the line in the package data.",
                ) from None
    return table


def goldstein(code: str) -> float:
    """Goldstein score of a CAMEO code (a four-digit code falls back to its parent)."""
    table = goldstein_table()
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            return table[prefix]
    raise KeyError(code)


def plover_exception(code: str) -> Optional[str]:
    """The PLOVER event annales gives `code` where it departs from the 2021 table, else None."""
    for n in range(len(code), 1, -1):
        if code[:n] in PLOVER_EXCEPTIONS:
            return PLOVER_EXCEPTIONS[code[:n]]
    return None

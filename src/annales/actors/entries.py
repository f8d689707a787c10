"""Typed entries of the actor knowledge base.

Both the built-in knowledge base (data/kb/*) and user dictionaries in PETRARCH/TABARI format
(actors/petrarch.py) produce these, so resolution does not care where an entry came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass(frozen=True)
class Role:
    """A code that holds between two dates ("Trump" is USAELI until 2017-01-20, then USAGOV)."""

    code: str
    country: Optional[str]
    sector: Optional[str]
    start: Optional[date] = None  # inclusive; None = open
    end: Optional[date] = None  # exclusive; None = open

    def holds_on(self, day: Optional[date]) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class KBEntry:
    kb_id: str  # "country:PSE", "org:PLO", "person:trump", "dict:ARN"
    name: str  # canonical name ("Palestine", "Palestine Liberation Organization")
    kind: str  # country | org | metonym | person | group | dictionary
    code: Optional[str]  # CAMEO-style code when undated ("PSE", "IGOUNO", "PSEGOV")
    country: Optional[str]  # ISO3 or IGO/non-state code
    sector: Optional[str]
    aliases: list[str] = field(default_factory=list)  # surface forms, matched case-insensitively
    roles: list[Role] = field(default_factory=list)  # dated codes; override `code` when one holds


@dataclass(frozen=True)
class SectorWord:
    """An agent word that gives a sector ("troops" -> MIL) and, alone, an actor of unknown country."""

    pattern: str  # surface form, lower case ("foreign minister", "troops")
    sector: str  # GOV MIL COP JUD LEG PTY REB OPP BUS MED CVL REL ...
    source: str = "builtin"  # builtin | dictionary file name

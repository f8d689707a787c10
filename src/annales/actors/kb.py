"""The actor knowledge base: entries by id, an alias index, and sector words.

Aliases are compared in normal form (lower case, single spaces, no leading "the", "_" read as a
space as in PETRARCH dictionaries, a trailing "*" dropped).  An alias ending in "*" is a stem:
its last word matches any word it begins ("ARGENTIN*" -> "Argentina", "Argentine"), as a
dictionary phrase without TABARI's trailing "_" does.  When one alias names several entries, the one added by the
user wins, then people, organizations and armed groups, seats of government, and countries last:
a user dictionary is the user's decision, and a specific name beats a general one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..schema import Entity
from .builtin import (
    KBTables,
    builtin_entries,
    builtin_generic_nouns,
    builtin_sector_words,
    read_kb_folder,
)
from .entries import KBEntry, Role, SectorWord

PRIORITY = {
    "dictionary": 0,
    "person": 1,
    "org": 2,
    "group": 2,
    "metonym": 3,
    "country": 4,
    "region": 4,
}

SECTOR_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "PTY": "political party",
    "REB": "rebels",
    "OPP": "opposition",
    "BUS": "business",
    "MED": "media",
    "CVL": "civilians",
    "REL": "religious",
    "HLH": "health",
    "EDU": "education",
    "ELI": "elites",
    "LAB": "labor",
    "AGR": "agriculture",
    "SPY": "intelligence",
    "REF": "refugees",
    "IGO": "international organization",
    "NGO": "non-governmental organization",
    "HRI": "human rights",
    "DEV": "development",
    "ENV": "environment",
    "CRM": "criminals",
    "UAF": "armed group",
    "MNC": "multinational",
}


def normal_form(alias: str) -> str:
    text = " ".join(alias.replace("_", " ").split()).lower().rstrip("*")
    return text[4:] if text.startswith("the ") and len(text) > 4 else text


class KnowledgeBase:
    """Entries, aliases and sector words; extend with add_entries / add_sector_words."""

    def __init__(self) -> None:
        self.entries: dict[str, KBEntry] = {}
        self.sector_words: dict[str, SectorWord] = {}
        self.person_words: set[str] = set()  # sector words that denote people
        self.generic_nouns: dict[str, bool] = {}  # actor-like nouns -> denotes people
        self._alias: dict[str, list[str]] = {}  # normal form -> kb_ids
        self.rules: dict[tuple[str, str], str] = {}  # (kb_id, normal form) -> why it matches

    # -- building -------------------------------------------------------------------------------
    def add_entries(self, entries: Iterable[KBEntry], rules: Optional[dict] = None) -> None:
        for entry in entries:
            self.add_entry(entry, rules)

    def add_entry(self, entry: KBEntry, rules: Optional[dict[str, str]] = None) -> None:
        """Add (or replace, by kb_id) one entry.  `rules` maps alias -> rule name."""
        if entry.kb_id in self.entries:
            self._unindex(entry.kb_id)
        self.entries[entry.kb_id] = entry
        for alias in entry.aliases:
            key = normal_form(alias)
            if not key:
                continue
            ids = self._alias.setdefault(key, [])
            if entry.kb_id not in ids:
                ids.append(entry.kb_id)
            why = (rules or {}).get(alias) or (
                "dictionary" if entry.kind == "dictionary" else "alias"
            )
            self.rules.setdefault((entry.kb_id, key), why)

    def _unindex(self, kb_id: str) -> None:
        for key in [normal_form(a) for a in self.entries[kb_id].aliases]:
            ids = self._alias.get(key, [])
            if kb_id in ids:
                ids.remove(kb_id)
            self.rules.pop((kb_id, key), None)

    def add_tables(self, tables: KBTables) -> None:
        """A user folder's tables: its entries, and its dated roles added to its own entries
        or to ones already here (a role for a built-in leader), never changing a shared entry
        in place."""
        for entry, rules in tables.entries:
            self.add_entry(replace(entry, aliases=list(entry.aliases), roles=[]), rules)
        for kb_id, roles in tables.roles_for(self.entries).items():
            old = self.entries[kb_id]
            self.entries[kb_id] = replace(old, roles=[*old.roles, *roles])
        for word, person in tables.sector_words:
            self.add_sector_words([word], person=person)
        self.generic_nouns.update(tables.generic_nouns)

    def add_sector_words(self, words: Iterable[SectorWord], person: bool = True) -> None:
        """User agent words denote people unless said otherwise (PETRARCH agents mostly do)."""
        for word in words:
            key = normal_form(word.pattern)
            self.sector_words[key] = word
            if person:
                self.person_words.add(key)
            else:
                self.person_words.discard(key)

    # -- reading --------------------------------------------------------------------------------
    def aliases(self) -> Iterable[tuple[str, str]]:
        """(surface alias, kb_id) for every alias of every entry, for matchers."""
        for entry in self.entries.values():
            for alias in entry.aliases:
                yield alias, entry.kb_id

    def candidates(self, name: str) -> list[KBEntry]:
        """Entries with this alias, best first (see the module docstring for the order)."""
        ids = self._alias.get(normal_form(name), [])
        entries = [self.entries[i] for i in ids]
        # later user entries beat earlier ones: reverse insertion order within a priority
        ranked = sorted(enumerate(entries), key=lambda p: (PRIORITY.get(p[1].kind, 5), -p[0]))
        return [e for _, e in ranked]

    def best(self, name: str) -> Optional[KBEntry]:
        found = self.candidates(name)
        return found[0] if found else None

    def lookup(self, name: str, day: Optional[date] = None) -> list[tuple[KBEntry, Entity]]:
        """Every entry `name` can denote, best first, with the entity it gives on `day`."""
        return [(e, entity_of(self, e, day, text=name)) for e in self.candidates(name)]

    def country_name(self, country: Optional[str]) -> Optional[str]:
        entry = self.entries.get(f"country:{country}") if country else None
        return entry.name if entry else None

    def copy(self) -> KnowledgeBase:
        new = KnowledgeBase()
        new.entries = dict(self.entries)
        new.sector_words = dict(self.sector_words)
        new.person_words = set(self.person_words)
        new.generic_nouns = dict(self.generic_nouns)
        new._alias = {k: list(v) for k, v in self._alias.items()}
        new.rules = dict(self.rules)
        return new


def role_on(entry: KBEntry, day: Optional[date]) -> Optional[Role]:
    return next((r for r in entry.roles if r.holds_on(day)), None)


def entity_of(
    kb: KnowledgeBase,
    entry: KBEntry,
    day: Optional[date],
    *,
    text: str,
    sector: Optional[str] = None,
    start: Optional[int] = None,
    end: Optional[int] = None,
) -> Entity:
    """The entity `entry` denotes on `day`, optionally narrowed by a sector word.

    A dated role overrides the entry's own code.  A sector word narrows a country or a person's
    country ("Israeli troops" -> ISRMIL, "the Obama administration" -> USAGOV) but leaves an
    organization's own code alone ("PLO officials" stay PSEGOV).
    """
    role = role_on(entry, day)
    code, country, own_sector = (
        (role.code, role.country, role.sector)
        if role
        else (entry.code, entry.country, entry.sector)
    )
    if code and code.startswith(("---", "+++")):  # PETRARCH's "known to be no actor code"
        code = None
    name = entry.name
    # a region ("Western governments" -> WSTGOV) narrows like a country: its code is its scope
    narrowable = entry.kind in ("country", "person", "region") or code is None or code == country
    if sector and country and narrowable:
        label = SECTOR_LABELS.get(sector, sector)
        # a group of states reads "the West (government)", a state "Israel military"
        region = kb.entries.get(f"region:{country}")
        full = (
            f"{region.name} ({label})"
            if region is not None and kb.country_name(country) is None
            else f"{kb.country_name(country) or country} {label}"
        )
        return Entity(
            text=text,
            name=full,
            code=country + sector,
            country=country,
            sector=sector,
            kb_id=entry.kb_id,
            start=start,
            end=end,
        )
    if code is None and country:
        code = country + (own_sector or "")
    return Entity(
        text=text,
        name=name,
        code=code,
        country=country,
        sector=own_sector,
        kb_id=entry.kb_id,
        start=start,
        end=end,
    )


def load_kb(empty: bool = False, folders: Sequence[str | Path] = ()) -> KnowledgeBase:
    """A fresh knowledge base: the built-in data (parsed once per process) or nothing, then
    the tables of each user folder (`--kb DIR`, the built-in layout) in order."""
    kb = KnowledgeBase()
    # "member", "country": grammar, not actors, so even an empty KB knows them; it also knows
    # the built-in sector words as actor-like nouns, without their sector codes ("Caras
    # Galadhon's new mayor" is Caras Galadhon when the user's agents list no "mayor")
    kb.generic_nouns = dict(builtin_generic_nouns())
    if empty:
        for word, person in builtin_sector_words():
            if " " not in word.pattern:
                kb.generic_nouns.setdefault(word.pattern, person)
    else:
        for entry, rules in builtin_entries():
            kb.add_entry(entry, rules)
        for word, person in builtin_sector_words():
            kb.add_sector_words([word], person=person)
    for folder in folders:
        kb.add_tables(read_kb_folder(Path(folder)))
    return kb

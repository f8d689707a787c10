"""The built-in knowledge base, assembled from data/kb/*.tsv and pycountry.

Hand-written rows (countries.tsv) give the ~110 countries that matter most in international news
their aliases, demonyms and seats of government; every other ISO 3166 country comes from pycountry
with its official names only, so no country is missing but none is guessed at either.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..errors import DataFileError
from .entries import KBEntry, Role, SectorWord
from .kbdata import (CODE_RE, COUNTRY_RE, SECTORS, optional, parse_day, read_table,
                     split_list)

# Rule names recorded per alias, shown by `explain` ("why did this name resolve so?").
ALIAS, DEMONYM, SEAT, ISO = "alias", "demonym", "seat of government", "ISO 3166 name"


def plural_demonym(word: str) -> str | None:
    """'Israeli' -> 'Israelis'; None where English has no -s plural (Chinese, British, Swiss)."""
    if word.endswith(("ese", "sh", "ch", "s")):
        return None
    return word + "s"


def uninverted(name: str) -> str:
    """ISO's catalogue order back to English: 'Virgin Islands, British' -> 'British Virgin
    Islands', 'Micronesia, Federated States of' -> 'Federated States of Micronesia'."""
    if "," not in name:
        return name
    head, _, tail = (p.strip() for p in name.partition(","))
    if tail.endswith((" of", " of the")) or tail in ("British", "U.S."):
        return f"{tail} {head}"
    return name.replace(",", "")


def _check(table: str, code: str | None, country: str | None, sector: str | None) -> None:
    if code is not None and not CODE_RE.match(code):
        raise DataFileError(path=table, expected="a code of 3-letter segments", found=repr(code),
                            hint="Use CAMEO-style codes such as ISRGOV or IGOUNO.")
    if country is not None and not COUNTRY_RE.match(country):
        raise DataFileError(path=table, expected="a 3-letter country or IGO code",
                            found=repr(country), hint="Use ISO 3166 alpha-3 or UNO/EUR/IGO/NGO.")
    if sector is not None and sector not in SECTORS:
        raise DataFileError(path=table, expected="one of " + " ".join(sorted(SECTORS)),
                            found=repr(sector), hint="Add the sector to kbdata.SECTORS first.")


def _countries() -> Iterator[tuple[KBEntry, dict[str, str]]]:
    """Country entries and their seat-of-government entries, each with per-alias rules."""
    import pycountry

    hand = {row["iso3"]: row for row in read_table("countries.tsv")}
    for iso3, row in hand.items():
        _check("countries.tsv", iso3, iso3, None)
        rules = {a: ALIAS for a in [row["name"], *split_list(row["aliases"])]}
        for dem in split_list(row["demonyms"]):
            rules[dem] = DEMONYM
            plural = plural_demonym(dem)
            if plural:
                rules[plural] = DEMONYM
        yield KBEntry(f"country:{iso3}", row["name"], "country", iso3, iso3, None,
                      list(rules)), rules
        seats = split_list(row["seats"])
        if seats:
            yield KBEntry(f"seat:{iso3}", f"{row['name']} government", "metonym", iso3 + "GOV",
                          iso3, "GOV", seats), {s: SEAT for s in seats}
    for c in pycountry.countries:
        if c.alpha_3 in hand:
            continue
        given = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [uninverted(n) for n in given if n]
        rules = {n: ISO for n in dict.fromkeys(names)}
        yield KBEntry(f"country:{c.alpha_3}", names[0], "country", c.alpha_3, c.alpha_3, None,
                      list(rules)), rules


def _organizations() -> Iterator[tuple[KBEntry, dict[str, str]]]:
    for row in read_table("organizations.tsv"):
        code, country, sector = optional(row["code"]), optional(row["country"]), \
            optional(row["sector"])
        _check("organizations.tsv", code, country, sector)
        if row["kind"] not in ("org", "group", "region"):
            raise DataFileError(path="organizations.tsv", expected="kind org, group or region",
                                found=repr(row["kind"]), hint="Fix the kind column.")
        aliases = split_list(row["aliases"])
        yield KBEntry(row["kb_id"], row["name"], row["kind"], code, country, sector,
                      aliases), {a: ALIAS for a in aliases}
    for row in read_table("metonyms.tsv"):
        _check("metonyms.tsv", row["code"], row["country"], row["sector"])
        aliases = split_list(row["aliases"])
        yield KBEntry(row["kb_id"], row["name"], "metonym", row["code"], row["country"],
                      row["sector"], aliases), {a: SEAT for a in aliases}


def _people() -> Iterator[tuple[KBEntry, dict[str, str]]]:
    for row in read_table("people.tsv"):
        _check("people.tsv", None, row["country"], None)
        aliases = split_list(row["aliases"])
        yield KBEntry(row["kb_id"], row["name"], "person", None, row["country"], None,
                      aliases), {a: ALIAS for a in aliases}


def _roles() -> dict[str, list[Role]]:
    roles: dict[str, list[Role]] = {}
    for row in read_table("roles.tsv"):
        _check("roles.tsv", row["code"], row["country"], row["sector"])
        role = Role(row["code"], row["country"], row["sector"],
                    parse_day(row["start"], "roles.tsv"), parse_day(row["end"], "roles.tsv"))
        if role.start and role.end and role.start >= role.end:
            raise DataFileError(path="roles.tsv", expected="start before end",
                                found=f"{row['kb_id']} {role.start}..{role.end}",
                                hint="Fix the dates.")
        roles.setdefault(row["kb_id"], []).append(role)
    return roles


@lru_cache(maxsize=1)
def builtin_entries() -> tuple[tuple[KBEntry, dict[str, str]], ...]:
    """Every built-in entry with its alias -> rule map (parsed once per process)."""
    rows = [*_countries(), *_organizations(), *_people()]
    roles = _roles()
    known = {entry.kb_id for entry, _ in rows}
    for kb_id in roles:
        if kb_id not in known:
            raise DataFileError(path="roles.tsv", expected="a kb_id defined in another table",
                                found=repr(kb_id), hint="Add the entry or fix the id.")
    for entry, _ in rows:
        entry.roles.extend(roles.get(entry.kb_id, ()))
    return tuple(rows)


@lru_cache(maxsize=1)
def builtin_sector_words() -> tuple[tuple[SectorWord, bool], ...]:
    """(sector word, denotes people?) pairs from sectors.tsv."""
    out = []
    for row in read_table("sectors.tsv"):
        _check("sectors.tsv", None, None, row["sector"])
        out.append((SectorWord(row["pattern"], row["sector"]), row["person"] == "1"))
    return tuple(out)


@lru_cache(maxsize=1)
def builtin_generic_nouns() -> dict[str, bool]:
    """Actor-like nouns without a sector ("member", "country") -> denotes people?"""
    return {row["word"]: row["person"] == "1" for row in read_table("generic.tsv")}

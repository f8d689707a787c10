"""The built-in knowledge base, assembled from data/kb/*.tsv and pycountry, and users' folders
of tables in the same layout (`--kb DIR`), checked with the same rules.

Hand-written rows (countries.tsv) give the ~110 countries that matter most in international news
their aliases, demonyms and seats of government; every other ISO 3166 country comes from pycountry
with its official names only, so no country is missing but none is guessed at either.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from ..errors import DataFileError
from .entries import KBEntry, Role, SectorWord
from .kbdata import CODE_RE, COUNTRY_RE, SECTORS, TABLES, optional, parse_day, read_rows, split_list

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


def _check(where: str, code: str | None, country: str | None, sector: str | None) -> None:
    if code is not None and not CODE_RE.match(code):
        raise DataFileError(
            path=where,
            expected="a code of 3-letter segments",
            found=repr(code),
            hint="Use CAMEO-style codes such as ISRGOV or IGOUNO.",
        )
    if country is not None and not COUNTRY_RE.match(country):
        raise DataFileError(
            path=where,
            expected="a 3-letter country or IGO code",
            found=repr(country),
            hint="Use ISO 3166 alpha-3 or UNO/EUR/IGO/NGO.",
        )
    if sector is not None and sector not in SECTORS:
        raise DataFileError(
            path=where,
            expected="one of " + " ".join(sorted(SECTORS)),
            found=repr(sector),
            hint="Use one of these sectors.",
        )


Rows = Iterator[tuple[KBEntry, dict[str, str]]]


def _countries(folder: Optional[Path]) -> Rows:
    """Country entries and their seat-of-government entries, each with per-alias rules; the
    built-in table is completed from pycountry, a user's table is taken as it is."""
    hand = {}
    for where, row in _rows("countries.tsv", folder):
        _check(where, row["iso3"], row["iso3"], None)
        hand[row["iso3"]] = row
        rules = {a: ALIAS for a in [row["name"], *split_list(row["aliases"])]}
        for dem in split_list(row["demonyms"]):
            rules[dem] = DEMONYM
            plural = plural_demonym(dem)
            if plural:
                rules[plural] = DEMONYM
        iso3 = row["iso3"]
        yield (
            KBEntry(f"country:{iso3}", row["name"], "country", iso3, iso3, None, list(rules)),
            rules,
        )
        seats = split_list(row["seats"])
        if seats:
            yield (
                KBEntry(
                    f"seat:{iso3}",
                    f"{row['name']} government",
                    "metonym",
                    iso3 + "GOV",
                    iso3,
                    "GOV",
                    seats,
                ),
                {s: SEAT for s in seats},
            )
    if folder is not None:
        return
    import pycountry

    for c in pycountry.countries:
        if c.alpha_3 in hand:
            continue
        given = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [uninverted(n) for n in given if n]
        rules = {n: ISO for n in dict.fromkeys(names)}
        yield (
            KBEntry(
                f"country:{c.alpha_3}", names[0], "country", c.alpha_3, c.alpha_3, None, list(rules)
            ),
            rules,
        )


def _organizations(folder: Optional[Path]) -> Rows:
    for where, row in _rows("organizations.tsv", folder):
        code, country, sector = (
            optional(row["code"]),
            optional(row["country"]),
            optional(row["sector"]),
        )
        _check(where, code, country, sector)
        if row["kind"] not in ("org", "group", "region"):
            raise DataFileError(
                path=where,
                expected="kind org, group or region",
                found=repr(row["kind"]),
                hint="Fix the kind column.",
            )
        aliases = split_list(row["aliases"])
        yield (
            KBEntry(row["kb_id"], row["name"], row["kind"], code, country, sector, aliases),
            {a: ALIAS for a in aliases},
        )
    for where, row in _rows("metonyms.tsv", folder):
        _check(where, row["code"], row["country"], row["sector"])
        aliases = split_list(row["aliases"])
        yield (
            KBEntry(
                row["kb_id"],
                row["name"],
                "metonym",
                row["code"],
                row["country"],
                row["sector"],
                aliases,
            ),
            {a: SEAT for a in aliases},
        )


def _people(folder: Optional[Path]) -> Rows:
    for where, row in _rows("people.tsv", folder):
        _check(where, None, row["country"], None)
        aliases = split_list(row["aliases"])
        yield (
            KBEntry(row["kb_id"], row["name"], "person", None, row["country"], None, aliases),
            {a: ALIAS for a in aliases},
        )


def _roles(folder: Optional[Path]) -> list[tuple[str, str, Role]]:
    """(file:line, kb_id, role) for every row of roles.tsv."""
    out = []
    for where, row in _rows("roles.tsv", folder):
        _check(where, row["code"], row["country"], row["sector"])
        role = Role(
            row["code"],
            row["country"],
            row["sector"],
            parse_day(row["start"], where),
            parse_day(row["end"], where),
        )
        if role.start and role.end and role.start >= role.end:
            raise DataFileError(
                path=where,
                expected="start before end",
                found=f"{row['kb_id']} {role.start}..{role.end}",
                hint="Fix the dates.",
            )
        out.append((where, row["kb_id"], role))
    return out


def _rows(table: str, folder: Optional[Path]):
    """A user's folder may leave any table out; the built-in one has them all."""
    if folder is not None and not (folder / table).is_file():
        return iter(())
    return read_rows(table, folder)


@dataclass
class KBTables:
    """What one knowledge-base folder holds, checked: entries with their alias rules, dated
    roles by kb_id (with the line each came from), sector words and generic nouns."""

    entries: tuple[tuple[KBEntry, dict[str, str]], ...]
    roles: tuple[tuple[str, str, Role], ...]
    sector_words: tuple[tuple[SectorWord, bool], ...]
    generic_nouns: dict[str, bool]

    def roles_for(self, known) -> dict[str, list[Role]]:
        """Roles by kb_id; a kb_id in no entry of this folder nor in `known` is an error."""
        out: dict[str, list[Role]] = {}
        for where, kb_id, role in self.roles:
            if kb_id not in known:
                raise DataFileError(
                    path=where,
                    expected="a kb_id defined in a table",
                    found=repr(kb_id),
                    hint="Add the entry or fix the id.",
                )
            out.setdefault(kb_id, []).append(role)
        return out


def read_kb_folder(folder: Optional[Path] = None) -> KBTables:
    """The tables of `folder` (the built-in knowledge base when None), checked row by row."""
    if folder is not None:
        if not folder.is_dir():
            raise DataFileError(
                path=str(folder),
                expected="a folder of knowledge-base tables",
                found="no such folder",
                hint="Check the --kb path.",
            )
        unknown = sorted(p.name for p in folder.glob("*.tsv") if p.name not in TABLES)
        if unknown:
            raise DataFileError(
                path=str(folder / unknown[0]),
                expected="one of the tables " + ", ".join(TABLES),
                found=repr(unknown[0]),
                hint="Rename the file or move it out of the folder.",
            )
    sectors = []
    for where, row in _rows("sectors.tsv", folder):
        _check(where, None, None, row["sector"])
        sectors.append(
            (
                SectorWord(
                    row["pattern"], row["sector"], "builtin" if folder is None else str(folder)
                ),
                row["person"] == "1",
            )
        )
    return KBTables(
        entries=(*_countries(folder), *_organizations(folder), *_people(folder)),
        roles=tuple(_roles(folder)),
        sector_words=tuple(sectors),
        generic_nouns={
            row["word"]: row["person"] == "1" for _, row in _rows("generic.tsv", folder)
        },
    )


@lru_cache(maxsize=1)
def builtin_tables() -> KBTables:
    """The built-in tables, parsed once per process (nothing ever changes them: a pipeline's
    knowledge base copies what it extends)."""
    tables = read_kb_folder()
    roles = tables.roles_for({entry.kb_id for entry, _ in tables.entries})
    for entry, _ in tables.entries:
        entry.roles.extend(roles.get(entry.kb_id, ()))
    return tables


def builtin_entries() -> tuple[tuple[KBEntry, dict[str, str]], ...]:
    """Every built-in entry with its alias -> rule map."""
    return builtin_tables().entries


def builtin_sector_words() -> tuple[tuple[SectorWord, bool], ...]:
    """(sector word, denotes people?) pairs from sectors.tsv."""
    return builtin_tables().sector_words


def builtin_generic_nouns() -> dict[str, bool]:
    """Actor-like nouns without a sector ("member", "country") -> denotes people?"""
    return builtin_tables().generic_nouns

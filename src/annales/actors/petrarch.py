"""Read PETRARCH/TABARI actor and agent dictionaries (``--actors FILE``, ``--agents FILE``).

Actor file: an entry is a phrase line, optionally with its code, then ``+SYNONYM`` lines and
indented code lines with date restrictions::

    UNITED_STATES  [USA]          GOLLUM             ZIMBABWE
    +U.S.                         +SMEAGOL               [RHO <790606]
                                      [HOB < 950601]     [ZBW]
                                      [HOBGOV 950601-990815]

The undated code becomes ``KBEntry.code``; each dated code a ``Role`` (listed in file order,
because the first matching restriction wins in PETRARCH).  A compound code ``[FRO/BIL/SAM]``
("the Shire" = three actors) gives one entry per member, all with the same aliases.

Agent file: ``PHRASE {PLURAL} [~CODE]`` lines; regular plurals are generated unless ``{}``
nulls them, and ``!MARKER! = A, B`` lines define substitution sets used inside phrases.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import DictionaryError
from .entries import KBEntry, Role, SectorWord
from .petrarch_lines import (
    CodeBlock,
    Line,
    dictionary_lines,
    fail,
    parse_code_block,
    phrase_text,
    split_brackets,
)

# CAMEO actor role/sector codes that may follow the country part of a code.
KNOWN_SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG ELI MED EDU BUS CVL LAB REF HLH HRI ENV AGR DEV "
    "CRM UAF INS SEP MOD RAD REL NGO IGO MNC".split()
)
UNKNOWN_CODES = ("---", "+++")


def split_code(code: str) -> tuple[Optional[str], Optional[str]]:
    """(country, sector) of a CAMEO-style code: the first three letters, then the first
    known sector among the following three-letter parts.  Unknown parts are None."""
    if not code or code.startswith(UNKNOWN_CODES):
        return None, _first_sector(code[3:]) if code else None
    return code[:3], _first_sector(code[3:])


def _first_sector(rest: str) -> Optional[str]:
    for i in range(0, len(rest) - 2, 3):
        if rest[i : i + 3] in KNOWN_SECTORS:
            return rest[i : i + 3]
    return None


@dataclass
class _Draft:
    line: Line
    phrases: list[str]
    blocks: list[CodeBlock] = field(default_factory=list)


def read_actors(path: str | Path, *, strict: bool = False) -> list[KBEntry]:
    """All entries of a PETRARCH/TABARI actor dictionary.

    A malformed line gives a DictionaryError (E004) naming the file and line: raised when
    `strict`, otherwise issued as a warning and the line skipped -- PETRARCH's own behaviour,
    and what real dictionaries need (Phoenix.Countries has stray brackets and reversed dates).
    """
    drafts: list[_Draft] = []
    for line in dictionary_lines(path):
        try:
            _read_actor_line(line, drafts, path)
        except DictionaryError as exc:
            _complain(exc, strict)
    stem = Path(path).name.split(".actors")[0].removesuffix(".txt")
    entries: list[KBEntry] = []
    for n, draft in enumerate(drafts, start=1):
        try:
            entries.extend(_entries(draft, path, stem, n))
        except DictionaryError as exc:
            _complain(exc, strict)
    return entries


def _complain(exc: DictionaryError, strict: bool) -> None:
    if strict:
        raise exc
    warnings.warn(str(exc), DictionaryWarning, stacklevel=3)


class DictionaryWarning(UserWarning):
    """A dictionary line was skipped; the message is the E004 DictionaryError text."""


def _read_actor_line(line: Line, drafts: list[_Draft], path: str | Path) -> None:
    text = line.text
    if text.startswith(("+", "[")) and not drafts:
        raise fail(path, line, "an actor line before the first +synonym or [code] line")
    phrase, blocks = split_brackets(text.lstrip("+"), path, line)
    if text.startswith("+"):
        if blocks:
            raise fail(path, line, "a +synonym without a code (codes go on their own line)")
        if phrase_text(phrase):
            drafts[-1].phrases.append(phrase_text(phrase))
        return
    if phrase and not phrase_text(phrase):
        raise fail(path, line, "an actor phrase before the code")
    codes = [parse_code_block(inner, path, line) for inner in blocks]
    if not phrase:
        drafts[-1].blocks.extend(codes)
    elif not codes and drafts and not drafts[-1].blocks:
        # a run of code-less names shares the code lines that follow it (Phoenix writes
        # IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV >20120219])
        drafts[-1].phrases.append(phrase_text(phrase))
    else:
        drafts.append(_Draft(line, [phrase_text(phrase)], codes))


def _entries(draft: _Draft, path: str | Path, stem: str, n: int) -> list[KBEntry]:
    if not draft.blocks:
        raise fail(path, draft.line, "a [code] for the actor, on its line or after its synonyms")
    undated = [b.code for b in draft.blocks if not b.dated]
    members = undated[-1].split("/") if undated else [None]
    aliases = list(dict.fromkeys(draft.phrases))
    out = []
    for i, code in enumerate(members):
        roles = [
            Role(c, *split_code(c), start=b.start, end=b.end)
            for b in draft.blocks
            if b.dated
            for c in [_member(b.code, i)]
        ]
        # an entry known only by dated codes has no code outside their dates: leaving its
        # country empty keeps the resolver from inventing one
        country, sector = split_code(code) if code else (None, None)
        key = code or roles[0].code
        out.append(
            KBEntry(
                kb_id=f"dict:{stem}:{key}:{n}",
                name=aliases[0].title(),
                kind="dictionary",
                code=code,
                country=country,
                sector=sector,
                aliases=list(aliases),
                roles=roles,
            )
        )
    return out


def _member(code: str, i: int) -> str:
    members = code.split("/")
    return members[i] if i < len(members) else members[0]


def read_agents(path: str | Path, *, strict: bool = False) -> list[SectorWord]:
    """Sector words of a PETRARCH agent dictionary, with their plural forms.

    Malformed lines as in `read_actors` (Phoenix.agents has a phrase without a code).
    """
    source = Path(path).name
    markers: dict[str, list[str]] = {}
    words: dict[tuple[str, str], SectorWord] = {}
    for line in dictionary_lines(path):
        try:
            for sw in _read_agent_line(line, markers, source, path):
                words.setdefault((sw.pattern, sw.sector), sw)
        except DictionaryError as exc:
            _complain(exc, strict)
    return list(words.values())


def _read_agent_line(
    line: Line, markers: dict[str, list[str]], source: str, path: str | Path
) -> list[SectorWord]:
    text = line.text
    if "=" in text and text.startswith("!"):
        name, _, values = text.partition("=")
        name = name.strip()
        if len(name) < 3 or not name.endswith("!") or "!" in name[1:-1]:
            raise fail(path, line, "a substitution set such as !PERSON! = MAN, WOMAN")
        markers[name] = [v.strip() for v in values.split(",") if v.strip()]
        return []
    phrase, blocks = split_brackets(text, path, line)
    if len(blocks) != 1:
        raise fail(path, line, "one agent code such as [~GOV]")
    code = blocks[0].replace(" ", "")
    if code.count("~") != 1 or code.strip("~") == "" or "~" not in (code[0], code[-1]):
        raise fail(path, line, "an agent code with one leading or trailing '~', e.g. [~GOV]")
    return [
        SectorWord(pattern=form.lower(), sector=code.strip("~"), source=source)
        for form in _agent_forms(phrase, markers, path, line)
    ]


def _agent_forms(phrase: str, markers: dict[str, list[str]], path, line: Line) -> list[str]:
    if "!" in phrase:
        start = phrase.index("!")
        end = phrase.find("!", start + 1)
        marker = phrase[start : end + 1]
        if end < 0 or marker not in markers:
            raise fail(
                path, line, "a substitution marker defined earlier in the file (!NAME! = ...)"
            )
        # substituted forms are taken literally: the set lists its own plurals
        return [phrase_text(phrase[:start] + v + phrase[end + 1 :]) for v in markers[marker]]
    if "{" in phrase:
        head, _, rest = phrase.partition("{")
        plural, close, _ = rest.partition("}")
        if not close:
            raise fail(path, line, "a '}' closing the plural form")
        forms = [phrase_text(head), phrase_text(plural)]
    else:
        forms = [phrase_text(phrase), pluralize(phrase_text(phrase))]
    if not forms[0]:
        raise fail(path, line, "an agent phrase before the code")
    return [f for f in forms if f]


def pluralize(phrase: str) -> str:
    """Regular English plural of the last word ("foreign minister" -> "foreign ministers")."""
    head, _, last = phrase.rpartition(" ")
    upper = last.upper()
    if upper.endswith("MAN") and len(upper) > 3:
        plural = last[:-2] + ("EN" if last.isupper() else "en")
    elif upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        plural = last[:-1] + ("IES" if last.isupper() else "ies")
    elif upper.endswith(("S", "X", "Z", "CH", "SH")):
        plural = last + ("ES" if last.isupper() else "es")
    else:
        plural = last + ("S" if last.isupper() else "s")
    return f"{head} {plural}" if head else plural

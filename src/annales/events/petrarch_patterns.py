"""Pattern lines of PETRARCH/TABARI verb dictionaries: ``- words * words [CODE]``, and codes.

    - $ SAID * + TO_STAY      [0331]     * the verb; $ the source; + the target;
    - * &CURRENCY DEBT_RELIEF [071]      % a compound actor (its members act on each other);
    - SO IN_AND_*_OUT_AGAIN   [074]      ^ any one word; &NAME a synset; _ joins words that
    - * (TO LIST) (OF {BANNED PARTIES})  must be consecutive ("IN_*": "in" right before the
                                         verb), a space lets other words come between.

PETRARCH2's ``(PREP NOUN ...)`` and ``{MODIFIER HEAD}`` phrase marks are read as plain words
in order (the parse already says where phrases are).  ``WORD_ `` followed by a space is an
open match, as in PETRARCH ("XXXX_ " is "XXXX ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

NO_EVENT = "---"
# CAMEO codes are 2-4 digits; TABARI files add a letter or '?' to tell patterns apart in tests
# ("[075A]", "[025?]").  The digits are the code; the suffix is dropped.
CODE_RE = re.compile(r"^(\d{2,4})[A-Za-z?]?$")
MARKERS = ("$", "+", "%", "^")
WORD_RE = re.compile(r"^[A-Za-z0-9'.\-/]+$")  # "F/A-18", "N'T", "U.S."

MAX_SYNSET_DEPTH = 4  # synsets may hold synsets ("+&TIETYPES"); a bound keeps cycles finite


@dataclass(frozen=True)
class Part:
    """One slot of a pattern: `kind` is "w" (words), "&" (an unresolved synset, its name in
    `alts[0][0]`) or a marker; `alts` are the word sequences that may fill a "w" slot."""

    kind: str
    alts: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Group:
    """Parts that must be consecutive.  `glued`: the group touches the verb ("IN_*")."""

    parts: tuple[Part, ...]
    glued: bool = False


def parse_code(inner: str) -> tuple[str, str]:
    """``064`` -> ("064", ""); ``042:043`` -> ("042", "043"); ``:074`` -> ("", "074");
    ``---`` -> (NO_EVENT, "").  Raises ValueError for anything else ("def", "+++")."""
    active, _, reverse = inner.strip().partition(":")
    out = []
    for part in (active.strip(), reverse.strip()):
        if part in ("", NO_EVENT):
            out.append(part)
            continue
        m = CODE_RE.match(part)
        if not m:
            raise ValueError(part)
        out.append(m.group(1))
    if not out[0] and not out[1]:
        raise ValueError(inner)
    return out[0], "" if out[1] == NO_EVENT else out[1]


def parse_pattern(body: str) -> tuple[tuple[Group, ...], tuple[Group, ...]]:
    """(groups before the verb, groups after it), in text order.  ValueError says what is
    wrong, phrased as what was expected."""
    text = re.sub(r"[(){}]", " ", body)
    text = re.sub(r"_+(\s|$)", r"\1", text).strip()
    if text.count("*") != 1:
        raise ValueError("a pattern with exactly one '*' marking the verb")
    before: list[Group] = []
    after: list[Group] = []
    seen_verb = False
    for chunk in text.split():
        pieces = [p for p in chunk.split("_") if p]
        if "*" in pieces:
            at = pieces.index("*")
            if pieces[:at]:
                before.append(Group(tuple(map(_part, pieces[:at])), glued=True))
            if pieces[at + 1 :]:
                after.append(Group(tuple(map(_part, pieces[at + 1 :])), glued=True))
            seen_verb = True
        elif pieces:
            (after if seen_verb else before).append(Group(tuple(map(_part, pieces))))
    return tuple(before), tuple(after)


def _part(piece: str) -> Part:
    if piece in MARKERS:
        return Part(piece)
    if piece.startswith("&") and WORD_RE.match(piece[1:]):
        return Part("&", ((piece[1:].rstrip("_").upper(),),))
    if "*" in piece or not WORD_RE.match(piece):
        raise ValueError(f"words, &SYNSETS or {' '.join(MARKERS)} in the pattern (not {piece!r})")
    return Part("w", ((piece.lower(),),))


def resolve_synsets(
    groups: Sequence[Group], synsets: Mapping[str, Sequence[str]]
) -> tuple[Group, ...]:
    """Groups with every synset slot replaced by its word sequences (members may be phrases
    and may name other synsets)."""
    return tuple(Group(tuple(_resolve(p, synsets) for p in g.parts), g.glued) for g in groups)


def _resolve(part: Part, synsets) -> Part:
    if part.kind != "&":
        return part
    return Part("w", tuple(dict.fromkeys(_expand(part.alts[0][0], synsets, 0))))


def _expand(name: str, synsets, depth: int) -> list[tuple[str, ...]]:
    if name not in synsets:
        raise ValueError(f"synset &{name} defined in the file")
    if depth > MAX_SYNSET_DEPTH:
        raise ValueError(f"synset &{name} not nested more than {MAX_SYNSET_DEPTH} deep")
    out: list[tuple[str, ...]] = []
    for member in synsets[name]:
        seqs: list[tuple[str, ...]] = [()]
        for word in member.replace("_", " ").split():
            if word.startswith("&"):
                subs = _expand(word[1:].rstrip("_").upper(), synsets, depth + 1)
                seqs = [s + sub for s in seqs for sub in subs]
            elif WORD_RE.match(word):
                seqs = [s + (word.lower(),) for s in seqs]
            else:
                raise ValueError(f"words in synset &{name} (not {word!r})")
        out.extend(s for s in seqs if s)
    return out

"""From a verb dictionary's code to what an annales record needs: PLOVER event, quad class,
Goldstein score.

A dictionary code becomes an event only when it is a CAMEO code annales can place:

* roots 02-20: the PLOVER event is the one the pipeline's native lexicon (built-in and user
  rows) gives that code (or its three-digit parent) most often -- so user dictionaries and
  the lexicon agree --
  else the root's event in ROOT_EVENTS (the CAMEO->PLOVER 2021 table, root by root);
* root 01 (make a public statement: "say", "comment") is no event in annales: saying is the
  attribution stage's business, as in the built-in lexicon;
* anything else (the toy dictionary's WEIS codes 903, 1010..., or 21x) has no CAMEO meaning;
  a pattern with such a code still matches, so it shadows less specific patterns, but codes
  nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Optional

from . import codes
from .lexicon import LexEntry, load_lexicon

ROOT_EVENTS = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}


@dataclass(frozen=True)
class VerbEntry(LexEntry):
    """A LexEntry from a verb dictionary, with what PETRARCH codes besides the main event:
    `reverse`, the target's event on the source (``[032:033]``: a visit is hosted), and
    `reverse_entry`, that event as an entry; `mutual`, the members of a compound actor act on
    each other (``%``); `swapped`, the main event goes from target to source (a ``[:CODE]``
    pattern).  events/reciprocal.py turns these into drafts."""

    reverse: str = ""
    mutual: bool = False
    swapped: bool = False
    reverse_entry: Optional[VerbEntry] = field(default=None, compare=False)


def lexicon_events(lexicon: Iterable[LexEntry]) -> dict[str, str]:
    """CAMEO code -> the PLOVER event `lexicon` uses for it most often."""
    seen: dict[str, Counter] = {}
    for entry in lexicon:
        if entry.event:
            seen.setdefault(entry.cameo, Counter())[entry.event] += 1
    return {code: counts.most_common(1)[0][0] for code, counts in seen.items()}


@lru_cache(maxsize=1)
def _builtin_events() -> dict[str, str]:
    return lexicon_events(load_lexicon())


def event_for(code: str, known: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """PLOVER event of a CAMEO code, or None when the code is no annales event.  `known` maps
    codes to the events of the lexicon the dictionaries stand beside (the built-in lexicon's
    when None; `{}` for none: the CAMEO root alone decides)."""
    if not (code.isdigit() and 2 <= len(code) <= 4) or code[:2] not in ROOT_EVENTS:
        return None
    known = _builtin_events() if known is None else known
    for prefix in (code, code[:3]):
        if prefix in known:
            return known[prefix]
    return ROOT_EVENTS[code[:2]]


class CodeTable:
    """Dictionary codes to entries, agreeing with one native lexicon (or with none: a
    pipeline without the built-in lexicon reads nothing of it, not even its code choices)."""

    def __init__(self, lexicon: Optional[Iterable[LexEntry]] = None):
        self.known = lexicon_events(lexicon) if lexicon is not None else {}
        self._entries: dict[tuple, Optional[VerbEntry]] = {}

    def event_for(self, code: str) -> Optional[str]:
        return event_for(code, self.known)

    def entry_for(
        self,
        code: str,
        verb: str,
        where: str,
        recipient: tuple[str, ...],
        reverse: str = "",
        mutual: bool = False,
        swapped: bool = False,
    ) -> Optional[VerbEntry]:
        """The lexicon entry a matched verb pattern stands for (None: no event).  `where` is
        the pattern's file:line, kept in `LexEntry.pattern` ("" for a verb's bare code)."""
        key = (code, verb, where, recipient, reverse, mutual, swapped)
        if key not in self._entries:
            self._entries[key] = self._build(*key)
        return self._entries[key]

    def _build(self, code, verb, where, recipient, reverse, mutual, swapped):
        event = self.event_for(code)
        if event is None:
            return None
        reverse = reverse if self.event_for(reverse or "-") else ""
        return VerbEntry(
            lemma=verb,
            pos="VERB",
            pattern=where,
            event=event,
            mode=None,
            cameo=code,
            quad_class=codes.quad_class(code),
            goldstein=codes.goldstein(code),
            recipient=recipient,
            reverse=reverse,
            mutual=mutual,
            swapped=swapped,
            reverse_entry=self.entry_for(reverse, verb, where, recipient) if reverse else None,
        )

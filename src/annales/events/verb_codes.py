"""From a verb dictionary's code to what an annales record needs: PLOVER event, quad class,
Goldstein score.

A dictionary code becomes an event only when it is a CAMEO code annales can place:

* roots 02-20: the PLOVER event is the one the built-in lexicon gives that code (or its
  three-digit parent) most often -- so user dictionaries and the built-in lexicon agree --
  else the root's event in ROOT_EVENTS (the CAMEO->PLOVER 2021 table, root by root);
* root 01 (make a public statement: "say", "comment") is no event in annales: saying is the
  attribution stage's business, as in the built-in lexicon;
* anything else (the toy dictionary's WEIS codes 903, 1010..., or 21x) has no CAMEO meaning;
  a pattern with such a code still matches, so it shadows less specific patterns, but codes
  nothing.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import codes
from .lexicon import LexEntry, load_lexicon

ROOT_EVENTS = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}


@dataclass(frozen=True)
class VerbEntry(LexEntry):
    """A LexEntry from a verb dictionary, with what PETRARCH codes besides the main event:
    `reverse`, the target's event on the source (``[032:033]``: a visit is hosted);
    `mutual`, the members of a compound actor act on each other (``%``); `swapped`, the main
    event goes from target to source (a ``[:CODE]`` pattern).  events/reciprocal.py turns
    these into drafts."""
    reverse: str = ""
    mutual: bool = False
    swapped: bool = False


@lru_cache(maxsize=1)
def _lexicon_events() -> dict[str, str]:
    """CAMEO code -> the PLOVER event the built-in lexicon uses for it most often."""
    seen: dict[str, Counter] = {}
    for entry in load_lexicon():
        if entry.event:
            seen.setdefault(entry.cameo, Counter())[entry.event] += 1
    return {code: counts.most_common(1)[0][0] for code, counts in seen.items()}


def event_for(code: str) -> Optional[str]:
    """PLOVER event of a CAMEO code, or None when the code is no annales event."""
    if not (code.isdigit() and 2 <= len(code) <= 4) or code[:2] not in ROOT_EVENTS:
        return None
    known = _lexicon_events()
    for prefix in (code, code[:3]):
        if prefix in known:
            return known[prefix]
    return ROOT_EVENTS[code[:2]]


@lru_cache(maxsize=4096)
def entry_for(code: str, verb: str, where: str, recipient: tuple[str, ...], reverse: str = "",
              mutual: bool = False, swapped: bool = False) -> Optional[VerbEntry]:
    """The lexicon entry a matched verb pattern stands for (None: no event).  `where` is the
    pattern's file:line, kept in `LexEntry.pattern` ("" for a verb's bare code)."""
    event = event_for(code)
    if event is None:
        return None
    return VerbEntry(lemma=verb, pos="VERB", pattern=where, event=event, mode=None, cameo=code,
                     quad_class=codes.quad_class(code), goldstein=codes.goldstein(code),
                     recipient=recipient,
                     reverse=reverse if event_for(reverse or "-") else "",
                     mutual=mutual, swapped=swapped)

"""Trips that are no consultation.

    if not_a_visit(draft): ...   # after completion.py has given the parties their countries

A visit (CAMEO 042) is one political actor going to another.  Three kinds of trip the lexicon's
travel verbs also find are not: a private person's ("tourists hoping to visit Japan on
holiday"), a trip at home, to a place that is no actor of its own ("the president will
visit Ohio"), and a visit to a website ("click here to visit example.com/letters").  A trip
with no traveller named stays: it is often the visit of a sentence before ("a trip Britain
hopes will cement relations").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .stand_ins import entity_root

if TYPE_CHECKING:
    from .extract import Draft

MAKE_A_VISIT = "042"
WEB_ADDRESS = re.compile(r"^(https?://|www\.)|\.[a-z]{2,6}(/|$)", re.I)

# Head nouns of private people, who travel as tourists, students or migrants, not as envoys
PRIVATE_PEOPLE = frozenset(
    {
        "citizen",
        "national",
        "tourist",
        "visitor",
        "traveller",
        "traveler",
        "passenger",
        "people",
        "person",
        "man",
        "woman",
        "family",
        "resident",
        "student",
        "fan",
        "pilgrim",
    }
)


def not_a_visit(draft: Draft, gazetteer) -> bool:
    """True for a draft of making a visit that is one of the trips above.  `gazetteer` says
    which destinations are places (a state, a city) and in which country."""
    entry = draft.entry
    if entry.event != "CONSULT" or entry.cameo != MAKE_A_VISIT:
        return False
    doc = draft.trigger.doc
    if any(WEB_ADDRESS.search(c.text) for c in draft.trigger.children if c.dep_ == "dobj"):
        return True
    if draft.actors and all(_private(a, doc) for a in draft.actors):
        return True
    home = {a.country for a in draft.actors if a.country}
    return bool(draft.recipients) and all(
        not r.kb_id and _place_in(r.text, home, gazetteer) for r in draft.recipients
    )


def _place_in(text: str, countries: set, gazetteer) -> bool:
    """`text` names a place below the state level in one of `countries`, and nothing else."""
    entries = gazetteer.lookup(text) if text and gazetteer is not None else []
    return bool(entries) and all(e.kind != "country" and e.country in countries for e in entries)


def _private(entity, doc) -> bool:
    root = entity_root(entity, doc)
    return root is not None and root.lemma_.lower() in PRIVATE_PEOPLE

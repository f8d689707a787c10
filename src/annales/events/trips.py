"""Trips that are no consultation.

    if not_a_visit(draft): ...   # after completion.py has given the parties their countries

A visit (CAMEO 042) is one political actor going to another.  Three kinds of trip the lexicon's
travel verbs also find are not: one with no traveller named ("had to travel to the capital
instead"), a private person's ("citizens wanting to visit the United States for tourism"), and
a trip at home, to a place that is no actor of its own ("the president will visit Ohio").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .stand_ins import _root

if TYPE_CHECKING:
    from .extract import Draft

MAKE_A_VISIT = "042"

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


def not_a_visit(draft: Draft) -> bool:
    """True for a draft of making a visit that is one of the trips above."""
    entry = draft.entry
    if entry.event != "CONSULT" or entry.cameo != MAKE_A_VISIT:
        return False
    if not draft.actors:
        return True
    doc = draft.trigger.doc
    if all(_private(a, doc) for a in draft.actors):
        return True
    home = {a.country for a in draft.actors if a.country}
    return bool(draft.recipients) and all(
        r.country in home and not r.kb_id for r in draft.recipients
    )


def _private(entity, doc) -> bool:
    root = _root(entity, doc)
    return root is not None and root.lemma_.lower() in PRIVATE_PEOPLE

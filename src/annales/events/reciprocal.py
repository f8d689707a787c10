"""PETRARCH's two-way codes as drafts: `with_reciprocals(drafts)`.

A verb-dictionary pattern (events/verb_lexicon.py) can code more than the subject's event on
the object:

* ``[032:033]`` -- the reverse event too: "A left for B" is A visits B (032) and B hosts A
  (033), "A met B" A meets B (031) and B is met (032);
* ``%`` -- a compound actor whose members act on each other: "A and B agreed" (030);
* ``[:CODE]`` -- only the reverse event: the object acts on the subject.

Drafts of other entries pass through unchanged.  The pipeline applies this after `extract`;
a reverse draft shares its trigger with the forward one, so record ids must tell them apart
by code or direction, not only by PLOVER event (032 and 033 are both AGREE).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .extract import Draft
from .verb_codes import VerbEntry


def with_reciprocals(drafts: Iterable[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        entry = draft.entry
        if not isinstance(entry, VerbEntry):
            out.append(draft)
            continue
        if entry.swapped:
            draft = replace(draft, actors=draft.recipients, recipients=draft.actors)
        if entry.mutual and len(draft.actors) > 1 and not draft.recipients:
            # the members are each other's recipients; an actor paired with itself is no
            # dyad (scorers and exports skip such pairs)
            draft = replace(draft, recipients=list(draft.actors))
        out.append(draft)
        reverse = entry.reverse_entry
        if reverse and draft.actors and draft.recipients:
            out.append(
                replace(draft, entry=reverse, actors=draft.recipients, recipients=draft.actors)
            )
    return out

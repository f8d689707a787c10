"""Demands made without a verb of demanding: "the senator said the governor should resign", "she told
a radio station that the mayor must step down", "he did not believe the minister needed to
resign".

    drafts += implicit_demands(doc, drafts, mentions)

Saying that someone should do something is calling on them to do it: a REQUEST (CAMEO 020)
by the speaker to the one who should act, triggered on the modal, beside the act itself
(a draft too when the lexicon knows it, hypothetical by its modal).  Either the act is an
event the lexicon knows, or the one who should do it is a party with a country ("Ankara told
Brussels it must take back its nationals"): "he said the economy should grow" demands nothing,
and "we must act" obliges the speakers themselves; "should have resigned years ago" judges
the past and asks for nothing.  The REQUEST's own modality is
the reporting verb's: negated for "did not believe ... needed to", asserted for "said".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from . import arguments as args
from . import codes
from .cues import REPORTING_VERBS
from .lexicon import LexEntry
from .modality import modality_of

if TYPE_CHECKING:
    from spacy.tokens import Token

OBLIGATION_MODALS = frozenset({"should", "must", "ought"})
NEED_VERBS = frozenset({"need", "have"})  # "needed to resign", "has to go"
SELF = frozenset({"we", "i", "us"})
REQUEST = LexEntry(
    "should", "VERB", "", "REQUEST", None, "020", codes.quad_class("020"), codes.goldstein("020")
)


def _obligation(verb) -> Optional[Token]:
    """The word that puts `verb` under an obligation: a modal auxiliary ("should resign"), or
    the verb whose infinitive it is ("needed to resign": "needed")."""
    modal = next(
        (c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS), None
    )
    if modal is not None:
        # "should have stepped down in 1998": a judgement of the past, no demand
        past = verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ == "have" for c in verb.children
        )
        return None if past else modal
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEED_VERBS:
        return verb.head
    return None


def implicit_demands(doc, drafts, mentions) -> list:
    """A REQUEST draft for every act a reported clause says someone should do."""
    from .extract import Draft, confidence
    from .parties import resolve

    acts = {d.trigger.i: d for d in drafts if d.entry.pos == "VERB"}
    out = []
    for verb in doc:
        trigger = _obligation(verb) if verb.pos_ in ("VERB", "AUX") else None
        if trigger is None:
            continue
        clause = verb.head if trigger.i == verb.head.i else verb
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
            continue
        act = acts.get(verb.i)
        addressees = (
            act.actors
            if act is not None and act.actors
            else resolve(args.subject_heads(clause) or args.object_heads(verb), mentions)
        )
        # an act the lexicon does not know ("must take back its nationals") is a demand only
        # when it is someone's to do; "we must" obliges the speakers themselves
        if act is None and not any(e.country for e in addressees):
            continue
        if any((e.text or "").lower() in SELF for e in addressees):
            continue
        speaker = clause.head
        actors = resolve(args.subject_heads(speaker), mentions)
        entry = replace(REQUEST, lemma=trigger.lemma_.lower())
        out.append(
            Draft(
                trigger=trigger,
                entry=entry,
                actors=actors,
                recipients=addressees,
                confidence=confidence(actors, addressees, True, False),
                modality=modality_of(speaker),
            )
        )
    return out

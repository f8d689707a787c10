"""When an event happened: the temporal expression of the trigger's clause, resolved against the
article's publication date.

Where to look, nearest first (the first expression that reads as a date wins):

1. words attached to the trigger itself ("Sunday's summit", "annexed Crimea in 2014");
2. for a noun trigger, or a verb that shares its clause with another one ("refused to
   recognize", "met and signed"), the words attached to that clause's verb
   ("an abstention last month allowed ...");
3. the complement of a verb that is not a plan ("began bombing in September 2014"), and
   prepositions hanging off the trigger's object or subject ("signed the deal on July 14",
   "The Kremlin on Friday rejected"), where the parser often attaches them;
4. for past events only, the clauses that report or govern this one ("said on Tuesday that
   Iran launched a missile"): a plan announced on Tuesday is not carried out on Tuesday.

A part of a day or year is read through the words that name it ("Thursday night", "the night
of Jan. 7", "the summer of 2016"); "may"/"might" make an event future (the coming May, not the
last one) unless perfect ("may have fired").  Expressions in unrelated clauses of the sentence
are never used.  With no expression the date is
the publication date (source "published"); with neither, None.  See `temporal.py` for how the
words become a calendar value.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterator, Optional

from ..schema import DateValue
from .temporal import interpret

_PUBLISHED = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\S*)?\s*$")
# Words that can carry a date by themselves: "last month" (npadvmod), "two days ago" (advmod),
# "Sunday's summit" (poss), "the July 2015 deal" (compound).
_DATE_DEPS = {"npadvmod", "tmod", "obl:tmod", "advmod", "poss", "compound", "nmod"}
# "the 2015 nuclear deal": a number on a singular noun is a year; on a plural ("1500 villages",
# "2000 arrests") it is a count.
_YEAR_NUMMOD_HEADS = {"NN", "NNP"}
# Parts of a day or a year name the time through their modifier: "Thursday night", "the night
# of Jan. 7", "the summer of 2016" are read from "Thursday", "Jan. 7", "2016".
_TIME_PARTS = {
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "end",
    "beginning",
    "start",
    "middle",
    "eve",
}
# "late on Saturday", "early in 2015": the adverb carries the date phrase.
_TIME_ADVERBS = {"late", "early", "earlier", "later"}
# Verbs whose complement clause happens at their time ("began bombing in 2014", "voted to leave
# the EU in June 2016"); for the plan/promise verbs of _FUTURE_GOVERNORS it does not.
_PHASE_DEPS = {"xcomp"}
# "before 2014" or "by 2020" is not "in 2014"; only these prepositions locate the event itself.
_DATE_PREPS = {"in", "on", "since", "during"}
# A verb in one of these relations inherits the time of the verb it hangs off.
_SAME_CLAUSE = {"xcomp", "conj"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
# "may/might recognize" is a possibility that lies ahead, unless perfect ("may have fired").
_POSSIBLE_AUX = {"may", "might"}
_FUTURE_GOVERNORS = {
    "plan",
    "intend",
    "expect",
    "schedule",
    "due",
    "set",
    "aim",
    "prepare",
    "promise",
    "pledge",
    "vow",
    "agree",
    "decide",
    "hope",
    "want",
    "seek",
    "threaten",
    "go",
}
# Reference day used only to ask "is this a temporal expression at all?"; never returned.
_PROBE_DAY = date(2000, 6, 15)


def parse_published(value: Optional[str | date]) -> Optional[date]:
    """The calendar day of an ISO date or timestamp ("2017-01-12", "2017-01-12T08:00:00Z").

    Anything else is None: bad dates are reported by ingest (errors R008), never raised here.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    m = _PUBLISHED.match(value)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def resolve_date(trigger, published: Optional[date]) -> Optional[DateValue]:
    """The date of the event whose trigger is `trigger` (a spaCy Token)."""
    future = is_future(trigger)
    for anchor, prep, text, start in _readings(trigger, future):
        if published is None:
            # a relative date without a publication date cannot be resolved: stop, don't guess
            probe = interpret(text, _PROBE_DAY, future)
            if probe is not None and _covers(anchor, start, probe.matched):
                found = interpret(text, None, future)
                return _value(found, prep) if found else None
            continue
        found = interpret(text, published, future)
        if found is not None and _covers(anchor, start, found.matched):
            return _value(found, prep)
    if published is None:
        return None
    return DateValue(value=published.isoformat(), precision="day", text=None, source="published")


def is_future(token) -> bool:
    """True when the token's clause is planned or announced rather than past or ongoing."""
    verb = _clause_verb(token)
    while verb is not None:
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX:
            return True
        if auxes & _POSSIBLE_AUX and not auxes & {"have", "'ve"}:
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        if verb.head.lemma_ in _FUTURE_GOVERNORS:
            return True
        verb = verb.head
    return False


def _value(found, prep) -> DateValue:
    text = found.matched
    if prep is not None and prep.lower_ == "since":
        text = f"{prep.text} {text}"
    return DateValue(value=found.value, precision=found.precision, text=text, source="text")


def _clause_verb(token):
    """The verb whose clause the token belongs to (the token itself when it is one)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current if current.pos_ in ("VERB", "AUX") else None


def _attached(token) -> Iterator[tuple]:
    """(anchor, preposition) pairs for the words that may date `token` directly."""
    for child in token.children:
        if child.dep_ in _DATE_DEPS:
            yield child, None
            if child.dep_ == "advmod" and child.lower_ in _TIME_ADVERBS:
                yield from _prep_objects(child)
        elif child.dep_ == "nummod" and token.tag_ in _YEAR_NUMMOD_HEADS and token.pos_ != "VERB":
            yield child, None
        elif child.dep_ == "prep" and child.lower_ in _DATE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj, child


def _prep_objects(token) -> Iterator[tuple]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _DATE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj, child


def _candidates(trigger, future: bool) -> Iterator[tuple]:
    seen: set[int] = set()

    def fresh(pairs):
        for anchor, prep in pairs:
            if anchor.i not in seen:
                seen.add(anchor.i)
                yield anchor, prep

    yield from fresh(_attached(trigger))
    verb = _clause_verb(trigger)
    if verb is not None and verb.i != trigger.i:
        yield from fresh(_attached(verb))
    clause = verb if verb is not None else trigger
    while (
        clause.dep_ in _SAME_CLAUSE
        and clause.head.i != clause.i
        and not (clause.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in clause.children))
        and not (clause.dep_ == "xcomp" and clause.head.lemma_ in _FUTURE_GOVERNORS)
    ):
        # "agreed in 2015 to dismantle": the plan is dated, its execution is not
        clause = clause.head
        yield from fresh(_attached(clause))
    if not future and trigger.lemma_ not in _FUTURE_GOVERNORS:
        for comp in trigger.children:
            if comp.dep_ in _PHASE_DEPS and comp.pos_ in ("VERB", "AUX"):
                yield from fresh(_attached(comp))
    for obj in trigger.children:
        # "signed the deal on July 14", "The bombing on Tuesday killed", "The Kremlin on
        # Friday rejected": a date phrase the parser hung on an argument
        if obj.dep_ in ("dobj", "attr", "nsubjpass", "nsubj"):
            yield from fresh(p for p in _attached(obj) if p[1] is not None)
    if future:
        return
    while clause.head.i != clause.i:
        clause = clause.head
        if clause.pos_ in ("VERB", "AUX"):
            yield from fresh(_attached(clause))


def _readings(trigger, future: bool) -> Iterator[tuple]:
    """(anchor, preposition, words, offset): each candidate read as its DATE entity, when the
    tagger found one there, then as its whole phrase."""
    for anchor, prep in _expanded(_candidates(trigger, future)):
        ent = _date_entity(anchor)
        if ent is not None and ent.start >= anchor.left_edge.i:
            yield anchor, prep, ent.text, ent.start_char
        span = anchor.doc[anchor.left_edge.i : anchor.right_edge.i + 1]
        yield anchor, prep, span.text, span.start_char


def _date_entity(token):
    """The DATE entity that holds `token`, or None.  Read from the token's own entity tags:
    `doc.ents` builds every entity of the document, once per candidate and event."""
    if token.ent_type_ != "DATE":
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _expanded(pairs) -> Iterator[tuple]:
    """Each candidate, then for a part of a day or year the words that name it."""
    for anchor, prep in pairs:
        yield anchor, prep
        if anchor.lower_ in _TIME_PARTS:
            for child in anchor.children:
                if child.dep_ in ("compound", "npadvmod", "poss"):
                    yield child, prep
                elif child.dep_ == "prep" and child.lower_ == "of":
                    yield from ((o, prep) for o in child.children if o.dep_ == "pobj")


def _covers(anchor, start: int, matched: str) -> bool:
    """The expression read must include the anchor: "1500 villages" is not the year 1500."""
    return start <= anchor.idx < start + len(matched)

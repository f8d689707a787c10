"""Event triggers and their arguments: the `extract` stage.

    drafts = extract(doc, mentions, lexicon)

Every token the lexicon knows becomes a Draft, with its actor and recipient entities from the
argument stage (parties.py: the parse around the trigger, resolved by the mention index).
Modality and attribution are later stages; a demand ("urged Iran to halt enrichment") gives two
drafts here, the REQUEST and the halting, each with its own arguments.  Then the drafts that
are no events go (charges named as a topic, a process worked against: "hinder the inquiry"),
a noun restating its verb is merged into it, word senses are read (senses.py), and demands
made with "should" (demands.py) and judgements ("called the plan a sham": evaluations.py)
are added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from ..schema import Entity
from .demands import implicit_demands
from .evaluations import evaluations
from .lexicon import LexEntry, Lexicon, Match
from .parties import MentionIndex, find_parties
from .senses import verbal_attack
from .stand_ins import actor_class, known

if TYPE_CHECKING:
    from spacy.tokens import Token

# Confidence: a verb trigger with both arguments resolved to the knowledge base scores 0.95;
# each missing or unresolved argument and a nominal trigger lowers it.  Weights follow the
# order of what goes wrong most often in hand-checked output: a wrong or missing actor first,
# then the recipient, then nominal triggers (which are more often mentions than events).
BASE, ACTOR_W, RECIPIENT_W, VERB_W, PATTERN_W = 0.30, 0.30, 0.25, 0.05, 0.05


@dataclass
class Draft:
    trigger: Token
    entry: LexEntry
    actors: list[Entity]
    recipients: list[Entity]
    confidence: float
    modality: Optional[str] = None


def _argument_score(entities: list[Entity]) -> float:
    if not entities:
        return 0.0
    return 1.0 if any(known(e) for e in entities) else 0.5


def confidence(
    actors: list[Entity], recipients: list[Entity], verbal: bool, patterned: bool
) -> float:
    """0.30 + 0.30*actor + 0.25*recipient + 0.05 (verb trigger) + 0.05 (pattern row), where an
    argument counts 1 when one of its entities is in the knowledge base, 0.5 when found but
    unresolved, 0 when missing."""
    score = (
        BASE
        + ACTOR_W * _argument_score(actors)
        + RECIPIENT_W * _argument_score(recipients)
        + (VERB_W if verbal else 0.0)
        + (PATTERN_W if patterned else 0.0)
    )
    return round(min(score, 1.0), 2)


def _draft(tok, match: Match, mentions: MentionIndex, lexicon: Lexicon) -> Draft:
    verbal = match.entry.pos == "VERB"
    actors, recipients = find_parties(tok, match, mentions, lexicon)
    return Draft(
        trigger=tok,
        entry=match.entry,
        actors=actors,
        recipients=recipients,
        confidence=confidence(actors, recipients, verbal, bool(match.entry.pattern)),
    )


def _read_by_actor(tok, draft: Draft, mentions: MentionIndex, lexicon: Lexicon) -> Draft:
    """The draft again with the row for this actor class, where the lexicon has one."""
    cls = actor_class(draft.actors, tok.doc)
    m = lexicon.match(tok, actor_class=cls) if cls else None
    if m is None or m.entry == draft.entry:
        return draft
    return _draft(tok, m, mentions, lexicon)


def _attributive(tok, match: Match) -> bool:
    """A participle in front of its noun describes the noun's state, not a new event: "an
    imprisoned regime critic", "the occupied territories", "renewed violence"."""
    return match.entry.pos == "VERB" and tok.dep_ == "amod" and tok.i < tok.head.i


# Nouns that name a charge rather than an act of charging: "resigned over allegations of
# misconduct", "a race marked by accusations".  With no one making them (no possessor,
# by-phrase, modifier or light verb: "the prosecutor's allegations", "made allegations")
# they are the topic of the sentence, not an event in it.
LABEL_NOUNS = frozenset({"allegation", "accusation"})


def _interview(draft: Draft) -> bool:
    """ "when asked if ...", "Asked whether he would run, she said ...": a reporter's question
    to the speaker, no request between political actors (a passive "asked" with no one
    asking)."""
    tok = draft.trigger
    return (
        tok.lemma_.lower() == "ask"
        and tok.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)
        and tok.dep_ in ("advcl", "ROOT", "ccomp", "conj")
    )


# Verbs that work against a process without being political events themselves: "hinder the
# inquiry", "undermine the talks".  Their event-noun object is what the sentence is about, not
# an occurrence it reports.  Not "end": "ending a five-day trip" reports the trip (and lexicon
# rows code "end the strike" with its object).
HINDERING_VERBS = frozenset(
    {
        "hinder",
        "obstruct",
        "impede",
        "derail",
        "undermine",
        "scuttle",
        "jeopardize",
        "jeopardise",
        "complicate",
    }
)


def _label(draft: Draft) -> bool:
    tok = draft.trigger
    if draft.entry.pos != "NOUN":
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in HINDERING_VERBS:
        return True
    return not draft.actors and (
        tok.lemma_.lower() in LABEL_NOUNS or tok.lower_.rstrip("s") in LABEL_NOUNS
    )


def extract(doc, mentions: MentionIndex, lexicon: Lexicon) -> list[Draft]:
    """Drafts for every event trigger in `doc`, in text order."""
    matches = [
        (tok, m)
        for tok in doc
        for m in [lexicon.match(tok)]
        if m is not None and not _attributive(tok, m)
    ]
    # a noun a verb's pattern used up ("imposed sanctions") is not a second event
    used = {t.i for _, m in matches for t in m.used}
    drafts = []
    for tok, m in matches:
        if tok.i in used:
            continue
        if m.entry.pos == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ != "VERB":
            # "aid workers", "protest leaders": the noun only describes another (a compound
            # on a verb is a misparse: "Hunger strike enters third week")
            continue
        draft = _read_by_actor(tok, _draft(tok, m, mentions, lexicon), mentions, lexicon)
        draft = verbal_attack(draft, getattr(lexicon, "classes", {}))
        if not _label(draft) and not _interview(draft):
            drafts.append(draft)
    drafts = _merge_restated(drafts)
    drafts += implicit_demands(doc, drafts, mentions)
    _yield_to_requesters(drafts)
    return drafts + evaluations(doc, mentions, getattr(lexicon, "classes", {}))


def _yield_to_requesters(drafts: list[Draft]) -> None:
    """A concession asked for is made to whoever asks: in "the senators urged the agency to
    halt the program" and "Durbin said Franken should resign", the halting and the
    resignation yield to the senators and to Durbin.  Only where the sentence names no
    recipient of its own."""
    requests = [d for d in drafts if d.entry.event == "REQUEST" and d.actors]
    for d in drafts:
        if d.entry.event != "CONCEDE" or d.recipients:
            continue
        tok = d.trigger
        asking = [
            r
            for r in requests
            if r.trigger.i != tok.i
            and (r.trigger.head.i == tok.i or tok in r.trigger.subtree)  # "should" or above
        ]
        if asking:
            nearest = min(asking, key=lambda r: abs(r.trigger.i - tok.i))
            d.recipients = list(nearest.actors)


def _merge_restated(drafts: list[Draft]) -> list[Draft]:
    """A noun that names again the event of the verb it is the object of ("pressed demands",
    "send $20 million in aid") is one event, not two.  The record keeps the noun, the
    content word a reader points to, with the verb's parties where the noun names none of
    its own; a noun naming the verb's operation ("shelled the town in a fresh assault") goes
    into the verb instead.  Meetings stay two: who hosts or brokers talks is not who talks."""
    verbs = {(d.trigger.i, d.entry.event): d for d in drafts if d.entry.pos == "VERB"}
    merged: set[int] = set()
    for d in drafts:
        outcome = _outcome_verb(d, verbs)
        verb = _restated_verb(d, verbs) or outcome
        if verb is not None:
            # an outcome verb's subject is the noun itself: its "actor" is only the noun's
            # own modifiers again, which the noun has read already ("the Moscow attack")
            d.actors = d.actors or ([] if verb is outcome else verb.actors)
            d.recipients = d.recipients or verb.recipients
            merged.add(id(verb))
        verb = _framing_verb(d, verbs)
        if verb is not None:
            # the verb tells the act and who did it ("its" in "in its first assault" is the
            # verb's subject again); the noun only names the operation
            verb.actors = verb.actors or d.actors
            verb.recipients = verb.recipients or d.recipients
            merged.add(id(d))
        main = _restating_participle(d, verbs)
        if main is not None:
            main.recipients = main.recipients or d.recipients
            merged.add(id(d))
    return [d for d in drafts if id(d) not in merged]


# Statements whose participle clause says the same act again: "endorsed the mayor, throwing his
# weight behind him", "criticized the plan, calling it reckless".
STATEMENT_EVENTS = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "AGREE"})


def _restating_participle(draft: Draft, verbs: dict) -> Optional[Draft]:
    """The main verb's draft when `draft` is a participle clause on it ("..., throwing his
    weight behind him") of the same kind of statement: one act, told twice."""
    tok = draft.trigger
    if (
        draft.entry.pos != "VERB"
        or tok.tag_ != "VBG"
        or tok.dep_ not in ("advcl", "conj")
        or draft.entry.event not in STATEMENT_EVENTS
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    ):
        return None
    return verbs.get((tok.head.i, draft.entry.event))


def _framing_verb(draft: Draft, verbs: dict) -> Optional[Draft]:
    """ "shelled the town in a fresh assault", "arrested six in a raid": a noun of the same
    event in an in-phrase of the verb names the operation the verb's act belongs to, one
    event with the verb (with a determiner or possessor: "sent $5 million in aid" says what
    was sent)."""
    tok = draft.trigger
    head = tok.head
    if draft.entry.pos != "NOUN" or tok.dep_ != "pobj" or head.lower_ != "in":
        return None
    if not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None
    verb = head.head
    return verbs.get((verb.i, draft.entry.event)) if verb.pos_ == "VERB" else None


def _outcome_verb(draft: Draft, verbs: dict) -> Optional[Draft]:
    """ "The bombing killed 22 people", "the raid wounded five": a verb of the same event
    whose subject is the event noun tells what the event did, not a second event.  The
    record keeps the noun (with the verb's object as its target where it names none)."""
    tok = draft.trigger
    if draft.entry.pos != "NOUN" or tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
        return None
    return verbs.get((tok.head.i, draft.entry.event))


def _restated_verb(draft: Draft, verbs: dict) -> Optional[Draft]:
    tok = draft.trigger
    if draft.entry.pos != "NOUN" or draft.entry.event == "CONSULT":
        return None
    head = tok.head
    # "send $20 million in aid": the amount is the object, the noun says what it is
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.ent_type_ == "MONEY":
        head = head.head.head if head.head.dep_ == "dobj" else head
    elif tok.dep_ != "dobj":
        return None
    return verbs.get((head.i, draft.entry.event)) if head.pos_ == "VERB" else None

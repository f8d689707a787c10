"""Event triggers and their arguments: the `extract` stage.

    drafts = extract(doc, mentions, lexicon)

Every token the lexicon knows becomes a Draft, with actor and recipient entities found in the
parse (arguments.py) and resolved by the mention index.  Modality and attribution are later
stages; a demand ("urged Iran to halt enrichment") gives two drafts here, the REQUEST and the
halting, each with its own arguments.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Protocol

from ..schema import Entity
from . import arguments as args
from .lexicon import LexEntry, Lexicon, Match
from .demands import implicit_demands
from .senses import verbal_attack
from .stand_ins import (actor_class, city_country, entity_or_demonym, known, locate_protest,
                        skip_dateline)

# Confidence: a verb trigger with both arguments resolved to the knowledge base scores 0.95;
# each missing or unresolved argument and a nominal trigger lowers it.  Weights follow the
# order of what goes wrong most often in hand-checked output: a wrong or missing actor first,
# then the recipient, then nominal triggers (which are more often mentions than events).
BASE, ACTOR_W, RECIPIENT_W, VERB_W, PATTERN_W = 0.30, 0.30, 0.25, 0.05, 0.05
# Nominal events whose "from" phrase names a place left or a source, not who acts
# ("withdrawal from Syria", "a retreat from Mosul"; "imports from China").
FROM_IS_PLACE = {"RETREAT", "MOBILIZE", "SANCTION"}


class MentionIndex(Protocol):
    def entity_for(self, token) -> Optional[Entity]: ...


@dataclass
class Draft:
    trigger: object            # spaCy Token
    entry: LexEntry
    actors: list[Entity]
    recipients: list[Entity]
    confidence: float
    modality: Optional[str] = None


def _argument_score(entities: list[Entity]) -> float:
    if not entities:
        return 0.0
    return 1.0 if any(known(e) for e in entities) else 0.5


def confidence(actors: list[Entity], recipients: list[Entity], verbal: bool,
               patterned: bool) -> float:
    """0.30 + 0.30*actor + 0.25*recipient + 0.05 (verb trigger) + 0.05 (pattern row), where an
    argument counts 1 when one of its entities is in the knowledge base, 0.5 when found but
    unresolved, 0 when missing."""
    score = (BASE + ACTOR_W * _argument_score(actors) + RECIPIENT_W * _argument_score(recipients)
             + (VERB_W if verbal else 0.0) + (PATTERN_W if patterned else 0.0))
    return round(min(score, 1.0), 2)


def _same_actor(entity: Entity, actors: list[Entity]) -> bool:
    return any(entity == a or (known(entity) and (entity.kb_id, entity.code) == (a.kb_id, a.code))
               for a in actors)


def _stand_in(tok, mentions: MentionIndex) -> Optional[Entity]:
    """For a head the index cannot resolve: an apposition ("the minister, Sergei Lavrov"),
    else a name or demonym in front of it ("Syrian air base", "Russian missiles"), else whose
    it is ("condemned Russia's annexation", "condemned an attack by rebels"), else what it is
    part of ("the port of Odesa", "the territory of Guam")."""
    for group in (_kids(tok, "appos"), _kids(tok, "amod", "compound", "nmod"),
                  _kids(tok, "poss") + args.pobjs(tok, ["by"]), args.pobjs(tok, ["of"])):
        found = [e for e in (_named(c, mentions) for c in group) if e is not None]
        # "Libyan government tanks": the country beats a sector word with none
        best = next((e for e in found if e.country), found[0] if found else None)
        if best is not None:
            return best
    return None


def _named(tok, mentions: MentionIndex, depth: int = 0) -> Optional[Entity]:
    """entity_or_demonym, except that a text ("a United Nations Security Council Resolution
    demanding a halt") speaks for the body its modifiers name when it names none itself."""
    ent = entity_or_demonym(tok, mentions)
    if ent is not None and not ent.country and depth == 0 \
            and tok.lemma_.lower() in args.DOCUMENT_NOUNS:
        for mod in _kids(tok, "amod", "compound", "nmod", "poss"):
            author = _named(mod, mentions, depth + 1)
            if author is not None and author.country:
                return author
    return ent


def _kids(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def resolve(heads: Iterable, mentions: MentionIndex) -> list[Entity]:
    """Entities for argument heads and their conjuncts, in order, without repeats."""
    out: list[Entity] = []
    seen: set = set()
    for head in skip_dateline(heads):
        for tok in args.with_conjuncts(head):
            ent = _named(tok, mentions) or _stand_in(tok, mentions)
            if ent is not None and not ent.country and not known(ent):
                ent = city_country(ent, tok.doc) or ent
            key = (ent.start, ent.end, ent.text) if ent is not None else None
            if ent is not None and key not in seen:
                seen.add(key)
                out.append(ent)
    return out


def _verb_heads(tok, match: Match) -> tuple[list, list]:
    actors = args.subject_heads(tok)
    recipients = args.verb_recipient_heads(tok, match.entry.recipient, match.used)
    if not recipients:  # "threatened to fire missiles at Guam": the target of what is threatened
        recipients = [t for x in args.complements(tok)
                      for t in args.object_heads(x) + args.pobjs(x, args.TARGET_PREPS)]
    return actors, recipients


def _noun_heads(tok, match: Match, lexicon: Lexicon, mentions: MentionIndex
                ) -> tuple[list, list]:
    entry = match.entry
    actors = args.noun_actor_heads(tok, match.used, modifiers=entry.event != "CONSULT",
                                   from_ok=entry.event not in FROM_IS_PLACE)
    # only heads that name someone: "a general mobilization" leaves the actor to the verb
    actors = [a for a in actors if resolve([a], mentions)]
    recipients = args.verb_recipient_heads(tok, tuple(s for s in entry.recipient if s != "dobj"),
                                           match.used)
    verb = args.light_verb(tok, lexicon)
    if verb is not None:
        if verb.lemma_.lower() in args.UNDERGOING_VERBS:
            recipients = recipients or args.subject_heads(verb)
        elif not actors:
            actors = args.subject_heads(verb)
        if not recipients:
            recipients = args.pobjs(verb, [s for s in entry.recipient if s != "dobj"])
    return actors, recipients


def _draft(tok, match: Match, mentions: MentionIndex, lexicon: Lexicon) -> Draft:
    verbal = match.entry.pos == "VERB"
    a_heads, r_heads = (_verb_heads(tok, match) if verbal
                        else _noun_heads(tok, match, lexicon, mentions))
    actors = resolve(a_heads, mentions)
    # a recipient that is an actor again is a parse or coreference slip ("X threw its
    # weight behind it" with "it" resolved to X)
    recipients = [e for e in resolve(r_heads, mentions) if not _same_actor(e, actors)]
    if not any(e.country for e in recipients):
        recipients += _owners(tok, r_heads, a_heads, match, actors, mentions, verbal)
    if match.entry.event == "PROTEST" and verbal:
        actors, recipients = locate_protest(tok, actors, recipients, mentions)
    group = resolve(args.group_heads(tok), mentions)
    if group:  # "talks between A and B": both sides act; "X mediated between A and B": targets
        (recipients if actors else actors).extend(e for e in group if e not in actors)
    return Draft(trigger=tok, entry=match.entry, actors=actors, recipients=recipients,
                 confidence=confidence(actors, recipients, verbal, bool(match.entry.pattern)))


def _owners(tok, r_heads, a_heads, match: Match, actors, mentions, verbal: bool
            ) -> list[Entity]:
    """Countries owning what the event is done to, when no recipient has a country (see
    arguments.owner_modifiers); never the actor's own country ("Syrian troops seized Syrian
    villages"), whether the actor resolved to it or only names it in a modifier."""
    things = list(r_heads) + list(match.used)
    if verbal:   # "demanding a halt to Israeli construction": the phrase may hang on the verb
        things += args.object_heads(tok) + args.pobjs(tok, args.TARGET_PREPS)
    own = {e.country for e in actors if e.country}
    own |= {e.country for e in resolve(args.owner_modifiers(a_heads), mentions) if e.country}
    found = resolve(args.owner_modifiers(things), mentions)
    return [e for e in found if e.country and e.country not in own]


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
# by-phrase, modifier or light verb: "Moore's accusers' allegations", "made allegations")
# they are the topic of the sentence, not an event in it.
LABEL_NOUNS = frozenset({"allegation", "accusation"})


def _label(draft: Draft) -> bool:
    tok = draft.trigger
    return (draft.entry.pos == "NOUN" and not draft.actors
            and (tok.lemma_.lower() in LABEL_NOUNS or tok.lower_.rstrip("s") in LABEL_NOUNS))


def extract(doc, mentions: MentionIndex, lexicon: Lexicon) -> list[Draft]:
    """Drafts for every event trigger in `doc`, in text order."""
    matches = [(tok, m) for tok in doc for m in [lexicon.match(tok)]
               if m is not None and not _attributive(tok, m)]
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
        if not _label(draft):
            drafts.append(draft)
    drafts = _merge_restated(drafts)
    return drafts + implicit_demands(doc, drafts, mentions)


def _merge_restated(drafts: list[Draft]) -> list[Draft]:
    """A noun that names again the event of the verb it is the object of ("pressed demands",
    "provide $81 billion in aid") is one event, not two.  The record keeps the noun, the
    content word a reader points to, with the verb's parties where the noun names none of
    its own.  Meetings stay two: who hosts or brokers talks is not who talks."""
    verbs = {(d.trigger.i, d.entry.event): d for d in drafts if d.entry.pos == "VERB"}
    merged: set[int] = set()
    for d in drafts:
        verb = _restated_verb(d, verbs)
        if verb is not None:
            d.actors = d.actors or verb.actors
            d.recipients = d.recipients or verb.recipients
            merged.add(id(verb))
    return [d for d in drafts if id(d) not in merged]


def _restated_verb(draft: Draft, verbs: dict) -> Optional[Draft]:
    tok = draft.trigger
    if draft.entry.pos != "NOUN" or draft.entry.event == "CONSULT":
        return None
    head = tok.head
    # "provide $81 billion in aid": the amount is the object, the noun says what it is
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.ent_type_ == "MONEY":
        head = head.head.head if head.head.dep_ == "dobj" else head
    elif tok.dep_ != "dobj":
        return None
    return verbs.get((head.i, draft.entry.event)) if head.pos_ == "VERB" else None

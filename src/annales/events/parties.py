"""Who acts and who is acted on, as the sentence says it: the argument stage.

    actors, recipients = find_parties(trigger, match, mentions, lexicon)

The parse gives the heads of each argument (arguments.py: subjects through control,
coordination and relative clauses; objects, prepositional targets, possessors and by-phrases of
nominal events; light verbs); the mention index turns each head into an entity (actors/), with
stand-ins for heads it cannot resolve (stand_ins.py: appositions, demonyms, owners, cities).
What the article adds on top (the home country, implied targets) is completion.py's, applied
after this stage.
"""

from __future__ import annotations

from typing import Iterable, Optional, Protocol

from ..schema import Entity
from . import arguments as args
from . import cues
from .lexicon import Lexicon, Match
from .stand_ins import city_country, entity_or_demonym, known, locate_protest, skip_dateline

# Nominal events whose "from" phrase names a place left or a source, not who acts
# ("withdrawal from Syria", "a retreat from Mosul"; "imports from China").
FROM_IS_PLACE = {"RETREAT", "MOBILIZE", "SANCTION"}


class MentionIndex(Protocol):
    def entity_for(self, token) -> Optional[Entity]: ...


def find_parties(
    tok, match: Match, mentions: MentionIndex, lexicon: Lexicon
) -> tuple[list[Entity], list[Entity]]:
    """Actor and recipient entities of the event `match` finds on `tok`."""
    verbal = match.entry.pos == "VERB"
    a_heads, r_heads = (
        _verb_heads(tok, match) if verbal else _noun_heads(tok, match, lexicon, mentions)
    )
    actors = resolve(a_heads, mentions)
    # a pronoun recipient that is the actor again is a parse or coreference slip ("X threw
    # its weight behind it" with "it" resolved to X); "urged their followers" is not, unless
    # "their" stands for several actors, of which coreference can name only one
    own = [h for h in r_heads if _own_people(h, mentions)] if len(actors) == 1 else []
    own_people = resolve(own, mentions) if own else []
    recipients = [
        e for e in resolve(r_heads, mentions) if not _same_actor(e, actors) or e in own_people
    ]
    if not any(e.country for e in recipients):
        recipients += _owners(tok, r_heads, a_heads, match, actors, mentions, verbal)
    if match.entry.event == "PROTEST" and verbal:
        actors, recipients = locate_protest(tok, actors, recipients, mentions)
    group = resolve(args.group_heads(tok), mentions)
    if group:  # "talks between A and B": both sides act; "X mediated between A and B": targets
        (recipients if actors else actors).extend(e for e in group if e not in actors)
    return actors, recipients


def _own_people(head, mentions: MentionIndex) -> bool:
    """ "their followers", "its citizens": people of the possessor, not the possessor again
    ("defended his decision" is no one's)."""
    finder = getattr(mentions, "mention_for", None)
    found = finder(head) if finder is not None and _kids(head, "poss") else None
    return found is not None and found.person and found.head == head.i and head.pos_ != "PRON"


def _same_actor(entity: Entity, actors: list[Entity]) -> bool:
    return any(
        entity == a or (known(entity) and (entity.kb_id, entity.code) == (a.kb_id, a.code))
        for a in actors
    )


def _stand_in(tok, mentions: MentionIndex) -> Optional[Entity]:
    """For a head the index cannot resolve: an apposition ("the minister, Sergei Lavrov"),
    else a name or demonym in front of it ("Syrian air base", "Russian missiles"), else whose
    it is ("condemned Russia's annexation", "condemned an attack by rebels"), else what it is
    part of ("the port of Odesa", "the territory of Guam")."""
    for group in (
        _kids(tok, "appos"),
        _kids(tok, "amod", "compound", "nmod"),
        _kids(tok, "poss") + args.pobjs(tok, ["by"]),
        args.pobjs(tok, ["of"]),
    ):
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
    if (
        ent is not None
        and not ent.country
        and depth == 0
        and tok.lemma_.lower() in args.DOCUMENT_NOUNS
    ):
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
                ent = city_country(ent, tok.doc, getattr(mentions, "places", None)) or ent
            key = (ent.start, ent.end, ent.text) if ent is not None else None
            if ent is not None and key not in seen:
                seen.add(key)
                out.append(ent)
    return out


def _verb_heads(tok, match: Match) -> tuple[list, list]:
    actors = args.subject_heads(tok)
    recipients = args.verb_recipient_heads(tok, match.entry.recipient, match.used)
    if not recipients:  # "threatened to fire missiles at Guam": the target of what is threatened
        recipients = [
            t
            for x in args.complements(tok)
            for t in args.object_heads(x) + args.pobjs(x, args.TARGET_PREPS)
        ]
    return actors, recipients


def _noun_heads(tok, match: Match, lexicon: Lexicon, mentions: MentionIndex) -> tuple[list, list]:
    entry = match.entry
    actors = args.noun_actor_heads(
        tok,
        match.used,
        modifiers=entry.event != "CONSULT",
        from_ok=entry.event not in FROM_IS_PLACE,
    )
    if entry.event == "ASSAULT":
        # "the Manchester Arena attack", "the Yemen war": the place named in front is where
        # (and whom) it struck, not who struck
        scene = [a for a in actors if _scene_word(a, tok, mentions)]
        actors = [a for a in actors if a not in scene]
    else:
        scene = []
    # only heads that name someone: "a general mobilization" leaves the actor to the verb
    actors = [a for a in actors if resolve([a], mentions)]
    recipients = args.verb_recipient_heads(
        tok, tuple(s for s in entry.recipient if s != "dobj"), match.used
    )
    recipients = recipients or scene
    verb = args.light_verb(tok, lexicon)
    expressed = _expression_of(tok)
    if verb is None and not actors and expressed is not None:
        # "offering a statement of support for the allies": who makes the statement supports
        expressed_actors = args.noun_actor_heads(expressed, ())
        light = args.light_verb(expressed, lexicon)
        actors = [a for a in expressed_actors if resolve([a], mentions)] or (
            args.subject_heads(light) if light is not None else []
        )
    if verb is None and not actors and entry.event == "CONSULT":
        # "During a visit to Syria, France praised ...", "after talks in Paris, the minister
        # flew home": who does the clause took part in the meeting it is set in
        setting = args.setting_verb(tok)
        if setting is not None:
            actors = args.subject_heads(setting)
    if verb is not None:
        if verb.lemma_.lower() in args.UNDERGOING_VERBS:
            recipients = recipients or args.subject_heads(verb)
        elif not actors:
            actors = args.subject_heads(verb)
        if not recipients:
            recipients = args.pobjs(verb, [s for s in entry.recipient if s != "dobj"])
    return actors, recipients


# Nouns of a war as a whole, named for the country it is fought in ("the Yemen war", "the Iraq
# conflict"); a single strike or attack is named for its author ("a US strike").
THEATRE_NOUNS = frozenset({"war", "conflict", "insurgency"})


def _scene_word(mod, noun, mentions: MentionIndex) -> bool:
    """A proper-name compound in front of an attack noun that names a place: a city, a venue,
    a region; a country only in front of a war."""
    if mod.dep_ != "compound":
        return False
    if mod.ent_type_ not in ("GPE", "LOC", "FAC"):
        # "the Moscow theatre attack": a venue named for its place
        places = [t for t in mod.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
        words = [t for t in mod.subtree if t.pos_ in ("NOUN", "PROPN")]
        if (
            mod.pos_ != "NOUN"
            or not places
            or any(t.ent_type_ in ("ORG", "NORP", "PERSON") for t in words)
        ):
            return False
        mod = places[0]
    entity = mentions.entity_for(mod)
    kb_id = (entity.kb_id or "") if entity is not None else ""
    if kb_id.startswith("country:"):
        return noun.lemma_.lower() in THEATRE_NOUNS
    return not kb_id or kb_id.startswith("seat:")


def _expression_of(tok):
    """The noun of expressing whose of-phrase the event noun is ("a statement of support",
    "expressions of concern"), or None."""
    prep = tok.head
    if (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.pos_ == "NOUN"
        and cues.lemma_in(prep.head, cues.EXPRESSION_NOUNS)
    ):
        return prep.head
    return None


def _owners(tok, r_heads, a_heads, match: Match, actors, mentions, verbal: bool) -> list[Entity]:
    """Countries owning what the event is done to, when no recipient has a country (see
    arguments.owner_modifiers); never the actor's own country ("Syrian troops seized Syrian
    villages"), whether the actor resolved to it or only names it in a modifier."""
    things = list(r_heads) + list(match.used)
    if verbal:  # "demanding a halt to Israeli construction": the phrase may hang on the verb
        things += args.object_heads(tok) + args.pobjs(tok, args.TARGET_PREPS)
    own = {e.country for e in actors if e.country}
    own |= {e.country for e in resolve(args.owner_modifiers(a_heads), mentions) if e.country}
    found = resolve(args.owner_modifiers(things), mentions)
    return [e for e in found if e.country and e.country not in own]

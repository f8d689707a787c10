"""Entities for argument heads beyond what the mention index resolves, and who an actor is.

The mention index (actors/) resolves noun-phrase heads that denote actors.  Event arguments
are often things ("Russian banks", "the port of Odesa") or unnamed people ("thousands of
people marched through Hong Kong"); this module reads the country such an argument stands
for, and classes the actors ("a state protests" is a complaint, "a crowd storms" is a riot).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Optional

from ..nlp import dateline_end
from ..schema import Entity
from . import arguments as args


def known(e: Entity) -> bool:
    return bool(e.kb_id or e.code)


def entity_root(entity: Entity, doc):
    """The head token of the entity's phrase, or None when it has no offsets."""
    if entity.start is None or entity.end is None:
        return None
    span = doc.char_span(entity.start, entity.end)
    return span.root if span is not None else None


# -- demonyms ---------------------------------------------------------------------------------
def entity_or_demonym(tok, mentions) -> Optional[Entity]:
    """entity_for, and for an adjective the country it names ("large Russian banks" -> Russia,
    with the whole phrase as text)."""
    ent = mentions.entity_for(tok)
    if ent is not None or tok.pos_ != "ADJ":
        return ent
    finder = getattr(mentions, "demonym_for", None)  # hand-built test indexes may lack it
    return finder(tok) if finder is not None else None


# -- cities -----------------------------------------------------------------------------------
# A city stands for its country only when it is a large one and no namesake elsewhere comes
# close ("Odesa", 1.0M, Ukraine, against Odessa, Texas, 0.1M): small towns share their names
# with people ("Kim", a town of 18,000 in India).
CITY_POPULATION, CITY_MARGIN = 100_000, 5


def city_country(entity: Entity, doc, gazetteer=None) -> Optional[Entity]:
    """An unresolved proper name that is a large city ("struck the port of Odesa") or a region
    the gazetteer names ("annexing Crimea"): the entity with that place's country, as
    PETRARCH's city dictionaries code it (no code is guessed).  `gazetteer` is the pipeline's
    (the built-in one when None: hand-built mention indexes in tests)."""
    root = entity_root(entity, doc)
    if root is None or root.pos_ != "PROPN" or root.ent_type_ in ("PERSON", "NORP"):
        return None
    if gazetteer is None:
        from ..normalize.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    text = doc.char_span(entity.start, entity.end).text
    entries = gazetteer.lookup(text)
    # a named region, territory or US state the gazetteer places in one country ("annexing
    # Crimea", "withdraw from Transnistria", "a visit to California"): the gazetteer lists
    # only well-known regions, by hand, so the tagger calling one an organization ("Crimea"
    # often) is its mistake
    areas = {e.country for e in entries if e.kind in ("region", "territory", "state")}
    towns = [e for e in entries if e.kind == "city" and e.population >= CITY_POPULATION]
    if len(areas) == 1 and None not in areas and not towns:
        return replace(entity, country=areas.pop())
    if root.ent_type_ == "ORG":
        return None
    found = sorted((e for e in entries if e.kind == "city"), key=lambda e: -e.population)
    if not found or not found[0].country or found[0].population < CITY_POPULATION:
        return None
    rival = next((e.population for e in found[1:] if e.country != found[0].country), 0)
    if rival * CITY_MARGIN > found[0].population:
        return None
    return replace(entity, country=found[0].country)


# -- datelines --------------------------------------------------------------------------------
def skip_dateline(heads: Iterable) -> list:
    """A dateline ("DOHA — Saudi Arabia, ... cut ties") is where the report was filed, not an
    actor; the parser often makes it the subject, with the real one as its apposition."""
    out = []
    for head in heads:
        end = dateline_end(head.doc)
        if head.i < end:
            out += [c for c in head.children if c.dep_ == "appos" and c.i >= end]
        else:
            out.append(head)
    return out


# -- who the actors are -----------------------------------------------------------------------
# Sectors of a crowd: when it "storms" a building it riots (PROTEST), it does not assault.
CROWD_SECTORS = {"CVL"}
# Sectors of a state acting as such: when it "protests" it complains officially (ACCUSE).
STATE_SECTORS = {None, "GOV"}


def _people(entity: Entity, doc) -> bool:
    """A nation's people, not its state: a capitalised plural head that is no word of the
    country's name ("Palestinians", "thousands of Iraqis"; not "the United States", "the
    Philippines", nor "Russian tanks")."""
    root = entity_root(entity, doc)
    return (
        root is not None
        and bool(entity.country)
        and root.tag_ in ("NNS", "NNPS")
        and root.text[:1].isupper()
        and root.lower_ not in (entity.name or "").lower()
    )


def actor_class(actors: list[Entity], doc) -> Optional[str]:
    """ "crowd", "state", "armed" or None: what lexicon rows with a `subj:` condition ask
    about.  "armed": rebels and militant groups, whose captives are abducted, not arrested."""
    if not actors:
        return None
    if all(a.sector in CROWD_SECTORS or _people(a, doc) for a in actors):
        return "crowd"
    if all(a.sector == "REB" or (a.code or "").startswith("IMG") for a in actors):
        return "armed"
    if all(a.country and a.sector in STATE_SECTORS and known(a) for a in actors):
        return "state"
    return None


# -- where a protest happens ------------------------------------------------------------------
PROTEST_PLACE_PREPS = ("in", "through", "across")  # "marched through Hong Kong"


def _person(entity: Entity, doc, mentions) -> bool:
    root = entity_root(entity, doc)
    finder = getattr(mentions, "mention_for", None)
    m = finder(root) if root is not None and finder is not None else None
    return bool(m and m.person) or entity.sector in CROWD_SECTORS


def locate_protest(
    tok, actors: list[Entity], recipients: list[Entity], mentions
) -> tuple[list[Entity], list[Entity]]:
    """People of no known country who protest in a place are taken to be its people
    ("thousands of people marched through Hong Kong" -> HKG), as the actor analysis does for
    "protesters in Paris"; so is an institution they protest at ("stormed the parliament in
    Yerevan" -> ARMLEG).  Officials who meet in Geneva are not Swiss: protests only."""
    places = [
        e
        for p in args.pobjs(tok, PROTEST_PLACE_PREPS)
        for e in [mentions.entity_for(p)]
        if e is not None and e.country
    ]
    if not places:
        return actors, recipients
    country = places[0].country

    def locate(e: Entity) -> Entity:
        return replace(e, country=country, code=country + e.sector if e.sector else None)

    return (
        [locate(a) if not a.country and _person(a, tok.doc, mentions) else a for a in actors],
        [locate(r) if not r.country and r.sector else r for r in recipients],
    )

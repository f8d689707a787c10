"""Who acts and who is acted on, completed from the article: the last step of argument
resolution, after the argument stage (parties.py) has said what the sentence itself says.

    draft = complete(draft, context)

An actor or recipient the sentence names without a country ("the Senate", "lawmakers",
"police", "rebels", "the ministry", an unknown "Okafor") belongs to the article's home country
(context.py): that is how a reader, and the annotation guidelines annales is scored against,
resolve them.  So does the target of a demand, a criticism or a refusal that names none
(DIRECTED, below), and the one who acts in such an event aimed at the home country's own
politics that names no one acting.  The entity says so: `basis` is "article" when its
country came from the article rather than from its own words; an implied party has no
offsets.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..schema import Entity
from .arguments import is_passive, subject_heads
from .context import ArticleContext

# Plural nouns for states other than the one the story is about: "134 countries recognized
# Palestine", "the number of states that will recognize it", "world powers", "its allies".
OTHER_STATES = frozenset(
    {
        "countries",
        "states",
        "nations",
        "powers",
        "governments",
        "allies",
        "partners",
        "neighbours",
        "neighbors",
    }
)


# Peoples who live across borders: "Kurdish forces" are Syrian in a story about Syria and
# Iraqi in one about Iraq.  The country is the first of these named in the same sentence,
# else the one the article names most, else the article's home country as for any group.
# (ISO alpha-3; the states where each people holds territory or armed forces.)
PEOPLES = {
    "kurdish": ("SYR", "IRQ", "TUR", "IRN"),
    "kurds": ("SYR", "IRQ", "TUR", "IRN"),
    "kurd": ("SYR", "IRQ", "TUR", "IRN"),
    "baloch": ("PAK", "IRN", "AFG"),
    "baluch": ("PAK", "IRN", "AFG"),
    "pashtun": ("AFG", "PAK"),
    "pashtuns": ("AFG", "PAK"),
    "tuareg": ("MLI", "NER", "DZA", "LBY"),
    "tuaregs": ("MLI", "NER", "DZA", "LBY"),
    "rohingya": ("MMR", "BGD"),
    "druze": ("SYR", "LBN", "ISR"),
    "fulani": ("NGA", "MLI", "BFA", "CMR", "NER"),
}


def at_home(entity: Entity, context: ArticleContext, sent=None) -> Entity:
    """The entity with the article's country when it names none itself: for a people
    living across borders, the country the sentence or the article places it in
    (PEOPLES); else the home country."""
    if entity.country:
        return entity
    words = context.words_of(entity).lower().split()
    if words and words[-1] in OTHER_STATES:
        return entity
    country = _people_country(words, context, sent) or context.home
    if not country:
        return entity
    return replace(entity, country=country, code=country + (entity.sector or ""), basis="article")


def _people_country(words: list[str], context: ArticleContext, sent) -> Optional[str]:
    candidates = next((PEOPLES[w] for w in words if w in PEOPLES), None)
    if not candidates:
        return None
    named = context.countries_near(sent) if sent is not None else ()
    in_sentence = [c for c in named if c in candidates]
    if in_sentence:
        return in_sentence[0]
    voted = [(context.votes.get(c, 0), c) for c in candidates if context.votes.get(c)]
    return max(voted)[1] if voted else None


# Events aimed at someone by their nature (statements of support, demands, accusations,
# refusals, promises, threats, cooperation, protest): with no target named, news aims them at
# the article's own country ("opposition deputies complained", "the governor denied the
# charges", "Beijing rejected any role in the vote" in a story about the United States).  Not CONSULT (meetings are joint acts), not material acts (the scene gives
# their recipient: scene.py), not CONCEDE ("resigned" is aimed at no one).
DIRECTED = frozenset(
    {"SUPPORT", "REQUEST", "ACCUSE", "REJECT", "AGREE", "THREATEN", "COOPERATE", "PROTEST"}
)


# Acts that two or more parties do together ("reached a deal", "agreed to cooperate"),
# where neither aims at a third; a refusal or a demand by two still has a target.
SYMMETRIC = frozenset({"AGREE", "COOPERATE"})


def implied_recipient(draft, context: ArticleContext) -> list[Entity]:
    """[the home country] for a directed event whose actor is known and whose target the
    sentence leaves unsaid; the entity has no offsets (no words of the sentence name it)."""
    if (
        draft.recipients
        or not context.home
        or draft.entry.event not in DIRECTED
        or not any(e.country for e in draft.actors)
    ):
        return []
    if draft.entry.event in SYMMETRIC and (len(draft.actors) > 1 or _joint_subject(draft)):
        return []  # "Iran and six world powers reached a deal": the parties face each other
    return [_home(context)]


def _joint_subject(draft) -> bool:
    """ "Iran and the six world powers reached a deal": a coordinated subject, whether or not
    each conjunct resolved to a party."""
    tok = draft.trigger
    if tok.pos_ != "VERB":
        return False
    return any(c.dep_ == "conj" for h in subject_heads(tok) for c in h.children)


def implied_actor(draft, context: ArticleContext) -> list[Entity]:
    """[the home country] for a directed event aimed at a party of the home country whose
    own words name no one acting: "the inquiry into the governor's office", "calls for an
    inquiry into the mayor's spending" in a story about Washington are that country's
    own politics.  Not a passive verb without an agent ("he was accused of"): there the
    text withholds who acts on purpose."""
    tok = draft.trigger
    if (
        draft.actors
        or not context.home
        or draft.entry.event not in DIRECTED
        or not any(e.country == context.home for e in draft.recipients)
        or (tok.pos_ == "VERB" and is_passive(tok))
    ):
        return []
    return [_home(context)]


def _home(context: ArticleContext) -> Entity:
    """The home country as an implied party: no words of the sentence, so no offsets."""
    assert context.home, "an implied party needs an article with a home country"
    return Entity(
        text=context.home_name or context.home,
        name=context.home_name,
        code=context.home,
        country=context.home,
        basis="article",
    )


def complete(draft, context: ArticleContext):
    """The draft with every party given the article's country where it has none, and the
    implied target and actor of a directed event."""
    sent = draft.trigger.sent
    draft.actors = [at_home(e, context, sent) for e in draft.actors]
    draft.recipients = [at_home(e, context, sent) for e in draft.recipients]
    draft.recipients = draft.recipients or implied_recipient(draft, context)
    draft.actors = draft.actors or implied_actor(draft, context)
    return draft


def speaker_at_home(entity: Optional[Entity], context: ArticleContext) -> Optional[Entity]:
    return at_home(entity, context) if entity is not None else None

"""Who acts and who is acted on, completed from the article: the last step of argument
resolution, after the parse (arguments.py) and the mention index (actors/) have said what
the sentence itself says.

    draft = complete(draft, context)

An actor or recipient the sentence names without a country ("the Senate", "lawmakers",
"police", "rebels", "the ministry", an unknown "Moore") belongs to the article's home country
(context.py): that is how a reader, and the annotation guidelines annales is scored against,
resolve them.  The entity says so: `basis` is "article" when its country came from the
article rather than from its own words.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..schema import Entity
from .context import ArticleContext


def at_home(entity: Entity, context: ArticleContext) -> Entity:
    """The entity with the article's home country when it names none itself."""
    if entity.country or not context.home:
        return entity
    home = context.home
    return replace(entity, country=home, code=home + (entity.sector or ""), basis="article")


def complete(draft, context: ArticleContext):
    """The draft with every party given the article's country where it has none."""
    draft.actors = [at_home(e, context) for e in draft.actors]
    draft.recipients = [at_home(e, context) for e in draft.recipients]
    return draft


def speaker_at_home(entity: Optional[Entity], context: ArticleContext) -> Optional[Entity]:
    return at_home(entity, context) if entity is not None else None

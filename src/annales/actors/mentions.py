"""What the resolver returns for one document: actor mentions, queried by head token."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from ..schema import Entity
from .entries import KBEntry


@dataclass
class Mention:
    """One noun phrase that denotes an actor.

    kind: the entry's kind (country, org, group, metonym, person, dictionary) when a KB entry
    resolved it; "sector" for a sector word alone ("the rebels"); "unknown" for an actor-like
    phrase nothing resolved; "pronoun" / "definite" when it was resolved to an earlier mention.
    """

    start: int  # token offsets of the noun phrase, end exclusive
    end: int
    head: int  # token index of the phrase's head
    entity: Entity
    entry: Optional[KBEntry]
    kind: str
    person: bool = False  # denotes a person (or people), not an institution
    plural: bool = False
    anonymous: bool = False  # a person with no name in the phrase ("a senior official")
    salience: int = 0  # 2 main-clause subject, 1 other subject, 0 other (coref.py)
    sentence: int = 0  # token index where its sentence starts
    quoted: bool = False  # inside quotation marks
    antecedent: Optional[Mention] = None  # what a pronoun / definite description refers to


class MentionIndex:
    """Mentions of one doc.  `analyse` resolves heads the resolver did not visit, lazily."""

    def __init__(
        self,
        doc,
        mentions: list[Mention],
        analyse: Optional[Callable[[object], Optional[Mention]]] = None,
        demonym: Optional[Callable[[object], Optional[Entity]]] = None,
        places=None,
    ):
        self.doc = doc
        self.places = places  # the pipeline's gazetteer: which names are large cities
        self.mentions = mentions
        self._by_head = {m.head: m for m in mentions}
        self._analyse = analyse
        self._demonym = demonym

    def demonym_for(self, token) -> Optional[Entity]:
        """For a country adjective on a thing ("large Russian banks"): that country, with the
        whole noun phrase as text; None for any other token."""
        return self._demonym(token) if self._demonym is not None else None

    def mention_for(self, token) -> Optional[Mention]:
        if token.i in self._by_head:
            return self._by_head[token.i]
        if self._analyse is None:
            return None
        found = self._analyse(token)
        if found is not None:
            self._by_head[token.i] = found
        return found

    def entity_for(self, token) -> Optional[Entity]:
        """The actor denoted by the noun phrase headed by `token`, or None if not actor-like."""
        m = self.mention_for(token)
        return replace(m.entity) if m else None

    def antecedent_for(self, token) -> Optional[Entity]:
        """For a pronoun or "the official": the earlier mention it refers to, with that mention's
        own text and offsets (entity_for gives the codes at the pronoun's own offsets)."""
        m = self.mention_for(token)
        while m is not None and m.antecedent is not None:
            m = m.antecedent
        return replace(m.entity) if m is not None and m.head != token.i else None

    def speaker_for(self, token) -> Optional[Entity]:
        """Like entity_for, but any noun phrase can speak ("the report said")."""
        m = self.mention_for(token)
        if m:
            return replace(m.entity)
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        from .phrases import np_bounds

        s, e = np_bounds(token)
        span = self.doc[s:e]
        return Entity(text=span.text, start=span.start_char, end=span.end_char)

    def is_anonymous(self, token) -> bool:
        """True when the phrase names no person ("a senior official", "diplomats", "he" for one)."""
        m = self.mention_for(token)
        if m is not None:
            return m.anonymous
        return token.pos_ != "PROPN"

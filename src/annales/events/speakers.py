"""Speakers of reporting verbs: the subject's noun phrase, pronouns resolved, anonymity judged.

Used by `events/attribution.py`, which feeds cues in reading order so that a pronoun ("he
said") can fall back on the last speaker named before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..schema import Entity
from . import cues

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NAMED_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
# Right-hand parts of a noun phrase that still name the speaker ("a member of the PLO
# executive council"); relative clauses and appositions are left out of the span.
_PHRASE_RIGHT_DEPS = {"prep", "compound", "amod", "nmod", "nummod", "pobj", "flat"}


@dataclass(frozen=True)
class Speaker:
    entity: Optional[Entity]
    anonymous: bool


class SpeakerResolver:
    """Resolves the speaker of each cue; call `resolve` in reading order."""

    def __init__(self, doc, mentions=None, quoted: Sequence[tuple[int, int]] = ()):
        self.doc = doc
        self.mentions = mentions
        self.quoted = list(quoted)
        self.last_named: Optional[Speaker] = None
        self.by_start: dict[int, Speaker] = {}
        self.descriptions: list[tuple[str, Speaker]] = []  # (head lemma, unnamed speaker)

    @staticmethod
    def subject_of(cue):
        """The subject nearest the cue: "TEL AVIV — ..., a member of ... told" -> member."""
        verb = cue
        for _ in range(3):  # "said ... and added", "he said, adding that", "went on to say"
            subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
            if subjects:
                return min(subjects, key=lambda s: abs(s.i - cue.i))
            if verb.dep_ not in {"conj", "advcl", "xcomp"} or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def resolve(self, head) -> Speaker:
        if head is None:
            return Speaker(None, False)
        if head.pos_ == "PRON" or head.lower_ in cues.THIRD_PERSON_PRONOUNS:
            return self._pronoun(head)
        anonymous = is_anonymous(head)
        earlier = self._same_description(head) if anonymous else None
        entity = self._mention(head) or self._phrase_entity(head)
        if earlier is not None:
            if entity.start is not None:  # pronouns resolved to this phrase mean `earlier`
                self.by_start[entity.start] = earlier
            self.last_named = earlier
            return earlier
        speaker = Speaker(entity, anonymous)
        self.last_named = speaker
        self.descriptions.append((head.lemma_.lower(), speaker))
        if entity.start is not None:
            self.by_start[entity.start] = speaker
        return speaker

    def _same_description(self, head) -> Optional[Speaker]:
        """An earlier unnamed speaker that a definite description refers back to: "a member of
        the PLO executive council told ..." ... "The PLO council member said ..."."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in head.children):
            return None
        lemma = head.lemma_.lower()
        return next((s for lem, s in reversed(self.descriptions) if lem == lemma), None)

    def _pronoun(self, head) -> Speaker:
        # The actors' MentionIndex gives the antecedent with its own offsets through
        # `antecedent_for`; a plain `speaker_for` answers at the pronoun's offsets.
        antecedent_for = getattr(self.mentions, "antecedent_for", None)
        entity = antecedent_for(head) if antecedent_for else self._mention(head)
        if entity is not None and entity.start is not None:
            if entity.start in self.by_start:
                return self.by_start[entity.start]
            span = self.doc.char_span(
                entity.start, entity.end or entity.start + 1, alignment_mode="expand"
            )
            if span is not None and span.root.pos_ != "PRON" and not self._is_quoted(entity):
                speaker = Speaker(entity, is_anonymous(span.root))
                self.last_named = self.by_start[entity.start] = speaker
                return speaker
        if self.last_named is not None:
            return self.last_named
        # Nobody named before: keep the pronoun itself; it names no one.
        return Speaker(self._phrase_entity(head), True)

    def _mention(self, head) -> Optional[Entity]:
        if self.mentions is None:
            return None
        entity = self.mentions.speaker_for(head)
        if entity is None and head.pos_ != "PRON":
            entity = self.mentions.entity_for(head)
        if entity is not None and self._is_quoted(entity) and not self._token_quoted(head):
            return None  # speakers are introduced outside their quotes
        return entity

    def _is_quoted(self, entity: Entity) -> bool:
        return entity.start is not None and any(s <= entity.start < e for s, e in self.quoted)

    def _token_quoted(self, tok) -> bool:
        return any(s <= tok.idx < e for s, e in self.quoted)

    def _phrase_entity(self, head) -> Entity:
        span = noun_phrase(head)
        return Entity(text=span.text, start=span.start_char, end=span.end_char)


def noun_phrase(head):
    """The speaker's noun phrase: left modifiers, and prepositional/compound parts on the right."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in _PHRASE_RIGHT_DEPS:
            break
        end = child.right_edge.i + 1
    return head.doc[head.left_edge.i : end]


def is_anonymous(head) -> bool:
    """Whether a speaker phrase names no one ("a senior official", "diplomats", "sources")."""
    if head.pos_ == "PROPN" or head.ent_type_ in _NAMED_ENTITY_TYPES:
        return False
    phrase = noun_phrase(head)
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return False
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return False  # "a senior official, John Smith,"
    return cues.lemma_in(head, cues.ANONYMOUS_SPEAKER_NOUNS)

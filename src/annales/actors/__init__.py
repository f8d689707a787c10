"""Actors: the knowledge base and the resolution of noun phrases to coded entities.

kb = load_kb()                       # built-in countries, organizations, people, sectors
kb.add_entries(read_actors(path))    # plus PETRARCH-format user dictionaries
resolver = ActorResolver(kb, nlp.vocab)
mentions = resolver(doc, published)  # MentionIndex: entity_for / speaker_for / is_anonymous
explain(kb, "the Kremlin")           # which entry, and by which rule
"""

from .entries import KBEntry, Role, SectorWord
from .explain import explain
from .kb import KnowledgeBase, load_kb
from .mentions import Mention, MentionIndex
from .resolve import ActorResolver

__all__ = [
    "ActorResolver",
    "KBEntry",
    "KnowledgeBase",
    "Mention",
    "MentionIndex",
    "Role",
    "SectorWord",
    "explain",
    "load_kb",
]

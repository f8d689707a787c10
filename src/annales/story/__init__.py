"""Story type: which PLOVER event type a whole story is about, from a small learned model over
its headline, its body and the events the rule-based coder found (see model.py)."""

from .embeddings import WordEmbeddings, load_embeddings
from .headline import NameSet, sentence_case, verb_reading
from .model import Featurizer, StoryTypeModel, StoryVector, load_story_model

__all__ = [
    "Featurizer",
    "NameSet",
    "StoryTypeModel",
    "StoryVector",
    "WordEmbeddings",
    "load_embeddings",
    "load_story_model",
    "sentence_case",
    "verb_reading",
]

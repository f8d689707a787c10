"""Features of a story for the story-type model: term weights (TF-IDF over words and word
pairs), mean word embeddings, and the event types the rule-based coder found.  Written here
rather than taken from scikit-learn so that training (scripts/train_story_type.py) and the
shipped model compute exactly the same numbers and annales needs no scikit-learn at run time."""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

from ..schema import EVENT_TYPES, Event

_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str, ngrams: int = 2) -> list[str]:
    """Lower-cased words of two or more characters, and (ngrams=2) adjacent pairs of them."""
    words = _TOKEN.findall(text.lower())
    out = list(words)
    if ngrams >= 2:
        out += [f"{a} {b}" for a, b in zip(words, words[1:])]
    return out


class Tfidf:
    """Sublinear term frequency x smoothed inverse document frequency, rows L2-normalised
    (the same formula as scikit-learn's TfidfVectorizer(sublinear_tf=True))."""

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray, ngrams: int):
        self.vocabulary = list(vocabulary)
        self.index = {t: i for i, t in enumerate(self.vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.ngrams = ngrams

    @classmethod
    def fit(cls, texts: Iterable[str], ngrams: int, min_df: int, max_terms: int) -> "Tfidf":
        df: Counter = Counter()
        n = 0
        for text in texts:
            n += 1
            df.update(set(terms(text, ngrams)))
        kept = [t for t, c in df.items() if c >= min_df]
        kept.sort(key=lambda t: (-df[t], t))          # most frequent first, ties by spelling
        kept = sorted(kept[:max_terms])
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in kept], dtype=np.float32)
        return cls(kept, idf, ngrams)

    def __len__(self) -> int:
        return len(self.vocabulary)

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, weights) of one text's non-zero terms."""
        counts = Counter(i for i in (self.index.get(t) for t in terms(text, self.ngrams))
                         if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        w = (1 + np.log(tf)) * self.idf[idx]
        return idx, w / np.linalg.norm(w)


N_EVENT_FEATURES = 3 * len(EVENT_TYPES)


def event_features(body: Sequence[Event], headline: Sequence[Event],
                   headline_weight: float = 1.0) -> np.ndarray:
    """Per PLOVER type: events in the body weighted by 1/(1 + sentence index) (a story's own
    event is usually told first), the same for asserted ones only, and `headline_weight` when
    the headline has one."""
    k = len(EVENT_TYPES)
    v = np.zeros(N_EVENT_FEATURES, dtype=np.float32)
    slot = {t: i for i, t in enumerate(EVENT_TYPES)}
    for e in body:
        j = slot.get(e.event)
        if j is None:
            continue
        weight = 1.0 / (1 + max(e.sentence_index, 0))
        v[j] += weight
        if e.modality == "asserted":
            v[k + j] += weight
    for e in headline:
        j = slot.get(e.event)
        if j is not None:
            v[2 * k + j] = headline_weight
    return v

"""Features of a story for the story-type model: term weights (TF-IDF over words and word
pairs), mean word embeddings, and the events the rule-based coder found (their types; for the
headline also their modality, modes and CAMEO codes).  Written here rather than taken from
scikit-learn so that training (scripts/train_story_type.py) and the shipped model compute
exactly the same numbers and annales needs no scikit-learn at run time."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping, Sequence

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
    def fit(cls, texts: Iterable[str], ngrams: int, min_df: int, max_terms: int) -> Tfidf:
        df: Counter = Counter()
        n = 0
        for text in texts:
            n += 1
            df.update(set(terms(text, ngrams)))
        kept = [t for t, c in df.items() if c >= min_df]
        kept.sort(key=lambda t: (-df[t], t))  # most frequent first, ties by spelling
        kept = sorted(kept[:max_terms])
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in kept], dtype=np.float32)
        return cls(kept, idf, ngrams)

    def __len__(self) -> int:
        return len(self.vocabulary)

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, weights) of one text's non-zero terms."""
        counts = Counter(
            i for i in (self.index.get(t) for t in terms(text, self.ngrams)) if i is not None
        )
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        w = (1 + np.log(tf)) * self.idf[idx]
        return idx, w / np.linalg.norm(w)


N_EVENT_FEATURES = 3 * len(EVENT_TYPES)


def event_features(
    body: Sequence[Event], headline: Sequence[Event], headline_weight: float = 1.0
) -> np.ndarray:
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


N_HEADLINE_FEATURES = 4 * len(EVENT_TYPES)
_MODALITY_SLOT = {"asserted": 0, "negated": 1}  # anything else (future, hypothetical...): 2


def headline_features(headline: Sequence[Event]) -> np.ndarray:
    """Per PLOVER type: the headline has it asserted, negated, or as a future or hypothetical
    act, and its first event is of that type.  The story's type is often not the headline
    event's own: "Leader raises possibility of bans" (hypothetical COERCE) is a THREATEN story,
    "Government agrees to lift curfew" (AGREE, then a future act) a CONCEDE one."""
    k = len(EVENT_TYPES)
    v = np.zeros(N_HEADLINE_FEATURES, dtype=np.float32)
    slot = {t: i for i, t in enumerate(EVENT_TYPES)}
    for n, e in enumerate(headline):
        j = slot.get(e.event)
        if j is None:
            continue
        v[_MODALITY_SLOT.get(e.modality, 2) * k + j] = 1.0
        if n == 0:
            v[3 * k + j] = 1.0
    return v


def code_terms(headline: Sequence[Event]) -> dict[str, float]:
    """The headline events' finer codes as terms: type with PLOVER mode, alone and with its
    modality, the CAMEO code, and the CAMEO root with modality; 1 for the first event, 0.5 for
    the others.  They let the model learn where the NGEC codebook and the CAMEO-2021 table
    behind our records disagree (a declared ceasefire: our RETREAT 0871, a CONCEDE story)."""
    out: dict[str, float] = {}
    for n, e in enumerate(headline):
        m = {"asserted": "a", "negated": "n"}.get(e.modality, "h")
        cameo, mode = e.cameo or "", e.mode or ""
        weight = 1.0 if n == 0 else 0.5
        for t in (
            f"{e.event}:{mode}",
            f"{e.event}:{mode}|{m}",
            f"c:{cameo}",
            f"c2:{cameo[:2]}|{m}",
        ):
            out[t] = max(out.get(t, 0.0), weight)
    return out


class Codes:
    """A fixed list of code terms (code_terms) and their columns."""

    def __init__(self, vocabulary: Sequence[str]):
        self.vocabulary = list(vocabulary)
        self.index = {t: i for i, t in enumerate(self.vocabulary)}

    @classmethod
    def fit(cls, stories: Iterable[Mapping[str, float]], min_count: int) -> Codes:
        """Terms seen in at least `min_count` stories."""
        df: Counter = Counter()
        for story in stories:
            df.update(story.keys())
        return cls(sorted(t for t, c in df.items() if c >= min_count))

    def __len__(self) -> int:
        return len(self.vocabulary)

    def transform(self, story: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        pairs = [(self.index[t], w) for t, w in story.items() if t in self.index]
        return (
            np.array([i for i, _ in pairs], dtype=np.int64),
            np.array([w for _, w in pairs], dtype=np.float32),
        )

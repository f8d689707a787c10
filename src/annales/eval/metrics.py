"""Scores: precision/recall/F1 over sets of predicted items, accuracy and macro-F1 over labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable, Sequence

Triple = tuple[str, str, str]  # (actor code, recipient code, CAMEO code)


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def prf(pairs: Iterable[tuple[Iterable[Hashable], Iterable[Hashable]]]) -> PRF:
    """Micro P/R/F1 over (predicted, gold) item collections, one pair per record.

    Items are compared as sets within a record: PETRARCH writes an event once per sentence
    however many times it is found, and so do the gold records.
    """
    tp = fp = fn = 0
    for predicted, gold in pairs:
        p, g = set(predicted), set(gold)
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    return PRF(tp, fp, fn)


def root_triples(triples: Iterable[Triple]) -> set[Triple]:
    """Triples with the CAMEO code cut to its root (first two digits: "0431" -> "04")."""
    return {(a, r, code[:2]) for a, r, code in triples}


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0


def macro_f1(
    gold: Sequence[Hashable],
    predicted: Sequence[Hashable],
    labels: Sequence[Hashable] | None = None,
) -> float:
    """Unweighted mean of per-class F1 over `labels` (default: the gold classes).

    A class never predicted scores 0 and still counts in the mean; a prediction outside
    `labels` (e.g. "no event") is only ever a miss for the gold class.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    classes = list(labels) if labels is not None else sorted(set(gold), key=str)
    if not classes:
        return 0.0
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted))
        scores.append(PRF(tp, fp, fn).f1)
    return sum(scores) / len(scores)

"""Near-duplicate articles: word shingles, MinHash signatures and LSH bands.

Wire copies, updates and the same story on several sites share most of their word sequences.
An article's 4-word shingles are hashed into a MinHash signature (NUM_HASHES minima, one per
hash function); the signature is cut into BANDS bands whose hashes the store indexes, so that
finding the earlier articles that may be near-duplicates of a new one is a join on a few
integers, not a comparison with every stored text.  Candidates are then checked on their exact
shingle Jaccard similarity: the bands only decide whom to compare.

With 32 bands of 4 rows, two articles whose Jaccard similarity is s share a band with
probability 1 - (1 - s^4)^32: 0.87 at s = 0.5, 0.99 at s = 0.6, 0.01 at s = 0.15.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

import numpy as np

SHINGLE = 4  # words per shingle: short enough that an edited sentence keeps most of its
# shingles, long enough that stock phrases ("said on Monday") do not match
NUM_HASHES = 128
BANDS = 32
ROWS = NUM_HASHES // BANDS
# Jaccard similarity of shingle sets from which an article counts as a near-duplicate of an
# earlier one (benchmarks/duplicates.py measures it on the wire-story test set)
THRESHOLD = 0.5

_WORD = re.compile(r"\w+")
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
# Fixed multipliers and offsets (odd multipliers): the same text gives the same signature in
# every process and every release, so stored bands stay comparable.
_rng = np.random.RandomState(20161218)
_A = (
    (_rng.randint(1, 2**31, NUM_HASHES).astype(np.uint64) << np.uint64(32))
    | _rng.randint(0, 2**31, NUM_HASHES).astype(np.uint64)
    | np.uint64(1)
)
_B = (_rng.randint(0, 2**31, NUM_HASHES).astype(np.uint64) << np.uint64(32)) | _rng.randint(
    0, 2**31, NUM_HASHES
).astype(np.uint64)


def shingles(text: str) -> set[str]:
    """The article's lower-cased SHINGLE-word sequences (one, the whole text, when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _hash64(items: Iterable[str]) -> np.ndarray:
    return np.array(
        [
            int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
            for s in items
        ],
        dtype=np.uint64,
    )


def signature(shingle_set: set[str]) -> np.ndarray:
    """NUM_HASHES minima of a*x + b (mod 2^64) over the shingles' 64-bit hashes."""
    if not shingle_set:
        return np.zeros(NUM_HASHES, dtype=np.uint64)
    x = _hash64(sorted(shingle_set))
    with np.errstate(over="ignore"):
        values = (x[:, None] * _A[None, :] + _B[None, :]) & _MASK
    return values.min(axis=0)


def bands(text: str) -> list[int]:
    """The BANDS band hashes of a text, as signed 64-bit integers (a DuckDB BIGINT)."""
    sig = signature(shingles(text))
    return [
        int.from_bytes(
            hashlib.blake2b(sig[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for i in range(BANDS)
    ]

"""Mean word embeddings from WordLlama's 256-dimension token table (MIT), which its PyPI wheel
carries with its tokenizer; read straight from the installed package, so nothing is fetched
from a model hub (WordLlama's own loader would try to)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np

from ..errors import StoryModelMissing

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
DIM = 256
MAX_TOKENS = 512  # embeddings of the opening of long texts; the rest adds little and costs time


class WordEmbeddings:
    def __init__(self, table: np.ndarray, tokenizer):
        self.table = table
        self.tokenizer = tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised mean vector per text (zeros for a text with no tokens)."""
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for row, enc in enumerate(self.tokenizer.encode_batch(list(texts))):
            ids = [i for i, special in zip(enc.ids, enc.special_tokens_mask) if not special]
            if not ids:
                continue
            v = self.table[ids[:MAX_TOKENS]].mean(axis=0)
            out[row] = v / (np.linalg.norm(v) or 1.0)
        return out


@lru_cache(maxsize=1)
def load_embeddings() -> WordEmbeddings:
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        root = resources.files("wordllama")
        table = load_file(str(root / WEIGHTS))["embedding.weight"].astype(np.float32)
        tokenizer = Tokenizer.from_file(str(root / TOKENIZER))
    except (ImportError, OSError, KeyError) as exc:
        raise StoryModelMissing(
            expected="the wordllama package (its token table and tokenizer)",
            detail=str(exc),
            hint=StoryModelMissing.PACKAGE_HINT,
        ) from exc
    return WordEmbeddings(table, tokenizer)

"""Multi-word phrase lookup over spaCy docs without spaCy's PhraseMatcher.

PhraseMatcher needs each phrase as a Doc: tokenizing the ~100k gazetteer aliases and ~6k actor
aliases took most of start-up (about 8 s), and every new word became a lexeme of the pipeline's
vocabulary.  Here a phrase is the tuple of its words as the English tokenizer splits them,
computed once and kept in the user cache (annales.cache) under a hash of the phrases; a doc is
matched with one set lookup per word and phrase length.  Matches are those PhraseMatcher finds
on the same attribute (lower-case words, or the exact text).
"""

from __future__ import annotations

from typing import Iterable, Sequence, cast

from . import cache

SEP = "\x00"  # joins a phrase's words: no token holds it
ATTRS = ("lower", "orth")


class PhraseIndex:
    """Phrases as token lists; `index(doc)` gives every (start, end) where one occurs."""

    def __init__(self, phrases: Iterable[Sequence[str]], attr: str = "lower"):
        if attr not in ATTRS:
            raise ValueError(f"attr must be one of {ATTRS}")
        self.attr = attr
        self.phrases = {SEP.join(p) for p in phrases if p}
        lengths: dict[str, set[int]] = {}
        for p in self.phrases:
            words = p.split(SEP)
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {w: tuple(sorted(ls)) for w, ls in lengths.items()}

    @classmethod
    def of(
        cls, texts: Sequence[str], attr: str = "lower", kind: str = "phrases", salt: str = ""
    ) -> PhraseIndex:
        """The index of `texts`, from the user cache when these texts were indexed before
        (`kind` names the cache entry, `salt` adds to its key what the texts do not say)."""
        texts = list(texts)
        key = cache.fingerprint([__file__], attr, salt, cache.version("spacy"), *texts)
        return cache.cached(kind, key, lambda: cls(tokenized(texts, attr), attr))

    def __call__(self, doc) -> list[tuple[int, int]]:
        words = [t.lower_ for t in doc] if self.attr == "lower" else [t.text for t in doc]
        found = []
        for i, word in enumerate(words):
            for n in self.lengths.get(word, ()):
                if i + n <= len(words) and SEP.join(words[i : i + n]) in self.phrases:
                    found.append((i, i + n))
        return found


def tokenized(texts: Iterable[str], attr: str = "lower") -> list[tuple[str, ...]]:
    """The words of each text as spaCy's English tokenizer splits them (a blank tokenizer of
    its own, so no pipeline's vocabulary gains lexemes)."""
    import spacy
    from spacy.tokenizer import Tokenizer

    tokenizer = cast(Tokenizer, spacy.blank("en").tokenizer)
    docs = tokenizer.pipe(texts, batch_size=2000)
    if attr == "lower":
        return [tuple(t.lower_ for t in doc) for doc in docs]
    return [tuple(t.text for t in doc) for doc in docs]

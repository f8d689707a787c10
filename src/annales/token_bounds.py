"""A bound on the length of one token, for spaCy's tokenizer.

spaCy splits prefixes and suffixes off a word one character at a time, matching its affix
patterns again after each: a run of 8,000 apostrophes takes 6 s, and the time grows with the
square of the run, so one such "word" in a feed would stall a batch for hours.  No word of news
is that long, so runs of more than MAX_TOKEN_CHARS characters without a space are cut into
tokens of that length without asking the affix patterns; everything else is tokenized by spaCy
as before.  The text, and every character offset into it, stays exactly as given.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

MAX_TOKEN_CHARS = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; see the module's docstring."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in _LONG_RUN.finditer(text):
            self._add(text[position : run.start()], words, spaces)
            piece = run.group()
            for i in range(0, len(piece), MAX_TOKEN_CHARS):
                words.append(piece[i : i + MAX_TOKEN_CHARS])
                spaces.append(False)
            position = run.end()
            if text[position : position + 1] == " ":  # a token carries one space after it
                spaces[-1] = True
                position += 1
        self._add(text[position:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, text: str, words: list[str], spaces: list[bool]) -> None:
        for tok in self.tokenizer(text):
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))

    def __getattr__(self, name):  # explain, pipe, to_bytes...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)

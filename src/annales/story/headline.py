"""Headlines in Title Case parse badly ("Suicide Car Bomb in Berlin Kills At Least 44": every
word looks like a name to the tagger), so before coding a headline we write it in sentence case,
keeping the capitals of the names the knowledge base or the gazetteer knows and of acronyms."""
from __future__ import annotations

import re
from typing import Iterable

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\S")
# A headline is in title case when most of its longer words start with a capital; "longer"
# skips the short function words that title case leaves in lower case ("in", "of", "to").
TITLE_CASE_SHARE = 0.6
MAX_NAME_WORDS = 6


class NameSet:
    """Lower-cased names, looked up word by word (longest match first)."""

    def __init__(self, names: Iterable[str]):
        self.names = set()
        for name in names:
            words = tuple(w.lower() for w in _WORD.findall(name))
            if words and len(words) <= MAX_NAME_WORDS:
                self.names.add(words)

    def match(self, words: list[str], start: int) -> int:
        """Length of the longest known name starting at `start` (0 if none)."""
        for n in range(min(MAX_NAME_WORDS, len(words) - start), 0, -1):
            if tuple(w.lower() for w in words[start:start + n]) in self.names:
                return n
        return 0


def is_title_case(text: str) -> bool:
    long_words = [w for w in _WORD.findall(text) if len(w) > 3 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= TITLE_CASE_SHARE


def sentence_case(text: str, names: NameSet) -> str:
    """`text` in sentence case when it is in title case, else unchanged."""
    if not is_title_case(text):
        return text
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    words = [w for _, _, w in spans]
    out = list(text)
    i = 0
    while i < len(words):
        n = names.match(words, i)
        if n:
            i += n
            continue
        start, end, word = spans[i]
        keep = (i == 0 or word.isupper() and len(word) > 1   # first word; acronyms: UN, NATO
                or not word[0].isalpha())
        if not keep:
            out[start:end] = word.lower()
        i += 1
    return "".join(out)

"""Headlines in Title Case parse badly ("Suicide Car Bomb in Berlin Kills At Least 44": every
word looks like a name to the tagger), so before coding a headline we write it in sentence case,
keeping the capitals of the names the knowledge base or the gazetteer knows and of acronyms."""

from __future__ import annotations

import re
from typing import Callable, Iterable, Optional

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
            if tuple(w.lower() for w in words[start : start + n]) in self.names:
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
        keep = (
            i == 0
            or word.isupper()
            and len(word) > 1  # first word; acronyms: UN, NATO
            or not word[0].isalpha()
        )
        if not keep:
            out[start:end] = word.lower()
        i += 1
    return "".join(out)


# A headline verb the tagger reads as a noun ("Air force bombs bandit hideouts": "bombs" a
# plural noun in one long noun phrase) is put in the past tense, which it reads as a verb, and
# the headline is parsed again.  Past tenses the rules in past_tense get wrong:
_IRREGULAR_PAST = {
    "bear": "bore",
    "beat": "beat",
    "bid": "bid",
    "blow": "blew",
    "break": "broke",
    "bring": "brought",
    "buy": "bought",
    "cut": "cut",
    "drive": "drove",
    "fight": "fought",
    "fly": "flew",
    "forgive": "forgave",
    "freeze": "froze",
    "give": "gave",
    "hit": "hit",
    "hold": "held",
    "lead": "led",
    "lose": "lost",
    "meet": "met",
    "overthrow": "overthrew",
    "put": "put",
    "quit": "quit",
    "ride": "rode",
    "rise": "rose",
    "run": "ran",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "shoot": "shot",
    "shut": "shut",
    "sink": "sank",
    "split": "split",
    "spread": "spread",
    "stand": "stood",
    "strike": "struck",
    "swear": "swore",
    "take": "took",
    "tear": "tore",
    "tell": "told",
    "throw": "threw",
    "win": "won",
    "withdraw": "withdrew",
}
_VOWELS = "aeiou"


def past_tense(verb: str) -> str:
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if (
        3 <= len(verb) <= 4
        and verb[-1] not in _VOWELS + "wxy"
        and verb[-2] in _VOWELS
        and verb[-3] not in _VOWELS
    ):
        return verb + verb[-1] + "ed"  # one short syllable: "ban" -> "banned"
    return verb + "ed"


_PARTICIPLE_DEPS = ("amod", "compound", "npadvmod", "acl")  # "quake-hit Nepal"


def verb_reading(doc, has_verb: Callable[[str], bool]) -> Optional[str]:
    """The headline `doc` rewritten with its verb in the past tense, or None.  Only for a
    headline with no verb at all; the verb is the first noun after a subject that the lexicon
    also reads as a verb and that agrees with the word before it the way a verb would: a form
    in -s after a singular ("Court sentences ex-premier"), the bare form after a plural or a
    coordination ("Militants torch schools", "Kenya, Somalia share intelligence")."""
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _PARTICIPLE_DEPS for t in doc):
        return None
    for tok in doc[1:-1]:
        if tok.pos_ not in ("NOUN", "PROPN") or not has_verb(tok.lemma_.lower()):
            continue
        before = _word_before(tok)
        if before is None or before.pos_ not in ("NOUN", "PROPN"):
            continue
        plural_subject = (
            before.tag_ in ("NNS", "NNPS")
            or before.lower_ == "police"
            or any(t.lower_ in (",", "and") for t in doc[: before.i])
            # a capitalized first word is tagged a name: "Rebels shell capital"
            or before.i == 0
            and re.search(r"[^s]s$", before.lower_) is not None
        )
        bare = tok.tag_ in ("NN", "NNP")  # "torch", not "torches"
        if (tok.tag_ == "NNS" and not plural_subject) or (bare and plural_subject):
            past = past_tense(tok.lemma_.lower())
            return doc[: tok.i].text_with_ws + past + tok.whitespace_ + doc[tok.i + 1 :].text
    return None


def _word_before(tok):
    """The word before `tok`, skipping a hyphenated prefix ("North Korea test-fires")."""
    i = tok.i - 1
    if i >= 2 and tok.doc[i].text == "-":
        i -= 2
    return tok.doc[i] if i >= 0 else None

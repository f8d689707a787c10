"""ActorResolver: knowledge-base phrase matchers built once, applied to each parsed doc.

resolver = ActorResolver(kb, nlp.vocab)       # builds the matchers (once)
mentions = resolver(doc, published)            # -> MentionIndex (cheap per doc)
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.util import filter_spans

from ..phrase_index import PhraseIndex
from .analysis import DocAnalysis
from .kb import KnowledgeBase, normal_form
from .mentions import MentionIndex

MIN_STEM = 3  # shorter stems would match half the dictionary

# A country that shares its name with a US state is the state where US politics says so: "a
# congressman from Georgia", "Senator Smith of Georgia", "the Georgia Republican".
US_STATE_NAMES = {"georgia"}
US_OFFICES = {
    "congressman",
    "congresswoman",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "governor",
    "gov.",
}  # offices of US politics only: "a lawmaker from Georgia" may sit in Tbilisi
US_PARTY_WORDS = {"republican", "republicans", "democrat", "democrats", "democratic"}


def case_sensitive(alias: str) -> bool:
    """Acronyms that spell an English word ("US", "WHO", "IS") match only in capitals."""
    letters = [c for c in alias if c.isalpha()]
    if not letters or any(c.islower() for c in letters) or " " in alias.strip():
        return False
    return len(letters) <= 2 or alias.lower().replace(".", "") in STOP_WORDS


def plural_forms(pattern: str) -> list[str]:
    """'foreign minister' -> also 'foreign ministers'; 'spokesman' -> 'spokesmen'."""
    if pattern.endswith("s") or " of " in pattern:
        return [pattern]
    if pattern.endswith("man"):
        return [pattern, pattern[:-3] + "men"]
    if pattern.endswith("y") and pattern[-2:-1] not in tuple("aeiou"):
        return [pattern, pattern[:-1] + "ies"]
    if pattern.endswith(("sh", "ch", "x")):
        return [pattern, pattern + "es"]
    return [pattern, pattern + "s"]


class ActorResolver:
    """Finds and resolves actor mentions; build once per knowledge base and vocabulary."""

    def __init__(self, kb: KnowledgeBase, vocab=None, places=None):
        """`places`: the gazetteer stand-ins look cities up in (the built-in one if None).
        `vocab` is no longer needed (names are matched by their words) and kept for callers
        that pass it."""
        self.kb = kb
        self.places = places
        lower: set[str] = set()
        exact: set[str] = set()
        self.stems: dict[str, str] = {}  # one-word stem -> its alias key
        for alias, _ in kb.aliases():
            surface = alias.replace("_", " ").strip()
            if surface.endswith("*"):
                surface = surface.rstrip("*")
                if " " not in surface and len(surface) >= MIN_STEM:
                    self.stems[surface.lower()] = normal_form(surface)
                    continue
            if surface.lower().startswith("the ") and len(surface) > 4:
                surface = surface[4:]
            (exact if case_sensitive(surface) else lower).add(surface)
        # tokenized once, then loaded from the user cache (phrase_index.py)
        self._names = PhraseIndex.of(sorted(lower), "lower", kind="actor-names")
        self._acronyms = PhraseIndex.of(sorted(exact), "orth", kind="actor-acronyms")
        # every surface form of a sector word -> its normal form in kb.sector_words
        self.sector_forms: dict[str, str] = {}
        for key in kb.sector_words:
            for form in plural_forms(key):
                self.sector_forms.setdefault(form, key)
        self._sectors = PhraseIndex.of(sorted(self.sector_forms), "lower", kind="sector-words")

    def __call__(self, doc, published: Optional[date] = None) -> MentionIndex:
        return DocAnalysis(self, doc, published).run()

    # -- per-doc matching -----------------------------------------------------------------------
    def name_spans(self, doc) -> dict[int, object]:
        """token index -> KB entry, from the longest non-overlapping alias matches."""
        spans = [doc[s:e] for s, e in self._names(doc)]
        spans += [doc[s:e] for s, e in self._acronyms(doc)]
        out: dict[int, object] = {}
        for span in filter_spans(spans):
            entry = self.kb.best(normal_form(span.text))
            # a one-word name written in lower case is the common word ("granted amnesty",
            # "a trump card", "western Iraq"); user dictionaries keep their own casing rules
            if (
                entry is not None
                and len(span) == 1
                and span[0].is_lower
                and entry.kind != "dictionary"
            ):
                continue
            if (
                entry is not None
                and span.text.lower() in US_STATE_NAMES
                and _us_state_reading(span)
            ):
                entry = self.kb.best(normal_form("United States"))
            if entry is not None:
                for i in range(span.start, span.end):
                    out[i] = entry
        if self.stems:
            for tok in doc:
                if tok.i not in out and tok.is_alpha and len(tok) > MIN_STEM:
                    entry = self._stem_entry(tok.lower_)
                    if entry is not None:
                        out[tok.i] = entry
        return out

    def _stem_entry(self, word: str):
        for n in range(len(word), MIN_STEM - 1, -1):  # the longest stem wins
            key = self.stems.get(word[:n])
            if key is not None:
                return self.kb.best(key)
        return None

    def sector_spans(self, doc) -> dict[int, str]:
        """token index -> sector-word key, from the longest non-overlapping matches."""
        spans = [doc[s:e] for s, e in self._sectors(doc)]
        out: dict[int, str] = {}
        for span in filter_spans(spans):
            key = self.sector_forms.get(normal_form(span.text))
            if key is not None:
                for i in range(span.start, span.end):
                    out[i] = key
        return out


def _us_state_reading(span) -> bool:
    """The name is a US state: the object of "from"/"of" after a US office, or in front of a
    party or office word."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("from", "of"):
        owner = before.head if before.head.i != before.i else None
        titles = [owner] + [c for c in owner.children if c.dep_ == "compound"] if owner else []
        if any(t.lower_ in US_OFFICES for t in titles):  # "Senator Jane Roe of Georgia"
            return True
        if span.start > 1 and doc[span.start - 2].lower_ in US_OFFICES:
            return True
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and (after.lower_ in US_PARTY_WORDS or after.lower_ in US_OFFICES)

"""Verb dictionaries as a lexicon: `VerbLexicon.match(token)` / `.lookup(token)`, the same
interface as events/lexicon.py's `Lexicon`, so `extract` uses either.

A token is looked up when spaCy tags it VERB, by its surface form and by its lemma (so the
regular forms PETRARCH generates come from the lemmatiser, and "left" can be LEFT as well as
LEAVE).  Of the patterns of every matching verb, the most specific one whose words are found
wins (most words; then a surface-form over a lemma match; then file order).  Where the words
are looked for (petrarch_match.py): left of '*', among the verb's dependents and the words it
depends on ("SAID WOULD NOT *"); right of '*', in the verb's subtree ("* DIPLOMATIC TIES").

`+` in a pattern says which word is the target: its dependency slot (object, dative or
"with"-phrase...) becomes the entry's recipient slot.  Without `+` the recipient is looked
for in DEFAULT_RECIPIENT, and -- PETRARCH's "first actor inside the verb phrase" -- in the
phrases of the nouns the match uses up (the pattern's words, nouns above them, "of" chains,
an object naming its party: see petrarch_match._object_nouns).  The source is always the
verb's subject (`$` only has to match); `%` and two-way codes are carried on the entry
(verb_codes.VerbEntry) for events/reciprocal.py.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterator, Optional, Sequence

from ..actors.petrarch import DictionaryWarning
from ..errors import warning_text
from .lexicon import LexEntry, Lexicon, Match, load_lexicon
from .petrarch_match import PatternHit, match_pattern, verb_form_fits
from .petrarch_verbs import NO_EVENT, VerbForm, VerbPattern, read_verbs
from .verb_codes import CodeTable

# PETRARCH takes the target from the verb phrase: its object or a prepositional object
DEFAULT_RECIPIENT = (
    "dobj",
    "dative",
    "to",
    "with",
    "against",
    "on",
    "at",
    "into",
    "for",
    "of",
    "from",
    "toward",
    "towards",
    "in",
    "over",
    "about",
    "upon",
    "between",
)


class VerbLexicon:
    """The patterns of one or more verb dictionaries, indexed by verb form."""

    def __init__(self, patterns: Sequence[VerbPattern], codes: Optional[CodeTable] = None):
        """`codes` turns dictionary codes into entries that agree with the pipeline's native
        lexicon (verb_codes.py); without it, with the built-in lexicon."""
        self.patterns = list(patterns)
        self.codes = codes if codes is not None else CodeTable(load_lexicon())
        self._index: dict[str, list[tuple[int, VerbForm, VerbPattern]]] = {}
        for n, pattern in enumerate(self.patterns):
            for verb in pattern.verbs:
                for key in dict.fromkeys((verb.base, *verb.forms)):
                    self._index.setdefault(key, []).append((n, verb, pattern))
        odd = sorted(
            {
                c
                for p in self.patterns
                for c in (p.code, p.reverse)
                if c
                and c != NO_EVENT
                and not c.startswith("01")
                and self.codes.event_for(c) is None
            }
        )
        if odd:  # say once, not per pattern: toy files have dozens (see verb_codes.py)
            shown = ", ".join(odd[:8]) + (f" and {len(odd) - 8} more" if len(odd) > 8 else "")
            warnings.warn(warning_text("W001", found=shown), DictionaryWarning, stacklevel=2)

    def __len__(self) -> int:
        return len(self.patterns)

    def __iter__(self) -> Iterator[VerbPattern]:
        return iter(self.patterns)

    def has_verb(self, lemma: str) -> bool:
        return lemma in self._index

    def best(self, tok) -> Optional[tuple[VerbPattern, PatternHit]]:
        """The winning (pattern, hit) for the token -- also a pattern coding nothing --, or
        None when no verb of the dictionaries is this token."""
        if tok.pos_ != "VERB":
            return None
        surface, lemma = tok.lower_, tok.lemma_.lower()
        found = self._index.get(surface, []) + (
            self._index.get(lemma, []) if lemma != surface else []
        )
        best, best_key = None, None
        for n, verb, pattern in found:
            if not verb_form_fits(tok, verb):
                continue
            exact = surface == verb.base or surface in verb.forms
            key = (pattern.size, exact, len(verb.before) + len(verb.after), -n)
            if best_key is not None and key <= best_key:
                continue
            hit = match_pattern(tok, pattern, verb)
            if hit is not None:
                best, best_key = (pattern, hit), key
        return best

    def match(self, tok, actor_class: Optional[str] = None) -> Optional[Match]:
        """`actor_class` ("crowd", "state") is part of the Lexicon interface; dictionary
        patterns do not read a verb by who does it, so it is ignored here."""
        return self.resolve(tok, self.best(tok))

    def resolve(self, tok, found: Optional[tuple[VerbPattern, PatternHit]]) -> Optional[Match]:
        """The Match for the pattern `best` found (None: no pattern, or one coding nothing)."""
        if found is None:
            return None
        pattern, hit = found
        code = pattern.code or pattern.reverse
        if code == NO_EVENT:
            return None
        slots: tuple[str, ...] = (hit.target_slot,) if hit.target_slot else DEFAULT_RECIPIENT
        if not hit.target_slot and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            # "Arnor believes Dagolath can cope": the clause's subject; not for a report
            # that follows its clause ("..., an official said")
            slots += ("ccomp",)
        where = pattern.where if pattern.size else ""
        entry = self.codes.entry_for(
            code,
            tok.lemma_.lower(),
            where,
            slots,
            pattern.reverse if pattern.code else "",
            hit.mutual,
            swapped=not pattern.code,
        )
        if entry is None:
            return None
        return Match(entry, tuple(tok.doc[i] for i in hit.used))

    def lookup(self, tok) -> Optional[LexEntry]:
        m = self.match(tok)
        return m.entry if m else None


class LayeredLexicon:
    """User verb dictionaries in front of the built-in lexicon: a verb the dictionaries know
    is theirs to code (or to leave uncoded); every other token goes to the built-in lexicon."""

    def __init__(self, verbs: VerbLexicon, builtin):
        self.verbs, self.builtin = verbs, builtin

    def __len__(self) -> int:
        return len(self.verbs) + len(self.builtin)

    def match(self, tok, actor_class: Optional[str] = None) -> Optional[Match]:
        found = self.verbs.best(tok)
        if found is not None:
            return self.verbs.resolve(tok, found)
        return self.builtin.match(tok, actor_class=actor_class)

    def lookup(self, tok) -> Optional[LexEntry]:
        m = self.match(tok)
        return m.entry if m else None

    def has_verb(self, lemma: str) -> bool:
        return self.verbs.has_verb(lemma) or self.builtin.has_verb(lemma)


def build_lexicon(verb_files: Sequence[str | Path], builtin: Optional[Lexicon]):
    """The pipeline's lexicon: `builtin` (the native lexicon: built-in and/or user rows)
    alone, the verb dictionaries alone (builtin None), or the dictionaries in front of it."""
    if not verb_files:
        return builtin if builtin is not None else Lexicon([], classes={})
    verbs = VerbLexicon([p for path in verb_files for p in read_verbs(path)], CodeTable(builtin))
    return LayeredLexicon(verbs, builtin) if builtin is not None else verbs

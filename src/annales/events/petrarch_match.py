"""Where a PETRARCH verb pattern's words are found around a verb in a spaCy parse.

Words before '*' are looked for left of the verb among its dependents and the words it
depends on ("SAID WOULD NOT *" in "X said it would not meet Y"); words after '*' right of the
verb in its subtree ("* DIPLOMATIC TIES").  Groups of the pattern keep their order with other
words allowed between them; the words of one group ("IN_AND_*_OUT") are consecutive.  A word
matches a token's text or lemma, or -- TABARI's stem rule, for words of five letters or more
-- the start of its text ("CONTRIBUT" matches "contributions").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .petrarch_patterns import Group
from .petrarch_verbs import VerbForm, VerbPattern

NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
GOVERNING_DEPS = ("aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass")
STEM_MIN = 5


@dataclass(frozen=True)
class PatternHit:
    used: tuple[int, ...] = ()  # tokens taken by the match: see _object_nouns
    target_slot: Optional[str] = None  # recipient slot of the '+' word: dobj, dative, a prep
    mutual: bool = False  # '%': the compound actor's members act on each other


def word_fits(tok, word: str) -> bool:
    low = tok.lower_
    return (
        low == word
        or tok.lemma_.lower() == word
        or (len(word) >= STEM_MIN and low.startswith(word))
    )


def verb_form_fits(tok, verb: VerbForm) -> bool:
    """The words of a multi-word verb stand right around it ("wire tapped", "cordoned off")."""
    doc = tok.doc
    left = (
        [t for t in doc[tok.sent.start : tok.i] if t.text != "-"][-len(verb.before) :]
        if verb.before
        else []
    )
    right = list(doc[tok.i + 1 : tok.i + 1 + len(verb.after)])
    return [t.lower_ for t in left] == list(verb.before) and [t.lower_ for t in right] == list(
        verb.after
    )


def match_pattern(tok, pattern: VerbPattern, verb: VerbForm) -> Optional[PatternHit]:
    """Where the pattern's parts are around `tok` (the verb word of `verb`), or None.  The
    words of a multi-word verb ("cordoned off") are the verb's, not the pattern's."""
    if not pattern.size:
        return PatternHit(_object_nouns(tok, []))
    skip = len(verb.after)
    sent = tok.sent
    around = {t.i for t in tok.subtree} | {a.i for a in tok.ancestors}
    # the governing verbs' auxiliaries and negation ("will not wire tap": parsed on "wire")
    around |= {c.i for a in tok.ancestors for c in a.children if c.dep_ in GOVERNING_DEPS}
    left = [i for i in sorted(around) if sent.start <= i < tok.i]
    right = [i for i in sorted(around) if tok.i + skip < i < sent.end]
    span = range(sent.start, sent.end)
    before = _side(tok.doc, pattern.before, left, span, glued_end=tok.i - 1)
    if before is None:
        return None
    after = _side(
        tok.doc,
        pattern.after,
        right,
        range(tok.i + skip + 1, sent.end),
        glued_start=tok.i + skip + 1,
    )
    if after is None:
        return None
    used = _object_nouns(tok, [i for kind, i in after if kind == "w"])
    targets = [i for kind, i in before + after if kind == "+"]
    return PatternHit(
        used,
        _slot(tok, tok.doc[targets[0]]) if targets else None,
        any(kind == "%" for kind, _ in before + after),
    )


def _marker_fits(tok, kind: str) -> bool:
    """'^' is any word; '$' and '+' a noun phrase's head; '%' a coordinated one ("A and B")."""
    if kind == "^":
        return True
    if kind == "%":
        return tok.pos_ in NOMINAL and any(c.dep_ == "conj" for c in tok.children)
    return tok.pos_ in NOMINAL


def _object_nouns(verb, indices: list[int]) -> tuple[int, ...]:
    """What the pattern uses up, so that PETRARCH's target -- the first actor inside the verb
    phrase -- is found through the phrases of these nouns:

    * the pattern's words and the common nouns above them up to the verb ("* DIPLOMATIC" in
      "restored diplomatic ties with Gondor" uses "ties": its "with Gondor" is searched);
    * common nouns reached from those, or from the object, through "of" ("welcomed the
      resumption of ties with Osgiliath");
    * the object itself only when a phrase of it names a party ("criticized the closure of
      guest houses in Bree"); otherwise it stays the recipient ("condemned the government").
    Used tokens are no events of their own (extract.py)."""
    out = dict.fromkeys(indices)
    for i in indices:
        t = verb.doc[i]
        while t.head.i != verb.i and t.head.i != t.i and t.head.i not in out:
            t = t.head
            if t.pos_ == "NOUN":
                out[t.i] = None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    todo = [verb.doc[i] for i in out] + objects
    while todo:
        for prep in todo.pop().children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                nouns = [
                    g
                    for g in prep.children
                    if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.i not in out
                ]
                out.update(dict.fromkeys(g.i for g in nouns))
                todo += nouns
    # an object that names its party in a phrase ("the closure of guest houses in Bree") is
    # the thing acted on, and the name the target; "the government of X" stays the target
    out.update(dict.fromkeys(o.i for o in objects if _names_a_party(o)))
    return tuple(out)


def _names_a_party(noun) -> bool:
    return any(
        p.dep_ == "prep"
        and p.lower_ != "of"
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in p.children)
        for p in noun.children
    )


def _slot(verb, target) -> Optional[str]:
    """The recipient slot (see lexicon README) the target token fills, if the parse says."""
    if target.dep_ in ("dobj", "nsubjpass") or (target.dep_ == "nsubj" and verb.tag_ == "VBN"):
        return "dobj"
    if target.dep_ == "dative":
        return "dative"
    if target.dep_ == "pobj" and target.head.dep_ in ("prep", "dative", "agent"):
        return target.head.lower_
    return None


def _side(
    doc,
    groups: tuple[Group, ...],
    allowed: list[int],
    span: range,
    glued_start: Optional[int] = None,
    glued_end: Optional[int] = None,
) -> Optional[list[tuple[str, int]]]:
    """(kind, token index) for every part of `groups`, matched in order, or None."""
    allowed_set = set(allowed)

    def rec(g: int, lo: int) -> Optional[list[tuple[str, int]]]:
        if g == len(groups):
            return []
        group = groups[g]
        first = g == 0 and glued_start is not None and group.glued
        # (`first` implies a glued start; the test is repeated for the type checker)
        starts = (
            [glued_start] if first and glued_start is not None else [i for i in allowed if i >= lo]
        )
        last = g == len(groups) - 1 and glued_end is not None and group.glued
        for start in starts:
            for end, parts in _group_at(
                doc, group, start, span, None if first or last else allowed_set
            ):
                if last and end != glued_end:
                    continue
                rest = rec(g + 1, end + 1)
                if rest is not None:
                    return parts + rest
        return None

    return rec(0, span.start)


def _group_at(
    doc, group: Group, start: int, span: range, allowed: Optional[set]
) -> Iterator[tuple[int, list[tuple[str, int]]]]:
    """(last index, parts) for each way the group's parts fill consecutive tokens from start."""

    def ok(i: int) -> bool:
        return i in span and (allowed is None or i in allowed)

    def rec(p: int, i: int, acc: list) -> Iterator[tuple[int, list]]:
        if p == len(group.parts):
            yield i - 1, acc
            return
        part = group.parts[p]
        if part.kind == "w":
            for words in part.alts:
                idx = list(range(i, i + len(words)))
                if all(ok(j) and word_fits(doc[j], w) for j, w in zip(idx, words)):
                    yield from rec(p + 1, i + len(words), acc + [("w", j) for j in idx])
        elif ok(i) and _marker_fits(doc[i], part.kind):
            yield from rec(p + 1, i + 1, acc + [(part.kind, i)])

    yield from rec(0, start, [])

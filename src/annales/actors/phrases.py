"""Noun-phrase geometry over a spaCy parse: bounds, modifiers, the "of" complement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

from ..nlp import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children that sit inside a noun phrase and may name whose phrase it is.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat"})
# Left children that belong to the phrase's surface text but never name an actor.
LEFT_DEPS = MODIFIER_DEPS | {"det", "nummod", "quantmod", "predet", "case", "punct", "advmod"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OWNER_PREPOSITIONS = frozenset({"of", "from"})


def np_bounds(head) -> tuple[int, int]:
    """Token offsets [start, end) of the phrase: left modifiers, head, flat names, an "of" PP."""
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in ("compound", "flat") or (
            child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    # a quote mark or bracket that opened before the head and never closed is not part of it
    # ("the [United Nations] Security Council" parsed with "Nations" as the head)
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].is_left_punct or doc[i].is_quote:
            if not any(doc[j].is_right_punct for j in range(i + 1, head.i + 1)):
                start = i + 1
                break
    # "(Reuters) - Democratic Representative John Conyers": the dateline is no part of a name
    # after it
    dateline = dateline_end(doc)
    if head.i >= dateline:
        start = max(start, dateline)
    while start < head.i and doc[start].is_punct:
        start += 1
    return start, end


def modifiers(head) -> Iterator:
    """Modifier tokens of the phrase, nearest the head first, recursing through compounds;
    never a dateline's words in front of it ("(Reuters) - Representative Smith")."""
    dateline = dateline_end(head.doc)
    first = dateline if head.i >= dateline else 0
    stack = sorted(
        (c for c in head.children if c.dep_ in MODIFIER_DEPS), key=lambda t: abs(t.i - head.i)
    )
    while stack:
        tok = stack.pop(0)
        if tok.i < first:
            continue
        yield tok
        stack.extend(
            sorted(
                (c for c in tok.children if c.dep_ in MODIFIER_DEPS), key=lambda t: abs(t.i - tok.i)
            )
        )


def owner_object(head) -> Optional[tuple[str, Token]]:
    """(preposition, object head) of a phrase-final "of"/"from"/"in" PP, if any:
    `members of [the European Union]`, `soldiers from [Gondor]`, `lawmakers in [Fornost]`."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS | {"in"}:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return child.lower_, grand
    return None


def first_conjunct(head):
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head


def determiner(head) -> Optional[str]:
    for child in head.lefts:
        if child.dep_ == "det":
            return child.lower_
    return None


def appositive(head) -> Optional[object]:
    return next((c for c in head.rights if c.dep_ == "appos"), None)

"""Pronouns and definite descriptions -> an earlier mention (a deliberately simple salience rule).

Candidates are the article's earlier mentions, searched sentence by sentence going back:
first the pronoun's own sentence (nearest first), then each earlier sentence with its main-clause
subject first, its other subjects next and its other mentions last (nearest first within each),
at most MAX_SENTENCES back.  The first candidate
that is compatible wins:

* he, she, him, her: a mention that denotes one person, not one of the other gender
  (gender.py: titles, role nouns, first names); I, me: a person;
* it, its: one that does not (a country, an organization, an institution);
* they, them, their: a plural mention or a group, institution or country;
* I, we, us, our: a person; inside a quotation, a person outside quotation marks (the
  speaker, who in news is named before the quote more often than not);
* a pronoun outside quotation marks never refers into a quotation ("..., it," he said).
* "the official", "the council member", "the ministry": a mention with the same head word,
  else one with the same sector and the same person/institution nature that has a country;
* "the body", "the group", "the alliance" (no sector of their own): the nearest organization
  or armed group; "the country", "the state": the nearest country.

Subjects go first because news sentences keep their topic in subject position, which is what
a following "he" or "it" most often continues (the centering heuristic, cut down to one rule).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterable, Optional

from ..nlp import dateline_end
from .gender import gender_of
from .mentions import Mention

MAX_SENTENCES = 6
PERSON_PRONOUNS = frozenset("he she him her his hers himself herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON


def candidates(
    mentions: list[Mention], before: int, sentence_starts: list[int]
) -> Iterable[Mention]:
    """Earlier mentions in salience order (see the module docstring)."""
    here = sentence_of(before, sentence_starts)
    older = [s for s in sentence_starts if s < here][-MAX_SENTENCES:]
    oldest = older[0] if older else here
    window: list[Mention] = []  # nearest first; walking back keeps this O(window)
    for m in reversed(mentions):
        if m.head >= before:
            continue
        if m.sentence < oldest:
            break
        window.append(m)
    yield from (m for m in window if m.sentence == here)
    for start in reversed(older):
        yield from sorted(
            (m for m in window if m.sentence == start), key=lambda m: -m.salience
        )  # stable: nearest first within a rank


def sentence_of(i: int, sentence_starts: list[int]) -> int:
    """Start of the sentence holding token i (sentence_starts is sorted)."""
    pos = bisect_right(sentence_starts, i) - 1
    return sentence_starts[pos] if pos >= 0 else 0


FEMININE = frozenset("she her hers herself".split())


def pronoun_test(word: str, doc=None) -> Optional[Callable[[Mention], bool]]:
    """Which antecedents a pronoun accepts, or None if it is not an anaphoric pronoun.  With
    the doc, "he" and "she" also skip a person of the other gender (gender.py)."""
    if word in PERSON_PRONOUNS:  # one person: not "reporters" in "Speaking to reporters, he"
        if doc is None:
            return lambda m: m.person and not m.plural
        other = "M" if word in FEMININE else "F"
        return lambda m: m.person and not m.plural and gender_of(m, doc) != other
    if word in THING_PRONOUNS:
        return lambda m: not m.person and not m.plural
    if word in PLURAL_PRONOUNS:
        return lambda m: m.plural or (not m.person and m.kind != "unknown")
    if word in FIRST_PERSON:
        return lambda m: m.person
    return None


RAISING = frozenset({"be", "seem", "appear", "remain", "become", "happen", "matter"})


def is_expletive(token) -> bool:
    """`it` in "it was not clear that ...", "it is expected that ..." points at no actor
    (but "It said that ..." does)."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    clause = {c.dep_ for c in head.children} & {"ccomp", "xcomp", "csubj", "csubjpass"}
    if token.dep_ == "nsubjpass":
        # "it is expected that ..." points at no one; "it was set to begin talks",
        # "it is expected to vote" (an infinitive) say something of an earlier actor
        return bool(clause - {"xcomp"})
    return bool(clause) and head.lemma_ in RAISING


def resolve_pronoun(
    token, mentions: list[Mention], sentence_starts: list[int], quoted: bool = False
) -> Optional[Mention]:
    """The antecedent of a pronoun; `quoted`: the pronoun is inside quotation marks."""
    test = pronoun_test(token.lower_, token.doc)
    if test is None or is_expletive(token):
        return None
    # the dateline ("WASHINGTON (Reuters) -") names where and by whom the story was filed:
    # "its investigation" is never Reuters'
    start = dateline_end(token.doc)
    pool = [m for m in candidates(mentions, token.i, sentence_starts) if m.head >= start]
    if not quoted:
        pool = [m for m in pool if not m.quoted]
    elif token.lower_ in FIRST_PERSON:
        speakers = [m for m in pool if not m.quoted and m.person]
        pool = speakers or pool
    return next((m for m in pool if test(m)), None)


# Generic nouns that, after "the", stand for an earlier organization or country, by entry kind.
ORG_KINDS = frozenset({"org", "group", "metonym", "dictionary"})  # metonym: "the Pentagon"
GENERIC_ANTECEDENTS = {
    **{w: frozenset({"country"}) for w in ("country", "state", "nation", "kingdom")},
    **{
        w: ORG_KINDS
        for w in (
            "body",
            "group",
            "organization",
            "organisation",
            "alliance",
            "bloc",
            "agency",
            "movement",
            "coalition",
            "faction",
        )
    },
}


def kind_of(m: Mention) -> str:
    return m.entry.kind if m.entry is not None else m.kind


def resolve_definite(
    head, sector: Optional[str], person: bool, mentions: list[Mention], sentence_starts: list[int]
) -> Optional[Mention]:
    """An earlier, more specific mention that "the official" / "the ministry" can refer to."""
    earlier = list(candidates(mentions, head.i, sentence_starts))
    lemma = head.lemma_.lower()
    for m in earlier:
        if m.entity.country and m.person == person and head.doc[m.head].lemma_.lower() == lemma:
            return m
    for m in earlier:
        if m.entity.country and m.person == person and sector and m.entity.sector == sector:
            return m
    kinds = GENERIC_ANTECEDENTS.get(lemma) if sector is None and not person else None
    if kinds:
        # "NATO leaders met in Warsaw. The alliance ...": people of an organization stand for
        # it; a capital is a place here, not the body meant
        return next(
            (
                m
                for m in earlier
                if m.entity.country
                and kind_of(m) in kinds
                and not (m.entry is not None and m.entry.kb_id.startswith("seat:"))
                and (not m.person or kind_of(m) in ORG_KINDS)
            ),
            None,
        )
    return None

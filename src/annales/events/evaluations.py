"""Statements that judge: calling someone or something by a name of blame or praise.

    drafts += evaluations(doc, mentions)

"Moscow called the plan a sham", "unions say the reform is a giveaway", "the mayor
said his policies are an insult", "the court said the minister's actions were lawful": saying so is the
act, ACCUSE (CAMEO 111, criticize) or SUPPORT (051, praise), by whoever calls or says it, aimed
at whoever the judged thing belongs to.  Two constructions only, both common in news and hard
to misread:

* "call/label/brand/describe X (as) Y": the caller judges X;
* a reported clause "X is/was Y" under a reporting verb: the speaker judges X.

Y must be a word of the lexicon's `blame` or `praise` class (classes.tsv), the trigger.  A
judgement of a thing ("the plan", "the actions of the minister") is aimed at its owner (a possessor
or an "of" phrase) when one is named; the article's country otherwise (completion.py).  A
denial ("we aren't dangerous") judges no one.
"""

from __future__ import annotations

from . import arguments as args
from . import codes
from .cues import REPORTING_VERBS
from .lexicon import LexEntry

NAMING_VERBS = frozenset(
    {"call", "label", "brand", "describe", "dub", "term", "denounce", "decry", "condemn", "slam"}
)
COPULAS = frozenset({"be", "become", "remain", "seem"})
CLASSES = ("blame", "praise")  # word classes of classes.tsv this module reads


def _entry(cameo: str, event: str, lemma: str) -> LexEntry:
    return LexEntry(
        lemma,
        "NOUN",
        "",
        event,
        "disapprove" if event == "ACCUSE" else None,
        cameo,
        codes.quad_class(cameo),
        codes.goldstein(cameo),
    )


def _judged(word, classes: dict):
    lemma = word.lemma_.lower()
    if lemma in classes.get("blame", ()):
        return _entry("111", "ACCUSE", lemma)
    if lemma in classes.get("praise", ()):
        return _entry("051", "SUPPORT", lemma)
    return None


def _judged_party(thing, mentions, resolve) -> list:
    """Who is judged: the thing itself when it is a party ("the mayor's rival, Ana Ruiz"),
    else whom it belongs to ("his policies" -> his, "the actions of the minister" -> the minister)."""
    return resolve([thing], mentions) or resolve(
        [c for c in thing.children if c.dep_ == "poss"] + args.pobjs(thing, ["of"]), mentions
    )


def evaluations(doc, mentions, classes: dict) -> list:
    """Drafts for the judgements in `doc` (see the module docstring)."""
    from .extract import Draft, confidence
    from .parties import resolve

    out = []
    for word in doc:
        entry = _judged(word, classes) if word.dep_ in ("oprd", "attr", "acomp", "appos") else None
        if entry is None:
            continue
        verb = word.head
        if word.dep_ == "appos" and verb.dep_ == "dobj":
            # "called France's plan a sham": the parser takes the name for an apposition
            verb = verb.head
        if word.dep_ in ("oprd", "appos") and verb.lemma_.lower() in NAMING_VERBS:
            judge, thing = args.subject_heads(verb), args.object_heads(verb)
        elif (
            verb.lemma_.lower() in COPULAS
            and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in REPORTING_VERBS
            and not any(c.dep_ == "neg" for c in verb.children)
        ):  # "we aren't dangerous"
            judge = args.subject_heads(verb.head)
            thing = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            continue
        actors = resolve(judge, mentions)
        recipients = [
            e for t in thing for e in _judged_party(t, mentions, resolve) if e not in actors
        ]
        if not actors:
            continue
        out.append(
            Draft(
                trigger=word,
                entry=entry,
                actors=actors,
                recipients=recipients,
                confidence=confidence(actors, recipients, False, True),
            )
        )
    return out

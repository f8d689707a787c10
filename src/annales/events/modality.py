"""Modality of an event: asserted, negated, future or hypothetical, read off the dependency parse.

The trigger's own clause is read first (its `neg` and `aux` children, a conditional `mark`,
a conditional clause hanging off it), then the chain of clauses above it: each xcomp/ccomp
edge into a verb such as "hope", "refuse" or "plan" projects that verb's modality onto the
embedded event ("hopes to take" -> take is hypothetical; "refused to do" -> negated; "plans to
visit" -> future).  A noun trigger first climbs to the verb it is the object or subject of
("threatened sanctions" -> hypothetical, "imposed sanctions" -> whatever "imposed" is).

Precedence, when several signals meet: hypothetical > negated > future > asserted.

* hypothetical wins because a possible, desired or conditional event has not happened, and
  negating a possibility ("might not attack") leaves it a possibility.
* negated beats future: "Israel will not cooperate" is a statement that the cooperation will
  not happen.  Users filter on "asserted or future" to count planned cooperation; a refusal
  must never land there, so the negation is the fact kept.
* "would" is hypothetical, except when it is the past of "will" in reported speech ("a PLO
  official said France would recognize Palestine" -> future), i.e. the clause is the ccomp of
  a past-tense reporting verb.

What is deliberately left alone: hedges such as "reportedly" or "allegedly" keep an event
asserted (the source is doubted, not the event's reality; attribution records the source);
double negation ("did not refuse to") stays negated; temporal clauses ("after X attacked")
and relative clauses describe presupposed facts and do not inherit the main clause's modality.
"""

from __future__ import annotations

import re
from typing import Optional

from . import cues

PRECEDENCE = ("hypothetical", "negated", "future", "asserted")
_WOULD = "would"  # provisional signal: hypothetical unless back-shifted under a reporting verb
_ANY = "any"  # provisional signal: hypothetical unless the clause is negated
_VERBAL = {"VERB", "AUX"}
_PREDICATE_HEADS = {"VERB", "AUX", "ADJ"}
# A token on one of these edges heads a clause even when mis-tagged as a noun ("resign").
_CLAUSAL_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "pcomp", "parataxis"}
_WH_TAGS = {"WP", "WP$", "WRB", "WDT"}
_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
_CONDITION_DEPS = {"ccomp", "advcl", "conj", "xcomp", "prep"}


def modality_of(token) -> str:
    """One of "asserted", "negated", "future", "hypothetical" for the event triggered by token."""
    signals: set[str] = set()
    clausal = token.pos_ in _PREDICATE_HEADS or token.dep_ in _CLAUSAL_DEPS
    if not clausal:
        own = _noun_modifiers(token)
        if own:
            return next(m for m in PRECEDENCE if m in own)
        if _presupposed(token):
            return "asserted"
    verb = token if clausal else _governing_verb(token, signals)
    if verb is not None:
        signals |= _own_signals(verb)
        _climb(verb, signals)
    if _ends_in_question(token):
        signals.add("hypothetical")
    if verb is not None and _effective_now(verb):
        # "said he would resign effective immediately", "will step down with immediate effect":
        # the act takes effect as it is announced
        signals -= {_WOULD, "future"}
    if _WOULD in signals:
        signals.discard(_WOULD)
        signals.add("hypothetical")
    if _ANY in signals:  # "any attack" is a possible one, unless none is said to happen
        signals.discard(_ANY)
        if "negated" not in signals:
            signals.add("hypothetical")
    return next((m for m in PRECEDENCE if m in signals), "asserted")


def _effective_now(verb) -> bool:
    kids = list(verb.children)
    for child in kids:
        # "immediately" hangs on "effective" or on the verb itself
        if child.lower_ == "effective" and any(
            g.lower_ == "immediately" for g in list(child.children) + kids
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "with":
            if any(
                g.lower_ == "effect" and any(a.lower_ == "immediate" for a in g.children)
                for g in child.children
            ):
                return True
    return False


def _own_signals(verb) -> set[str]:
    """Markers on one clause: negation, modal/future auxiliaries, conditions."""
    found: set[str] = set()
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and low in {"never", "not", "n't"}):
            found.add("negated")
        elif (
            child.dep_ == "advmod"
            and low == "longer"
            and any(g.lower_ == "no" for g in child.children)
        ):
            found.add("negated")  # "no longer recognizes"
        elif child.dep_ in {"aux", "auxpass"}:
            forms = {low, child.lemma_.lower()}
            if low == "would":
                found.add(_WOULD)
            elif forms & cues.HYPOTHETICAL_MODALS:
                found.add("hypothetical")
            elif forms & cues.FUTURE_MODALS:
                found.add("future")
        elif child.dep_ in {"nsubj", "nsubjpass"} and _negative_subject(child):
            found.add("negated")  # "no country recognized", "neither side agreed"
        elif child.dep_ == "advcl" and _is_conditional(child):
            if not _condition_of_complement(verb, child):
                found.add("hypothetical")  # main clause of "if missed, the UN will impose"
        elif _provided_that(child) or _in_case_of(child):
            found.add("hypothetical")  # "will allow fuel provided that", "in case of war"
    if verb.dep_ in {"advcl", "ccomp", "xcomp", "pcomp"} and (
        _is_conditional(verb) or _provided_that(verb.head)
    ):
        found.add("hypothetical")  # the condition itself: "if the deadline is missed"
    elif any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
        # an open question wherever the parser hangs it: "an inquiry into the election and
        # whether the campaign colluded" (a conjunct of "election")
        found.add("hypothetical")
    return found


def _provided_that(tok) -> bool:
    """ "provided (that) Hamas releases the hostages": the parser makes "provided" a clause
    of its own (ccomp/advcl) whose complement clause is the condition."""
    return (
        tok.lower_ in cues.CONDITIONAL_PARTICIPLES
        and tok.dep_ in _CONDITION_DEPS
        and any(c.dep_ in {"ccomp", "advcl", "pcomp"} for c in tok.children)
    )


def _in_case_of(prep) -> bool:
    """ "in case of a no-deal Brexit", "in the event of an attack": a condition on the clause."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(
            c.dep_ == "pobj"
            and c.lemma_.lower() in cues.CONDITIONAL_PREP_NOUNS
            and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
            for c in prep.children
        )
    )


def _condition_of_complement(verb, condition) -> bool:
    """ "threatened to arm North Korea if the West keeps supplying Ukraine": the parser hangs
    the condition on the threat, but it is the threatened act that depends on it; the threat
    itself was made.  True for a speech verb with a complement clause before the condition."""
    return cues.lemma_in(verb, cues.REPORTING_VERBS) and any(
        c.dep_ in {"xcomp", "ccomp"} and c.i < condition.i for c in verb.children
    )


def _conditioned_from_above(verb, head) -> bool:
    """The complement of "threatened ... if ..." (see _condition_of_complement)."""
    return any(
        c.dep_ == "advcl" and _is_conditional(c) and c.i > verb.i for c in head.children
    ) and _condition_of_complement(
        head, next(c for c in head.children if c.dep_ == "advcl" and _is_conditional(c))
    )


def _negative_subject(subject) -> bool:
    if subject.lower_ in cues.NEGATIVE_PRONOUNS:
        return True
    return any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "neither"} for c in subject.children)


def _is_conditional(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in cues.CONDITIONAL_MARKS for c in clause.children)


def _is_infinitival(clause) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _stranded_noun(verb, head):
    """The noun an infinitive hung on the verb `head` really completes: the object of one of
    the verb's prepositions, right before the "to" ("engaged in talks to ..."); object control
    never runs through a preposition."""
    if not _is_infinitival(verb):
        return None
    first = min(t.i for t in verb.subtree)
    before = verb.doc[first - 1] if first > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.dep_ == "pobj"
        and before.head.dep_ == "prep"
        and before.head.head.i == head.i
    ):
        return before
    return None


def _climb(verb, signals: set[str]) -> None:
    """Walk up the clause chain, adding what each governing clause projects downwards."""
    while verb.head.i != verb.i:
        edge, head = verb.dep_, verb.head
        # a gerund object is a clause too: "will resume lending ... only if ..."
        gerund = edge == "dobj" and verb.tag_ == "VBG"
        if (edge in {"xcomp", "ccomp"} or gerund) and head.pos_ in _PREDICATE_HEADS:
            if _conditioned_from_above(verb, head):
                signals.add("hypothetical")
                return
            noun = _stranded_noun(verb, head) if edge == "xcomp" else None
            if noun is not None:
                # "engaged in negotiations to hand over the prisoners": the infinitive says what
                # the noun is for, as if it hung on the noun (the acl rule below)
                future = cues.lemma_in(noun, cues.FUTURE_HEAD_NOUNS)
                signals.add("future" if future else "hypothetical")
                return
            obligation = head.lemma_.lower() == "have" and _is_infinitival(verb)  # "have to"
            directive = (
                edge == "xcomp"
                and _is_infinitival(verb)
                and cues.lemma_in(head, cues.DIRECTIVE_VERBS)
            )
            if obligation or directive or cues.lemma_in(head, cues.HYPOTHETICAL_VERBS):
                signals.add("hypothetical")
                return
            if edge == "ccomp" and _uncertain(head):
                signals.add("hypothetical")  # "it is unclear whether the militia will leave"
                return
            if cues.lemma_in(head, cues.NEGATING_VERBS):
                signals.add("negated")
            elif cues.lemma_in(head, cues.FUTURE_VERBS) and _projects_future(verb, head):
                signals.add("future")
            elif edge == "ccomp" and cues.lemma_in(head, cues.REPORTING_VERBS):
                # Reported content keeps its own modality; only "would" is back-shifted.
                if _WOULD in signals and head.tag_ in {"VBD", "VBN"}:
                    signals.discard(_WOULD)
                    signals.add("future")
                return
            signals |= _own_signals(head) - {_WOULD}
        elif edge == "conj":
            if _joined_by_nor(head, verb):
                signals.add("negated")  # "did not expel the envoy, nor did it freeze assets"
            if not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children):
                signals |= _own_signals(head)  # shared subject: "will meet and sign"
        elif edge in {"advcl", "acl", "relcl"}:
            if (
                edge == "acl"
                and _is_infinitival(verb)
                and cues.lemma_in(head, cues.FUTURE_HEAD_NOUNS)
            ):
                # "unveiled her plan to dissolve", "its pledge to withdraw"; but "has no
                # plans to resign" says it will not happen
                signals.add("negated" if _negative_subject(head) else "future")
            elif edge == "acl" and _is_infinitival(verb) and _ranked(head):
                pass  # "the first Arab states to normalize relations": they did
            elif _is_infinitival(verb) or any(
                c.dep_ == "mark" and c.lower_ in cues.PURPOSE_MARKS for c in verb.children
            ):
                signals.add("hypothetical")  # purpose: "a motion to recognize", "to advance"
            elif edge == "acl" and cues.lemma_in(head, cues.HYPOTHETICAL_HEAD_NOUNS):
                signals.add("hypothetical")  # "Ankara's demand that Athens extradite ..."
            return
        elif (
            edge == "ccomp"
            and head.pos_ == "NOUN"
            and cues.lemma_in(head, cues.HYPOTHETICAL_HEAD_NOUNS)
        ):
            signals.add("hypothetical")  # "the demand that Britain take back its citizens"
            return
        elif edge == "pcomp":
            if head.lower_ in cues.NEGATING_PREPOSITIONS:
                signals.add("negated")  # "left without signing"
            elif _kept_from(head):
                signals.add("negated")  # "blocked the ministry from deporting them"
            elif head.lower_ == "against" and cues.lemma_in(head.head, cues.DIRECTIVE_VERBS):
                signals.add("hypothetical")  # "warned Ukraine against joining NATO"
            if head.head.pos_ not in _VERBAL:
                return
            head = head.head
            signals |= _own_signals(head) - {_WOULD}
        else:
            return
        verb = head


_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")  # "the 15th senator to call for ..."


def _ranked(noun) -> bool:
    """ "the first / last / only country to recognize it": an infinitive after a ranking
    names what the noun did, not a purpose."""
    return any(
        c.dep_ == "amod"
        and (
            c.lower_ in cues.RANKING_ADJECTIVES
            or c.ent_type_ == "ORDINAL"
            or _ORDINAL.match(c.text)
        )
        for c in noun.children
    )


def _uncertain(head) -> bool:
    """ "it is unclear / not clear / not certain that ...": the copula's adjective says the
    content is uncertain."""
    adjectives = [c for c in head.children if c.dep_ == "acomp"]
    if any(a.lower_ in cues.UNCERTAINTY_ADJECTIVES for a in adjectives):
        return True
    negated = "negated" in _own_signals(head) or any(
        c.dep_ == "neg" for a in adjectives for c in a.children
    )
    return negated and any(a.lower_ in cues.CERTAINTY_ADJECTIVES for a in adjectives)


def _kept_from(prep) -> bool:
    """ "from" after a verb of preventing, with its object: "barred X from entering"."""
    return (
        prep.lower_ == "from"
        and cues.lemma_in(prep.head, cues.PREVENTING_VERBS)
        and any(c.dep_ == "dobj" for c in prep.head.children)
    )


def _joined_by_nor(head, conjunct) -> bool:
    """A "nor" between two conjoined clauses negates the second."""
    return any(
        c.dep_ in {"cc", "preconj"} and c.lower_ == "nor" and head.i < c.i < conjunct.i
        for c in list(head.children) + list(conjunct.children)
    )


def _projects_future(verb, head) -> bool:
    lemma = head.lemma_.lower()
    if lemma == "be":  # "the minister is to visit"
        return verb.dep_ == "xcomp" and _is_infinitival(verb)
    if lemma == "go":  # "is going to", not "went to sign"
        return head.tag_ == "VBG" and _is_infinitival(verb)
    return True


def _noun_modifiers(noun) -> set[str]:
    """What a noun trigger's own modifiers say: "the planned visit", "a promised withdrawal",
    "a withdrawal promised by Trump" (future); "the proposed sanctions", "a possible strike"
    (hypothetical); "no talks" (negated)."""
    found: set[str] = set()
    for child in noun.children:
        low, lemma = child.lower_, child.lemma_.lower()
        before = child.dep_ in {"amod", "acl"} and child.i < noun.i  # "the planned visit"
        participle = child.dep_ == "acl" and child.tag_ == "VBN"  # "a withdrawal promised by"
        if child.dep_ in {"det", "neg"} and low == "no":
            found.add("negated")  # "there will be no talks"
        elif before or participle:
            if low in cues.FUTURE_NOUN_MODIFIERS or (
                child.tag_ == "VBN" and lemma in cues.FUTURE_OBJECT_VERBS
            ):
                found.add("future")
            elif low in cues.HYPOTHETICAL_NOUN_MODIFIERS or (
                child.tag_ == "VBN" and lemma in cues.HYPOTHETICAL_OBJECT_VERBS
            ):
                found.add("hypothetical")
    return found


def _presupposed(noun) -> bool:
    """A possessed event noun as a clause's subject or a preposition's object refers to an
    act that took place, whatever the clause says of it: "the senator did not reply to
    the governor's rebuke", "hoped Canada's condemnation would sway voters".  Not where the
    preposition itself says the act is wanted or feared ("called for Israel's withdrawal",
    "the threat of Russia's intervention")."""
    if any(_says_it_took_place(c) for c in noun.children if c.dep_ == "relcl"):
        return True  # "a call she had with her counterpart", "the meeting she attended"
    if (
        noun.dep_ == "nsubj"
        and not cues.lemma_in(noun.head, cues.OCCURRENCE_VERBS)
        and not any(
            c.dep_ == "det" and c.lower_ in {"a", "an", "any", "no", "another"}
            for c in noun.children
        )
    ):
        return True  # "if the negotiations produce a deal", "the attack may spark reprisals"
    if not any(c.dep_ == "poss" for c in noun.children):
        return False
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        signals: set[str] = set()
        _prepositional_signal(noun.head, signals)
        return not signals
    return False


# Verbs of taking part in or carrying out an event: in a relative clause on the event noun they
# say it took place ("the talks they held"); "the meeting they had planned" says no such thing.
TAKING_PART_VERBS = frozenset(
    {"have", "hold", "attend", "conduct", "carry", "launch", "stage", "host", "join", "lead"}
)


def _says_it_took_place(clause) -> bool:
    """A relative clause in the past tense, plain and affirmative, whose verb is one of
    taking part: "(a conversation) he had with his father", "(the meeting) she attended"."""
    past = clause.tag_ == "VBD" or (
        clause.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
    )
    return (
        past
        and clause.lemma_.lower() in TAKING_PART_VERBS
        and not _own_signals(clause)
        and not any(c.dep_ == "mark" for c in clause.children)
    )


def _governing_verb(noun, signals: set[str]) -> Optional[object]:
    """The verb a noun trigger belongs to, adding what the path to it projects ("no talks"
    was read by _noun_modifiers already)."""
    if any(c.lower_ == "any" and c.dep_ == "det" for c in noun.children):
        signals.add(_ANY)  # "would respond to any aggression": whichever may come
    cur = noun
    for _ in range(6):  # a few hops: "the threat of new sanctions against Russia"
        head, dep = cur.head, cur.dep_
        if head.i == cur.i:
            return None
        if dep in _OBJECT_DEPS and head.pos_ in _VERBAL:
            if cues.lemma_in(head, cues.HYPOTHETICAL_OBJECT_VERBS):
                signals.add("hypothetical")
            elif cues.lemma_in(head, cues.NEGATING_OBJECT_VERBS):
                signals.add("negated")
            elif cues.lemma_in(head, cues.FUTURE_OBJECT_VERBS):
                signals.add("future")
            return head
        if dep == "pobj":
            if head.lower_ in cues.PRESUPPOSING_PREPOSITIONS:
                return None  # a time or circumstance named in passing: it took place
            if head.lower_ == "of" and head.head.lower_ in cues.AHEAD_WORDS:
                signals.add("future")  # "met on Monday ahead of talks with Iran"
                return None
            if head.lower_ == "of" and cues.lemma_in(head.head, cues.EXPRESSION_NOUNS):
                return None  # "offering a statement of support": the support was expressed
            _prepositional_signal(head, signals)
        if head.pos_ in _VERBAL:
            return head  # nsubj, npadvmod, prep ...: the event noun takes its verb's modality
        cur = head
    return None


def _prepositional_signal(prep, signals: set[str]) -> None:
    word, owner = prep.lower_, prep.head
    owner_lemma = owner.lemma_.lower()
    if word in cues.NEGATING_PREPOSITIONS:
        signals.add("negated")
    elif word == "for" and owner.pos_ in _VERBAL and cues.lemma_in(owner, cues.FOR_OBJECT_VERBS):
        signals.add("hypothetical")  # "called for sanctions"
    elif word in {"of", "for"} and owner.pos_ == "NOUN":
        if word == "of" and _in_case_of(owner.head):
            signals.add("hypothetical")  # "in case of an attack"
        elif owner_lemma in cues.HYPOTHETICAL_HEAD_NOUNS:
            signals.add("hypothetical")  # "the threat of sanctions"
        elif owner_lemma in cues.FUTURE_HEAD_NOUNS:
            signals.add("future")


def _ends_in_question(token) -> bool:
    """True for a yes/no question: the first sentence-final mark after the token is "?" and no
    wh-word comes before it ("Will Iran attack?"; but "Who attacked the convoy?" presupposes
    that somebody did)."""
    sent = token.sent
    end = next((t for t in token.doc[token.i : sent.end] if t.text in {"?", ".", "!"}), None)
    if end is None or end.text != "?":
        return False
    start = max(
        (
            t.i + 1
            for t in token.doc[sent.start : token.i]
            if t.text in {".", "!", "?"} or t.text in cues.OPENING_QUOTES
        ),
        default=sent.start,
    )
    return not any(t.tag_ in _WH_TAGS for t in token.doc[start : end.i])

"""Word lists for modality and attribution, kept as data so they can be read and extended.

All entries are lower-case lemmas (spaCy `token.lemma_`, lower-cased) unless said otherwise.
Each list says which dependency edge it acts on; the rules that use them live in
`events/modality.py` and `events/attribution.py`.
"""

from __future__ import annotations

# --- modality: auxiliaries and adverbs on the event's own verb --------------------------------
# Modal auxiliaries that make the event only possible ("may recognize", "could impose").
HYPOTHETICAL_MODALS = frozenset(
    {"may", "might", "could", "would", "should", "must", "ought", "can"}
)
# Auxiliaries of the future ("will impose", "shall meet", "'ll go"; "wo" is spaCy's lemma
# piece of "won't").
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
# Subjects that negate their clause ("nobody was hurt", "none of the states recognized").
NEGATIVE_PRONOUNS = frozenset({"none", "nobody", "neither", "nothing", "noone"})

# --- modality: verbs that project a modality onto their xcomp/ccomp (the embedded event) -------
# "refused to recognize", "denied that it attacked", "failed to agree": embedded is negated.
NEGATING_VERBS = frozenset(
    {
        "refuse",
        "decline",
        "fail",
        "deny",
        "reject",
        "stop",
        "cease",
        "avoid",
        "abandon",
        "forgo",
        "neglect",
        "oppose",
    }
)
# Desire, intent, demand, attempt, threat: the embedded event is not (yet) done.
# ("hopes to take", "wants X to recognize", "urged X to release", "threatened to impose").
HYPOTHETICAL_VERBS = frozenset(
    {
        "hope",
        "want",
        "wish",
        "seek",
        "aim",
        "desire",
        "try",
        "attempt",
        "strive",
        "endeavour",
        "endeavor",
        "urge",
        "ask",
        "call",
        "demand",
        "request",
        "press",
        "push",
        "pressure",
        "encourage",
        "appeal",
        "plead",
        "beg",
        "implore",
        "invite",
        "advise",
        "recommend",
        "propose",
        "offer",
        "threaten",
        "consider",
        "weigh",
        "mull",
        "contemplate",
        "need",
        "require",
        "lobby",
        "campaign",
        "wonder",
        "persuade",
        "convince",
        "able",
        "like",
        "prefer",
        "eager",
        "keen",
        "willing",
        "ready",
        "look",  # "is looking to buy": seeking
        "sue",
        "fight",
        "struggle",
        "scramble",  # "sued to block the merger": an attempt
        "likely",
        "unlikely",
        "probable",  # "is likely to attack": a possibility, not a fact
    }
)
# Directives: with an infinitive ("told the army to release", "ordered troops to withdraw")
# the embedded event is only demanded.  Only on that edge: "told reporters that X attacked"
# reports a fact, and implicative verbs ("forced X to withdraw") are left out on purpose.
DIRECTIVE_VERBS = frozenset(
    {
        "tell",
        "order",
        "instruct",
        "direct",
        "command",
        "authorize",
        "authorise",
        "warn",
        "remind",
        "summon",
    }
)
# Preventing someone from doing something: the act is not done ("blocked the administration
# from enforcing the rules", "barred the envoy from entering").
PREVENTING_VERBS = frozenset(
    {
        "prevent",
        "block",
        "bar",
        "ban",
        "stop",
        "keep",
        "prohibit",
        "deter",
        "restrain",
        "forbid",
        "exclude",
    }
)
# Plans, schedules, expectations, promises: the embedded event is future.
# ("plans to", "is set to", "is expected to", "intends to", "scheduled to", "is going to",
# "vowed to", "agreed to hold talks", "is to visit").
FUTURE_VERBS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "schedule",
        "set",
        "go",
        "prepare",
        "promise",
        "pledge",
        "vow",
        "commit",
        "agree",
        "due",
        "poise",
        "slate",
        "anticipate",
        "predict",
        "forecast",
        "decide",
        "be",
    }
)

# --- modality: nouns as triggers -----------------------------------------------------------------
# A noun event that is the object of these verbs is not done ("threatened sanctions",
# "demanding a halt", "seeks talks"); the verb itself keeps its own modality.
HYPOTHETICAL_OBJECT_VERBS = frozenset(
    {
        "threaten",
        "demand",
        "seek",
        "want",
        "request",
        "urge",
        "propose",
        "suggest",
        "consider",
        "offer",
        "desire",
        "need",
        "require",
        "hope",
        "favour",
        "favor",
        "advocate",
        "recommend",
        "weigh",
        "mull",
        "contemplate",
        "rehearse",
        "simulate",
        "practise",
        "practice",
    }
)
NEGATING_OBJECT_VERBS = frozenset(
    {
        "refuse",
        "reject",
        "deny",
        "decline",
        "rule",
        "oppose",
        "veto",
        "block",
        "avoid",
        "forgo",
        "skip",
        "miss",
        "snub",
        "shun",
    }
)  # "skipped the meeting"
# Nouns of expressing: "a statement of support", "expressions of concern", "a show of force":
# the of-phrase names what was expressed, so the verb above ("offering a statement of
# support") does not make it only possible.
EXPRESSION_NOUNS = frozenset(
    {
        "statement",
        "expression",
        "message",
        "show",
        "display",
        "declaration",
        "gesture",
        "sign",
        "signal",
        "letter",
        "note",
        "word",
        "words",
        "demonstration",
    }
)
FUTURE_OBJECT_VERBS = frozenset(
    {"plan", "schedule", "promise", "pledge", "vow", "prepare", "expect", "announce"}
)
# "called for sanctions", "pushed for talks", "hope for peace": the pobj of `for` is not done.
FOR_OBJECT_VERBS = frozenset(
    {
        "call",
        "push",
        "press",
        "appeal",
        "ask",
        "lobby",
        "campaign",
        "argue",
        "hope",
        "wait",
        "plead",
        "beg",
        "clamour",
        "clamor",
        "vote",
        "wish",
        "pray",
    }
)
# Nouns whose of/for complement is not done ("the threat of sanctions", "calls for talks",
# "a plan for withdrawal").
HYPOTHETICAL_HEAD_NOUNS = frozenset(
    {
        "threat",
        "call",
        "demand",
        "request",
        "proposal",
        "offer",
        "hope",
        "possibility",
        "prospect",
        "risk",
        "bid",
        "push",
        "attempt",
        "appeal",
        "plea",
        "idea",
        "option",
        "chance",
    }
)
FUTURE_HEAD_NOUNS = frozenset(
    {"plan", "schedule", "promise", "pledge", "intention", "decision"}
)  # "the decision to withdraw": decided, not done
# "It is not clear that X will ...", "it is unclear/uncertain": what follows is only possible
# (with "not", the certainty is denied, not the event).
CERTAINTY_ADJECTIVES = frozenset({"clear", "certain", "sure", "known", "evident", "obvious"})
UNCERTAINTY_ADJECTIVES = frozenset({"unclear", "uncertain", "unknown", "doubtful"})
# Adjectives in front of an event noun (surface forms): "the planned visit", "upcoming talks"
# are future; "a proposed ban", "possible strikes" are not (yet) done.
FUTURE_NOUN_MODIFIERS = frozenset(
    {
        "planned",
        "scheduled",
        "upcoming",
        "forthcoming",
        "impending",
        "promised",
        "pledged",
        "announced",
        "expected",
        "imminent",
    }
)
HYPOTHETICAL_NOUN_MODIFIERS = frozenset(
    {
        "proposed",
        "possible",
        "potential",
        "prospective",
        "threatened",
        "hypothetical",
        "mooted",
        "would-be",
        "desired",
        "demanded",
        "requested",
        "contemplated",
    }
)

# --- modality: clause markers -------------------------------------------------------------------
# `mark` of an advcl/ccomp that makes it a condition or an open question.  "in case" and
# "provided (that)" arrive as two tokens; the first word is enough because these words do not
# head any other kind of adverbial clause.
CONDITIONAL_MARKS = frozenset(
    {
        "if",
        "unless",
        "provided",
        "providing",
        "whether",
        "lest",
        "case",
        "assuming",
        "suppose",
        "supposing",
    }
)
# "provided that X", parsed as a participle whose that-clause is the condition.
CONDITIONAL_PARTICIPLES = frozenset({"provided", "providing"})
# "in case of an attack", "in the event of a default": the pobj noun names a condition.
CONDITIONAL_PREP_NOUNS = frozenset({"case", "event"})
# Purpose clauses ("sent envoys to negotiate", "in order to", "so that") are intended, not done.
PURPOSE_MARKS = frozenset({"order", "so"})
# Prepositions whose object event is a presupposed fact, whatever the main clause says ("did
# not attack during the talks", "may expel the envoy after the attack on its embassy"): the
# talks and the attack happened.  "before" and "until" are left out: what they name may not.
PRESUPPOSING_PREPOSITIONS = frozenset(
    {"after", "during", "following", "since", "amid", "amidst", "despite", "throughout"}
)
# Verbs that say whether their subject event happens at all ("new strikes may follow",
# "talks could begin", "a vote would take place", "sanctions would be a mistake"): the event
# noun takes their modality instead of being presupposed (modality._presupposed).
OCCURRENCE_VERBS = frozenset(
    {
        "follow",
        "come",
        "happen",
        "occur",
        "ensue",
        "begin",
        "start",
        "resume",
        "proceed",
        "continue",
        "erupt",
        "break",
        "take",
        "be",
        "go",
        "materialize",
        "materialise",
        "loom",
        "await",
        "result",
    }
)
# "the first country to recognize", "the only state to vote against": the infinitive is done.
RANKING_ADJECTIVES = frozenset(
    {"first", "last", "only", "second", "third", "latest", "fourth", "fifth"}
)
# "ahead of the summit", "in advance of the vote": what the of-phrase names is still to come.
AHEAD_WORDS = frozenset({"ahead", "advance"})
# Prepositions whose pcomp is not done ("left without signing", "instead of attacking").
NEGATING_PREPOSITIONS = frozenset({"without", "instead"})

# --- attribution --------------------------------------------------------------------------------
# Verbs that report speech or a stated position; their ccomp/parataxis is the reported content.
# ("said", "told Breitbart Jerusalem", "claimed", "added", "conceded", "continued",
# "announced", "stated", "insisted", "warned", "denied that").
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "claim",
        "add",
        "concede",
        "continue",
        "announce",
        "state",
        "insist",
        "warn",
        "argue",
        "assert",
        "allege",
        "report",
        "note",
        "explain",
        "stress",
        "emphasize",
        "emphasise",
        "acknowledge",
        "admit",
        "confirm",
        "deny",
        "declare",
        "reiterate",
        "maintain",
        "write",
        "tweet",
        "post",
        "reply",
        "respond",
        "answer",
        "recall",
        "reveal",
        "disclose",
        "indicate",
        "observe",
        "remark",
        "comment",
        "contend",
        "charge",
        "accuse",
        "predict",
        "estimate",
        "believe",
        "think",
        "agree",
        "conclude",
        "suggest",
        "signal",
        "quote",
        "testify",
        "inform",
        "assure",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "boast",
        "complain",
        "lament",
        "urge",
        "caution",
        "affirm",
        "underline",
        "underscore",
        "highlight",
        "point",
        "hint",
        "speculate",
        "ask",
        "wonder",
    }
)
# Adverbs that report hearsay without naming a source ("Iran reportedly attacked").
HEARSAY_ADVERBS = frozenset(
    {"reportedly", "allegedly", "purportedly", "reputedly", "supposedly", "apparently"}
)
# Edges from a reporting verb down to what it reports.
REPORTED_CONTENT_DEPS = frozenset({"ccomp", "parataxis"})

# Head nouns of speakers who are not named ("a member of the PLO executive council",
# "diplomats", "sources", "a senior official").  A proper name in apposition or a PERSON
# entity inside the phrase names the speaker after all ("a senior official, John Smith,").
ANONYMOUS_SPEAKER_NOUNS = frozenset(
    {
        "official",
        "source",
        "diplomat",
        "member",
        "aide",
        "adviser",
        "advisor",
        "insider",
        "person",
        "people",
        "officer",
        "analyst",
        "observer",
        "expert",
        "witness",
        "resident",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "envoy",
        "negotiator",
        "activist",
        "figure",
        "lawmaker",
        "legislator",
        "someone",
        "one",
        "colleague",
        "confidant",
        "associate",
        "staffer",
        "employee",
        "delegate",
        "participant",
        # ordinary people quoted without a name ("one demonstrator said", "a teacher told AFP")
        "protester",
        "protestor",
        "demonstrator",
        "student",
        "teacher",
        "worker",
        "villager",
        "citizen",
        "man",
        "woman",
        "farmer",
        "soldier",
        "journalist",
        "reporter",
        "doctor",
        "nurse",
        "parent",
        "mother",
        "father",
        "victim",
        "survivor",
        "refugee",
        "local",
        "fighter",
        "militant",
        "rebel",
        "youth",
        "voter",
        "supporter",
        "opponent",
        "critic",
        "authority",  # "the authorities said": lower-case, so never the Palestinian Authority
    }
)
# Pronouns that refer back to the last named speaker.
THIRD_PERSON_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})

# Quotation marks.  Single quotes are left out on purpose: they double as apostrophes, and
# in news copy they only nest inside double quotes or mark headline quotes.
OPENING_QUOTES = frozenset({"“", "„", "«"})
CLOSING_QUOTES = frozenset({"”", "»"})
STRAIGHT_QUOTES = frozenset({'"'})


def lemma_in(token, words: frozenset[str]) -> bool:
    """Whether the token's lemma is in `words`, forgiving the tagger's lemma slips.

    en_core_web_sm lemmatizes "hopes" as "hop" when it tags it as a noun-ish verb; a naive
    suffix strip of the surface form catches those cases without a second lemmatizer.
    """
    if token.lemma_.lower() in words:
        return True
    low = token.lower_
    for suffix in ("s", "es", "ed", "d", "ing"):
        if low.endswith(suffix) and low[: -len(suffix)] in words:
            return True
    return False

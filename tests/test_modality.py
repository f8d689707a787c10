"""Modality from the dependency parse (events/modality.py).

Each case is a real-looking news sentence, the trigger word to read, and the modality a coder
must give it.  The traps come first: the words that turn a fact into a possibility, a plan or
a refusal.
"""

from __future__ import annotations

import pytest

from annales.events.modality import PRECEDENCE, modality_of

CASES = [
    # modal verbs
    (
        "European countries may recognize Palestine as an independent state.",
        "recognize",
        "hypothetical",
    ),
    ("Russia could impose new sanctions on Ukraine.", "impose", "hypothetical"),
    ("The council would vote on the resolution.", "vote", "hypothetical"),
    ("Israel should not build new settlements.", "build", "hypothetical"),
    ("Iran can't sign the deal in its current form.", "sign", "hypothetical"),
    # back-shifted "will" in reported speech is future, not hypothetical: "would" under a past-tense
    # reporting verb is the past of "will"
    ("A PLO official said France would recognize Palestine.", "recognize", "future"),
    (
        "It was not clear that the administration would make any public declaration.",
        "make",
        "hypothetical",
    ),
    # future
    ("Iran will sign the deal next week.", "sign", "future"),
    ("Iran will seek talks with the European Union.", "seek", "future"),
    ("Iran is going to sign the deal.", "sign", "future"),
    ("Iran plans to sign the deal in Vienna.", "sign", "future"),
    ("Iran intends to sign the deal in Vienna.", "sign", "future"),
    ("Iran is set to sign the deal.", "sign", "future"),
    ("Iran is expected to sign the deal.", "sign", "future"),
    ("The talks are scheduled to resume on Monday.", "resume", "future"),
    ("The minister is to visit Moscow next week.", "visit", "future"),
    ("Israel vowed to retaliate.", "retaliate", "future"),
    ("Israel will continue to build settlements.", "build", "future"),
    ("Israel continued to build settlements.", "build", "asserted"),
    ("The minister will meet his Iranian counterpart and sign a deal.", "sign", "future"),
    # negation
    ("Israel will not cooperate of course.", "cooperate", "negated"),
    (
        "The White House does not currently back any move at the UN on the matter.",
        "back",
        "negated",
    ),
    ("Iran won't sign the deal.", "sign", "negated"),
    ("Israel never recognized the agreement.", "recognized", "negated"),
    ("Israel no longer recognizes the agreement.", "recognizes", "negated"),
    ("The U.S. and most European countries have refused to do so.", "do", "negated"),
    ("Israel declined to comment on the report.", "comment", "negated"),
    ("The talks failed to produce a deal.", "produce", "negated"),
    ("Israel denied that it had attacked the convoy.", "attacked", "negated"),
    ("Israel denied attacking the convoy.", "attacking", "negated"),
    ("The delegation left without signing the deal.", "signing", "negated"),
    ("There will be no talks with Iran this year.", "talks", "negated"),
    ("Neither side agreed to the ceasefire.", "agreed", "negated"),
    ("No country recognized the new government.", "recognized", "negated"),
    ("Israel stopped building settlements.", "building", "negated"),
    ("It is not true that Israel attacked the convoy.", "attacked", "negated"),
    # a negated report is not a negated event; a report of a negation is
    ("Lavrov did not say that Turkey attacked the convoy.", "attacked", "asserted"),
    ("Lavrov said Turkey did not attack the convoy.", "attack", "negated"),
    # conditionals and open questions
    ("Israel has not yet decided whether to attend the summit.", "attend", "hypothetical"),
    ("If Iran attacks, Israel will retaliate.", "retaliate", "hypothetical"),
    ("If Iran attacks, Israel will retaliate.", "attacks", "hypothetical"),
    ("Israel will retaliate unless Iran withdraws.", "retaliate", "hypothetical"),
    (
        "We also seek to set a deadline for the establishment of a Palestinian state which, if "
        "missed, the UN will impose sanctions on Israel.",
        "impose",
        "hypothetical",
    ),
    (
        "We also seek to set a deadline for the establishment of a Palestinian state which, if "
        "missed, the UN will impose sanctions on Israel.",
        "sanctions",
        "hypothetical",
    ),
    # desire, intent, demand, threat: the embedded event is hypothetical, the demand asserted
    (
        "The Palestinian Authority hopes to take the campaign to the UN Security Council.",
        "take",
        "hypothetical",
    ),
    (
        "We want the Security Council to recognize Palestine as an occupied state.",
        "recognize",
        "hypothetical",
    ),
    ("Washington urged Tehran to release the sailors.", "release", "hypothetical"),
    ("Washington urged Tehran to release the sailors.", "urged", "asserted"),
    ("The EU called on Israel to halt construction.", "halt", "hypothetical"),
    ("Russia asked Turkey to withdraw its troops.", "withdraw", "hypothetical"),
    ("The protesters demanded that the government resign.", "resign", "hypothetical"),
    ("Iran threatened to close the Strait of Hormuz.", "close", "hypothetical"),
    (
        "We have to establish a position whereby Israel is a danger to world peace.",
        "establish",
        "hypothetical",
    ),
    (
        "When this happens, we will be able to foil the initiative to move the embassy.",
        "foil",
        "hypothetical",
    ),
    (
        "When this happens, we will be able to foil the initiative to move the embassy.",
        "move",
        "hypothetical",
    ),
    # noun triggers take the modality of the verb they belong to
    ("The EU imposed sanctions on Russia.", "sanctions", "asserted"),
    ("The EU threatened sanctions on Russia.", "sanctions", "hypothetical"),
    ("The EU called for sanctions on Russia.", "sanctions", "hypothetical"),
    ("Iran is considering sanctions on Britain.", "sanctions", "hypothetical"),
    ("Israel rejected calls for talks.", "talks", "hypothetical"),
    (
        "A U.S. abstention last month allowed the passage of a resolution demanding a halt to "
        "Israeli construction.",
        "demanding",
        "asserted",
    ),
    (
        "A U.S. abstention last month allowed the passage of a resolution demanding a halt to "
        "Israeli construction.",
        "halt",
        "hypothetical",
    ),
    # "provided that", "in case of": conditions without "if"
    (
        "Jordan will reopen the crossing provided that the militias withdraw from the area.",
        "reopen",
        "hypothetical",
    ),
    (
        "Jordan will reopen the crossing provided that the militias withdraw from the area.",
        "withdraw",
        "hypothetical",
    ),
    (
        "In case of an attack on its embassy, Italy will evacuate its diplomats.",
        "attack",
        "hypothetical",
    ),
    (
        "Britain would not pay its share of the budget in case of a no-deal exit.",
        "pay",
        "hypothetical",
    ),
    # a condition the parser hangs on the threat belongs to the threatened act
    (
        "Moscow threatened to cut gas supplies to Kyiv if the transit fees rise.",
        "threatened",
        "asserted",
    ),
    (
        "Moscow threatened to cut gas supplies to Kyiv if the transit fees rise.",
        "cut",
        "hypothetical",
    ),
    ("If the talks fail, Iran will resume enrichment.", "resume", "hypothetical"),
    # "any" names a possible event, unless none is said to happen
    ("The army will respond firmly to any attack on its positions.", "attack", "hypothetical"),
    ("The army did not report any attack on its positions.", "attack", "negated"),
    # questions
    ("Will Iran attack Israel?", "attack", "hypothetical"),
    ("Did Israel attack the convoy?", "attack", "hypothetical"),
    ("Who attacked the convoy?", "attacked", "asserted"),  # a wh-question presupposes it
    # facts stay facts
    (
        "A total of 134 countries already recognized the state of Palestine.",
        "recognized",
        "asserted",
    ),
    ("Iran attacked the ship, officials said.", "attacked", "asserted"),
    (
        "He said that the Palestinians are working with members of the European Union.",
        "working",
        "asserted",
    ),
    ("The minister met his Iranian counterpart and signed a deal.", "signed", "asserted"),
    ("Israel rejected the proposal.", "rejected", "asserted"),
    # a rumour is doubted at its source, not in its reality: attribution carries the doubt
    ("Iran reportedly attacked the ship.", "attacked", "asserted"),
    # "nor" negates the second of two clauses
    (
        "Britain did not expel the ambassador, nor did it freeze Russian assets.",
        "freeze",
        "negated",
    ),
    ("Britain expelled the ambassador and froze Russian assets.", "froze", "asserted"),
    # seeking: "is looking to"
    ("Indonesia is looking to buy fighter jets from France.", "buy", "hypothetical"),
    # a plan, pledge or promise to act: the act is future
    (
        "The governor unveiled his plan to dissolve the regional assembly in March.",
        "dissolve",
        "future",
    ),
    ("Moscow repeated its pledge to withdraw its troops from the border.", "withdraw", "future"),
    # what a demand or proposal asks for is not done
    (
        "Washington's demand that Ankara release the pastor went unanswered.",
        "release",
        "hypothetical",
    ),
    # warned against, kept from: not done
    ("Moscow warned Kyiv against joining the alliance.", "joining", "hypothetical"),
    (
        "A federal judge blocked the agency from deporting the two activists.",
        "deporting",
        "negated",
    ),
    # a likelihood is no fact: "is likely to", "is unlikely to"
    ("The captured smugglers are likely to be extradited to Peru.", "extradited", "hypothetical"),
    ("Tehran is unlikely to release the detained sailors this week.", "release", "hypothetical"),
    # directives with an infinitive: the ordered act is only demanded ...
    ("The president told the army to release the prisoners.", "release", "hypothetical"),
    ("The general ordered his troops to withdraw from the border.", "withdraw", "hypothetical"),
    # ... but a "told X that" clause reports a fact
    (
        "The minister told reporters that Russian troops had attacked the village.",
        "attacked",
        "asserted",
    ),
    # a gerund object takes its verb's condition
    (
        "The IMF will resume lending to Kenya only if the government raises taxes.",
        "lending",
        "hypothetical",
    ),
    # rehearsed acts have not happened
    ("Chinese warships are rehearsing an invasion of the island.", "invasion", "hypothetical"),
    # an event named as the time or circumstance of another took place, whatever the other
    ("Russia did not attack Kyiv during the talks.", "talks", "asserted"),
    ("Turkey may expel the envoy after the attack on its embassy.", "attack", "asserted"),
    ("Israel stopped attacking Gaza after the truce.", "truce", "asserted"),
    # ... but what comes "ahead of" the main clause is still to come
    ("Envoys met in Vienna on Monday ahead of talks with Iran.", "talks", "future"),
    # uncertainty: "not clear that", "unclear"; but "it is clear that" asserts
    ("It is not clear that the militia will leave the town.", "leave", "hypothetical"),
    ("It remains uncertain that Tehran will release the tanker.", "release", "hypothetical"),
    ("It is clear that the militia shelled the town.", "shelled", "asserted"),
    # no plans, a skipped meeting, a statement of support
    ("The mayor has no plans to resign over the audit.", "resign", "negated"),
    ("Opposition leaders skipped the meeting with the president.", "meeting", "negated"),
    ("The envoy issued a statement of support for the protesters.", "support", "asserted"),
    ("The envoy offered a statement of support for the protesters.", "support", "asserted"),
    # suing or fighting to do something is an attempt
    ("A union has sued to block the merger of the two ministries.", "block", "hypothetical"),
    # the first or only one to act did act
    ("Chile became the first country to recognize the new government.", "recognize", "asserted"),
    # a decision to act is a plan
    ("Kyiv criticised the decision to withdraw the envoys.", "withdraw", "future"),
    # a possessed event noun as subject or prepositional object refers to an act that took
    # place; the clause around it does not change that
    ("The senator did not reply to the governor's rebuke.", "rebuke", "asserted"),
    (
        "Ottawa hoped Canada's condemnation of the raid would sway voters.",
        "condemnation",
        "asserted",
    ),
    ("Beijing's criticism may harm the trade talks.", "criticism", "asserted"),
    # an event noun as an active subject has taken place; a/any/no still leave it open
    ("The deal will pass if the negotiations yield a compromise.", "negotiations", "asserted"),
    ("An invasion could kill thousands of civilians.", "invasion", "hypothetical"),
    # ... and where the verb says whether the event happens at all, the verb decides
    ("New strikes may follow if the ceasefire collapses.", "strikes", "hypothetical"),
    ("Sanctions on Minsk would be a mistake.", "Sanctions", "hypothetical"),
    # ... but not where the preposition says the act is wanted or feared
    (
        "The opposition called for the army's withdrawal from the capital.",
        "withdrawal",
        "hypothetical",
    ),
    ("Kyiv warned of the threat of Moscow's invasion.", "invasion", "hypothetical"),
    # an event noun's own modifiers: planned, promised, proposed, possible, no
    ("The planned visit of the Chinese premier was confirmed.", "visit", "future"),
    ("Ankara welcomed the troop withdrawal promised by Washington.", "withdrawal", "future"),
    ("Brussels published the proposed sanctions on Minsk.", "sanctions", "hypothetical"),
    ("Analysts warned of possible strikes on the port.", "strikes", "hypothetical"),
    ("There were no talks between the two delegations.", "talks", "negated"),
    # a ranking by number is a ranking too
    ("Reyes became the 15th senator to call for the governor to step down.", "call", "asserted"),
    # a relative clause of taking part says the event took place; a plan says nothing of it
    ("She declined to discuss a call she had with her counterpart.", "call", "asserted"),
    ("He declined to discuss the meeting he attended in June.", "meeting", "asserted"),
    ("She refused to attend the meeting they had planned.", "meeting", "negated"),
    (
        "She declined to discuss a call she might have with her counterpart.",
        "call",
        "negated",
    ),
    # an act that takes effect as it is announced
    ("The envoy said he would resign effective immediately.", "resign", "asserted"),
    ("The minister will resign with immediate effect.", "resign", "asserted"),
    ("The minister will resign next month.", "resign", "future"),
    # an open question, wherever the parser hangs it (here a conjunct of "vote")
    (
        "The senator met the committee as part of its inquiry into Moscow, the 2016 vote "
        "and whether the campaign colluded with Russia.",
        "colluded",
        "hypothetical",
    ),
]


def _token(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    "sentence,word,expected", CASES, ids=[f"{w}:{s[:40]}" for s, w, _ in CASES]
)
def test_modality(nlp, sentence, word, expected):
    assert modality_of(_token(nlp(sentence), word)) == expected


def test_precedence_is_documented_order():
    assert PRECEDENCE == ("hypothetical", "negated", "future", "asserted")


def test_every_answer_is_a_schema_modality(nlp):
    from annales.schema import MODALITIES

    doc = nlp("If the deadline is missed, the UN may not impose sanctions, officials said.")
    assert {modality_of(t) for t in doc} <= set(MODALITIES)


def test_negation_beats_future_and_hypothetical_beats_negation(nlp):
    assert modality_of(_token(nlp("Israel will not cooperate."), "cooperate")) == "negated"
    assert modality_of(_token(nlp("Israel might not cooperate."), "cooperate")) == "hypothetical"


def test_question_inside_quote_does_not_leak_to_reporting_verb(nlp):
    doc = nlp('"Will Iran attack?" the minister asked.')
    assert modality_of(_token(doc, "attack")) == "hypothetical"
    assert modality_of(_token(doc, "asked")) == "asserted"


@pytest.fixture(scope="module")
def sample(nlp, shared_dir):
    path = shared_dir / "samples" / "palestine-recognition-2017.txt"
    if not path.is_file():
        pytest.skip("flagship sample not present")
    return nlp(path.read_text(encoding="utf-8"))


def _in_sentence(doc, starts_with, word):
    sent = next(s for s in doc.sents if s.text.lstrip("“ ").startswith(starts_with))
    return next(t for t in sent if t.text == word)


@pytest.mark.parametrize(
    "starts_with,word,expected",
    [
        ("TEL AVIV", "recognize", "hypothetical"),  # a movement for countries to recognize
        ("The PLO council member said", "take", "hypothetical"),
        ("The PLO council member said", "back", "negated"),
        ("We also seek", "impose", "hypothetical"),
        ("Israel will not cooperate", "cooperate", "negated"),
        ("A U.S. abstention", "allowed", "asserted"),
        ("A U.S. abstention", "demanding", "asserted"),
        ("A total of 134", "recognized", "asserted"),
        ("A total of 134", "do", "negated"),
    ],
)
def test_flagship_sample(sample, starts_with, word, expected):
    assert modality_of(_in_sentence(sample, starts_with, word)) == expected


def _parsed(rows):
    """A doc parsed by hand: (word, tag, pos, lemma, head index, dep) per token."""
    import spacy
    from spacy.tokens import Doc

    words, tags, pos, lemmas, heads, deps = zip(*rows)
    return Doc(
        spacy.blank("en").vocab,
        words=list(words),
        tags=list(tags),
        pos=list(pos),
        lemmas=list(lemmas),
        heads=list(heads),
        deps=list(deps),
    )


def test_an_infinitive_the_parser_hung_on_the_verb_completes_the_noun_before_it():
    # "Elders said they had engaged in talks to free the hostages.", with the misparse that
    # makes "free" an xcomp of "engaged" instead of an acl of "talks"
    rows = [
        ("Elders", "NNS", "NOUN", "elder", 1, "nsubj"),
        ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("they", "PRP", "PRON", "they", 4, "nsubj"),
        ("had", "VBD", "AUX", "have", 4, "aux"),
        ("engaged", "VBN", "VERB", "engage", 1, "ccomp"),
        ("in", "IN", "ADP", "in", 4, "prep"),
        ("talks", "NNS", "NOUN", "talk", 5, "pobj"),
        ("to", "TO", "PART", "to", 8, "aux"),
        ("free", "VB", "VERB", "free", 4, "xcomp"),
        ("the", "DT", "DET", "the", 10, "det"),
        ("hostages", "NNS", "NOUN", "hostage", 8, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    doc = _parsed(rows)
    assert modality_of(doc[8]) == "hypothetical"
    # ... and a plan hung the same way is for the future
    rows[6] = ("plans", "NNS", "NOUN", "plan", 5, "pobj")
    assert modality_of(_parsed(rows)[8]) == "future"

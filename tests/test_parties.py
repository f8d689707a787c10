"""Who acts and who is acted on, completed from the article (events/context.py,
events/completion.py), and the argument rules (events/parties.py) that find parties a reader sees at a glance.

Context tests build mentions and a gazetteer by hand; the rest parse sentences written for
these tests with the shared spaCy model, or run the whole pipeline."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annales.events.completion import at_home, complete
from annales.events.context import ArticleContext, article_context, dateline_country
from annales.events.extract import Draft, extract
from annales.events.lexicon import load_lexicon
from annales.nlp import dateline_end, dateline_place
from annales.schema import Article, Entity


# --- datelines -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, place",
    [
        ("WASHINGTON (Reuters) - The Senate voted on Friday.", "WASHINGTON"),
        ("PENSACOLA, Fla. (Reuters) - The president spoke.", "PENSACOLA, Fla."),
        ("WASHINGTON/NEW YORK (Reuters) - The president spoke.", "WASHINGTON/NEW YORK"),
        ("BEIRUT, Lebanon (AP) — Shelling resumed.", "BEIRUT, Lebanon"),
        ("KYIV — Ukraine said on Monday ...", "KYIV"),
        ("(Reuters) - Lawmakers met on Monday.", None),
        ("Russia has sent - so it seems - more jets.", None),
        ("The following statements (unedited) - were posted.", None),
    ],
)
def test_dateline_place(text, place):
    assert dateline_place(text) == place


def test_a_plain_hyphen_ends_a_dateline_only_after_an_agency(nlp):
    doc = nlp("(Reuters) - Lawmakers met on Monday.")
    assert doc[dateline_end(doc)].text == "Lawmakers"
    assert dateline_end(nlp("Iran - a rival of Israel - protested.")) == 0


def test_a_typographic_apostrophe_parses_like_a_plain_one(nlp):
    text = "LONDON (Reuters) - French President Emmanuel Macron's bid for a trade deal faltered."
    plain, curly = nlp(text), nlp(text.replace("'", "\u2019"))
    assert [(t.dep_, t.head.i) for t in curly] == [(t.dep_, t.head.i) for t in plain]
    assert curly.text == text.replace("'", "\u2019")  # the text and its offsets stay as written
    macron = next(t for t in curly if t.text == "Macron")
    assert (macron.dep_, macron.head.text) == ("poss", "bid")


@dataclass
class Place:
    country: str
    kind: str
    population: int = 0


class FakeGazetteer:
    PLACES = {
        "washington": [Place("USA", "city", 700_000), Place("USA", "state")],
        "pensacola": [Place("USA", "city", 50_000)],
        "tripoli": [Place("LBY", "city", 1_100_000), Place("LBN", "city", 230_000)],
        "brussels": [Place("BEL", "city", 1_000_000)],
    }

    def lookup(self, text):
        return self.PLACES.get(text.lower(), [])


@pytest.mark.parametrize(
    "text, country",
    [
        ("WASHINGTON (Reuters) - x", "USA"),
        ("PENSACOLA, Fla. (Reuters) - x", "USA"),
        ("TRIPOLI (Reuters) - x", "LBY"),  # the larger namesake
        ("WASHINGTON/NEW YORK (Reuters) - x", "USA"),
        ("(Reuters) - x", None),
        ("No dateline here.", None),
    ],
)
def test_dateline_country(text, country):
    assert dateline_country(text, FakeGazetteer()) == country


@dataclass
class FakeMention:
    head: int
    entity: Entity
    kind: str = "country"
    antecedent: object = None


class FakeIndex:
    def __init__(self, mentions):
        self.mentions = mentions


def _m(doc, word, country, kind="country", nth=0):
    tok = [t for t in doc if t.text == word][nth]
    return FakeMention(tok.i, Entity(text=word, country=country), kind)


def test_the_dateline_is_a_vote_not_the_answer(nlp):
    doc = nlp(
        "BRUSSELS (Reuters) - U.S. envoy Smith said Washington backs NATO. "
        "The U.S. plan was welcomed. Belgium hosted the talks."
    )
    ctx = article_context(
        doc,
        FakeIndex(
            [
                _m(doc, "envoy", "USA", "person"),
                _m(doc, "Washington", "USA"),
                _m(doc, "plan", "USA", "org"),
                _m(doc, "Belgium", "BEL"),
            ]
        ),
        FakeGazetteer(),
    )
    assert (ctx.dateline, ctx.home) == ("BEL", "USA")


def test_the_lede_counts_double_and_repeats_count_once(nlp):
    doc = nlp("Syria said rebels shelled a town. Turkey protested. It said Turkey would act.")
    ctx = article_context(
        doc,
        FakeIndex(
            [_m(doc, "Syria", "SYR"), _m(doc, "Turkey", "TUR"), _m(doc, "It", "TUR", "pronoun")]
        ),
    )
    assert ctx.home == "SYR" and ctx.votes == {"SYR": 2, "TUR": 1}


def test_no_home_when_the_article_names_many_countries_evenly(nlp):
    doc = nlp("Talks resumed. France, Italy, Spain and Greece met in Rome.")
    ctx = article_context(
        doc,
        FakeIndex(
            [
                _m(doc, w, c)
                for w, c in [
                    ("France", "FRA"),
                    ("Italy", "ITA"),
                    ("Spain", "ESP"),
                    ("Greece", "GRC"),
                ]
            ]
        ),
    )
    assert ctx.home is None


def test_organizations_do_not_vote(nlp):
    doc = nlp("The UN said the UN would help. Kenya agreed.")
    ctx = article_context(
        doc,
        FakeIndex(
            [
                _m(doc, "UN", "UNO", "org"),
                _m(doc, "UN", "UNO", "org", nth=1),
                _m(doc, "Kenya", "KEN"),
            ]
        ),
        country_name=lambda c: None if c == "UNO" else c,
    )
    assert ctx.home == "KEN"


# --- completing parties ----------------------------------------------------------------------
def test_a_party_without_a_country_takes_the_home_country_and_says_so():
    senate = Entity(text="the Senate", sector="LEG")
    done = at_home(senate, ArticleContext(home="USA"))
    assert (done.country, done.code, done.basis) == ("USA", "USALEG", "article")
    named = Entity(text="Russia", code="RUS", country="RUS")
    assert at_home(named, ArticleContext(home="USA")) == named
    assert at_home(senate, ArticleContext(home=None)) == senate


def test_complete_fills_actors_and_recipients(nlp):
    doc = nlp("Police arrested protesters.")
    draft = Draft(
        trigger=doc[1],
        entry=None,
        confidence=0.5,
        actors=[Entity(text="Police", sector="COP")],
        recipients=[Entity(text="protesters", sector="CVL")],
    )
    done = complete(draft, ArticleContext(home="HKG"))
    assert [e.code for e in done.actors + done.recipients] == ["HKGCOP", "HKGCVL"]


def _events(pipeline, text, trigger):
    return [e for e in pipeline.code(text, published="2019-03-01") if e.trigger.text == trigger]


def test_institutions_of_a_dateline_country(pipeline):
    text = (
        "WASHINGTON (Reuters) - The Senate on Thursday urged federal agencies to halt a "
        "facial scanning program at U.S. airports."
    )
    (urged,) = _events(pipeline, text, "urged")
    assert [e.country for e in urged.actor] == ["USA"]
    assert urged.actor[0].basis == "article"
    assert [e.country for e in urged.recipient] == ["USA"]


def test_rebels_in_a_story_about_a_country(pipeline):
    text = (
        "Syria's army said on Monday it had retaken two villages near Hama. "
        "Rebels shelled the town of Suqaylabiyah overnight, Syrian state media said."
    )
    (shelled,) = _events(pipeline, text, "shelled")
    assert shelled.actor[0].country == "SYR" and shelled.actor[0].basis == "article"


def test_a_people_across_borders_takes_the_country_its_sentence_names():
    forces = Entity(text="Kurdish fighters", sector="MIL")
    context = ArticleContext(
        home="USA", votes={"USA": 5, "IRQ": 2}, sentence_countries={0: ("USA", "SYR")}
    )
    sentence = type("Sent", (), {"start": 0})()
    assert at_home(forces, context, sentence).country == "SYR"
    # no candidate named in the sentence: the one the article names most
    other = type("Sent", (), {"start": 9})()
    assert at_home(forces, context, other).country == "IRQ"
    # none in the article either: the home country, as for any group
    assert at_home(forces, ArticleContext(home="USA"), other).country == "USA"


def test_a_pronoun_is_of_the_people_its_antecedent_names():
    they = Entity(text="they", sector="GOV", start=40, end=44)
    context = ArticleContext(
        home="CAN",
        votes={"CAN": 5, "SYR": 2},
        sentence_countries={0: ("CAN",)},
        antecedents={40: "Kurdish officials"},
    )
    sentence = type("Sent", (), {"start": 0})()
    assert at_home(they, context, sentence).country == "SYR"


def test_the_context_knows_what_each_pronoun_stands_for(pipeline):
    text = "OTTAWA (Reuters) - Kurdish officials said on Monday they had freed two Canadians."
    doc = pipeline.nlp(text)
    mentions = pipeline.resolver(doc, None)
    context = article_context(doc, mentions)
    they = next(t for t in doc if t.text == "they")
    assert context.antecedents[they.idx] == "Kurdish officials"


def test_kurdish_forces_in_a_sentence_about_syria(pipeline):
    text = (
        "WASHINGTON (Reuters) - The Pentagon said on Monday that Kurdish forces detained "
        "two German nationals near Raqqa in northern Syria."
    )
    (detained,) = _events(pipeline, text, "detained")
    assert [e.country for e in detained.actor] == ["SYR"]


def test_a_demand_noun_asks_the_subject_of_its_that_clause(pipeline):
    text = "Washington's demand that Germany and Italy repatriate their citizens went unmet."
    (demand,) = _events(pipeline, text, "demand")
    assert [e.country for e in demand.actor] == ["USA"]
    assert [e.country for e in demand.recipient] == ["DEU", "ITA"]


def test_calls_to_act_are_a_demand(pipeline):
    text = (
        "WASHINGTON (Reuters) - The governor faced mounting calls from state lawmakers to "
        "resign on Friday."
    )
    (calls,) = _events(pipeline, text, "calls")
    assert calls.event == "REQUEST" and calls.modality == "asserted"
    assert [e.text for e in calls.actor] == ["state lawmakers"]
    assert [e.text for e in calls.recipient] == ["The governor"]


def test_a_stated_country_is_never_overridden(pipeline):
    text = (
        "WASHINGTON (Reuters) - The United States said on Friday that Russian troops "
        "attacked a Ukrainian border post."
    )
    (attacked,) = _events(pipeline, text, "attacked")
    assert attacked.actor[0].country == "RUS" and attacked.actor[0].basis is None


# --- argument rules --------------------------------------------------------------------------
CODES = {
    "kurdish": None,
    "russia": "RUS",
    "turkey": "TUR",
    "syria": "SYR",
    "senators": "USA",
    "democrats": "USA",
    "france": "FRA",
    "germany": "DEU",
}


class Mentions:
    def entity_for(self, tok):
        word = tok.lower_
        if word in CODES and CODES[word]:
            return Entity(
                text=tok.text,
                code=CODES[word],
                country=CODES[word],
                kb_id="t:" + word,
                start=tok.idx,
                end=tok.idx + len(tok.text),
            )
        if word in ("forces", "fighters", "officials"):
            return Entity(text=tok.text, sector="MIL", start=tok.idx, end=tok.idx + len(tok.text))
        return None


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _drafts(nlp, lexicon, text):
    return extract(nlp(text), Mentions(), lexicon)


def _one(nlp, lexicon, text, trigger):
    found = [d for d in _drafts(nlp, lexicon, text) if d.trigger.text == trigger]
    assert len(found) == 1, [(d.trigger.text, d.entry.event) for d in _drafts(nlp, lexicon, text)]
    return found[0]


@pytest.mark.parametrize(
    "text, trigger, actors",
    [
        # the agent of a participle clause
        ("A French engineer seized by Kurdish forces near Raqqa was freed.", "seized", ["forces"]),
        # a participle clause without agent: whose the modified noun is
        ("France's sanctions imposed on Syria took effect.", "imposed", ["France"]),
        # a from-phrase names who calls, but not who withdraws
        ("He faced calls from Democrats for a new inquiry.", "calls", ["Democrats"]),
        ("Turkey welcomed the withdrawal from Syria.", "withdrawal", []),
        # taking part in a nominal event
        ("Turkey engaged in negotiations with Russia over Idlib.", "negotiations", ["Turkey"]),
        # the one warned against acting or kept from it would act
        ("Russia warned Turkey against attacking Syria.", "attacking", ["Turkey"]),
        ("France blocked Germany from sending tanks to Syria.", "sending", ["Germany"]),
        # a meeting or visit that is the setting of a clause: its subject took part
        ("During a visit to Syria, France praised the truce.", "visit", ["France"]),
        ("After talks with Turkey, Russia announced a ceasefire.", "talks", ["Russia"]),
        # what a statement or message expresses, its author does
        ("Germany issued a statement of support for Turkey.", "support", ["Germany"]),
        ("Russia's message of condemnation reached Turkey.", "condemnation", ["Russia"]),
        # the means of an act: who does the verb did the noun
        (
            "Russia stunned its allies with a blistering condemnation of Turkey.",
            "condemnation",
            ["Russia"],
        ),
        # a dateline the parser makes a second subject is not the actor
        (
            "ANKARA (Reuters) - Turkey shocked Kurdish leaders with a rebuke of France.",
            "rebuke",
            ["Turkey"],
        ),
    ],
)
def test_who_acts(nlp, lexicon, text, trigger, actors):
    d = _one(nlp, lexicon, text, trigger)
    assert [e.text for e in d.actors] == actors


def test_a_gerund_after_a_preposition_takes_the_verb_s_subject(nlp, lexicon):
    d = _one(nlp, lexicon, "Germany joined France in urging Russia to withdraw.", "urging")
    assert [e.text for e in d.actors] == ["Germany"]
    assert [e.text for e in d.recipients] == ["Russia"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned over allegations of bribery.",
        "The race was marked by accusations of fraud.",
        "Senators denied the allegations on Friday.",
    ],
)
def test_charges_named_as_a_topic_are_no_event(nlp, lexicon, text):
    assert not [
        d
        for d in _drafts(nlp, lexicon, text)
        if d.entry.event == "ACCUSE"
        and d.trigger.lemma_.lower().startswith(("allegation", "accusation"))
    ]


def test_charges_someone_makes_are_an_event(nlp, lexicon):
    d = _one(nlp, lexicon, "Russia's accusations against Turkey angered Ankara.", "accusations")
    assert [e.text for e in d.actors] == ["Russia"]


def test_a_participle_that_restates_a_statement_is_one_event(nlp, lexicon):
    drafts = _drafts(nlp, lexicon, "Turkey condemned France on Monday, accusing it of bias.")
    assert [(d.trigger.text, d.entry.event) for d in drafts] == [("condemned", "ACCUSE")]


def test_a_participle_with_its_own_subject_or_another_kind_stays(nlp, lexicon):
    drafts = _drafts(nlp, lexicon, "Russia condemned the strike, urging Turkey to withdraw.")
    assert [d.entry.event for d in drafts if d.trigger.text in ("condemned", "urging")] == [
        "ACCUSE",
        "REQUEST",
    ]


def test_what_an_attack_did_is_no_second_attack(nlp, lexicon):
    drafts = _drafts(nlp, lexicon, "The bombing by Kurdish fighters killed six soldiers.")
    assert [(d.trigger.text, d.entry.event) for d in drafts] == [("bombing", "ASSAULT")]
    assert [e.text for e in drafts[0].actors] == ["fighters"]


def test_a_noun_that_restates_its_verb_is_one_event_on_the_noun(nlp, lexicon):
    ds = _drafts(nlp, lexicon, "Democrats pressed demands on Syria for a ceasefire.")
    assert [(d.trigger.text, d.entry.event) for d in ds if d.entry.event == "REQUEST"] == [
        ("demands", "REQUEST")
    ]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The ministry released a statement on Friday.", "released"),
        ("The president signed the spending bill into law.", "signed"),
        ("The committee approved the legislation on Tuesday.", "approved"),
        ("The former adviser pleaded guilty to lying.", "pleaded"),
        ("Employers must provide insurance that covers birth control.", "provide"),
    ],
)
def test_domestic_business_and_word_senses_are_no_event(nlp, lexicon, text, trigger):
    assert not [d for d in _drafts(nlp, lexicon, text) if d.trigger.text == trigger]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Hamas released two hostages on Friday.", "released"),
        ("France and Germany signed a defence pact.", "signed"),
        ("Germany provided humanitarian aid to Syria.", "provided"),
    ],
)
def test_the_same_verbs_with_a_political_object_are_events(nlp, lexicon, text, trigger):
    assert [d for d in _drafts(nlp, lexicon, text) if d.trigger.text == trigger]


def test_it_set_to_act_refers_back(pipeline):
    text = "Ankara said on Monday it was set to begin talks with Moscow over the border."
    (talks,) = _events(pipeline, text, "talks")
    assert talks.actor and talks.actor[0].text == "it" and talks.actor[0].country == "TUR"


# --- word senses: attacks of words -----------------------------------------------------------
@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "WASHINGTON (Reuters) - Senator Smith attacked the Democrats over their tax plan.",
            "attacked",
        ),
        (
            "WASHINGTON (Reuters) - The president stepped up his attacks on the television network.",
            "attacks",
        ),
    ],
)
def test_an_attack_of_words_is_criticism(pipeline, text, trigger):
    (event,) = _events(pipeline, text, trigger)
    assert (event.event, event.cameo) == ("ACCUSE", "111")


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Rebels attacked an army checkpoint near Idlib on Sunday.", "attacked"),
        ("Turkish jets attacked Kurdish positions in northern Iraq.", "attacked"),
        ("Gunmen attacked the village of Tuazar, killing six.", "attacked"),
        ("The president said Russia attacked Georgia in 2008.", "attacked"),
    ],
)
def test_an_armed_attack_stays_an_assault(pipeline, text, trigger):
    (event,) = _events(pipeline, text, trigger)
    assert event.event == "ASSAULT"


# --- implied targets and demands made by "should" --------------------------------------------
def test_a_directed_event_with_no_target_is_aimed_at_the_article_s_country(pipeline):
    text = (
        "WASHINGTON (Reuters) - Senate Democrats on Tuesday complained about the pace of "
        "the hearings, and the Russian government denied any role."
    )
    (complained,) = _events(pipeline, text, "complained")
    assert [(e.country, e.basis, e.start) for e in complained.recipient] == [
        ("USA", "article", None)
    ]
    (denied,) = _events(pipeline, text, "denied")
    assert [e.country for e in denied.actor] == ["RUS"]
    assert [e.country for e in denied.recipient] == ["USA"]


def test_resigning_and_meeting_get_no_implied_target(pipeline):
    text = (
        "WASHINGTON (Reuters) - Senator Smith resigned on Tuesday. Later, Senate "
        "Democrats met in the Capitol."
    )
    (resigned,) = _events(pipeline, text, "resigned")
    assert resigned.recipient == []


def test_parties_of_two_countries_acting_together_get_no_implied_target(pipeline):
    text = (
        "ADDIS ABABA (Reuters) - Ethiopia and Eritrea reached a deal on the border on "
        "Monday, the Ethiopian government said."
    )
    (reached,) = _events(pipeline, text, "reached")
    assert {e.country for e in reached.actor} == {"ETH", "ERI"}
    assert reached.recipient == []


def test_a_deal_reached_with_parties_of_no_country_gets_no_implied_target(pipeline):
    text = (
        "Iranian officials said on Monday that Iran and the six world powers reached a deal "
        "in Vienna."
    )
    (reached,) = _events(pipeline, text, "reached")
    assert reached.recipient == []


def test_the_agency_that_reports_does_not_vote(nlp):
    doc = nlp("(Reuters) - The Reuters report said Kenya's president met Somali leaders.")
    reuters = [t for t in doc if t.text == "Reuters"]
    mentions = [
        FakeMention(reuters[0].i, Entity(text="Reuters", country="GBR", sector="MED"), "org"),
        FakeMention(reuters[1].i, Entity(text="Reuters", country="GBR", sector="MED"), "org"),
        _m(doc, "president", "KEN", "person"),
    ]
    assert article_context(doc, FakeIndex(mentions)).home == "KEN"


@pytest.mark.parametrize(
    "text, trigger, speaker, addressee, modality",
    [
        (
            "WASHINGTON (Reuters) - Senator Avery said on Tuesday that Governor Blake should resign.",
            "should",
            "Avery",
            "Blake",
            "asserted",
        ),
        (
            "WASHINGTON (Reuters) - Ortiz told a radio station the congressman must step down.",
            "must",
            "Ortiz",
            "congressman",
            "asserted",
        ),
        (
            "WASHINGTON (Reuters) - Senator Okafor said she did not believe Governor Blake "
            "needed to resign.",
            "needed",
            "she",
            "Blake",
            "negated",
        ),
    ],
)
def test_saying_someone_should_act_is_a_demand(
    pipeline, text, trigger, speaker, addressee, modality
):
    (demand,) = _events(pipeline, text, trigger)
    assert (demand.event, demand.cameo, demand.modality) == ("REQUEST", "020", modality)
    assert speaker in demand.actor[0].text and addressee in demand.recipient[0].text
    (act,) = [e for e in pipeline.code(text, published="2017-12-06") if e.event == "CONCEDE"]
    assert act.modality in ("hypothetical", "negated")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the economy should grow by 3 percent next year.",
        "Forecasters said the weather should improve by Friday.",
        # a judgement of the past asks for nothing
        "The senator said the governor should have resigned years ago.",
    ],
)
def test_a_should_without_a_political_act_demands_nothing(pipeline, text):
    assert not [e for e in pipeline.code(text) if e.event == "REQUEST"]


@pytest.mark.parametrize(
    "text, trigger, sector",
    [
        (
            "WASHINGTON (Reuters) - The border force condemned the smuggling ring.",
            "condemned",
            "MIL",
        ),
        (
            "WASHINGTON (Reuters) - The ethics committee criticized the senator.",
            "criticized",
            "LEG",
        ),
        ("WASHINGTON (Reuters) - A grand jury indicted the port commissioner.", "indicted", "JUD"),
    ],
)
def test_institutions_named_by_a_common_noun(pipeline, text, trigger, sector):
    (event,) = _events(pipeline, text, trigger)
    assert (event.actor[0].country, event.actor[0].sector) == ("USA", sector)


@pytest.mark.parametrize(
    "text, trigger, speaker, addressee",
    [
        (
            "Niger's junta told France to withdraw its troops within a month.",
            "told",
            "Niger",
            "France",
        ),
        (
            "WASHINGTON (Reuters) - The judge instructed the agency to halt the program.",
            "instructed",
            "judge",
            "agency",
        ),
        ("The court ordered Poland to suspend the chamber.", "ordered", "court", "Poland"),
    ],
)
def test_telling_or_ordering_someone_to_act_is_a_request(
    pipeline, text, trigger, speaker, addressee
):
    (request,) = _events(pipeline, text, trigger)
    assert (request.event, request.modality) == ("REQUEST", "asserted")
    assert speaker in request.actor[0].text and addressee in request.recipient[0].text


def test_a_demand_of_a_party_for_an_act_the_lexicon_does_not_know(pipeline):
    text = "Ankara told the European Union it must take back its detained nationals."
    (demand,) = _events(pipeline, text, "must")
    assert demand.event == "REQUEST" and demand.recipient[0].country == "EUR"


def test_we_must_obliges_the_speakers_themselves(pipeline):
    assert not _events(pipeline, "The family said: “We must help her come home.”", "must")


# --- records that name no one and nowhere ----------------------------------------------------
def test_an_event_with_no_party_and_no_place_is_no_record_by_default(pipeline):
    text = "Unknown attackers killed two people overnight."
    coded = pipeline.code_article(Article(id="a", text=text))
    assert coded.events == [] and [e.event for e in coded.unanchored] == ["ASSAULT"]


def test_anchored_events():
    from annales.pipeline import anchored
    from annales.schema import Event, Location

    bare = Event(
        id="e",
        article_id="a",
        sentence_index=0,
        sentence="s",
        event="ASSAULT",
        mode=None,
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
    )
    assert not anchored(bare)
    assert anchored(Event(**{**bare.__dict__, "actor": [Entity(text="Syria", country="SYR")]}))
    assert anchored(Event(**{**bare.__dict__, "location": Location(text="Idlib")}))
    assert not anchored(Event(**{**bare.__dict__, "actor": [Entity(text="gunmen")]}))


def test_unanchored_events_are_records_when_asked_for():
    from annales import Pipeline

    text = "Unknown attackers killed two people overnight."
    assert [e.event for e in Pipeline(story_types=False, unanchored=True).code(text)] == ["ASSAULT"]


# --- judgements: calling someone names --------------------------------------------------------
@pytest.mark.parametrize(
    "text, trigger, event, actor, recipient",
    [
        (
            "Turkey called the Kurdish militia a terrorist organization.",
            "terrorist",
            None,
            "Turkey",
            None,
        ),
        ("Russia called France's plan a sham.", "sham", "ACCUSE", "Russia", "France"),
        ("Germany said Russia's sanctions were illegal.", "illegal", "ACCUSE", "Germany", "Russia"),
        (
            "France said the actions of Germany were lawful.",
            "lawful",
            "SUPPORT",
            "France",
            "Germany",
        ),
    ],
)
def test_calling_something_a_name_of_blame_or_praise(
    nlp, lexicon, text, trigger, event, actor, recipient
):
    found = [d for d in _drafts(nlp, lexicon, text) if d.trigger.text == trigger]
    if event is None:  # an adjective in front of a noun is no judgement of its own
        assert not found
        return
    (d,) = found
    assert (d.entry.event, d.entry.cameo) == (event, "111" if event == "ACCUSE" else "051")
    assert d.actors[0].text == actor
    assert recipient in " ".join(e.text for e in d.recipients)


def test_a_denial_judges_no_one(nlp, lexicon):
    text = "Syria said its forces were not dangerous to anyone."
    assert not [d for d in _drafts(nlp, lexicon, text) if d.trigger.text == "dangerous"]


def test_a_domestic_probe_with_no_one_named_is_the_country_s_own(pipeline):
    text = (
        "WASHINGTON (Reuters) - The inquiry into Senator Smith of the United States "
        "was widened on Thursday, aides said."
    )
    (probe,) = _events(pipeline, text, "inquiry")
    assert [(e.country, e.basis) for e in probe.actor] == [("USA", "article")]


def test_a_passive_without_agent_keeps_its_actor_unsaid(pipeline):
    text = (
        "WASHINGTON (Reuters) - Senator Smith of the United States, who was accused of "
        "misconduct last month, resigned on Thursday."
    )
    (accused,) = _events(pipeline, text, "accused")
    assert accused.actor == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The minister told journalists when asked if the truce would hold that she could not say.",
            [],
        ),
        ("Asked whether the border would reopen, the governor shrugged.", []),
        ("Iran was asked to release the detained sailors.", ["asked"]),
    ],
)
def test_a_reporter_s_question_is_no_request(nlp, lexicon, text, expected):
    assert [
        d.trigger.text for d in _drafts(nlp, lexicon, text) if d.entry.event == "REQUEST"
    ] == expected


def _actor_codes(event) -> list:
    return [e.country for e in event.actor]


def test_a_subject_the_parser_hung_on_the_first_clause_s_object(pipeline):
    # "Obama" is parsed as a conjunct of "attack" and "rejected" as a subjectless conjunct
    text = "Iran has denied any role in the attack and Obama has rejected the claims."
    (rejected,) = _events(pipeline, text, "rejected")
    assert _actor_codes(rejected) == ["USA"]
    (denied,) = _events(pipeline, text, "denied")
    assert _actor_codes(denied) == ["IRN"]
    assert "USA" not in [e.country for e in denied.recipient]


def test_the_by_phrase_of_a_passive_clause_acts_whatever_its_subject(pipeline):
    # the parser makes "that" the subject of "stolen"
    text = (
        "The agency lost files that an official said were later stolen from a laptop "
        "by Chinese hackers."
    )
    (stolen,) = _events(pipeline, text, "stolen")
    assert _actor_codes(stolen) == ["CHN"]


def test_a_second_participle_after_a_quote_keeps_the_first_one_s_subject(pipeline):
    # the parser hangs "urging" inside the quote's clause; "their supporters" are the
    # actor's own people, a recipient in their own right
    text = (
        "Al-Qaeda fighters have posted footage purporting to show the frontier, saying "
        "“tomorrow we will win” and urging their supporters to remain calm."
    )
    (urging,) = _events(pipeline, text, "urging")
    assert [e.code for e in urging.actor] == ["IMGMOSALQ"]
    assert [e.code for e in urging.recipient] == ["IMGMOSALQ"]


def _parties(event) -> tuple:
    return [e.country for e in event.actor], [e.country for e in event.recipient]


def test_a_concession_asked_for_yields_to_whoever_asks(pipeline):
    (halt,) = _events(pipeline, "Washington urged Tehran to halt enrichment.", "halt")
    assert _parties(halt) == (["IRN"], ["USA"])
    (resign,) = _events(pipeline, "Berlin said the Austrian minister should resign.", "resign")
    assert _parties(resign) == (["AUT"], ["DEU"])
    # asked by no one: no one to yield to
    (agreed_halt,) = _events(pipeline, "Tehran agreed to halt enrichment.", "halt")
    assert "USA" not in _parties(agreed_halt)[1]


def test_whoever_is_called_on_would_act(pipeline):
    (lift,) = _events(pipeline, "Kyiv called on Moscow to lift the blockade.", "lift")
    assert _parties(lift)[0] == ["RUS"]
    (lift,) = _events(pipeline, "Kyiv called on Monday to lift the blockade.", "lift")
    assert _parties(lift)[0] == ["UKR"]


def test_a_relative_clause_of_taking_part_says_who_took_part(pipeline):
    text = "France said the talks that Paris held with Tehran had failed."
    (talks,) = _events(pipeline, text, "talks")
    assert _parties(talks) == (["FRA"], ["IRN"])
    text = "Berlin declined to discuss a meeting its envoy attended with Russian officials."
    (attended,) = _events(pipeline, text, "attended")
    assert _parties(attended) == (["DEU"], ["RUS"])


@pytest.mark.parametrize(
    "text, trigger, actor, recipient",
    [
        # a place named in front of an attack is where it struck, not who struck
        ("The Moscow theatre attack killed dozens.", "attack", [], ["RUS"]),
        ("The Yemen war has drained Riyadh's coffers.", "war", [], ["YEM"]),
        # a state, a group or a demonym in front of a strike is its author
        ("A US drone strike killed two commanders.", "strike", ["USA"], []),
        ("The Russian bombing killed six civilians.", "bombing", ["RUS"], []),
    ],
)
def test_a_place_in_front_of_an_attack_is_its_scene(pipeline, text, trigger, actor, recipient):
    (event,) = _events(pipeline, text, trigger)
    actors, recipients = _parties(event)
    assert [a for a in actors if a] == actor
    assert [r for r in recipients if r] == recipient

"""Mention resolution on parsed news sentences (needs the spaCy model: the `nlp` fixture)."""

from __future__ import annotations

from datetime import date

import pytest

from annales.actors import ActorResolver, KBEntry, MentionIndex, load_kb

DAY = date(2017, 1, 12)


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(load_kb(), nlp.vocab)


@pytest.fixture(scope="module")
def resolve(nlp, resolver):
    def run(text: str, day: date | None = DAY):
        doc = nlp(text)
        return doc, resolver(doc, day)

    return run


def head(doc, word: str, nth: int = 0):
    """The nth token whose text is `word`."""
    return [t for t in doc if t.text == word][nth]


def code_of(index: MentionIndex, doc, word: str, nth: int = 0):
    entity = index.entity_for(head(doc, word, nth))
    return None if entity is None else entity.code


def test_demonym_with_a_sector_word(resolve):
    doc, idx = resolve("Israeli troops raided the village on Tuesday.")
    entity = idx.entity_for(head(doc, "troops"))
    assert (entity.code, entity.country, entity.sector) == ("ISRMIL", "ISR", "MIL")
    assert entity.text == "Israeli troops"
    assert doc.text[entity.start : entity.end] == "Israeli troops"


def test_possessive_country_with_an_office(resolve):
    doc, idx = resolve("Israel's prime minister rejected the plan.")
    entity = idx.entity_for(head(doc, "minister"))
    assert (entity.code, entity.sector) == ("ISRGOV", "GOV")
    assert entity.text == "Israel's prime minister"


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("The White House condemned the attack.", "House", "USAGOV"),
        ("The Kremlin denied the report.", "Kremlin", "RUSGOV"),
        ("Washington imposed new sanctions on Iran.", "Washington", "USAGOV"),
        ("Downing Street said the talks would continue.", "Street", "GBRGOV"),
        ("Beijing protested the decision.", "Beijing", "CHNGOV"),
        ("The Pentagon deployed more ships.", "Pentagon", "USAMIL"),
    ],
)
def test_capitals_and_seats_stand_for_governments(resolve, text, word, code):
    doc, idx = resolve(text)
    assert code_of(idx, doc, word) == code


@pytest.mark.parametrize(
    "text, word, code, country",
    [
        ("The UN Security Council adopted the resolution.", "Council", "IGOUNO", "UNO"),
        ("The European Union welcomed the agreement.", "Union", "IGOEUREEC", "EUR"),
        ("NATO sent more troops to the region.", "NATO", "IGOWSTNAT", "WST"),
        ("The IAEA inspected the site.", "IAEA", "IGOUNOENR", "UNO"),
        ("Amnesty International criticized the arrests.", "International", "NGOHRIAMN", "NGO"),
        ("Hezbollah fired rockets into northern Israel.", "Hezbollah", "LBNREB", "LBN"),
        ("The Islamic State claimed the attack.", "State", "IMGMOSISI", "IMG"),
    ],
)
def test_international_organizations_and_armed_groups(resolve, text, word, code, country):
    doc, idx = resolve(text)
    entity = idx.entity_for(head(doc, word))
    assert (entity.code, entity.country) == (code, country)


def test_the_plo_and_the_palestinian_authority_are_not_rebels(resolve):
    doc, idx = resolve("The Palestinian Authority and the PLO rejected the offer.")
    for word in ("Authority", "PLO"):
        entity = idx.entity_for(head(doc, word))
        assert (entity.country, entity.sector, entity.code) == ("PSE", "GOV", "PSEGOV")


def test_a_member_of_an_organization_via_the_of_phrase(resolve):
    doc, idx = resolve(
        "A member of the PLO executive council told reporters the plan had "
        "failed. He said that members of the European Union agreed."
    )
    member = head(doc, "member")
    speaker = idx.speaker_for(member)
    assert (speaker.country, speaker.code) == ("PSE", "PSEGOV")
    assert speaker.text == "A member of the PLO executive council"
    assert idx.is_anonymous(member)
    eu = idx.entity_for(head(doc, "members"))
    assert eu.code == "IGOEUREEC" and eu.text == "members of the European Union"


def test_pronouns_resolve_across_sentences(resolve):
    doc, idx = resolve(
        "Iranian President Hassan Rouhani met the delegation on Monday. "
        "He said Iran would not give up its nuclear program."
    )
    he = idx.entity_for(head(doc, "He"))
    assert (he.kb_id, he.code, he.text) == ("person:rouhani", "IRNGOV", "He")
    assert doc.text[he.start : he.end] == "He"
    its = idx.entity_for(head(doc, "its"))
    assert its.code == "IRN"
    antecedent = idx.antecedent_for(head(doc, "He"))
    assert antecedent.text == "Iranian President Hassan Rouhani" and antecedent.start == 0


def test_expletive_it_is_no_actor(resolve):
    doc, idx = resolve(
        "The European Union met on Monday. It was not clear that the talks would resume."
    )
    assert idx.entity_for(head(doc, "It")) is None


def test_it_prefers_organizations_and_he_prefers_people(resolve):
    doc, idx = resolve(
        "The European Commission met Vladimir Putin in Brussels. "
        "It said he had promised to respect the ceasefire."
    )
    assert code_of(idx, doc, "It") == "IGOEUREEC"
    assert idx.entity_for(head(doc, "he")).kb_id == "person:putin"


def test_a_pronoun_after_a_quotation_skips_what_the_quote_mentioned(resolve):
    doc, idx = resolve(
        "A senior PLO official spoke on Sunday. “The White House does not back us,” he said."
    )
    he = idx.entity_for(head(doc, "he"))
    assert he.code == "PSEGOV"
    assert idx.is_anonymous(head(doc, "he"))
    us = idx.entity_for(head(doc, "us"))
    assert us.code == "PSEGOV"


def test_definite_descriptions_take_an_earlier_mention(resolve):
    doc, idx = resolve(
        "Jordan's foreign minister arrived in Cairo on Monday. "
        "The minister said the talks were useful."
    )
    assert code_of(idx, doc, "minister", 1) == "JORGOV"


def test_a_sector_word_alone_has_no_country(resolve):
    doc, idx = resolve("The rebels attacked a police station.")
    entity = idx.entity_for(head(doc, "rebels"))
    assert (entity.sector, entity.country, entity.code, entity.name) == ("REB", None, None, None)


def test_unknown_actors_get_nulls_and_non_actors_get_nothing(resolve):
    doc, idx = resolve(
        "Gondorian envoy Faramir Hurinson criticized Israeli construction and the proposal."
    )
    person = idx.entity_for(head(doc, "Hurinson"))
    assert person.text.endswith("Faramir Hurinson")
    assert (person.code, person.country, person.kb_id) == (None, None, None)
    assert idx.entity_for(head(doc, "construction")) is None
    assert idx.entity_for(head(doc, "proposal")) is None


def test_trump_before_and_after_the_inauguration(resolve):
    text = "Donald Trump said he would move the embassy."
    doc, idx = resolve(text, date(2017, 1, 12))
    assert code_of(idx, doc, "Trump") == "USAELI"
    assert code_of(idx, doc, "he") == "USAELI"
    doc, idx = resolve(text, date(2017, 2, 1))
    assert code_of(idx, doc, "Trump") == "USAGOV"


def test_an_administration_named_for_its_president(resolve):
    doc, idx = resolve("Some members of the Obama administration support the effort.")
    entity = idx.entity_for(head(doc, "members"))
    assert entity.code == "USAGOV" and entity.name == "United States government"


def test_acronyms_that_spell_words_match_only_in_capitals(resolve):
    doc, idx = resolve("The WHO warned us about the outbreak, and who could blame it?")
    assert code_of(idx, doc, "WHO") == "IGOUNOHLH"
    assert code_of(idx, doc, "us") != "USA"


def test_user_dictionary_entries_resolve_with_dates(nlp):
    kb = load_kb()
    from annales.actors import Role

    kb.add_entries(
        [
            KBEntry(
                "dict:toy:ARN",
                "Arnor",
                "dictionary",
                "ARN",
                "ARN",
                None,
                ["ARNOR", "KING ARAGORN"],
                [Role("ARNGOV", "ARN", "GOV", date(1995, 1, 1), None)],
            ),
            KBEntry("dict:toy:GON", "Gondor", "dictionary", "GON", "GON", None, ["GONDOR*"]),
        ]
    )
    resolver = ActorResolver(kb, nlp.vocab)
    doc = nlp("King Aragorn met Gondorian soldiers in Arnor.")
    idx = resolver(doc, date(1996, 5, 1))
    assert code_of(idx, doc, "Aragorn") == "ARNGOV"
    assert code_of(idx, doc, "soldiers") == "GONMIL"  # stem GONDOR* + sector word
    idx = resolver(doc, date(1990, 5, 1))
    assert code_of(idx, doc, "Aragorn") == "ARN"


def test_resolution_is_deterministic(nlp):
    text = (
        "The PLO council member said the Palestinian Authority hopes to take the campaign "
        "to the UN Security Council, but he conceded that the White House does not back it."
    )
    doc = nlp(text)
    runs = [
        [
            (m.start, m.end, m.kind, m.entity.to_dict())
            for m in ActorResolver(load_kb(), nlp.vocab)(doc, DAY).mentions
        ]
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and runs[0]


def test_the_sample_article(resolve, shared_dir):
    text = (shared_dir / "samples" / "palestine-recognition-2017.txt").read_text("utf-8")
    doc, idx = resolve(text)
    by_text = {m.entity.text: m.entity for m in idx.mentions}
    assert by_text["the Palestinian Authority"].code == "PSEGOV"
    assert by_text["the UN Security Council"].country == "UNO"
    assert by_text["the White House"].code == "USAGOV"
    assert by_text["a member of the PLO executive council"].code == "PSEGOV"
    first_he = next(m for m in idx.mentions if m.entity.text == "He")
    assert first_he.entity.code == "PSEGOV" and first_he.anonymous


def test_people_in_a_place_take_its_country_not_its_government(resolve):
    doc, idx = resolve(
        "Protesters in Paris clashed with police. Officials in the US State "
        "Department declined to comment."
    )
    protesters = idx.entity_for(head(doc, "Protesters"))
    assert (protesters.code, protesters.country, protesters.sector) == ("FRACVL", "FRA", "CVL")
    assert code_of(idx, doc, "Officials") == "USAGOV"


def test_soldiers_from_a_country_and_shared_owners_in_coordination(resolve):
    doc, idx = resolve(
        "Soldiers from Syria crossed the border. The Danish media and "
        "government criticized the raid."
    )
    assert code_of(idx, doc, "Soldiers") == "SYRMIL"
    assert code_of(idx, doc, "media") == "DNKMED"
    assert code_of(idx, doc, "government") == "DNKGOV"


def test_an_office_before_a_bare_country_name_narrows_it(nlp):
    kb = load_kb(empty=True)
    kb.add_entries(
        [KBEntry("dict:toy:BRE", "Romendacil", "dictionary", "BRE", "BRE", None, ["ROMENDACIL"])]
    )
    from annales.actors import SectorWord

    kb.add_sector_words([SectorWord("prime minister", "GOV", "toy")])
    doc = nlp("Bree Prime Minister Romendacil will meet the leaders on Sunday.")
    idx = ActorResolver(kb, nlp.vocab)(doc, None)
    assert code_of(idx, doc, "Romendacil") == "BREGOV"


def test_petrarch_no_code_marker_gives_a_null_code(nlp):
    kb = load_kb(empty=True)
    kb.add_entries(
        [KBEntry("dict:toy:---", "Boromir", "dictionary", "---", None, None, ["BOROMIR"])]
    )
    doc = nlp("Boromir attacked the camp.")
    entity = ActorResolver(kb, nlp.vocab)(doc, None).entity_for(head(doc, "Boromir"))
    assert entity is not None and (entity.code, entity.country) == (None, None)


# --- titles, metonyms, groups and coreference added with the extended knowledge base ---------
@pytest.mark.parametrize(
    "text,word,code",
    [
        ("The Israeli prime minister met foreign envoys on Monday.", "minister", "ISRGOV"),
        ("Iran's foreign minister warned Washington against new sanctions.", "minister", "IRNGOV"),
        ("The U.S. secretary of state arrived in Riyadh late on Tuesday.", "secretary", "USAGOV"),
        ("The French president called for restraint.", "president", "FRAGOV"),
        ("Russia's defense minister visited the air base.", "minister", "RUSMIL"),
        ("The Saudi crown prince will host the summit.", "prince", "SAUGOV"),
    ],
)
def test_titles_alone(resolve, text, word, code):
    doc, idx = resolve(text)
    assert code_of(idx, doc, word) == code


@pytest.mark.parametrize(
    "text,word,code",
    [
        ("Foggy Bottom declined to comment on the leaked cable.", "Bottom", "USAGOV"),
        ("The Elysee said the meeting was productive.", "Elysee", "FRAGOV"),
        ("Number 10 said no deal was better than a bad deal.", "Number", "GBRGOV"),
        ("The CIA concluded that the prince ordered the killing.", "CIA", "USASPY"),
        ("The Quds Force trained the militias.", "Force", "IRNMIL"),
    ],
)
def test_more_metonyms(resolve, text, word, code):
    doc, idx = resolve(text)
    assert code_of(idx, doc, word) == code


def test_groups_of_states_are_not_one_state(resolve):
    doc, idx = resolve("Western governments and European countries condemned the strike.")
    western = idx.entity_for(head(doc, "governments"))
    european = idx.entity_for(head(doc, "countries"))
    assert (western.code, western.country) == ("WSTGOV", "WST")
    assert (european.code, european.country) == ("EUR", "EUR")


def test_a_possessor_beats_a_nearer_modifier(resolve):
    doc, idx = resolve("Libya's UN-backed government took control of the port.")
    assert code_of(idx, doc, "government") == "LBYGOV"


def test_a_possessive_description_takes_its_owner(resolve):
    doc, idx = resolve(
        "Syria accused Turkey of aggression. The country's president said the army would respond."
    )
    assert code_of(idx, doc, "president") == "SYRGOV"


def test_a_name_the_tagger_missed_still_resolves(resolve):
    doc, idx = resolve("Pezeshkian said Tehran was ready to resume talks.", date(2024, 9, 23))
    assert code_of(idx, doc, "Pezeshkian") == "IRNGOV"


def test_he_skips_a_plural_antecedent(resolve):
    doc, idx = resolve(
        "Secretary of State Mike Pompeo said the sanctions were tough. Speaking "
        "to reporters, he warned European firms.",
        date(2018, 11, 5),
    )
    assert code_of(idx, doc, "he") == "USAGOV"


def test_a_dateline_is_no_part_of_the_name_after_it(resolve):
    doc, idx = resolve(
        "(Reuters) - Democratic U.S. Representative Jane Okafor said she would not resign."
    )
    okafor = idx.entity_for(head(doc, "Okafor"))
    assert okafor.country == "USA" and "Reuters" not in okafor.text
    assert idx.entity_for(head(doc, "she")).country == "USA"


def test_a_pronoun_never_refers_to_the_dateline(resolve):
    doc, idx = resolve(
        "WASHINGTON (Reuters) - The special counsel's office has spent $3 million "
        "on its inquiry so far."
    )
    its = idx.entity_for(head(doc, "its"))
    assert its is None or its.country != "GBR"


def test_she_skips_a_man_and_he_skips_a_woman(resolve):
    doc, idx = resolve(
        "President Emmanuel Macron praised German Chancellor Angela Merkel on "
        "Monday after she criticized him over the budget.",
        date(2019, 5, 6),
    )
    assert code_of(idx, doc, "she") == "DEUGOV"
    assert code_of(idx, doc, "him") == "FRAGOV"


@pytest.mark.parametrize(
    "text, gender",
    [
        ("Ms Okonjo said", "F"),
        ("the spokeswoman said", "F"),
        ("Mr Haddad said", "M"),
        ("Senator Kirsten Holm said", "F"),
        ("Senator Mitchell Holm said", "M"),
        ("Zorbulat Qenn said", None),  # a name the dictionary does not know: no constraint
    ],
)
def test_gender_of_a_person_mention(nlp, text, gender):
    from annales.actors.gender import gender_of
    from annales.actors.mentions import Mention
    from annales.schema import Entity

    doc = nlp(text)
    mention = Mention(
        start=0,
        end=len(doc) - 1,
        head=len(doc) - 2,
        entity=Entity(text=doc[:-1].text),
        entry=None,
        kind="unknown",
        person=True,
    )
    assert gender_of(mention, doc) == gender


def test_first_person_in_a_quote_takes_the_speaker_named_after_it(resolve):
    doc, idx = resolve(
        '"We will not accept this," Hollande said after the meeting.', date(2016, 6, 1)
    )
    assert code_of(idx, doc, "We") == "FRAGOV"


@pytest.mark.parametrize(
    "text,word,code",
    [
        (
            "NATO leaders met in Warsaw. The alliance agreed to deploy four battalions.",
            "alliance",
            "IGOWSTNAT",
        ),
        ("Hamas rejected the proposal. The group said it would keep fighting.", "group", "PSEREB"),
        ("Iran launched a satellite. The country said the launch was peaceful.", "country", "IRN"),
        (
            "The General Assembly adopted the resolution. The body also called for aid.",
            "body",
            "IGOUNO",
        ),
    ],
)
def test_generic_definite_descriptions(resolve, text, word, code):
    doc, idx = resolve(text)
    assert code_of(idx, doc, word) == code


def test_a_spokesman_for_an_organization(resolve):
    doc, idx = resolve("A spokesman for Hamas said the group would not accept the initiative.")
    assert code_of(idx, doc, "spokesman") == "PSEREB"
    doc, idx = resolve("The envoy for Syria met the rival delegations.")
    assert code_of(idx, doc, "envoy") is None  # not Syria's envoy


def test_a_coordinated_demonym_shares_the_sector_word(resolve):
    doc, idx = resolve("The Israeli and Palestinian leaders met in Sharm el-Sheikh.")
    assert code_of(idx, doc, "Palestinian") == "PSEGOV"


def test_another_given_name_is_another_person(resolve):
    doc, idx = resolve(
        "Melania Trump visited a hospital, and Mr. Trump spoke to reporters.", date(2018, 5, 14)
    )
    melania = idx.entity_for(head(doc, "Trump"))
    assert (melania.kb_id, melania.code) == (None, None)
    assert code_of(idx, doc, "Trump", 1) == "USAGOV"  # an honorific is not a given name


def test_a_lower_case_word_is_not_a_one_word_name(resolve):
    doc, idx = resolve("The court granted amnesty to the prisoners, and Amnesty welcomed it.")
    assert idx.entity_for(head(doc, "amnesty")) is None
    assert code_of(idx, doc, "Amnesty") == "NGOHRIAMN"


def test_a_lone_name_after_the_full_name_is_the_same_person(nlp):
    from datetime import date

    from annales.actors import ActorResolver, load_kb

    doc = nlp(
        "President Donald Trump met North Korean leader Kim Jong Un in Singapore on "
        "Tuesday. Kim committed to work toward the denuclearization of the peninsula."
    )
    index = ActorResolver(load_kb(), nlp.vocab)(doc, date(2018, 6, 13))
    kim = next(t for t in doc if t.text == "Kim" and t.sent.start > 0)
    entity = index.entity_for(kim)
    assert entity is not None and entity.country == "PRK" and entity.text == "Kim"


def test_part_of_a_full_name_is_the_same_person(resolve):
    doc, idx = resolve(
        "Crown Prince Mohammed bin Salman met the Emir of Qatar on Monday. "
        "Bin Salman later flew to Cairo."
    )
    salman = [t for t in doc if t.text == "Salman"][1]
    assert idx.entity_for(salman).country == "SAU"
    # a name with a word the earlier one lacks is someone else
    doc, idx = resolve("Mohammed bin Salman met Yasir bin Salman on Monday.")
    assert idx.entity_for([t for t in doc if t.text == "Salman"][1]).country is None


def test_two_names_joined_by_a_slash_are_one_actor(resolve):
    doc, idx = resolve("The YPG/YPJ held the line. They were commended by NATO commanders.")
    assert idx.entity_for(head(doc, "They")).country == "SYR"


def test_a_lone_name_nobody_was_called_stays_unknown(nlp):
    from datetime import date

    from annales.actors import ActorResolver, load_kb

    doc = nlp("Kim committed to work toward the denuclearization of the peninsula.")
    index = ActorResolver(load_kb(), nlp.vocab)(doc, date(2018, 6, 13))
    entity = index.entity_for(doc[0])
    assert entity is not None and entity.country is None


@pytest.mark.parametrize(
    "text, word, country",
    [
        ("A congressman from Georgia, Ben Carter, criticised the treaty.", "Georgia", "USA"),
        ("Senator Ann Reyes of Georgia praised the deal.", "Georgia", "USA"),
        ("The Georgia Republican voted against the bill.", "Georgia", "USA"),
        ("Georgia's president met his Russian counterpart in Tbilisi.", "Georgia", "GEO"),
        ("Russian troops entered Georgia in 2008.", "Georgia", "GEO"),
        ("An envoy from Georgia criticised Moscow.", "Georgia", "GEO"),
    ],
)
def test_a_country_named_like_a_us_state_is_the_state_in_us_politics(resolve, text, word, country):
    doc, idx = resolve(text)
    assert idx.entity_for(head(doc, word)).country == country


def test_hackers_take_the_country_of_their_demonym(resolve):
    doc, idx = resolve("Iranian hackers broke into the ministry's servers.")
    assert idx.entity_for(head(doc, "hackers")).country == "IRN"

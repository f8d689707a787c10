"""The event lexicon and the CAMEO code table: schema, consistency, and pattern matching."""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from annales.errors import DataFileError
from annales.events import codes
from annales.events.lexicon import COLUMNS, CONDITIONS, load_lexicon, read_rows
from annales.schema import EVENT_TYPES

LEXICON = resources.files("annales").joinpath("data", "lexicon", "events.tsv")
GOLDSTEIN = resources.files("annales").joinpath("data", "lexicon", "goldstein.tsv")


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def entries(lexicon):
    """Rows that code an event (blocker rows have an empty event)."""
    return [e for e in lexicon if e.event]


def _plover_table(shared_dir) -> dict[str, str]:
    path = shared_dir / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
    if not path.is_file():
        pytest.skip("CAMEO2PLOVER table not present")
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


# --- schema -------------------------------------------------------------------------------
def test_header_and_rows_are_well_formed():
    rows = [row for _, row in read_rows(LEXICON)]
    assert tuple(rows[0].keys()) == COLUMNS
    assert 300 <= len(rows) <= 1100
    for row in rows:
        assert re.fullmatch(r"[a-z]+", row["lemma"]), row
        assert row["pos"] in ("VERB", "NOUN"), row
        if not row["event"]:  # blocker row: a pattern, nothing else
            assert row["pattern"] and not (row["mode"] or row["cameo"] or row["recipient"]), row
            continue
        assert re.fullmatch(r"\d{2,4}", row["cameo"]), row
        for part in filter(None, row["pattern"].split("+")):
            kind, _, value = part.partition(":")
            assert kind in CONDITIONS and re.fullmatch(r"[a-z]+|\*|@[a-z]+", value), row
        for slot in filter(None, row["recipient"].split(",")):
            assert re.fullmatch(r"dobj|dative|[a-z]+", slot), row


def test_rows_are_unique(lexicon):
    keys = [(e.lemma, e.pos, e.pattern) for e in lexicon]
    assert len(keys) == len(set(keys))


def test_every_event_type_has_verbs_and_the_lexicon_loads(entries):
    verbs = {e.event for e in entries if e.pos == "VERB"}
    assert verbs == set(EVENT_TYPES)
    nouns = {e.event for e in entries if e.pos == "NOUN"}
    assert len(nouns) >= 14


def test_modes_belong_to_their_event(entries):
    for e in entries:
        assert e.mode is None or e.mode in codes.PLOVER_MODES[e.event], e


def test_quad_class_and_goldstein_follow_the_code_table(entries):
    for e in entries:
        assert e.quad_class == codes.quad_class(e.cameo)
        assert e.goldstein == codes.goldstein(e.cameo)


def test_codes_exist_in_the_cameo_codebook(entries, shared_dir):
    path = shared_dir / "data" / "cameo_codebook" / "cameo.csv"
    if not path.is_file():
        pytest.skip("CAMEO codebook not present")
    known = {row[0] for row in csv.reader(path.open(encoding="utf-8")) if row}
    assert {e.cameo for e in entries} <= known


def test_codes_map_to_the_same_plover_event(entries, shared_dir):
    table = _plover_table(shared_dir)
    wrong = []
    for e in entries:
        expected = codes.plover_exception(e.cameo) or table.get(e.cameo)
        if expected is None and e.cameo[:3] in table:  # a 4-digit code the table leaves out
            expected = table[e.cameo[:3]]
        if expected != e.event:
            wrong.append((e.lemma, e.pattern, e.cameo, e.event, expected))
    assert wrong == []


def test_documented_exceptions_really_differ_from_the_table(shared_dir):
    table = _plover_table(shared_dir)
    assert table["163"] == "COERCE" and codes.PLOVER_EXCEPTIONS["163"] == "SANCTION"
    assert not any(code.startswith("02") for code in table)


# --- the Goldstein table ------------------------------------------------------------------
def test_goldstein_table_schema():
    with GOLDSTEIN.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0]) == ["cameo", "goldstein"]
    seen = [r["cameo"] for r in rows]
    assert len(seen) == len(set(seen))
    assert {f"{n:02d}" for n in range(1, 21)} <= set(seen)
    for r in rows:
        score = float(r["goldstein"])
        assert -10.0 <= score <= 10.0
        if codes.quad_class(r["cameo"]) >= 3:
            assert score < 0, r  # every conflict code scores below zero


def test_goldstein_values_and_fallback():
    assert codes.goldstein("057") == 8.0
    assert codes.goldstein("163") == -8.0
    assert codes.goldstein("1312") == codes.goldstein("131")  # four digits: parent's score
    assert codes.goldstein("1823") == -10.0  # listed where it differs
    assert [codes.quad_class(c) for c in ("042", "073", "112", "190")] == [1, 2, 3, 4]
    with pytest.raises(ValueError):
        codes.quad_class("21")


def test_a_bad_row_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "events.tsv"
    bad.write_text(
        "\t".join(COLUMNS) + "\n# comment\nattack\tVERB\t\tFIGHT\t\t190\tdobj\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        load_lexicon(bad)
    assert "E005" in str(info.value) and ":3" in str(info.value) and "FIGHT" in str(info.value)


def test_a_blocker_row_must_be_bare(tmp_path):
    bad = tmp_path / "events.tsv"
    bad.write_text("\t".join(COLUMNS) + "\nrelease\tNOUN\tmod:press\t\t\t084\t\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon(bad)


def test_a_bad_header_is_reported(tmp_path):
    bad = tmp_path / "events.tsv"
    bad.write_text("lemma\tevent\nattack\tASSAULT\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon(bad)


# --- matching on parsed text --------------------------------------------------------------
def _entry(nlp, lexicon, text: str, word: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return lexicon.lookup(tok)


@pytest.mark.parametrize(
    "text, word, event, cameo",
    [
        ("The EU imposed sanctions on Russia.", "imposed", "SANCTION", "163"),
        ("Iran threatened to attack Israel.", "threatened", "THREATEN", "138"),
        ("Iran threatened the United States.", "threatened", "THREATEN", "130"),
        ("The two sides struck a deal on Tuesday.", "struck", "AGREE", "030"),  # reaching a deal
        ("Budget negotiators reached an agreement late on Sunday.", "reached", "AGREE", "030"),
        ("The two ministers signed an agreement on fishing rights.", "signed", "SUPPORT", "057"),
        ("Rebels struck the convoy.", "struck", "ASSAULT", "190"),
        ("Israel carried out an air strike on Gaza.", "strike", "ASSAULT", "195"),
        ("Workers launched a general strike.", "strike", "PROTEST", "143"),
        ("Dockers went on strike in Marseille.", "strike", "PROTEST", "143"),
        ("France called on Iran to release the sailors.", "called", "REQUEST", "020"),
        ("Washington recalled its ambassador from Caracas.", "recalled", "SANCTION", "161"),
        ("The United States withdrew from the treaty.", "withdrew", "SANCTION", "166"),
        ("Russia withdrew its troops from the border.", "withdrew", "RETREAT", "087"),
        ("The ministers held talks in Geneva.", "held", "CONSULT", "040"),
        ("Iran agreed to resume talks with France.", "agreed", "AGREE", "036"),  # word beats "*"
        ("Iran agreed to a prisoner exchange.", "agreed", "AGREE", "030"),
        ("Obama warned that Russia will face sanctions.", "warned", "THREATEN", "130"),  # ccomp
        (
            "North Korea threatened on Wednesday to fire missiles at the island.",
            "threatened",
            "THREATEN",
            "138",
        ),
        ("The council demanded an end to the shelling.", "demanded", "REQUEST", "1042"),
        # word classes (classes.tsv): "@money", "@relief", "@projectiles"...
        ("Germany gave 352 million euros to Ethiopia.", "gave", "AID", "071"),
        ("China sent doctors and medical supplies to Italy.", "sent", "AID", "073"),  # a conjunct
        ("Canada will accept 25,000 Syrian refugees by February.", "accept", "AID", "075"),
        (
            "Norway will participate in the NATO exercise next month.",
            "participate",
            "COOPERATE",
            "062",
        ),
        ("Iran launched drones at Israeli cities overnight.", "launched", "ASSAULT", "194"),
        ("Turkey closed its border with Syria on Monday.", "closed", "COERCE", "191"),
        ("The US Treasury removed sanctions on the shipping company.", "removed", "RETREAT", "085"),
        ("The United States has cut tariffs on Chinese farm goods.", "cut", "RETREAT", "085"),
        ("Washington reduced military aid to Cairo.", "reduced", "SANCTION", "162"),
        (
            "The Taliban announced a three-day cease-fire for the Eid holiday.",
            "fire",
            "RETREAT",
            "0871",
        ),
        ("Egypt lifted the state of emergency in North Sinai.", "lifted", "RETREAT", "0814"),
        ("Truck drivers called off their strike on Friday.", "called", "CONCEDE", "082"),
        ("The minister declined to resign over the scandal.", "declined", "REJECT", "1231"),
        # a particle the parser made an adverb
        (
            "The European Union urged Russia to pull back its troops from the border.",
            "pull",
            "RETREAT",
            "087",
        ),
    ],
)
def test_patterns_pick_the_most_specific_row(nlp, lexicon, text, word, event, cameo):
    entry = _entry(nlp, lexicon, text, word)
    assert entry is not None and (entry.event, entry.cameo) == (event, cameo)


# general news vocabulary, much of it in the nominal and passive forms headlines use
@pytest.mark.parametrize(
    "text, word, event, cameo",
    [
        (
            "The foreign minister expressed willingness to resume talks with Kyiv.",
            "expressed",
            "AGREE",
            "030",
        ),
        ("Putin and Erdogan spoke by phone on Tuesday.", "spoke", "CONSULT", "041"),
        ("The two countries agreed to expand diplomatic ties.", "expand", "SUPPORT", "050"),
        ("Egypt and Qatar resumed diplomatic relations in January.", "resumed", "SUPPORT", "050"),
        (
            "Ankara and Cairo have stepped up diplomatic cooperation.",
            "cooperation",
            "SUPPORT",
            "050",
        ),
        ("China began importing grain from Ukraine.", "importing", "COOPERATE", "061"),
        ("Trade between China and Australia rose 5 percent.", "Trade", "COOPERATE", "061"),
        ("The carmaker formed a joint venture with Toyota.", "venture", "COOPERATE", "061"),
        (
            "Troops from both countries held joint maneuvers near the border.",
            "maneuvers",
            "COOPERATE",
            "062",
        ),
        ("The agencies agreed to expand intelligence sharing.", "sharing", "COOPERATE", "064"),
        ("The EU approved a $1 billion aid package for Jordan.", "package", "AID", "070"),
        ("The government relaxed restrictions on foreign travel.", "relaxed", "CONCEDE", "081"),
        (
            "The union suspended its strike after talks with the ministry.",
            "suspended",
            "CONCEDE",
            "082",
        ),
        (
            "The rebels announced a suspension of attacks on government forces.",
            "suspension",
            "RETREAT",
            "087",
        ),
        ("The ministry brought a case against three former officials.", "brought", "ACCUSE", "115"),
        ("Hungary declined the invitation to attend the summit.", "declined", "REJECT", "120"),
        ("The government declined to lift the curfew.", "declined", "REJECT", "120"),
        ("Transport workers joined a nationwide strike on Monday.", "strike", "PROTEST", "143"),
        ("Dockers in Antwerp announced a work stoppage.", "stoppage", "PROTEST", "143"),
        ("Three nights of rioting left the city centre in ruins.", "rioting", "PROTEST", "145"),
        ("Several leaders shunned the summit in Minsk.", "shunned", "PROTEST", "143"),
        ("Authorities blocked the border with Syria.", "blocked", "COERCE", "191"),
        ("Libya raised the military readiness of its forces.", "readiness", "MOBILIZE", "152"),
        ("The army called up 300,000 reservists.", "called", "MOBILIZE", "154"),
        ("Hundreds of militia members were called into action.", "called", "MOBILIZE", "154"),
        ("Senegal suspended relations with Israel.", "suspended", "SANCTION", "161"),
        ("The junta ejected UN observers from the country.", "ejected", "SANCTION", "1662"),
        ("Authorities cut off the internet in three provinces.", "cut", "COERCE", "1721"),
        (
            "The government suspended social media platforms after the unrest.",
            "suspended",
            "COERCE",
            "1721",
        ),
        ("An internet shutdown began in the region on Monday.", "shutdown", "COERCE", "1721"),
        ("New restrictions on movement took effect on Friday.", "restrictions", "COERCE", "172"),
        ("The president extended martial law for another month.", "law", "COERCE", "1724"),
        ("A cyber attack disabled the power grid.", "attack", "COERCE", "170"),
        ("A cyberattack took down the ministry's network.", "cyberattack", "COERCE", "170"),
        ("Gunmen injured six people in the attack.", "injured", "ASSAULT", "182"),
        ("Warplanes pummeled rebel positions near the town.", "pummeled", "ASSAULT", "194"),
        ("A priest was burned to death in the village.", "burned", "ASSAULT", "1823"),
        ("Government forces used chlorine gas in Douma.", "used", "ASSAULT", "180"),
        ("Police fired tear gas at protesters.", "fired", "ASSAULT", "175"),
        ("The report documents ethnic cleansing in the region.", "cleansing", "ASSAULT", "203"),
        ("A car bomb exploded near the market.", "bomb", "ASSAULT", "1832"),
        ("Youths threw stones at police.", "threw", "ASSAULT", "180"),
        ("Several Western leaders snubbed the ceremony in Moscow.", "snubbed", "PROTEST", "143"),
        ("Morocco froze ties with Germany in March.", "froze", "SANCTION", "161"),
        ("Russia exported more oil to India last year.", "exported", "COOPERATE", "061"),
        ("Both leaders vowed to deepen ties during the visit.", "deepen", "SUPPORT", "050"),
        ("The governor called in police to restore order.", "called", "MOBILIZE", "153"),
        ("Police were called in to disperse the crowd.", "called", "MOBILIZE", "153"),
        ("The government called in the army.", "called", "MOBILIZE", "154"),
        ("A suicide bomb killed 12 people at the checkpoint.", "bomb", "ASSAULT", "1831"),
        ("A woman was stoned to death in the province.", "stoned", "ASSAULT", "1823"),
        ("The authorities ejected two foreign reporters.", "ejected", "COERCE", "174"),
        ("Officials warned of cyber warfare against the grid.", "warfare", "COERCE", "170"),
        ("The navy began military maneuvers off the coast.", "maneuvers", "MOBILIZE", "152"),
        ("The two ministers talked by phone on Sunday.", "talked", "CONSULT", "041"),
        ("Authorities imposed an internet blackout in the region.", "blackout", "COERCE", "1721"),
    ],
)
def test_news_vocabulary(nlp, lexicon, text, word, event, cameo):
    entry = _entry(nlp, lexicon, text, word)
    assert entry is not None and (entry.event, entry.cameo) == (event, cameo)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The minister said the talks had failed.", "said"),  # reporting: attribution
        ("Palestinians hope to take the campaign to the UN.", "hope"),  # sets modality only
        ("The ministers held a press conference.", "held"),  # "hold" alone is no event
        ("Aid workers reached the town.", "reached"),
        ("Ministers agree that the plan is sound.", "agree"),  # opinion, not agreement
        ("I agree with Mr Forsyth.", "agree"),
        ("The minister insisted the plan was sound.", "insisted"),
        ("The ministry issued a press release.", "release"),  # blocker rows
        ("He died of a heart attack.", "attack"),
        ("Oil prices hit a record in May.", "hit"),
        ("The constitution provided that the council elects its chair.", "provided"),
        ("Israel will allow fuel into Gaza provided that Hamas releases the hostages.", "provided"),
        ("The minister declined to comment.", "declined"),
        ("Two people were injured in a car accident.", "injured"),
        ("The news site was hit by a cyber attack.", "hit"),  # the attack is the event
    ],
)
def test_non_events_are_not_in_the_lexicon(nlp, lexicon, text, word):
    assert _entry(nlp, lexicon, text, word) is None


def test_entry_carries_the_record_fields(nlp, lexicon):
    e = _entry(nlp, lexicon, "Sweden recognized Palestine.", "recognized")
    assert (e.event, e.mode, e.cameo, e.quad_class, e.goldstein) == ("SUPPORT", None, "054", 1, 6.0)


def test_a_subject_condition_needs_the_actor_class(nlp, lexicon):
    tok = next(t for t in nlp("Protesters stormed the parliament.") if t.text == "stormed")
    assert lexicon.match(tok).entry.event == "ASSAULT"  # nobody said who: the plain row
    assert lexicon.match(tok, actor_class="crowd").entry.cameo == "145"
    tok = next(t for t in nlp("Japan protested on Friday.") if t.text == "protested")
    assert lexicon.match(tok, actor_class="state").entry.cameo == "114"
    assert lexicon.match(tok).entry.cameo == "141"
    tok = next(t for t in nlp("Protesters blocked the border crossing.") if t.text == "blocked")
    assert lexicon.match(tok, actor_class="crowd").entry.cameo == "144"
    assert lexicon.match(tok).entry.cameo == "191"
    tok = next(t for t in nlp("Youths threw stones at police.") if t.text == "threw")
    assert lexicon.match(tok, actor_class="crowd").entry.cameo == "145"


def test_a_subject_condition_takes_a_known_class(tmp_path):
    bad = tmp_path / "events.tsv"
    bad.write_text(
        "\t".join(COLUMNS) + "\nstorm\tVERB\tsubj:army\tASSAULT\t\t190\tdobj\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError):
        load_lexicon(bad)


def test_a_word_class_must_exist(tmp_path):
    bad = tmp_path / "events.tsv"
    bad.write_text(
        "\t".join(COLUMNS) + "\nsend\tVERB\tobj:@nosuchclass\tAID\t\t070\tto\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError):
        load_lexicon(bad)


def test_word_classes_are_lemmas_and_used():
    from annales.events.lexicon import load_classes

    classes = load_classes()
    from annales.events.evaluations import CLASSES as judged

    used = {
        value[1:]
        for _, row in read_rows(LEXICON)
        for part in filter(None, row["pattern"].split("+"))
        for value in [part.partition(":")[2]]
        if value.startswith("@")
    } | set(judged)
    assert used <= set(classes) and set(classes) <= used
    for name, words in classes.items():
        assert words and all(w == w.lower() and " " not in w for w in words), name


# verb + particle / object-class constructions that headlines use for their main event
@pytest.mark.parametrize(
    "text, word, event, cameo",
    [
        ("China wrote off Zambian debt on Monday.", "wrote", "AID", "071"),
        ("Saudi Arabia deposited $2 billion in the central bank.", "deposited", "AID", "071"),
        ("The World Bank released $150 million for Haiti.", "released", "AID", "071"),
        ("Brazil sent firefighters to Bolivia.", "sent", "AID", "073"),
        ("The US sent air defence systems to Ukraine.", "sent", "AID", "072"),
        ("Turkmenistan began pumping gas to Azerbaijan.", "pumping", "COOPERATE", "061"),
        ("Uzbekistan resumed electricity exports to Tajikistan.", "resumed", "COOPERATE", "061"),
        (
            "Philippine and Australian troops trained together in Mindanao.",
            "trained",
            "COOPERATE",
            "062",
        ),
        (
            "Brazil and Paraguay began joint operations against smugglers.",
            "operations",
            "COOPERATE",
            "062",
        ),
        ("The government bowed to pressure from the unions.", "bowed", "CONCEDE", "080"),
        ("Turkey will ease visa rules for Armenians.", "ease", "CONCEDE", "081"),
        ("The military handed over power to a civilian government.", "handed", "CONCEDE", "0831"),
        ("Hundreds of rebels handed in their weapons.", "handed", "RETREAT", "0873"),
        ("Zimbabwe admitted EU election observers.", "admitted", "RETREAT", "0862"),
        ("Japan lifted its export curbs on South Korea.", "lifted", "RETREAT", "085"),
        ("The rebels extended the truce by a week.", "extended", "RETREAT", "0871"),
        ("The president pardoned 300 prisoners.", "pardoned", "RETREAT", "0841"),
        ("The Philippines filed a diplomatic protest over the incident.", "filed", "ACCUSE", "114"),
        ("Guyana took Venezuela to the World Court.", "took", "ACCUSE", "115"),
        ("Beijing summoned the Japanese ambassador.", "summoned", "ACCUSE", "114"),
        ("China warned of resolute countermeasures.", "warned", "THREATEN", "130"),
        ("Opposition supporters took to the streets of Kinshasa.", "took", "PROTEST", "141"),
        ("Dockworkers walked out at the port.", "walked", "PROTEST", "143"),
        ("Teachers downed tools over unpaid salaries.", "downed", "PROTEST", "143"),
        ("Thousands of nurses struck for better wages.", "struck", "PROTEST", "143"),
        ("Ethiopia moved heavy weapons toward the frontier.", "moved", "MOBILIZE", "154"),
        ("The rebels reinforced their positions near Goma.", "reinforced", "MOBILIZE", "154"),
        ("Security was beefed up in Islamabad.", "beefed", "MOBILIZE", "153"),
        ("Police stepped up patrols in the capital.", "stepped", "MOBILIZE", "153"),
        ("Troops patrolled the streets of Quito.", "patrolled", "MOBILIZE", "150"),
        ("South Korea scrapped its intelligence pact with Japan.", "scrapped", "SANCTION", "166"),
        ("Armenia froze its participation in the bloc.", "froze", "SANCTION", "166"),
        ("Burundi withdrew from the International Criminal Court.", "withdrew", "SANCTION", "166"),
        ("Russia cut off gas to Moldova.", "cut", "SANCTION", "160"),
        ("China halted imports of Taiwanese fruit.", "halted", "SANCTION", "160"),
        ("The World Bank halted funding for Ugandan projects.", "halted", "SANCTION", "1621"),
        (
            "Niger ordered the French ambassador to leave within 48 hours.",
            "ordered",
            "SANCTION",
            "161",
        ),
        ("The president suspended parliament on Sunday.", "suspended", "COERCE", "172"),
        ("A network spread disinformation ahead of the vote.", "spread", "COERCE", "170"),
        ("The government blocked food convoys to Daraa.", "blocked", "COERCE", "191"),
        ("Soldiers cordoned off the district.", "cordoned", "COERCE", "191"),
        ("Peru declared a state of emergency in Lima.", "declared", "COERCE", "1724"),
        ("Militants set fire to two schools.", "set", "ASSAULT", "1712"),
        ("Soldiers opened fire on the crowd.", "opened", "ASSAULT", "193"),
        ("Iran downed an American drone.", "downed", "ASSAULT", "190"),
    ],
)
def test_headline_constructions(nlp, lexicon, text, word, event, cameo):
    entry = _entry(nlp, lexicon, text, word)
    assert entry is not None and (entry.event, entry.cameo) == (event, cameo)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Iraq pumped more oil last month.", "pumped"),  # production, no recipient
        ("The company moved its headquarters to Dubai.", "moved"),  # "move" needs arms or forces
        ("The report reinforced those concerns.", "reinforced"),
        ("The minister walked to the podium.", "walked"),  # "walk" needs "out"
        ("The government sent a letter to the council.", "sent"),
        ("The storm cut off power to the island.", "cut"),  # "power" is not a good
    ],
)
def test_headline_constructions_stay_precise(nlp, lexicon, text, word):
    assert _entry(nlp, lexicon, text, word) is None


@pytest.mark.parametrize(
    "text, word, event, cameo",
    [
        ("Turkey hosts 3.6 million Syrian refugees.", "hosts", "AID", "075"),
        ("Israel and Hamas swapped prisoners on Sunday.", "swapped", "RETREAT", "0841"),
        ("The IMF disbursed $1 billion to Pakistan.", "disbursed", "AID", "071"),
        ("China extended a $2 billion loan to Sri Lanka.", "extended", "AID", "071"),
        ("The government deployed doctors to the flooded region.", "deployed", "AID", "073"),
        ("UNHCR flew tents and blankets to Herat.", "flew", "AID", "073"),  # not a visit
        ("The IMF approved a $3 billion bailout for Egypt.", "approved", "AID", "071"),
        ("Germany sent police trainers to Niger.", "sent", "AID", "070"),
    ],
)
def test_aid_constructions(nlp, lexicon, text, word, event, cameo):
    entry = _entry(nlp, lexicon, text, word)
    assert entry is not None and (entry.event, entry.cameo) == (event, cameo)


# legal cooperation, court orders, permission and requests that real news reports often
@pytest.mark.parametrize(
    "text, word, event, cameo",
    [
        (
            "Sudan agreed to repatriate the detained fishermen to Egypt.",
            "repatriate",
            "COOPERATE",
            "063",
        ),
        (
            "The former minister will testify before the inquiry on Monday.",
            "testify",
            "COOPERATE",
            "063",
        ),
        ("The envoy answered questions from the committee.", "answered", "COOPERATE", "063"),
        ("A judge blocked the ministry from deporting the activists.", "blocked", "COERCE", "172"),
        ("The court issued an injunction against the new rules.", "injunction", "COERCE", "172"),
        ("Egypt allowed the students to leave the country.", "allowed", "CONCEDE", "080"),
        ("Kurdish fighters battled Islamic State near Raqqa.", "battled", "ASSAULT", "190"),
        ("Beijing told Manila to tow away its ship.", "told", "REQUEST", "020"),
        ("The minister instructed the army to open the crossings.", "instructed", "REQUEST", "020"),
        ("Washington kept up the pressure on Caracas.", "pressure", "REQUEST", "020"),
        (
            "The ministers held discussions with their Iraqi counterparts.",
            "discussions",
            "CONSULT",
            "040",
        ),
        ("Peacekeepers will protect civilians in the camps.", "protect", "AID", "074"),
        # pressing for a policy, seeking something of someone
        ("The minister's push for an extension of the subsidy failed.", "push", "REQUEST", "020"),
        # a war or a fight against someone is armed conflict; a trade war or a war on drugs is not
        ("The ground war against the militia entered its third month.", "war", "ASSAULT", "190"),
        ("The army's fight against the insurgents dragged on.", "fight", "ASSAULT", "190"),
        (
            "The prosecutor's office is seeking a court order against the broadcaster.",
            "seeking",
            "REQUEST",
            "020",
        ),
        ("The ministry rebutted the report's findings.", "rebutted", "REJECT", "120"),
        ("Parliament voted to impeach the president.", "impeach", "ACCUSE", "112"),
        (
            "The envoy had spoken with Iranian officials before the vote.",
            "spoken",
            "CONSULT",
            "040",
        ),
        ("The two chambers debated the budget late into the night.", "debated", "CONSULT", "040"),
        (
            "The upper chamber agreed to go to conference with the lower chamber on it.",
            "go",
            "CONSULT",
            "040",
        ),
        ("Leaders of both parties will get together on Monday.", "get", "CONSULT", "040"),
        ("Berlin raised concerns about the arrests.", "raised", "ACCUSE", "111"),
        ("The militia holds dozens of foreign fighters in a camp.", "holds", "COERCE", "173"),
        ("Ankara joined forces with Baku against the rebels.", "joined", "COOPERATE", "060"),
        ("Moscow condemned the expulsion of its diplomats.", "expulsion", "SANCTION", "161"),
        ("The embassy cut staff after diplomatic expulsions.", "expulsions", "SANCTION", "161"),
        # working with another party on policy: diplomatic cooperation
        (
            "The ministry will work with the opposition on the electoral law.",
            "work",
            "SUPPORT",
            "050",
        ),
        # legal action: a ruling appealed, an injunction sought (not an appeal for help)
        ("The governor will appeal the court's decision.", "appeal", "ACCUSE", "115"),
        ("The union sought an injunction against the ministry.", "sought", "ACCUSE", "115"),
        ("Kabul appealed to its neighbours for calm.", "appealed", "REQUEST", "020"),
        # quitting an office or a race is resigning; quitting a treaty is leaving it
        ("The senator will quit the race on Monday.", "quit", "CONCEDE", "0831"),
        ("The minister quit her post after the vote.", "quit", "CONCEDE", "0831"),
        ("Washington quit the treaty in 2019.", "quit", "SANCTION", "166"),
        # restoring relations, however it is worded
        ("Kuwait will re-establish ties with Damascus.", "establish", "SUPPORT", "050"),
        ("Ankara moved to mend relations with Cairo.", "mend", "SUPPORT", "050"),
    ],
)
def test_real_news_constructions(nlp, lexicon, text, word, event, cameo):
    entry = _entry(nlp, lexicon, text, word)
    assert entry is not None and (entry.event, entry.cameo) == (event, cameo)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The ministry released a statement on the talks.", "released"),
        ("The president signed the spending bill into law.", "signed"),
        ("The former adviser pleaded guilty to lying.", "pleaded"),
        ("Congress passed a bill funding the government.", "funding"),
        ("The spokesman declined to say when the talks would resume.", "declined"),
        ("The two parties are locked in a legal battle over the estate.", "battle"),
        ("He told reporters the talks had gone well.", "told"),  # no infinitive: a report
        ("Kazakhstan seeks to broker talks in Almaty.", "seeks"),  # seeking to act: desire
        (
            "The peace plan met fierce resistance in the parliament.",
            "met",
        ),  # a reception, no meeting
        ("The deputy will vote for the pension bill.", "vote"),  # legislative business
        ("Most deputies will support the housing bill.", "support"),
        ("Candidate countries must meet the membership criteria.", "meet"),
        ("Parliament rushed to beat the budget deadline.", "beat"),  # no beating
        ("Thousands of families sought refuge in the mountains.", "sought"),
        ("The judge accepted the former aide's guilty plea.", "plea"),
        ("The trade war between the two economies hurt exporters.", "war"),
        ("The mayor promised to win the war on drugs.", "war"),
        ("The governor will seek re-election next year.", "seek"),
        ("Bond yields shot to their highest level in a decade.", "shot"),  # no shooting
        ("The ruling party rammed the spending bill through committee.", "rammed"),
        ("The minister offered a statement of support for the mayor.", "offered"),
        # a passive through a raising verb still has its object: details are no prisoners
        ("The details of the budget are expected to be released on Friday.", "released"),
    ],
)
def test_business_and_reporting_are_no_events(nlp, lexicon, text, word):
    assert _entry(nlp, lexicon, text, word) is None

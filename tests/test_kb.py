"""The knowledge-base data files (schema, coverage, consistency) and the KnowledgeBase API."""
from __future__ import annotations

import re
from datetime import date

import pycountry
import pytest

from annales.actors import KBEntry, Role, SectorWord, explain, load_kb
from annales.actors.builtin import builtin_entries, plural_demonym
from annales.actors.kb import normal_form
from annales.actors.kbdata import CODE_RE, SECTORS, TABLES, read_table, split_list
from annales.errors import DataFileError

KB_ID = re.compile(r"^(country|seat|org|region|metonym|person):[A-Za-z0-9_-]+$")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_row_has_its_required_fields(table):
    rows = list(read_table(table))
    assert rows, f"{table} is empty"
    required = {"countries.tsv": ("iso3", "name"), "organizations.tsv": ("kb_id", "name",
                "kind", "country", "sector", "aliases"), "metonyms.tsv": TABLES["metonyms.tsv"],
                "people.tsv": TABLES["people.tsv"], "roles.tsv": ("kb_id", "code", "country",
                "sector"), "sectors.tsv": TABLES["sectors.tsv"], "generic.tsv": TABLES["generic.tsv"]}
    for row in rows:
        for column in required[table]:
            if column == "sector" and row.get("kind") == "region":
                continue    # a group of states has no sector of its own
            assert row[column], f"{table}: empty {column} in {row}"


def test_codes_countries_and_sectors_are_well_formed():
    for table in ("organizations.tsv", "metonyms.tsv", "roles.tsv"):
        for row in read_table(table):
            assert not row["code"] or CODE_RE.match(row["code"]), row
            assert re.fullmatch(r"[A-Z]{3}", row["country"]), row
            assert row["sector"] in SECTORS or row.get("kind") == "region", row
            # the code starts with its country, or is an IGO/NGO/IMG code naming it second
            code = row["code"]
            assert not code or row["country"] in (code[:3], code[3:6]), row
    for row in read_table("sectors.tsv"):
        assert row["sector"] in SECTORS and row["pattern"] == row["pattern"].lower(), row
        assert row["person"] in ("0", "1"), row


def test_kb_ids_are_unique_and_well_formed():
    ids = [entry.kb_id for entry, _ in builtin_entries()]
    assert len(ids) == len(set(ids))
    assert all(KB_ID.match(i) for i in ids), [i for i in ids if not KB_ID.match(i)]


def test_sector_patterns_are_unique():
    patterns = [row["pattern"] for row in read_table("sectors.tsv")]
    assert len(patterns) == len(set(patterns))


def test_roles_do_not_overlap_and_run_forward():
    by_id: dict[str, list[Role]] = {}
    for entry, _ in builtin_entries():
        by_id[entry.kb_id] = entry.roles
    for kb_id, roles in by_id.items():
        spans = sorted((r.start or date.min, r.end or date.max) for r in roles)
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{kb_id}: roles overlap"
        assert all(s < e for s, e in spans), kb_id


def test_every_iso_country_and_the_disputed_ones_are_present(kb):
    for country in pycountry.countries:
        assert f"country:{country.alpha_3}" in kb.entries, country.alpha_3
    for code in ("PSE", "XKX", "TWN", "ESH"):
        assert kb.entries[f"country:{code}"].kind == "country"
    assert kb.best("Palestine").code == "PSE" and kb.best("Kosovo").code == "XKX"
    assert kb.best("Taiwan").code == "TWN" and kb.best("Western Sahara").code == "ESH"


def test_hand_written_countries_have_demonyms():
    rows = list(read_table("countries.tsv"))
    with_demonyms = [r for r in rows if split_list(r["demonyms"])]
    assert len(with_demonyms) >= 80
    with_seats = [r for r in rows if split_list(r["seats"])]
    assert len(with_seats) >= 80


def test_required_organizations_are_present(kb):
    required = ["UN", "UN Security Council", "UN General Assembly", "EU", "European Commission",
                "NATO", "African Union", "Arab League", "OIC", "PLO", "Palestinian Authority",
                "IAEA", "ICC", "ICJ", "World Health Organization", "IMF", "World Bank", "WTO",
                "OPEC", "ASEAN", "OSCE", "Council of Europe", "G7", "G20", "UNHCR", "UNRWA",
                "UNICEF", "ECOWAS", "GCC", "SCO", "BRICS", "Red Cross", "ICRC",
                "Amnesty International", "Human Rights Watch", "MSF", "Vatican", "Holy See",
                "Hamas", "Hezbollah", "Islamic State", "ISIS", "ISIL", "Daesh", "al-Qaeda",
                "Taliban", "Houthis", "al-Shabaab", "Boko Haram", "PKK", "Fatah"]
    missing = [name for name in required if kb.best(name) is None]
    assert not missing
    orgs = [e for e, _ in builtin_entries() if e.kind in ("org", "group")]
    assert len(orgs) >= 40


def test_the_plo_and_the_pa_are_palestinian_government_not_rebels(kb):
    for name in ("PLO", "Palestinian Authority", "Palestine Liberation Organization"):
        entry = kb.best(name)
        assert (entry.country, entry.sector, entry.code) == ("PSE", "GOV", "PSEGOV")
    assert kb.best("Hamas").sector == "REB"


def test_no_alias_resolves_two_ways_unless_intended(kb):
    intended = {"vatican"}   # the state and its government: same country, both VAT
    targets: dict[str, set[str]] = {}
    for alias, kb_id in kb.aliases():
        targets.setdefault(normal_form(alias), set()).add(kb_id)
    clashes = {a for a, ids in targets.items() if len(ids) > 1}
    assert clashes == intended


def test_demonym_plurals():
    assert plural_demonym("Israeli") == "Israelis"
    assert plural_demonym("Chinese") is None and plural_demonym("British") is None
    assert plural_demonym("Swiss") is None


def test_load_kb_returns_fresh_objects_the_caller_may_extend():
    a, b = load_kb(), load_kb()
    a.add_entries([KBEntry("dict:toy:ARN", "Arnor", "dictionary", "ARN", "ARN", None,
                           ["ARNOR"])])
    assert a.best("Arnor") is not None and b.best("Arnor") is None
    assert load_kb(empty=True).entries == {}


def test_user_dictionary_entries_win_over_builtin_ones():
    kb = load_kb()
    kb.add_entries([KBEntry("dict:toy:ISRX", "Israel", "dictionary", "ISRXXX", "ISR", None,
                            ["ISRAEL"])])
    assert kb.best("Israel").code == "ISRXXX"


def test_replacing_an_entry_drops_its_old_aliases():
    kb = load_kb(empty=True)
    kb.add_entries([KBEntry("dict:t:A", "A", "dictionary", "AAA", "AAA", None, ["OLD NAME"])])
    kb.add_entries([KBEntry("dict:t:A", "A", "dictionary", "AAA", "AAA", None, ["NEW NAME"])])
    assert kb.best("old name") is None and kb.best("new name").code == "AAA"


def test_dated_roles_decide_the_code(kb):
    trump = kb.best("Donald Trump")
    assert [e.code for _, e in kb.lookup("Trump", date(2016, 12, 1))] == ["USAELI"]
    assert kb.lookup("Trump", date(2017, 1, 20))[0][1].code == "USAGOV"
    assert kb.lookup("Trump", date(2021, 6, 1))[0][1].code == "USAELI"
    assert kb.lookup("Trump", None)[0][1].code == "USA"      # no date: no role guessed
    assert trump.kb_id == "person:trump"
    assert kb.lookup("Taliban", date(2010, 1, 1))[0][1].code == "AFGREB"
    assert kb.lookup("Taliban", date(2022, 1, 1))[0][1].code == "AFGGOV"


def test_explain_says_which_entry_and_which_rule(kb):
    out = explain(kb, "the Kremlin", date(2017, 1, 12))
    assert out["entity"]["code"] == "RUSGOV" and out["rule"] == "seat of government"
    out = explain(kb, "Israeli troops")
    assert out["entity"]["code"] == "ISRMIL" and "demonym" in out["rule"]
    assert "sector word" in out["rule"]
    out = explain(kb, "Trump", date(2017, 1, 12))
    assert out["entity"]["code"] == "USAELI" and "2017-01-20" in out["rule"]
    out = explain(kb, "the rebels")
    assert out["entity"]["sector"] == "REB" and out["entity"]["country"] is None
    assert explain(kb, "the proposal")["entity"] is None


def test_a_bad_header_is_a_data_file_error(tmp_path, monkeypatch):
    from annales.actors import kbdata
    (tmp_path / "sectors.tsv").write_text("word\tsector\n", encoding="utf-8")
    monkeypatch.setattr(kbdata, "KB_DIR", tmp_path)
    with pytest.raises(DataFileError, match="E005"):
        list(kbdata.read_table("sectors.tsv"))


def test_user_sector_words_are_added():
    kb = load_kb(empty=True)
    kb.add_sector_words([SectorWord("hobbit elder", "ELI", "toy.agents.txt")])
    assert kb.sector_words["hobbit elder"].sector == "ELI"


# --- people with dated roles (people.tsv, roles.tsv) -------------------------------------------
LEADER_COUNTRIES = ("USA RUS CHN GBR FRA ARG AUS BRA CAN DEU IND IDN ITA JPN KOR MEX SAU ZAF "
                    "TUR ISR PSE IRN IRQ SYR JOR LBN EGY LBY TUN DZA MAR ARE QAT KWT BHR OMN "
                    "YEM").split()
# Days on which no national government existed to list, by design (see data/kb/README.md).
NO_GOVERNMENT = {("IRQ", date(2003, 7, 1)),    # the Coalition Provisional Authority (USAGOV)
                 ("ARG", date(2002, 1, 1))}    # a caretaker between interim presidents


def _people():
    return [e for e, _ in builtin_entries() if e.kind == "person"]


def test_every_listed_country_has_a_leader_on_every_half_year_since_2000():
    people = _people()
    missing = []
    for country in LEADER_COUNTRIES:
        for year in range(2000, 2026):
            for month in (1, 7):
                day = date(year, month, 1)
                if (country, day) in NO_GOVERNMENT:
                    continue
                if not any(r.code == country + "GOV" and r.holds_on(day)
                           for p in people for r in p.roles):
                    missing.append((country, day.isoformat()))
    assert not missing


def test_people_rows_are_complete_and_dated():
    people = _people()
    assert len(people) >= 400
    for person in people:
        assert person.name in person.aliases, person.kb_id
        assert person.roles, f"{person.kb_id} has no role"
        assert all(r.start is None or r.start.year >= 1960 for r in person.roles), person.kb_id
        assert all(r.end is None or r.end <= date(2026, 12, 31) for r in person.roles)


@pytest.mark.parametrize("kb_id,elected,inaugurated", [
    ("person:bush", date(2001, 1, 10), date(2001, 1, 20)),
    ("person:obama", date(2009, 1, 10), date(2009, 1, 20)),
    ("person:trump", date(2017, 1, 12), date(2017, 1, 20)),
    ("person:biden", date(2021, 1, 10), date(2021, 1, 20)),
    ("person:trump", date(2025, 1, 10), date(2025, 1, 20)),
])
def test_us_presidents_elect_are_elites_until_the_inauguration(kb, kb_id, elected, inaugurated):
    entry = kb.entries[kb_id]
    assert explain(kb, entry.name, elected)["entity"]["code"] == "USAELI"
    assert explain(kb, entry.name, inaugurated)["entity"]["code"] == "USAGOV"


@pytest.mark.parametrize("name,day,code,country", [
    ("Kofi Annan", date(2005, 3, 1), "IGOUNO", "UNO"),
    ("Ban Ki-moon", date(2010, 3, 1), "IGOUNO", "UNO"),
    ("Guterres", date(2010, 3, 1), "IGOUNOREF", "UNO"),
    ("Guterres", date(2020, 3, 1), "IGOUNO", "UNO"),
    ("Juncker", date(2016, 3, 1), "IGOEUREEC", "EUR"),
    ("Donald Tusk", date(2012, 3, 1), "POLGOV", "POL"),
    ("Donald Tusk", date(2016, 3, 1), "IGOEUREEC", "EUR"),
    ("Stoltenberg", date(2016, 3, 1), "IGOWSTNAT", "WST"),
    ("Sisi", date(2013, 8, 1), "EGYMIL", "EGY"),
    ("Sisi", date(2015, 8, 1), "EGYGOV", "EGY"),
    ("Haniyeh", date(2006, 8, 1), "PSEGOV", "PSE"),
    ("Haniyeh", date(2018, 8, 1), "PSEREB", "PSE"),
    ("al-Sharaa", date(2023, 8, 1), "SYRREB", "SYR"),
    ("al-Sharaa", date(2025, 8, 1), "SYRGOV", "SYR"),
    ("Mohammed bin Salman", date(2016, 1, 1), "SAUMIL", "SAU"),
    ("Mohammed bin Salman", date(2018, 1, 1), "SAUGOV", "SAU"),
    ("Soleimani", date(2020, 1, 3), "IRNMIL", "IRN"),     # the day of a death keeps the office
    ("Soleimani", date(2020, 1, 4), "IRN", "IRN"),
    ("Bush", date(2009, 1, 20), "USAELI", "USA"),         # the day of a handover: the successor's
    ("Obama", date(2009, 1, 20), "USAGOV", "USA"),
])
def test_dated_roles_change_the_code(kb, name, day, code, country):
    entity = explain(kb, name, day)["entity"]
    assert (entity["code"], entity["country"]) == (code, country)


def test_a_person_out_of_office_falls_back_to_the_country(kb):
    # Rafik Hariri's last role ends with his death: no code is invented for later days
    entity = explain(kb, "Rafik Hariri", date(2006, 1, 1))["entity"]
    assert (entity["code"], entity["country"], entity["sector"]) == ("LBN", "LBN", None)


def test_regions_are_groups_of_states_that_sector_words_narrow(kb):
    for name, code in (("European", "EUR"), ("Western", "WST"), ("Arab", "ARB"),
                       ("Gulf Arab", "PGS"), ("Middle East", "MEA")):
        entry = kb.best(name)
        assert (entry.kind, entry.code, entry.country) == ("region", code, code), name
    assert explain(kb, "Western governments")["entity"]["code"] == "WSTGOV"
    assert explain(kb, "European Union")["entity"]["code"] == "IGOEUREEC"


def test_titles_alone_resolve_to_the_country_and_sector(kb):
    for title, code in (("Israeli prime minister", "ISRGOV"), ("Iranian foreign minister",
                        "IRNGOV"), ("U.S. secretary of state", "USAGOV"),
                        ("French president", "FRAGOV"), ("Russian defense minister", "RUSMIL"),
                        ("Saudi crown prince", "SAUGOV")):
        assert explain(kb, title)["entity"]["code"] == code, title

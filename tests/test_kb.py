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

KB_ID = re.compile(r"^(country|seat|org|metonym|person):[A-Za-z0-9_-]+$")


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
            assert row[column], f"{table}: empty {column} in {row}"


def test_codes_countries_and_sectors_are_well_formed():
    for table in ("organizations.tsv", "metonyms.tsv", "roles.tsv"):
        for row in read_table(table):
            assert not row["code"] or CODE_RE.match(row["code"]), row
            assert re.fullmatch(r"[A-Z]{3}", row["country"]), row
            assert row["sector"] in SECTORS, row
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

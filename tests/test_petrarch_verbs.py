"""PETRARCH/TABARI verb dictionaries: reading hand-written files, matching patterns on real
parses, the pipeline and CLI options, and the real CAMEO.2.0 / toy dictionaries."""

from __future__ import annotations

import warnings

import pytest

from annales.actors.petrarch import DictionaryWarning
from annales.errors import DictionaryError
from annales.events.extract import Draft
from annales.events.lexicon import LexEntry, Lexicon
from annales.events.petrarch_patterns import parse_pattern
from annales.events.petrarch_verbs import NO_EVENT, parse_code, read_verbs
from annales.events.reciprocal import with_reciprocals
from annales.events.verb_codes import event_for
from annales.events.verb_lexicon import LayeredLexicon, VerbLexicon, build_lexicon
from annales.schema import Entity

VERBS = """\
<!-- a test verb dictionary
     spanning two lines -->
# synsets
&TIETYPES
+MILITARY
+DIPLOMATIC
&WARMTH  # a synset holding a synset
+&TIETYPES
+CLOSER

--- RESTORE  [064] ---
RESTORE   # the bare verb codes 064
- * &WARMTH TIES  [0641]
- * FXLL TIES     [---]

--- BREAK  [---] ---
BREAK {BROKE BROKEN BREAKING BREAKS}
+CORDON_OFF {+CORDONED_OFF +CORDONING_OFF} [1721]
- * OFF TALKS  [161]
- *_OFF  [160]

--- MEET  [031:032] ---
MEET {MET MEETING MEETS}
- SAID WOULD NOT *  [112]
- % *  [036:036]

--- ASK  [020] ---
ASK
- * + FOR &SANCT  [163]
- * (FOR HELP)  [:070]

&SANCT
+ECONOMIC_SANCTIONS
+EMBARGO
"""


def write(tmp_path, text, name="test.verbs.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def patterns(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the hand-written file is clean
        return read_verbs(write(tmp_path, VERBS), strict=True)


# -- reading -------------------------------------------------------------------------------------
def test_codes():
    assert parse_code("064") == ("064", "")
    assert parse_code("032:033") == ("032", "033")
    assert parse_code(":074") == ("", "074")
    assert parse_code("075A") == ("075", "")  # TABARI's variant letter is dropped
    assert parse_code("---") == (NO_EVENT, "")
    for bad in ("def", "+++", "", "12345"):
        with pytest.raises(ValueError):
            parse_code(bad)


def test_pattern_syntax():
    before, after = parse_pattern(" SO IN_AND_*_OUT_AGAIN NOW ")
    assert [[p.alts[0][0] for p in g.parts] for g in before] == [["so"], ["in", "and"]]
    assert [g.glued for g in before] == [False, True]
    assert [[p.alts[0][0] for p in g.parts] for g in after] == [["out", "again"], ["now"]]
    assert after[0].glued and not after[1].glued
    before, after = parse_pattern(" + KNOWN_ * IN_ $ ")  # "WORD_ " is an open match
    assert [p.kind for g in before for p in g.parts] == ["+", "w"] and not before[1].glued
    assert [p.kind for g in after for p in g.parts] == ["w", "$"]
    with pytest.raises(ValueError):
        parse_pattern(" NO VERB MARK ")
    with pytest.raises(ValueError):
        parse_pattern(" * TWO * ")


def test_blocks_verbs_and_synsets(patterns):
    by_line = {p.where.rsplit(":", 1)[1]: p for p in patterns}
    restore = [p for p in patterns if p.verbs[0].base == "restore"]
    assert [(p.code, p.size) for p in restore] == [("064", 0), ("0641", 2), (NO_EVENT, 2)]
    warm = restore[1].after[0].parts[0]
    assert set(warm.alts) == {("military",), ("diplomatic",), ("closer",)}  # nested synset
    cordon = [v for p in patterns for v in p.verbs if v.base == "cordon"][0]
    assert cordon.after == ("off",) and "cordoned" in cordon.forms
    assert by_line["18"].code == "1721"  # the multi-word verb's own code
    meet = [p for p in patterns if p.verbs[0].base == "meet" and not p.size][0]
    assert (meet.code, meet.reverse) == ("031", "032")
    ask = [p for p in patterns if p.verbs[0].base == "ask"]
    # &SANCT is defined after the block that uses it: patterns resolve at the end of the file
    assert ("economic", "sanctions") in ask[1].after[2].parts[0].alts
    assert (ask[2].code, ask[2].reverse) == ("", "070")


BAD_LINES = [
    "- * MISSING CODE\n",  # no [CODE]
    "- * TWO [064] [065]\n",  # two codes
    "- NO VERB MARK [064]\n",  # no '*'
    "- * &UNDEFINED [064]\n",  # synset never defined
    "- * OUR FRIENDS [def]\n",  # not a CAMEO code
    "RESTORE {RESTORED\n",  # unclosed forms
]


@pytest.mark.parametrize("line", BAD_LINES)
def test_malformed_lines(tmp_path, line):
    text = "--- RESTORE [064] ---\nRESTORE\n" + line
    path = write(tmp_path, text)
    with pytest.raises(DictionaryError) as err:
        read_verbs(path, strict=True)
    assert err.value.code == "E004" and ":3" not in str(err.value) and "line 3" in str(err.value)
    with pytest.warns(DictionaryWarning):
        kept = read_verbs(path)
    assert [p.code for p in kept][:1] == ["064"]  # the rest of the file still loads


def test_verbs_before_any_block_are_an_error(tmp_path):
    with pytest.raises(DictionaryError):
        read_verbs(write(tmp_path, "RESTORE\n"), strict=True)


def test_patterns_need_a_verb(tmp_path):
    path = write(tmp_path, "--- RESTORE [064] ---\n- * TIES [064]\n")
    with pytest.raises(DictionaryError):
        read_verbs(path, strict=True)
    with pytest.warns(DictionaryWarning):
        assert read_verbs(path) == []


def test_missing_file_is_a_dictionary_error(tmp_path):
    with pytest.raises(DictionaryError):
        read_verbs(tmp_path / "nope.verbs.txt")


def test_bad_block_code_still_opens_the_block(tmp_path):
    text = "--- A [064] ---\nRESTORE\n--- B [+++] ---\nBLAST\n"
    with pytest.warns(DictionaryWarning):
        found = read_verbs(write(tmp_path, text))
    assert {p.verbs[0].base: p.code for p in found} == {"restore": "064", "blast": NO_EVENT}


def test_event_for_codes():
    assert event_for("064") == "COOPERATE"
    assert event_for("163") == "SANCTION"
    assert event_for("190") == "ASSAULT"
    assert event_for("010") is None  # statements: attribution, not events
    assert event_for("903") is None  # WEIS codes of the toy file
    assert event_for(NO_EVENT) is None


# -- matching ------------------------------------------------------------------------------------
def verb_in(doc, text):
    return next(t for t in doc if t.text == text)


def test_most_specific_pattern_wins(nlp, patterns):
    lex = VerbLexicon(patterns)
    doc = nlp("Iran restored full diplomatic ties with Egypt on Monday.")
    m = lex.match(verb_in(doc, "restored"))
    assert m.entry.cameo == "0641" and m.entry.event == "COOPERATE"
    assert m.entry.pattern.endswith(":13")  # file:line of the pattern
    assert {t.text for t in m.used} == {"diplomatic", "ties"}
    assert lex.lookup(verb_in(nlp("Iran restored the bridge."), "restored")).cameo == "064"
    # a [---] pattern matches and codes nothing
    assert lex.match(verb_in(nlp("Iran restored fxll ties with Egypt."), "restored")) is None


def test_glued_words_and_forms(nlp, patterns):
    lex = VerbLexicon(patterns)
    assert lex.lookup(verb_in(nlp("Iran broke off talks with Egypt."), "broke")).cameo == "161"
    assert lex.lookup(verb_in(nlp("Iran broke off relations."), "broke")).cameo == "160"
    # "*_OFF": off must follow the verb at once
    assert lex.lookup(verb_in(nlp("Iran broke the seal off."), "broke")) is None
    doc = nlp("Soldiers cordoned off the road into the town.")
    assert lex.lookup(verb_in(doc, "cordoned")).cameo == "1721"


def test_words_left_of_the_verb(nlp, patterns):
    lex = VerbLexicon(patterns)
    doc = nlp("Officials said Egypt would not meet Iran.")
    assert lex.lookup(verb_in(doc, "meet")).cameo == "112"
    assert lex.lookup(verb_in(nlp("Egypt met Iran."), "met")).reverse == "032"


def test_target_marker_sets_the_recipient_slot(nlp, patterns):
    lex = VerbLexicon(patterns)
    doc = nlp("Egypt asked Iran for economic sanctions against Israel.")
    entry = lex.lookup(verb_in(doc, "asked"))
    assert entry.cameo == "163" and entry.recipient == ("dobj",)
    default = lex.lookup(verb_in(nlp("Egypt asked Iran about the border."), "asked"))
    assert default.cameo == "020" and "dobj" in default.recipient and "about" in default.recipient


def test_layered_lexicon(nlp, patterns):
    builtin = Lexicon(
        [
            LexEntry("expel", "VERB", "", "SANCTION", None, "1663", 4, -5.0, ()),
            LexEntry("break", "VERB", "", "ASSAULT", None, "190", 4, -10.0, ()),
        ]
    )
    layered = LayeredLexicon(VerbLexicon(patterns), builtin)
    assert layered.lookup(verb_in(nlp("Iran expelled the ambassador."), "expelled")).cameo == "1663"
    # the dictionaries know "break": their [---] wins over the built-in row
    assert layered.lookup(verb_in(nlp("Iran broke the seal."), "broke")) is None
    assert build_lexicon([], builtin) is builtin
    assert len(build_lexicon([], None)) == 0


def ent(code):
    return Entity(text=code, name=code, code=code, country=code)


def test_reciprocal_drafts(nlp, patterns):
    lex = VerbLexicon(patterns)
    doc = nlp("Egypt met Iran.")
    tok = verb_in(doc, "met")
    visit = Draft(tok, lex.lookup(tok), [ent("EGY")], [ent("IRN")], 0.9)
    out = with_reciprocals([visit])
    assert [(d.entry.cameo, d.actors[0].code, d.recipients[0].code) for d in out] == [
        ("031", "EGY", "IRN"),
        ("032", "IRN", "EGY"),
    ]
    doc = nlp("Egypt and Iran met.")
    tok = verb_in(doc, "met")
    mutual = Draft(tok, lex.lookup(tok), [ent("EGY"), ent("IRN")], [], 0.9)
    (only, reverse) = with_reciprocals([mutual])
    assert only.entry.cameo == "036" and [e.code for e in only.recipients] == ["EGY", "IRN"]
    doc = nlp("Egypt asked Iran for help.")
    tok = verb_in(doc, "asked")
    helped = with_reciprocals([Draft(tok, lex.lookup(tok), [ent("EGY")], [ent("IRN")], 0.9)])
    assert [(d.entry.cameo, d.actors[0].code) for d in helped] == [("070", "IRN")]


# -- pipeline and CLI ----------------------------------------------------------------------------
def test_pipeline_codes_with_a_user_dictionary(tmp_path, patterns):
    from annales import Pipeline

    path = write(tmp_path, VERBS)
    only = Pipeline(verbs=[str(path)], builtin_lexicon=False)
    events = only.code(
        "Iran restored full diplomatic ties with Egypt on Monday.", published="2017-01-12"
    )
    assert [(e.cameo, e.actor[0].country, e.recipient[0].country) for e in events] == [
        ("0641", "IRN", "EGY")
    ]
    assert only.code("Iran expelled the Egyptian ambassador.") == []  # replaced
    both = Pipeline(verbs=[str(path)])
    assert [e.cameo for e in both.code("Iran expelled the Egyptian ambassador.")]  # extended


def test_cli_verbs_option(tmp_path):
    import json

    from click.testing import CliRunner

    from annales.cli import main

    text = write(tmp_path, "Iran restored full diplomatic ties with Egypt.", "a.txt")
    verbs = write(tmp_path, VERBS)
    result = CliRunner().invoke(
        main,
        ["code", str(text), "--verbs", str(verbs), "--no-builtin-lexicon", "--format", "jsonl"],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["cameo"] for r in rows] == ["0641"]


# -- the real dictionaries -----------------------------------------------------------------------
def test_real_dictionaries_load_and_code(shared_dir, nlp):
    folder = shared_dir / "data/petrarch2/dictionaries"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cameo = read_verbs(folder / "CAMEO.2.0.txt")
        toy = read_verbs(folder / "PETR.Validate.verbs.txt")
    # a handful of genuinely broken lines ("*SCEPTICAL", "[080!]", undefined synsets)
    assert len(caught) < 15 and len(cameo) > 6000 and len(toy) > 700
    cameo_lex = VerbLexicon(cameo)
    doc = nlp("Iran expelled the ambassador of Egypt.")
    assert cameo_lex.lookup(verb_in(doc, "expelled")).cameo == "174"  # expel individuals
    doc = nlp("Egypt accused Iran of spying.")
    assert cameo_lex.lookup(verb_in(doc, "accused")).cameo.startswith("11")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        toy_lex = VerbLexicon(toy)
    doc = nlp("Arnor is about to restore full diplomatic ties with Gondor.")
    assert toy_lex.lookup(verb_in(doc, "restore")).cameo == "064"  # "- * DIPLOMATIC [064]"
    doc = nlp("Gondor and Osgiliath have delayed their meeting.")
    entry = toy_lex.lookup(verb_in(doc, "delayed"))
    assert entry.cameo == "191" and entry.mutual  # "- % HAVE * [191]"
    doc = nlp("The mayor left for Minas Tirith.")
    assert (
        toy_lex.lookup(verb_in(doc, "left")).cameo,
        toy_lex.lookup(verb_in(doc, "left")).reverse,
    ) == ("032", "033")

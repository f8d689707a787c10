"""User data in the built-in formats: --kb folders, --lexicon files, --places files.

The worked example of docs/extending.md (docs/examples/extending/) runs end to end; bad rows
are refused with the file and line; --no-builtin-lexicon reads nothing built in; two pipelines
with different data in one process do not see each other's additions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annales import Pipeline
from annales.cli import main
from annales.errors import DataFileError
from annales.events.lexicon import COLUMNS as LEXICON_COLUMNS
from annales.events.lexicon import native_lexicon
from annales.normalize.gazetteer import REGION_COLUMNS, load_gazetteer

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "extending"
KB, LEXICON, PLACES = EXAMPLE / "kb", EXAMPLE / "lexicon", EXAMPLE / "places.tsv"
RAID = "The Northern Ridge Guard overran an army base in Tundun Kala on Tuesday."
REJECTS = "Amadu Kele rejected the ceasefire proposal."


@pytest.fixture(scope="module")
def extended(pipeline):  # `pipeline` first: the spaCy model loads once per session
    return Pipeline(kb=[str(KB)], lexicon=[str(LEXICON)], places=[str(PLACES)], story_types=False)


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_the_worked_example_codes_end_to_end(pipeline):
    # the commands of docs/extending.md, on its article
    args = ["code", str(EXAMPLE / "article.txt"), "--published", "2021-05-06", "--format", "jsonl"]
    plain = CliRunner().invoke(main, args, catch_exceptions=False)
    assert plain.exit_code == 0 and _records(plain.stdout) == []
    result = CliRunner().invoke(
        main,
        [*args, "--kb", str(KB), "--lexicon", str(LEXICON), "--places", str(PLACES)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    raid, rejection = _records(result.stdout)
    # the user's class @outposts picks the patterned row over the bare one
    assert (raid["event"], raid["mode"], raid["cameo"]) == ("COERCE", "seize", "192")
    assert raid["trigger"]["text"] == "overran" and raid["actor"][0]["code"] == "NGAREB"
    assert raid["actor"][0]["kb_id"] == "org:northern_ridge_guard"
    assert raid["location"]["name"] == "Tundun Kala" and raid["location"]["country"] == "NGA"
    assert raid["date"]["value"] == "2021-05-04"
    assert rejection["event"] == "REJECT" and rejection["actor"][0]["code"] == "NGAREB"


def test_a_leaders_dated_roles_follow_the_publication_date(extended):
    before = extended.code(REJECTS, published="2021-05-06")
    after = extended.code(REJECTS, published="2025-02-01")
    assert [e.actor[0].code for e in before] == ["NGAREB"]
    assert [e.actor[0].code for e in after] == ["NGAGOV"]


def test_extension_folders_are_listed_in_the_help():
    out = CliRunner().invoke(main, ["code", "--help"]).output
    assert "--kb" in out and "--lexicon" in out and "--places" in out
    assert "--places" in CliRunner().invoke(main, ["demo", "--help"]).output


# -- bad rows: the same checks as the built-in data, naming the file and line ------------------
def _copy_kb(tmp_path: Path, table: str, row: str) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    header = (KB / table).read_text(encoding="utf-8").splitlines()[0]
    (folder / table).write_text(f"{header}\n{row}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "table,row,expected",
    [
        ("organizations.tsv", "org:x\tX Front\tgroup\tNGAREB\tNGA\tREBELS\tX Front", "one of"),
        ("organizations.tsv", "org:x\tX Front\tmilitia\tNGAREB\tNGA\tREB\tX Front", "kind org"),
        ("people.tsv", "person:x\tX\tNigeria\tX", "3-letter country"),
        ("roles.tsv", "person:nobody\tNGAGOV\tNGA\tGOV\t2020-01-01\t", "kb_id defined"),
        ("roles.tsv", "person:obama\tUSAGOV\tUSA\tGOV\t2020-01-01\t2019-01-01", "start before end"),
        ("roles.tsv", "person:obama\tUSAGOV\tUSA\tGOV\tJanuary 2020\t", "YYYY-MM-DD"),
    ],
)
def test_a_bad_kb_row_names_its_file_and_line(tmp_path, table, row, expected):
    from annales.actors import load_kb

    folder = _copy_kb(tmp_path, table, row)
    with pytest.raises(DataFileError, match="E005") as err:
        load_kb(folders=[folder])
    assert f"{folder / table}:2" in str(err.value) and expected in str(err.value)


def test_a_roles_row_may_date_a_builtin_entry_without_changing_it_for_others(tmp_path):
    from annales.actors import load_kb

    folder = _copy_kb(tmp_path, "roles.tsv", "person:obama\tUSAMED\tUSA\tMED\t2030-01-01\t")
    extended, plain = load_kb(folders=[folder]), load_kb()
    assert (
        len(extended.entries["person:obama"].roles) == len(plain.entries["person:obama"].roles) + 1
    )


def test_an_unknown_table_in_a_kb_folder_is_refused(tmp_path):
    from annales.actors import load_kb

    (tmp_path / "leaders.tsv").write_text("kb_id\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="leaders.tsv"):
        load_kb(folders=[tmp_path])


def _lexicon(path: Path) -> None:
    native_lexicon(extra=[path])


def _places(path: Path) -> None:
    load_gazetteer([path])


LEXICON_HEAD = "\t".join(LEXICON_COLUMNS) + "\n# a comment line\n"
PLACES_HEAD = "\t".join(REGION_COLUMNS) + "\n"


@pytest.mark.parametrize(
    "load,head,row,expected",
    [
        (_lexicon, LEXICON_HEAD, "overrun\tVERB\t\tCONQUER\t\t192\tdobj", "PLOVER event type"),
        (
            _lexicon,
            LEXICON_HEAD,
            "overrun\tVERB\tobj:@nowhere\tCOERCE\tseize\t192\tdobj",
            "no word class",
        ),
        (_lexicon, LEXICON_HEAD, "overrun\tVERB\t\tCOERCE\tseize\t19x\tdobj", "CAMEO code"),
        (_lexicon, LEXICON_HEAD, "overrun\tVERB\t\tCOERCE", "tab-separated"),
        (_places, PLACES_HEAD, "Tundun Kala\t\tNGA\tnorth\t7.44\tcity\t", "numeric lat"),
        (
            _places,
            PLACES_HEAD,
            "Tundun Kala\t\tNGA\t10.5\t7.44\tvillage\t",
            "kind city, region, territory",
        ),
        (_places, PLACES_HEAD, "Tundun Kala\t\tNigeria\t10.5\t7.44\tcity\t", "alpha-3"),
        (_places, PLACES_HEAD, "Tundun Kala\t\tNGA\t100.5\t7.44\tcity\t", "latitude"),
        (_places, PLACES_HEAD, "Tundun Kala\t\tNGA\t10.5", "tab-separated"),
    ],
)
def test_a_bad_lexicon_or_places_row_names_its_file_and_line(tmp_path, load, head, row, expected):
    path = tmp_path / "mine.tsv"
    path.write_text(head + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="E005") as err:
        load(path)
    line = head.count("\n") + 1
    assert f"{path}:{line}" in str(err.value) and expected in str(err.value)


def test_a_bad_file_stops_the_cli_with_one_line(pipeline, tmp_path):
    path = tmp_path / "places.tsv"
    path.write_text("name\tcountry\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(RAID, encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(tmp_path / "a.txt"), "--places", str(path)])
    assert result.exit_code == 2 and "E005" in result.output and str(path) in result.output


# -- --no-builtin-lexicon ----------------------------------------------------------------------
def test_no_builtin_lexicon_reads_no_builtin_row_or_class(pipeline, tmp_path):
    from annales.events.lexicon import load_classes

    own = Pipeline(builtin_lexicon=False, lexicon=[str(LEXICON)], story_types=False)
    assert set(own.lexicon.classes) == {"outposts"}
    assert {e.lemma for e in own.lexicon} == {"overrun"}
    # "rejected" is a built-in row only
    assert not own.code("Iran rejected the proposal.")
    # a user row may not name a built-in class when the built-in lexicon is off
    builtin_class = next(iter(load_classes()))
    path = tmp_path / "rows.tsv"
    path.write_text(
        (LEXICON / "events.tsv")
        .read_text(encoding="utf-8")
        .replace("@outposts", "@" + builtin_class),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="no word class"):
        Pipeline(builtin_lexicon=False, lexicon=[str(path)], story_types=False)


def test_verb_dictionaries_without_the_builtin_lexicon_take_no_code_choices_from_it(
    pipeline, tmp_path
):
    from annales.events.verb_codes import ROOT_EVENTS, event_for

    path = tmp_path / "verbs.txt"
    path.write_text("--- RESTORE  [064] ---\nRESTORE\n- * TIES  [0641]\n", encoding="utf-8")
    only = Pipeline(verbs=[str(path)], builtin_lexicon=False, story_types=False)
    assert only.lexicon.codes.known == {}
    # a code the built-in lexicon reads differently from its CAMEO root's default
    differ = next(
        (c for c, ev in _builtin_code_events().items() if ev != ROOT_EVENTS.get(c[:2])), None
    )
    if differ is not None:
        assert only.lexicon.codes.event_for(differ) == ROOT_EVENTS[differ[:2]]
        assert event_for(differ) != ROOT_EVENTS[differ[:2]]


def _builtin_code_events() -> dict:
    from annales.events.lexicon import load_lexicon
    from annales.events.verb_codes import lexicon_events

    return lexicon_events(load_lexicon())


# -- state belongs to the pipeline -------------------------------------------------------------
def test_two_pipelines_with_other_data_do_not_share_additions(pipeline, extended, tmp_path):
    other_places = tmp_path / "places.tsv"
    other_places.write_text(
        PLACES.read_text(encoding="utf-8").replace("Tundun Kala\tTundunkala", "Gidan Mato\t"),
        encoding="utf-8",
    )
    other = Pipeline(places=[str(other_places)], story_types=False)
    assert other.gazetteer is not extended.gazetteer
    assert other.gazetteer.lookup("Tundun Kala") == []
    assert extended.gazetteer.lookup("Gidan Mato") == []
    assert [e.name for e in other.gazetteer.lookup("Gidan Mato")] == ["Gidan Mato"]
    assert "org:northern_ridge_guard" in extended.kb.entries
    assert "org:northern_ridge_guard" not in other.kb.entries
    assert not other.lexicon.has_verb("overrun") and extended.lexicon.has_verb("overrun")
    # coded side by side in one process, each with its own data
    raid_there = [
        e for e in extended.code(RAID, published="2021-05-06") if e.trigger.text == "overran"
    ]
    assert raid_there and raid_there[0].location.name == "Tundun Kala"
    assert not [e for e in other.code(RAID, published="2021-05-06") if e.trigger.text == "overran"]
    # and the pipeline with the built-in data alone saw none of it
    assert pipeline.gazetteer.lookup("Tundun Kala") == pipeline.gazetteer.lookup("Gidan Mato")
    assert pipeline.gazetteer.lookup("Tundun Kala") == []
    assert "org:northern_ridge_guard" not in pipeline.kb.entries
    assert not pipeline.lexicon.has_verb("overrun")

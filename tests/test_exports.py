"""annales export: every format reads back, with the right types, in DuckDB and pandas."""

from __future__ import annotations

import io
import json

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from annales.cli import main
from annales.errors import UsageError
from annales.exports import export, gdelt, icews
from annales.schema import Article, Event
from annales.store import Store

# Two outlets report the same visit (one a shortened copy); a third story is unrelated and
# has a planned meeting (future), which GDELT and ICEWS rows must leave out.
ARTICLES = [
    Article(
        id="w1",
        source="Wire A",
        url="https://a.example/visit",
        published="2018-04-10",
        text="MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov visited Beijing on "
        "Tuesday for talks with Chinese officials. Lavrov praised China for its "
        "position on Syria.",
    ),
    Article(
        id="w2",
        source="Site B",
        url="https://b.example/lavrov",
        published="2018-04-10",
        text="Russian Foreign Minister Sergei Lavrov visited Beijing on Tuesday. Lavrov "
        "praised China for its position on Syria, according to a statement.",
    ),
    Article(
        id="x1",
        source="Wire A",
        published="2018-04-10",
        text="Police arrested 20 protesters in Istanbul on Friday. Turkey will hold talks "
        "with Greece next week.",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    path = str(tmp_path_factory.mktemp("export") / "s.duckdb")
    with Store(path) as store:
        store.write_many([pipeline.code_article(a) for a in ARTICLES])
        events = store.events()
    assert {e.cameo for e in events} >= {"042", "051", "173"}
    assert any(e.modality == "future" for e in events)
    return path


@pytest.fixture(scope="module")
def stored(db) -> list[Event]:
    with Store(db, read_only=True) as store:
        return store.events()


def run(db, fmt, out="-"):
    return CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "-o", out])


def test_gdelt_rows_have_61_string_coded_columns_and_count_sources(db, tmp_path, stored):
    out = tmp_path / "events.tsv"
    assert run(db, "gdelt", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    frame = pd.read_csv(
        out,
        sep="\t",
        header=None,
        names=gdelt.COLUMNS,
        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str},
    )
    # the visit and the praise are one row each though two articles report them
    assert len(frame) == sum(e.modality == "asserted" for e in stored) - 2
    visit = frame[frame.EventCode == "042"].iloc[0]
    assert visit.EventRootCode == "04" and visit.EventBaseCode == "042"
    assert (visit.NumMentions, visit.NumArticles, visit.NumSources) == (2, 2, 2)
    assert visit.Actor1Code == "RUSGOV" and visit.Actor2CountryCode == "CHN"
    assert visit.SQLDATE == 20180410 and visit.SOURCEURL == "https://a.example/visit"
    assert frame.GLOBALEVENTID.dtype == "int64" and frame.GLOBALEVENTID.is_unique
    arrest = frame[frame.EventCode == "173"].iloc[0]
    assert arrest.ActionGeo_FullName == "Istanbul" and arrest.ActionGeo_CountryCode == "TU"
    assert arrest.ActionGeo_Type == 4 and arrest.NumSources == 1
    assert "TUR" not in set(frame.Actor1Code.dropna())  # the planned talks: no row
    con = duckdb.connect()
    typed = con.execute(
        f"SELECT column05, column26, column30 FROM read_csv('{out}', "
        "delim='\t', header=false, types={'column26': 'VARCHAR'})"
    ).fetchall()
    assert {row[1] for row in typed} >= {"042", "173"}


def test_icews_has_its_20_columns_with_header_and_asserted_rows_only(db, stored):
    result = run(db, "icews")
    assert result.exit_code == 0, result.output
    text = result.stdout
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype={"CAMEO Code": str})
    assert tuple(frame.columns) == icews.COLUMNS and len(icews.COLUMNS) == 20
    assert len(frame) == sum(e.modality == "asserted" for e in stored)
    visit = frame[(frame["CAMEO Code"] == "042") & (frame["Story ID"] == "w1")].iloc[0]
    assert visit["Source Country"] == "Russia" and visit["Target Country"] == "China"
    assert visit["Event Text"] == "Consult" and visit["Publisher"] == "Wire A"
    assert visit["Sentence Number"] == 1 and visit["Event Date"] == "2018-04-10"
    arrest = frame[frame["CAMEO Code"] == "173"].iloc[0]
    assert arrest["City"] == "Istanbul" and arrest["Country"] == "Turkey"
    assert frame["Latitude"].dtype == "float64"


def test_plover_records_carry_the_plover_fields_and_annales_reading(db, stored):
    result = run(db, "plover")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(stored)
    for field in (
        "id",
        "date",
        "source",
        "target",
        "event",
        "eventText",
        "context",
        "mode",
        "text",
        "language",
        "publication",
        "coder",
        "version",
    ):
        assert all(field in r for r in records), field
    future = next(r for r in records if r["annales"]["modality"] == "future")
    assert future["event"] == "CONSULT" and future["source"][0]["code"] == "TUR"
    visits = [r for r in records if r["annales"]["cameo"] == "042"]
    assert len({r["annales"]["event_key"] for r in visits}) == 1
    assert {r["annales"]["article_id"] for r in visits} == {"w1", "w2"}


def test_parquet_keeps_the_full_record_with_nested_structs(db, tmp_path, stored):
    out = tmp_path / "events.parquet"
    assert export(db, "parquet", str(out)) == len(stored)
    con = duckdb.connect()
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM '{out}'").fetchall()}
    assert types["actor"].startswith("STRUCT(") and types["actor"].endswith("[]")
    assert types["date_start"] == "DATE" and types["goldstein"] == "DOUBLE"
    assert types["num_mentions"] == "BIGINT"
    frame = pd.read_parquet(out)
    assert len(frame) == len(stored) and frame.goldstein.dtype == "float64"
    assert frame.actor.iloc[0][0]["code"] == stored[0].actor[0].code
    rows = pq.read_table(out).to_pylist()  # plain Python values: None stays None
    assert [
        Event.from_dict({k: row[k] for k in Event.__dataclass_fields__}) for row in rows
    ] == stored


def test_jsonl_and_csv_are_the_records_with_their_real_event(db, stored):
    lines = run(db, "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [
        Event.from_dict({k: v for k, v in r.items() if k != "real_event"}) for r in records
    ] == stored
    assert {r["real_event"]["num_articles"] for r in records} == {1, 2}
    frame = pd.read_csv(io.StringIO(run(db, "csv").stdout), dtype={"cameo": str})
    assert list(frame.id) == [e.id for e in stored]
    assert set(frame.cameo) >= {"042", "051"} and frame.num_mentions.dtype == "int64"


def test_parquet_to_stdout_is_the_same_file(db, tmp_path, stored):
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code == 0
    out = tmp_path / "piped.parquet"
    out.write_bytes(result.stdout_bytes)
    assert len(pd.read_parquet(out)) == len(stored)


def test_export_errors_are_annales_errors(tmp_path, db):
    result = run(str(tmp_path / "none.duckdb"), "gdelt")
    assert result.exit_code == 2 and "E008" in result.output
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "xml"])
    assert result.exit_code == 2 and "xml" in result.output
    with pytest.raises(UsageError):
        export(db, "xml", io.StringIO())
    for fmt in ("gdelt", "parquet"):
        result = run(db, fmt, str(tmp_path / "no-such-folder" / "out"))
        assert result.exit_code == 2 and "E013" in result.output, result.output
        assert "Traceback" not in result.output


def test_a_reader_that_stops_early_ends_the_export_quietly(db):
    # "annales export ... | head -1": no error message, no traceback ("| true" closes the
    # pipe before the export writes, so the write always meets a closed pipe)
    import subprocess
    import sys

    proc = subprocess.run(
        f'"{sys.executable}" -m annales export --db "{db}" --format icews | true',
        shell=True,
        capture_output=True,
        text=True,
    )
    assert "E013" not in proc.stderr and "Traceback" not in proc.stderr


def test_an_empty_store_exports_headers_and_no_rows(tmp_path):
    db = str(tmp_path / "empty.duckdb")
    Store(db).close()
    assert run(db, "gdelt").stdout == ""
    assert run(db, "icews").stdout.splitlines() == ["\t".join(icews.COLUMNS)]
    assert pd.read_csv(io.StringIO(run(db, "csv").stdout)).empty
    assert export(db, "parquet", str(tmp_path / "e.parquet")) == 0
    assert pd.read_parquet(tmp_path / "e.parquet").empty

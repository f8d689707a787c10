"""The HTTP API (`annales serve`) over a store built by hand (tests/web_store.py): filters
and pagination agree with the store, counts are what the hand-built records say, every error
has one shape, and query-only use never loads the spaCy pipeline."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from annales.api.app import create_app
from annales.output import EVENT_COLUMNS
from annales.store import Store

from . import web_store

TOKEN = "t0ken-for-tests-0123456789"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("api") / "events.duckdb")
    web_store.build(path)
    return path


@pytest.fixture(scope="module")
def client(db_path):
    app = create_app(db_path, token=TOKEN, pipeline=None)
    with TestClient(app) as c:
        yield c


def ids(events):
    return [e["id"] if isinstance(e, dict) else e.id for e in events]


def assert_error(response, status: int, code: str):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert body["error"]["message"].startswith(code + ": ")


@pytest.mark.parametrize(
    "params, store_filters",
    [
        ({}, {}),
        ({"actor_country": "rus"}, {"actor_country": "RUS"}),
        (
            {"recipient_country": "USA", "event": "accuse"},
            {"recipient_country": "USA", "event": "ACCUSE"},
        ),
        ({"modality": "future"}, {"modality": "future"}),
        ({"since": "2017-02", "until": "2017"}, {"since": "2017-02", "until": "2017"}),
        ({"text": "Kyiv"}, {"text": "Kyiv"}),
    ],
)
def test_event_filters_mean_what_annales_events_means(client, db_path, params, store_filters):
    with Store(db_path, read_only=True) as store:
        expected = ids(store.events(**store_filters))
    assert expected  # each case selects something
    got = client.get("/api/events", params=params).json()["events"]
    assert ids(got) == expected


def test_dashboard_filters_select_by_either_side_place_quad_source_and_assertion(client):
    def got(**params):
        return sorted(e["event"] for e in client.get("/api/events", params=params).json()["events"])

    assert got(country="USA") == ["ACCUSE", "SANCTION"]
    assert got(country="RUS") == ["ACCUSE", "ASSAULT", "SANCTION", "THREATEN"]
    assert got(location_country="UKR") == ["AGREE"]
    assert got(quad_class=4) == ["ASSAULT", "SANCTION"]
    assert got(source="wire-b") == ["AGREE", "REQUEST"]
    assert got(asserted="false") == ["REQUEST", "THREATEN"]
    assert got(asserted="true", source="wire-a") == ["ACCUSE", "ASSAULT", "SANCTION"]


def test_cursor_pages_cover_every_event_once(client):
    everything = ids(client.get("/api/events").json()["events"])
    seen, cursor = [], None
    while True:
        body = client.get(
            "/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        assert len(body["events"]) <= 2
        seen += ids(body["events"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything and len(everything) == 6


def test_a_bad_cursor_is_a_422_in_the_error_shape(client):
    assert_error(client.get("/api/events", params={"cursor": "not-a-cursor"}), 422, "E006")


def test_csv_and_jsonl_carry_the_same_page_and_the_next_cursor(client):
    first = client.get("/api/events", params={"limit": 4}).json()
    r = client.get("/api/events", params={"limit": 4, "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [row["id"] for row in rows] == ids(first["events"])
    assert r.headers["x-next-cursor"] == first["next_cursor"]
    r = client.get("/api/events", params={"limit": 4, "format": "jsonl"})
    assert [json.loads(line)["id"] for line in r.text.splitlines()] == ids(first["events"])
    assert_error(client.get("/api/events", params={"format": "xml"}), 422, "E102")


def test_one_event_comes_with_article_sentence_mentions_and_quotes(client):
    coded = web_store.articles()[0]
    threaten = coded.events[2]
    body = client.get(f"/api/events/{threaten.id}").json()
    assert body["event"]["id"] == threaten.id
    assert body["article"]["id"] == "art-a" and body["article"]["source"] == "wire-a"
    text = coded.article.text
    s = body["sentence"]
    assert text[s["start"] : s["end"]] == threaten.sentence
    assert [(m["role"], m["text"]) for m in body["mentions"]] == [
        ("actor", "the Kremlin"),
        ("speaker", "the Kremlin"),
    ]
    assert [q["text"] for q in body["quotes"]] == ["We will respond,"]
    trigger = next(sp for sp in body["spans"] if sp["kind"] == "trigger")
    assert text[trigger["start"] : trigger["end"]] == "respond"


def test_unknown_ids_and_paths_are_404_in_the_error_shape(client):
    assert_error(client.get("/api/events/nope"), 404, "E101")
    assert_error(client.get("/api/articles/nope"), 404, "E101")
    assert_error(client.get("/no/such/page"), 404, "E101")
    assert_error(client.delete("/api/events"), 405, "E109")


def test_actor_dyad_and_country_counts(client):
    actors = client.get("/api/actors").json()["actors"]
    assert {a["code"]: a["events"] for a in actors} == {"RUS": 2, "USA": 1, "UKR": 2, "RUSGOV": 1}
    recipients = client.get("/api/actors", params={"role": "recipient"}).json()["actors"]
    assert {a["code"]: a["events"] for a in recipients} == {
        "RUS": 1,
        "USA": 1,
        "POL": 1,
        "IGONAT": 1,
        "UKR": 1,
    }
    dyads = client.get("/api/dyads").json()["dyads"]
    assert {(d["actor_country"], d["recipient_country"]): d["events"] for d in dyads} == {
        ("USA", "RUS"): 1,
        ("RUS", "USA"): 1,
        ("UKR", "POL"): 1,
        ("UKR", "NAT"): 1,
        ("RUS", "UKR"): 1,
    }
    by_place = client.get("/api/countries", params={"by": "location"}).json()["countries"]
    assert by_place == [
        {"country": "UKR", "iso2": "UA", "name": "Ukraine", "events": 1},
        {"country": "USA", "iso2": "US", "name": "United States", "events": 1},
    ]
    recips = client.get("/api/countries", params={"by": "recipient"}).json()["countries"]
    assert {r["country"]: (r["iso2"], r["events"]) for r in recips}["NAT"] == (None, 1)


def test_time_series_by_month_and_by_event_with_coarse_dates_set_apart(client):
    body = client.get("/api/timeseries", params={"interval": "month"}).json()
    points = {(p["period"], p["key"], p["asserted"]): p["events"] for p in body["points"]}
    assert points == {
        ("2017-01-01", 4, True): 1,
        ("2017-01-01", 3, True): 1,
        ("2017-03-01", 1, True): 1,
        ("2018-06-01", 4, True): 1,
        ("2017-01-01", 3, False): 1,
    }  # THREATEN: dated by its article
    assert body["unplaced"] == 1  # REQUEST is dated "2017" only
    yearly = client.get("/api/timeseries", params={"interval": "year", "by": "event"}).json()
    assert yearly["unplaced"] == 0
    assert {(p["period"], p["key"]) for p in yearly["points"]} >= {("2017-01-01", "REQUEST")}
    week = client.get("/api/timeseries", params={"interval": "week", "source": "wire-b"}).json()
    assert [p["period"] for p in week["points"]] == ["2017-02-27"]  # ISO weeks start Monday


def test_sources_list_every_source(client):
    assert client.get("/api/sources").json() == {
        "sources": [{"source": "wire-a", "articles": 2}, {"source": "wire-b", "articles": 1}]
    }


@pytest.mark.parametrize(
    "params",
    [
        {"actor_country": "RUS' OR 1=1 --"},
        {"event": "ASSAULT; DROP TABLE events"},
        {"since": "2017'); DROP TABLE events; --"},
        {"quad_class": "1 OR 1=1"},
    ],
)
def test_hostile_filter_values_are_refused_and_change_nothing(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422 and set(r.json()) == {"error"}
    assert len(client.get("/api/events").json()["events"]) == 6


def test_hostile_words_are_matched_as_words_not_run(client):
    r = client.get("/api/events", params={"text": "x' OR '1'='1"})
    assert r.status_code == 200 and r.json()["events"] == []
    assert len(client.get("/api/events").json()["events"]) == 6


def test_openapi_document_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/dyads",
        "/api/timeseries",
        "/api/countries",
        "/api/code",
        "/api/ingest",
    ):
        assert path in paths, path
    assert "requestBody" in paths["/api/code"]["post"]


def test_queries_never_load_the_pipeline(client):
    for url in ("/api/events", "/api/dyads", "/index.json", "/", "/events", "/articles/art-a"):
        assert client.get(url).status_code == 200
    assert not client.app.state.pipeline.loaded


# -- POST /api/code -----------------------------------------------------------------------------
@pytest.fixture
def small_limits(db_path):
    app = create_app(db_path, token=TOKEN, code_limit=200, ingest_limit=300)
    with TestClient(app) as c:
        yield c


def test_code_refuses_a_body_over_the_limit_with_413(small_limits):
    r = small_limits.post("/api/code", json={"text": "Iran rejected the plan. " * 20})
    assert_error(r, 413, "E103")
    assert r.json()["error"]["limit"] == 200
    assert not small_limits.app.state.pipeline.loaded


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"{not json", "application/json"),
        (b'{"title": "no text"}', "application/json"),
        (b'["a list"]', "application/json"),
        (b'{"text": "Iran rejected it.", "published": 20170112}', "application/json"),
        (b'{"text": "Iran rejected it.", "published": "last week"}', "application/json"),
        (b"\xff\xfe\x00bad", "text/plain"),
    ],
)
def test_code_refuses_a_malformed_body_with_422(small_limits, body, content_type):
    small_limits.app.state.pipeline = _Unused()
    r = small_limits.post("/api/code", content=body, headers={"content-type": content_type})
    assert_error(r, 422, "E102")


class _Unused:
    loaded = False

    def get(self):
        raise AssertionError("the pipeline was asked for")


def test_code_gives_records_with_offsets_into_the_posted_text(db_path, pipeline):
    app = create_app(db_path, pipeline=pipeline)
    text = "Israel refused to recognize the resolution on Monday, officials said."
    with TestClient(app) as c:
        body = c.post("/api/code", json={"text": text, "published": "2017-01-12"}).json()
        plain = c.post(
            "/api/code?published=2017-01-12",
            content=text.encode(),
            headers={"content-type": "text/plain"},
        ).json()
    recognize = next(e for e in body["events"] if e["trigger"]["text"] == "recognize")
    assert text[recognize["trigger"]["start"] : recognize["trigger"]["end"]] == "recognize"
    assert recognize["modality"] == "negated" and recognize["date"]["value"] == "2017-01-09"
    assert ids(plain["events"]) == ids(body["events"])


def test_code_rejects_text_annales_would_reject(db_path, pipeline):
    with TestClient(create_app(db_path, pipeline=pipeline)) as c:
        assert_error(c.post("/api/code", json={"text": "   "}), 422, "E102")


# -- POST /api/ingest ---------------------------------------------------------------------------
class FakePipeline:
    """Codes each article into one hand-made event, so ingest runs without spaCy."""

    def code_articles(self, articles, batch_size=32):
        from annales.schema import CodedArticle

        for a in articles:
            trigger = web_store.span(a.text, a.text.split()[1])
            yield CodedArticle(a, [web_store.ev(a.id, 0, a.text, "PROTEST", 3, [], [], trigger)])


def ingest_client(path, token=TOKEN):
    from annales.api.coding import LazyPipeline

    app = create_app(path, token=token)
    app.state.pipeline = LazyPipeline(pipeline=FakePipeline())
    return TestClient(app)


ARTICLES = [
    {
        "id": "new-1",
        "text": "Students protested in Minsk on Sunday.",
        "published": "2020-08-16",
        "source": "posted",
    },
    {"id": "new-2", "text": "Farmers marched in Delhi.", "published": "2020-12-01"},
]


def test_ingest_needs_the_token(tmp_path):
    path = str(tmp_path / "i.duckdb")
    web_store.build(path)
    body = "\n".join(json.dumps(a) for a in ARTICLES)
    with ingest_client(path) as c:
        assert_error(c.post("/api/ingest", content=body), 401, "E104")
        assert_error(
            c.post(
                "/api/ingest",
                content=body,
                headers={"Authorization": "Bearer wrong-token-0123456789"},
            ),
            401,
            "E104",
        )
        assert_error(
            c.post("/api/ingest", content=body, headers={"Authorization": f"Basic {TOKEN}"}),
            401,
            "E104",
        )
        assert len(c.get("/api/events").json()["events"]) == 6
    with ingest_client(path, token=None) as c:
        assert_error(
            c.post("/api/ingest", content=body, headers={"Authorization": f"Bearer {TOKEN}"}),
            403,
            "E105",
        )


def test_ingest_stores_posted_articles_once_and_reports_rejections(tmp_path):
    path = str(tmp_path / "i.duckdb")
    web_store.build(path)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    lines = [json.dumps(a) for a in ARTICLES] + ['{"id": "bad", "text": 5}']
    with ingest_client(path) as c:
        stats = c.post(
            "/api/ingest",
            content="\n".join(lines),
            headers=auth | {"content-type": "application/x-ndjson"},
        ).json()
        assert (stats["new_articles"], stats["events"], stats["rejected"]) == (2, 2, 1)
        assert stats["rejections"][0]["reason_code"] == "R006"
        assert stats["rejections"][0]["input"].startswith("<request>")
        again = c.post("/api/ingest", json={"articles": ARTICLES}, headers=auth).json()
        assert (again["new_articles"], again["skipped"]) == (0, 2)
        posted = c.get("/api/events", params={"source": "posted"}).json()["events"]
        assert [e["article_id"] for e in posted] == ["new-1"]
        assert len(c.get("/api/events").json()["events"]) == 8
        assert_error(c.post("/api/ingest", content="{oops", headers=auth), 422, "E102")
        assert_error(c.post("/api/ingest", json={"no": "articles"}, headers=auth), 422, "E102")


def test_ingest_refuses_a_body_over_the_limit_before_coding(tmp_path):
    path = str(tmp_path / "i.duckdb")
    web_store.build(path)
    with ingest_client(path) as c:
        c.app.state.ingest_limit = 100
        r = c.post(
            "/api/ingest",
            json={"articles": ARTICLES * 5},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert_error(r, 413, "E103")


# -- the CLI command ----------------------------------------------------------------------------
def test_serve_refuses_a_missing_database(tmp_path):
    from click.testing import CliRunner

    from annales.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "E008" in result.output


def test_empty_filter_fields_mean_any_as_a_submitted_form_sends_them(client):
    params = {
        k: ""
        for k in (
            "since",
            "until",
            "country",
            "event",
            "quad_class",
            "modality",
            "asserted",
            "source",
            "text",
        )
    }
    assert len(client.get("/api/events", params=params).json()["events"]) == 6


def test_a_store_another_process_is_writing_is_a_503_to_retry(tmp_path):
    import subprocess
    import sys

    path = str(tmp_path / "busy.duckdb")
    web_store.build(path)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
            "print('held', flush=True); sys.stdin.read()",
            path,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "held"
        with TestClient(create_app(path)) as c:
            r = c.get("/api/events")
        assert_error(r, 503, "E106")
        assert r.headers["retry-after"] == "2"
    finally:
        writer.stdin.close()
        writer.wait(10)

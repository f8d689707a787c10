"""The dashboard in a real browser: Debian's chromium driven by playwright, against
`annales serve`'s app on 127.0.0.1 with the bundled sample corpus loaded.  Every request to
another host is aborted and recorded, and each test ends by checking none was attempted.
Screenshots go to test-artifacts/ (gitignored).  Skipped where /usr/bin/chromium is absent."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from urllib.request import urlopen

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    import uvicorn

    from annales.api.app import create_app
    from annales.jobs import ingest
    from annales.store import Store

    db = str(tmp_path_factory.mktemp("browser") / "sample.duckdb")
    corpus = resources.files("annales") / "data" / "corpus" / "articles.jsonl"
    with resources.as_file(corpus) as path, Store(db) as store:
        ingest([str(path)], store, pipeline)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    app = create_app(db)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that may only talk to the test server; anything else is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside, errors = [], []

    def route(r):
        host = urlparse(r.request.url).netloc
        if host == urlparse(server).netloc or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert outside == [], f"requests left loopback: {outside}"
    assert errors == [], f"script errors: {errors}"


def twin(server, path: str) -> dict:
    with urlopen(server + path) as r:
        return json.load(r)


def view_counts(pg) -> dict:
    pg.wait_for_selector("#map[data-ready='1']")
    return pg.evaluate("""() => Object.fromEntries(
        ['summary', 'timeline', 'dyads', 'dyad-table', 'map', 'actors-view table',
         'events-view table'].map(id => [id,
            Number(document.querySelector('#' + id).dataset.events)]))""")


def expected_counts(data: dict) -> dict:
    placed = sum(p["events"] for p in data["timeline"]["points"])
    on_map = sum(c["events"] for c in data["countries"]["actor"] if c["on_map"])
    dyads = sum(d["events"] for d in data["dyads"])
    return {
        "summary": data["events"],
        "timeline": placed,
        "dyads": dyads,
        "dyad-table": dyads,
        "map": on_map,
        "actors-view table": sum(a["events"] for a in data["actors"]),
        "events-view table": len(data["recent"]),
    }


def test_dashboard_renders_every_view_with_data(page, server):
    page.goto(server + "/")
    counts = view_counts(page)
    assert counts == expected_counts(twin(server, "/index.json"))
    assert all(n > 0 for n in counts.values()), counts
    assert page.locator("#timeline .plot-container").count() == 1
    assert page.locator("#dyads .plot-container").count() == 1
    assert page.locator("#map g.country.has-events").count() > 10
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_filters_change_every_view_and_stay_in_the_url(page, server):
    page.goto(server + "/")
    before = view_counts(page)
    rows_before = page.inner_text("#events-view table")
    page.fill("input[name=country]", "UKR")
    page.select_option("select[name=asserted]", "true")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state("load")
    query = parse_qs(urlparse(page.url).query)
    assert query["country"] == ["UKR"] and query["asserted"] == ["true"]
    after = view_counts(page)
    assert after == expected_counts(twin(server, "/index.json?country=UKR&asserted=true"))
    changed = {k for k in after if after[k] != before[k]}
    # the events table shows a page of events: full before and after, its rows still change
    if page.inner_text("#events-view table") != rows_before:
        changed.add("events-view table")
    assert changed == set(after), f"views that did not change: {set(after) - changed}"
    assert page.input_value("input[name=country]") == "UKR"  # the form shows the URL's filters
    page.screenshot(path=str(ARTIFACTS / "dashboard-filtered.png"), full_page=True)


def test_map_links_to_the_events_it_counts(page, server):
    page.goto(server + "/?map=recipient&event=SANCTION")
    page.wait_for_selector("#map[data-ready='1']")
    country = page.locator("#map g.has-events").first
    code, n = country.get_attribute("data-country"), int(country.get_attribute("data-events"))
    country.dispatch_event("click")
    page.wait_for_url("**/events?**")
    query = parse_qs(urlparse(page.url).query)
    assert query["recipient_country"] == [code] and query["event"] == ["SANCTION"]
    assert int(page.get_attribute("#summary", "data-events")) == n


def test_timeline_bar_links_to_its_events(page, server):
    page.goto(server + "/?interval=year")
    page.wait_for_selector("#timeline .plot-container")
    data = twin(server, "/index.json?interval=year")
    bar = page.locator("#timeline g.point path").first
    bar.dispatch_event("click")  # plotly listens on the bars' layer; fall back to its API below
    if "/events?" not in page.url:
        page.evaluate("""() => { const el = document.getElementById('timeline');
            const t = el.data[0]; const i = t.y.findIndex(v => v > 0);
            el.emit('plotly_click', {points: [{x: t.x[i], customdata: t.customdata[i]}]}); }""")
    page.wait_for_url("**/events?**")
    query = parse_qs(urlparse(page.url).query)
    year = query["since"][0][:4]
    assert query["until"] == [f"{year}-12-31"] and "quad_class" in query
    point = next(
        p
        for p in data["timeline"]["points"]
        if p["period"].startswith(year)
        and str(p["key"]) == query["quad_class"][0]
        and str(p["asserted"]).lower() == query["asserted"][0]
    )
    assert int(page.get_attribute("#summary", "data-events")) >= point["events"]


def test_article_reader_highlights_the_records_own_character_spans(page, server):
    article_id = "corpus-01-iran-nuclear-deal"
    data = twin(server, f"/articles/{article_id}.json")
    text = data["article"]["text"]
    page.goto(server + f"/articles/{article_id}")
    assert page.inner_text("#article-text").strip() == text.strip()
    assert page.evaluate("() => document.getElementById('article-text').textContent") == text
    segs = page.evaluate("""() => Array.from(document.querySelectorAll('#article-text .seg'))
        .map(s => ({start: +s.dataset.start, end: +s.dataset.end, text: s.textContent,
                    kinds: Array.from(s.classList).filter(c => c.startsWith('k-')),
                    events: s.dataset.events.split(' ').filter(Boolean)}))""")
    assert segs and all(text[s["start"] : s["end"]] == s["text"] for s in segs)
    for e in data["events"]:
        lit = [s for s in segs if "k-trigger" in s["kinds"] and e["id"] in s["events"]]
        assert (lit[0]["start"], lit[-1]["end"]) == (e["trigger"]["start"], e["trigger"]["end"])
        assert "".join(s["text"] for s in lit) == e["trigger"]["text"]
        for actor in e["actor"]:
            if actor["start"] is not None:
                covered = [
                    s
                    for s in segs
                    if "k-actor" in s["kinds"]
                    and e["id"] in s["events"]
                    and actor["start"] <= s["start"] < actor["end"]
                ]
                assert "".join(s["text"] for s in covered) == actor["text"]
    for q in data["quotes"]:
        covered = [
            s for s in segs if "k-quote" in s["kinds"] and q["start"] <= s["start"] < q["end"]
        ]
        assert "".join(s["text"] for s in covered) == q["text"]
    page.screenshot(path=str(ARTIFACTS / "reader.png"))


def test_event_rows_link_to_their_card_in_the_reader(page, server):
    page.goto(server + "/events?modality=hypothetical")
    link = page.locator("a.read").first
    event_id = link.get_attribute("href").split("#event-")[1]
    link.click()
    page.wait_for_url("**/articles/**")
    card = page.locator(f"#event-{event_id}")
    assert "hypothetical" in card.inner_text()
    assert "focus" in card.get_attribute("class")
    lit = page.locator("#article-text .seg.focus")
    assert lit.count() > 0

"""The dashboard's pages over the hand-built store: each renders its data on the server, has
a JSON twin at its path plus ".json", and loads nothing from another host."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from annales.api.app import create_app
from annales.api.config import ingest_token
from annales.errors import ConfigError

from . import web_store

PAGES = [
    ("/", "/index.json"),
    ("/events", "/events.json"),
    ("/articles/art-a", "/articles/art-a.json"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web") / "w.duckdb")
    web_store.build(path)
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize("page, twin", PAGES)
def test_every_page_has_a_json_twin_and_links_it(client, page, twin):
    html = client.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert client.get(twin).headers["content-type"] == "application/json"
    link = re.search(r'href="([^"]+)" id="json-twin"', html.text)
    assert link and link.group(1).split("?")[0] == twin


@pytest.mark.parametrize("page", [p for p, _ in PAGES])
def test_pages_load_nothing_from_another_host(client, page):
    html = client.get(page).text
    assert not re.search(r'(src|href)="(https?:)?//', html), "a page refers to another host"
    for asset in re.findall(r'(?:src|href)="(/(?:vendor|static)/[^"]+)"', html):
        assert client.get(asset).status_code == 200, asset


def test_vendor_assets_come_from_installed_packages(client):
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and b"plotly" in js.content[:2000].lower()
    svg = client.get("/vendor/worldmap.svg").text
    assert 'class="ua country' in svg and 'class="ru country' in svg
    assert client.get("/vendor/other.js").json()["error"]["code"] == "E101"


def test_filters_are_kept_in_every_link_of_the_dashboard(client):
    html = client.get("/?source=wire-a&country=RUS").text
    links = re.findall(r'href="(/events\?[^"]*)"', html)
    assert links and all("source=wire-a" in u and "country=RUS" in u for u in links)
    assert 'data-events="4"' in html  # the four events that name Russia in wire-a


def test_events_page_rows_link_to_the_reader_and_pages_follow_the_cursor(client):
    first = client.get("/events?limit=4").text
    assert first.count('class="read" href="/articles/') == 4
    nxt = re.search(r'id="next-page" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert client.get(nxt).text.count('class="read"') == 2


def test_reader_shows_the_text_with_every_span_and_a_card_per_event(client):
    data = client.get("/articles/art-a.json").json()
    html = client.get("/articles/art-a").text
    assert len(re.findall(r'<article class="card" id="event-', html)) == len(data["events"]) == 3
    for seg in data["segments"]:
        if seg["kinds"]:
            assert f'data-start="{seg["start"]}" data-end="{seg["end"]}"' in html
    assert client.get("/articles/none").json()["error"]["code"] == "E101"


def test_the_ingest_token_comes_from_the_environment_or_the_config_file(tmp_path):
    config = tmp_path / "annales.toml"
    config.write_text('ingest_token = "file-token-0123456789"\n')
    assert ingest_token(str(config), environ={}) == "file-token-0123456789"
    assert ingest_token(str(config), environ={"ANNALES_TOKEN": "env-token"}) == "env-token"
    assert ingest_token(None, environ={}) is None
    config.write_text('ingest_token = "short"\n')
    with pytest.raises(ConfigError):
        ingest_token(str(config), environ={})
    with pytest.raises(ConfigError):
        ingest_token(str(tmp_path / "missing.toml"), environ={})

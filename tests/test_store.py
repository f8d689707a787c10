"""The DuckDB store: migrations, idempotent writes, exact round-trips, filters, errors."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from annales.errors import StoreError, UsageError
from annales.schema import (
    Article,
    Attribution,
    CodedArticle,
    DateValue,
    Entity,
    Event,
    Location,
    Quote,
    Rejection,
    Span,
)
from annales.store import Store
from annales.store.migrate import available

PLO = Entity(
    "a PLO official",
    name="Palestine Liberation Organization",
    code="PSEREB",
    country="PSE",
    sector="REB",
    kb_id="plo",
    start=0,
    end=14,
)
FRANCE = Entity("France", name="France", code="FRA", country="FRA", start=40, end=46)
PALESTINE = Entity("Palestine", name="Palestine", code="PSE", country="PSE", start=60, end=69)
ISRAEL = Entity("Israel", name="Israel", code="ISR", country="ISR", start=80, end=86)
UN = Entity(
    "the Security Council",
    name="United Nations Security Council",
    code="UNO",
    country="UNO",
    sector=None,
    start=90,
    end=110,
)


def event(
    article_id: str,
    i: int,
    kind: str,
    actor: list[Entity],
    recipient: list[Entity],
    sentence: str,
    modality: str = "asserted",
    date: DateValue | None = None,
    trigger: tuple[str, int, int] = ("said", 10, 14),
) -> Event:
    span = Span(*trigger)
    return Event(
        id=Event.make_id(article_id, i, span, kind),
        article_id=article_id,
        sentence_index=i,
        sentence=sentence,
        event=kind,
        mode=None,
        cameo="051",
        quad_class=1,
        goldstein=3.4,
        actor=actor,
        recipient=recipient,
        modality=modality,
        attribution=Attribution(speaker=PLO, cue="said", quoted=False, anonymous=True),
        date=date,
        location=Location("Ramallah", "Ramallah", "PSE", 31.89964, 35.20422, 282615),
        trigger=span,
        confidence=0.75,
    )


@pytest.fixture
def coded() -> CodedArticle:
    text = "A PLO official said France may recognize Palestine. Israel rejected the resolution."
    art = Article(
        id="art-1",
        text=text,
        url="https://example.org/a",
        title="Recognition",
        source="example",
        published="2017-01-12",
        language="en",
    )
    events = [
        event(
            "art-1",
            0,
            "SUPPORT",
            [FRANCE],
            [PALESTINE],
            "A PLO official said France may recognize Palestine.",
            modality="hypothetical",
            trigger=("recognize", 31, 40),
        ),
        event(
            "art-1",
            1,
            "REJECT",
            [ISRAEL],
            [UN],
            "Israel rejected the resolution.",
            date=DateValue("2016-12", "month", "last month"),
            trigger=("rejected", 60, 68),
        ),
    ]
    quotes = [Quote("art-1", PLO, "may recognize Palestine", 25, 48, "said", True)]
    return CodedArticle(art, events, quotes)


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def test_migrations_are_applied_once_and_recorded(tmp_path):
    path = str(tmp_path / "a.duckdb")
    versions = [v for v, _, _ in available()]
    assert versions and versions[0] == 1
    with Store(path) as first:
        assert first.migrated == versions
    with Store(path) as again:
        assert again.migrated == []
        rows = again.con.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert [v for v, _ in rows] == versions and rows[0][1] == "001_initial.sql"


def test_database_from_a_newer_annales_is_refused(tmp_path):
    path = str(tmp_path / "new.duckdb")
    Store(path).close()
    con = duckdb.connect(path)
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')")
    con.close()
    with pytest.raises(StoreError, match="999"):
        Store(path)


def test_write_twice_adds_nothing(store, coded):
    assert store.write(coded) is True
    assert store.write(coded) is False
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["quotes"]) == (1, 2, 1)
    assert store.has_article("art-1") and not store.has_article("art-2")


def test_write_many_skips_stored_and_repeated_articles(store, coded):
    other = CodedArticle(Article(id="art-2", text="Iran rejected it."), [], [])
    assert store.write_many([coded, other, coded], batch_size=2) == 2
    assert store.write_many([other, coded]) == 0
    assert store.counts()["articles"] == 2


def test_failed_write_leaves_nothing_behind(store, coded):
    coded.events[1].sentence = None  # violates NOT NULL after the article row went in
    with pytest.raises(StoreError):
        store.write(coded)
    assert store.counts()["articles"] == 0 and not store.has_article("art-1")


def test_events_round_trip_exactly(store, coded):
    store.write(coded)
    assert store.events() == coded.events
    assert store.article("art-1") == coded.article
    assert store.articles() == [coded.article]
    assert store.quotes("art-1") == coded.quotes
    assert store.article("missing") is None


def test_event_without_optional_parts_round_trips(store):
    bare = Event(
        id="e",
        article_id="a",
        sentence_index=0,
        sentence="s",
        event="ASSAULT",
        mode=None,
        cameo=None,
        quad_class=None,
        goldstein=None,
    )
    store.write(CodedArticle(Article(id="a", text="s"), [bare]))
    assert store.events() == [bare]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"actor_country": "FRA"}, ["SUPPORT"]),
        ({"actor_country": "isr"}, ["REJECT"]),
        ({"recipient_country": "PSE"}, ["SUPPORT"]),
        ({"event": "reject"}, ["REJECT"]),
        ({"modality": "hypothetical"}, ["SUPPORT"]),
        ({"modality": "negated"}, []),
        # the REJECT event is dated December 2016; SUPPORT falls back to publication, 2017-01-12
        ({"since": "2017-01"}, ["SUPPORT"]),
        ({"until": "2016"}, ["REJECT"]),
        ({"since": "2016-12-31", "until": "2016-12-31"}, ["REJECT"]),
        ({"since": "2017-01-13"}, []),
        ({"since": date(2016, 12, 1), "until": date(2016, 12, 1)}, ["REJECT"]),
        ({"text": "RESOLUTION"}, ["REJECT"]),
        ({"text": "recognize palestine"}, ["SUPPORT"]),
        ({"text": "recogn"}, []),  # whole words only
        ({"text": "palestine."}, ["SUPPORT"]),
        ({"article_id": "art-1"}, ["SUPPORT", "REJECT"]),
        ({"article_id": "other"}, []),
        ({"actor_country": "FRA", "event": "REJECT"}, []),  # filters AND together
        ({"limit": 1}, ["SUPPORT"]),
        ({"limit": 1, "offset": 1}, ["REJECT"]),
    ],
)
def test_event_filters(store, coded, filters, expected):
    store.write(coded)
    assert [e.event for e in store.events(**filters)] == expected


@pytest.mark.parametrize(
    "filters",
    [
        {"since": "January 2017"},
        {"until": "2017-13"},
        {"event": "RECOGNIZE"},
        {"modality": "maybe"},
    ],
)
def test_bad_filter_values_are_usage_errors(store, filters):
    with pytest.raises(UsageError):
        store.events(**filters)


def test_counts_summarise_the_store(store, coded):
    store.write(coded)
    store.write_rejection(Rejection("x.txt", "R001", "empty"))
    counts = store.counts()
    assert counts["by_event"] == {"REJECT": 1, "SUPPORT": 1}
    assert counts["by_modality"] == {"asserted": 1, "hypothetical": 1}
    assert counts["by_reason"] == {"R001": 1}
    assert counts["top_dyads"] == [("FRA", "PSE", 1), ("ISR", "UNO", 1)]


def test_rejections_are_idempotent(store):
    r = Rejection("feed.jsonl:3", "R006", "malformed record")
    assert store.write_rejection(r) is True
    assert store.write_rejection(r) is False
    assert store.write_rejection(Rejection("feed.jsonl:4", "R006", "malformed record"))
    assert store.rejections() == [r, Rejection("feed.jsonl:4", "R006", "malformed record")]


def test_store_persists_between_sessions(tmp_path, coded):
    path = str(tmp_path / "p.duckdb")
    with Store(path) as s:
        s.write(coded)
    with Store(path) as s:
        assert s.events(actor_country="FRA") == coded.events[:1]


@pytest.mark.parametrize("content", [b"not a database\n" * 400, b"\x00" * 5000])
def test_corrupt_file_is_a_store_error(tmp_path, content):
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store(str(path))
    assert info.value.code == "E003" and "corrupt.duckdb" in str(info.value)


def test_unopenable_path_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store(str(tmp_path / "missing-folder" / "x.duckdb"))


def test_ingesting_the_same_input_twice_adds_nothing(tmp_path, store):
    from annales.ingest import read_inputs

    (tmp_path / "feed.jsonl").write_text(
        '{"text": "Iran rejected the proposal on Monday.", "published": "2017-01-09"}\n'
        '{"text": ""}\n'
    )
    for expected_new in (1, 0):
        new = 0
        for item in read_inputs([str(tmp_path)]):
            if isinstance(item, Rejection):
                store.write_rejection(item)
            else:
                new += store.write(CodedArticle(item))
        assert new == expected_new
    assert store.counts()["articles"] == 1 and store.counts()["rejections"] == 1


def test_read_only_store_queries_but_never_migrates(tmp_path, coded):
    path = str(tmp_path / "r.duckdb")
    with Store(path) as s:
        s.write(coded)
    with Store(path, read_only=True) as s:
        assert s.events(event="SUPPORT") == coded.events[:1]
        with pytest.raises(StoreError):
            s.write_rejection(Rejection("x", "R001", "m"))
    duckdb.connect(str(tmp_path / "bare.duckdb")).close()
    with pytest.raises(StoreError, match="lacks migration 1"):
        Store(str(tmp_path / "bare.duckdb"), read_only=True)
    with pytest.raises(StoreError):
        Store(str(tmp_path / "never-created.duckdb"), read_only=True)

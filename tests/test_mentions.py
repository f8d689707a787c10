"""Near-duplicate articles and real-world events (store migration 003): MinHash bands, links to
the nearest earlier article, events merged across articles with their own modality, and the
upgrade of a store written before."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from annales.eval.duplicates import score
from annales.ingest import similar
from annales.jobs import ingest
from annales.schema import (
    Article,
    Attribution,
    CodedArticle,
    DateValue,
    Entity,
    Event,
    Location,
    Span,
)
from annales.store import Store
from annales.store.migrate import available

CORPUS = Path(__file__).parent / "data" / "wire_stories.jsonl"

STORY = (
    "The foreign ministry of Chile summoned the ambassador of Peru on Tuesday after a "
    "border patrol detained four fishermen near the maritime boundary. Officials said the "
    "men had been held for two days without charge. Peru said the boat had entered its "
    "waters illegally and that the crew would be released after questioning. Fishing "
    "unions in the north of Chile called for a protest outside the embassy."
)
COPY = STORY.replace("for two days", "for nearly two days").replace(" in the north of Chile", "")
OTHER = (
    "Heavy rain flooded the old town of the capital on Sunday, closing schools and "
    "roads. The weather service expects more storms later this week across the region."
)


def article(i: str, text: str, source: str | None = None) -> Article:
    return Article(id=i, text=text, source=source, published="2020-02-04")


def links(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT article_id, duplicate_of, original_id FROM article_links ORDER BY article_id"
    ).fetchall()


def test_an_edited_copy_shares_bands_and_an_other_story_does_not():
    assert similar.bands(STORY) == similar.bands(STORY)  # the same in every process
    assert similar.jaccard(similar.shingles(STORY), similar.shingles(COPY)) >= similar.THRESHOLD
    assert any(a == b for a, b in zip(similar.bands(STORY), similar.bands(COPY)))
    assert not any(a == b for a, b in zip(similar.bands(STORY), similar.bands(OTHER)))
    assert similar.shingles("") == set() and similar.shingles("Two words") == {"two words"}


def test_copies_link_to_the_earliest_original_within_and_across_batches():
    with Store(":memory:") as store:
        store.write_many(
            [
                CodedArticle(article("a", STORY)),
                CodedArticle(article("o", OTHER)),
                CodedArticle(article("b", COPY)),
            ]
        )
        store.write(CodedArticle(article("c", COPY + " The talks resume on Friday.")))
        assert links(store) == [("b", "a", "a"), ("c", "b", "a")]  # c is nearest to b


E_CHILE = Entity("Chile", name="Chile", code="CHL", country="CHL")
E_PERU = Entity("Peru", name="Peru", code="PER", country="PER")
E_OFFICIALS = Entity("officials", code="CHLGOV", country="CHL", sector="GOV", basis="article")


def mention(
    article_id: str,
    i: int,
    actor: list[Entity],
    recipient: list[Entity],
    modality: str = "asserted",
    day: str = "2020-02-04",
    speaker: str | None = None,
) -> Event:
    span = Span("summoned", i * 10, i * 10 + 8)
    return Event(
        id=Event.make_id(article_id, i, span, "ACCUSE"),
        article_id=article_id,
        sentence_index=i,
        sentence="Chile summoned the envoy of Peru.",
        event="ACCUSE",
        mode=None,
        cameo="111",
        quad_class=3,
        goldstein=-2.0,
        actor=actor,
        recipient=recipient,
        modality=modality,
        attribution=Attribution(Entity(speaker), "said") if speaker else None,
        date=DateValue(day, "day", "Tuesday"),
        trigger=span,
        confidence=0.8,
    )


def real_events(store: Store) -> dict[tuple, tuple]:
    """{sorted mention ids: (num_mentions, num_articles, num_sources, num_stories)}"""
    return {
        tuple(sorted(m)): tuple(r)
        for *r, m in store.con.execute(
            "SELECT num_mentions, num_articles, num_sources, num_stories, mentions FROM real_events"
        ).fetchall()
    }


def test_one_event_many_mentions_each_with_its_own_modality_and_attribution():
    a = mention("a", 0, [E_CHILE], [E_PERU])
    a2 = mention("a", 3, [E_CHILE], [E_PERU], speaker="a diplomat")
    x = mention("x", 1, [E_CHILE], [E_PERU], modality="negated", speaker="Peru")
    later = mention("y", 0, [E_CHILE], [E_PERU], day="2020-02-09")  # another day: another
    with Store(":memory:") as store:
        store.write_many(
            [
                CodedArticle(article("a", STORY, "Wire"), [a, a2]),
                CodedArticle(article("x", OTHER, "Site"), [x]),
                CodedArticle(article("y", OTHER + " Again.", "Wire"), [later]),
            ]
        )
        found = real_events(store)
        assert found[tuple(sorted([a.id, a2.id, x.id]))] == (3, 2, 2, 2)
        assert found[(later.id,)] == (1, 1, 1, 1)
        top = store.real_events(limit=1)[0]
        assert top["mentions"] == [a.id, a2.id, x.id] and top["article_ids"] == ["a", "x"]
        assert top["modalities"] == ["asserted", "negated"] and top["first_mention"] == a.id
        kept = {e.id: (e.modality, e.attribution) for e in store.events()}
        assert kept[x.id] == ("negated", x.attribution) and kept[a.id] == ("asserted", None)


def test_unstated_parties_merge_only_within_a_story():
    # "officials" in two unrelated stories: the home country is guessed, not stated
    one = mention("a", 0, [E_OFFICIALS], [E_PERU])
    copy = mention("b", 0, [E_OFFICIALS], [E_PERU])
    other = mention("o", 0, [E_OFFICIALS], [E_PERU])
    with Store(":memory:") as store:
        store.write_many(
            [
                CodedArticle(article("a", STORY), [one]),
                CodedArticle(article("b", COPY), [copy]),
                CodedArticle(article("o", OTHER), [other]),
            ]
        )
        assert set(real_events(store)) == {tuple(sorted([one.id, copy.id])), (other.id,)}


def test_a_record_without_a_place_joins_the_one_place_of_its_event():
    lima = Location("Lima", "Lima", "PER")
    placed, bare = mention("a", 0, [E_CHILE], [E_PERU]), mention("b", 0, [E_CHILE], [E_PERU])
    placed.location = lima
    with Store(":memory:") as store:
        store.write_many(
            [CodedArticle(article("a", STORY), [placed]), CodedArticle(article("b", OTHER), [bare])]
        )
        assert list(real_events(store)) == [tuple(sorted([placed.id, bare.id]))]
        elsewhere = mention("c", 0, [E_CHILE], [E_PERU])
        elsewhere.location = Location("Santiago", "Santiago", "CHL")
        store.write(CodedArticle(article("c", OTHER + " Later."), [elsewhere]))
        assert len(real_events(store)) == 3  # two places now: the bare record stays apart


def test_a_store_from_before_migration_3_gets_bands_and_links(tmp_path):
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR "
        "NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    for version, name, sql in available()[:2]:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
    con.execute(
        "INSERT INTO articles (id, text) VALUES ('a', ?), ('b', ?), ('o', ?)", [STORY, COPY, OTHER]
    )
    con.close()
    with Store(path) as store:
        assert store.migrated == [3]
        assert links(store) == [("b", "a", "a")]
        assert (
            store.con.execute("SELECT count(DISTINCT article_id) FROM article_bands").fetchone()[0]
            == 3
        )


def test_wire_story_corpus_links_every_copy_and_merges_no_distinct_stories(tmp_path, pipeline):
    labels = {r["id"]: r["story"] for r in map(json.loads, CORPUS.read_text("utf-8").splitlines())}
    db = str(tmp_path / "wire.duckdb")
    ingest([str(CORPUS)], db, pipeline)
    with Store(db, read_only=True) as store:
        f = score(store.con, labels)
    assert f["articles"] == len(labels) and f["stories"] < f["articles"]
    assert f["linked_pairs"] == f["same_story_pairs"] and f["wrong_links"] == 0
    assert f["wrong_events"] == 0
    assert f["mergeable_records"] >= 20 and f["merged_records"] >= 0.9 * f["mergeable_records"]
    assert f["real_events"] < f["records"]

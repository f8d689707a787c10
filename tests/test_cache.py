"""The start-up cache (annales.cache): keyed by the data, rebuilt when it changes, harmless when
it cannot be written, and a pipeline loaded from it codes exactly like one built from the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from annales import cache
from annales.normalize import gazetteer

PLACES = Path(__file__).resolve().parents[1] / "docs" / "examples" / "extending" / "places.tsv"
TEXTS = [
    "Troops shelled Tundun Kala and the outskirts of Aleppo on Monday, the army said.",
    "Protesters marched in Paris, Texas, and in Kyiv after the vote.",
    "The U.S. imposed sanctions on Burma, and Ivory Coast recalled its envoy from Laos.",
]


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c"
    monkeypatch.setenv(cache.ENV_VAR, "")
    assert cache.cache_dir() is None  # turned off
    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "annales"


def test_a_value_is_stored_once_and_read_back(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    built = []

    def build():
        built.append(1)
        return {"built": len(built)}

    assert cache.cached("test", "k1", build) == {"built": 1}
    assert cache.cached("test", "k1", build) == {"built": 1} and len(built) == 1
    assert cache.cached("test", "k2", build) == {"built": 2}


def test_an_unwritable_folder_or_a_broken_entry_only_costs_time(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    assert cache.cached("test", "k", lambda: 42) == 42
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "ok"))
    cache.cached("test", "k", lambda: 1)
    (entry,) = (tmp_path / "ok").glob("test-*.pickle")
    entry.write_bytes(b"truncated")
    assert cache.cached("test", "k", lambda: 2) == 2
    assert cache.cached("test", "k", lambda: 3) == 2  # the rebuilt entry was stored


def test_the_key_follows_every_data_file(tmp_path):
    places = tmp_path / "places.tsv"
    places.write_text(PLACES.read_text(encoding="utf-8"), encoding="utf-8")
    key = gazetteer.gazetteer_key([places])
    assert key == gazetteer.gazetteer_key([places]) != gazetteer.gazetteer_key()
    places.write_text(
        places.read_text(encoding="utf-8").replace("10.52", "10.53"), encoding="utf-8"
    )
    assert gazetteer.gazetteer_key([places]) != key


def _coded(pipeline) -> list[list[dict]]:
    return [[e.to_dict() for e in pipeline.code(t, published="2021-05-06")] for t in TEXTS]


def test_cached_and_uncached_pipelines_code_identically_and_data_edits_rebuild(
    pipeline, monkeypatch, tmp_path
):
    from annales import Pipeline

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    places = tmp_path / "places.tsv"
    places.write_text(PLACES.read_text(encoding="utf-8"), encoding="utf-8")
    builds = []
    real_build = gazetteer.build_gazetteer

    def counting(files=()):
        builds.append(files)
        return real_build(files)

    monkeypatch.setattr(gazetteer, "build_gazetteer", counting)

    def fresh() -> Pipeline:  # as a new process would: nothing built in memory
        monkeypatch.setattr(gazetteer, "_built", {})
        return Pipeline(places=[str(places)], story_types=False)

    from_data = fresh()
    assert len(builds) == 1
    first = _coded(from_data)
    assert any(e["location"] and e["location"]["name"] == "Tundun Kala" for e in first[0])
    from_cache = fresh()
    assert len(builds) == 1 and from_cache.gazetteer is not from_data.gazetteer
    assert _coded(from_cache) == first
    # an edited user file is new data: built again, and its new place is known
    with places.open("a", encoding="utf-8") as fh:
        fh.write("Gidan Mato\t\tNGA\t11.1\t7.7\tcity\t\n")
    edited = fresh()
    assert len(builds) == 2 and edited.gazetteer.lookup("Gidan Mato")
    assert from_cache.gazetteer.lookup("Gidan Mato") == []


@pytest.mark.parametrize("attr", ["lower", "orth"])
def test_the_phrase_index_finds_what_spacys_phrase_matcher_finds(nlp, attr):
    from spacy.matcher import PhraseMatcher

    from annales.phrase_index import PhraseIndex

    phrases = [
        "New York",
        "new york city",
        "U.S.",
        "Gaza Strip",
        "al-Bab",
        "York",
        "UN",
        "Côte d'Ivoire",
    ]
    doc = nlp(
        "Officials in New York City and the U.S. said the UN would send aid to al-Bab, "
        "the gaza strip and Côte d'Ivoire, not to York."
    )
    matcher = PhraseMatcher(nlp.vocab, attr=attr.upper())
    matcher.add("P", [nlp.make_doc(p) for p in phrases])
    expected = sorted((s, e) for _, s, e in matcher(doc))
    assert (
        sorted(
            PhraseIndex(
                [
                    tuple(t.lower_ if attr == "lower" else t.text for t in nlp.make_doc(p))
                    for p in phrases
                ],
                attr,
            )(doc)
        )
        == expected
    )

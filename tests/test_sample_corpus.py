"""The bundled sample corpus and its golden expectations are well formed and cover what they
claim to cover (src/annales/data/corpus/README.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annales.normalize.dates import parse_published, resolve_date
from annales.schema import EVENT_TYPES, MODALITIES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "annales" / "data" / "corpus" / "articles.jsonl"
GOLDEN = ROOT / "tests" / "golden" / "corpus_expected.jsonl"
KEYS = {"id", "title", "published", "source", "url", "text"}


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


ARTICLES = {a["id"]: a for a in read(CORPUS)}
GOLD = read(GOLDEN)


def test_articles_follow_the_schema():
    assert len(ARTICLES) >= 22
    for i, (aid, article) in enumerate(ARTICLES.items(), 1):
        assert set(article) == KEYS, aid
        assert re.fullmatch(rf"corpus-{i:02d}-[a-z0-9-]+", aid), aid
        assert parse_published(article["published"]) is not None, aid
        assert "2010-01-01" <= article["published"] <= "2023-12-31", aid
        assert article["source"] == "annales sample corpus" and article["url"] is None
        assert 120 <= len(article["text"].split()) <= 350, aid


def test_expectations_cover_every_event_type_and_modality():
    positive = [g for g in GOLD if "attributed" in g]
    assert {g["event"] for g in positive} == set(EVENT_TYPES)
    assert {g["modality"] for g in positive} == set(MODALITIES)
    assert any(g["attributed"] for g in positive) and any(not g["attributed"] for g in positive)
    assert any("not_modality" in g for g in GOLD)


def test_every_article_has_two_to_five_expectations():
    counts = {aid: 0 for aid in ARTICLES}
    for g in GOLD:
        counts[g["article"]] += 1
    assert all(2 <= n <= 5 for n in counts.values()), counts


@pytest.mark.parametrize("g", GOLD, ids=lambda g: f"{g['article']}:{g['trigger']}")
def test_expectation_points_at_one_sentence_with_its_trigger(nlp, g):
    text = ARTICLES[g["article"]]["text"]
    assert text.count(g["sentence_contains"]) == 1
    start = text.index(g["sentence_contains"])
    sent = next(s for s in nlp(text).sents if s.start_char <= start < s.end_char)
    assert g["sentence_contains"] in sent.text
    assert g["trigger"] in [t.text for t in sent]
    assert g["event"] in EVENT_TYPES and g["modality"] in MODALITIES
    if "not_modality" in g:  # a hedged expectation
        assert g["not_modality"] in MODALITIES and g["not_modality"] != g["modality"]
    else:
        for key in ("actor_country", "recipient_country"):
            assert g[key] is None or re.fullmatch(r"[A-Z]{3}", g[key])


@pytest.mark.parametrize(
    "g", [g for g in GOLD if "date" in g], ids=lambda g: f"{g['article']}:{g['trigger']}"
)
def test_event_dates_in_the_corpus(nlp, g):
    article = ARTICLES[g["article"]]
    doc = nlp(article["text"])
    start = article["text"].index(g["sentence_contains"])
    trigger = next(t for t in doc if t.idx >= start and t.text == g["trigger"])
    found = resolve_date(trigger, parse_published(article["published"]))
    assert found is not None and found.source == "text" and found.value == g["date"]

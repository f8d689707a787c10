"""The project's headline set (src/annales/data/eval/headlines_*.jsonl): its schema, its two
parts kept apart, and the scoring with a stand-in pipeline (no spaCy needed)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from annales.eval import SETS
from annales.eval.headlines import PARTS, evaluate_headlines, read_headlines
from annales.schema import EVENT_TYPES, CodedArticle, StoryType


def rows(path):
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def test_each_part_has_twenty_headlines_of_every_type():
    for part, path in PARTS:
        items = rows(path)
        assert {tuple(sorted(r)) for r in items} == {("event", "headline", "id", "mode", "note")}
        assert Counter(r["event"] for r in items) == {t: 20 for t in EVENT_TYPES}, part
        assert len({r["id"] for r in items}) == len(items)
        assert all(r["headline"].strip() == r["headline"] and r["headline"] for r in items)


def test_the_parts_share_no_headline_or_opening():
    (_, dev), (_, blind) = PARTS
    opening = lambda r: " ".join(r["headline"].lower().split()[:5])  # noqa: E731
    assert not {r["headline"] for r in rows(dev)} & {r["headline"] for r in rows(blind)}
    assert not {opening(r) for r in rows(dev)} & {opening(r) for r in rows(blind)}


def test_reader_makes_one_line_articles_titled_by_the_headline():
    items = read_headlines(PARTS[0][1], limit=5)
    assert len(items) == 5
    assert all(it.title == it.text and it.label in EVENT_TYPES for it in items)


class KeywordPipeline:
    """Story type ASSAULT when the headline says 'attack', else CONSULT; no events."""

    def code_articles(self, articles):
        for a in articles:
            kind = "ASSAULT" if "attack" in a.text.lower() else "CONSULT"
            yield CodedArticle(article=a, story_type=StoryType(kind, 0.9, "kw"))


def test_scores_story_type_and_rule_events_per_part():
    assert SETS["headlines"] is evaluate_headlines
    got = {r.name: r for r in evaluate_headlines(pipeline=KeywordPipeline())}
    assert set(got) == {
        "headlines:dev",
        "headlines:dev:events",
        "headlines:blind",
        "headlines:blind:events",
    }
    for part, path in PARTS:
        gold = rows(path)
        right = sum(
            (("attack" in r["headline"].lower()) and r["event"] == "ASSAULT")
            or ("attack" not in r["headline"].lower() and r["event"] == "CONSULT")
            for r in gold
        )
        assert got[f"headlines:{part}"].metrics["accuracy"] == pytest.approx(right / len(gold))
        assert got[f"headlines:{part}:events"].metrics["accuracy"] == 0.0  # no events

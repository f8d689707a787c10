"""Run-on text: sentence starts are set before the parser so that no sentence grows without
bound, the cut is said in an R010 row, and a long unpunctuated article codes in seconds."""

from __future__ import annotations

import pytest
import spacy

from annales import Article
from annales.ingest import is_fatal
from annales.sentence_bounds import (
    MAX_RUN_TOKENS,
    MAX_SENTENCE_TOKENS,
    forced_starts,
    sentence_cut_notes,
)

from .deadline import deadline

WORDS = "Israel attacked Gaza and Hamas threatened Israel and Russia sanctioned Ukraine "


@pytest.fixture(scope="module")
def tokenize():
    return spacy.blank("en")


def test_ordinary_sentences_get_no_start(tokenize):
    doc = tokenize("Iran rejected the proposal. The talks ended on Monday. " * 3)
    assert forced_starts(doc) == ([], [])


def test_a_run_without_sentence_end_is_cut_at_a_clause_boundary(tokenize):
    doc = tokenize("troops fired on protesters, " * 60)  # 300 tokens, no sentence end
    starts, cuts = forced_starts(doc)
    assert cuts and starts == cuts
    assert all(doc[i - 1].text == "," for i in cuts)
    edges = [0, *cuts, len(doc)]
    assert max(b - a for a, b in zip(edges, edges[1:])) <= MAX_RUN_TOKENS


def test_a_run_with_no_clause_boundary_is_cut_where_it_reaches_the_bound(tokenize):
    doc = tokenize("word " * (3 * MAX_RUN_TOKENS))
    starts, cuts = forced_starts(doc)
    assert cuts == [MAX_RUN_TOKENS, 2 * MAX_RUN_TOKENS]


def test_sentence_ends_start_sentences_once_the_bound_is_near(tokenize):
    # many short sentences: a start is set at a sentence end every MAX_RUN_TOKENS tokens, so
    # even a parser that ignored every full stop would keep sentences within the bound
    doc = tokenize("The army said so. " * 100)
    starts, cuts = forced_starts(doc)
    assert cuts == [] and starts
    assert all(doc[i - 1].text == "." and doc[i].text == "The" for i in starts)


def test_quotes_stay_with_their_sentence(tokenize):
    doc = tokenize('They said "we will go." ' * 40 + 'They left. "We will go," he said. ' * 20)
    starts = forced_starts(doc)[0]
    assert starts
    for i in starts:  # a closing quote ends the sentence before; an opening one starts its own
        assert doc[i].text in ("They", '"')
        assert doc[i].text != '"' or doc[i + 1].text == "We"


def test_a_lower_case_word_after_a_full_stop_does_not_start_a_sentence(tokenize):
    doc = tokenize('rates rose in 2005." said an analyst ' * 80)
    starts, cuts = forced_starts(doc)
    assert starts and all(doc[i].text != "said" or i in cuts for i in starts)
    assert cuts  # the stretch is one run-on sentence for the bound


def test_long_unpunctuated_article_codes_quickly_in_bounded_sentences(pipeline):
    text = (WORDS * 260)[:20_000]
    article = Article(id="runon", text=text, published="2017-01-12")
    with deadline(60, "coding 20,000 unpunctuated characters"):
        doc = pipeline.nlp(text)
        coded = pipeline.code_doc(article, doc)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert coded.events
    # every record carries its own (short) sentence, not the whole run-on text
    assert max(len(e.sentence) for e in coded.events) < 2_000
    [note] = coded.notes
    assert note.reason_code == "R010" and note.input == "runon" and not is_fatal(note)
    assert f"within {MAX_RUN_TOKENS} tokens" in note.message


def test_ordinary_article_has_no_note(pipeline, nlp):
    doc = nlp("Iran rejected the proposal on Monday. The talks ended.")
    assert sentence_cut_notes(Article(id="a", text=doc.text), doc) == []


def test_a_trigger_ranks_only_the_nearest_places(nlp, monkeypatch):
    from annales.normalize import event_location
    from annales.normalize.places import find_places

    towns = [
        "Aleppo",
        "Homs",
        "Hama",
        "Idlib",
        "Raqqa",
        "Deir",
        "Palmyra",
        "Latakia",
        "Tartus",
        "Daraa",
        "Qamishli",
        "Kobani",
        "Manbij",
        "Afrin",
        "Azaz",
        "Jarablus",
        "Douma",
        "Harasta",
        "Zabadani",
        "Madaya",
    ]
    doc = nlp("Troops shelled " + ", ".join(towns) + " and Damascus on Monday.")
    places = find_places(doc, speculative=True)
    assert len(places) > event_location.MAX_RANKED_PLACES
    seen = []
    real = event_location.candidate_features
    monkeypatch.setattr(
        event_location,
        "candidate_features",
        lambda trigger, local, known: seen.append(local) or real(trigger, local, known),
    )
    event_location.rank_places(doc[1], places)
    [ranked] = seen
    assert len(ranked) == event_location.MAX_RANKED_PLACES
    assert ranked[0].text == "Aleppo" and ranked == sorted(ranked, key=lambda p: p.start)

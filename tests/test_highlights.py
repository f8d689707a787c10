"""The article reader's spans: offsets from the records, places and dates found in their
sentence, and segments that cover the text exactly once."""

from __future__ import annotations

from annales.api import highlights
from annales.schema import DateValue, Event, Location, Span

from . import web_store


def test_sentence_span_takes_the_occurrence_that_holds_the_trigger():
    text = "Iran agreed. Then Iran agreed. Iran agreed."
    assert highlights.sentence_span(text, "Iran agreed.", near=20) == (18, 30)
    assert highlights.sentence_span(text, "Iran agreed.", near=None) == (0, 12)
    assert highlights.sentence_span(text, "Iraq agreed.", near=3) is None


def test_places_and_dates_are_found_in_their_own_sentence_nearest_the_trigger():
    text = "Talks in Paris ended. On Monday Paris hosted talks in Paris on Monday."
    trigger = Span("hosted", text.index("hosted"), text.index("hosted") + 6)
    e = Event(
        id="e",
        article_id="a",
        sentence_index=1,
        sentence="On Monday Paris hosted talks in Paris on Monday.",
        event="CONSULT",
        mode=None,
        cameo=None,
        quad_class=1,
        goldstein=None,
        trigger=trigger,
        location=Location("Paris"),
        date=DateValue("2020-01-06", "day", "on Monday"),
    )
    spans = {s["kind"]: (s["start"], s["end"]) for s in highlights.event_spans(text, e)}
    assert spans["place"] == (text.index("Paris", 22), text.index("Paris", 22) + 5)
    assert text[slice(*spans["date"])] == "on Monday"
    assert spans["date"][0] > spans["place"][0]  # the second "Monday" in the sentence
    assert spans["trigger"] == (trigger.start, trigger.end)


def test_spans_outside_the_text_are_dropped():
    e = Event(
        id="e",
        article_id="a",
        sentence_index=0,
        sentence="x",
        event="AID",
        mode=None,
        cameo=None,
        quad_class=2,
        goldstein=None,
        trigger=Span("x", 5, 99),
    )
    assert highlights.event_spans("short", e) == []


def test_segments_cover_the_text_once_and_know_what_covers_them():
    coded = web_store.articles()[0]
    text = coded.article.text
    spans = highlights.quote_spans(text, coded.quotes)
    for e in coded.events:
        spans += highlights.event_spans(text, e)
    segs = highlights.segments(text, spans)
    assert "".join(s["text"] for s in segs) == text
    assert all(text[s["start"] : s["end"]] == s["text"] for s in segs)
    respond = next(s for s in segs if s["text"] == "respond")
    assert respond["kinds"] == ["quote", "trigger"]
    assert respond["events"] == [coded.events[2].id]
    kremlin = [s for s in segs if s["text"] == "the Kremlin"]
    assert kremlin and kremlin[0]["kinds"] == ["actor", "speaker"]

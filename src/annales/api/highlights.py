"""Where each part of a record sits in its article: the character spans the article reader
highlights (actors, recipients, speakers, triggers, places, dates, quotes), and the text cut into
segments at every span boundary so overlapping spans (an actor inside a quote) render as flat,
non-nested pieces that each know which spans and events cover them.

Entities, triggers and quotes carry offsets; a place or a date carries only its words, so it is
looked for inside its event's sentence, nearest the trigger."""

from __future__ import annotations

from typing import Iterable, Optional

from ..schema import Event, Quote

KINDS = ("quote", "actor", "recipient", "speaker", "trigger", "place", "date")


def sentence_span(text: str, sentence: str, near: Optional[int]) -> Optional[tuple[int, int]]:
    """Offsets of `sentence` in `text`: the occurrence that holds offset `near` (the trigger),
    else the first one; None when the sentence is not in the text."""
    if not sentence:
        return None
    first = None
    start = text.find(sentence)
    while start != -1:
        first = start if first is None else first
        if near is None or start <= near < start + len(sentence):
            return start, start + len(sentence)
        start = text.find(sentence, start + 1)
    return (first, first + len(sentence)) if first is not None else None


def _find_near(
    text: str, words: Optional[str], lo: int, hi: int, near: int
) -> Optional[tuple[int, int]]:
    if not words:
        return None
    best = None
    start = text.find(words, lo, hi)
    while start != -1:
        if best is None or abs(start - near) < abs(best - near):
            best = start
        start = text.find(words, start + 1, hi)
    return (best, best + len(words)) if best is not None else None


def event_spans(text: str, e: Event) -> list[dict]:
    """The spans of one event: {start, end, kind, event}; only spans inside the text."""
    spans: list[dict] = []

    def add(kind: str, start: Optional[int], end: Optional[int]) -> None:
        if start is not None and end is not None and 0 <= start < end <= len(text):
            spans.append({"start": start, "end": end, "kind": kind, "event": e.id})

    for ent in e.actor:
        add("actor", ent.start, ent.end)
    for ent in e.recipient:
        add("recipient", ent.start, ent.end)
    if e.attribution and e.attribution.speaker:
        add("speaker", e.attribution.speaker.start, e.attribution.speaker.end)
    if e.trigger:
        add("trigger", e.trigger.start, e.trigger.end)
    near = e.trigger.start if e.trigger else None
    sent = sentence_span(text, e.sentence, near)
    if sent:
        anchor = near if near is not None else sent[0]
        if e.location:
            add("place", *(_find_near(text, e.location.text, *sent, anchor) or (None, None)))
        if e.date and e.date.text:
            add("date", *(_find_near(text, e.date.text, *sent, anchor) or (None, None)))
    return spans


def quote_spans(text: str, quotes: Iterable[Quote]) -> list[dict]:
    return [
        {"start": q.start, "end": q.end, "kind": "quote", "event": None}
        for q in quotes
        if 0 <= q.start < q.end <= len(text)
    ]


def segments(text: str, spans: list[dict]) -> list[dict]:
    """The text cut at every span boundary: [{start, end, text, kinds, events}], in order,
    covering the whole text; `kinds` and `events` list what covers that piece (empty for
    plain text)."""
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        over = [s for s in spans if s["start"] <= lo and hi <= s["end"]]
        kinds = [k for k in KINDS if any(s["kind"] == k for s in over)]
        events = sorted({s["event"] for s in over if s["event"]})
        out.append({"start": lo, "end": hi, "text": text[lo:hi], "kinds": kinds, "events": events})
    return out

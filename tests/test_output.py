"""Output formats and the demo summary, on hand-built records (no model)."""

from __future__ import annotations

import csv
import io
import json

from annales.output import EVENT_COLUMNS, RecordWriter, flatten_event, render_table
from annales.schema import Attribution, DateValue, Entity, Event, Span
from annales.summary import describe, mark_sentence

ARTICLE = (
    "TEL AVIV — Officials met on Monday. Sweden recognized Palestine on Thursday, a minister said."
)


def _event() -> Event:
    start = ARTICLE.index("recognized")
    trigger = Span("recognized", start, start + len("recognized"))
    swe = ARTICLE.index("Sweden")
    pse = ARTICLE.index("Palestine")
    return Event(
        id=Event.make_id("a1", 1, trigger, "SUPPORT"),
        article_id="a1",
        sentence_index=1,
        sentence="Sweden recognized Palestine on Thursday, a minister said.",
        event="SUPPORT",
        mode=None,
        cameo="054",
        quad_class=1,
        goldstein=3.4,
        actor=[Entity("Sweden", "Sweden", "SWE", "SWE", None, "country:SWE", swe, swe + 6)],
        recipient=[
            Entity("Palestine", "Palestine", "PSE", "PSE", None, "country:PSE", pse, pse + 9)
        ],
        modality="asserted",
        attribution=Attribution(Entity("a minister", sector="GOV"), "said", False, True),
        date=DateValue("2014-10-30", "day", "on Thursday"),
        trigger=trigger,
        confidence=0.9,
    )


def test_jsonl_round_trips_the_whole_contract():
    buf = io.StringIO()
    w = RecordWriter(buf, "jsonl")
    e = _event()
    w.write(e.to_dict(), flatten_event(e))
    w.close()
    back = Event.from_dict(json.loads(buf.getvalue()))
    assert back == e


def test_csv_has_header_and_flattened_codes():
    buf = io.StringIO()
    w = RecordWriter(buf, "csv", EVENT_COLUMNS)
    e = _event()
    w.write(e.to_dict(), flatten_event(e))
    w.close()
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert rows[0]["actor_code"] == "SWE" and rows[0]["cameo"] == "054"
    assert rows[0]["speaker"] == "a minister" and rows[0]["date"] == "2014-10-30"


def test_compound_actor_with_unknown_code_is_marked():
    e = _event()
    e.actor.append(Entity("the rebels", sector="REB"))
    assert flatten_event(e)["actor_code"] == "SWE;?"


def test_table_clips_long_sentences_to_width():
    out = render_table([flatten_event(_event())], ["event", "sentence"], width=40)
    assert out.splitlines()[0].startswith("EVENT")
    assert all(len(line) <= 40 for line in out.splitlines()[:3])
    assert out.endswith("(1 rows)\n")
    assert render_table([], ["event"]) == "(no rows)\n"


def test_mark_sentence_marks_trigger_actor_and_recipient():
    marked = mark_sentence(_event(), ARTICLE)
    assert marked == "[A Sweden] <<recognized>> [R Palestine] on Thursday, a minister said."


def test_describe_names_codes_modality_date_and_speaker():
    text = describe(_event())
    assert "SUPPORT" in text and "SWE -> PSE" in text and "asserted" in text
    assert "2014-10-30 (on Thursday)" in text and "according to a minister" in text

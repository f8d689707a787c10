"""The scene as recipient (events/scene.py): stand-in events and places built by hand, then
two sentences through the whole pipeline."""

from __future__ import annotations

from annales.events.scene import scene_recipient
from annales.normalize.places import Place
from annales.schema import Entity, Event


def event(kind="ASSAULT", recipient=()):
    return Event(
        id="e",
        article_id="a",
        sentence_index=0,
        sentence="s",
        event=kind,
        mode=None,
        cameo=None,
        quad_class=4,
        goldstein=None,
        recipient=list(recipient),
    )


def place(text="Syria", country="SYR", kind="country", start=40):
    return Place(
        text=text,
        start=8,
        end=9,
        start_char=start,
        end_char=start + len(text),
        label="GPE",
        name=text,
        country=country,
        kind=kind,
    )


def test_a_material_act_with_no_recipient_is_done_to_the_scene_country():
    got = scene_recipient(event(), place())
    assert got == Entity(text="Syria", name="Syria", code="SYR", country="SYR", start=40, end=45)
    assert scene_recipient(event("AID"), place("Gaza", "PSE", "territory")).code == "PSE"


def test_no_scene_recipient_for_named_recipients_verbal_acts_cities_or_no_place():
    assert scene_recipient(event(recipient=[Entity(text="rebels")]), place()) is None
    assert scene_recipient(event("CONSULT"), place()) is None  # "met in Switzerland"
    assert scene_recipient(event("ACCUSE"), place()) is None
    assert scene_recipient(event(), place("Kent", "USA", "city")) is None
    assert scene_recipient(event(), place(country=None)) is None
    assert scene_recipient(event(), None) is None


def test_pipeline_codes_the_scene_as_recipient(pipeline):
    strikes = pipeline.code(
        "Russian warplanes carried out air strikes in Syria on Wednesday.", published="2015-10-01"
    )
    assert [(e.event, [r.code for r in e.recipient]) for e in strikes] == [("ASSAULT", ["SYR"])]
    assert strikes[0].recipient[0].text == strikes[0].location.text == "Syria"
    met = pipeline.code("The two foreign ministers met in Switzerland.", published="2015-10-01")
    assert [(e.event, e.recipient) for e in met] == [("CONSULT", [])]

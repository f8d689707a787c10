"""Trips that are no consultation (events/trips.py), on sentences written for these tests."""

from __future__ import annotations

import pytest


def _visits(pipeline, text):
    return [
        (e.trigger.text, [a.country for a in e.actor], [r.country for r in e.recipient])
        for e in pipeline.code(text, published="2018-05-01")
        if e.event == "CONSULT"
    ]


@pytest.mark.parametrize(
    "text, trigger, actor, recipient",
    [
        ("The French president will visit China next month.", "visit", ["FRA"], ["CHN"]),
        ("Merkel travelled to Washington on Monday.", "travelled", ["DEU"], ["USA"]),
        ("Japan's prime minister visited Paris on Friday.", "visited", ["JPN"], ["FRA"]),
        # a US state is the United States, not the home of whoever visits it
        ("Mexico's foreign minister will make a visit to Texas.", "visit", ["MEX"], ["USA"]),
    ],
)
def test_an_official_visit_abroad_is_a_consultation(pipeline, text, trigger, actor, recipient):
    assert (trigger, actor, recipient) in _visits(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # a trip at home, to a place that is no actor of its own
        "WASHINGTON (Reuters) - The U.S. president will visit Ohio on Monday, aides said.",
        "President Joe Biden will travel to Chicago next week.",
        # private people
        "Chinese tourists wanting to visit Japan must now apply in Beijing.",
        "Thousands of Indian students travel to Britain every year.",
        # a website
        "Syria's foreign minister will visit example.org next week.",
    ],
)
def test_trips_that_are_no_visit(pipeline, text):
    assert _visits(pipeline, text) == []

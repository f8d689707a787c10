"""A small store built by hand for the HTTP API and dashboard tests: three articles, six events
with known offsets, sources, dates and places, so every count can be worked out by reading this
file (no spaCy)."""

from __future__ import annotations

from annales.schema import (
    Article,
    Attribution,
    CodedArticle,
    DateValue,
    Entity,
    Event,
    Location,
    Quote,
    Span,
)
from annales.store import Store

TEXT_A = (
    "WASHINGTON — The United States imposed sanctions on Russia on Monday. "
    'Russia condemned the sanctions, officials said. "We will respond," the Kremlin said.'
)
TEXT_B = "Ukraine and Poland signed an agreement in Kyiv. Ukraine may ask NATO for help."
TEXT_C = "Russia attacked Ukraine."


def ent(text: str, words: str, code: str, country: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Entity(
        words, name=words, code=code, country=country, start=start, end=start + len(words)
    )


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(words, start, start + len(words))


def ev(
    article_id: str,
    i: int,
    sentence: str,
    kind: str,
    quad: int,
    actor,
    recipient,
    trigger: Span,
    modality="asserted",
    attribution=None,
    date=None,
    location=None,
) -> Event:
    return Event(
        id=Event.make_id(article_id, i, trigger, kind),
        article_id=article_id,
        sentence_index=i,
        sentence=sentence,
        event=kind,
        mode=None,
        cameo=None,
        quad_class=quad,
        goldstein=None,
        actor=actor,
        recipient=recipient,
        modality=modality,
        attribution=attribution,
        date=date,
        location=location,
        trigger=trigger,
        confidence=0.8,
    )


def articles() -> list[CodedArticle]:
    a, b, c = TEXT_A, TEXT_B, TEXT_C
    usa, rus = ent(a, "The United States", "USA", "USA"), ent(a, "Russia", "RUS", "RUS")
    rus2, usa2 = ent(a, "Russia", "RUS", "RUS", nth=1), ent(a, "the Kremlin", "RUSGOV", "RUS")
    officials = Entity("officials", start=a.index("officials"), end=a.index("officials") + 9)
    kremlin = ent(a, "the Kremlin", "RUSGOV", "RUS")
    s0 = "WASHINGTON — The United States imposed sanctions on Russia on Monday."
    s1 = "Russia condemned the sanctions, officials said."
    s2 = '"We will respond," the Kremlin said.'
    quote_start = a.index("We will respond,")
    coded_a = CodedArticle(
        Article("art-a", a, title="Sanctions", source="wire-a", published="2017-01-12"),
        [
            ev(
                "art-a",
                0,
                s0,
                "SANCTION",
                4,
                [usa],
                [rus],
                span(a, "imposed"),
                date=DateValue("2017-01-09", "day", "on Monday"),
                location=Location("WASHINGTON", "Washington", "USA", 38.9, -77.0, 4140963, "city"),
            ),
            ev(
                "art-a",
                1,
                s1,
                "ACCUSE",
                3,
                [rus2],
                [Entity("the United States", code="USA", country="USA")],
                span(a, "condemned"),
                attribution=Attribution(officials, "said", False, True),
                date=DateValue("2017-01-12", "day", None, "published"),
            ),
            ev(
                "art-a",
                2,
                s2,
                "THREATEN",
                3,
                [usa2],
                [],
                span(a, "respond"),
                modality="future",
                attribution=Attribution(kremlin, "said", True, False),
            ),
        ],
        [Quote("art-a", kremlin, "We will respond,", quote_start, quote_start + 16, "said")],
    )
    ukr, pol = ent(b, "Ukraine", "UKR", "UKR"), ent(b, "Poland", "POL", "POL")
    ukr2, nato = ent(b, "Ukraine", "UKR", "UKR", nth=1), ent(b, "NATO", "IGONAT", "NAT")
    coded_b = CodedArticle(
        Article("art-b", b, title="Agreement", source="wire-b", published="2017-03-02"),
        [
            ev(
                "art-b",
                0,
                "Ukraine and Poland signed an agreement in Kyiv.",
                "AGREE",
                1,
                [ukr],
                [pol],
                span(b, "signed"),
                date=DateValue("2017-03-02", "day", None, "published"),
                location=Location("Kyiv", "Kyiv", "UKR", 50.45, 30.52, 703448, "city"),
            ),
            ev(
                "art-b",
                1,
                "Ukraine may ask NATO for help.",
                "REQUEST",
                3,
                [ukr2],
                [nato],
                span(b, "ask"),
                modality="hypothetical",
                date=DateValue("2017", "year", "2017"),
            ),
        ],
    )
    coded_c = CodedArticle(
        Article("art-c", c, title="Attack", source="wire-a", published="2018-06-01"),
        [
            ev(
                "art-c",
                0,
                c,
                "ASSAULT",
                4,
                [ent(c, "Russia", "RUS", "RUS")],
                [ent(c, "Ukraine", "UKR", "UKR")],
                span(c, "attacked"),
                date=DateValue("2018-06-01", "day", None, "published"),
            )
        ],
    )
    return [coded_a, coded_b, coded_c]


def build(path: str) -> list[CodedArticle]:
    coded = articles()
    with Store(path) as store:
        store.write_many(coded)
    return coded

"""Event dates: temporal expressions in realistic news sentences, resolved against publication."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from annales.normalize.dates import is_future, parse_published, resolve_date
from annales.normalize.temporal import interpret
from annales.schema import DateValue

THU = date(2017, 1, 12)  # the flagship article's day, a Thursday


def date_of(nlp, sentence: str, trigger: str, published=THU) -> DateValue | None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    return resolve_date(token, published)


# (sentence, trigger, publication date, expected value, precision, text)
PARSED = [
    (
        "A U.S. abstention last month allowed the passage of a resolution.",
        "abstention",
        THU,
        "2016-12",
        "month",
        "last month",
    ),
    (
        "The Palestinians want a motion following Sunday's Middle East summit in Paris.",
        "summit",
        THU,
        "2017-01-08",
        "day",
        "Sunday",
    ),
    (
        "The foreign ministers will meet on Sunday in Vienna.",
        "meet",
        THU,
        "2017-01-15",
        "day",
        "Sunday",
    ),
    ("The foreign ministers met on Sunday in Vienna.", "met", THU, "2017-01-08", "day", "Sunday"),
    ("The prime minister met the envoy on Thursday.", "met", THU, "2017-01-12", "day", "Thursday"),
    (
        "The prime minister will meet the envoy on Thursday.",
        "meet",
        THU,
        "2017-01-19",
        "day",
        "Thursday",
    ),
    ("Russia annexed Crimea in 2014.", "annexed", THU, "2014", "year", "2014"),
    (
        "Israel has occupied the West Bank since 1967.",
        "occupied",
        THU,
        "1967",
        "year",
        "since 1967",
    ),
    (
        "The UN imposed sanctions on South Africa in the 1980s.",
        "imposed",
        THU,
        "198",
        "decade",
        "the 1980s",
    ),
    (
        "Iran and six world powers signed the agreement on July 14, 2015.",
        "signed",
        THU,
        "2015-07-14",
        "day",
        "July 14, 2015",
    ),
    (
        "The two leaders met in Riyadh two days ago.",
        "met",
        THU,
        "2017-01-10",
        "day",
        "two days ago",
    ),
    (
        "China held military drills near Taiwan on Aug. 4.",
        "held",
        date(2022, 8, 10),
        "2022-08-04",
        "day",
        "Aug. 4",
    ),
    (
        "China held military drills near Taiwan on Aug. 4.",
        "held",
        date(2022, 8, 1),
        "2021-08-04",
        "day",
        "Aug. 4",
    ),
    (
        "Sweden recognized Palestine on 30 October 2014.",
        "recognized",
        THU,
        "2014-10-30",
        "day",
        "30 October 2014",
    ),
    (
        "Earlier this year, the government arrested thousands of soldiers.",
        "arrested",
        date(2016, 9, 1),
        "2016",
        "year",
        "Earlier this year",
    ),
    (
        "The president said on Tuesday that the army would withdraw next month.",
        "withdraw",
        THU,
        "2017-02",
        "month",
        "next month",
    ),
    (
        "The president said on Tuesday that the army would withdraw next month.",
        "said",
        THU,
        "2017-01-10",
        "day",
        "Tuesday",
    ),
    (
        "The president said on Tuesday that the army had withdrawn.",
        "withdrawn",
        THU,
        "2017-01-10",
        "day",
        "Tuesday",
    ),
    (
        "Turkish police arrested 50 judges yesterday.",
        "arrested",
        THU,
        "2017-01-11",
        "day",
        "yesterday",
    ),
    ("The ministers are meeting in Geneva today.", "meeting", THU, "2017-01-12", "day", "today"),
    ("North Korea fired a missile last week.", "fired", THU, "2017-01", "month", "last week"),
    (
        "North Korea fired a missile last week.",
        "fired",
        date(2017, 3, 6),
        "2017",
        "year",
        "last week",
    ),  # Feb. 27 - Mar. 5
    ("Egypt opened the border crossing last year.", "opened", THU, "2016", "year", "last year"),
    ("The council will vote in March.", "vote", THU, "2017-03", "month", "March"),
    ("The council voted in March.", "voted", THU, "2016-03", "month", "March"),
    ("The council voted in March.", "voted", date(2017, 5, 2), "2017-03", "month", "March"),
    ("The army plans to withdraw its troops in June.", "withdraw", THU, "2017-06", "month", "June"),
    (
        "Israel refused on Monday to recognize the resolution.",
        "recognize",
        THU,
        "2017-01-09",
        "day",
        "Monday",
    ),
    (
        "The envoy arrived in Kabul on Jan. 5 and met the foreign minister.",
        "met",
        THU,
        "2017-01-05",
        "day",
        "Jan. 5",
    ),
    (
        "NATO began air strikes in Libya in March 2011.",
        "strikes",
        date(2011, 4, 2),
        "2011-03",
        "month",
        "March 2011",
    ),
    (
        "The ministers met on Feb. 2, 2017 in Brussels.",
        "met",
        date(2017, 2, 3),
        "2017-02-02",
        "day",
        "Feb. 2, 2017",
    ),
    (
        "Washington imposed sanctions on Iran in the 2000s.",
        "imposed",
        THU,
        "200",
        "decade",
        "the 2000s",
    ),
    (
        "Officials said three years ago that the talks had failed.",
        "failed",
        THU,
        "2014",
        "year",
        "three years ago",
    ),
    (
        "A U.S. abstention last month allowed the passage of a resolution.",
        "allowed",
        date(2017, 1, 3),
        "2016-12",
        "month",
        "last month",
    ),
    (
        "Rebels seized the town on Feb. 29.",
        "seized",
        date(2016, 3, 10),
        "2016-02-29",
        "day",
        "Feb. 29",
    ),
    (
        "Rebels seized the town on Feb. 29.",
        "seized",
        date(2017, 3, 10),
        "2016-02-29",
        "day",
        "Feb. 29",
    ),
    (
        "The troops left the city two days ago.",
        "left",
        date(2016, 3, 1),
        "2016-02-28",
        "day",
        "two days ago",
    ),
    (
        "The troops left the city two days ago.",
        "left",
        date(2017, 1, 1),
        "2016-12-30",
        "day",
        "two days ago",
    ),
    (
        "Protesters marched through Hong Kong last night.",
        "marched",
        date(2019, 6, 17),
        "2019-06-16",
        "day",
        "last night",
    ),
    ("The talks collapsed in mid-2014.", "collapsed", THU, "2014", "year", "mid-2014"),
    (
        "The ceasefire was signed in September 2016 in Cartagena.",
        "signed",
        THU,
        "2016-09",
        "month",
        "September 2016",
    ),
    (
        "The ministers will travel to Tehran next week.",
        "travel",
        date(2023, 3, 10),
        "2023-03",
        "month",
        "next week",
    ),
    (
        "The government expelled the ambassador a week ago.",
        "expelled",
        THU,
        "2017-01-05",
        "day",
        "a week ago",
    ),
    (
        "The sanctions were lifted earlier this month.",
        "lifted",
        THU,
        "2017-01",
        "month",
        "earlier this month",
    ),
    (
        "Ethiopia and Eritrea signed a peace declaration on 9 July 2018.",
        "signed",
        THU,
        "2018-07-09",
        "day",
        "9 July 2018",
    ),
    (
        "The foreign minister will visit Moscow tomorrow.",
        "visit",
        THU,
        "2017-01-13",
        "day",
        "tomorrow",
    ),
]


@pytest.mark.parametrize("sentence,trigger,published,value,precision,text", PARSED)
def test_expression_in_sentence(nlp, sentence, trigger, published, value, precision, text):
    assert date_of(nlp, sentence, trigger, published) == DateValue(value, precision, text, "text")


def test_the_expressions_cover_every_kind():
    assert len({(s, t, p) for s, t, p, *_ in PARSED}) >= 40
    assert {precision for *_, precision, _ in PARSED} == {"day", "month", "year", "decade"}
    texts = [text.lower() for *_, text in PARSED]
    for word in ("ago", "last", "next", "yesterday", "today", "tomorrow", "earlier", "since"):
        assert any(word in t for t in texts), f"no expression with {word!r}"
    # one weekday name resolves backwards for a past act and forwards for a planned one
    assert {value for *_, value, _, text in PARSED if text == "Sunday"} >= {
        "2017-01-08",
        "2017-01-15",
    }
    # absolute dates in both orders, a month-and-day without a year, across a year boundary
    assert {"July 14, 2015", "30 October 2014", "Aug. 4"} <= {text for *_, text in PARSED}
    assert any(
        value[:4] < str(published.year)
        for _, _, published, value, _, text in PARSED
        if text == "last month"
    )


@pytest.mark.parametrize(
    "sentence,trigger",
    [
        ("The government announced the deal.", "announced"),
        # a year belongs to the relative clause, not to the main verb
        ("The sanctions, which the EU imposed in 2014, remain in force.", "remain"),
        # "1500 villages" is a count, not the year 1500
        ("Police detained protesters in 1500 villages.", "detained"),
        # the summit is a reference point for the work, not its date
        ("The Palestinians are working with the EU following Sunday's summit in Paris.", "working"),
        # "in Paris" is a place, "may" a modal
        ("France may recognize Palestine in Paris.", "recognize"),
    ],
)
def test_no_expression_falls_back_to_publication(nlp, sentence, trigger):
    assert date_of(nlp, sentence, trigger) == DateValue("2017-01-12", "day", None, "published")


def test_future_event_does_not_inherit_the_date_of_its_announcement(nlp):
    found = date_of(nlp, "The minister said on Tuesday that the army will withdraw.", "withdraw")
    assert found.source == "published"


def test_relative_expression_without_publication_date_is_none(nlp):
    assert date_of(nlp, "Russia annexed Crimea last year.", "annexed", None) is None
    assert date_of(nlp, "The foreign ministers met on Sunday in Vienna.", "met", None) is None


def test_absolute_expression_without_publication_date_still_resolves(nlp):
    found = date_of(nlp, "Russia annexed Crimea in March 2014.", "annexed", None)
    assert found == DateValue("2014-03", "month", "March 2014", "text")


def test_no_expression_and_no_publication_date_is_none(nlp):
    assert date_of(nlp, "The government announced the deal.", "announced", None) is None


def test_tense(nlp):
    doc = nlp("Iran will sign the deal, which Russia signed, and plans to ratify it.")
    by_text = {t.text: t for t in doc}
    assert is_future(by_text["sign"])
    assert not is_future(by_text["signed"])
    assert is_future(by_text["ratify"])


# --- the interpreter alone, on boundary cases ----------------------------------------------------
@pytest.mark.parametrize(
    "text,published,future,value,precision",
    [
        ("last month", date(2017, 1, 31), False, "2016-12", "month"),
        ("next month", date(2016, 12, 1), True, "2017-01", "month"),
        ("two months ago", date(2017, 2, 28), False, "2016-12", "month"),
        ("yesterday", date(2016, 3, 1), False, "2016-02-29", "day"),
        ("yesterday", date(2017, 1, 1), False, "2016-12-31", "day"),
        ("Feb. 29", date(2020, 2, 28), True, "2020-02-29", "day"),
        ("Feb. 29", date(2021, 3, 1), True, "2024-02-29", "day"),
        ("last Sunday", date(2017, 1, 15), False, "2017-01-08", "day"),
        ("Sunday", date(2017, 1, 15), False, "2017-01-15", "day"),
        ("next Sunday", date(2017, 1, 12), False, "2017-01-15", "day"),
        ("last week", date(2016, 12, 14), False, "2016-12", "month"),
        ("last week", date(2016, 1, 6), False, "2015", "year"),  # Dec 28 - Jan 3: Thursday in 2015
        ("December", date(2017, 1, 12), True, "2017-12", "month"),
        ("December", date(2017, 1, 12), False, "2016-12", "month"),
        ("last March", date(2017, 1, 12), False, "2016-03", "month"),
        ("the 1990s", None, False, "199", "decade"),
        ("Sept. 11, 2001", None, False, "2001-09-11", "day"),
        ("5th of January 2017", None, False, "2017-01-05", "day"),
        ("2017-01-05", None, False, "2017-01-05", "day"),
        ("late 1990", None, False, "1990", "year"),
    ],
)
def test_interpret(text, published, future, value, precision):
    found = interpret(text, published, future)
    assert (found.value, found.precision) == (value, precision)


def test_interpret_rejects():
    for text in ("may", "march", "Mayor", "Feb. 30, 2016", "the summit", "recently", ""):
        assert interpret(text, THU) is None, text


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31)])
@pytest.mark.parametrize(
    "text",
    [
        "next week",
        "last week",
        "last year",
        "next year",
        "tomorrow",
        "yesterday",
        "next Monday",
        "last Sunday",
        "Jan. 5",
        "in March",
        "two months ago",
        "99999999999 days ago",
        "9999 years from now",
    ],
)
def test_dates_at_the_ends_of_the_calendar_resolve_or_give_none(text, published):
    # placeholder publication dates of real feeds: never an OverflowError, never year 0
    found = interpret(text, published)
    assert found is None or 0 < int(found.value[:4]) <= 9999


def test_huge_counts_resolve_to_none_not_an_error():
    assert interpret("1000000000 weeks ago", THU) is None


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2017-01-12", date(2017, 1, 12)),
        ("2017-01-12T08:00:00Z", date(2017, 1, 12)),
        ("2017-01-12 08:00:00+02:00", date(2017, 1, 12)),
        (" 2016-02-29 ", date(2016, 2, 29)),
        ("2017-02-29", None),
        ("12/01/2017", None),
        ("January 12, 2017", None),
        ("2017-1-12", None),
        ("", None),
        (None, None),
        (20170112, None),
        (date(2017, 1, 12), date(2017, 1, 12)),
        (datetime(2017, 1, 12, 23, 59), date(2017, 1, 12)),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


# --- expressions the first resolver missed (found with the dates test set) ----------------------
@pytest.mark.parametrize(
    "sentence,trigger,published,value,precision",
    [
        # a part of the day names its day through a modifier
        (
            "Rebels shelled the city on Thursday night, killing four civilians.",
            "shelled",
            date(2018, 11, 30),
            "2018-11-29",
            "day",
        ),
        (
            "Clashes broke out in the capital on the night of Jan. 7.",
            "broke",
            THU,
            "2017-01-07",
            "day",
        ),
        ("Officials met in Geneva during the summer of 2016.", "met", THU, "2016", "year"),
        # "late on Saturday": the adverb carries the phrase
        (
            "The army said it had repelled an attack on the base late on Saturday.",
            "repelled",
            date(2019, 6, 17),
            "2019-06-15",
            "day",
        ),
        # a date phrase the parser hung on the subject
        ("The bombing on Tuesday killed at least 40 people.", "killed", THU, "2017-01-10", "day"),
        (
            "The Kremlin on Friday rejected the accusations.",
            "rejected",
            date(2018, 12, 2),
            "2018-11-30",
            "day",
        ),
        # the complement of a phase verb or a vote happens at its time
        (
            "The coalition began bombing Islamic State targets in September 2014.",
            "began",
            THU,
            "2014-09",
            "month",
        ),
        (
            "Britain voted to leave the European Union in June 2016.",
            "voted",
            THU,
            "2016-06",
            "month",
        ),
        # a year on a singular event noun; the qualified decade; "earlier this week"
        (
            "Iran has complied with the 2015 nuclear deal, inspectors said.",
            "deal",
            THU,
            "2015",
            "year",
        ),
        (
            "Iraq used chemical weapons against Kurds in the late 1980s.",
            "used",
            THU,
            "198",
            "decade",
        ),
        ("Rebels shot down a helicopter earlier this week.", "shot", THU, "2017-01", "month"),
        # "may" looks ahead: the coming May, not the last one
        ("The army may withdraw from the town in May.", "withdraw", THU, "2017-05", "month"),
    ],
)
def test_more_expressions(nlp, sentence, trigger, published, value, precision):
    found = date_of(nlp, sentence, trigger, published)
    assert (found.value, found.precision, found.source) == (value, precision, "text")


@pytest.mark.parametrize(
    "sentence,trigger",
    [
        # a count on a plural noun is not a year, even for a noun trigger
        ("The 2000 arrests drew international criticism.", "arrests"),
        # a plan does not happen when its verb is dated
        ("In 2015, Iran agreed to dismantle its centrifuges.", "dismantle"),
    ],
)
def test_more_fallbacks(nlp, sentence, trigger):
    assert date_of(nlp, sentence, trigger).source == "published"


def test_may_have_is_past(nlp):
    doc = nlp("The rebels may have fired the missile. The rebels may fire the missile.")
    fired, fire = (t for t in doc if t.lower_ in ("fired", "fire"))
    assert not is_future(fired) and is_future(fire)

"""Reading one temporal expression ("last month", "Jan. 5", "the 1980s") into a calendar value.

Pure string work, no parser: `dates.py` finds where an expression sits in the sentence and hands
its words here.  Relative expressions are resolved against the publication date; when that is
unknown they resolve to None, because a guess would look exactly like a fact in the output.

Choices the schema forces (it has no "week" precision):

* "last week", "this week", "next week" resolve to the month that holds the whole Monday-Sunday
  week, or to its year when the week straddles two months.  A week straddling New Year resolves
  to the year of its Thursday (the ISO-8601 week-year rule), the one case that can be off for
  a minority of its days.  Coarser than a day, but not a made-up day.
* A bare weekday ("on Sunday") is the latest such day on or before publication for past events,
  and the first one after publication for future ones.
* A month or day without a year ("in March", "Jan. 5") takes the year that puts it on or before
  publication for past events, on or after it for future ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


@dataclass(frozen=True)
class Resolved:
    value: str  # ISO prefix: "2016-12-18", "2016-12", "2016" or a decade "198"
    precision: str  # day | month | year | decade
    matched: str  # the words of the expression that were read


# Month names: full, three-letter or "Sept", with an optional abbreviation dot.
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|2[01]\d\d)"
_NUM = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + ")"
_QUALIFIER = r"(?:(?:early|late|mid|the (?:end|start|beginning|middle) of)[\s-]+)?"
_END = r"(?![\w-])"  # the expression must end at a word boundary ("May" is not "Mayor")


def _month(m: re.Match) -> int:
    return MONTHS[m["month"].lower()[:3]]


def _capitalised(m: re.Match) -> bool:
    # Without a year or a day, lower-case "may" and "march" are a modal and a verb.
    return m["month"][0].isupper()


def _iso(d: date) -> str:
    return d.isoformat()


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:  # "Feb. 30", "Feb. 29" outside leap years
        return None


def _week(published: date, offset: int) -> Resolved | None:
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return Resolved(_month_value(monday.year, monday.month), "month", "")
    thursday = monday + timedelta(days=3)
    return Resolved(f"{thursday.year:04d}", "year", "")


def _weekday(published: date, weekday: int, future: bool, offset: int = 0) -> date:
    if future:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead + 7 * offset)
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back - 7 * offset)


def _day_without_year(published: date, month: int, day: int, future: bool) -> Optional[date]:
    """Nearest (month, day) on the right side of publication, skipping Feb. 29 in common years."""
    step = 1 if future else -1
    for year in range(published.year, published.year + 9 * step, step):
        d = _safe_date(year, month, day)
        if d is not None and (d >= published if future else d <= published):
            return d
    return None


def _month_without_year(published: date, month: int, future: bool) -> str:
    year = published.year
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return _month_value(year, month)


Rule = Callable[[re.Match, Optional[date], bool], Optional[Resolved]]
_RULES: list[tuple[re.Pattern, Rule, bool]] = []  # (pattern, rule, needs publication date)


def _rule(pattern: str, relative: bool):
    def register(fn: Rule) -> Rule:
        _RULES.append((re.compile(pattern + _END, re.IGNORECASE), fn, relative))
        return fn

    return register


@_rule(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", relative=False)
def _iso_day(m, published, future):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return d and Resolved(_iso(d), "day", "")


@_rule(_QUALIFIER + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, relative=False)
def _month_day_year(m, published, future):
    d = _safe_date(int(m["year"]), _month(m), int(m["day"]))
    return d and Resolved(_iso(d), "day", "")


@_rule(r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, relative=False)
def _day_month_year(m, published, future):
    d = _safe_date(int(m["year"]), _month(m), int(m["day"]))
    return d and Resolved(_iso(d), "day", "")


@_rule(_QUALIFIER + _MONTH + r"\s+(?:of\s+)?" + _YEAR, relative=False)
def _month_year(m, published, future):
    return Resolved(_month_value(int(m["year"]), _month(m)), "month", "")


@_rule(r"(?:the\s+)?" + _QUALIFIER + r"(?:the\s+)?(?P<decade>1[5-9]\d|20\d)0'?s", relative=False)
def _decade(m, published, future):
    return Resolved(m["decade"], "decade", "")


@_rule(_QUALIFIER + _YEAR, relative=False)
def _year(m, published, future):
    return Resolved(m["year"], "year", "")


@_rule(r"(?P<which>last|next|this)\s+(?P<unit>week|month|year)", relative=True)
def _this_last_next(m, published, future):
    offset = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    unit = m["unit"].lower()
    if unit == "week":
        return _week(published, offset)
    if unit == "month":
        return Resolved(
            _month_value(*_shift_month(published.year, published.month, offset)), "month", ""
        )
    return Resolved(f"{published.year + offset:04d}", "year", "")


@_rule(r"(?:earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)", relative=True)
def _earlier_later(m, published, future):
    if m["unit"].lower() == "week":
        return _week(published, 0)
    if m["unit"].lower() == "month":
        return Resolved(_month_value(published.year, published.month), "month", "")
    return Resolved(f"{published.year:04d}", "year", "")


@_rule(_NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|from\s+now)", relative=True)
def _count_ago(m, published, future):
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    sign = 1 if m["dir"].lower().startswith("from") else -1
    unit = m["unit"].lower()
    if unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return Resolved(_iso(published + timedelta(days=sign * days)), "day", "")
    if unit == "month":
        return Resolved(
            _month_value(*_shift_month(published.year, published.month, sign * n)), "month", ""
        )
    return Resolved(f"{published.year + sign * n:04d}", "year", "")


@_rule(
    r"(?P<word>yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|"
    r"evening))",
    relative=True,
)
def _deictic_day(m, published, future):
    word = m["word"].lower()
    delta = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if word.startswith("last") else 0)
    return Resolved(_iso(published + timedelta(days=delta)), "day", "")


@_rule(r"(?:(?P<which>last|next|this)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + ")", relative=True)
def _weekday_rule(m, published, future):
    weekday = WEEKDAYS.index(m["weekday"].lower())
    which = (m["which"] or "").lower()
    if which == "next":
        future = True
    elif which == "last":
        # "last Sunday" said on a Sunday means a week ago, not today
        return Resolved(_iso(_weekday(published - timedelta(days=1), weekday, False)), "day", "")
    return Resolved(_iso(_weekday(published, weekday, future)), "day", "")


@_rule(_MONTH + r"\s+" + _DAY, relative=True)
def _month_day(m, published, future):
    if not _capitalised(m):
        return None
    d = _day_without_year(published, _month(m), int(m["day"]), future)
    return d and Resolved(_iso(d), "day", "")


@_rule(_DAY + r"\s+(?:of\s+)?" + _MONTH, relative=True)
def _day_month(m, published, future):
    d = _day_without_year(published, _month(m), int(m["day"]), future)
    return d and Resolved(_iso(d), "day", "")


# a month followed by a number it could not read ("Feb. 30") is not a month on its own
@_rule(r"(?:(?P<which>last|next)\s+)?" + _QUALIFIER + _MONTH + r"(?!\.?\s*\d)", relative=True)
def _bare_month(m, published, future):
    if not _capitalised(m):
        return None
    which = (m["which"] or "").lower()
    month = _month(m)
    if which == "last":
        year = published.year - (1 if month >= published.month else 0)
        return Resolved(_month_value(year, month), "month", "")
    if which == "next":
        future = True
    return Resolved(_month_without_year(published, month, future), "month", "")


def interpret(text: str, published: Optional[date], future: bool = False) -> Optional[Resolved]:
    """The calendar value of the temporal expression that `text` starts with, or None.

    `future` says the event is planned rather than past; it picks the side of the publication
    date for weekdays, months and days given without a year.
    """
    words = " ".join(text.split())
    for pattern, rule, relative in _RULES:
        match = pattern.match(words)
        if match is None or (relative and published is None):
            continue
        try:
            found = rule(match, published, future)
        except (OverflowError, ValueError):  # "next week" of 9999-12-31, "9999999 days ago"
            found = None
        if found and _on_the_calendar(found.value):
            return Resolved(found.value, found.precision, match.group(0))
    return None


def _on_the_calendar(value: str) -> bool:
    """A value Python's calendar (years 1 to 9999) can hold: "last year" of 0001-01-01 is not."""
    m = re.fullmatch(r"(\d{3,4})(?:-\d\d){0,2}", value)
    return m is not None and int(m.group(1)) > 0

"""Checks every article passes before it reaches the coder.

`validate` returns at most one rejection row.  Every reason but one is fatal (the article is
not coded).  The exception is R008, a bad publication date: the article is still worth coding,
so `validate` clears `published`, returns the R008 row as a warning, and the reader yields both
the row and the article (see `is_fatal`).  Relative dates ("last month") then stay unresolved
rather than being resolved against a wrong anchor.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection
from .decode import binary_reason
from .language import non_english_reason

# The longest article in the 2,225 BBC News texts has 25,427 characters, and long-form features
# rarely pass 60,000 (about 10,000 words).  200,000 characters leaves room for those while
# keeping one spaCy parse under about 2 GB of memory (spaCy's guide: ~1 GB per 100,000
# characters) and well below nlp.MAX_CHARS; anything longer is a book, a dump or a
# concatenation of many articles that should be split before coding.
MAX_ARTICLE_CHARS = 200_000

# Rows about an article that is still coded: a bad date (R008), run-on text cut (R010).
WARNING_CODES = frozenset({"R008", "R010"})

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# Publication dates outside these years are placeholders ("0001-01-01", "9999-12-31" in real
# feeds), not dates: resolving "next week" against them gives nonsense or no calendar day.
PUBLISHED_YEARS = range(1800, 2200)
DATE_EXPECTED = "YYYY-MM-DD"
YEARS_EXPECTED = (
    f"a publication date from {PUBLISHED_YEARS[0]} to {PUBLISHED_YEARS[-1]} "
    "(0001-01-01 and 9999-12-31 are placeholders, not dates)"
)


def is_fatal(r: Rejection) -> bool:
    """False for warning rows (R008), whose article is still coded."""
    return r.reason_code not in WARNING_CODES


def iso_day(value: str) -> Optional[str]:
    """ "YYYY-MM-DD" of an ISO date or timestamp ("2017-01-12T09:30:00Z"), else None."""
    value = value.strip()
    if not _ISO_DATE.match(value):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def date_problem(value: str) -> Optional[str]:
    """What a publication date should have been (for an R008 row or a usage error), or None
    when `value` is a usable one."""
    day = iso_day(value)
    if day is None:
        return DATE_EXPECTED
    if int(day[:4]) not in PUBLISHED_YEARS:
        return YEARS_EXPECTED
    return None


def validate(article: Article, input_name: str) -> Rejection | None:
    """The reason `article` cannot be coded as given, or None.

    On success (or an R008 warning) sets `article.language = "en"` and normalises
    `article.published` to "YYYY-MM-DD": the store keeps dates at day precision.
    """
    text = article.text
    if not text or not text.strip():
        return rejection(input_name, "R001", found="only whitespace" if text else "no text")
    why = binary_reason(text)
    if why:
        return rejection(input_name, "R002", found=why)
    if len(text) > MAX_ARTICLE_CHARS:
        return rejection(input_name, "R004", limit=MAX_ARTICLE_CHARS, found=len(text))
    looks_like = non_english_reason(text)
    if looks_like:
        return rejection(input_name, "R005", found=looks_like)
    article.language = "en"
    if article.published is None:
        return None
    if isinstance(article.published, date):  # a datetime is a date too
        article.published = article.published.isoformat()[:10]
    problem = (
        date_problem(article.published) if isinstance(article.published, str) else DATE_EXPECTED
    )
    if problem is not None:
        found, article.published = article.published, None
        return rejection(input_name, "R008", found=found, expected=problem)
    article.published = iso_day(article.published)
    return None


def checked(article: Article, input_name: str) -> Iterator[Article | Rejection]:
    """What a reader yields for one article: its rejection row, the article, or both (R008)."""
    problem = validate(article, input_name)
    if problem is not None:
        yield problem
    if problem is None or not is_fatal(problem):
        yield article

"""JSON Lines articles: `{"id", "text", "published", "title", "url", "source"}` per line.

A bad line is a rejection row for "path:LINE" and reading goes on with the next line.  A `.json`
file may also hold one JSON array of such objects.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection
from .decode import decode
from .validate import checked

OPTIONAL_FIELDS = ("title", "url", "source", "published")
TOO_DEEP = "JSON nested deeper than Python's parser can follow"
EXPECTED = (
    'a JSON object with a string "text" (and optional string "id", '
    + ", ".join(f'"{f}"' for f in OPTIONAL_FIELDS)
    + ")"
)


def article_from_record(record: object, name: str, published: Optional[str]) -> Article | Rejection:
    """An Article from one decoded JSON value, or the R006 row saying what is wrong."""
    if not isinstance(record, dict):
        return rejection(name, "R006", found=f"a JSON {type(record).__name__}", expected=EXPECTED)
    text = record.get("text")
    if not isinstance(text, str):
        found = 'no "text" field' if text is None else f'"text" of type {type(text).__name__}'
        return rejection(name, "R006", found=found, expected=EXPECTED)
    fields: dict[str, Optional[str]] = {}
    for key in OPTIONAL_FIELDS + ("id",):
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "id":
            value = str(value)  # feeds often number their articles
        if value is not None and not isinstance(value, str):
            return rejection(
                name, "R006", found=f'"{key}" of type {type(value).__name__}', expected=EXPECTED
            )
        fields[key] = value or None
    for key, value in [("text", text), *fields.items()]:
        if value and _has_lone_surrogate(value):
            return rejection(
                name,
                "R006",
                found=f'a lone surrogate escape (like "\\ud800") in "{key}"',
                expected=EXPECTED,
            )
    article_id = fields.pop("id") or Article.make_id(text, fields["url"])
    fields["published"] = fields["published"] or published
    return Article(id=article_id, text=text, **fields)


def _has_lone_surrogate(value: str) -> bool:
    # JSON may escape half a UTF-16 pair ("\ud800"); such a string is not text and cannot be
    # hashed, stored or parsed.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parsed(line: bytes, name: str, published: Optional[str]) -> Iterator[Article | Rejection]:
    text = decode(line, name)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        yield rejection(
            name, "R006", found=f"invalid JSON ({exc.msg} at column {exc.colno})", expected=EXPECTED
        )
        return
    except RecursionError:  # "[[[[...": Python's parser recurses once per level
        yield rejection(name, "R006", found=TOO_DEEP, expected=EXPECTED)
        return
    result = article_from_record(record, name, published)
    if isinstance(result, Rejection):
        yield result
    else:
        yield from checked(result, name)


def read_jsonl(
    lines: Iterable[bytes], name: str, published: Optional[str] = None
) -> Iterator[Article | Rejection]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield from _parsed(line, f"{name}:{number}", published)


def read_json(
    raw: bytes, name: str, published: Optional[str] = None
) -> Iterator[Article | Rejection]:
    """A `.json` file: an array of article objects, or JSON Lines under another name."""
    if raw.lstrip()[:1] != b"[":
        yield from read_jsonl(raw.splitlines(), name, published)
        return
    text = decode(raw, name)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        yield rejection(
            name,
            "R006",
            found=f"invalid JSON ({exc.msg} at line {exc.lineno})",
            expected="a JSON array of article objects",
        )
        return
    except RecursionError:
        yield rejection(name, "R006", found=TOO_DEEP, expected="a JSON array of article objects")
        return
    for index, record in enumerate(records):
        item_name = f"{name}[{index}]"
        result = article_from_record(record, item_name, published)
        if isinstance(result, Rejection):
            yield result
        else:
            yield from checked(result, item_name)

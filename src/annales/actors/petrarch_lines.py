"""Line-level syntax shared by PETRARCH/TABARI dictionary files: comments, codes, dates.

The rules follow PETRARCH2's reader (PETRreader.read_FIN_line, dstr_to_ordate), re-implemented:

* blank lines, lines starting with ``#`` and lines starting with ``<!`` are skipped; an XML
  comment opened with ``<!--`` and not closed on its line runs until the line holding ``-->``;
* anything after a ``#`` is a comment (dictionaries write ``[IGO]# note`` without a space);
* dates are ``YYMMDD`` (years 00-30 are 20YY, the rest 19YY, as in KEDS/TABARI) or ``YYYYMMDD``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, Optional

from ..errors import DictionaryError

# Codes are upper-case letters and digits; "---" (unknown) and "+++" are TABARI placeholders,
# "~" marks where an agent code goes, "/" separates the members of a compound actor.
CODE_RE = re.compile(r"^[A-Za-z0-9\-+~/]+$")
DATE_RE = re.compile(r"^\d{6,}$")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the file
    text: str  # comment-free, stripped, never empty


def dictionary_lines(path: str | Path) -> Iterator[Line]:
    """The meaningful lines of a dictionary file, with their line numbers."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(
            path=str(path), line=0, expected="a readable UTF-8 file", found=exc.strerror or str(exc)
        ) from exc
    in_xml_comment = False
    for number, text in enumerate(raw, start=1):
        if in_xml_comment:
            in_xml_comment = "-->" not in text
            continue
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("<!"):
            in_xml_comment = "<!--" in stripped and "-->" not in stripped
            continue
        if "<!--" in stripped and "-->" in stripped:  # inline comment; text around it stays
            head, _, rest = stripped.partition("<!--")
            stripped = head + rest.partition("-->")[2]
        stripped = stripped.partition("#")[0].strip()
        if stripped:
            yield Line(number, stripped)


def fail(path: str | Path, line: Line, expected: str) -> DictionaryError:
    return DictionaryError(path=str(path), line=line.number, expected=expected, found=line.text)


def parse_date(text: str) -> Optional[date]:
    """YYMMDD or YYYYMMDD; None when it is not a valid calendar date.

    Like PETRARCH, seven digits are YYMMDD plus a stray digit and more than eight are
    YYYYMMDD plus junk: Phoenix.Countries has ``9008223`` and ``201005011``."""
    if not DATE_RE.match(text):
        return None
    if len(text) < 8:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:6]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:4]))
    except ValueError:
        return None


@dataclass(frozen=True)
class CodeBlock:
    """One ``[CODE]`` / ``[CODE <date]`` / ``[CODE >date]`` / ``[CODE date-date]`` block."""

    code: str
    start: Optional[date] = None  # inclusive
    end: Optional[date] = None  # exclusive

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def parse_code_block(inner: str, path: str | Path, line: Line) -> CodeBlock:
    """The contents of ``[...]``.

    TABARI semantics, checked against the PETRARCH unit tests (DATE-01..21): ``<D`` holds
    strictly before D, ``>D`` strictly after D, and ``A-B`` from A to B *inclusive* (a sentence
    dated B still gets the range's code), so B becomes an exclusive end of B + 1 day.
    """
    parts = inner.split(None, 1)
    if not parts or not CODE_RE.match(parts[0]):
        raise fail(path, line, "a code in brackets such as [USAGOV] or [USAGOV >170120]")
    code = parts[0].upper()
    if len(parts) == 1:
        return CodeBlock(code)
    spec = parts[1].replace(" ", "")
    expected = "a date restriction <YYMMDD, >YYMMDD or YYMMDD-YYMMDD after the code"
    if spec[:1] in "<>":
        day = parse_date(spec[1:])
        if day is None:
            raise fail(path, line, expected)
        if spec[0] == "<":
            return CodeBlock(code, end=day)
        return CodeBlock(code, start=day + timedelta(days=1))
    first, sep, last = spec.partition("-")
    start, end = parse_date(first), parse_date(last)
    if not sep or start is None or end is None:
        raise fail(path, line, expected)
    if end < start:
        # Phoenix.Countries has a few reversed ranges; PETRARCH loads them (they never match),
        # so a real-world dictionary must not stop the run over one.
        warnings.warn(
            str(fail(path, line, "a range whose start is not after its end")), stacklevel=2
        )
    return CodeBlock(code, start=start, end=end + timedelta(days=1))


def split_brackets(text: str, path: str | Path, line: Line) -> tuple[str, list[str]]:
    """``PHRASE [a][b] trailing`` -> (PHRASE, [a, b]); text after the last ``]`` is ignored,
    as in PETRARCH (the Phoenix files put notes there)."""
    head, _, rest = text.partition("[")
    if "]" in head:
        raise fail(path, line, "a '[' before ']'")
    blocks: list[str] = []
    while _ or rest.startswith("["):
        inner, close, rest = rest.lstrip("[").partition("]")
        if not close or "[" in inner:
            raise fail(path, line, "a ']' closing the code")
        blocks.append(inner.strip())
        rest = rest.strip()
        _ = ""
    return head.strip(), blocks


def phrase_text(phrase: str) -> str:
    """Dictionary phrase -> surface form: underscores (consecutive words) become spaces and a
    trailing underscore (TABARI's "no stemming" mark) disappears."""
    return " ".join(phrase.replace("_", " ").split())

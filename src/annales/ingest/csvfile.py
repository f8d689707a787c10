"""CSV/TSV with a `text` column (optional id, title, published, url, source): one row, one
article.  Rows are named "path:LINE" after the line they start on."""

from __future__ import annotations

import csv
import io
from typing import Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection
from .decode import decode
from .jsonl import article_from_record
from .validate import MAX_ARTICLE_CHARS, checked

# csv refuses fields over 131,072 characters by default; the size check belongs to validate
# (R004, with a useful message), so let fields through well past the article limit.
csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_ARTICLE_CHARS))

COLUMNS = ("id", "text", "title", "published", "url", "source")


# A broken row is reported and reading goes on at the line after its first; past this many
# broken rows the file is not CSV at all, and the rest of it is one row (each retry can read
# up to a field's size limit, so an unbounded number of retries could take quadratic time).
MAX_BROKEN_ROWS = 100
EXPECTED = "RFC 4180 CSV with a header row (a quote inside a quoted field doubled)"


def read_csv(
    raw: bytes, name: str, published: Optional[str] = None, delimiter: str = ","
) -> Iterator[Article | Rejection]:
    # Whole-file decode: a strict error then reports the byte offset in the file.
    text = decode(raw, name)
    if isinstance(text, Rejection):
        yield text
        return
    lines = io.StringIO(text, newline="").readlines()
    try:
        header = [h.strip().lower() for h in next(csv.reader(lines[:1], delimiter=delimiter), [])]
    except csv.Error as exc:
        yield rejection(f"{name}:1", "R006", found=f"a broken header ({exc})", expected=EXPECTED)
        return
    if "text" not in header:
        yield rejection(
            name, "R006", found=f"columns {header}", expected="a header row with a 'text' column"
        )
        return
    index = {col: header.index(col) for col in COLUMNS if col in header}
    position, broken = 1, 0  # lines[position] is where the next row starts
    while position < len(lines):
        # strict: an unterminated quote is an error, not a field that swallows the next rows
        reader = csv.reader(iter(lines[position:]), delimiter=delimiter, strict=True)
        start = position
        try:
            for row in reader:
                row_name, start = f"{name}:{start + 1}", position + reader.line_num
                yield from _article(row, index, row_name, published)
            return
        except csv.Error as exc:
            broken += 1
            if broken > MAX_BROKEN_ROWS:
                yield rejection(
                    f"{name}:{start + 1}",
                    "R006",
                    expected=EXPECTED,
                    found=f"more than {MAX_BROKEN_ROWS} broken rows; the rest of "
                    f"the file, from this line on, was not read",
                )
                return
            yield rejection(
                f"{name}:{start + 1}",
                "R006",
                expected=EXPECTED,
                found=f"a broken row ({exc}); reading goes on at the next line",
            )
            position = start + 1


def _article(
    row: list[str], index: dict[str, int], row_name: str, published: Optional[str]
) -> Iterator[Article | Rejection]:
    if not any(cell.strip() for cell in row):
        return
    record = {col: (row[i] if i < len(row) else None) for col, i in index.items()}
    result = article_from_record(record, row_name, published)
    if isinstance(result, Rejection):
        yield result
    else:
        yield from checked(result, row_name)

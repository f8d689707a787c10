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


def read_csv(raw: bytes, name: str, published: Optional[str] = None, delimiter: str = ","
             ) -> Iterator[Article | Rejection]:
    # Whole-file decode: a strict error then reports the byte offset in the file.
    text = decode(raw, name)
    if isinstance(text, Rejection):
        yield text
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if "text" not in header:
            yield rejection(name, "R006", found=f"columns {header}",
                            expected="a header row with a 'text' column")
            return
        index = {col: header.index(col) for col in COLUMNS if col in header}
        start = reader.line_num + 1
        for row in reader:
            row_name, start = f"{name}:{start}", reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            record = {col: (row[i] if i < len(row) else None) for col, i in index.items()}
            result = article_from_record(record, row_name, published)
            if isinstance(result, Rejection):
                yield result
            else:
                yield from checked(result, row_name)
    except csv.Error as exc:  # e.g. an unterminated quote: the rest of the file is unreliable
        yield rejection(f"{name}:{reader.line_num}", "R006", found=f"broken CSV ({exc})",
                        expected="RFC 4180 CSV with a header row")

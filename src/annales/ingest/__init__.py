"""Ingestion: files, directories and stdin in; `Article`s and `Rejection` rows out.

    read_inputs(["news/", "feed.jsonl", "-"], published="2017-01-12")

Formats: plain text (.txt .md), JSON Lines (.jsonl, .json), CSV/TSV with a `text` column,
HTML (.html .htm, main text by trafilatura), WARC (.warc .warc.gz).  Nothing here raises for
bad input; each problem becomes a `Rejection` row with a reason code (errors.REASONS).
"""

from .language import non_english_reason
from .sources import read_inputs, read_sniffed
from .validate import MAX_ARTICLE_CHARS, is_fatal, validate

__all__ = [
    "read_inputs",
    "read_sniffed",
    "validate",
    "is_fatal",
    "non_english_reason",
    "MAX_ARTICLE_CHARS",
]

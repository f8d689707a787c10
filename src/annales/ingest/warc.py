"""WARC crawls (`.warc`, `.warc.gz`): every HTML response record is one article.

Records are named "path@OFFSET" (the record's byte offset, as `warcio extract path OFFSET`
takes it).  Requests, metadata, non-HTML responses (images, scripts) and non-2xx responses
(redirects, error pages) are not articles and are skipped without a row.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection
from .html import read_html
from .validate import iso_day

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_article(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def read_warc(
    stream: BinaryIO, name: str, published: Optional[str] = None
) -> Iterator[Article | Rejection]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    walk = iter(records)
    offset = end = 0
    while True:
        try:
            record = next(walk)
            wanted = _is_article(record)
            if wanted:
                body = record.content_stream().read()
            else:
                _drain(record)
            # bytes its Content-Length promised and never came (all, when headers were cut off)
            declared = record.rec_headers.get_header("Content-Length")
            short = record.raw_stream.limit if declared else "all"
            # only now: asking for the offset reads the record to its end
            offset = records.get_record_offset()
            end = offset + records.get_record_length()
        except StopIteration:
            break
        except Exception as exc:  # warcio raises anything, ArchiveLoadFailed to AttributeError
            # A truncated or corrupt archive: what came before is kept, the rest is unreadable.
            yield _corrupt(name, f"a corrupt WARC record after offset {offset} ({exc!r})")
            return
        if short:
            yield _corrupt(
                name, f"a record at offset {offset} cut short ({short} of its bytes missing)"
            )
            return
        if wanted:
            headers = record.rec_headers
            crawl_day = iso_day((headers.get_header("WARC-Date") or "")[:10])
            yield from read_html(
                body,
                f"{name}@{offset}",
                published,
                url=headers.get_header("WARC-Target-URI"),
                content_type=record.http_headers.get_header("Content-Type"),
                fallback_date=crawl_day,
            )
    tail = _tail(stream, end)
    if tail:
        yield _corrupt(
            name,
            f"{tail} after the last whole record (offset {end}): a truncated or corrupt record",
        )


def _drain(record) -> None:
    """Read a record that is no article to its end, so that a cut-short one shows."""
    while record.raw_stream.read(1 << 16):
        pass


def _tail(stream: BinaryIO, end: int) -> Optional[str]:
    """What lies after byte `end` (where the last whole record ended) besides blank lines:
    warcio stops without a word at a record whose headers were cut off."""
    try:
        stream.seek(end)
        rest = stream.read(1 << 16)
    except (OSError, ValueError, AttributeError):  # not seekable: nothing to check against
        return None
    return "unreadable bytes" if rest.strip() else None


def _corrupt(name: str, found: str) -> Rejection:
    return rejection(
        name, "R006", found=found.replace("\n", " "), expected="WARC/1.0 or WARC/1.1 records"
    )

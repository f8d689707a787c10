"""Where articles come from: files, directories (walked) and stdin, dispatched by format."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from ..errors import rejection
from ..schema import Article, Rejection
from .csvfile import read_csv
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text
from .validate import MAX_ARTICLE_CHARS
from .warc import read_warc

Item = Article | Rejection
Reader = Callable[[Path, str, Optional[str]], Iterator[Item]]

STDIN_NAME = "<stdin>"

# Files that hold one article are not read past these sizes (R013): a UTF-8 character has at
# most 4 bytes, so a bigger text file is over the article limit whatever it holds, and reading
# and decoding it first (a 150 MB file took 2.4 GB) only to reject it is the wrong way round.
# Pages carry markup, scripts and inline images besides the text, so HTML gets more room.
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
MAX_HTML_BYTES = 50 * MAX_ARTICLE_CHARS
SNIFF_HEAD = 512


def _bytes_reader(
    read: Callable[..., Iterator[Item]], max_bytes: Optional[int] = None, kind: str = "", **options
) -> Reader:
    def reader(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield _too_large(name, max_bytes, kind, f"{size:,}")
            return
        yield from read(path.read_bytes(), name, published, **options)

    return reader


def _too_large(name: str, limit: int, kind: str, found: str) -> Rejection:
    return rejection(name, "R013", limit=limit, kind=kind, found=found)


def _jsonl(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
    with path.open("rb") as f:  # streamed: feeds can be larger than memory
        yield from read_jsonl(f, name, published)


def _warc(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
    with path.open("rb") as f:
        yield from read_warc(f, name, published)


def _sniffed(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
    with path.open("rb") as f:
        yield from read_stream(f, name, published)


READERS: dict[str, Reader] = {
    ".txt": _bytes_reader(read_text, MAX_TEXT_BYTES, "text"),
    ".md": _bytes_reader(read_text, MAX_TEXT_BYTES, "text"),
    ".jsonl": _jsonl,
    ".json": _bytes_reader(read_json),
    ".csv": _bytes_reader(read_csv),
    ".tsv": _bytes_reader(read_csv, delimiter="\t"),
    ".html": _bytes_reader(read_html, MAX_HTML_BYTES, "HTML"),
    ".htm": _bytes_reader(read_html, MAX_HTML_BYTES, "HTML"),
    ".warc": _warc,
    ".warc.gz": _warc,
}
KNOWN_EXTENSIONS = " ".join(sorted(READERS))


def reader_for(path: Path) -> Optional[Reader]:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):  # ".warc.gz" before ".gz"
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def read_sniffed(raw: bytes, name: str, published: Optional[str]) -> Iterator[Item]:
    """Bytes of unknown format: see `read_stream`."""
    yield from read_stream(io.BytesIO(raw), name, published)


def read_stream(stream: BinaryIO, name: str, published: Optional[str]) -> Iterator[Item]:
    """Stdin and files without a known extension: the format is guessed from the first bytes.
    JSON Lines and WARC are read as they come (the first record is coded before the rest has
    arrived); a text or page is read whole, up to its size bound."""
    head, ended = _sniff_head(stream)
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:SNIFF_HEAD]
    whole = io.BufferedReader(_Prefixed(head, stream))
    if start.startswith(b"{"):
        yield from read_jsonl(whole, name, published)
    elif start.startswith(b"WARC/") or start.startswith(b"\x1f\x8b"):
        yield from read_warc(
            io.BytesIO(head) if ended else _seekable(stream, whole), name, published
        )
    elif start[:1] == b"<" and (b"<html" in start.lower() or b"<!doctype html" in start.lower()):
        yield from _bounded(whole, name, published, read_html, MAX_HTML_BYTES, "HTML")
    else:
        yield from _bounded(whole, name, published, read_text, MAX_TEXT_BYTES, "text")


def _sniff_head(stream: BinaryIO) -> tuple[bytes, bool]:
    """Enough first bytes to tell the format (SNIFF_HEAD past leading blanks, or one whole
    JSON line), and whether that was the whole stream.  Reads what has arrived, so a pipe's
    first record is coded without waiting for the next."""
    read = getattr(stream, "read1", stream.read)
    head = b""
    while True:
        start = head.removeprefix(codecs.BOM_UTF8).lstrip()
        if len(start) >= SNIFF_HEAD or start.startswith(b"{") and b"\n" in start:
            return head, False
        part = read(SNIFF_HEAD)
        if not part:
            return head, True
        head += part


def _seekable(stream: BinaryIO, whole: BinaryIO) -> BinaryIO:
    """The stream from its start, seekable where it can be (the WARC reader then checks the
    archive's tail for a cut-off record)."""
    try:
        if stream.seekable():
            stream.seek(0)
            return stream
    except (OSError, ValueError):
        pass
    return whole


def _bounded(
    stream: BinaryIO, name: str, published: Optional[str], read, limit: int, kind: str
) -> Iterator[Item]:
    raw = _read_up_to(stream, limit + 1)
    if len(raw) > limit:
        yield _too_large(name, limit, kind, f"more than {limit:,}")
        return
    yield from read(raw, name, published)


def _read_up_to(stream: BinaryIO, n: int) -> bytes:
    parts, got = [], 0
    while got < n:
        part = stream.read(n - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)


class _Prefixed(io.RawIOBase):
    """The bytes read to guess the format, then the rest of the stream, as one stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            data, self.head = self.head[: len(buffer)], self.head[len(buffer) :]
        else:  # read1: what has arrived, without waiting for a whole buffer
            data = getattr(self.rest, "read1", self.rest.read)(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _walk(directory: Path) -> Iterator[Path | Rejection]:
    """Files under `directory`, sorted, without hidden files or folders; a folder that cannot
    be listed is an R007 row, a file of no known format an R012 row (never silently skipped)."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield rejection(str(exc.filename or root), "R007", found=exc.strerror or str(exc))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            if reader_for(Path(f)):
                yield Path(root) / f
            else:
                yield rejection(
                    str(Path(root) / f),
                    "R012",
                    expected=KNOWN_EXTENSIONS,
                    found=Path(f).suffix or "no extension",
                )
    for exc in unreadable:  # the last folder listed, or `directory` itself
        yield rejection(str(exc.filename or directory), "R007", found=exc.strerror or str(exc))


def _read_path(path: Path, published: Optional[str]) -> Iterator[Item]:
    name = str(path)
    reader = reader_for(path) or _sniffed
    try:
        yield from reader(path, name, published)
    except OSError as exc:  # missing, a folder without permission, a file that vanished
        yield rejection(name, "R007", found=exc.strerror or str(exc))


def read_inputs(
    paths: Iterable[str], published: Optional[str] = None, stdin: Optional[BinaryIO] = None
) -> Iterator[Item]:
    """Articles and rejection rows from files, directories and "-" (stdin), in order.

    Never raises for bad input: every problem is a `Rejection` row (see errors.REASONS), and
    an article with a bad date comes after its R008 row.
    """
    for p in paths:
        if p == "-":
            try:
                yield from read_stream(_binary(stdin), STDIN_NAME, published)
            except OSError as exc:
                yield rejection(STDIN_NAME, "R007", found=exc.strerror or str(exc))
            continue
        path = Path(p)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, Rejection):
                    yield found
                else:
                    yield from _read_path(found, published)
        else:
            yield from _read_path(path, published)


def _binary(stream) -> BinaryIO:
    stream = stream if stream is not None else sys.stdin.buffer
    stream = getattr(stream, "buffer", stream)  # sys.stdin: read bytes, decode strictly here
    if isinstance(stream, io.TextIOBase):  # a text stream without a buffer (a StringIO in tests)
        data = stream.read()
        try:
            return io.BytesIO(data.encode("utf-8", "surrogateescape"))  # bytes it could not decode
        except UnicodeEncodeError:  # other lone surrogates: invalid UTF-8, rejected as R003
            return io.BytesIO(data.encode("utf-8", "surrogatepass"))
    return stream

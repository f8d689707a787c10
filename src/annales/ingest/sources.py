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
from .warc import read_warc

Item = Article | Rejection
Reader = Callable[[Path, str, Optional[str]], Iterator[Item]]

STDIN_NAME = "<stdin>"


def _bytes_reader(read: Callable[..., Iterator[Item]], **options) -> Reader:
    def reader(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
        yield from read(path.read_bytes(), name, published, **options)
    return reader


def _jsonl(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
    with path.open("rb") as f:  # streamed: feeds can be larger than memory
        yield from read_jsonl(f, name, published)


def _warc(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
    with path.open("rb") as f:
        yield from read_warc(f, name, published)


def _sniffed(path: Path, name: str, published: Optional[str]) -> Iterator[Item]:
    yield from read_sniffed(path.read_bytes(), name, published)


READERS: dict[str, Reader] = {
    ".txt": _bytes_reader(read_text), ".md": _bytes_reader(read_text),
    ".jsonl": _jsonl, ".json": _bytes_reader(read_json),
    ".csv": _bytes_reader(read_csv), ".tsv": _bytes_reader(read_csv, delimiter="\t"),
    ".html": _bytes_reader(read_html), ".htm": _bytes_reader(read_html),
    ".warc": _warc, ".warc.gz": _warc,
}


def reader_for(path: Path) -> Optional[Reader]:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):  # ".warc.gz" before ".gz"
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def read_sniffed(raw: bytes, name: str, published: Optional[str]) -> Iterator[Item]:
    """Stdin and files without a known extension: guess the format from the first bytes."""
    head = raw.removeprefix(codecs.BOM_UTF8).lstrip()[:512]
    if head.startswith(b"{"):
        yield from read_jsonl(raw.splitlines(), name, published)
    elif head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        yield from read_warc(io.BytesIO(raw), name, published)
    elif head[:1] == b"<" and (b"<html" in head.lower() or b"<!doctype html" in head.lower()):
        yield from read_html(raw, name, published)
    else:
        yield from read_text(raw, name, published)


def _walk(directory: Path) -> Iterator[Path | Rejection]:
    """Known-format files under `directory`, sorted, without hidden files or folders; a folder
    that cannot be listed is an R007 row."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield rejection(str(exc.filename or root), "R007", found=exc.strerror or str(exc))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and reader_for(Path(f)):
                yield Path(root) / f
    for exc in unreadable:  # the last folder listed, or `directory` itself
        yield rejection(str(exc.filename or directory), "R007", found=exc.strerror or str(exc))


def _read_path(path: Path, published: Optional[str]) -> Iterator[Item]:
    name = str(path)
    reader = reader_for(path) or _sniffed
    try:
        yield from reader(path, name, published)
    except OSError as exc:  # missing, a folder without permission, a file that vanished
        yield rejection(name, "R007", found=exc.strerror or str(exc))


def read_inputs(paths: Iterable[str], published: Optional[str] = None,
                stdin: Optional[BinaryIO] = None) -> Iterator[Item]:
    """Articles and rejection rows from files, directories and "-" (stdin), in order.

    Never raises for bad input: every problem is a `Rejection` row (see errors.REASONS), and
    an article with a bad date comes after its R008 row.
    """
    for p in paths:
        if p == "-":
            try:
                raw = _read_all(stdin)
            except OSError as exc:
                yield rejection(STDIN_NAME, "R007", found=exc.strerror or str(exc))
                continue
            yield from read_sniffed(raw, STDIN_NAME, published)
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


def _read_all(stream) -> bytes:
    stream = stream if stream is not None else sys.stdin.buffer
    stream = getattr(stream, "buffer", stream)  # sys.stdin: read bytes, decode strictly here
    data = stream.read()
    if isinstance(data, str):  # a text stream without a buffer (a StringIO in tests)
        try:
            return data.encode("utf-8", "surrogateescape")  # bytes it could not decode
        except UnicodeEncodeError:  # other lone surrogates: invalid UTF-8, rejected as R003
            return data.encode("utf-8", "surrogatepass")
    return data

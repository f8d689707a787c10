"""Bytes to text, strictly: binary and non-UTF-8 input become rejection rows, never mojibake.

Decoding is strict because a silently "repaired" text shifts every character offset that the
records point into, and a wrong guess at the encoding garbles names the coder must resolve.
"""

from __future__ import annotations

import codecs
from typing import Union

from ..errors import rejection
from ..schema import Rejection

# Control characters that never appear in text (tab, newlines and form feed are fine).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x0B, 0x7F}

# How much of the input the binary sniff looks at: enough to see a file header, cheap for
# multi-megabyte inputs.
SNIFF_BYTES = 8192

# Above this share of control characters a text is treated as binary.  Real text has none; the
# BBC corpus has none; images, PDFs and compressed files have 10% or more in their first 8 KiB.
MAX_CONTROL_SHARE = 0.05


def binary_reason(sample: Union[bytes, str]) -> str | None:
    """What makes `sample` look binary (NUL bytes, control characters), or None."""
    head = sample[:SNIFF_BYTES]
    codes = head if isinstance(head, bytes) else [ord(c) for c in head]
    if not codes:
        return None
    if 0 in codes:
        return "NUL bytes"
    control = sum(1 for b in codes if b in _CONTROL)
    if control / len(codes) > MAX_CONTROL_SHARE:
        return f"{control / len(codes):.0%} control characters"
    return None


def decode(raw: bytes, input_name: str, encoding: str = "utf-8") -> Union[str, Rejection]:
    """Text of `raw`, or the R002/R003 rejection.  A UTF-8 byte-order mark is dropped."""
    why = binary_reason(raw)
    if why:
        return rejection(input_name, "R002", found=why)
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        return rejection(input_name, "R003", found=exc.start)


def known_encoding(name: str | None) -> str:
    """A declared charset if Python knows it, else UTF-8 (the only default the web agrees on)."""
    if name:
        try:
            return codecs.lookup(name.strip().strip("\"'")).name
        except (LookupError, ValueError):  # unknown, or not a name at all ("\x00tf-8")
            pass
    return "utf-8"

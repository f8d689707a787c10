"""Reading the project's own test sets (src/annales/data/eval/*.jsonl): one record a line, each
checked as it is read, so a malformed record is named by file and line instead of failing
somewhere in scoring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

from ..errors import DataFileError

DIR = Path(__file__).resolve().parent.parent / "data" / "eval"


def read_checked(
    path: Path, problems: Callable[[dict], list[str]], expected: str, limit: Optional[int] = None
) -> list[dict]:
    """Records in file order (at most `limit`); `problems(record)` lists what is wrong."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                bad = problems(rec)
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                bad = [f"{type(exc).__name__}: {exc}"]
            if bad:
                raise DataFileError(
                    path=path.name,
                    expected=expected,
                    found=f"line {lineno}: " + "; ".join(bad),
                    hint="Fix the record.",
                )
            out.append(rec)
            if limit is not None and len(out) >= limit:
                break
    return out

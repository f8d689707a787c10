"""Reading the tab-separated data files, built-in or a user's (knowledge-base tables, lexicon
rows and classes, place lists): one reader, so that every file is checked alike and every
mistake is reported alike, as errors.DataFileError naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DataFileError


def read_lines(path: Path, label: str) -> list[str]:
    """The file's lines without their line ends (line feeds, with or without a carriage return;
    a stray Unicode line separator inside a cell stays in it); `label` names the file in
    errors."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            path=label,
            expected="a readable UTF-8 file",
            found=str(exc),
            hint="Check the path and the encoding.",
        ) from exc
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the end of the last line, not a line of its own
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_table(
    path: Path, label: str, columns: tuple[str, ...], comments: bool = False
) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for every data row of a table whose first line is the header
    `columns`; empty lines are skipped, and with `comments` so are lines starting with "#".
    A wrong header or a row with another number of cells is an error."""
    numbered = [
        (n, line)
        for n, line in enumerate(read_lines(path, label), start=1)
        if line and not (comments and line.startswith("#"))
    ]
    first, header = numbered[0] if numbered else (1, "")
    if tuple(header.split("\t")) != columns:
        raise DataFileError(
            path=f"{label}:{first}",
            expected="the tab-separated header row " + ", ".join(columns),
            found=", ".join(header.split("\t")) if header else "nothing",
            hint="Restore the header row.",
        )
    rows = []
    for n, line in numbered[1:]:
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise DataFileError(
                path=f"{label}:{n}",
                expected=f"{len(columns)} tab-separated columns",
                found=f"{len(cells)}: {line!r}",
                hint="Fix the row.",
            )
        rows.append((n, dict(zip(columns, cells))))
    return rows

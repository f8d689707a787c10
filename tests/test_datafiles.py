"""The one reader of tab-separated data files (datafiles.py): line numbers, comments, line
ends, and the errors a user gets for a bad file."""

from __future__ import annotations

import pytest

from annales.datafiles import read_lines, read_table
from annales.errors import DataFileError

COLUMNS = ("name", "code")


def _file(tmp_path, data: bytes):
    path = tmp_path / "table.tsv"
    path.write_bytes(data)
    return path


def test_rows_keep_their_line_numbers_past_comments_and_blank_lines(tmp_path):
    path = _file(tmp_path, b"# about\nname\tcode\n\n# a section\nKyiv\tUKR\r\nOdesa\tUKR")
    assert read_table(path, "t", COLUMNS, comments=True) == [
        (5, {"name": "Kyiv", "code": "UKR"}),
        (6, {"name": "Odesa", "code": "UKR"}),
    ]


def test_a_hash_is_data_where_a_file_has_no_comments(tmp_path):
    path = _file(tmp_path, b"name\tcode\n#1\tX\n")
    assert read_table(path, "t", COLUMNS) == [(2, {"name": "#1", "code": "X"})]


def test_only_line_feeds_end_a_line(tmp_path):
    path = _file(tmp_path, "a\u2028b\r\nc\n".encode())
    assert read_lines(path, "t") == ["a\u2028b", "c"]


@pytest.mark.parametrize(
    "data, where, words",
    [
        (b"name\tkind\nKyiv\tcity\n", "t:1", "header row name, code"),
        (b"", "t:1", "found nothing"),
        (b"name\tcode\nKyiv\n", "t:2", "2 tab-separated columns"),
        (b"name\tcode\nKyiv\tUKR\textra\n", "t:2", "found 3"),
        (b"name\tcode\n\xff\tX\n", "t", "readable UTF-8"),
    ],
)
def test_a_bad_file_names_the_line_and_the_fault(tmp_path, data, where, words):
    with pytest.raises(DataFileError) as err:
        read_table(_file(tmp_path, data), "t", COLUMNS)
    assert f"'{where}'" in str(err.value) and words in str(err.value)


def test_a_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match="readable UTF-8"):
        read_lines(tmp_path / "nowhere.tsv", "nowhere.tsv")

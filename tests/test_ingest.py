"""Readers: every format in, Articles and Rejection rows out, never an exception."""

from __future__ import annotations

import io
import json
import os
import random
from collections import Counter

import pytest

from annales.ingest import MAX_ARTICLE_CHARS, read_inputs
from annales.ingest.sources import MAX_HTML_BYTES, MAX_TEXT_BYTES
from annales.schema import Article, Rejection

STORY = (
    "Israel rejected the United Nations resolution on Friday, and the Palestinian "
    "Authority said it would take the campaign to the Security Council next month."
)
OTHER = (
    "The European Union agreed on new sanctions against Russia on Monday after the "
    "foreign ministers of the member states met in Brussels for the second time."
)
FRENCH = (
    "Le gouvernement français a annoncé mardi qu'il reconnaîtrait l'État de Palestine si "
    "les négociations de paix restaient bloquées, a déclaré le ministre des affaires "
    "étrangères devant l'Assemblée nationale."
)
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Israel rejects resolution</title>
<meta property="article:published_time" content="2017-01-06"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Israel rejects resolution</h1><p>{STORY}</p><p>{OTHER}</p></article>
<footer>Copyright 2017 Example News</footer></body></html>"""


def read(paths, **kw) -> list[Article | Rejection]:
    return list(read_inputs([str(p) for p in paths], **kw))


def codes(items) -> list[str]:
    return [i.reason_code if isinstance(i, Rejection) else "article" for i in items]


def test_plain_text_file(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    [a] = read([tmp_path / "a.txt"], published="2017-01-06")
    assert a == Article(
        id=Article.make_id(STORY), text=STORY, published="2017-01-06", language="en"
    )


def test_stdin_text_and_jsonl():
    [a] = list(read_inputs(["-"], stdin=io.BytesIO(STORY.encode())))
    assert a.text == STORY
    lines = "\n" + json.dumps({"id": "n1", "text": STORY}) + "\n{broken\n"
    items = list(read_inputs(["-"], stdin=io.StringIO(lines)))
    assert codes(items) == ["article", "R006"]
    assert items[0].id == "n1" and items[1].input == "<stdin>:3"
    bom = io.BytesIO(b"\xef\xbb\xbf" + json.dumps({"id": "n2", "text": STORY}).encode())
    assert [a.id for a in read_inputs(["-"], stdin=bom)] == ["n2"]


def test_stdin_html_and_warc_are_sniffed(tmp_path):
    [a] = list(read_inputs(["-"], stdin=io.BytesIO(PAGE.encode())))
    assert a.title == "Israel rejects resolution"
    write_warc(tmp_path / "c.warc.gz", [("https://e.org/a", "text/html", PAGE)])
    [a] = list(read_inputs(["-"], stdin=io.BytesIO((tmp_path / "c.warc.gz").read_bytes())))
    assert a.url == "https://e.org/a"


def test_jsonl_keeps_fields_and_reports_bad_lines(tmp_path):
    good = {
        "id": "g1",
        "text": STORY,
        "published": "2017-01-06",
        "title": "T",
        "url": "https://e.org/1",
        "source": "e.org",
    }
    lines = [
        json.dumps(good),
        "not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps([1, 2]),
        "",
        json.dumps({"text": OTHER}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    items = read([tmp_path / "feed.jsonl"])
    assert codes(items) == ["article", "R006", "R006", "R006", "R006", "article"]
    assert items[0] == Article(language="en", **good)
    assert [r.input.rsplit(":", 1)[1] for r in items[1:5]] == ["2", "3", "4", "5"]
    assert items[5].id == Article.make_id(OTHER)  # no id given: the content hash


def test_jsonl_line_in_latin1_is_rejected_alone(tmp_path):
    (tmp_path / "f.jsonl").write_bytes(
        json.dumps({"text": "café " + STORY}, ensure_ascii=False).encode("latin-1")
        + b"\n"
        + json.dumps({"text": STORY}).encode()
        + b"\n"
    )
    assert codes(read([tmp_path / "f.jsonl"])) == ["R003", "article"]


def test_json_array(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": STORY}, {"id": 7, "text": OTHER}, 3]))
    items = read([tmp_path / "a.json"])
    assert codes(items) == ["article", "article", "R006"] and items[1].id == "7"


def test_csv_and_tsv(tmp_path):
    (tmp_path / "a.csv").write_text(
        'title,text,published\n"One","' + STORY + '\nsecond line",2017-01-06\n'
        '"Two",,2017-01-07\n"Three","' + OTHER + '",last week\n'
    )
    items = read([tmp_path / "a.csv"])
    assert codes(items) == ["article", "R001", "R008", "article"]
    assert items[0].title == "One" and items[0].text.endswith("\nsecond line")
    assert items[1].input.endswith("a.csv:4")  # the second row starts on line 4
    assert items[3].published is None
    (tmp_path / "b.tsv").write_text(f"id\ttext\nx1\t{STORY}\n")
    [a] = read([tmp_path / "b.tsv"])
    assert a.id == "x1"


@pytest.mark.parametrize("broken", ['1,"' + STORY + "\n", '1,"' + STORY + ',"x"\n'])
def test_csv_unterminated_quote_is_a_row_and_the_next_rows_are_read(tmp_path, broken):
    (tmp_path / "a.csv").write_text("id,text\n" + broken + f"2,{OTHER}\n3,{STORY}\n")
    items = read([tmp_path / "a.csv"])
    assert codes(items) == ["R006", "article", "article"]
    assert items[0].input.endswith("a.csv:2") and "broken row" in items[0].message
    assert [a.id for a in items[1:]] == ["2", "3"] and items[1].text == OTHER


def test_csv_of_broken_rows_only_stops_with_one_row(tmp_path):
    (tmp_path / "a.csv").write_text("id,text\n" + '1,"a"b\n' * 500)
    items = read([tmp_path / "a.csv"])
    assert set(codes(items)) == {"R006"} and len(items) <= 102
    assert "was not read" in items[-1].message


@pytest.mark.parametrize("name", ["deep.jsonl", "deep.json"])
def test_deeply_nested_json_is_a_row(tmp_path, name):
    (tmp_path / name).write_text("[" * 100_000 + "\n")
    [r] = read([tmp_path / name])
    assert r.reason_code == "R006" and "nested deeper" in r.message


def test_csv_without_text_column(tmp_path):
    (tmp_path / "a.csv").write_text("body,category\nsomething,politics\n")
    [r] = read([tmp_path / "a.csv"])
    assert r.reason_code == "R006" and "'text' column" in r.message


def test_html_page(tmp_path):
    (tmp_path / "p.html").write_text(PAGE)
    [a] = read([tmp_path / "p.html"])
    assert a.title == "Israel rejects resolution" and STORY in a.text
    assert "Home" not in a.text and "Copyright" not in a.text
    assert a.published == "2017-01-06"


def test_html_in_a_declared_charset(tmp_path):
    page = PAGE.replace("utf-8", "iso-8859-1").replace("Friday", "Friday in Orléans")
    (tmp_path / "p.htm").write_bytes(page.encode("latin-1"))
    [a] = read([tmp_path / "p.htm"])
    assert "Orléans" in a.text


@pytest.mark.parametrize("charset", ["\x00tf-8", "no-such-charset", ""])
def test_a_charset_that_is_no_name_falls_back_to_utf8(charset):
    from annales.ingest.decode import known_encoding

    assert known_encoding(charset) == "utf-8"


def test_html_without_body(tmp_path):
    (tmp_path / "e.html").write_text("<html><head><title>x</title></head><body></body></html>")
    assert codes(read([tmp_path / "e.html"])) == ["R009"]


def write_warc(path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        for url, content_type, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2017-01-13T08:00:00Z"},
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc(tmp_path, name):
    undated = PAGE.replace('<meta property="article:published_time" content="2017-01-06">', "")
    write_warc(
        tmp_path / name,
        [
            ("https://e.org/a", "text/html; charset=utf-8", PAGE),
            ("https://e.org/logo.png", "image/png", "PNG"),
            (
                "https://e.org/b",
                "text/html",
                undated.replace(STORY, STORY.replace("Israel", "Iran")),
            ),
            ("https://e.org/c", "text/html", "<html><body></body></html>"),
        ],
    )
    items = read([tmp_path / name])
    assert codes(items) == ["article", "article", "R009"]
    assert [a.url for a in items[:2]] == ["https://e.org/a", "https://e.org/b"]
    assert items[0].id == Article.make_id(items[0].text, "https://e.org/a")
    assert [a.published for a in items[:2]] == ["2017-01-06", "2017-01-13"]  # page, then crawl
    assert "@" in items[2].input


def test_truncated_warc_keeps_what_came_before(tmp_path):
    write_warc(tmp_path / "c.warc", [("https://e.org/a", "text/html", PAGE)] * 2)
    raw = (tmp_path / "c.warc").read_bytes()
    (tmp_path / "c.warc").write_bytes(raw + b"garbage where a record should start\r\n\r\n")
    items = read([tmp_path / "c.warc"])
    assert codes(items)[:2] == ["article", "article"] and codes(items)[2:] == ["R006"]


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_every_truncation_of_a_warc_is_said(tmp_path, name):
    pages = [
        (f"https://e.org/{i}", "text/html", PAGE.replace(STORY, f"{STORY} Item {i}."))
        for i in range(3)
    ]
    write_warc(tmp_path / name, pages)
    raw = (tmp_path / name).read_bytes()
    whole = [a.url for a in read([tmp_path / name])]
    ends = _record_ends(raw)
    assert len(whole) == len(ends) == 3
    for cut in range(1, len(raw), 7):
        (tmp_path / name).write_bytes(raw[:cut])
        items = read([tmp_path / name])
        urls = [i.url for i in items if isinstance(i, Article)]
        assert urls == whole[: len(urls)], cut  # what is read is whole
        # a record lost to the cut is an R006 row, unless the cut fell between records or in
        # the blank lines and gzip trailer after a record's last byte of data
        if "R006" not in codes(items):
            assert any(abs(cut - end) <= 12 for end in [0, *ends]), cut


def _record_ends(raw: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(raw))
    ends = []
    for record in records:
        record.content_stream().read()
        ends.append(records.get_record_offset() + records.get_record_length())
    return ends


def test_directory_walk_is_sorted_skips_hidden_and_says_what_it_cannot_read(tmp_path):
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "a.md").write_text(STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(FRENCH)
    items = read([tmp_path])
    assert codes(items) == ["article", "article", "R012", "R005"]
    assert [i.text for i in items[:2]] == [STORY, OTHER]
    assert items[2].input.endswith("notes.docx") and "'.docx'" in items[2].message
    assert items[3].input.endswith(os.path.join("sub", "c.txt"))


def test_directory_of_unknown_files_is_a_row_per_file(tmp_path):
    (tmp_path / "story").write_text(STORY)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    items = read([tmp_path])
    assert codes(items) == ["R012", "R012"]
    assert "no extension" in items[1].message and ".jsonl" in items[1].message


def test_short_text_in_another_script_is_not_english(tmp_path):
    (tmp_path / "zh.txt").write_text("习近平访问莫斯科")
    [r] = read([tmp_path / "zh.txt"])
    assert r.reason_code == "R005" and "CJK" in r.message


@pytest.mark.parametrize(
    "name, limit",
    [("big.txt", MAX_TEXT_BYTES), ("big.html", MAX_HTML_BYTES), ("big", MAX_TEXT_BYTES)],
)
def test_oversized_single_article_file_is_rejected_before_reading(tmp_path, name, limit):
    with open(tmp_path / name, "wb") as f:  # sparse: its size is all that is asked
        f.truncate(limit + 1)
    [r] = read([tmp_path / name])
    assert r.reason_code == "R013" and f"{limit:,} bytes" in r.message


def test_stdin_jsonl_is_coded_as_it_arrives():
    class Feed(io.RawIOBase):  # a pipe that fails if read past the second line
        lines = [json.dumps({"id": str(i), "text": STORY}).encode() + b"\n" for i in range(2)]

        def readable(self):
            return True

        def readinto(self, buffer):
            if not self.lines:
                raise AssertionError("read past what the first records needed")
            data = self.lines.pop(0)
            buffer[: len(data)] = data
            return len(data)

    items = read_inputs(["-"], stdin=io.BufferedReader(Feed(), buffer_size=64))
    assert next(items).id == "0"


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "R001"),
        (b"\n \n", "R001"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "R002"),
        ("Le café est à Orléans.".encode("latin-1"), "R003"),
        (("word " * (MAX_ARTICLE_CHARS // 5 + 10)).encode(), "R004"),
        (FRENCH.encode(), "R005"),
    ],
)
def test_bad_text_files(tmp_path, content, code):
    (tmp_path / "x.txt").write_bytes(content)
    [r] = read([tmp_path / "x.txt"])
    assert r.reason_code == code and r.input == str(tmp_path / "x.txt")


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "article").write_text(STORY)
    (tmp_path / "feed.ndjson").write_text(json.dumps({"text": STORY}) + "\n")
    assert codes(read([tmp_path / "article", tmp_path / "feed.ndjson"])) == ["article"] * 2


def test_unreadable_paths_are_rows(tmp_path):
    items = read([tmp_path / "missing.txt", tmp_path / "missing-dir" / "x.jsonl"])
    assert codes(items) == ["R007", "R007"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_is_a_row(tmp_path):
    (tmp_path / "locked.txt").write_text(STORY)
    (tmp_path / "locked.txt").chmod(0)
    assert codes(read([tmp_path / "locked.txt"])) == ["R007"]


def test_bad_date_argument_gives_warning_then_article(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    items = read([tmp_path / "a.txt"], published="Jan 6")
    assert codes(items) == ["R008", "article"] and items[1].published is None


@pytest.mark.shared
def test_bbc_news_reads_without_exceptions(shared_dir):
    items = list(read_inputs([str(shared_dir / "news" / "bbc" / "test.csv")]))
    tally = Counter(codes(items))
    assert sum(tally.values()) == 334
    # All 334 are English news; the language check must not reject real articles.
    assert tally["article"] == 334, tally


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders whatever their mode")
def test_unlistable_folder_is_a_row(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        assert codes(read([tmp_path])) == ["article", "R007"]
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_unlistable_folder_is_a_row_as_any_user(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)

    def walk(top, onerror=None):  # the listing of the top folder fails, as with chmod 0
        onerror(PermissionError(13, "Permission denied", str(top)))
        return iter(())

    monkeypatch.setattr(os, "walk", walk)
    [r] = read([tmp_path])
    assert r.reason_code == "R007" and "Permission denied" in r.message


def test_lone_surrogates_are_rejected(tmp_path):
    (tmp_path / "s.jsonl").write_text(
        '{"text": "\\ud800 broken"}\n{"text": "ok", "title": "\\udfff"}\n'
    )
    items = read([tmp_path / "s.jsonl"])
    assert codes(items) == ["R006", "R006"] and '"title"' in items[1].message
    assert codes(read_inputs(["-"], stdin=io.StringIO("\ud800 text"))) == ["R003"]


FORMATS = [
    ".txt",
    ".md",
    ".jsonl",
    ".json",
    ".csv",
    ".tsv",
    ".html",
    ".htm",
    ".warc",
    ".warc.gz",
    "",
]
PREFIXES = [
    b"",
    b"{",
    b"[",
    b'[{"text": 1}]',
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08",
    b"<html>",
    b'text,id\n"',
    b"\xef\xbb\xbf",
    b'{"text":"\\ud800"}\n',
    b"\xff\xfe",
    # a response record without WARC-Target-URI: warcio fails with AttributeError
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
]


def test_garbage_in_any_format_never_raises(tmp_path):
    rnd = random.Random(20170112)
    for i in range(300):
        body = bytes(rnd.randrange(256) for _ in range(rnd.randrange(200)))
        if rnd.random() < 0.5:
            body = (STORY[: rnd.randrange(len(STORY))] + " é ").encode() * rnd.randrange(30)
        path = tmp_path / f"f{i}{rnd.choice(FORMATS)}"
        path.write_bytes(rnd.choice(PREFIXES) + body)
        items = read([path])  # an exception here fails the test
        assert all(isinstance(x, (Article, Rejection)) for x in items)

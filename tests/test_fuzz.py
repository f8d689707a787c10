"""Property-based fuzzing of the readers and the coder: whatever the bytes, every input gives
Article or Rejection items, the coder returns records, nothing raises and nothing hangs.

Inputs: random Unicode with control characters, huge tokens, deep JSON nesting, truncations of
the bundled sample articles, and random mutations (flipped, inserted, deleted bytes, cuts) of
well-formed JSONL, CSV, HTML and WARC files.  Each case runs under a wall-time bound (a hang
becomes a failure; it is no benchmark).

CI runs a few thousand cases in about a minute.  ANNALES_FUZZ=long multiplies the cases for a
longer run (see README, "Reliability").
"""

from __future__ import annotations

import gzip
import io
import json
import os
from functools import cache
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales.ingest import read_inputs
from annales.ingest.sources import read_stream
from annales.schema import Article, CodedArticle, Rejection

from .deadline import deadline

LONG = os.environ.get("ANNALES_FUZZ") == "long"
SCALE = 20 if LONG else 1
CASE_SECONDS = 30  # per case; the slowest real case takes well under a second


def _settings(examples: int):
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


def _sample_texts() -> list[str]:
    corpus = resources.files("annales") / "data" / "corpus" / "articles.jsonl"
    return [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]


SAMPLES = _sample_texts()

# --- well-formed files of each format, to mutate ------------------------------------------------
PAGE = (
    "<!doctype html><html><head><title>{title}</title>"
    '<meta property="article:published_time" content="2017-01-06"></head>'
    "<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
)


def _warc(texts: tuple[str, ...]) -> bytes:
    out = io.BytesIO()
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=False)
    for i, text in enumerate(texts):
        body = PAGE.format(title=f"Story {i}", text=text).encode("utf-8")
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://e.org/{i}", "response", payload=io.BytesIO(body), http_headers=http
            )
        )
    return out.getvalue()


@cache  # WARC records carry a random id: draw from the same bytes each time
def _well_formed(kind: str, texts: tuple[str, ...]) -> bytes:
    if kind == "jsonl":
        return "".join(
            json.dumps({"id": str(i), "text": t, "published": "2017-01-12"}) + "\n"
            for i, t in enumerate(texts)
        ).encode("utf-8")
    if kind == "csv":
        rows = ['"{}","{}"'.format(i, t.replace('"', '""')) for i, t in enumerate(texts)]
        return ("id,text\n" + "\n".join(rows) + "\n").encode("utf-8")
    if kind == "html":
        return PAGE.format(title="Story", text=texts[0]).encode("utf-8")
    if kind == "warc.gz":
        return gzip.compress(_warc(texts))
    return _warc(texts)


KINDS = ["jsonl", "csv", "html", "warc", "warc.gz"]
EXTENSIONS = {
    "jsonl": ".jsonl",
    "csv": ".csv",
    "html": ".html",
    "warc": ".warc",
    "warc.gz": ".warc.gz",
}


@st.composite
def mutated_files(draw):
    kind = draw(st.sampled_from(KINDS))
    texts = draw(st.lists(st.sampled_from(SAMPLES), min_size=1, max_size=3))
    raw = bytearray(_well_formed(kind, tuple(t[:1500] for t in texts)))
    for _ in range(draw(st.integers(0, 6))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        how = draw(st.sampled_from(["flip", "insert", "delete", "cut", "dup"]))
        if how == "flip":
            raw[at] = draw(st.integers(0, 255))
        elif how == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif how == "delete":
            del raw[at : at + draw(st.integers(1, 64))]
        elif how == "cut":
            del raw[at:]
        else:
            raw[at:at] = raw[at : at + draw(st.integers(1, 200))]
    ext = draw(st.sampled_from([EXTENSIONS[kind], EXTENSIONS[kind], ".txt", ".json", ""]))
    return ext, bytes(raw)


CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F)
TEXT = st.text(st.characters(codec="utf-8") | CONTROL, max_size=400)


@st.composite
def odd_texts(draw):
    """Text files a hostile but realistic feed can carry."""
    kind = draw(st.sampled_from(["unicode", "huge_token", "nesting", "truncated", "no_punct"]))
    if kind == "unicode":
        return draw(TEXT)
    if kind == "huge_token":
        return draw(st.sampled_from(["x", "é", "中", "-", "'", "\u200b"])) * draw(
            st.integers(1, 30_000)
        )
    if kind == "nesting":
        depth = draw(st.integers(1, 50_000))
        return draw(st.sampled_from(["[", "{", "(", "<b>", '"'])) * depth
    text = draw(st.sampled_from(SAMPLES))
    if kind == "truncated":
        return text[: draw(st.integers(0, len(text)))]
    return "".join(c for c in text if c.isalnum() or c == " ")


def _items(path) -> list:
    items = list(read_inputs([str(path)]))
    assert all(isinstance(i, (Article, Rejection)) for i in items)
    return items


@_settings(1200)
@given(case=mutated_files())
def test_mutated_files_of_every_format_give_items(tmp_path_factory, case):
    ext, raw = case
    path = tmp_path_factory.mktemp("f") / f"input{ext}"
    path.write_bytes(raw)
    with deadline(CASE_SECONDS, f"reading a mutated {ext or 'sniffed'} file"):
        _items(path)
        list(read_stream(io.BytesIO(raw), "<stdin>", None))


@_settings(600)
@given(text=odd_texts(), ext=st.sampled_from([".txt", ".jsonl", ".csv", ".html", ""]))
def test_odd_text_in_any_format_gives_items(tmp_path_factory, text, ext):
    path = tmp_path_factory.mktemp("t") / f"input{ext}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with deadline(CASE_SECONDS, f"reading odd text as {ext or 'sniffed'}"):
        _items(path)


@_settings(250)
@given(
    text=odd_texts(), published=st.sampled_from([None, "2017-01-12", "0001-01-01", "9999-12-31"])
)
def test_the_coder_returns_records_for_odd_text(pipeline, text, published):
    # the coder alone, past the readers' checks: it must hold for what the API hands it too
    text = text[:20_000]
    with deadline(CASE_SECONDS, "coding odd text"):
        coded = pipeline.code_article(Article(id="fuzz", text=text, published=published))
    assert isinstance(coded, CodedArticle)
    for event in coded.events:
        assert 0 <= event.trigger.start < event.trigger.end <= len(text)


@_settings(150)
@given(case=mutated_files())
def test_the_coder_codes_whatever_the_readers_pass(pipeline, tmp_path_factory, case):
    ext, raw = case
    path = tmp_path_factory.mktemp("c") / f"input{ext}"
    path.write_bytes(raw)
    with deadline(CASE_SECONDS, "reading and coding a mutated file"):
        for item in _items(path):
            if isinstance(item, Article):
                pipeline.code_article(item)


@pytest.mark.skipif(not LONG, reason="the long run: ANNALES_FUZZ=long")
def test_long_run_is_on():
    assert SCALE > 1

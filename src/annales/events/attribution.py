"""Who says so: reported speech, "according to", and quotations.

`analyse_speech(doc, mentions)` reads a parsed article once and returns a `SpeechIndex` that
answers, for any event trigger, whether the article states the event in its own voice (None)
or reports it from a speaker (an `Attribution`).

Rules, in the order `attribution_for` applies them:

1. A trigger inside a quotation of someone's words is attributed to that quote's speaker,
   with `quoted=True`.  The speaker comes from the reporting verb right after the closing mark
   ('..." he said'), right before the opening mark ('He continued: "...'), or above the quote
   in the parse (a partial quote inside reported content).  A quote with no cue that opens a
   sentence right after the previous quote continues that quote's speaker (the newsroom
   convention for multi-paragraph quotes).
2. A trigger inside the reported content (ccomp/parataxis subtree) of a reporting verb: "X
   said (that) Y did Z", "Y did Z, X said", "X told Breitbart Jerusalem Y did Z".  Nested
   reports ("X said Y claimed Z") take the OUTERMOST speaker and its own cue, so the pair
   always reads as one clause of the article ("X said"); the inner claim is itself an event
   the extractor can code, and it carries its own attribution to X.
3. "according to X" on the trigger's clause or any clause above it.
4. Hearsay with nobody named: a passive reporting verb ("Iran is said to have attacked", "is
   reported to") or a hearsay adverb ("reportedly", "allegedly"): speaker null, anonymous.
   Modality stays what the clause says (see modality.py): the doubt is about the source.

Pronoun speakers ("he said", "he added") go to `mentions.speaker_for` first; when it has no
answer, or answers with something mentioned inside a quotation (speakers are introduced
outside their quotes), the last named speaker of the article is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Protocol

from ..nlp import text_of
from ..schema import Attribution, Entity
from . import cues
from .quotes import (
    QuoteSpan,
    find_quote_spans,
    is_passive,
    is_statement,
    opens_sentence,
    quote_cue,
    reporting_cues_above,
    token_at,
)
from .speakers import Speaker, SpeakerResolver


class Mentions(Protocol):
    def speaker_for(self, token) -> Optional[Entity]: ...
    def entity_for(self, token) -> Optional[Entity]: ...


# Hearsay with nobody named: "Iran is said to have attacked", "Iran reportedly attacked".
_HEARSAY = Speaker(None, True)


@dataclass
class _Quote:
    span: QuoteSpan
    speaker: Optional[Speaker]
    cue: Optional[str]


@dataclass
class SpeechIndex:
    """What `analyse_speech` found in one doc."""

    quotes: list[dict] = field(default_factory=list)
    _spans: list[_Quote] = field(default_factory=list)  # statement quotes, in text order
    _all_spans: list[QuoteSpan] = field(default_factory=list)
    _speakers: dict[int, Speaker] = field(default_factory=dict)  # cue token index -> speaker

    def attribution_for(self, token) -> Optional[Attribution]:
        quoted = any(q.start <= token.idx < q.end for q in self._all_spans)
        quote = next((q for q in self._spans if q.span.start <= token.idx < q.span.end), None)
        if quote is not None and quote.speaker is not None:
            return _attribution(quote.speaker, quote.cue, True)
        # Outermost known speaker: cues inside quotes were not resolved (see analyse_speech).
        cue = next(
            (c for c in reversed(reporting_cues_above(token)) if c.i in self._speakers), None
        )
        if cue is not None:
            return _attribution(self._speakers[cue.i], cue.text, quoted)
        source = _according_to(token)
        if source is not None and source.i in self._speakers:
            return _attribution(self._speakers[source.i], "according to", quoted)
        hearsay = _hearsay_adverb(token)
        if hearsay is not None:
            return _attribution(_HEARSAY, hearsay.lower_, quoted)
        if quote is not None:
            return Attribution(speaker=None, cue=quote.cue, quoted=True, anonymous=False)
        return None


def analyse_speech(doc, mentions: Optional[Mentions] = None) -> SpeechIndex:
    """Quotes and reporting cues of one parsed article, speakers resolved in reading order."""
    spans = find_quote_spans(text_of(doc))
    quote_cues = [quote_cue(doc, s) for s in spans]
    statements = [(s, c) for s, c in zip(spans, quote_cues) if is_statement(doc, s, c)]
    inside = [(s.start, s.end) for s, _ in statements]
    resolver = SpeakerResolver(doc, mentions, inside)

    # Every place a speaker is named, in reading order, so "he" finds the right antecedent.
    cue_tokens = {c.i: c for _, c in statements if c is not None}
    for tok in doc:
        if any(s <= tok.idx < e for s, e in inside):
            continue  # "... police officers told me ...," he said: not the article's speaker
        reports = tok.dep_ == "parataxis" or any(
            ch.dep_ in cues.REPORTED_CONTENT_DEPS or (ch.dep_ == "xcomp" and is_passive(tok))
            for ch in tok.children
        )
        if reports and cues.lemma_in(tok, cues.REPORTING_VERBS) and tok.pos_ in {"VERB", "AUX"}:
            cue_tokens[tok.i] = tok
        elif tok.lower_ == "according" and _according_source(tok) is not None:
            cue_tokens[tok.i] = tok
    index = SpeechIndex(_all_spans=spans)
    for i in sorted(cue_tokens):
        tok = cue_tokens[i]
        if tok.lower_ == "according":
            source = _according_source(tok)
            index._speakers[source.i] = resolver.resolve(source)
        elif is_passive(tok):
            index._speakers[i] = _HEARSAY
        else:
            index._speakers[i] = resolver.resolve(resolver.subject_of(tok))

    previous: Optional[_Quote] = None
    for span, cue in statements:
        if cue is not None:
            quote = _Quote(span, index._speakers.get(cue.i), cue.text)
        elif previous is not None and _continues(doc, previous.span, span):
            quote = _Quote(span, previous.speaker, previous.cue)
        else:
            quote = _Quote(span, None, None)
        index._spans.append(quote)
        previous = quote
    index.quotes = [_as_record(doc, q) for q in index._spans]
    return index


def _continues(doc, before: QuoteSpan, after: QuoteSpan) -> bool:
    """`after` opens the sentence right after the one where `before` ended."""
    end_tok = token_at(doc, before.close_mark) or token_at(doc, before.end - 1)
    start_tok = token_at(doc, after.open_mark)
    if end_tok is None or start_tok is None or not opens_sentence(doc, after):
        return False
    sents = list(doc.sents)
    index = {s.start: i for i, s in enumerate(sents)}
    gap = index[start_tok.sent.start] - index[end_tok.sent.start]
    return 0 <= gap <= 1


def _according_source(tok):
    """X in "according to X" (spaCy: according -prep-> to -pobj-> X)."""
    for to in tok.children:
        if to.lower_ == "to":
            return next((x for x in to.children if x.dep_ == "pobj"), None)
    return None


def _according_to(token):
    """The source of an "according to" on the trigger's clause or a clause above it."""
    cur = token
    while True:
        for child in cur.children:
            if child.lower_ == "according":
                source = _according_source(child)
                if source is not None:
                    return source
        if cur.head.i == cur.i:
            return None
        cur = cur.head


def _hearsay_adverb(token):
    """ "reportedly", "allegedly" on the trigger's clause or a clause above it."""
    cur = token
    while True:
        found = next(
            (c for c in cur.children if c.dep_ == "advmod" and c.lower_ in cues.HEARSAY_ADVERBS),
            None,
        )
        if found is not None or cur.head.i == cur.i:
            return found
        cur = cur.head


def _attribution(speaker: Speaker, cue: Optional[str], quoted: bool) -> Attribution:
    return Attribution(speaker=speaker.entity, cue=cue, quoted=quoted, anonymous=speaker.anonymous)


def _as_record(doc, quote: _Quote) -> dict:
    speaker = quote.speaker
    return {
        "speaker": speaker.entity if speaker else None,
        "text": text_of(doc)[quote.span.start : quote.span.end],
        "start": quote.span.start,
        "end": quote.span.end,
        "cue": quote.cue,
        "anonymous": speaker.anonymous if speaker else False,
    }

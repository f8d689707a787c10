"""A bound on sentence length, set before the parser runs.

Every per-sentence stage of the coder (arguments, attribution, event locations) walks the
sentence's parse for each event it finds there, so a "sentence" of thousands of tokens (a feed
with its punctuation stripped, a list, a table flattened to text) costs far more than the same
words in ordinary sentences, and its records each repeat the whole run-on text.  spaCy's
parser keeps sentence starts that are set before it runs, so this component sets them:

* a stretch of MAX_RUN_TOKENS tokens with no sentence end (". ! ?" or a line break) is cut,
  at its last comma, semicolon, dash or conjunction when there is one in its second half,
  else right there.  Real news prose stays far below this (the longest stretch in 2,375 BBC
  and wire articles that is not a team sheet or a list is 144 tokens);
* at the first sentence end after MAX_RUN_TOKENS tokens since the last start set here, a
  start is set too.  The parser almost always starts a sentence there anyway, and this makes
  the bound hold even where it would not: no sentence is longer than 2 * MAX_RUN_TOKENS.

The cuts of the first kind are kept in `doc.user_data[CUTS_KEY]` (character offsets) so the
pipeline can say, in a warning row (R010), that an article was coded in pieces.
"""

from __future__ import annotations

from spacy.language import Language

from .errors import rejection

MAX_RUN_TOKENS = 150
MAX_SENTENCE_TOKENS = 2 * MAX_RUN_TOKENS
COMPONENT = "annales_sentence_bounds"
CUTS_KEY = "annales.sentence_cuts"

_ENDS = frozenset(".!?")
_CUT_AFTER = frozenset({",", ";", ":", "\u2014", "\u2013", "--", "-"})
_CUT_BEFORE = frozenset({"and", "but", "or", "while", "whereas"})
# closing marks stay with the sentence they close: 'He said "no." Then ...'
_CLOSING = frozenset({'"', "'", ")", "]", "}", "\u201d", "\u2019", "\u00bb"})


def is_sentence_end(tok) -> bool:
    return (tok.is_space and "\n" in tok.text) or (tok.is_punct and tok.text[-1:] in _ENDS)


def _good_cut(doc, lo: int, hi: int) -> int:
    """The latest word in (lo, hi] a clause can start at, else `hi`."""
    for i in range(hi, lo, -1):
        if not doc[i].is_space and (doc[i - 1].text in _CUT_AFTER or doc[i].lower_ in _CUT_BEFORE):
            return i
    return hi


def _next_start(doc, j: int) -> int:
    """Where the sentence after an end at j - 1 starts: past spaces and a few closing marks."""
    limit = min(len(doc), j + 8)
    while j < limit and (doc[j].is_space or _closes(doc, j)):
        j += 1
    return j


def _closes(doc, j: int) -> bool:
    """A closing mark; a straight quote glued to the next word opens the next sentence
    ('... he said. "We ...')."""
    tok = doc[j]
    if tok.text not in _CLOSING:
        return False
    if tok.text in ('"', "'") and not tok.whitespace_ and j + 1 < len(doc):
        return doc[j + 1].is_punct or doc[j + 1].is_space
    return True


def forced_starts(doc, run: int = MAX_RUN_TOKENS) -> tuple[list[int], list[int]]:
    """(every token index given a sentence start, those of them that cut a run-on stretch).
    One pass over the tokens; a cut looks back at most `run` tokens."""
    starts: list[int] = []
    cuts: list[int] = []
    base = last = 0  # where the stretch since the last sentence end starts; last start set
    i = 0
    while i < len(doc):
        # '"... in 2005." said an analyst': no new sentence starts with a lower-case word
        j = _next_start(doc, i + 1) if is_sentence_end(doc[i]) else None
        if j is not None and (j == len(doc) or not doc[j].is_lower):
            if j < len(doc) and j - last >= run:
                starts.append(j)
                last = j
            base = i = j
            continue
        if i - max(base, last) >= run:
            cut = _good_cut(doc, max(base, last) + run // 2, i)
            starts.append(cut)
            cuts.append(cut)
            last = cut
        i += 1
    return starts, cuts


@Language.component(COMPONENT)
def bound_sentences(doc):
    starts, cuts = forced_starts(doc)
    for i in starts:
        doc[i].is_sent_start = True
    if cuts:
        doc.user_data[CUTS_KEY] = [doc[i].idx for i in cuts]
    return doc


def add_to(nlp) -> None:
    """Put the component right before the parser (a pipeline without one has no sentences
    to bound)."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")


def cut_offsets(doc) -> list[int]:
    """Character offsets where run-on stretches of `doc` were cut (empty for most texts)."""
    return list(doc.user_data.get(CUTS_KEY, ()))


def sentence_cut_notes(article, doc) -> list:
    """The R010 warning row for an article whose run-on text was cut, else nothing."""
    cuts = cut_offsets(doc)
    if not cuts:
        return []
    return [rejection(article.id, "R010", limit=MAX_RUN_TOKENS, count=len(cuts), first=cuts[0])]

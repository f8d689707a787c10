"""Read PETRARCH/TABARI verb dictionaries (``annales code --verbs FILE``).

A file is synsets, then verb blocks::

    &CURRENCY                      --- GRANT  [070] ---
    +DOLLARS                       GRANT
    +SWISS_FRANCS                  GIVE {GAVE GIVEN GIVING}
                                   CLARIFY [040]
                                   +CORDON_OFF {+CORDONED_OFF +CORDONING_OFF}
                                   - * &CURRENCY  [071]
                                   - $ SAID * + TO_STAY  [0331:033]

Every verb line of a block shares the block's patterns; a verb's own ``[CODE]`` replaces the
block code for the verb alone.  ``+`` marks the verb word of a multi-word verb.  Pattern syntax
and codes (``[---]``, ``[064]``, ``[042:043]``) live in petrarch_patterns.py.
The semantics follow PETRARCH2's reader (PETRreader.read_verb_dictionary), re-implemented; the
``~`` transformation lines of CAMEO.2.0 (re-coding nested "A says B attacked") are skipped.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..actors.petrarch import DictionaryWarning
from ..actors.petrarch_lines import Line, dictionary_lines, fail, split_brackets
from ..errors import DictionaryError
from .petrarch_patterns import NO_EVENT, Group, parse_code, parse_pattern, resolve_synsets


@dataclass(frozen=True)
class VerbForm:
    """One verb of a block: its base form, listed irregular forms, and the words that must
    stand right before/after it for a multi-word verb ("wire tap", "cordon off")."""

    base: str
    forms: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerbPattern:
    """A pattern of a verb block (or a verb's bare code, with no groups).

    `code` is the event of the subject on the object ("" = none here); `reverse` the event the
    pattern also gives the other way round (``[032:033]``: A visits B, so B hosts A).
    `code`/`reverse` keep the dictionary's text after normalising ("075A" -> "075"); NO_EVENT
    marks a pattern that matches and codes nothing (it still shadows less specific ones)."""

    verbs: tuple[VerbForm, ...]
    before: tuple[Group, ...]
    after: tuple[Group, ...]
    code: str
    reverse: str = ""
    where: str = field(default="", compare=False)  # "file:line", for explanations

    @property
    def size(self) -> int:
        """Specificity: how many words and markers the pattern asks for."""
        return sum(len(g.parts) for g in self.before + self.after)


@dataclass
class _Block:
    line: Line
    code: str
    reverse: str = ""
    verbs: list[VerbForm] = field(default_factory=list)
    own: list[tuple[VerbForm, str, Line]] = field(default_factory=list)  # verb-specific codes
    patterns: list[Line] = field(default_factory=list)


def read_verbs(path: str | Path, *, strict: bool = False) -> list[VerbPattern]:
    """Every pattern of a PETRARCH/TABARI verb dictionary, plus one bare pattern per verb.

    A malformed line is a DictionaryError (E004) naming file and line: raised when `strict`,
    else issued as a DictionaryWarning and skipped -- PETRARCH skips such lines too."""
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    current_synset: Optional[str] = None
    for line in dictionary_lines(path):
        text = line.text
        try:
            if text.startswith("---"):
                current_synset = None
                blocks.append(_Block(line, NO_EVENT))  # even with a bad code: verbs follow
                blocks[-1].code, blocks[-1].reverse = _block_code(line, path)
            elif text.startswith("&"):
                current_synset = text.split()[0][1:].rstrip("_").upper()
                synsets.setdefault(current_synset, [])
            elif text.startswith("+") and current_synset is not None:
                synsets[current_synset].append(text[1:].strip().rstrip("_"))
            elif text.startswith("~"):
                continue  # transformation: not supported (see module docstring)
            elif not blocks:
                raise fail(path, line, "a '--- NAME [CODE] ---' block header before verbs")
            elif text.startswith("-"):
                current_synset = None
                blocks[-1].patterns.append(line)
            else:
                current_synset = None
                _verb_line(line, blocks[-1], path)
        except DictionaryError as exc:
            _complain(exc, strict)
    out: list[VerbPattern] = []
    for block in blocks:
        out.extend(_block_patterns(block, synsets, path, strict))
    return out


def _block_code(line: Line, path) -> tuple[str, str]:
    """The first code of ``--- NAME [CODE] ---`` (PETRARCH2 ignores any second one)."""
    _, blocks = split_brackets(line.text.strip("-").strip(), path, line)
    try:
        code, reverse = parse_code(blocks[0]) if blocks else (NO_EVENT, "")
    except ValueError:
        raise fail(path, line, "a block code such as [064] or [---]") from None
    return code, reverse


def _verb_line(line: Line, block: _Block, path) -> None:
    """``WORD {FORMS} [CODE]``, ``+BREAK_DOWN {+BROKE_DOWN}``, ``WIRE_+TAP``, ``LASH OUT``."""
    head, codes = split_brackets(line.text, path, line)
    phrase, _, rest = head.partition("{")
    forms_text, close, _ = rest.partition("}")
    if rest and not close:
        raise fail(path, line, "a '}' closing the verb forms")
    words = phrase.replace("_", " ").split()
    if not words or any(not re.match(r"^\+?[A-Za-z'.\-]+$", w) for w in words):
        raise fail(path, line, "a verb such as RESTORE, SAY {SAID SAYING} or +CORDON_OFF")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0  # the parser's verb word: '+'-marked, else the first
    words = [w.lstrip("+").lower() for w in words]
    forms = tuple(_verb_word(f, at) for f in forms_text.split())
    verb = VerbForm(words[at], forms, tuple(words[:at]), tuple(words[at + 1 :]))
    block.verbs.append(verb)
    if codes:
        try:
            code, reverse = parse_code(codes[0])
        except ValueError:
            raise fail(path, line, "a verb code such as [064], [---] or [042:043]") from None
        block.own.append((verb, code + ":" + reverse, line))


def _verb_word(form: str, at: int) -> str:
    """The verb word of an irregular form: '+'-marked ("+CORDONED_OFF"), else at `at`."""
    words = form.split("_")
    marked = [w for w in words if w.startswith("+")]
    return (marked[0] if marked else words[min(at, len(words) - 1)]).lstrip("+").lower()


def _complain(exc: DictionaryError, strict: bool) -> None:
    if strict:
        raise exc
    warnings.warn(str(exc), DictionaryWarning, stacklevel=3)


def _block_patterns(block: _Block, synsets, path, strict: bool) -> list[VerbPattern]:
    verbs = tuple(block.verbs)
    if block.patterns and not verbs:
        _complain(
            fail(path, block.line, "verb lines after the block header, before its patterns"), strict
        )
        return []
    own = {v for v, _, _ in block.own}
    out = [
        VerbPattern((v,), (), (), block.code, block.reverse, f"{path}:{block.line.number}")
        for v in verbs
        if v not in own
    ]
    for verb, codes, line in block.own:
        code, _, reverse = codes.partition(":")
        out.append(VerbPattern((verb,), (), (), code, reverse, f"{path}:{line.number}"))
    for line in block.patterns:
        try:
            body, blocks = split_brackets(line.text[1:], path, line)
            if len(blocks) != 1:
                raise fail(path, line, "one [CODE] after the pattern")
            try:
                code, reverse = parse_code(blocks[0])
            except ValueError:
                raise fail(path, line, "a CAMEO code such as [064], [---] or [042:043]") from None
            before, after = parse_pattern(body)
            before, after = resolve_synsets(before, synsets), resolve_synsets(after, synsets)
        except ValueError as exc:  # a pattern-syntax problem the pattern module names
            _complain(fail(path, line, str(exc)), strict)
            continue
        except DictionaryError as exc:
            _complain(exc, strict)
            continue
        out.append(VerbPattern(verbs, before, after, code, reverse, f"{path}:{line.number}"))
    return out

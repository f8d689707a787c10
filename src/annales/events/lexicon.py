"""The event lexicon: which words (in which constructions) are which PLOVER event.

Rows live in data/lexicon/events.tsv (schema in data/lexicon/README.md).  A row names a lemma,
its part of speech and an optional pattern that must hold around the token: a particle or
preposition ("call" + "on"), an object ("impose" + "sanction"), an infinitival complement
("threaten" + "to attack"), a modifier ("air" + "strike").  The most specific matching row wins
(most conditions, then fewest wildcards); among equals the first in the file wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional, Sequence

from ..datafiles import read_lines, read_table
from ..errors import DataFileError
from ..schema import EVENT_TYPES
from . import codes
from .arguments import RELATIVE_PRONOUNS, complements, through_partitive

LEXICON_FILE = "events.tsv"
CLASSES_FILE = "classes.tsv"
COLUMNS = ("lemma", "pos", "pattern", "event", "mode", "cameo", "recipient")
POS = ("VERB", "NOUN")
CONDITIONS = ("prt", "prep", "obj", "pobj", "xcomp", "ccomp", "comp", "mod", "head", "subj")
# What `subj:` conditions can ask about the actor (extract.py decides which one applies):
# a state or its government ("Japan protested": a diplomatic complaint) or a crowd of
# civilians ("protesters stormed parliament": a riot, not an armed assault).
ACTOR_CLASSES = ("state", "crowd", "armed")


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row.  `event` is "" for a blocker row (never returned by lookup)."""

    lemma: str
    pos: str
    pattern: str
    event: str
    mode: Optional[str]
    cameo: str
    quad_class: int
    goldstein: float
    recipient: tuple[str, ...] = ()  # dependency slots that hold the recipient
    conditions: tuple[tuple[str, str], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Match:
    """A lexicon entry and the tokens its pattern used up (they are not arguments)."""

    entry: LexEntry
    used: tuple = ()


def _parse_pattern(pattern: str, classes: Optional[dict] = None) -> tuple[tuple[str, str], ...]:
    if not pattern:
        return ()
    out = []
    for part in pattern.split("+"):
        kind, _, value = part.partition(":")
        if kind not in CONDITIONS or not value:
            raise ValueError(f"pattern part {part!r}: expected KIND:VALUE, KIND in {CONDITIONS}")
        if kind == "subj" and value not in ACTOR_CLASSES:
            raise ValueError(f"pattern part {part!r}: subj takes one of {ACTOR_CLASSES}")
        if value.startswith("@") and classes is not None and value[1:] not in classes:
            raise ValueError(
                f"pattern part {part!r}: no word class {value[1:]!r} in {CLASSES_FILE}"
            )
        out.append((kind, value))
    return tuple(out)


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _objects(tok) -> list:
    """What the token acts on: its direct object, its passive subject (also through a raising
    verb), or (for a reduced relative, "sanctions imposed on Iran") the noun it modifies."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in tok.children):
        # "the details are expected to be released": the passive subject of the raising verb
        objs = [c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)
    elif (
        tok.dep_ == "relcl"
        and not objs
        and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children)
    ):
        # "the legislation the House approved": a relative clause with a subject of its own
        # acts on the noun it modifies
        objs.append(tok.head)
    return objs + [p for p in map(through_partitive, objs) if p not in objs]


def _headline_passive_subjects(tok) -> list:
    """Subjects of a headline passive without its auxiliary ("Curfew imposed after clashes",
    "Restrictions lifted on NGOs"): the parser makes the theme the subject of a past-tense
    verb that has no object and no auxiliary.  Only for named objects ("obj:curfew"): the
    same parse of a real active subject ("Iran warned") must not fill "obj:*"."""
    kids = list(tok.children)
    if tok.tag_ not in ("VBN", "VBD") or any(
        c.dep_ in ("dobj", "nsubjpass", "aux", "auxpass", "ccomp", "xcomp") for c in kids
    ):
        return []
    return [through_partitive(c) for c in kids if c.dep_ == "nsubj"]


def _preps(tok) -> list:
    """Prepositions and particles of the token, and of its particles ("pull out of")."""
    out = [c for c in tok.children if c.dep_ in ("prep", "prt", "agent", "dative")]
    out += [g for c in out if c.dep_ == "prt" for g in c.children if g.dep_ == "prep"]
    return out


def _holds(
    tok,
    kind: str,
    value: str,
    actor_class: Optional[str] = None,
    classes: Optional[dict[str, frozenset[str]]] = None,
) -> Optional[list]:
    """Tokens that satisfy one pattern condition (empty list: satisfied, nothing used).
    A value "@name" stands for any word of the word class `name` (classes.tsv)."""
    members = (classes or {}).get(value[1:], frozenset()) if value.startswith("@") else None

    def ok(t) -> bool:
        if members is not None:
            return _lemma(t) in members or t.lower_ in members
        return value == "*" or _lemma(t) == value or t.lower_ == value

    if kind == "subj":
        return [] if value == actor_class else None
    if kind in ("prt", "prep"):
        # the parser often makes a particle an adverb ("pull back its troops")
        extra = [c for c in tok.children if c.dep_ == "advmod"] if kind == "prt" else []
        return [] if any(c.lower_ == value for c in _preps(tok) + extra) else None
    if kind == "obj":
        objs = _objects(tok)
        if not objs and value != "*":
            objs = _headline_passive_subjects(tok)
        # "sent doctors and medical supplies": a named object may be any of the conjuncts
        objs += [c for o in objs for c in o.children if c.dep_ == "conj" and c not in objs]
        found = [o for o in objs if ok(o)]
    elif kind == "pobj":
        # only the first prepositional phrase after the verb: "withdraw its forces from X
        # under the agreement" is no withdrawal from the agreement; a passive's by-phrase
        # counts ("hit by an attack")
        first = sorted(
            (p for p in _preps(tok) if p.dep_ in ("prep", "agent") and p.i > tok.i),
            key=lambda p: p.i,
        )[:1]
        found = [g for p in first for g in p.children if g.dep_ == "pobj" and ok(g)]
    elif kind == "xcomp":
        found = [c for c in complements(tok) if ok(c)]
    elif kind == "ccomp":  # the parser makes some that-clauses a pcomp ("provided that")
        found = [c for c in tok.children if c.dep_ in ("ccomp", "pcomp") and ok(c)]
    elif kind == "mod":
        found = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and ok(c)]
        return [] if found else None
    elif kind == "comp":  # an adjective complement: "pleaded guilty", "pled not guilty"
        found = [c for c in tok.children if c.dep_ in ("acomp", "oprd") and ok(c)]
        return [] if found else None
    else:  # head
        return [] if ok(tok.head) and tok.head.i != tok.i else None
    if not found:
        return None
    # a wildcard only asks that the slot be filled ("warned Turkey": Turkey stays the
    # recipient); complement verbs stay events of their own; named nouns are part of the trigger
    return [] if value == "*" or kind in ("xcomp", "ccomp") else found


def _capitalized_first_word(tok) -> bool:
    """The first word of its sentence, capitalized only for being first, and not part of
    a name the entity recognizer found."""
    return (
        tok.i == tok.sent.start
        and tok.is_title
        and not tok.ent_type_
        and not (
            tok.i + 1 < len(tok.doc)
            and tok.nbor().dep_ == "compound"
            and tok.nbor().pos_ == "PROPN"
        )
    )


def _noun_lemmas(word: str) -> tuple[str, ...]:
    """Singular candidates of a plural the tagger left unlemmatized ("concessions")."""
    out = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return tuple(out)


def _specificity(entry: LexEntry) -> tuple[int, int]:
    """Sort key: more conditions first; a wildcard ("obj:*") counts less than a word."""
    return (-len(entry.conditions), sum(value == "*" for _, value in entry.conditions))


class Lexicon:
    def __init__(
        self, entries: Sequence[LexEntry], classes: Optional[dict[str, frozenset[str]]] = None
    ):
        self.entries = list(entries)
        self.classes = dict(classes) if classes is not None else load_classes()
        self._by_key: dict[tuple[str, str], list[LexEntry]] = {}
        for e in self.entries:
            self._by_key.setdefault((e.lemma, e.pos), []).append(e)
        for rows in self._by_key.values():  # stable: file order among equals
            rows.sort(key=_specificity)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexEntry]:
        return iter(self.entries)

    def match(self, tok, actor_class: Optional[str] = None) -> Optional[Match]:
        """The best row for `tok`; rows with a `subj:` condition need the actor's class."""
        rows = self._rows(tok)
        for entry in rows or ():
            used: list = []
            for kind, value in entry.conditions:
                got = _holds(tok, kind, value, actor_class, self.classes)
                if got is None:
                    break
                used += got
            else:
                # a blocker row ("press release", "heart attack") vetoes the word here
                return Match(entry, tuple(used)) if entry.event else None
        return None

    def _rows(self, tok) -> list[LexEntry]:
        """Candidate rows for the token, most specific first."""
        if tok.pos_ == "VERB":
            return self._get(tok, "VERB")
        if tok.pos_ == "NOUN":
            if any(c.dep_ in ("nsubj", "dobj") for c in tok.children):
                # a verb the tagger made a noun ("Activists decry new policy"): nouns take
                # no subject or object
                return self._get(tok, "VERB") + self._get(tok, "NOUN")
            return self._get(tok, "NOUN")
        if tok.pos_ == "PROPN" and _capitalized_first_word(tok):
            # "Ceasefire begins in ...", "Concessions made to ...": the headline's first
            # word keeps its capital, and the tagger takes it for a name
            return self._get(tok, "NOUN", _noun_lemmas(tok.lower_))
        return []

    def _get(self, tok, pos: str, lemmas: Sequence[str] = ()) -> list[LexEntry]:
        for lemma in (*lemmas, _lemma(tok), tok.lower_):
            rows = self._by_key.get((lemma, pos))
            if rows:
                return rows
        return []

    def lookup(self, tok) -> Optional[LexEntry]:
        m = self.match(tok)
        return m.entry if m else None

    def has_verb(self, lemma: str) -> bool:
        """Some row reads `lemma` as a verb (with or without a pattern)."""
        return (lemma, "VERB") in self._by_key


def _entry(row: dict, where: str, classes: Optional[dict] = None) -> LexEntry:
    def bad(expected: str, found) -> DataFileError:
        return DataFileError(
            path=where,
            expected=expected,
            found=repr(found),
            hint="Fix the row (schema: data/lexicon/README.md).",
        )

    if row.get("pos") not in POS:
        raise bad(f"pos in {POS}", row.get("pos"))
    event, mode, cameo = row["event"], row["mode"] or None, row["cameo"]
    if not event:  # blocker: the word is no event in this construction
        if mode or cameo or row["recipient"] or not row["pattern"]:
            raise bad("a blocker row to have a pattern and nothing after it", row)
        try:
            conditions = _parse_pattern(row["pattern"], classes)
        except ValueError as exc:
            raise bad("a valid pattern", str(exc)) from None
        return LexEntry(
            row["lemma"], row["pos"], row["pattern"], "", None, "", 0, 0.0, (), conditions
        )
    if event not in EVENT_TYPES:
        raise bad("a PLOVER event type", event)
    if mode is not None and mode not in codes.PLOVER_MODES[event]:
        raise bad(f"a PLOVER mode of {event}", mode)
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise bad("a CAMEO code of 2-4 digits", cameo)
    try:
        conditions = _parse_pattern(row["pattern"], classes)
        quad, score = codes.quad_class(cameo), codes.goldstein(cameo)
    except (ValueError, KeyError) as exc:
        raise bad("a valid pattern and a known CAMEO code", str(exc)) from None
    slots = tuple(s for s in (row["recipient"] or "").split(",") if s)
    return LexEntry(
        row["lemma"], row["pos"], row["pattern"], event, mode, cameo, quad, score, slots, conditions
    )


def read_rows(path) -> list[tuple[int, dict]]:
    """(line number, row) for every data row; '#' lines are section comments."""
    return read_table(Path(path), str(path), COLUMNS, comments=True)


def load_lexicon(path: Optional[str | Path] = None) -> Lexicon:
    """The built-in lexicon (cached), or one read from `path` with the built-in word classes."""
    return _load_default() if path is None else _load(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> Lexicon:
    return _load(_builtin(LEXICON_FILE))


def _builtin(name: str):
    return resources.files("annales").joinpath("data", "lexicon", name)


def _load(path) -> Lexicon:
    classes = load_classes()
    return Lexicon([_entry(row, f"{path}:{n}", classes) for n, row in read_rows(path)], classes)


def native_lexicon(builtin: bool = True, extra: Sequence[str | Path] = ()) -> Lexicon:
    """The pipeline's lexicon in the native format: the built-in rows and word classes (unless
    `builtin` is False), with the rows and classes of each `extra` in front of them.  An
    extra is a file of rows in the events.tsv layout, or a folder holding events.tsv and/or
    classes.tsv; its rows win over built-in rows of the same specificity, and are checked
    like them (a class a pattern names must exist in the built-in or the user classes)."""
    classes = dict(load_classes()) if builtin else {}
    row_files = []
    for path in map(Path, extra):
        if path.is_dir():
            if (path / CLASSES_FILE).is_file():
                read_classes(path / CLASSES_FILE, into=classes)
            if (path / LEXICON_FILE).is_file():
                row_files.append(path / LEXICON_FILE)
            elif not (path / CLASSES_FILE).is_file():
                raise DataFileError(
                    path=str(path),
                    expected=f"{LEXICON_FILE} or {CLASSES_FILE}",
                    found="neither",
                    hint="Put the lexicon files in the folder.",
                )
        elif path.is_file():
            row_files.append(path)
        else:
            raise DataFileError(
                path=str(path),
                expected="a lexicon file or folder",
                found="no such file",
                hint="Check the --lexicon path.",
            )
    entries = [
        _entry(row, f"{path}:{n}", classes) for path in row_files for n, row in read_rows(path)
    ]
    if builtin:
        entries += _load_default().entries
    return Lexicon(entries, classes)


@lru_cache(maxsize=1)
def load_classes() -> dict[str, frozenset[str]]:
    """Word classes of the built-in lexicon (classes.tsv: a class name, then its lemmas
    separated by spaces), for pattern values "@name"."""
    return read_classes(_builtin(CLASSES_FILE))


def read_classes(
    path, into: Optional[dict[str, frozenset[str]]] = None
) -> dict[str, frozenset[str]]:
    """The classes of one classes.tsv file, added to `into` (a name may be defined once)."""
    out = into if into is not None else {}
    for n, line in enumerate(read_lines(Path(path), str(path)), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, words = line.partition("\t")
        if not name.isalpha() or not words.split() or name in out:
            raise DataFileError(
                path=f"{path}:{n}",
                expected="a new class name, a tab, lemmas separated by spaces",
                found=repr(line),
                hint="Fix the line (schema: data/lexicon/README.md).",
            )
        out[name] = frozenset(w.lower() for w in words.split())
    return out

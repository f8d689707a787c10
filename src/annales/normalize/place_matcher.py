"""Which spans of a parsed document are place mentions (before any resolution).

Spans are trimmed to the name: "the West Bank" -> "West Bank", "Ivory Coast's" -> "Ivory Coast",
"Khost city" -> "Khost" (a lower-case designator is a description, not part of the name; a
capitalised one, "Homs Governorate", is kept).  These trims were checked against the gold spans
of the event-location data (annales.eval.locations).
"""

from __future__ import annotations

from typing import Iterator

from ..phrase_index import PhraseIndex
from .gazetteer import Gazetteer, normalize_alias

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels spaCy gives to place names it misreads ("Aleppo" NORP, "Bani Zaid Quarter" PERSON).
MISREAD_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE")
# Temporal labels the tagger also gives to unknown names ("killed in Mayadeen" DATE); such an
# entity is a name when every token is a proper noun and none is a calendar word.
TEMPORAL_LABELS = ("DATE", "TIME")
CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday christmas easter ramadan eid new year day night week month
    today tomorrow yesterday""".split()
)
HYPHENS = ("-", "\u2010", "\u2011")
# Lower-case particles inside hyphenated Arabic and Persian names ("Mazar-e-Sharif",
# "Ain el-Helweh"); other lower-case words after a hyphen end the name ("Damascus-based").
NAME_PARTICLES = frozenset(
    "e el al ul i ad as ash ar an at ez es en bin ibn de du di la le del da do dos das der van von".split()
)
DESIGNATORS = frozenset(
    """city province village district town region area governorate camp
    neighborhood neighbourhood county state municipality suburb countryside town's city's
    outskirts tehsil settlement villages towns cities provinces districts areas neighborhoods
    settlements""".split()
)
# Last words that make an ORG/PERSON entity a facility or area ("Al-Zara Power Plant" stays an
# ORG: plants, universities and ministries are actors far more often than event sites).
PLACE_HEADS = frozenset(
    """airport airbase base park square hill hills farms farm quarter
    district governorate province camp mosque bridge village valley mountain mountains dam
    street road highway plains plain crossing checkpoint market prison stadium port harbor
    harbour island islands lake river sea gulf strait straits canal neighborhood town city
    oilfield field desert coast mount""".split()
)

# Which source wins when candidates overlap (then the longer span).  A misread entity
# (NAME-PERSON...) ranks with the bare proper-noun runs, so "Al-Raqqa Governorate" (NAME-ORG,
# extended by its designator) beats the run "Governorate" and "Sheikh Lufti" beats "Sheikh".
SOURCE_RANK = {"GPE": 0, "LOC": 0, "FAC": 0, "FAC*": 1, "GAZ": 2, "NAME": 3}


def candidate_spans(doc, gaz: Gazetteer, speculative: bool = False) -> list[tuple]:
    """(span, label) pairs, non-overlapping, in text order.  With `speculative`, proper names
    that nothing marks as places (label NAME, or NAME-PERSON etc. for a misread entity) are
    candidates too: event locations are often villages the tagger and gazetteer do not know."""
    ranked = []
    for priority, (span, label) in enumerate(_raw_candidates(doc, gaz)):
        if label.startswith("NAME") and not speculative:
            continue
        span = _trim(span)
        for piece in _pieces(span, gaz) if span is not None else ():
            rank = SOURCE_RANK.get(
                label.split("-")[0] if label.startswith("NAME") else label, len(SOURCE_RANK)
            )
            ranked.append((rank, -len(piece), priority, piece, label.rstrip("*")))
    taken: set[int] = set()
    kept = []
    for *_, span, label in sorted(ranked, key=lambda r: r[:3]):
        if not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            kept.append((span, label))
    return sorted(kept, key=lambda sl: sl[0].start)


def _raw_candidates(doc, gaz: Gazetteer) -> Iterator[tuple]:
    other: dict[int, object] = {}  # token index -> non-place entity covering it
    for ent in doc.ents:
        if ent.label_ in TEMPORAL_LABELS and _misread_temporal(ent):
            yield _extended(ent), "NAME-" + ent.label_
            continue
        if ent.label_ in PLACE_LABELS:
            yield _extended(ent), ent.label_
        elif ent.label_ in MISREAD_LABELS and ent[-1].lower_ in PLACE_HEADS and ent[-1].is_title:
            yield ent, "FAC*"
        else:
            other.update((i, ent) for i in range(ent.start, ent.end))
            if ent.label_ in MISREAD_LABELS:
                yield _extended(ent), "NAME-" + ent.label_
    for start, end in _gazetteer_matches(doc, gaz):
        span = doc[start:end]
        if _plausible_match(span, gaz, other):
            yield _extended(span), "GAZ"
    for span in _proper_noun_runs(doc):
        if span.start not in other:
            yield _extended(span), "NAME"


def _misread_temporal(ent) -> bool:
    return all(
        t.tag_ in ("NNP", "NNPS") and t.lower_.rstrip(".") not in CALENDAR_WORDS for t in ent
    )


def _extended(span):
    """The whole name around a span:

    * hyphenated parts glued to it: "Mazar" -> "Mazar-e-Sharif", "Al" -> "Al-Seen";
    * proper nouns no entity covers that the span's last word modifies ("Tel" PERSON +
      "Abyad" -> "Tel Abyad", "San Salvador" + "Atenco"), or that modify a word of the span
      ("Santo" + "Domingo" PERSON);
    * a capitalised designator right after it: "Al-Raqqa" + "Governorate" (the gold spans keep
      "Homs Governorate", "Bala Morghab District")."""
    doc = span.doc
    start, end = span.start, span.end
    while start >= 2 and _glued(doc, start - 2, start - 1) and doc[start - 2].text[:1].isupper():
        start -= 2
    while (
        start >= 1
        and doc[start - 1].tag_ in ("NNP", "NNPS")
        and not doc[start - 1].ent_type_
        and doc[start - 1].dep_ == "compound"
        and start <= doc[start - 1].head.i < end
    ):
        start -= 1  # "Santo" + "Domingo" (PERSON), "Sheikh" + "Lufti"
    end = _glued_end(doc, end)
    if (
        end + 2 < len(doc)
        and doc[end].lower_ in NAME_PARTICLES
        and doc[end - 1].whitespace_
        and _glued(doc, end, end + 1)
        and doc[end + 2].text[:1].isupper()
    ):
        end = _glued_end(doc, end + 3)  # "Tall" + "ad-Dirrah"
    while (
        end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i >= end
        and doc[end].tag_ in ("NNP", "NNPS")
        and not doc[end].ent_type_
        and all(
            t.tag_ in ("NNP", "NNPS", "HYPH") or t.text in HYPHENS
            for t in doc[end : doc[end - 1].head.i + 1]
        )
    ):
        end = _glued_end(doc, doc[end - 1].head.i + 1)
    if end < len(doc) and doc[end].is_title and doc[end].lower_ in DESIGNATORS:
        end += 1
    return doc[start:end]


def _glued(doc, i: int, hyphen: int) -> bool:
    """Tokens i, hyphen, hyphen+1 form one written word joined by a hyphen."""
    return (
        0 <= i
        and hyphen + 1 < len(doc)
        and doc[hyphen].text in HYPHENS
        and not doc[i].whitespace_
        and not doc[hyphen].whitespace_
        and doc[i].is_alpha
    )


def _glued_end(doc, end: int) -> int:
    while end + 1 < len(doc) and _glued(doc, end - 1, end):
        nxt = doc[end + 1]
        if nxt.text[:1].isupper():
            end += 2
        elif (
            nxt.lower_ in NAME_PARTICLES
            and end + 3 < len(doc)
            and _glued(doc, end + 1, end + 2)
            and doc[end + 3].text[:1].isupper()
        ):
            end += 4
        else:
            break
    return end


def _plausible_match(span, gaz: Gazetteer, other: dict) -> bool:
    entries = gaz.lookup(span.text)
    spelling = gaz.spellings.get(normalize_alias(span.text), "")
    broad = any(e.kind in ("country", "region", "territory") for e in entries)
    if spelling.isupper() and span.text != spelling or span.text.isupper() and not broad:
        return False  # "us", and acronyms that happen to be towns (NATO, SAM)
    if not span.text[:1].isupper() or span[-1].lower_ in PLACE_HEADS:
        return False
    if span[0].tag_ not in ("NNP", "NNPS") or span[-1].tag_ not in ("NNP", "NNPS"):
        return False
    ents = {other[i] for i in range(span.start, span.end) if i in other}
    if not ents:
        return True
    ent = ents.pop()
    if ents or (ent.start, ent.end) != (span.start, span.end):
        return False  # part of a person's or organisation's name ("Ali", "Xinhua News")
    return (
        broad
        or ent.label_ in ("NORP", "LANGUAGE")
        and max(e.population for e in entries) >= 100_000
    )


def _proper_noun_runs(doc) -> Iterator:
    start = None
    for tok in [*doc, None]:
        inside = (
            tok is not None
            and tok.tag_ in ("NNP", "NNPS")
            and (
                not tok.ent_type_
                or tok.ent_type_ in TEMPORAL_LABELS
                and tok.lower_.rstrip(".") not in CALENDAR_WORDS
            )
        )
        if inside and start is None:
            start = tok.i
        elif not inside and start is not None:
            yield doc[start : tok.i if tok is not None else len(doc)]
            start = None


def _gazetteer_matches(doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Where the gazetteer's aliases occur (lower case).  The index is built once per
    gazetteer (and kept in the user cache: ~100k aliases to tokenize) and lives on it, so each
    pipeline matches its own places."""
    index = getattr(gaz, "_alias_index", None)
    if index is None:
        index = PhraseIndex.of(gaz.aliases(), kind="place-aliases", salt=gaz.key or "")
        setattr(gaz, "_alias_index", index)  # noqa: B010 (an attribute Gazetteer does not declare)
    return index(doc)


def _trim(span):
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in ("the", "\xa0the") or doc[start].is_space or doc[start].is_punct
    ):
        start += 1
    # a sentence's full stop is punctuation too; "U.S." keeps its dot inside its one token
    while end > start and (
        doc[end - 1].is_space or doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
    ):
        end -= 1
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in DESIGNATORS:
        end -= 1
    # "\u2018Aqrab": an opening mark glued to a name with no closing one after it transliterates
    # an ayn; the gold spans keep it (12 train spans kept it, 2 left it out)
    if (
        end > start
        and start > 0
        and doc[start - 1].text == "\u2018"
        and not doc[start - 1].whitespace_
        and (end >= len(doc) or doc[end].text != "\u2019")
    ):
        start -= 1
    return doc[start:end] if end > start else None


# Punctuation inside a candidate separates two names ("Poso, Col", "Palmyra (Tadmur").
PIECE_BREAKS = frozenset(',;:()[]"\u201c\u201d')


def _pieces(span, gaz: Gazetteer) -> list:
    """The names inside one candidate span.  The tagger's entities sometimes run on past the
    name ("Aleppo for the ninth consecutive day", "Mehedia in Tunis", "Nice Saturday",
    "west Baghdad"); the gold spans of the event-location data are the names alone (a lower-case
    "northern"/"west" before a place was left out of 354 gold spans on the train split and kept
    in 9).  A span is cut at punctuation, at a free-standing lower-case word other than a name
    particle ("del", "al") or the "of (the)" of "Strait of Hormuz", and at a possessive after a
    known place ("Abuja's International Conference Centre", not "Joseph's Tomb"); leading
    lower-case words and a trailing weekday or month are dropped, and a piece with no capital
    letter is no name ("northern", "jihadist": 8 of 4,738 train gold spans had none, all noise
    or numbers).  A span the gazetteer knows whole ("Bosnia and Herzegovina", "Gaza strip")
    stays as it is."""
    doc = span.doc
    if gaz.lookup(span.text) and any(c.isupper() for c in span.text):
        return [span]
    pieces, start = [], span.start
    for i in range(span.start + 1, span.end + 1):
        if i < span.end and not _breaks(doc, i, span, gaz.lookup):
            continue
        piece = _name_only(doc, start, i)
        if piece is not None:
            pieces.append(piece)
        start = i + 1 if i < span.end and not doc[i].is_lower else i
        if i < span.end and doc[i].is_lower:
            start = i + 1
    return pieces


def _breaks(doc, i: int, span, gaz_lookup) -> bool:
    tok = doc[i]
    if tok.text in PIECE_BREAKS:
        return True
    if tok.tag_ == "POS":  # "Abuja's International Conference Centre", not "Joseph's Tomb"
        return bool(gaz_lookup(doc[span.start : i].text))
    if not tok.is_lower or not doc[i - 1].whitespace_ or tok.lower_ in NAME_PARTICLES:
        return False
    nxt = doc[i + 1] if i + 1 < span.end else None
    if (
        tok.lower_ == "of"
        and nxt is not None
        and (nxt.text[:1].isupper() or nxt.lower_ == "the" and i + 2 < span.end)
    ):
        return False  # "Strait of Hormuz", "Republic of the Congo"
    if tok.lower_ == "the" and doc[i - 1].lower_ == "of":
        return False
    return True


def _name_only(doc, start: int, end: int):
    while start < end and (
        doc[start].is_lower
        and doc[start].lower_ not in NAME_PARTICLES
        or doc[start].is_punct
        and doc[start].text != "\u2018"
    ):
        start += 1  # "west Baghdad" -> "Baghdad"
    while end - start > 1 and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].is_title
        and doc[end - 1].lower_ in CALENDAR_WORDS
    ):
        end -= 1  # "Nice Saturday" -> "Nice"
    if end <= start or not any(c.isupper() for c in doc[start:end].text):
        return None
    return doc[start:end]


def designator_stripped(text: str) -> str:
    """ "Pattani Province" -> "Pattani", for a second gazetteer lookup."""
    words = text.split()
    if len(words) > 1 and words[-1].lower() in DESIGNATORS:
        return " ".join(words[:-1])
    return text

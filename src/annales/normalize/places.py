"""Place mentions in a parsed document, each resolved against the gazetteer.

Candidates are spaCy GPE/LOC/FAC entities, gazetteer phrase matches on proper nouns (spaCy
often tags "Aleppo" NORP or misses a village), and ORG/PERSON entities that end in a place word
("the Deir Ezzor Airport").  Resolution, in order: a comma qualifier ("Paris, Texas"); a country
over a homonymous city or state ("Georgia"); a hand-written region over a city ("Gaza"); a
the candidate that population and the countries the document names most often favour
(see CONTEXT_WEIGHT).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, fields
from typing import Optional, Sequence

from ..schema import Location
from .gazetteer import GazEntry, Gazetteer, load_gazetteer
from .place_matcher import candidate_spans, designator_stripped

KIND_RANK = {"country": 0, "territory": 1, "region": 1, "city": 2, "state": 3}


@dataclass(kw_only=True)
class Place(Location):
    """A place mention: the Location it resolves to (`name` None while the gazetteer knows
    no such place) and where the doc names it.  The location's fields are Location's own, so
    the record contract says once what a location holds."""

    start: int  # token offsets in the doc, end exclusive
    end: int
    start_char: int
    end_char: int
    label: str  # spaCy label, or GAZ for a gazetteer-only match
    reason: str = "not in the gazetteer"

    def to_location(self) -> Location:
        return Location(**{f.name: getattr(self, f.name) for f in fields(Location)})

    def _resolve(self, entry: GazEntry, reason: str) -> None:
        self.name, self.country = entry.name, entry.country
        self.lat, self.lon = entry.lat, entry.lon
        self.geonames_id, self.kind, self.reason = entry.geonames_id, entry.kind, reason


def find_places(
    doc, gazetteer: Optional[Gazetteer] = None, *, speculative: bool = False
) -> list[Place]:
    """Every place mention in `doc`, in text order, resolved where the gazetteer knows it.

    `speculative` adds proper names nothing marks as places (label NAME or NAME-<spaCy label>);
    the event-location ranker was trained with them and needs them to find unknown villages."""
    gaz = gazetteer or load_gazetteer()
    places = [
        Place(
            text=span.text,
            start=span.start,
            end=span.end,
            start_char=span.start_char,
            end_char=span.end_char,
            label=label,
        )
        for span, label in candidate_spans(doc, gaz, speculative)
    ]
    for p in places:
        _drop_full_stop(p, doc)
    options = {id(p): _lookup(p.text, gaz) for p in places}
    qualified = _apply_qualifiers(doc, places, options, gaz)
    # How often the document names each country on its own (as the country, or through a place
    # that has no homonym), used to choose between homonyms elsewhere; a mention in the same
    # sentence counts twice ("Tripoli, the second city of Lebanon").
    context: Counter = Counter()
    by_sentence: dict[int, Counter] = {}
    for p in places:
        opts = options[id(p)]
        named = {e.country for e in opts if e.kind == "country"}
        if not named and len(opts) == 1:
            named = {opts[0].country}
        named.discard(None)
        context.update(named)
        by_sentence.setdefault(doc[p.start].sent.start, Counter()).update(named)
    for p in places:
        if id(p) in qualified:
            continue
        opts = options[id(p)]
        if opts:
            entry, reason = _choose(opts, context + by_sentence[doc[p.start].sent.start])
            p._resolve(entry, reason)
    return places


def _drop_full_stop(place: Place, doc) -> None:
    """ "Poso." -> "Poso": a sentence's full stop the tokenizer left on the last word.  Dots of
    abbreviations stay ("U.S.", "N.Y.", "Mass."): a word with an inner dot, or one the English
    tokenizer lists as an exception."""
    word = doc[place.end - 1].text
    if not word.endswith(".") or len(word) < 3 or "." in word[:-1] or _is_abbreviation(word):
        return
    place.text = place.text[:-1]
    place.end_char -= 1


def _is_abbreviation(word: str) -> bool:
    from spacy.lang.en import English

    return word in English.Defaults.tokenizer_exceptions


def _lookup(text: str, gaz: Gazetteer) -> list[GazEntry]:
    return gaz.lookup(text) or gaz.lookup(designator_stripped(text))


def _apply_qualifiers(doc, places: list[Place], options: dict, gaz: Gazetteer) -> set[int]:
    """Resolve "X, Y" where Y is a US state ("Paris, Texas", "Lebanon, NH") or a country that
    has an X ("Tripoli, Lebanon"); the qualifier beats every other rule."""
    done: set[int] = set()
    starting = {p.start: p for p in places}
    for left in places:
        if left.end + 1 >= len(doc) or doc[left.end].text != ",":
            continue
        right = starting.get(left.end + 1)
        state = _state_at(doc, left.end + 1, gaz)
        if state is not None:
            pick = [e for e in options[id(left)] if e.country == "USA" and e.admin1 == state.admin1]
            if pick:
                left._resolve(max(pick, key=lambda e: e.population), f"qualified by {state.name}")
                done.add(id(left))
                if right is not None:
                    right._resolve(state, f"US state qualifying {left.text}")
                    done.add(id(right))
            continue
        if right is not None:
            countries = {e.country for e in options[id(right)] if e.kind == "country"}
            pick = [e for e in options[id(left)] if e.country in countries and e.kind != "country"]
            if pick:
                left._resolve(max(pick, key=lambda e: e.population), f"qualified by {right.text}")
                done.add(id(left))
    return done


def _state_at(doc, i: int, gaz: Gazetteer) -> Optional[GazEntry]:
    """A US state named ("New Mexico") or abbreviated ("NM") at token i."""
    if doc[i].text in gaz.state_codes:
        return gaz.state_codes[doc[i].text]
    for n in (3, 2, 1):
        if i + n <= len(doc) and doc[i : i + n].text.lower() in gaz.states:
            return gaz.states[doc[i : i + n].text.lower()]
    return None


# Homonyms: each candidate scores log10(population) + CONTEXT_WEIGHT * log2(1 + n), n = how
# often the text names its country.  0.75 per doubling was set by hand on the sample corpus and
# the flagship Palestine article: eight mentions of Palestine (an article about it) outweigh a
# three-times larger Bethlehem, Pennsylvania, while two or three mentions of the United States
# do not pull "Paris" (2.1M) to Paris, Texas (25k) or "Hebron" (160k) to Connecticut (10k).
# A text that names a country five times and a capital's small namesake there still goes wrong.
CONTEXT_WEIGHT = 0.75


def _choose(opts: list[GazEntry], context: Counter) -> tuple[GazEntry, str]:
    if len(opts) == 1:
        return opts[0], "only gazetteer entry"
    best_rank = min(KIND_RANK[e.kind] for e in opts)
    top = [e for e in opts if KIND_RANK[e.kind] == best_rank]
    if best_rank < KIND_RANK["city"]:
        kind = top[0].kind
        why = (
            "a country beats homonymous places"
            if kind == "country"
            else "hand-written region beats homonymous places"
        )
        return max(top, key=lambda e: e.population), why

    def score(e: GazEntry) -> float:
        return math.log10(e.population + 1) + CONTEXT_WEIGHT * math.log2(1 + context[e.country])

    best = max(top, key=score)
    biggest = max(top, key=lambda e: e.population)
    if best is biggest:
        return best, f"most populous of {len(opts)} candidates"
    return best, f"in {best.country}, which the text names {context[best.country]} times"


def explain_places(text: str, places: Sequence[str] = ()) -> list[dict]:
    """For `annales places TEXT`: each place found, what it resolved to and why; `places`
    are the user's files of places (`--places`)."""
    from .. import nlp as _nlp

    gaz = load_gazetteer(places)
    doc = _nlp.load()(text)
    return [
        {
            "text": p.text,
            "start": p.start_char,
            "end": p.end_char,
            "label": p.label,
            **{k: v for k, v in p.to_location().to_dict().items() if k != "text"},
            "reason": p.reason,
        }
        for p in find_places(doc, gaz)
    ]

"""Where an event happened: the place linked to its trigger, or None.

Each place in the trigger's sentence is described by features of how it hangs off the event
(the preposition that governs it, where that preposition attaches, the chain of prepositions
up to the trigger, whether it is the trigger's own subject or object, the dependency path, the
distance, its entity label and gazetteer kind, how it is written next to the other places
("Sontyo village in Wukari local government area"), pairwise crosses of these, and the trigger
lemma crossed with them).  A "no location" option, described by the
trigger alone, competes with the places; a conditional-logit ranker (a softmax over the options,
weights in `annales/data/places/location_ranker.json`, trained by `scripts/train_location.py`)
picks one.  When "no location" wins, the sentence names no place for this event ("killed in the
clashes" -> None).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..errors import DataFileError
from ..schema import Location
from .place_matcher import DESIGNATORS

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "places" / "location_ranker.json"
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp"})


def location_for(trigger, places: Sequence, model: Optional[dict] = None) -> Optional[Location]:
    """The event location of `trigger` (a spaCy token) among `places`, the document's
    `find_places(doc, speculative=True)` (the ranker was trained on that candidate set)."""
    best = rank_places(trigger, places, model)
    return best.to_location() if best is not None else None


# Places of a sentence ranked for one trigger: the nearest ones.  Real sentences name far
# fewer (the most in the event-location data is 9); a run-on "sentence" can name hundreds, and
# each place costs work along the parse tree, so without a cap one trigger would cost the
# square of the sentence length and a sentence the cube.
MAX_RANKED_PLACES = 16


def rank_places(trigger, places: Sequence, model: Optional[dict] = None):
    """The best-scoring place of the trigger's sentence, unless "no place" scores higher."""
    model = model or load_model()
    weights, known = model["weights"], known_lemmas(model)
    sent = trigger.sent
    local = [p for p in places if sent.start <= p.start < sent.end]
    if len(local) > MAX_RANKED_PLACES:
        nearest = sorted(local, key=lambda p: abs(p.start - trigger.i))[:MAX_RANKED_PLACES]
        local = sorted(nearest, key=lambda p: p.start)
    best, best_score = None, score(null_features(trigger, len(local), known), weights)
    for p, feats in zip(local, candidate_features(trigger, local, known)):
        s = score(feats, weights)
        if s > best_score:
            best, best_score = p, s
    return best


# Event words seen at least RARE_LEMMA_COUNT times in training keep their own lemma features;
# the others, and every word never seen, share "<rare>": the training data is mostly violence
# (killed, captured, shot), so a diplomatic verb ("recognize", "accuse") is better described
# by how rare verbs behave than by nothing.  10 = the count under which, on the train split,
# a trigger's direct object was the gold location 21% of the time (33% above it).
RARE_LEMMA_COUNT = 10
RARE = "<rare>"


def known_lemmas(model: Optional[dict] = None) -> frozenset:
    """The event words `model` keeps features for (the built-in model's by default); the set
    is kept on the model dict, so a model in training and the installed one never mix."""
    model = model if model is not None else load_model()
    known = model.get("_lemma_set")
    if known is None:
        known = model["_lemma_set"] = frozenset(model.get("lemmas", ()))
    return known


def event_lemma(trigger, known: Optional[frozenset] = None) -> str:
    lemma = trigger.lemma_.lower()
    return lemma if lemma in (known if known is not None else known_lemmas()) else RARE


def score(feats: Iterable[str], weights: dict[str, float]) -> float:
    return sum(weights.get(f, 0.0) for f in feats)


def null_features(trigger, n_places: int, known: Optional[frozenset] = None) -> list[str]:
    """The "no location" option competes with the places; what it knows is the trigger.  Its
    lemma counts: news says where shelling happened far more often than where an arrest did
    (+1.3 points of 4-fold CV accuracy on the training split)."""
    lemma = event_lemma(trigger, known)
    return [
        "NULL",
        f"NULL|n_places={min(n_places, 4)}",
        f"NULL|trigger_dep={trigger.dep_}",
        f"NULL|trigger_pos={trigger.pos_}",
        f"NULL|trigger_tag={trigger.tag_}",
        f"NULL|head_dep={trigger.head.dep_}",
        f"NULL|lemma={lemma}",
        f"NULL|lemma*n_places={lemma}|{min(n_places, 2)}",
        f"NULL|lemma*tag={lemma}|{trigger.tag_}",
    ]


def candidate_features(
    trigger, places: Sequence, known: Optional[frozenset] = None
) -> list[list[str]]:
    """One list of feature names per place; the places must share the trigger's sentence."""
    doc = trigger.doc
    nearest = sorted(range(len(places)), key=lambda i: abs(places[i].start - trigger.i))
    roots = [doc[p.start : p.end].root for p in places]
    contains, inside = _nesting(roots)
    # "Aleppo ... Syria": a country beside a city (or an unknown name) in the same sentence
    smaller = any(q.kind in ("city", None) for q in places)
    rows = []
    for order, i in enumerate(nearest):
        p, root = places[i], roots[i]
        prep, attach_of = _governing_prep(root)
        attach = attach_of(trigger) if attach_of else "none"
        up, down, verbs = _path(trigger, root)
        path = _path_labels(trigger, root) if up + down <= 4 else "long"
        group = "name" if p.label.startswith("NAME") else "place"
        order = min(order, 2)
        feats = [
            "bias",
            f"label={p.label}",
            f"kind={p.kind or 'none'}",
            f"prep={prep}",
            f"prep_attach={attach}",
            f"prep+attach={prep}|{attach}",
            f"up={min(up, 4)}",
            f"down={min(down, 4)}",
            f"verbs_between={min(verbs, 2)}",
            f"dep={root.dep_}",
            f"dist={_bucket(p.start - trigger.i)}",
            f"nearest={order}",
            f"sent_initial={p.start - trigger.sent.start < 3}",
            f"path={path}",
            f"path+group={path}|{group}",
            f"updown+prep={min(up, 3)}|{min(down, 3)}|{prep}",
            f"label+prep={p.label}|{prep}",
            f"label+dep={p.label}|{root.dep_}",
            f"kind+prep={p.kind}|{prep}",
            f"prep+nearest={prep}|{order}",
            f"resolved={p.name is not None}",
        ]
        if contains[i]:
            feats.append("contains_place")  # "Nairobi" in "the Nairobi suburb of Syokimau"
        if inside[i]:
            feats.append("inside_place")
        if p.end < len(doc) and doc[p.end].tag_ == "POS":
            feats.append("possessive")  # "Iraq's Nineveh province": the inner place is meant
        if not p.text[:1].isupper():
            feats.append("lower_case")
        if p.end < len(doc) and doc[p.end].lemma_.lower() in DESIGNATORS:
            feats.append("before_designator")  # "Sibaya and Chiri villages"
        if root.head.lower_ == "of" and root.head.head.lemma_ in DESIGNATORS:
            feats.append("city_of")
        if root.dep_ == "compound" and root.head.lemma_ in DESIGNATORS:
            feats.append("designator_head")
        if p.kind == "country" and smaller:  # p itself is no city
            feats.append("country_with_smaller_place")
        feats += _structure_features(trigger, p, root, prep, attach, group)
        feats += _surface_features(trigger, p)
        arg = next((f.split("=", 1)[1] for f in feats if f.startswith("arg=")), "none")
        feats += _link_features(doc, places, i, attach, arg)
        feats += _pairs(feats, trigger, known)
        rows.append((i, feats))
    return [feats for _, feats in sorted(rows)]


def _nesting(roots) -> tuple[list[bool], list[bool]]:
    """For each place root: is it above another place's root in the parse (contains one), and
    is another place's root above it (inside one).  One walk up the tree per place, not one per
    pair of places."""
    ancestors = [{a.i for a in r.ancestors} for r in roots]
    above_some = set().union(*ancestors)  # a token is never its own ancestor
    root_ids = {r.i for r in roots}
    return [r.i in above_some for r in roots], [bool(a & root_ids) for a in ancestors]


# Words between trigger and place that mark a source or a break: "..., the source told
# Xinhua", "(0500 GMT)"; a place after them is rarely where the event happened.
SPEECH_LEMMAS = frozenset(("say", "tell", "report", "add"))
BREAKS = frozenset((";", ":", "(", ")", "--", "\u2014"))


def _surface_features(trigger, place) -> list[str]:
    """The words around the place rather than the parse:

    * `said_between`, `semi_between`, `commas`: a reporting verb, a bracket, dash or colon, and
      the number of commas between the trigger and the place;
    * `last=`: the place's last word ("Village", "District" vs "Army", "Brigade", "GMT");
    * `next_noun=`: a common noun right after it ("Raqqa province", "Ain Chams university",
      "Notting Hill carnival": a province is a place, a university an actor or a building).
    (+1.2 points of 4-fold CV overall accuracy on the train split, 0.787 -> 0.799.)"""
    doc = trigger.doc
    between = (
        doc[trigger.i + 1 : place.start] if place.start > trigger.i else doc[place.end : trigger.i]
    )
    feats = [
        f"said_between={any(t.lemma_ in SPEECH_LEMMAS for t in between)}",
        f"semi_between={any(t.text in BREAKS for t in between)}",
        f"commas={min(sum(t.text == ',' for t in between), 2)}",
        f"last={doc[place.end - 1].lower_}",
    ]
    if place.end < len(doc) and doc[place.end].pos_ == "NOUN":
        feats.append(f"next_noun={doc[place.end].lemma_.lower()}")
    return feats


# Tokens between two places for them to count as written together ("Sontyo village in
# Wukari": 2; "Kaura local government area in Kaduna": 4); set by hand, not tuned.  The link,
# nest and of_head features added +0.4 points of exact match and +0.25 of overall accuracy in
# pooled 4-fold CV on the train split (0.7785 -> 0.7831, 0.8067 -> 0.8092).
LINK_WINDOW = 6


NEST_LINKS = ("in", "of", "comma")


def _chain_length(doc, places: Sequence, i: int, step: int) -> int:
    """How many places, at most 2, are chained to place i towards `step` by "in", "of" or a
    comma within LINK_WINDOW tokens."""
    n = 0
    while n < 2 and 0 <= i + step < len(places):
        a, b = sorted((places[i], places[i + step]), key=lambda q: q.start)
        words = doc[a.end : b.start]
        if len(words) > LINK_WINDOW or _link(words) not in NEST_LINKS:
            break
        n, i = n + 1, i + step
    return n


def _link_features(doc, places: Sequence, i: int, attach: str, arg: str) -> list[str]:
    """How the place is written next to its neighbouring places: "Jibu in Wukari", "Katarko
    village ... in Gujba LGA", "Ma'an near Kawkab", "Mauthausen, near Linz", "Jerusalem's Hebrew
    University".  The event is located at the narrower place, which news names first and then
    places inside the wider one; the parse often hangs both PPs off the verb, so the
    `contains_place` features miss these.  `next_link=` describes the words up to the next place
    (and its kind), `prev_link=` those since the previous one; `of_head=` the noun a place
    completes ("the city of Nablus", "the outskirts of Nowshera", "the countryside of X")."""
    feats = []
    p = places[i]
    for side, other in (
        ("next", places[i + 1] if i + 1 < len(places) else None),
        ("prev", places[i - 1] if i > 0 else None),
    ):
        if other is None:
            continue
        words = doc[p.end : other.start] if side == "next" else doc[other.end : p.start]
        if len(words) > LINK_WINDOW:
            continue
        link = _link(words)
        feats += [
            f"{side}_link={link}",
            f"{side}_link+kind={link}|{other.kind}",
            f"{side}_link+label={link}|{other.label}",
        ]
    # Place in a chain of places written one inside the next ("Sontyo village in Wukari local
    # government area of Taraba state": 0|2, 1|1, 2|0), crossed with how the place hangs off
    # the trigger: the PP of the wider place often attaches to the verb.
    before, after = _chain_length(doc, places, i, -1), _chain_length(doc, places, i, 1)
    feats += [
        f"nest={before}|{after}",
        f"nest+attach={before}|{after}|{attach}",
        f"nest+arg={before}|{after}|{arg}",
    ]
    root = doc[p.start : p.end].root
    if root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        feats.append(f"of_head={root.head.head.lemma_.lower()}")
    return feats


def _link(words) -> str:
    lower = [t.lower_ for t in words]
    if any(t.tag_ == "POS" for t in words):
        return "poss"
    for key in ("in", "of", "near", "outside", "and", "to", "from"):
        if key in lower:
            return key
    if lower and lower[0] == ",":
        return "comma"
    return "adjacent" if not lower else "other"


NAME_DEPS = ("conj", "appos", "compound", "nmod", "amod", "poss", "nummod")


def _structure_features(trigger, place, root, prep: str, attach: str, group: str) -> list[str]:
    """How the place hangs off the event beyond the nearest preposition:

    * `arg=`: the place (or the noun phrase it names) is an argument of the trigger itself:
      "may recognize Palestine" (dobj), "Iran rejected" (nsubj), "gave Egypt" (dative) -- the
      actor or recipient of an event is rarely where it happened;
    * `chain=`: the prepositions from the place up to the trigger's clause, innermost first
      ("in>of" for "in the outskirts of X");
    * `host=`: the part of speech of the word the preposition hangs off (a PP on the trigger vs
      on a noun);
    * `initial_pp`: a sentence-initial adjunct ("In Kabul, ...");
    * `x_based`: "a Damascus-based group" names where an actor sits, not the event."""
    doc = trigger.doc
    feats = []
    top = root
    while top.dep_ in NAME_DEPS and top.head.i != top.i and top.head.i != trigger.i:
        top = top.head
    if top.head.i == trigger.i and top.i != trigger.i:
        role = top.dep_ if top.dep_ != "pobj" else "pobj"
        feats += [
            f"arg={role}",
            f"arg+group={role}|{group}",
            f"arg+kind={role}|{place.kind}",
            f"arg+pos={role}|{trigger.pos_}",
        ]
    chain, tok = [], top
    for _ in range(6):
        if tok.i == trigger.i or tok.head.i == tok.i:
            break
        if tok.dep_ == "pobj":
            chain.append(tok.head.lower_)
        if tok.head.i == trigger.i or tok.head.pos_ in ("VERB", "AUX") and len(chain) >= 1:
            break
        tok = tok.head
    feats.append(f"chain={'>'.join(chain[:3]) or 'none'}")
    feats.append(f"chain+attach={'>'.join(chain[:2]) or 'none'}|{attach}")
    if top.dep_ == "pobj":
        host = top.head.head
        feats += [f"host={host.pos_}", f"prep+host={prep}|{host.pos_}|{attach}"]
        if (
            top.head.i - trigger.sent.start <= 1
            and top.head.i < trigger.i
            and any(t.text == "," for t in doc[top.i : min(top.right_edge.i + 2, len(doc))])
        ):
            feats.append("initial_pp")
    if (
        place.end + 1 < len(doc)
        and doc[place.end].text == "-"
        and doc[place.end + 1].lower_ in ("based", "led", "backed", "born", "controlled")
    ):
        feats.append(f"x_based={doc[place.end + 1].lower_}")
    return feats


# Feature families crossed pairwise: a preposition means one thing attached to the trigger and
# another attached to its object; a country as an argument differs from a village as one.
PAIRED = (
    "label",
    "kind",
    "prep",
    "prep_attach",
    "chain",
    "arg",
    "dist",
    "nearest",
    "host",
    "dep",
    "tpos",
)


LEMMA_PAIRED = (
    "arg",
    "prep_attach",
    "chain",
    "prep",
    "label",
    "kind",
    "dist",
    "host",
    "dep",
    "nearest",
)


def _pairs(feats: list[str], trigger, known: Optional[frozenset]) -> list[str]:
    base = {
        f.split("=", 1)[0]: f.split("=", 1)[1]
        for f in feats
        if "=" in f and f.split("=", 1)[0] in PAIRED
    }
    base["tpos"] = trigger.pos_
    base.setdefault("arg", "none")
    keys = [k for k in PAIRED if k in base]
    pairs = [f"{a}*{b}={base[a]}|{base[b]}" for n, a in enumerate(keys) for b in keys[n + 1 :]]
    # The event word matters: the object of "captured" is where it happened, the object of
    # "accused" is not.  Lemmas the model saw rarely or never share the "<rare>" weights.
    lemma = event_lemma(trigger, known)
    return pairs + [f"lemma*{k}={lemma}|{base[k]}" for k in LEMMA_PAIRED if k in base]


def _governing_prep(root):
    """The preposition above the place (through conjunctions, appositions, compounds), and a
    function telling how that preposition attaches relative to a trigger."""
    tok = root
    for _ in range(4):
        if (
            tok.dep_ in ("conj", "appos", "compound", "nmod", "amod", "poss")
            and tok.head.i != tok.i
        ):
            tok = tok.head
            continue
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative"):
            prep = tok.head
            if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.head.dep_ == "prep":
                prep = prep.head.head  # "in the city of Y": the outer preposition counts
            return prep.lower_, lambda trig, prep=prep: _attachment(prep, trig)
        break
    return "none", None


def _attachment(prep, trigger) -> str:
    host = prep.head
    if host.i == trigger.i:
        return "trigger"
    if host.head.i == trigger.i and host.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "npadvmod"):
        return "trigger_arg"
    if trigger.head.i == host.i:
        return "trigger_head"
    if host.is_ancestor(trigger):
        return "above_trigger"
    if trigger.is_ancestor(host):
        return "below_trigger"
    return "elsewhere"


def _path(a, b) -> tuple[int, int, int]:
    """Steps up from a to the lowest common ancestor, steps down to b, and verbs in between."""
    up_chain = [a, *a.ancestors]
    b_chain = [b, *b.ancestors]
    b_index = [t.i for t in b_chain]
    common = next((t for t in up_chain if t.i in b_index), None)
    if common is None:
        return 9, 9, 2
    up, down = [t.i for t in up_chain].index(common.i), b_index.index(common.i)
    between = up_chain[1 : up + 1] + b_chain[1:down]
    return up, down, sum(t.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSE_DEPS for t in between)


def _path_labels(a, b) -> str:
    up_chain = [a, *a.ancestors]
    b_chain = [b, *b.ancestors]
    b_index = [t.i for t in b_chain]
    common = next((t for t in up_chain if t.i in b_index), a)
    ups = [t.dep_ for t in up_chain[: [t.i for t in up_chain].index(common.i)]]
    downs = [t.dep_ for t in b_chain[: b_index.index(common.i)]][::-1]
    return "^".join(ups) + ">" + ">".join(downs)


def _bucket(d: int) -> str:
    for edge in (1, 3, 6, 12):
        if abs(d) <= edge:
            return f"{'-' if d < 0 else '+'}{edge}"
    return f"{'-' if d < 0 else '+'}far"


@lru_cache(maxsize=1)
def load_model(path: Optional[str] = None) -> dict:
    target = Path(path) if path else MODEL_PATH
    try:
        model = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(
            path=str(target.name),
            expected="a JSON location-ranker model",
            found=str(exc),
            hint="Run scripts/train_location.py.",
        ) from exc
    if not isinstance(model.get("weights"), dict):
        raise DataFileError(
            path=str(target.name),
            expected="a weights object",
            found=", ".join(model),
            hint="Run scripts/train_location.py.",
        )
    return model

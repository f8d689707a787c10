"""Word senses the lexicon cannot tell apart by construction alone.

    draft = verbal_attack(draft)

"Attack", "fight", "hit", "target" name violence in a war report and words in a political one:
"the senator attacked the bill", "the candidate stepped up her attacks on the mayor", "the minister hit
back at the report".  Annotators code the second kind by what was done, criticism (ACCUSE
111), not by the word.  The sentence decides: a verbal attack has no armed party (no military,
police or rebel sector among the parties, no armed group) and no sign of violence in the
sentence other than the trigger (weapons, troops, casualties: the lexicon's own word classes,
below), has an actor, and is aimed at someone or something that is not a place.
"""

from __future__ import annotations

from dataclasses import replace

from . import codes

# Words whose ASSAULT reading is often a figure of speech in political news.
FIGURATIVE = frozenset(
    {
        "attack",
        "fight",
        "hit",
        "target",
        "battle",
        "blast",
        "bash",
        "strike",
        "shoot",
        "lash",
        "assault",
        "war",
    }
)
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "INS", "UAF"})
# Lexicon word classes (classes.tsv) whose presence in the sentence means real violence.
VIOLENT_CLASSES = ("weapons", "projectiles", "forces", "aircraft", "hostilities")
VIOLENT_WORDS = frozenset(
    {
        "kill",
        "wound",
        "injure",
        "dead",
        "death",
        "casualty",
        "civilian",
        "bomb",
        "shell",
        "shelling",
        "explosion",
        "airstrike",
        "gunman",
        "militant",
        "jihadist",
        "fighter",
        "army",
        "military",
        "police",
        "insurgent",
        "rebel",
        "terrorist",
        "clash",
        "ambush",
        "raid",
        "bullet",
        "gunfire",
        "suicide",
        "bomber",
        "isis",
        "jihadi",
    }
)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset(
    {
        "village",
        "town",
        "city",
        "base",
        "camp",
        "position",
        "checkpoint",
        "border",
        "province",
        "region",
        "area",
        "district",
        "building",
        "convoy",
        "ship",
        "vessel",
        "embassy",
        "compound",
        "outpost",
    }
)


def _violent(trigger, classes: dict) -> bool:
    """A word of violence in the sentence other than the trigger itself."""
    words = set().union(*(classes.get(c, frozenset()) for c in VIOLENT_CLASSES)) | VIOLENT_WORDS
    return any(
        t.lemma_.lower() in words or t.lower_ in words for t in trigger.sent if t.i != trigger.i
    )


def _armed(entities) -> bool:
    """An armed party, or a state named as such ("an attack by the Syrian state")."""
    return any(
        e.sector in ARMED_SECTORS or e.country == "IMG" or (e.country and not e.sector)
        for e in entities
    )


def figurative(draft, classes: dict) -> bool:
    """True when an ASSAULT draft reads as criticism (see the module docstring)."""
    tok = draft.trigger
    if draft.entry.event != "ASSAULT" or tok.lemma_.lower() not in FIGURATIVE:
        return False
    if (
        not draft.actors
        or _armed(draft.actors)
        or _armed(draft.recipients)
        or _violent(tok, classes)
    ):
        return False
    targets = [
        c
        for c in tok.subtree
        if c.dep_ in ("dobj", "pobj")
        and c.head.i in (tok.i, *[p.i for p in tok.children if p.dep_ == "prep"])
    ]
    targets += [a for t in targets for a in t.children if a.dep_ == "appos"]  # "X, the village"
    return bool(targets) and not any(
        t.ent_type_ in PLACE_TYPES or t.lemma_.lower() in PLACE_NOUNS for t in targets
    )


def verbal_attack(draft, classes: dict):
    """The draft as criticism (ACCUSE, CAMEO 111) when its attack is one of words."""
    if not figurative(draft, classes):
        return draft
    draft.entry = replace(
        draft.entry,
        event="ACCUSE",
        mode="disapprove",
        cameo="111",
        quad_class=codes.quad_class("111"),
        goldstein=codes.goldstein("111"),
    )
    return draft

"""`annales actors NAME`: which entry a name resolves to, by which rule, on which day."""

from __future__ import annotations

from datetime import date
from typing import Optional

from .kb import KnowledgeBase, entity_of, normal_form, role_on


def _candidate(
    kb: KnowledgeBase, entry, key: str, day: Optional[date], text: str, sector: Optional[str]
) -> dict:
    role = role_on(entry, day)
    rule = kb.rules.get((entry.kb_id, key), "alias")
    if role is not None and (role.start or role.end):
        rule += f"; role {role.code} from {role.start or '…'} to {role.end or '…'}"
    elif entry.roles and day is None:
        rule += "; dated roles ignored: no publication date"
    if sector:
        rule += f"; sector word -> {sector}"
    return {
        "kb_id": entry.kb_id,
        "name": entry.name,
        "kind": entry.kind,
        "rule": rule,
        "entity": entity_of(kb, entry, day, text=text, sector=sector).to_dict(),
    }


def explain(kb: KnowledgeBase, name: str, day: Optional[date] = None) -> dict:
    """How `name` resolves: the winning entity, the rule, and every candidate (best first).

    Tries the whole name as an alias, then "<alias> <sector word>" ("Israeli troops"), then
    the name as a sector word alone ("the rebels").
    """
    key = normal_form(name)
    out: dict = {
        "name": name,
        "day": day.isoformat() if day else None,
        "entity": None,
        "rule": None,
        "candidates": [],
    }
    words = key.split()
    splits = [(key, None)] + [
        (" ".join(words[:i]), " ".join(words[i:])) for i in range(len(words) - 1, 0, -1)
    ]
    for alias, rest in splits:
        sector = None
        if rest is not None:
            word = kb.sector_words.get(rest) or kb.sector_words.get(rest.rstrip("s"))
            if word is None:
                continue
            sector = word.sector
        found = kb.candidates(alias)
        if found:
            out["candidates"] = [_candidate(kb, e, alias, day, name, sector) for e in found]
            out["entity"] = out["candidates"][0]["entity"]
            out["rule"] = out["candidates"][0]["rule"]
            return out
    word = kb.sector_words.get(key) or kb.sector_words.get(key.rstrip("s"))
    if word is not None:
        out["entity"] = {
            "text": name,
            "name": None,
            "code": None,
            "country": None,
            "sector": word.sector,
            "kb_id": None,
            "start": None,
            "end": None,
        }
        out["rule"] = f"sector word {word.pattern!r} ({word.source}); country unknown"
    return out

"""The readable summary `annales demo` prints: counts, top dyads, and example records shown under
their sentence with the trigger, actor and recipient marked, so a reader sees why each exists."""

from __future__ import annotations

from typing import Optional

from .schema import Event


def mark_sentence(event: Event, article_text: Optional[str]) -> str:
    """The sentence with [A actor], [R recipient] and <<trigger>> marked in place.

    Offsets in the record are article offsets; the sentence's own start is found by searching
    the article text backwards from the trigger, since the sentence contains its trigger.
    """
    sentence = event.sentence
    if not article_text or event.trigger is None:
        return sentence
    base = article_text.rfind(sentence, 0, event.trigger.start + len(sentence))
    if base < 0:
        return sentence
    marks: list[tuple[int, int, str, str]] = [
        (event.trigger.start - base, event.trigger.end - base, "<<", ">>")
    ]
    for role, ents in (("A", event.actor), ("R", event.recipient)):
        for ent in ents:
            if (
                ent.start is not None
                and ent.end is not None
                and base <= ent.start < base + len(sentence)
            ):
                marks.append((ent.start - base, ent.end - base, f"[{role} ", "]"))
    out = sentence
    # Insert from the right so earlier offsets stay valid; skip overlapping spans.
    taken: list[tuple[int, int]] = []
    for start, end, left, right in sorted(marks, key=lambda m: -m[0]):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out = out[:start] + left + out[start:end] + right + out[end:]
    return out


def describe(event: Event) -> str:
    def names(ents) -> str:
        return " + ".join(e.code or e.name or e.text for e in ents) or "-"

    line = (
        f"{event.event}/{event.mode or '-'} (CAMEO {event.cameo}, {event.modality}) "
        f"{names(event.actor)} -> {names(event.recipient)}"
    )
    if event.date:
        line += f", {event.date.value}" + (f" ({event.date.text})" if event.date.text else "")
    a = event.attribution
    if a is not None:
        who = (a.speaker.name or a.speaker.text) if a.speaker else "unknown speaker"
        line += f"; according to {who}" + (" (quoted)" if a.quoted else "")
    return line


def summarize(counts: dict, examples: list[tuple[Event, Optional[str]]]) -> str:
    """`counts` is Store.counts(); `examples` pairs events with their article text."""
    out = [
        f"{counts['articles']} articles, {counts['events']} events, {counts['quotes']} quotes, "
        f"{counts['rejections']} rejections",
        "",
        "Events by type:      " + _pairs(counts["by_event"]),
        "Events by modality:  " + _pairs(counts["by_modality"]),
        "Stories by type:     " + (_pairs(counts.get("by_story_type") or {}) or "-"),
        "",
        "Top dyads (actor country -> recipient country):",
    ]
    for actor, recipient, n in counts["top_dyads"]:
        out.append(f"  {actor or '?':>5} -> {recipient or '?':<5} {n}")
    out += ["", "Examples:"]
    for event, text in examples:
        out += ["", "  " + mark_sentence(event, text), "    " + describe(event)]
    return "\n".join(out) + "\n"


def _pairs(d: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))


def pick_examples(events: list[Event], n: int = 6) -> list[Event]:
    """A varied handful: one per (modality, event type) first, attributed ones included."""
    picked, seen = [], set()
    for e in sorted(events, key=lambda e: (-e.confidence, e.article_id, e.sentence_index)):
        key = (e.modality, e.event)
        if key not in seen and e.actor:
            seen.add(key)
            picked.append(e)
        if len(picked) >= n:
            break
    return picked

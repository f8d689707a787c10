"""Actor-resolution accuracy on the bundled mention set (data/eval/actor_mentions.jsonl).

Each record is a short news text, its publication date, one mention in it (the exact substring
and which occurrence) and the expected code and country.  The texts were written for annales
around the traps the knowledge base must get right: dated roles ("Trump" before and after the
inauguration), titles without names ("Iran's foreign minister"), metonyms ("Foggy Bottom"),
demonym + sector ("Israeli troops"), groups of states ("European countries"), organizations
with their home country (the PLO is PSEGOV, Hezbollah LBNREB) and pronouns or definite
descriptions that must be resolved within the text.

Records carry a `split`: "dev" records were written with the knowledge base and used while
tuning the rules; "heldout" records were written afterwards and scored once before any change
they prompted, so their accuracy is the less flattering, more honest number.

A record is right when `MentionIndex.entity_for(head)` gives exactly the expected code and
country, the head being the syntactic root of the mention's tokens; an expected null code means
"not an actor, or an actor with no known code".

    python -m annales.eval.actors [--limit N] [--misses]
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path
from typing import Optional

from .testsets import read_checked

FILE = Path(__file__).resolve().parent.parent / "data" / "eval" / "actor_mentions.jsonl"
FIELDS = ("text", "published", "mention", "occurrence", "expected_code", "expected_country", "kind")
KINDS = ("country", "igo", "person", "title", "metonym", "demonym_sector", "group", "pronoun")


def problems(rec: dict) -> list[str]:
    missing = [f for f in FIELDS if f not in rec]
    if missing:
        return [f"missing {', '.join(missing)}"]
    if rec["kind"] not in KINDS:
        return [f"kind {rec['kind']!r}"]
    if mention_offset(rec) is None:
        return [f"mention {rec['mention']!r} #{rec['occurrence']} not in the text"]
    return []


def read_records(path: Path = FILE, limit: Optional[int] = None) -> list[dict]:
    """Records in file order (at most `limit`), each checked for its fields and its mention."""
    return read_checked(
        path, problems, "fields " + ", ".join(FIELDS) + " and a kind in " + "|".join(KINDS), limit
    )


def mention_offset(rec: dict) -> Optional[int]:
    """Character offset of the record's n-th whole-word occurrence of its mention, or None
    ("it" is not the "it" inside "with")."""
    pattern = re.compile(r"(?<!\w)" + re.escape(rec["mention"]) + r"(?!\w)")
    found = list(pattern.finditer(rec["text"]))
    n = int(rec["occurrence"])
    return found[n - 1].start() if 0 < n <= len(found) else None


def predict(records: list[dict], nlp, resolver) -> list[dict]:
    """Each record with the predicted code, country, entity name and the head token used."""
    out = []
    texts = ((r["text"], r) for r in records)
    for doc, rec in nlp.pipe(texts, as_tuples=True, batch_size=64):
        start = mention_offset(rec)
        assert start is not None, "problems() keeps records without their mention out"
        span = doc.char_span(start, start + len(rec["mention"]), alignment_mode="expand")
        published = date.fromisoformat(rec["published"]) if rec["published"] else None
        mentions = resolver(doc, published)
        entity = mentions.entity_for(span.root) if span is not None and len(span) else None
        out.append(
            {
                **rec,
                "head": span.root.text if span is not None and len(span) else None,
                "code": entity.code if entity else None,
                "country": entity.country if entity else None,
                "name": entity.name if entity else None,
            }
        )
    return out


def is_right(row: dict) -> bool:
    return (row["code"], row["country"]) == (row["expected_code"], row["expected_country"])


def score(rows: list[dict]) -> dict:
    by_kind: dict[str, dict] = {}
    for kind in KINDS:
        these = [r for r in rows if r["kind"] == kind]
        if these:
            right = sum(is_right(r) for r in these)
            by_kind[kind] = {"n": len(these), "accuracy": round(right / len(these), 4)}
    by_split: dict[str, dict] = {}
    for split in sorted({r.get("split", "dev") for r in rows}):
        these = [r for r in rows if r.get("split", "dev") == split]
        by_split[split] = {
            "n": len(these),
            "accuracy": round(sum(map(is_right, these)) / len(these), 4),
        }
    right = sum(is_right(r) for r in rows)
    return {
        "n": len(rows),
        "overall": round(right / len(rows), 4) if rows else None,
        "by_kind": by_kind,
        "by_split": by_split,
        "misses": [
            {
                k: r[k]
                for k in (
                    "text",
                    "published",
                    "mention",
                    "kind",
                    "expected_code",
                    "expected_country",
                    "code",
                    "country",
                    "head",
                )
            }
            for r in rows
            if not is_right(r)
        ],
    }


def evaluate(limit: Optional[int] = None, nlp=None, resolver=None) -> dict:
    """{n, overall, by_kind: {kind: {n, accuracy}}, misses: [...], seconds} over the set,
    parsed with the pipeline's spaCy model and an ActorResolver over the built-in KB."""
    began = time.perf_counter()
    if nlp is None:
        from .. import nlp as _nlp

        nlp = _nlp.load()
    if resolver is None:
        from ..actors import ActorResolver, load_kb

        resolver = ActorResolver(load_kb(), nlp.vocab)
    result = score(predict(read_records(limit=limit), nlp, resolver))
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result


def main(argv: Optional[list[str]] = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m annales.eval.actors", description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    r = evaluate(args.limit)
    print(f"actor mentions: n={r['n']} overall={r['overall']} ({r['seconds']}s)")
    for kind, s in r["by_kind"].items():
        print(f"  {kind:15} n={s['n']:4} accuracy={s['accuracy']}")
    for split, s in r["by_split"].items():
        print(f"  split {split:9} n={s['n']:4} accuracy={s['accuracy']}")
    if args.misses:
        for m in r["misses"]:
            print(
                f"- [{m['kind']}] {m['mention']!r} ({m['published']}): expected "
                f"{m['expected_code']}/{m['expected_country']}, got {m['code']}/{m['country']}"
                f" (head {m['head']!r}) in: {m['text']}"
            )


if __name__ == "__main__":
    main()

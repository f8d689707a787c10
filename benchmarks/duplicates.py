"""Near-duplicates and event merging on a corpus of repeated wire stories.

    python benchmarks/duplicates.py [--corpus tests/data/wire_stories.jsonl] [--json]

Ingests the corpus (JSONL with a `story` label per article: versions of one story share it)
into a fresh store and prints how many same-story article pairs were linked, how many
different-story pairs were linked by mistake, how many repeated event records were merged
into one real-world event, and how many real-world events wrongly merge distinct stories
(annales.eval.duplicates says how each figure is counted).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO / "tests" / "data" / "wire_stories.jsonl"))
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    from annales import Pipeline
    from annales.eval.duplicates import score
    from annales.jobs import ingest
    from annales.store import Store

    corpus = Path(args.corpus)
    labels = {r["id"]: r["story"] for r in map(json.loads, corpus.read_text("utf-8").splitlines())}
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "dups.duckdb")
        ingest([str(corpus)], db, Pipeline())
        with Store(db, read_only=True) as store:
            figures = score(store.con, labels)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        f = figures
        print(f"articles {f['articles']} in {f['stories']} stories")
        print(f"same-story article pairs linked: {f['linked_pairs']} of {f['same_story_pairs']}")
        print(f"different-story article pairs linked (wrong): {f['wrong_links']}")
        print(f"event records {f['records']} -> real-world events {f['real_events']}")
        print(f"repeated records merged: {f['merged_records']} of {f['mergeable_records']}")
        print(f"real-world events merging distinct stories (wrong): {f['wrong_events']}")
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])

"""Throughput: annales end to end against spaCy's parse alone, on the same texts.

    python benchmarks/throughput.py [--data ../shared/news/bbc] [--limit 200] [--json]

The parse is most of the cost, so the figure that matters is the ratio of annales' speed to
spaCy's own `nlp.pipe` with the same pipeline (goal: >= 0.7).  Both are warmed up, then timed
alternately `--rounds` times and the best run of each is kept: on a small shared machine the
noise is one-sided (a run is only ever slowed down by its neighbours).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import sys
import time
from pathlib import Path


def read_texts(folder: Path, limit: int) -> list[str]:
    path = folder / "test.csv"
    if not path.exists():
        sys.exit(f"benchmark data not found: expected {path} (see --data)")
    csv.field_size_limit(10_000_000)
    with open(path, encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f) if row.get("text", "").strip()]
    return texts[:limit]


def timed(fn) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result).  CPU time is the steadier figure
    when other processes share the cores; wall time is what a user waits."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("ANNALES_NEWS", "../shared/news/bbc"))
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from annales import Pipeline
    from annales import nlp as annales_nlp
    from annales.schema import Article

    texts = read_texts(Path(args.data), args.limit)
    articles = [Article(id=Article.make_id(t), text=t) for t in texts]
    nlp = annales_nlp.load()
    pipeline = Pipeline()  # built-in knowledge base, same spaCy pipeline object

    def spacy_only():
        return list(nlp.pipe(texts, batch_size=args.batch_size))

    def annales_all():
        return list(pipeline.code_articles(articles, batch_size=args.batch_size))

    # warm-up: first-call costs (vocab growth, lazy tables, matcher compilation) are not speed
    list(nlp.pipe(texts[:16], batch_size=args.batch_size))
    list(pipeline.code_articles(articles[:16], batch_size=args.batch_size))

    spacy_times, annales_times, spacy_cpu, annales_cpu = [], [], [], []
    docs, coded = None, None
    for _ in range(args.rounds):  # alternate, so drift in machine load hits both alike
        t, c, docs = timed(spacy_only)
        spacy_times.append(t)
        spacy_cpu.append(c)
        t, c, coded = timed(annales_all)
        annales_times.append(t)
        annales_cpu.append(c)
    sentences = sum(len(list(d.sents)) for d in docs)
    events = sum(len(c.events) for c in coded)
    t_spacy, t_annales = min(spacy_times), min(annales_times)
    result = {
        "articles": len(texts),
        "sentences": sentences,
        "events": events,
        "spacy_sentences_per_s": round(sentences / t_spacy, 1),
        "annales_sentences_per_s": round(sentences / t_annales, 1),
        "ratio_annales_to_spacy": round(t_spacy / t_annales, 3),
        "ratio_cpu_annales_to_spacy": round(min(spacy_cpu) / min(annales_cpu), 3),
        "annales_articles_per_s": round(len(texts) / t_annales, 2),
        "spacy_seconds": [round(t, 2) for t in spacy_times],
        "annales_seconds": [round(t, 2) for t in annales_times],
        # ru_maxrss is in KiB on Linux
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{len(texts)} articles, {sentences} sentences, {events} events")
        print(f"spaCy nlp.pipe : {result['spacy_sentences_per_s']:8.1f} sentences/s")
        print(
            f"annales        : {result['annales_sentences_per_s']:8.1f} sentences/s, "
            f"{result['annales_articles_per_s']:.2f} articles/s"
        )
        print(
            f"ratio annales/spaCy: {result['ratio_annales_to_spacy']:.3f} wall, "
            f"{result['ratio_cpu_annales_to_spacy']:.3f} CPU (goal >= 0.7)"
        )
        print(
            f"wall seconds per round: spaCy {result['spacy_seconds']}, "
            f"annales {result['annales_seconds']}"
        )
        print(f"peak memory: {result['peak_rss_mib']} MiB")
    return result


if __name__ == "__main__":
    main()

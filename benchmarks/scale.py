"""Scale: the BBC corpus through each runner, in one run, against spaCy's parse alone.

    python benchmarks/scale.py [--data ../shared/news/bbc] [--limit 100] [--json]
                               [--configs spacy,local-1,local-2,spark-2]

Each configuration runs in a fresh process of its own, so that its start-up (importing spaCy,
building the pipeline in each worker, starting Spark's JVM) is measured from cold and its memory
is its own:

    spacy     spaCy's nlp.pipe alone, one process (the reference, as in throughput.py)
    local-1   annales, in-process (--workers 1)
    local-2   annales, two worker processes (--workers 2)
    spark-2   annales on Spark, local[2] (--engine spark)

Each configuration runs twice from cold: on one article, whose time is its start-up (what a
user waits for the first record), and on all of them.  For each: articles/s, sentences/s and
events/s over the whole run (start-up included); the steady rate, (N - 1) articles in the time
the whole run took beyond the one-article run (the rate a long run approaches); the start-up;
the peak memory of each worker; and the ratio of its steady sentences/s to spaCy's.  The three
annales runs must give the same records: `identical` says whether they did.  Timings are one
run's on whatever machine runs it; compare ratios, not absolute rates.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import read_texts  # noqa: E402 - the same texts as the throughput benchmark

CONFIGS = ("spacy", "local-1", "local-2", "spark-2")


class Sampler(threading.Thread):
    """The peak resident memory (VmHWM) of every Python process under this one, read from
    /proc twice a second: the workers of a pool or of Spark, which this process never waits
    for (so getrusage cannot see them)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peaks: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            for pid in _descendants(os.getpid()):
                peak = _python_peak_mib(pid)
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), peak)

    def stop(self) -> dict[int, float]:
        self.done.set()
        self.join()
        return self.peaks


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        children = [p for p, pp in parents.items() if pp in frontier]
        found.extend(children)
        frontier = children
    return found


def _python_peak_mib(pid: int) -> float:
    try:
        if b"python" not in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]:
            return 0.0  # Spark's JVM, the resource tracker's shell: not a worker
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def one(config: str, texts: list[str]) -> dict:
    """One configuration, timed from cold in this (fresh) process."""
    start = time.perf_counter()
    if config == "spacy":
        from annales import nlp

        model = nlp.load()
        docs = list(model.pipe(texts, batch_size=32))
        return _figures(
            start,
            len(texts),
            sum(len(list(d.sents)) for d in docs),
            0,
            None,
            [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024],
        )

    from annales.runners import LocalRunner, PipelineSpec, PoolRunner, wire
    from annales.schema import Article, CodedArticle

    articles = [Article(id=Article.make_id(t), text=t) for t in texts]
    sampler = Sampler()
    sampler.start()
    if config == "local-1":
        runner = LocalRunner(PipelineSpec().build())
    elif config == "local-2":
        runner = PoolRunner(PipelineSpec(), workers=2)
    else:
        from annales.runners.spark import SparkRunner

        runner = SparkRunner(PipelineSpec(), master="local[2]", partitions=2)
    events = 0
    digest = hashlib.sha256()
    for out in runner.run(articles):
        events += len(out.events) if isinstance(out, CodedArticle) else 0
        digest.update(wire.encode([out]).encode())  # every field of every record
    peaks = list(sampler.stop().values())
    if config == "local-1":  # the worker is this process
        peaks = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
    return _figures(start, len(texts), None, events, digest.hexdigest(), peaks)


def _figures(start: float, articles: int, sentences, events: int, digest, peaks):
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "articles": articles,
        "sentences": sentences,
        "events": events,
        "records_sha256": digest,
        "peak_worker_mib": round(max(peaks), 1) if peaks else None,
        "workers_seen": len(peaks),
    }


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("ANNALES_NEWS", "../shared/news/bbc"))
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument(
        "--configs", default=",".join(CONFIGS), help=f"comma-separated, of {', '.join(CONFIGS)}"
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # a configuration, in a child process
    args = ap.parse_args(argv)

    texts = read_texts(Path(args.data), args.limit)
    if args.one:
        print(json.dumps(one(args.one, texts)))
        return {}
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        sys.exit(f"unknown configuration(s) {sorted(unknown)}: expected some of {CONFIGS}")
    runs = {}
    for config in ["spacy"] + [c for c in configs if c != "spacy"]:
        runs[config] = _child(config, args.data, args.limit)
        runs[config]["startup_s"] = _child(config, args.data, 1)["seconds"]
    result = _summary(runs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return result


def _child(config: str, data: str, limit: int) -> dict:
    child = subprocess.run(
        [sys.executable, __file__, "--one", config, "--data", data, "--limit", str(limit)],
        capture_output=True,
        text=True,
    )
    if child.returncode != 0:
        sys.exit(f"{config} failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def _steady(run: dict) -> float:
    """Articles a second beyond the first: (N - 1) over the time the run took beyond one
    article's from cold.  On a corpus so small that the run took hardly longer than the cold
    start (noise can even make it shorter), that difference measures nothing: the whole
    run's rate is given instead."""
    beyond = run["seconds"] - run["startup_s"]
    if run["articles"] < 2 or beyond < 0.1 * run["seconds"]:
        return run["articles"] / max(run["seconds"], 1e-9)
    return (run["articles"] - 1) / beyond


def _summary(runs: dict) -> dict:
    sentences = runs["spacy"]["sentences"]  # the parse's count: the same texts for every run
    per_article = sentences / runs["spacy"]["articles"]
    spacy_rate = _steady(runs["spacy"]) * per_article
    table = {}
    for name, r in runs.items():
        table[name] = {
            "articles_per_s": round(r["articles"] / r["seconds"], 2),
            "sentences_per_s": round(sentences / r["seconds"], 1),
            "events_per_s": round(r["events"] / r["seconds"], 1),
            "steady_articles_per_s": round(_steady(r), 2),
            "steady_sentences_per_s": round(_steady(r) * per_article, 1),
            "startup_s": r["startup_s"],
            "seconds": r["seconds"],
            "events": r["events"],
            "peak_worker_mib": r["peak_worker_mib"],
            "ratio_to_spacy": round(_steady(r) * per_article / spacy_rate, 3),
        }
    digests = {r["records_sha256"] for n, r in runs.items() if n != "spacy"}
    return {
        "articles": runs["spacy"]["articles"],
        "sentences": sentences,
        "cores": len(os.sched_getaffinity(0)),
        "runs": table,
        "identical": len(digests) == 1,
    }


def _print(result: dict) -> None:
    print(
        f"{result['articles']} articles, {result['sentences']} sentences, {result['cores']} cores"
    )
    print(
        f"{'run':9} {'art/s':>7} {'sent/s':>8} {'events/s':>9} {'steady sent/s':>14} "
        f"{'start s':>8} {'MiB/worker':>11} {'x spaCy':>8}"
    )
    for name, r in result["runs"].items():
        print(
            f"{name:9} {r['articles_per_s']:7.2f} {r['sentences_per_s']:8.1f} "
            f"{r['events_per_s']:9.1f} {r['steady_sentences_per_s']:14.1f} "
            f"{r['startup_s']:8.2f} {r['peak_worker_mib'] or 0:11.1f} "
            f"{r['ratio_to_spacy']:8.3f}"
        )
    print(f"same records from every annales run: {result['identical']}")


if __name__ == "__main__":
    main()

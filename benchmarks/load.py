"""Load on `annales serve`, on loopback only: concurrent clients query the API, first alone,
then while the server ingests posted articles (POST /api/ingest), and the script reports
requests per second, p50/p99 latency and errors of each phase.  Bounded: each phase stops after
--seconds or --max-requests, whichever comes first, and the server is stopped at the end.

    python benchmarks/load.py                        # store built from the sample corpus
    python benchmarks/load.py --db events.duckdb     # a copy of this store (never written)

It measures, it asserts nothing: run it and read the numbers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import resources

QUERIES = [
    "/api/events?limit=50",
    "/api/events?limit=50&actor_country=USA",
    "/api/events?limit=20&modality=hypothetical&format=csv",
    "/api/events?limit=20&since=2017&until=2019&format=jsonl",
    "/api/events?limit=20&text=sanctions",
    "/api/dyads?limit=20",
    "/api/actors?limit=20",
    "/api/timeseries?interval=month&by=event",
    "/api/countries?by=location",
    "/events.json?country=UKR",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(path: str) -> None:
    from annales import Pipeline
    from annales.jobs import ingest
    from annales.store import Store

    corpus = resources.files("annales") / "data" / "corpus" / "articles.jsonl"
    with resources.as_file(corpus) as src, Store(path) as store:
        ingest([str(src)], store, Pipeline())


def corpus_copies(copies: int) -> str:
    """The sample corpus `copies` times over with fresh ids: new articles to ingest."""
    corpus = resources.files("annales") / "data" / "corpus" / "articles.jsonl"
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    tag = secrets.token_hex(4)
    return "".join(
        json.dumps(r | {"id": f"{r['id']}-load-{tag}-{i}", "source": "load test"}) + "\n"
        for i in range(copies)
        for r in records
    )


def client(
    port: int,
    stop: threading.Event,
    deadline: float,
    budget: list,
    out: list,
    errors: list,
    offset: int,
) -> None:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = offset
    while not stop.is_set() and time.monotonic() < deadline:
        with LOCK:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        path = QUERIES[i % len(QUERIES)]
        i += 1
        t0 = time.perf_counter()
        try:
            con.request("GET", path)
            r = con.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            con.close()
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out.append(time.perf_counter() - t0)
        if status != 200:
            errors.append((path, status))
    con.close()


LOCK = threading.Lock()


def phase(
    port: int, clients: int, seconds: float, max_requests: int, stop: threading.Event | None = None
) -> dict:
    stop = stop or threading.Event()
    latencies: list[float] = []
    errors: list = []
    budget = [max_requests]
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, stop, deadline, budget, latencies, errors, k))
        for k in range(clients)
    ]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    return {
        "requests": len(ms),
        "seconds": round(wall, 2),
        "requests_per_s": round(len(ms) / wall, 1) if wall else None,
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p99_ms": round(ms[min(len(ms) - 1, int(0.99 * len(ms)))], 1) if ms else None,
        "errors": len(errors),
        "error_examples": errors[:5],
    }


def post(port: int, path: str, body: bytes, headers: dict) -> tuple[int, dict]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    con.request("POST", path, body=body, headers=headers)
    r = con.getresponse()
    data = json.loads(r.read() or b"{}")
    con.close()
    return r.status, data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="store to copy (default: build one from the sample corpus)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=15.0, help="longest a phase runs")
    ap.add_argument("--max-requests", type=int, default=20000, help="most requests a phase")
    ap.add_argument(
        "--copies",
        type=int,
        default=4,
        help="ingest the sample corpus this many times over (fresh ids)",
    )
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="annales-load-")
    db = os.path.join(work, "load.duckdb")
    if args.db:
        shutil.copy(args.db, db)
    else:
        print("building the store from the sample corpus...", file=sys.stderr)
        build_store(db)
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "annales",
            "serve",
            "--db",
            db,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=os.environ | {"ANNALES_TOKEN": token},
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        report = {"clients": args.clients, "queries": QUERIES}
        phase(port, 2, 2.0, 200)  # warm-up
        report["without_ingest"] = phase(port, args.clients, args.seconds, args.max_requests)
        # load the pipeline before timing the ingest phase, so it measures coding and writing
        post(
            port,
            "/api/code",
            b'{"text": "Iran rejected the plan."}',
            {"content-type": "application/json"},
        )
        body = corpus_copies(args.copies).encode()
        done = threading.Event()
        result: dict = {}

        def run_ingest():
            t0 = time.perf_counter()
            status, data = post(
                port,
                "/api/ingest",
                body,
                {"authorization": f"Bearer {token}", "content-type": "application/x-ndjson"},
            )
            result.update(
                status=status,
                seconds=round(time.perf_counter() - t0, 2),
                new_articles=data.get("new_articles"),
                events=data.get("events"),
            )
            done.set()

        ingest = threading.Thread(target=run_ingest)
        ingest.start()
        time.sleep(0.2)
        report["during_ingest"] = phase(
            port, args.clients, args.seconds * 4, args.max_requests, stop=done
        )
        ingest.join()
        report["during_ingest"]["ingest"] = result
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, indent=2))
    for name in ("without_ingest", "during_ingest"):
        r = report[name]
        print(
            f"{name:15} {r['requests']:6} requests  {r['requests_per_s']:7} req/s  "
            f"p50 {r['p50_ms']} ms  p99 {r['p99_ms']} ms  errors {r['errors']}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

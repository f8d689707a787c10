"""Start-up: how long `annales code` takes to print its first record for a one-line file, and
how long `import annales` takes, with an empty cache (the first run after installing or
changing data) and with a warm one.

    python benchmarks/startup.py [--rounds 3] [--json]

Each figure is the best of `--rounds` runs in fresh processes (on a shared machine the noise
only ever slows a run down).  The ratio cold/warm is what the cache buys; the absolute times
depend on the machine, so no test asserts them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = "Iran rejected the proposal on Monday, a government spokesman said.\n"


def first_record_seconds(path: Path, env: dict) -> float:
    """Wall time from process start to the first line on stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "annales",
            "code",
            str(path),
            "--published",
            "2017-01-12",
            "--format",
            "jsonl",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    line = proc.stdout.readline()
    took = time.perf_counter() - start
    proc.stdout.read()
    if proc.wait() != 0 or not line.startswith("{"):
        sys.exit(f"annales code printed no record (exit {proc.returncode})")
    return took


def import_seconds(env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import annales"], check=True, env=env)
    return time.perf_counter() - start


def python_seconds(env: dict) -> float:
    """The interpreter alone: what any command pays before annales runs."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
    return time.perf_counter() - start


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "one.txt"
        text.write_text(TEXT, encoding="utf-8")
        env = dict(os.environ, ANNALES_CACHE_DIR=str(Path(tmp) / "cache"))
        cold = []
        for n in range(args.rounds):
            env["ANNALES_CACHE_DIR"] = str(Path(tmp) / f"cold{n}")  # empty each time
            cold.append(first_record_seconds(text, env))
        warm = [first_record_seconds(text, env) for _ in range(args.rounds)]
        result = {
            "python_s": round(min(python_seconds(env) for _ in range(args.rounds)), 3),
            "import_s": round(min(import_seconds(env) for _ in range(args.rounds)), 3),
            "first_record_cold_s": round(min(cold), 3),
            "first_record_warm_s": round(min(warm), 3),
        }
    result["ratio_cold_to_warm"] = round(
        result["first_record_cold_s"] / result["first_record_warm_s"], 2
    )
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")
    return result


if __name__ == "__main__":
    main()

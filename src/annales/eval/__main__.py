"""`python -m annales.eval [--data DIR] [--sets petrarch,ngec] [--limit N] [--json]
[--dump FILE]`: print the evaluation table; --dump writes every record's gold and prediction
as JSON lines."""

from __future__ import annotations

import argparse
import json
import os

from . import SETS, run


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m annales.eval", description=__doc__)
    ap.add_argument("--data", default=os.environ.get("ANNALES_DATA", "../shared/data"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", default=None)
    args = ap.parse_args(argv)
    report = run(args.data, [s for s in args.sets.split(",") if s], args.limit)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for result in report.results:
                for row in result.details:
                    f.write(json.dumps({"set": result.name, **row}, default=str) + "\n")
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.table())


if __name__ == "__main__":
    main()

"""`marsad bench`: articles per second and peak memory of ingest, clean+segment and analyze."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    from marsad.benchmark import DEFAULT_CORPUS, STAGE_NAMES

    p = sub.add_parser("bench", help="measure throughput and peak memory on the first N articles of a dump")
    p.add_argument("--n", type=int, default=2000, help="articles to use (default %(default)s)")
    p.add_argument(
        "--stages", default=",".join(STAGE_NAMES), help=f"comma-separated, from {', '.join(STAGE_NAMES)} (default: all)"
    )
    p.add_argument("--path", default=str(DEFAULT_CORPUS), help="a JSON Lines dump (default: the SaudiNewsNet file in ../shared)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.benchmark import HEADER, run_stage

    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    print(f"corpus: {args.path}, first {args.n} records")
    print(HEADER)
    for stage in stages:
        try:
            result = run_stage(stage, args.path, args.n)
        except (ValueError, FileNotFoundError, RuntimeError) as exc:
            print(f"marsad bench: {exc}", file=sys.stderr)
            return 2
        print(result.row(), flush=True)
    return 0

"""`marsad process` (annotate stored articles, run corpus stages) and `marsad demo`."""

from __future__ import annotations

import argparse
import sys

from marsad.pipeline import STAGE_NAMES, select_stages
from marsad.store import open_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("process", help="annotate stored articles (entities, time, quotes, events) and merge across articles")
    p.add_argument("--batch-size", type=int, default=100)
    p.add_argument("--force", action="store_true", help="re-annotate articles that are already processed")
    p.add_argument("--stages", help=f"comma-separated subset of {','.join(STAGE_NAMES)}")
    p.add_argument("--no-corpus", action="store_true", help="skip the corpus stages (entity linking, event merging)")
    p.set_defaults(func=cmd_process)

    p = sub.add_parser("demo", help="ingest and process the bundled sample corpus, then show what Marsad found")
    p.set_defaults(func=cmd_demo)


def cmd_process(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from marsad.corpus.process import process_store

    stages = select_stages(args.stages.split(",")) if args.stages else None
    with open_store(args.db) as store:
        bar = tqdm(unit="article", disable=not sys.stderr.isatty(), file=sys.stderr)
        report = process_store(
            store, batch_size=args.batch_size, force=args.force, stages=stages,
            corpus=not args.no_corpus, progress=bar.update,
        )
        bar.close()
    print(f"processed {report.processed} articles ({report.warnings} warnings)")
    for name, summary in report.corpus.items():
        print(f"corpus stage {name}: {_brief(summary)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from marsad.demo import run_demo

    return run_demo(args.db, out=sys.stdout)


def _brief(summary: object) -> str:
    """Counts only: a corpus stage may return its whole output, which does not belong on a terminal."""
    if isinstance(summary, dict):
        parts = [f"{k}={v}" for k, v in summary.items() if isinstance(v, int | float | str)]
        return ", ".join(parts) or "done"
    if isinstance(summary, list | tuple):
        return f"{len(summary)} records"
    return str(summary)

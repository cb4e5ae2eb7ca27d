"""The main job on the bundled sample corpus: ingest, process, and show what was found.

It is a scripted sequence of ordinary `marsad` commands, so everything the demo
shows can be reproduced one command at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

SAMPLES = Path(__file__).resolve().parent / "samples"


def demo_steps(db: str) -> list[tuple[str, list[str]]]:
    base = ["--db", db]
    return [
        ("Ingest the bundled sample corpus (cleaning, dedup, metadata)", base + ["ingest", str(SAMPLES)]),
        ("Annotate every article and merge events across outlets", base + ["process"]),
        ("Stored articles", base + ["list"]),
        ("Entities unified across spellings and articles", base + ["entities", "--limit", "15"]),
        ("Who said what, according to whom", base + ["quotes", "--limit", "12"]),
        ("Timeline of merged events", base + ["timeline"]),
    ]


def run_demo(db: str | None, out: TextIO) -> int:
    from marsad.cli import main

    db = db or "marsad-demo.db"
    worst = 0
    for title, argv in demo_steps(db):
        print(f"\n=== {title}\n$ marsad {' '.join(argv)}", file=out, flush=True)
        code = main(argv)
        # A sample item that fails to ingest is reported by ingest itself; the demo goes on.
        worst = max(worst, code if argv[2] != "ingest" else 0)
    print(f"\nThe store is {db}: try `marsad --db {db} show ID` on an id from the list above.", file=out)
    return worst

"""The `marsad` command: a thin shell over the Python API.

Each module in COMMAND_MODULES defines ``register(subparsers)`` and adds its
subcommands; a subcommand sets ``func(args) -> int`` as its handler.  No
command holds logic of its own beyond parsing arguments and printing.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "marsad.cli.ingest",      # ingest, analyze
    "marsad.cli.browse",      # list, show, failures
    "marsad.cli.process",     # process, demo
    "marsad.cli.ner",         # tag
    "marsad.cli.entities",    # entities
    "marsad.cli.quotes",      # quotes
    "marsad.cli.events",      # events, timeline
    "marsad.cli.evaluate",    # eval ner|time|statements|events
    "marsad.cli.bench",       # bench
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news to an auditable record of political events.")
    parser.add_argument("--db", help="store location (default: $MARSAD_DB or ./marsad.db)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

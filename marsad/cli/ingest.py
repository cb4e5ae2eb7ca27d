"""`marsad ingest` (read inputs into the store) and `marsad analyze` (run the pipeline, print JSON)."""

from __future__ import annotations

import argparse
import json
import sys

from marsad.ingest import IngestFailure, IngestOptions, SidecarError, parse_field_overrides, read_inputs
from marsad.ingest.load import DEFAULT_BATCH_SIZE, store_articles

_SHOWN_FAILURES = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read files, folders, feeds or URLs into the store")
    _input_arguments(p)
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="articles per transaction (default %(default)s)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=run_ingest)

    a = sub.add_parser("analyze", help="run the full pipeline on inputs and print JSON, storing nothing")
    _input_arguments(a, stdin=True)
    a.add_argument("--format", choices=("json", "jsonl"), default="json", help="a JSON array or one object per line")
    a.add_argument("--layers", help="comma-separated layers to output (and the stages they need)")
    a.add_argument("--tokens", action="store_true", help="include the tokens layer")
    a.set_defaults(func=run_analyze)


def _input_arguments(p: argparse.ArgumentParser, stdin: bool = False) -> None:
    helptext = "files, folders, http(s) URLs of pages or feeds"
    if stdin:
        helptext += "; '-' reads one article's text from stdin"
    p.add_argument("inputs", nargs="+" if not stdin else "*", metavar="PATH|URL", help=helptext)
    p.add_argument("--meta", help="sidecar metadata in meta.jsonl form ({file, published, outlet, wires})")
    p.add_argument("--outlet", help="outlet name for every article (overrides the input's)")
    p.add_argument("--published", help="publication date for every article (overrides the input's)")
    p.add_argument(
        "--field", action="append", default=[], metavar="KEY=NAME",
        help="record field names for JSON inputs, e.g. --field text=body --field published=pub_date",
    )
    p.add_argument("--max-mb", type=float, default=20.0, help="largest single document to read (default %(default)s MB)")
    p.add_argument("--timeout", type=float, default=20.0, help="network timeout in seconds (default %(default)s)")


def _options(args: argparse.Namespace) -> IngestOptions:
    from marsad.ingest.dates import normalize_date

    if args.published and not normalize_date(args.published):
        raise ValueError(f"--published {args.published!r} is not a date (use YYYY-MM-DD)")
    if args.max_mb <= 0:
        raise ValueError("--max-mb must be positive")
    return IngestOptions(
        meta_file=args.meta,
        outlet=args.outlet,
        published=args.published,
        fields=parse_field_overrides(args.field),
        max_bytes=int(args.max_mb * 1024 * 1024),
        timeout=args.timeout,
    )


def run_ingest(args: argparse.Namespace) -> int:
    from marsad.store import open_store

    try:
        options = _options(args)
        if options.meta_file:
            from marsad.ingest.sidecar import load_sidecar

            load_sidecar(options.meta_file)
    except (ValueError, SidecarError) as exc:
        print(f"marsad ingest: {exc}", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("marsad ingest: --batch-size must be at least 1", file=sys.stderr)
        return 2
    from tqdm import tqdm

    store = open_store(args.db)
    bar = tqdm(desc="ingest", unit="doc", file=sys.stderr, disable=True if args.no_progress else None, mininterval=1.0)
    try:
        report = store_articles(store, read_inputs(args.inputs, options), args.batch_size, progress=bar.update)
    finally:
        bar.close()
        store.close()
    for failure in report.failures[:_SHOWN_FAILURES]:
        print(f"failed: {failure}", file=sys.stderr)
    if report.failed > _SHOWN_FAILURES:
        print(f"... and {report.failed - _SHOWN_FAILURES} more failures (see the store's failure log)", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def run_analyze(args: argparse.Namespace) -> int:
    from marsad.ingest.analyze import analyze_inputs

    inputs = args.inputs or ["-"]
    layers = args.layers.split(",") if args.layers else None
    try:
        options = _options(args)
        if options.meta_file:
            from marsad.ingest.sidecar import load_sidecar

            load_sidecar(options.meta_file)
        items = analyze_inputs(inputs, options, layers, tokens=args.tokens)
    except (ValueError, SidecarError) as exc:
        print(f"marsad analyze: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"marsad analyze: a pipeline stage cannot be loaded: {exc}", file=sys.stderr)
        return 2
    out = sys.stdout
    failed = written = 0
    if args.format == "json":
        out.write("[")
    for item in items:
        if isinstance(item, IngestFailure):
            failed += 1
            print(f"failed: {item}", file=sys.stderr)
            continue
        line = json.dumps(item, ensure_ascii=False)
        if args.format == "json":
            out.write(("\n" if not written else ",\n") + line)
        else:
            out.write(line + "\n")
        written += 1
    if args.format == "json":
        out.write("\n]\n" if written else "]\n")
    out.flush()
    return 1 if failed else 0


"""`marsad events` (merged event records) and `marsad timeline` (one dated line per event)."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from marsad.events.ontology import CONTEXTS, EVENT_TYPES
from marsad.store import open_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list events merged across articles and outlets")
    _filters(p)
    p.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")
    p.add_argument("--limit", type=int, default=0, help="show at most this many (0 = all)")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("timeline", help="a dated timeline of merged events with their sources")
    _filters(p)
    p.add_argument("--story", help="a story id or name (or an article id prefix / title words)")
    p.add_argument("--all", action="store_true", help="also show denied, future and hypothetical events")
    p.set_defaults(func=cmd_timeline)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="actor code prefix (RUS, RUSGOV) or name (لافروف, Lavrov)")
    p.add_argument("--type", choices=EVENT_TYPES, type=str.upper, help="PLOVER event type")
    p.add_argument("--since", help="ISO date, inclusive")
    p.add_argument("--until", help="ISO date, inclusive")
    p.add_argument("--context", choices=CONTEXTS, action="append", help="keep only these contexts (repeatable)")


def _select(store, args: argparse.Namespace, articles: set[str] | None = None, contexts=None) -> list[dict]:
    from marsad.corpus.events import filter_events, load_events

    return filter_events(load_events(store), actor=args.actor, etype=args.type, since=args.since, until=args.until,
                         articles=articles, contexts=args.context or contexts)


def cmd_events(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        records = _select(store, args)
    if args.limit:
        records = records[: args.limit]
    if args.format == "jsonl":
        for r in records:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    rows = [_row(r) for r in records]
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["id", "date", "granularity", "type", "mode", "context", "source", "target", "place", "n_reports",
                    "n_outlets", "outlets", "evidence"])
        w.writerows(rows)
        return 0
    for r in rows:
        print(f"{r[0]}  {r[1]:<10} {r[3]:<9} {r[6]:<8} → {r[7]:<8} {r[5]:<12} {r[9]:>2} reports  {r[12][:60]}")
    print(f"({len(rows)} events)")
    return 0


def _row(r: dict) -> list:
    date_ = r.get("date") or {}
    first = (r.get("reports") or [{}])[0]
    return [
        r["id"], date_.get("value") or "", date_.get("granularity") or "", r["type"], r.get("mode") or "",
        r.get("context") or "", (r.get("source") or {}).get("actor") or "", (r.get("target") or {}).get("actor") or "",
        (r.get("place") or {}).get("name") or "", r.get("n_reports", 0), r.get("n_outlets", 0),
        "; ".join(r.get("outlets") or []), " ".join((first.get("evidence") or "").split()),
    ]


def cmd_timeline(args: argparse.Namespace) -> int:
    from marsad.corpus.events import story_articles, timeline_line

    with open_store(args.db) as store:
        articles = story_articles(store, args.story) if args.story else None
        if args.story and not articles:
            print(f"no story or article matches {args.story!r}")
            return 1
        contexts = None if args.all else ("asserted", "claim")
        records = _select(store, args, articles, contexts)
    for r in records:
        print(timeline_line(r))
    print(f"({len(records)} events)")
    return 0

"""`marsad list`, `marsad show ID`, `marsad failures`."""

from __future__ import annotations

import argparse
import json

from marsad.cli.render import render_article
from marsad.store import open_store
from marsad.store.base import ArticleFilter


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list stored articles")
    p.add_argument("--outlet")
    p.add_argument("--since", help="published on or after this ISO date")
    p.add_argument("--until", help="published on or before this ISO date")
    p.add_argument("--language")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show an article: clean text and every annotation layer")
    p.add_argument("id", help="article id (a unique prefix is enough)")
    p.add_argument("--layers", help="comma-separated layers to show (default: all)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("failures", help="list inputs that failed to ingest, with their errors")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_failures)


def cmd_list(args: argparse.Namespace) -> int:
    flt = ArticleFilter(outlet=args.outlet, since=args.since, until=args.until, language=args.language, limit=args.limit)
    with open_store(args.db) as store:
        total = store.count_articles(ArticleFilter(outlet=args.outlet, since=args.since, until=args.until, language=args.language))
        for art in store.iter_articles(flt, with_layers=False):
            if args.format == "jsonl":
                rec = {"id": art.id, "published": art.published, "outlet": art.outlet, "title": art.title, "language": art.language, "url": art.url}
                print(json.dumps(rec, ensure_ascii=False))
            else:
                title = (art.title or art.text[:60]).replace("\n", " ")
                print(f"{art.id}  {art.published or 'unknown':<10}  {(art.outlet or '-')[:18]:<18}  {title[:70]}")
        if args.format == "table":
            shown = min(total, args.limit) if args.limit else total
            print(f"({shown} of {total} articles)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        art = store.get_article(args.id)
    if art is None:
        print(f"no article with id {args.id!r} (or the prefix is ambiguous)")
        return 1
    if args.format == "json":
        print(json.dumps(art.to_dict(), ensure_ascii=False, indent=1))
    else:
        layers = args.layers.split(",") if args.layers else None
        print(render_article(art, layers))
    return 0


def cmd_failures(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = store.failures(args.limit)
    for row in rows:
        where = row["source"] + (f" #{row['source_id']}" if row.get("source_id") else "")
        print(f"{row['at']}  {where}: {row['error']}")
    print(f"({len(rows)} failures shown)")
    return 0

"""`marsad quotes`: who said what, from the stored articles' statements layers."""

from __future__ import annotations

import argparse
import json

from marsad.attribution.listing import find_statements
from marsad.store import open_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("quotes", help="list attributed statements: speaker, content, sources")
    p.add_argument("--speaker", help="entity id, or a name (Arabic or English) contained in the speaker")
    p.add_argument("--outlet")
    p.add_argument("--since", help="published on or after this ISO date")
    p.add_argument("--until", help="published on or before this ISO date")
    p.add_argument("--limit", type=int, default=0, help="stop after this many statements (0: all)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(func=cmd_quotes)


def cmd_quotes(args: argparse.Namespace) -> int:
    count = 0
    with open_store(args.db) as store:
        for rec in find_statements(store, args.speaker, args.outlet, args.since, args.until, args.limit or None):
            count += 1
            if args.format == "jsonl":
                print(json.dumps(rec.to_dict(), ensure_ascii=False))
                continue
            print(_format_statement(rec))
    if args.format == "table":
        print(f"({count} statements)")
    return 0


def _format_statement(rec) -> str:
    a = rec.span.attrs
    sp = a.get("speaker") or {}
    who = sp.get("name") or sp.get("text") or "?"
    if sp.get("actor"):
        who += f" ({sp['actor']})"
    if not sp.get("resolved"):
        who += " [speaker not linked]"
    kind = "quote" if a.get("direct") else "reported"
    if a.get("polarity") == "denies":
        kind += ", denies"
    cue = (a.get("cue") or {}).get("text") or ""
    content = " ".join(str((a.get("content") or {}).get("text") or "").split())
    if len(content) > 160:
        content = content[:159] + "…"
    sources = " ← ".join(str(s.get("name") or s.get("text")) for s in a.get("reported_by") or [])
    art = rec.article
    lines = [
        f"{art.published or 'unknown':<10}  {who}  [{cue}; {kind}]  {art.outlet or '-'}  {art.id[:10]}",
        f"    {content}",
    ]
    if sources:
        lines.append(f"    via {sources}")
    return "\n".join(lines)

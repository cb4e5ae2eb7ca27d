"""`marsad entities`: the entities of the corpus with mention counts, variants and outlets."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="list entities in the store (runs the entity corpus pass if needed)")
    p.add_argument("--type", choices=["PER", "ORG", "GPE", "LOC", "MISC"], help="only this type")
    p.add_argument("--actor", help="only this actor code (prefix match: RUS matches RUSGOV)")
    p.add_argument("--name", help="only entities whose name or a variant contains this text")
    p.add_argument("--limit", type=int, default=50, help="at most N entities (default 50; 0 = all)")
    p.add_argument("--refresh", action="store_true", help="re-annotate every article and rerun the corpus pass")
    p.add_argument("--json", action="store_true", help="one JSON record per line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.clean.normalize import normalize
    from marsad.entities.corpus import KIND, link_entities
    from marsad.store import open_store

    with open_store(args.db) as store:
        records = store.records(KIND)
        if args.refresh or not records or store.articles_missing_layer("entities", limit=1):
            link_entities(store, reannotate=args.refresh)
            records = store.records(KIND)
    if args.type:
        records = [r for r in records if r["type"] == args.type]
    if args.actor:
        code = args.actor.upper()
        records = [r for r in records if (r.get("actor") or "").startswith(code)]
    if args.name:
        needle = normalize(args.name)
        records = [r for r in records if any(needle in normalize(v) for v in [r["name"] or "", *r["variants"]])]
    if args.limit:
        records = records[: args.limit]
    if args.json:
        for r in records:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    if not records:
        print("no entities")
        return 0
    print(f"{'mentions':>8} {'arts':>4}  {'type':4} {'actor':8} {'id':34} name")
    for r in records:
        en = f" ({r['name_en']})" if r.get("name_en") else ""
        print(f"{r['mentions']:8d} {r['articles']:4d}  {r['type']:4} {r.get('actor') or '-':8} {r['id']:34} {r['name']}{en}")
        variants = [v for v in r["variants"] if v != r["name"]][:6]
        if variants:
            print(f"{'':20}variants: {' | '.join(variants)}")
        if r["outlets"]:
            print(f"{'':20}outlets: {', '.join(f'{o} ({n})' for o, n in list(r['outlets'].items())[:4])}")
    return 0

"""Entities against gold: per-article recall with type and actor, and cross-article id consistency.

A gold entity is *found* when a predicted entity span overlaps one of its surfaces;
*typed* when that span's type agrees (gold PER/GPE/ORG/LOC = ours) and *coded* when
its actor equals the gold actor as well.  Every cross_document.entity_clusters
spelling cluster must get exactly one entity_id, and no two gold entities may
share an id.

    marsad eval entities ../shared/gold/seeds.gold.json [--corpus DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from typing import Any

from marsad.document import Article, Span
from marsad.evaluation.gold import add_corpus_arguments, analyze_gold_docs, gold_form, load_gold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("--show-misses", action="store_true", help="list gold entities not found right")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Display spans of ``surface`` in ``text`` after gold folding (NFKC, white space runs)."""
    folded, index = _fold_with_index(text)
    target = gold_form(surface)
    out = []
    start = folded.find(target)
    while start >= 0 and target:
        out.append((index[start], index[start + len(target) - 1] + 1))
        start = folded.find(target, start + 1)
    return out


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    import unicodedata

    chars: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if c.isspace():
                if prev_space:
                    continue
                c = " "
                prev_space = True
            else:
                prev_space = False
            chars.append(c)
            index.append(i)
    return "".join(chars), index


def _type_ok(gold: str, ours: str) -> bool:
    return gold == ours


def score_article(art: Article, gold_entities: list[dict[str, Any]]) -> dict[str, Any]:
    spans: list[Span] = art.layers.get("entities") or []
    rows = []
    for g in gold_entities:
        hits: list[Span] = []
        for surface in g.get("surfaces") or []:
            for s, e in _occurrences(art.text, surface):
                hits.extend(sp for sp in spans if sp.start < e and s < sp.end)
        typed = [h for h in hits if _type_ok(g.get("type", ""), h.attrs.get("type", h.label))]
        coded = [h for h in typed if (h.attrs.get("actor") or None) == (g.get("actor") or None)]
        rows.append(
            {
                "name": g.get("name"),
                "type": g.get("type"),
                "actor": g.get("actor"),
                "found": bool(hits),
                "typed": bool(typed),
                "coded": bool(coded),
                "ids": sorted({h.attrs.get("entity_id") for h in (coded or typed or hits)}),
                "got": sorted({f"{h.attrs.get('type')}/{h.attrs.get('actor')}" for h in hits}),
            }
        )
    n = len(rows) or 1
    return {
        "entities": len(rows),
        "found": sum(r["found"] for r in rows) / n,
        "typed": sum(r["typed"] for r in rows) / n,
        "coded": sum(r["coded"] for r in rows) / n,
        "rows": rows,
    }


def cluster_ids(arts: dict[str, Article], clusters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for c in clusters:
        ids: set[str] = set()
        seen = 0
        for art in arts.values():
            spans = art.layers.get("entities") or []
            for surface in c.get("surfaces") or []:
                for s, e in _occurrences(art.text, surface):
                    seen += 1
                    ids.update(sp.attrs.get("entity_id") for sp in spans if sp.start < e and s < sp.end)
        ids.discard(None)
        out.append({"name": c.get("name"), "occurrences": seen, "ids": sorted(ids), "ok": len(ids) == 1})
    return out


def shared_ids(per_doc: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Ids predicted for more than one gold entity (by gold name)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for rep in per_doc.values():
        for r in rep["rows"]:
            for i in r["ids"]:
                owners[i].add(r["name"])
    return [{"id": i, "gold": sorted(n)} for i, n in sorted(owners.items()) if len(n) > 1]


def evaluate(gold_path: str, corpus: str | None = None) -> dict[str, Any]:
    data, docs = load_gold(gold_path, corpus)
    arts = analyze_gold_docs(docs, upto="entities")
    per_doc = {name: score_article(art, next(d.gold for d in docs if d.name == name).get("entities") or [])
               for name, art in arts.items()}
    clusters = cluster_ids(arts, (data.get("cross_document") or {}).get("entity_clusters") or [])
    shared = shared_ids(per_doc)
    return {
        "docs": per_doc,
        "clusters": clusters,
        "shared_ids": shared,
        "min_coded": min((r["coded"] for r in per_doc.values()), default=0.0),
        "accepted": all(c["ok"] for c in clusters) and not shared
        and all(r["coded"] >= 0.9 for r in per_doc.values()),
    }


def run(args: argparse.Namespace) -> int:
    report = evaluate(args.gold, args.corpus)
    if args.json:
        slim = {k: v for k, v in report.items() if k != "docs"}
        slim["docs"] = {n: {k: v for k, v in r.items() if k != "rows" or args.show_misses} for n, r in report["docs"].items()}
        print(json.dumps(slim, ensure_ascii=False, indent=1))
        return 0
    print(f"{'article':32} {'gold':>4} {'found':>6} {'+type':>6} {'+actor':>6}")
    for name, r in report["docs"].items():
        print(f"{name:32} {r['entities']:4d} {r['found']:6.0%} {r['typed']:6.0%} {r['coded']:6.0%}")
        if args.show_misses:
            for row in r["rows"]:
                if not row["coded"]:
                    print(f"    miss {row['name']} ({row['type']} {row['actor']}): got {row['got'] or 'nothing'}")
    print("spelling clusters (one entity_id each):")
    for c in report["clusters"]:
        print(f"  {'ok ' if c['ok'] else 'BAD'} {c['name']}: {c['occurrences']} occurrences, ids {c['ids']}")
    print(f"gold entities sharing an id: {len(report['shared_ids'])}")
    for s in report["shared_ids"]:
        print(f"  {s['id']}: {', '.join(s['gold'])}")
    print(f"accepted: {report['accepted']} (min per-article found+type+actor {report['min_coded']:.0%})")
    return 0

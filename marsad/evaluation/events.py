"""Score PLOVER events against gold: type, source and target country, date; plus cross-article merges.

A gold event is matched by a predicted event in the same document with the same
type, the same source and target country (first three letters of the actor
codes; either order for symmetric types such as CONSULT; a gold side that is
null matches anything, a gold ``also_targets`` code may stand for the target)
and, when the gold has a date, the same date value.  Precision counts distinct
predictions per document (type, source, target, date), so one meeting told
three times in an article is one prediction.

``--oracle`` replaces the entities, timexes and statements layers by the gold
ones, to measure the events stage alone.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from marsad.document import Article, Span
from marsad.evaluation.gold import GoldDoc, add_corpus_arguments, analyze_gold_docs, gold_form, load_gold
from marsad.events.ontology import SYMMETRIC_TYPES, country_of


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("--oracle", action="store_true", help="use gold entities, timexes and statements")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def _code(x: Any) -> str | None:
    if isinstance(x, dict):
        x = x.get("actor")
    return country_of(x) if x else None


def matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if pred["type"] != gold["type"]:
        return False
    gs, gt = _code(gold.get("source")), _code(gold.get("target"))
    ps, pt = _code(pred.get("source")), _code(pred.get("target"))
    targets = {gt} | {_code(t) for t in gold.get("also_targets") or []}

    def sides(s: str | None, t: str | None) -> bool:
        return (gs is None or s == gs) and (gt is None or t in targets)

    if not (sides(ps, pt) or (gold["type"] in SYMMETRIC_TYPES and sides(pt, ps))):
        return False
    gd = gold.get("date")
    if gd:
        return ((pred.get("date") or {}).get("value") or "") == gd
    return True


def predictions(article: Article) -> list[dict[str, Any]]:
    out = []
    for span in article.layer("events"):
        a = dict(span.attrs)
        a["type"] = a.get("type") or span.label
        a["_start"] = span.start
        out.append(a)
    return out


def _distinct(preds: list[dict[str, Any]]) -> dict[tuple, list[dict[str, Any]]]:
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for p in preds:
        key = (p["type"], _code(p.get("source")), _code(p.get("target")), (p.get("date") or {}).get("value"))
        groups.setdefault(key, []).append(p)
    return groups


def score(docs: list[GoldDoc], articles: dict[str, Article]) -> dict[str, Any]:
    n_gold = tp_gold = n_pred = tp_pred = 0
    unmatched: list[dict[str, Any]] = []
    extra: list[dict[str, Any]] = []
    matched_by: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        art = articles.get(d.name)
        if art is None:
            continue
        preds = predictions(art)
        for k, g in enumerate(d.gold.get("events") or []):
            n_gold += 1
            hits = [p for p in preds if matches(g, p)]
            if hits:
                tp_gold += 1
                matched_by[f"{d.name}#{g.get('id') or k}"] = hits
            else:
                unmatched.append({"doc": d.name, **g})
        for key, group in _distinct(preds).items():
            n_pred += 1
            if any(matches(g, p) for g in d.gold.get("events") or [] for p in group):
                tp_pred += 1
            else:
                p = group[0]
                extra.append({"doc": d.name, "type": key[0], "source": key[1], "target": key[2], "date": key[3],
                              "context": p.get("context"), "trigger": (p.get("trigger") or {}).get("text"),
                              "origin": (p.get("trigger") or {}).get("origin"),
                              "evidence": ((p.get("evidence") or {}).get("text") or "")[:120]})
    merges = _check_merges(docs, articles, matched_by)
    recall = tp_gold / n_gold if n_gold else 0.0
    precision = tp_pred / n_pred if n_pred else 0.0
    return {"gold": n_gold, "matched_gold": tp_gold, "recall": recall, "predicted": n_pred,
            "matched_predicted": tp_pred, "precision": precision, "unmatched_gold": unmatched, "extra": extra,
            "same_event": merges}


def _check_merges(docs: list[GoldDoc], articles: dict[str, Article], matched_by: dict[str, list]) -> list[dict]:
    from marsad.corpus.events import merge_events

    ids: dict[str, str] = {}
    for d in docs:
        for k, g in enumerate(d.gold.get("events") or []):
            ref = f"{d.name}#{g.get('id') or k}"
            ids[ref] = ref
            if g.get("same_as"):
                # "X#visit" may name the other side's id; this event is that pair's member in this doc.
                doc_b, _, name_b = g["same_as"].partition("#")
                ids.setdefault(f"{d.name}#{name_b}", ref)
    cross = {}
    for d in docs:
        cross = d.gold.get("_cross") or cross
    records = merge_events(articles.values())
    out = []
    for pair in cross.get("same_event", []):
        refs = [ids.get(p, p) for p in pair]
        hits = [matched_by.get(r, []) for r in refs]
        doc_ids = [articles[r.split("#")[0]].id if r.split("#")[0] in articles else None for r in refs]
        merged = False
        for rec in records:
            keys = {(rep["article_id"], rep["start"]) for rep in rec["reports"]}
            if all(any((doc_ids[i], h["_start"]) in keys and rec["type"] == h["type"] for h in hits[i])
                   for i in range(len(refs))):
                merged = True
                break
        out.append({"pair": pair, "found": [bool(h) for h in hits], "merged": merged})
    return out


def oracle_layers(article: Article, gold: dict[str, Any]) -> Article:
    """Gold entities, timexes and statements as layers (every occurrence of each surface)."""
    from marsad.segment import segment

    text = article.text
    folded = gold_form(text)
    if len(folded) != len(text):
        # Offsets differ after folding; search the display text directly.
        folded = text
    taken: list[tuple[int, int]] = []
    ents: list[Span] = []
    surfaces = sorted(((s, e) for e in gold.get("entities") or [] for s in e.get("surfaces") or []),
                      key=lambda x: -len(x[0]))
    for surface, e in surfaces:
        start = 0
        while (pos := folded.find(surface, start)) >= 0:
            end = pos + len(surface)
            start = end
            if any(a < end and pos < b for a, b in taken):
                continue
            taken.append((pos, end))
            actor = e.get("actor")
            ents.append(Span(pos, end, e["type"], {"name": e["name"], "actor": actor, "country": (actor or "")[:3] or None,
                                                   "entity_id": e["name"]}))
    times: list[Span] = []
    for t in gold.get("timex") or []:
        pos = folded.find(t["text"])
        while pos >= 0:
            end = pos + len(t["text"])
            if not any(x.start < end and pos < x.end for x in times):
                times.append(Span(pos, end, "TIMEX", {"kind": t.get("kind", "date"), "value": t["value"]}))
            pos = folded.find(t["text"], end)
    stmts: list[Span] = []
    actors = {e["name"]: e.get("actor") for e in gold.get("entities") or []}
    for s in gold.get("statements") or []:
        pos = folded.find(s.get("contains", "\x00"))
        if pos >= 0:
            end = pos + len(s["contains"])
            stmts.append(Span(pos, end, "STATEMENT", {"speaker": {"name": s["speaker"], "actor": actors.get(s["speaker"])},
                                                      "content": {"start": pos, "end": end}, "reported_by": []}))
    if "sentences" not in article.layers:
        segment(article)
    article.set_layer("entities", ents)
    article.set_layer("timexes", times)
    article.set_layer("statements", stmts)
    return article


def run(args: argparse.Namespace) -> int:
    data, docs = load_gold(args.gold, args.corpus)
    for d in docs:
        d.gold["_cross"] = data.get("cross_document") or {}
    if args.oracle:
        from marsad.evaluation.gold import build_article
        from marsad.events import annotate

        articles = {}
        for d in docs:
            if d.path is None:
                continue
            art = oracle_layers(build_article(d), d.gold)
            articles[d.name] = annotate(art)
    else:
        articles = analyze_gold_docs(docs)
    result = score(docs, articles)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"events: recall {result['recall']:.2f} ({result['matched_gold']}/{result['gold']})  "
          f"precision {result['precision']:.2f} ({result['matched_predicted']}/{result['predicted']})")
    print("\nunmatched gold:")
    for g in result["unmatched_gold"]:
        print(f"  {g['doc'][:3]} {g['type']:<9} {g.get('source')}>{g.get('target')} {g.get('date')}  {g.get('evidence', '')[:70]}")
    print("\nextra predictions:")
    for p in result["extra"]:
        print(f"  {p['doc'][:3]} {p['type']:<9} {p['source']}>{p['target']} {p['date']} [{p['context']}] "
              f"«{p['trigger']}» {p.get('origin')} {p['evidence'][:70]}")
    print("\nsame-event pairs:")
    for m in result["same_event"]:
        print(f"  {' = '.join(m['pair'])}: found {m['found']} merged {m['merged']}")
    return 0

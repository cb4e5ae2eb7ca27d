"""Score PLOVER events sentence by sentence against a TSV of annotated sentences.

The file has a header and three tab-separated columns: the sentence, its publication date,
and the gold events as ``TYPE:SOURCE>TARGET`` separated by ``;`` (an empty cell for a
sentence that reports no event).  SOURCE and TARGET are actor codes (``RUSGOV``, ``IGO``)
or ``-`` for an absent side.  Each sentence runs through the whole pipeline as a
one-sentence article published on that date.

Only events told as having happened count: predictions whose context is ``denied``,
``future`` or ``hypothetical`` are left out (``claim`` counts; see docs/ontology.md).
Events match on the type and the source and target countries (first three letters; either
order for the symmetric types CONSULT, COOPERATE, AGREE; a coordinated target in
``also_targets`` may stand for the target); each gold event and each distinct prediction
(type, source, target) counts once per sentence.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluation.gold import prf
from marsad.events.ontology import SYMMETRIC_TYPES, country_of

_COUNTED = frozenset({"asserted", "claim"})

Triple = tuple[str, str | None, str | None]


@dataclass
class Item:
    sentence: str
    published: str
    gold: list[Triple]
    gold_codes: list[str] = field(default_factory=list)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="TSV: sentence, published date, TYPE:SOURCE>TARGET;...")
    parser.add_argument("--show", choices=("errors", "all", "none"), default="errors",
                        help="which sentences to list (default: those with a mismatch)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def _side(code: str) -> str | None:
    code = code.strip()
    return None if code in ("", "-") else country_of(code)


def parse_events(cell: str) -> list[Triple]:
    out: list[Triple] = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        etype, _, sides = part.partition(":")
        src, _, tgt = sides.partition(">")
        out.append((etype.strip().upper(), _side(src), _side(tgt)))
    return out


def load_items(path: str | Path) -> list[Item]:
    items = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if not line.strip() or (n == 0 and line.lower().startswith("sentence\t")):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ValueError(f"{path}:{n + 1}: expected sentence<TAB>date<TAB>events")
        cell = cols[2] if len(cols) > 2 else ""
        items.append(Item(cols[0].strip(), cols[1].strip(), parse_events(cell),
                          [c.strip() for c in cell.split(";") if c.strip()]))
    return items


def _country(side: Any) -> str | None:
    return country_of(side.get("actor")) if isinstance(side, dict) else None


def predicted_events(sentence: str, published: str, pipeline: Any) -> list[dict[str, Any]]:
    """The events the pipeline finds in one sentence read as a whole article."""
    from marsad.document import Article

    art = pipeline(Article(text=sentence, raw=sentence, published=published or None,
                           published_source="metadata" if published else "unknown"))
    out = []
    for span in art.layer("events"):
        a = span.attrs
        out.append({"type": a.get("type") or span.label, "source": _country(a.get("source")),
                    "target": _country(a.get("target")), "context": a.get("context"),
                    "also_targets": [_country(t) for t in a.get("also_targets") or []],
                    "source_actor": (a.get("source") or {}).get("actor"),
                    "target_actor": (a.get("target") or {}).get("actor"),
                    "trigger": (a.get("trigger") or {}).get("text")})
    return out


def matches(gold: Triple, pred: dict[str, Any]) -> bool:
    etype, gs, gt = gold
    if pred["type"] != etype:
        return False
    targets = {pred["target"], *pred["also_targets"]}
    if pred["source"] == gs and gt in targets:
        return True
    return etype in SYMMETRIC_TYPES and pred["target"] == gs and pred["source"] == gt


def score(items: list[Item], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    n_gold = tp_gold = n_pred = tp_pred = 0
    typed_gold = 0
    no_event = no_event_clean = 0
    exact_types = 0
    rows = []
    for item, all_preds in zip(items, preds, strict=True):
        counted = [p for p in all_preds if p["context"] in _COUNTED]
        gold = list(dict.fromkeys(item.gold))
        distinct: dict[Triple, dict[str, Any]] = {}
        for p in counted:
            distinct.setdefault((p["type"], p["source"], p["target"]), p)
        hit_gold = [any(matches(g, p) for p in counted) for g in gold]
        hit_pred = [any(matches(g, p) for g in gold) for p in distinct.values()]
        n_gold += len(gold)
        tp_gold += sum(hit_gold)
        n_pred += len(distinct)
        tp_pred += sum(hit_pred)
        pred_types = {p["type"] for p in counted}
        typed_gold += sum(1 for g in gold if g[0] in pred_types)
        if pred_types == {g[0] for g in gold}:
            exact_types += 1
        if not gold:
            no_event += 1
            no_event_clean += not counted
        ok = all(hit_gold) and all(hit_pred)
        rows.append({"sentence": item.sentence, "gold": item.gold_codes, "ok": ok,
                     "predicted": [f"{p['type']}:{p['source_actor'] or '-'}>{p['target_actor'] or '-'}"
                                   + ("" if p["context"] in _COUNTED else f" [{p['context']}]")
                                   for p in all_preds],
                     "missed": [f"{t}:{s or '-'}>{g or '-'}" for (t, s, g), h in zip(gold, hit_gold, strict=True)
                                if not h],
                     "extra": [f"{t}:{s or '-'}>{g or '-'}" for (t, s, g), h in zip(distinct, hit_pred, strict=True)
                               if not h]})
    precision, recall, f1 = prf(tp_pred, n_pred, n_gold)
    confusion: dict[str, int] = {}
    for item, all_preds in zip(items, preds, strict=True):
        counted_types = [p["type"] for p in all_preds if p["context"] in _COUNTED]
        for g in dict.fromkeys(item.gold):
            if g[0] in counted_types:
                continue
            key = f"{g[0]} -> {'/'.join(sorted(set(counted_types))) or 'none'}"
            confusion[key] = confusion.get(key, 0) + 1
        for t in sorted(set(counted_types) - {g[0] for g in item.gold}):
            if not item.gold:
                key = f"none -> {t}"
                confusion[key] = confusion.get(key, 0) + 1
    return {
        "sentences": len(items),
        "gold": n_gold, "matched_gold": tp_gold, "predicted": n_pred, "matched_predicted": tp_pred,
        "precision": precision, "recall": recall, "f1": f1,
        "type_accuracy": typed_gold / n_gold if n_gold else 0.0,
        "type_set_accuracy": exact_types / len(items) if items else 0.0,
        "no_event": no_event, "no_event_specificity": no_event_clean / no_event if no_event else 0.0,
        "confusion": dict(sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0]))),
        "rows": rows,
    }


def evaluate_file(path: str | Path) -> dict[str, Any]:
    from marsad.pipeline import Pipeline

    items = load_items(path)
    pipeline = Pipeline()
    preds = [predicted_events(it.sentence, it.published, pipeline) for it in items]
    return score(items, preds)


def run(args: argparse.Namespace) -> int:
    result = evaluate_file(args.file)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"sentences {result['sentences']}  gold events {result['gold']}  predicted {result['predicted']}")
    print(f"type accuracy {result['type_accuracy']:.3f}  (gold events whose type is predicted in the sentence)")
    print(f"type-set accuracy {result['type_set_accuracy']:.3f}  (sentences whose predicted types equal the gold's)")
    print(f"type+source+target: precision {result['precision']:.3f} ({result['matched_predicted']}/"
          f"{result['predicted']})  recall {result['recall']:.3f} ({result['matched_gold']}/{result['gold']})  "
          f"F1 {result['f1']:.3f}")
    print(f"no-event specificity {result['no_event_specificity']:.3f} (of {result['no_event']} sentences)")
    print("\nconfusion (gold type -> predicted types, where the gold type was not predicted):")
    for key, n in result["confusion"].items():
        print(f"  {n:3d}  {key}")
    if args.show != "none":
        print()
        for r in result["rows"]:
            if args.show == "errors" and r["ok"]:
                continue
            mark = "ok " if r["ok"] else "ERR"
            print(f"{mark} {r['sentence']}")
            print(f"     gold: {'; '.join(r['gold']) or '-'}   pred: {'; '.join(r['predicted']) or '-'}")
    return 0

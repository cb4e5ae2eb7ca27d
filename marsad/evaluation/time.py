"""Temporal expressions: extraction recall/precision and value accuracy against gold.

Each gold timex is a surface string with an ISO value.  A string may occur
several times in its article; it counts as found when a predicted timex
overlaps any occurrence, and as value-correct when such an overlapping
prediction carries the gold value.  Occurrence-level figures (every occurrence
found / right) are printed too, since a note like "every bare Thursday is the
publication day" is a claim about all of them.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from marsad.document import Article, Span
from marsad.evaluation.gold import add_corpus_arguments, build_article, gold_form, load_gold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("--show-extra", action="store_true", help="also list predictions that match no gold timex")


def gold_form_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`gold_form` of ``text`` with, for each of its characters, the display index it came from."""
    chars: list[str] = []
    index: list[int] = []
    pending_space = -1
    for i, ch in enumerate(text):
        for out in unicodedata.normalize("NFKC", ch):
            if out.isspace():
                if pending_space < 0:
                    pending_space = i
                continue
            if pending_space >= 0 and chars:
                chars.append(" ")
                index.append(pending_space)
            pending_space = -1
            chars.append(out)
            index.append(i)
    return "".join(chars), index


@dataclass
class DocScore:
    name: str
    gold: int = 0
    found: int = 0
    correct: int = 0
    occurrences: int = 0
    occ_found: int = 0
    occ_correct: int = 0
    predicted: int = 0
    matched_pred: int = 0
    with_mod: int = 0
    mod_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    # Whole words only, but a gold surface may leave out an attached و/ف/ب/ل (والثلاثاء).
    pattern = re.compile(r"(?<!\w)[وفبلك]{0,2}(" + re.escape(needle) + r")(?!\w)")
    return [m.span(1) for m in pattern.finditer(haystack)]


def score_article(name: str, article: Article, gold_timexes: list[dict[str, Any]]) -> DocScore:
    gf, index = gold_form_with_map(article.text)
    preds: list[tuple[int, int, Span]] = []
    for span in article.layer("timexes"):
        preds.append((bisect_left(index, span.start), bisect_left(index, span.end), span))
    score = DocScore(name, predicted=len(preds))
    matched: set[int] = set()
    for g in gold_timexes:
        score.gold += 1
        surface = gold_form(g["text"])
        found = correct = False
        occs = _occurrences(gf, surface)
        got_values: list[str | None] = []
        got_mods: list[str | None] = []
        for s, e in occs:
            score.occurrences += 1
            hits = [(k, p) for k, (ps, pe, p) in enumerate(preds) if ps < e and s < pe]
            if hits:
                score.occ_found += 1
                found = True
                matched.update(k for k, _ in hits)
                values = [p.attrs.get("value") for _, p in hits]
                got_values.extend(values)
                got_mods.extend(p.attrs.get("mod") for _, p in hits)
                if g.get("value") in values:
                    score.occ_correct += 1
                    correct = True
        if g.get("mod"):
            score.with_mod += 1
            score.mod_right += g["mod"] in got_mods
        if found:
            score.found += 1
        else:
            score.misses.append(f"{g['text']} = {g.get('value')}" + ("" if occs else " (text not found in article)"))
        if correct:
            score.correct += 1
        elif found:
            score.wrong.append(f"{g['text']}: gold {g.get('value')}, got {sorted(set(map(str, got_values)))}")
    score.matched_pred = len(matched)
    for k, (_, _, p) in enumerate(preds):
        if k not in matched:
            score.extra.append(f"{article.span_text(p)} = {p.attrs.get('value')}")
    return score


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def run(args: argparse.Namespace) -> int:
    from marsad.segment import segment
    from marsad.time import annotate

    _, docs = load_gold(args.gold, args.corpus)
    scores: list[DocScore] = []
    for doc in docs:
        timexes = doc.gold.get("timex") or []
        if doc.path is None:
            print(f"{doc.name}: text not found, skipped")
            continue
        article = annotate(segment(build_article(doc)))
        scores.append(score_article(doc.name, article, timexes))
    total = DocScore("all")
    for s in scores:
        for attr in ("gold", "found", "correct", "occurrences", "occ_found", "occ_correct", "predicted", "matched_pred",
                     "with_mod", "mod_right"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
    print(f"{'document':32} {'gold':>4} {'recall':>7} {'value':>7} {'pred':>4} {'prec':>7}")
    for s in [*scores, total]:
        print(f"{s.name:32} {s.gold:4d} {_pct(s.found, s.gold):>7} {_pct(s.correct, s.gold):>7} "
              f"{s.predicted:4d} {_pct(s.matched_pred, s.predicted):>7}")
    print(f"extraction recall {_pct(total.found, total.gold)}  precision {_pct(total.matched_pred, total.predicted)}  "
          f"(predictions overlapping a gold timex)")
    print(f"normalization accuracy (exact value) {_pct(total.correct, total.gold)} of gold timexes, "
          f"{_pct(total.correct, total.found)} of found")
    print(f"mod right on {total.mod_right}/{total.with_mod} gold timexes that carry one")
    print(f"occurrences: {total.occurrences}, found {_pct(total.occ_found, total.occurrences)}, "
          f"value right {_pct(total.occ_correct, total.occurrences)}")
    for s in scores:
        for line in s.misses:
            print(f"MISS  {s.name}: {line}")
        for line in s.wrong:
            print(f"VALUE {s.name}: {line}")
        if args.show_extra:
            for line in s.extra:
                print(f"EXTRA {s.name}: {line}")
    return 0

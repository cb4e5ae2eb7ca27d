"""Entity-level NER precision/recall/F1 (conlleval-style exact match) on a CoNLL file.

    marsad eval ner FILE [--mode fast]

FILE has the token in the first column and the gold BIO tag in the last.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, PRF]:
    """Per-type and micro-averaged ("ALL") scores; an entity counts only when span and type match."""
    from marsad.entities.ner import entity_spans

    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        gs = set(entity_spans(g))
        ps = set(entity_spans(p))
        for _, _, t in gs:
            n_gold[t] += 1
        for _, _, t in ps:
            n_pred[t] += 1
        for _, _, t in gs & ps:
            tp[t] += 1
    types = sorted(set(n_gold) | set(n_pred))
    out = {t: PRF(tp[t], n_pred[t], n_gold[t]) for t in types}
    out["ALL"] = PRF(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def format_scores(scores: dict[str, PRF]) -> str:
    lines = [f"{'type':<6} {'prec':>7} {'rec':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for t, s in scores.items():
        name = "micro" if t == "ALL" else t
        lines.append(
            f"{name:<6} {s.precision:7.4f} {s.recall:7.4f} {s.f1:7.4f} {s.n_gold:6d} {s.n_pred:6d}"
        )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="CoNLL file: token first column, gold tag last column")
    parser.add_argument("--mode", choices=("fast", "document", "accurate"), default="fast",
                        help="which shipped model")


def run(args: argparse.Namespace) -> int:
    from marsad.entities.ner import model_available, tag_sentences
    from marsad.entities.ner.conll import read_conll, tokens_and_tags

    if not model_available(args.mode):
        print(f"no shipped NER model for mode {args.mode!r}; rebuild with scripts/build_ner_model.py",
              file=sys.stderr)
        return 1
    with args.file.open(encoding="utf-8") as fh:
        tokens, gold = tokens_and_tags(read_conll(fh))
    pred = tag_sentences(tokens, mode=args.mode)
    print(f"{args.file}: {len(tokens)} sentences, {sum(map(len, tokens))} tokens, mode {args.mode}")
    print(format_scores(score(gold, pred)))
    return 0

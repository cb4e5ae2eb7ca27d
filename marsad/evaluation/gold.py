"""Gold files in the marsad-gold/1 format, and the articles they annotate.

Gold strings match article text after NFKC and folding every run of white
space to one space; :func:`gold_form` applies that folding to our side too.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.document import Article

_WS = re.compile(r"\s+")


def gold_form(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@dataclass
class GoldDoc:
    name: str
    gold: dict[str, Any]
    path: Path | None


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", help="gold JSON file (marsad-gold/1 format)")
    parser.add_argument(
        "--corpus",
        help="folder with the annotated texts (default: the gold file's own folder when the texts are there, else ../corpus/seeds beside it)",
    )


def load_gold(gold_path: str | Path, corpus: str | Path | None = None) -> tuple[dict[str, Any], list[GoldDoc]]:
    gold_path = Path(gold_path)
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    if corpus:
        corpus_dir = Path(corpus)
    elif any((gold_path.parent / name).exists() for name in data.get("docs", {})):
        corpus_dir = gold_path.parent  # the texts sit beside the gold file (our own fixtures)
    else:
        corpus_dir = gold_path.resolve().parent.parent / "corpus" / "seeds"
    docs = []
    for name, g in data.get("docs", {}).items():
        p = corpus_dir / name
        docs.append(GoldDoc(name, g, p if p.exists() else None))
    return data, docs


def build_article(doc: GoldDoc) -> Article:
    """The gold document as an Article, cleaned, with the gold's publication metadata."""
    if doc.path is None:
        raise FileNotFoundError(f"text for gold document {doc.name} not found")
    raw = doc.path.read_text(encoding="utf-8")
    art = Article(
        text=raw,
        raw=raw,
        outlet=doc.gold.get("outlet"),
        published=doc.gold.get("published"),
        published_source="metadata" if doc.gold.get("published") else "unknown",
        source=str(doc.path),
        source_id=doc.name,
        meta={"wires": list(doc.gold.get("wires") or [])},
    )
    try:
        from marsad.clean import clean_article
    except ImportError:
        return art
    return clean_article(art)


def analyze_gold_docs(docs: list[GoldDoc], upto: str | None = None) -> dict[str, Article]:
    """Run the pipeline (up to stage ``upto``) on every gold document that has its text."""
    from marsad.pipeline import Pipeline, select_stages

    pipe = Pipeline(select_stages(upto=upto))
    return {d.name: pipe(build_article(d)) for d in docs if d.path is not None}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

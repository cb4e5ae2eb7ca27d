"""The bundled sample corpus: twenty original, fictional Arabic news articles (see README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.document import Article

SAMPLES_DIR = Path(__file__).resolve().parent


def sample_meta() -> list[dict[str, Any]]:
    """The meta.jsonl records, in file order: {"file", "published", "outlet", "wires"}."""
    lines = (SAMPLES_DIR / "meta.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_samples(clean: bool = True) -> list[Article]:
    """Every sample as an Article with its sidecar metadata, cleaned unless ``clean`` is False."""
    from marsad.clean import clean_article

    articles = []
    for record in sample_meta():
        raw = (SAMPLES_DIR / record["file"]).read_text(encoding="utf-8")
        published = record.get("published")
        art = Article(
            text=raw,
            raw=raw,
            outlet=record.get("outlet"),
            published=published,
            published_source="metadata" if published else "unknown",
            source="marsad-samples",
            source_id=record["file"],
            meta={"wires": list(record.get("wires") or [])},
        )
        articles.append(clean_article(art) if clean else art)
    return articles

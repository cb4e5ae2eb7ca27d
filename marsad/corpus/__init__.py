"""Corpus stages: work over stored documents in batches (entity linking, event merging).

Each corpus stage is a function ``run(store) -> dict`` (a small summary), listed
in CORPUS_STAGES in data-flow order and imported lazily.
"""

from __future__ import annotations

import importlib
from typing import Any

from marsad.store.base import Store

CORPUS_STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "marsad.entities.corpus:link_entities"),
    ("events", "marsad.corpus.events:merge_store_events"),
)


def run_corpus_stages(store: Store, only: set[str] | None = None) -> dict[str, Any]:
    """Run the corpus stages in order (or only those named) and collect their summaries."""
    summary: dict[str, Any] = {}
    for name, target in CORPUS_STAGES:
        if only and name not in only:
            continue
        module_name, func_name = target.split(":")
        summary[name] = getattr(importlib.import_module(module_name), func_name)(store)
    return summary

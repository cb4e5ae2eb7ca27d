"""Corpus stages: work over stored documents in batches (entity linking, event merging, stories).

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
    """Run every available corpus stage; a stage whose module is not there yet is skipped."""
    summary: dict[str, Any] = {}
    for name, target in CORPUS_STAGES:
        if only and name not in only:
            continue
        module_name, func_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        func = getattr(module, func_name, None)
        if func is None:
            continue
        summary[name] = func(store)
    return summary

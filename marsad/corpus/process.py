"""Annotate stored articles in batches, then run the corpus stages.

Per-article work goes through :class:`marsad.pipeline.Pipeline` (pure); this
module only moves documents between the store and the pipeline, one
transaction per batch, so an interrupted run keeps every finished batch and a
re-run picks up where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from marsad.pipeline import Pipeline, Stage, select_stages
from marsad.store.base import ArticleFilter, Store

# The last layer the pipeline writes: an article that has it is fully processed.
DONE_LAYER = "events"


@dataclass
class ProcessReport:
    processed: int = 0
    warnings: int = 0
    corpus: dict[str, Any] = field(default_factory=dict)


def process_store(
    store: Store,
    batch_size: int = 100,
    force: bool = False,
    stages: list[Stage] | None = None,
    corpus: bool = True,
    progress: Callable[[int], None] | None = None,
) -> ProcessReport:
    pipeline = Pipeline(stages if stages is not None else select_stages())
    report = ProcessReport()
    if force:
        ids = [a.id for a in store.iter_articles(with_layers=False)]
    else:
        ids = store.articles_missing_layer(DONE_LAYER)
    layer_names = [name for name in pipeline.layers if name != "tokens"]
    for i in range(0, len(ids), batch_size):
        batch_ids = tuple(ids[i : i + batch_size])
        done = []
        # Stored layers come along so that a subset of stages (say, events alone) sees the layers it reads.
        for art in store.iter_articles(ArticleFilter(ids=batch_ids), with_layers=True):
            warnings_before = len(art.meta.get("warnings", []))
            art = pipeline(art)
            art.layers.pop("tokens", None)
            report.warnings += len(art.meta.get("warnings", [])) - warnings_before
            done.append(art)
        store.save_layers(done, layer_names)
        report.processed += len(done)
        if progress:
            progress(len(done))
    if corpus:
        from marsad.corpus import run_corpus_stages

        report.corpus = run_corpus_stages(store)
    return report

"""Inputs straight through the full pipeline, nothing stored: what `marsad analyze` prints."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from marsad.document import Article
from marsad.ingest import IngestFailure, IngestOptions, read_inputs
from marsad.pipeline import STAGES, Pipeline, Stage


def stages_for_layers(layers: Iterable[str] | None) -> tuple[list[Stage], set[str] | None]:
    """The stages needed to produce ``layers`` (each stage needs the ones before it), and the layers to keep.

    ``None`` means every stage and every layer.  Unknown names raise ValueError.
    """
    if not layers:
        return list(STAGES), None
    wanted = {name.strip() for name in layers if name.strip()}
    known = {name: i for i, stage in enumerate(STAGES) for name in stage.produces}
    unknown = sorted(wanted - set(known))
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(unknown)}; known: {', '.join(known)}")
    last = max(known[name] for name in wanted)
    return list(STAGES[: last + 1]), wanted


def analyze_inputs(
    inputs: list[str],
    options: IngestOptions,
    layers: Iterable[str] | None = None,
    tokens: bool = False,
) -> Iterator[dict[str, Any] | IngestFailure]:
    """One JSON-ready dict per article (or a failure), in input order.

    Stages are loaded before anything is read, so a broken installation fails at once.
    """
    stages, keep = stages_for_layers(layers)
    if keep is not None and "tokens" in keep:
        tokens = True
    pipeline = Pipeline(stages)
    return _analyzed(read_inputs(inputs, options), pipeline, keep, tokens)


def _analyzed(
    items: Iterator[Article | IngestFailure], pipeline: Pipeline, keep: set[str] | None, tokens: bool
) -> Iterator[dict[str, Any] | IngestFailure]:
    for item in items:
        if isinstance(item, IngestFailure):
            yield item
            continue
        yield article_output(pipeline(item), keep, tokens)


def article_output(article: Article, keep: set[str] | None, tokens: bool) -> dict[str, Any]:
    for name in list(article.layers):
        if (name == "tokens" and not tokens) or (keep is not None and name not in keep):
            del article.layers[name]
    return article.to_dict()

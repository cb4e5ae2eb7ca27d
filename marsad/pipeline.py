"""The per-article pipeline: document in, annotations out.

Each stage is a pure function ``Article -> Article`` that reads earlier
layers and adds its own.  Nothing here touches the store, so the same
function can run in a process pool or a distributed engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.document import Article


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    target: str  # "module:function"
    produces: tuple[str, ...]

    def load(self) -> Callable[[Article], Article]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


# In data-flow order. Cleaning happens when an Article is built from its input (marsad.ingest).
STAGES: tuple[Stage, ...] = (
    Stage("segment", "marsad.segment:segment", ("sentences", "tokens")),
    Stage("entities", "marsad.entities:annotate", ("entities",)),
    Stage("time", "marsad.time:annotate", ("timexes",)),
    Stage("attribution", "marsad.attribution:annotate", ("statements",)),
    Stage("events", "marsad.events:annotate", ("events",)),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def select_stages(only: Iterable[str] | None = None, upto: str | None = None) -> list[Stage]:
    wanted = set(only) if only else None
    chosen: list[Stage] = []
    for stage in STAGES:
        if wanted is None or stage.name in wanted:
            chosen.append(stage)
        if upto and stage.name == upto:
            break
    return chosen


class Pipeline:
    """Runs a fixed list of stages on articles; stage functions are imported once."""

    def __init__(self, stages: Iterable[Stage] | None = None) -> None:
        self.stages = list(stages) if stages is not None else list(STAGES)
        self._funcs = [(s, s.load()) for s in self.stages]

    @property
    def layers(self) -> list[str]:
        return [name for s in self.stages for name in s.produces]

    def __call__(self, article: Article) -> Article:
        for stage, func in self._funcs:
            try:
                article = func(article)
            except Exception as exc:  # one bad stage must not lose the article
                article.warn(f"stage {stage.name} failed: {type(exc).__name__}: {exc}")
        return article


def analyze(article: Article, stages: Iterable[Stage] | None = None) -> Article:
    return Pipeline(stages)(article)

"""Events stage: PLOVER event records with actors, dates and places, one per trigger in context.

``annotate(article)`` reads the sentences, entities, timexes and statements
layers and adds the ``events`` layer: for every trigger (see
:mod:`marsad.events.triggers`) whose clause names at least one actor, a Span over
the evidence sentence with the event type, mode, context, source, target, date,
place, trigger, reporting chain and an ``event_key`` used when merging reports
across outlets (:mod:`marsad.corpus.events`).
"""

from __future__ import annotations

from marsad.document import Article
from marsad.events.extract import extract_events

__all__ = ["annotate", "extract_events"]


def annotate(article: Article) -> Article:
    article.set_layer("events", extract_events(article))
    return article

"""Statements across stored articles, filtered by speaker, outlet and date: the data behind `marsad quotes`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.store.base import ArticleFilter, Store


@dataclass(frozen=True, slots=True)
class StatementRecord:
    article: Article
    span: Span

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "article_id": art.id,
            "published": art.published,
            "outlet": art.outlet,
            "url": art.url,
            **self.span.to_dict(art.text),
        }


def speaker_matches(speaker: dict[str, Any], query: str) -> bool:
    """An entity id matches exactly; a name matches the Arabic name, the English name or the speaker text."""
    q = query.strip()
    if not q:
        return True
    if speaker.get("entity_id") and str(speaker["entity_id"]) == q:
        return True
    if (speaker.get("name_en") or "").casefold() == q.casefold():
        return True
    nq = normalize(q)
    for key in ("name", "text", "antecedent", "name_en"):
        value = speaker.get(key)
        if value and nq in normalize(str(value)):
            return True
    return False


def find_statements(
    store: Store,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> Iterator[StatementRecord]:
    flt = ArticleFilter(outlet=outlet, since=since, until=until)
    shown = 0
    for art in store.iter_articles(flt, with_layers=True):
        for span in art.layer("statements"):
            if speaker and not speaker_matches(span.attrs.get("speaker") or {}, speaker):
                continue
            yield StatementRecord(art, span)
            shown += 1
            if limit and shown >= limit:
                return

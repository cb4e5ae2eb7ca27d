"""Entities in articles: gazetteer + titles + (optional) NER, variant-aware ids and actor codes.

``annotate(article)`` adds the ``entities`` layer: ``Span(start, end, TYPE, attrs)`` with
attrs type, entity_id, name, name_en, actor, country, role and source ("gazetteer",
"ner" or "both"; rule-derived mentions add ``rule``: "title", "org-pattern", "short-name").
``lookup(phrase)`` finds the entity a phrase names, ``describe(phrase)`` codes a description
without a name ("وزير الخارجية الروسي" → RUSGOV), and ``actor_of(entity_or_name, date)``
does whichever applies.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from marsad.entities.mentions import annotate, describe
from marsad.entities.variants import key_string, name_key, names_match, token_key, tokens_match

__all__ = [
    "annotate", "lookup", "describe", "actor_of", "entity", "key_string", "name_key", "names_match", "token_key",
    "tokens_match", "nationality_forms",
]


@lru_cache(maxsize=1)
def nationality_forms() -> dict[str, str]:
    """Every nationality adjective the gazetteer knows, as written there, -> ISO3 country."""
    from marsad.entities.gazetteer import load

    forms: dict[str, str] = {}
    for e in load().entries:
        if getattr(e, "kind", None) == "nat" and e.country:
            for v in e.variants:
                forms.setdefault(v, e.country)
    return forms


def lookup(text: str, date: str | None = None) -> dict[str, Any] | None:
    """The entity a phrase names ("وزارة الخارجية الروسية", "وكالة تاس", "بيونغ يانغ"), or None.

    Returns the same fields as an entities span: entity_id, type, name, name_en, actor,
    country, role; codes are resolved for ``date`` (ISO) when given.
    """
    found = _lookup(" ".join(text.split()), date)
    return dict(found) if found is not None else None


@lru_cache(maxsize=20_000)
def _lookup(text: str, date: str | None) -> dict[str, Any] | None:
    from marsad.document import Article

    if not text:
        return None
    art = Article(text=text, published=date)
    annotate(art, use_ner=False)
    spans = art.layers.get("entities") or []
    whole = [s for s in spans if len(text[s.end :].strip(" .،,\"'«»")) == 0 and not text[: s.start].strip(" وفبلك\"'«")]
    if not whole:
        return None
    best = max(whole, key=lambda s: s.end - s.start)
    return {k: best.attrs.get(k) for k in ("entity_id", "type", "name", "name_en", "actor", "country", "role")}


def entity(entity_id: str) -> dict[str, Any] | None:
    """The gazetteer record of an id (variants, dated codes), or None for article-local ids."""
    from marsad.entities.gazetteer import load

    e = load().by_id.get(entity_id)
    if e is None:
        return None
    return {
        "entity_id": e.id, "type": e.type, "kind": e.kind, "name": e.name, "name_en": e.name_en,
        "variants": list(e.variants), "codes": [list(c) for c in e.codes], "country": e.country,
    }


def actor_of(entity_or_name: str, date: str | None = None) -> str | None:
    """The actor code of a gazetteer id or of a phrase on ``date``: actor_of("لافروف", "2023-10-19") → "RUSGOV"."""
    from marsad.entities.actors import code_at
    from marsad.entities.gazetteer import load

    e = load().by_id.get(entity_or_name)
    if e is not None:
        return code_at(e.codes, date)
    found = lookup(entity_or_name, date)
    if found:
        return found["actor"]
    return describe(entity_or_name, date)["actor"]

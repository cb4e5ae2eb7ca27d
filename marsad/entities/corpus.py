"""The corpus pass over entities: one record per entity across the store.

Ids in the ``entities`` layer are already stable across articles (gazetteer id, or a
hash of the variant key of the full name).  This pass adds what only the corpus
knows: mention and article counts, spelling variants, outlets, first and last
dates, and it folds unknown names that differ by a spelling variant the key does
not catch (one edit, e.g. ريونغ / ريونق) into the most mentioned id, listing the
others under ``aliases``.

Records go to ``store.replace_records("entity", ...)``; read them back with
``store.records("entity")``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.document import Article
from marsad.entities.mentions import same_name
from marsad.entities.variants import name_key
from marsad.store.base import Store

KIND = "entity"


@dataclass
class _Agg:
    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    names_en: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    variants: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0
    first: str | None = None
    last: str | None = None
    aliases: set[str] = field(default_factory=set)

    def add(self, art: Article, attrs: dict[str, Any], surface: str) -> None:
        self.mentions += 1
        self.articles.add(art.id)
        self.names[attrs.get("name") or surface] += 1
        for counter, key in ((self.names_en, "name_en"), (self.actors, "actor"), (self.countries, "country"),
                             (self.roles, "role"), (self.sources, "source")):
            if attrs.get(key):
                counter[attrs[key]] += 1
        self.variants[" ".join(surface.split())] += 1
        if art.outlet:
            self.outlets[art.outlet] += 1
        if art.published:
            day = art.published[:10]
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def merge(self, other: _Agg) -> None:
        for name in ("names", "names_en", "actors", "countries", "roles", "variants", "outlets", "sources"):
            getattr(self, name).update(getattr(other, name))
        self.articles |= other.articles
        self.mentions += other.mentions
        self.aliases |= {other.id} | other.aliases
        for d in (other.first, other.last):
            if d:
                self.first = min(self.first or d, d)
                self.last = max(self.last or d, d)

    def record(self) -> dict[str, Any]:
        def top(c: Counter[str]) -> str | None:
            return c.most_common(1)[0][0] if c else None

        return {
            "id": self.id,
            "type": self.type,
            "name": top(self.names),
            "name_en": top(self.names_en),
            "actor": top(self.actors),
            "actors": dict(self.actors.most_common()),
            "country": top(self.countries),
            "role": top(self.roles),
            "variants": dict(self.variants.most_common()),
            "mentions": self.mentions,
            "articles": len(self.articles),
            "outlets": dict(self.outlets.most_common()),
            "first": self.first,
            "last": self.last,
            "aliases": sorted(self.aliases),
            "gazetteer": not self.id.split(":", 1)[-1].startswith("k-"),
        }


def aggregate(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """Entity records from the ``entities`` layers of ``articles``, most mentioned first."""
    aggs: dict[str, _Agg] = {}
    for art in articles:
        for span in art.layers.get("entities") or []:
            eid = span.attrs.get("entity_id")
            if not eid:
                continue
            agg = aggs.get(eid)
            if agg is None:
                agg = aggs[eid] = _Agg(eid, span.attrs.get("type") or span.label)
            agg.add(art, span.attrs, art.text[span.start : span.end])
    _merge_variants(aggs)
    return sorted((a.record() for a in aggs.values()), key=lambda r: (-r["mentions"], r["id"]))


def _merge_variants(aggs: dict[str, _Agg]) -> None:
    """Fold unknown multi-word names into a same-type entity whose name matches them by variant."""
    buckets: dict[tuple[str, int, str], list[_Agg]] = defaultdict(list)
    for agg in aggs.values():
        name = agg.names.most_common(1)[0][0] if agg.names else ""
        key = name_key(name)
        if len(key) >= 2:
            buckets[(agg.type, len(key), key[0][:1])].append(agg)
    for group in buckets.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda a: (a.id.split(":", 1)[-1].startswith("k-"), -a.mentions, a.id))
        kept: list[_Agg] = []
        for agg in group:
            unknown = agg.id.split(":", 1)[-1].startswith("k-")
            name = agg.names.most_common(1)[0][0]
            target = None
            if unknown:
                target = next((k for k in kept if same_name(name, k.names.most_common(1)[0][0])), None)
            if target is None:
                kept.append(agg)
            else:
                target.merge(agg)
                del aggs[agg.id]


def link_entities(store: Store, analyze_missing: bool = True, reannotate: bool = False) -> dict[str, Any]:
    """The entities corpus stage: annotate articles lacking the layer (all with ``reannotate``),
    write one ``entity`` record per entity, and return a small summary."""
    annotated = 0
    if analyze_missing or reannotate:
        if reannotate:
            missing = [a.id for a in store.iter_articles(with_layers=False)]
        else:
            missing = store.articles_missing_layer("entities")
        if missing:
            from marsad.entities.mentions import annotate
            from marsad.segment import segment
            from marsad.store.base import ArticleFilter

            batch = []
            for art in store.iter_articles(ArticleFilter(ids=tuple(missing)), with_layers=True):
                if "sentences" not in art.layers:
                    segment(art)
                batch.append(annotate(art))
                annotated += 1
                if len(batch) >= 500:
                    store.save_layers(batch, ["sentences", "tokens", "entities"])
                    batch = []
            if batch:
                store.save_layers(batch, ["sentences", "tokens", "entities"])
    records = aggregate(store.iter_articles(with_layers=True))
    store.replace_records(KIND, records)
    types = Counter(r["type"] for r in records)
    return {"annotated": annotated, "entities": len(records), **{t.lower(): n for t, n in sorted(types.items())}}

"""The one document model every stage reads and extends.

An :class:`Article` carries its metadata, the raw input, the clean display
text and typed annotation layers.  A layer is a list of :class:`Span` objects
whose ``start``/``end`` are character offsets into ``Article.text`` (the
display text), so every annotation leads back to the sentence it came from.
Stages never reach into each other: they read layers and add their own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "marsad-article/1"

# Where a publication date came from, best first.
PUBLISHED_SOURCES = ("metadata", "html", "url", "dateline", "text", "unknown")

# Layer names, in the order the pipeline fills them.
LAYERS = ("sentences", "tokens", "entities", "timexes", "statements", "events")


_SPAN_KEYS = frozenset({"start", "end", "label", "text"})


@dataclass(slots=True)
class Span:
    """A typed character span over ``Article.text``.

    ``attrs`` hold the layer's own fields (entity_id, value, speaker...); they must
    not use the reserved keys start, end, label or text.
    """

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """Flat JSON form: start, end, label, text (when given), then the attributes."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if text is not None:
            out["text"] = text[self.start : self.end]
        for key, value in self.attrs.items():
            if key not in _SPAN_KEYS:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        attrs = {k: v for k, v in data.items() if k not in _SPAN_KEYS}
        return cls(int(data["start"]), int(data["end"]), str(data["label"]), attrs)


@dataclass
class Article:
    """One news article: metadata, raw input, clean text and annotation layers."""

    text: str
    raw: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_source: str = "unknown"
    language: str | None = None
    source: str | None = None
    source_id: str | None = None
    # Parsed furniture and provenance: wires, contributors, dateline, encoding, warnings.
    meta: dict[str, Any] = field(default_factory=dict)
    layers: dict[str, list[Span]] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.url, self.text)

    def refresh_id(self) -> None:
        """Recompute the id after the clean text changed."""
        self.id = article_id(self.url, self.text)

    def layer(self, name: str) -> list[Span]:
        return self.layers.get(name, [])

    def set_layer(self, name: str, spans: list[Span]) -> None:
        self.layers[name] = sorted(spans, key=lambda s: (s.start, -s.end))

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def warn(self, message: str) -> None:
        self.meta.setdefault("warnings", []).append(message)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self, with_raw: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "source_id": self.source_id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "author": self.author,
            "published": {"value": self.published, "from": self.published_source},
            "language": self.language,
            "meta": self.meta,
            "text": self.text,
            "layers": {name: [s.to_dict(self.text) for s in spans] for name, spans in self.layers.items()},
        }
        if with_raw:
            out["raw"] = self.raw
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published") or {}
        if isinstance(published, str):
            published = {"value": published, "from": "metadata"}
        art = cls(
            text=data["text"],
            raw=data.get("raw", ""),
            url=data.get("url"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            author=data.get("author"),
            published=published.get("value"),
            published_source=published.get("from") or "unknown",
            language=data.get("language"),
            source=data.get("source"),
            source_id=data.get("source_id"),
            meta=dict(data.get("meta") or {}),
            id=data.get("id") or "",
        )
        for name, spans in (data.get("layers") or {}).items():
            art.layers[name] = [Span.from_dict(s) for s in spans]
        return art


def content_hash(text: str) -> str:
    """Hash of the normalized matching form, so trivial spelling noise does not defeat dedup."""
    from marsad.clean.normalize import normalize

    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def article_id(url: str | None, text: str) -> str:
    """Stable id from URL and content: the same page re-crawled keeps its id."""
    h = hashlib.sha1()
    h.update((url or "").encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:16]

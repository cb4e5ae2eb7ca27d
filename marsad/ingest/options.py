"""What a caller can tell ingest, and what ingest reports back for an input it could not read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from marsad.ingest.fetch import FetchedPage

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Record fields ingest understands, and the names news-please style dumps use for them, in preference order.
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("date_publish", "published", "date", "pubDate", "publish_date", "published_at"),
    "outlet": ("outlet", "source", "source_domain", "site_name", "publisher"),
    "author": ("author", "authors", "byline"),
    "id": ("id", "guid", "_id", "uuid"),
    "language": ("language", "lang"),
    # When the crawler saw the page: provenance, never a publication date.
    "crawled": ("date_extracted", "date_download", "crawled", "crawled_at"),
}


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input (or one record of it) that produced no article, and why."""

    source: str
    source_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source} [{self.source_id}]" if self.source_id else self.source
        return f"{where}: {self.message}"


@dataclass
class IngestOptions:
    """How to read inputs.

    ``outlet``/``published`` override whatever the input says; ``meta_file`` is a
    sidecar in meta.jsonl form; ``fields`` maps a record field (text, title,
    url, published, outlet, author, id, language, crawled) to the input's own key.
    """

    meta_file: str | None = None
    outlet: str | None = None
    published: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
    fetch_feed_entries: bool = True
    clean: bool = True
    fetcher: Callable[[str], FetchedPage] | None = None
    stdin: BinaryIO | None = None

    def field_names(self, key: str) -> tuple[str, ...]:
        if key in self.fields:
            return (self.fields[key],)
        return RECORD_FIELDS[key]


def parse_field_overrides(pairs: list[str] | None) -> dict[str, str]:
    """``["text=body", "published=pub_date"]`` → {"text": "body", ...}; unknown keys are an error."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, name = pair.partition("=")
        key, name = key.strip(), name.strip()
        if not sep or not key or not name:
            raise ValueError(f"--field expects KEY=NAME, got {pair!r}")
        if key not in RECORD_FIELDS:
            raise ValueError(f"--field: unknown key {key!r}; known: {', '.join(RECORD_FIELDS)}")
        out[key] = name
    return out

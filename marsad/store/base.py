"""The storage interface every backend implements.

Stages never talk to a database: the pipeline hands them Articles, and the
corpus stages read and write through this interface only.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from marsad.document import Article

# duplicate_input: the same URL with the same raw input is already stored, under the id an
# earlier version of the cleaner gave it; re-ingesting after an upgrade must not add it twice.
AddStatus = Literal["added", "duplicate_id", "duplicate_content", "duplicate_input"]


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: str
    status: AddStatus
    existing_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    outlet: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    language: str | None = None
    limit: int | None = None
    ids: tuple[str, ...] | None = None


class Store(ABC):
    """Articles, their annotation layers, failures and corpus-level records."""

    # --- articles -------------------------------------------------------
    @abstractmethod
    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Add a batch in one transaction; duplicates by id, content hash or (URL, raw input) are no-ops."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None:
        """The article with its stored layers, or None. A unique id prefix is accepted."""

    @abstractmethod
    def iter_articles(self, flt: ArticleFilter | None = None, with_layers: bool = True) -> Iterator[Article]: ...

    @abstractmethod
    def count_articles(self, flt: ArticleFilter | None = None) -> int: ...

    @abstractmethod
    def save_layers(self, articles: Iterable[Article], names: Iterable[str], with_metadata: bool = True) -> None:
        """Replace the named layers of each article (and its metadata), in one transaction."""

    @abstractmethod
    def update_metadata(self, article: Article) -> None:
        """Persist a change to published date, language or meta made by a later stage."""

    @abstractmethod
    def articles_missing_layer(self, name: str, limit: int | None = None) -> list[str]: ...

    # --- failures -------------------------------------------------------
    @abstractmethod
    def record_failure(self, source: str, source_id: str | None, error: str) -> None: ...

    @abstractmethod
    def failures(self, limit: int = 100) -> list[dict[str, Any]]: ...

    # --- corpus records (entities, events, stories...) -----------------
    @abstractmethod
    def replace_records(self, kind: str, records: Iterable[dict[str, Any]], scope: str = "corpus") -> None:
        """Replace every record of ``kind`` in ``scope`` (a corpus stage's output) atomically."""

    @abstractmethod
    def records(self, kind: str, scope: str | None = None) -> list[dict[str, Any]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

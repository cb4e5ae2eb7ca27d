"""Finishing an Article read from any input: sidecar and user metadata, URL date, cleaning, language.

Every reader builds an Article with the extracted main text; this is the one
place that decides metadata precedence (user overrides > sidecar > the input's
own metadata > HTML > URL > what cleaning finds in the text) and refuses
articles with no content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marsad.document import Article
from marsad.ingest.dates import date_from_url, normalize_date
from marsad.ingest.language import detect_language
from marsad.ingest.options import IngestFailure, IngestOptions

_SIDECAR_FIELDS = ("file", "published", "outlet", "wires", "title", "url", "author", "language")


def load_cleaner() -> Callable[[Article], Article] | None:
    """The cleaning stage, if this checkout has it."""
    try:
        from marsad.clean import clean_article
    except ImportError:
        return None
    return clean_article


def finish_article(
    article: Article,
    options: IngestOptions,
    sidecar: dict[str, Any] | None = None,
    cleaner: Callable[[Article], Article] | None = None,
) -> Article | IngestFailure:
    if sidecar:
        _apply_sidecar(article, sidecar)
    if options.outlet:
        article.outlet = options.outlet
    if options.published:
        value = normalize_date(options.published)
        if value:
            article.published, article.published_source = value, "metadata"
        else:
            article.warn(f"--published {options.published!r} is not a date; ignored")
    if not article.published:
        day = date_from_url(article.url)
        if day:
            article.published, article.published_source = day, "url"
    if not article.published:
        article.published_source = "unknown"
    if not article.text.strip():
        return _empty(article)
    if cleaner is not None:
        try:
            article = cleaner(article)
        except Exception as exc:  # a cleaning bug must not lose the article: keep the extracted text
            article.warn(f"cleaning failed: {type(exc).__name__}: {exc}")
    if not article.text.strip():
        return _empty(article, "empty content after cleaning (only site furniture)")
    language = detect_language(article.text)
    if language in (None, "und") and article.language:
        language = article.language
    article.language = language
    if language != "ar":
        article.meta["non_arabic"] = True
        article.warn(f"not Arabic (detected language: {language or 'none'}); kept but flagged")
    article.refresh_id()
    return article


def _empty(article: Article, message: str = "empty content") -> IngestFailure:
    return IngestFailure(article.source or "?", article.source_id or _line(article), message)


def _line(article: Article) -> str | None:
    line = article.meta.get("line")
    return f"line {line}" if line else None


def _apply_sidecar(article: Article, entry: dict[str, Any]) -> None:
    published = entry.get("published")
    if published:
        value = normalize_date(published)
        if value:
            article.published, article.published_source = value, "metadata"
        else:
            article.warn(f"sidecar published {published!r} is not a date; ignored")
    for key in ("outlet", "title", "url", "author", "language"):
        if entry.get(key):
            setattr(article, key, str(entry[key]))
    if "wires" in entry:
        wires = entry["wires"]
        article.meta["wires"] = [str(w) for w in wires] if isinstance(wires, list) else [str(wires)]
    for key, value in entry.items():
        if key not in _SIDECAR_FIELDS:
            article.meta.setdefault(key, value)

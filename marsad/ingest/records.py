"""News-please style records: JSON Lines (plain or gzipped) and JSON arrays of article objects.

Collections are streamed line by line, so a dump of any size is fine; the size
cap applies to each record.  A line that is not JSON, or a record with no
text, is one failure and the rest of the file goes on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.clean.normalize import tidy_display
from marsad.document import Article
from marsad.ingest.dates import normalize_date
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.options import IngestFailure, IngestOptions


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[Article | IngestFailure]:
    source = str(path)
    try:
        fh = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")
    except OSError as exc:
        yield IngestFailure(source, None, f"cannot open: {exc.strerror or exc}")
        return
    seen_any = False
    try:
        with fh:
            for lineno, line in enumerate(_lines(fh), start=1):
                if not line.strip():
                    continue
                seen_any = True
                yield from _line_to_article(line, lineno, source, options)
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestFailure(source, None, f"file is corrupt or truncated: {exc}")
        return
    if not seen_any:
        yield IngestFailure(source, None, "empty file")


def _lines(fh: Any) -> Iterable[bytes]:
    first = True
    for line in fh:
        if first:
            line = line.removeprefix(b"\xef\xbb\xbf")
            first = False
        yield line


def _line_to_article(line: bytes, lineno: int, source: str, options: IngestOptions) -> Iterator[Article | IngestFailure]:
    where = f"line {lineno}"
    if len(line) > options.max_bytes:
        yield IngestFailure(source, where, f"record is over the {options.max_bytes // (1024 * 1024)} MB limit")
        return
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode_bytes(line).text
        except DecodeError as exc:
            yield IngestFailure(source, where, f"undecodable line: {exc}")
            return
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestFailure(source, where, f"not JSON: {exc.msg} at column {exc.colno}")
        return
    yield record_to_article(record, source, options, lineno=lineno, raw=text.rstrip("\r\n"))


def read_json(path: Path, options: IngestOptions) -> Iterator[Article | IngestFailure]:
    """A .json file: an array of records, a single record, or an object holding an array."""
    source = str(path)
    try:
        data = gzip.open(path, "rb").read() if path.name.endswith(".gz") else path.read_bytes()
        text = decode_bytes(data).text
    except (OSError, EOFError) as exc:
        yield IngestFailure(source, None, f"cannot read: {exc}")
        return
    except DecodeError as exc:
        yield IngestFailure(source, None, str(exc))
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n{" in text:  # JSON Lines under a .json name
            yield from read_jsonl(path, options)
            return
        yield IngestFailure(source, None, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        doc = lists[0] if len(lists) == 1 and not _has_text(doc, options) else [doc]
    if not isinstance(doc, list) or not doc:
        yield IngestFailure(source, None, "expected a JSON array of article objects")
        return
    for i, record in enumerate(doc, start=1):
        raw = json.dumps(record, ensure_ascii=False)
        yield record_to_article(record, source, options, index=i, raw=raw)


def _has_text(record: dict[str, Any], options: IngestOptions) -> bool:
    return any(name in record for name in options.field_names("text"))


def _pick(record: dict[str, Any], options: IngestOptions, key: str) -> Any:
    for name in options.field_names(key):
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if v not in (None, "")]
        return "، ".join(parts) if parts else None
    if isinstance(value, dict):
        return str(value.get("name") or value.get("title") or "") or None
    s = str(value).strip()
    return s or None


def record_to_article(
    record: Any,
    source: str,
    options: IngestOptions,
    lineno: int | None = None,
    index: int | None = None,
    raw: str = "",
) -> Article | IngestFailure:
    where = f"line {lineno}" if lineno else (f"record {index}" if index else None)
    if not isinstance(record, dict):
        return IngestFailure(source, where, f"expected a JSON object, got {type(record).__name__}")
    record_id = _as_text(_pick(record, options, "id"))
    if not any(name in record for name in options.field_names("text")):
        tried = ", ".join(options.field_names("text"))
        return IngestFailure(source, record_id or where, f"no text field (looked for {tried}; use --field text=NAME)")
    body = _pick(record, options, "text")
    body = body if isinstance(body, str) else _as_text(body) or ""
    if not body.strip():
        return IngestFailure(source, record_id or where, "empty content")
    article = Article(
        text=tidy_display(body).strip(),
        raw=raw,
        url=_as_text(_pick(record, options, "url")),
        outlet=_as_text(_pick(record, options, "outlet")),
        title=_as_text(_pick(record, options, "title")),
        author=_as_text(_pick(record, options, "author")),
        language=_as_text(_pick(record, options, "language")),
        source=source,
        source_id=record_id,
    )
    if lineno:
        article.meta["line"] = lineno
    elif index:
        article.meta["record"] = index
    published = _pick(record, options, "published")
    if published is not None:
        value = normalize_date(published)
        if value:
            article.published, article.published_source = value, "metadata"
        else:
            article.warn(f"publication date {published!r} is not a date; ignored")
    crawled = _pick(record, options, "crawled")
    if crawled is not None:
        article.meta["crawled"] = normalize_date(crawled) or str(crawled)
    return article

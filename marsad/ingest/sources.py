"""What an input is (folder, file of some format, URL, stdin) and how to read it into Articles.

Formats are chosen by file suffix; a named file with an unknown suffix is
sniffed.  Folders are walked recursively in name order, skipping hidden
entries, sidecars and files of unknown kinds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from marsad.clean.normalize import tidy_display
from marsad.document import Article
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.feeds import looks_like_feed, read_feed
from marsad.ingest.fetch import FetchedPage, FetchError
from marsad.ingest.html import HtmlError, extract_page
from marsad.ingest.options import IngestFailure, IngestOptions
from marsad.ingest.records import read_json, read_jsonl
from marsad.ingest.sidecar import is_sidecar
from marsad.ingest.warc import read_warc

STDIN = "-"

_SUFFIX_KINDS: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".json.gz", "json"),
    (".warc.gz", "warc"), (".warc", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    (".txt", "text"), (".text", "text"),
)
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>])", re.I)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix, kind in _SUFFIX_KINDS:
        if name.endswith(suffix):
            return kind
    return None


def expand(inputs: list[str]) -> Iterator[tuple[str, Path | None]]:
    """Each input as (name, path); folders become their files; URLs and stdin have no path."""
    for item in inputs:
        if item == STDIN or is_url(item):
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                yield str(file), file
        else:
            yield item, path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file() and not is_sidecar(child) and kind_of(child) is not None:
            yield child


def read_path(path: Path, options: IngestOptions, fetch: Callable[[str], FetchedPage]) -> Iterator[Article | IngestFailure]:
    source = str(path)
    if not path.exists():
        yield IngestFailure(source, None, "no such file or directory")
        return
    if not path.is_file():
        yield IngestFailure(source, None, "not a regular file")
        return
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path, options)
        return
    if kind == "json":
        yield from read_json(path, options)
        return
    if kind == "warc":
        yield from read_warc(path, options)
        return
    size = path.stat().st_size
    if size > options.max_bytes:
        yield IngestFailure(
            source, None, f"file is too large ({size / 1048576:.1f} MB; the limit is {options.max_bytes / 1048576:g} MB)"
        )
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestFailure(source, None, f"cannot read: {exc.strerror or exc}")
        return
    if kind is None:
        kind = sniff(data)
    if kind == "feed" and not looks_like_feed(data):
        if _HTML_START.match(data[:1024]):
            kind = "html"
        else:
            yield from read_feed(data, source, options, fetch)  # reports it as a malformed feed
            return
    if kind == "feed":
        yield from read_feed(data, source, options, fetch)
    elif kind == "html":
        yield read_html_bytes(data, source, None, options)
    else:
        yield read_text_bytes(data, source)


def sniff(data: bytes) -> str:
    if looks_like_feed(data):
        return "feed"
    if _HTML_START.match(data[:1024]):
        return "html"
    stripped = data.lstrip()[:1]
    if stripped in (b"{", b"["):
        return "json"
    return "text"


def read_text_bytes(data: bytes, source: str, source_id: str | None = None) -> Article | IngestFailure:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return IngestFailure(source, source_id, str(exc))
    text = tidy_display(decoded.text).strip()
    article = Article(text=text, raw=decoded.text, source=source, source_id=source_id)
    article.meta["encoding"] = decoded.encoding
    return article


def read_html_bytes(
    data: bytes, source: str, url: str | None, options: IngestOptions, charset: str | None = None
) -> Article | IngestFailure:
    try:
        decoded = decode_bytes(data, charset or _meta_charset(data))
        page = extract_page(decoded.text, url)
    except (DecodeError, HtmlError) as exc:
        return IngestFailure(source, None, str(exc))
    article = Article(
        text=tidy_display(page.text).strip(), raw=decoded.text, url=page.url, outlet=page.outlet, title=page.title,
        author=page.author, published=page.published, published_source=page.published_source, source=source,
    )
    article.meta["encoding"] = decoded.encoding
    for w in page.warnings:
        article.warn(w)
    return article


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def read_url(url: str, options: IngestOptions, fetch: Callable[[str], FetchedPage]) -> Iterator[Article | IngestFailure]:
    try:
        page = fetch(url)
    except FetchError as exc:
        yield IngestFailure(url, None, str(exc))
        return
    feed_type = any(t in page.content_type for t in ("rss", "atom")) or page.content_type in ("application/xml", "text/xml")
    if looks_like_feed(page.content) or (feed_type and not _HTML_START.match(page.content[:1024])):
        yield from read_feed(page.content, url, options, fetch)
        return
    if page.content_type.startswith("text/plain"):
        item = read_text_bytes(page.content, url)
        if isinstance(item, Article):
            item.url = page.url
        yield item
        return
    yield read_html_bytes(page.content, url, page.url, options, page.charset)


def read_stdin(options: IngestOptions) -> Iterator[Article | IngestFailure]:
    import sys

    stream = options.stdin if options.stdin is not None else sys.stdin.buffer
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield IngestFailure("<stdin>", None, "input is over the size limit")
        return
    yield read_text_bytes(data, "<stdin>")

"""WARC archives: every HTML response record is a page to extract.

Requests, metadata and non-HTML responses are skipped; the record's
WARC-Date is when it was crawled, kept as provenance, never as the
publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.clean.normalize import tidy_display
from marsad.document import Article
from marsad.ingest.dates import normalize_date
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.html import HtmlError, extract_page
from marsad.ingest.options import IngestFailure, IngestOptions

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, options: IngestOptions) -> Iterator[Article | IngestFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    found = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(_HTML_TYPES):
                    continue
                found += 1
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                url = record.rec_headers.get_header("WARC-Target-URI")
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    yield IngestFailure(source, record_id, f"{url}: HTTP {status} response archived")
                    continue
                content = record.content_stream().read(options.max_bytes + 1)
                if len(content) > options.max_bytes:
                    yield IngestFailure(source, record_id, f"{url}: page is over the size limit")
                    continue
                charset = _charset(content_type)
                try:
                    html = decode_bytes(content, charset).text
                    page = extract_page(html, url)
                except (DecodeError, HtmlError) as exc:
                    yield IngestFailure(source, record_id, f"{url}: {exc}")
                    continue
                article = Article(
                    text=tidy_display(page.text).strip(), raw=html, url=page.url or url, outlet=page.outlet,
                    title=page.title, author=page.author, published=page.published,
                    published_source=page.published_source, source=source, source_id=record_id,
                )
                crawled = record.rec_headers.get_header("WARC-Date")
                if crawled:
                    article.meta["crawled"] = normalize_date(crawled) or crawled
                for w in page.warnings:
                    article.warn(w)
                yield article
    except ArchiveLoadFailed as exc:
        yield IngestFailure(source, None, f"malformed WARC: {exc}")
        return
    except OSError as exc:
        yield IngestFailure(source, None, f"cannot read WARC: {exc}")
        return
    if not found:
        yield IngestFailure(source, None, "no HTML response records in the WARC file")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None

"""RSS/Atom feeds: one article per entry, read from the entry's own page.

A feed entry is only a pointer: the full story is on the linked page, which is
fetched and extracted like any HTML page.  When that fetch fails the entry's
summary is used instead, with a warning saying so, and the batch goes on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from marsad.clean.normalize import tidy_display
from marsad.document import Article
from marsad.ingest.dates import normalize_date
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.fetch import FetchedPage, FetchError
from marsad.ingest.html import HtmlError, extract_page
from marsad.ingest.options import IngestFailure, IngestOptions

_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = decode_bytes(data[:8192]).text.encode("utf-8")
        except DecodeError:
            return False
    return bool(_FEED_ROOT.match(head))


def read_feed(
    data: bytes,
    source: str,
    options: IngestOptions,
    fetch: Callable[[str], FetchedPage],
) -> Iterator[Article | IngestFailure]:
    import feedparser

    parsed = feedparser.parse(data)
    # A broken feed can leave husks of entries behind: keep those that say anything.
    entries = [e for e in parsed.get("entries") or [] if any(e.get(k) for k in ("link", "title", "summary", "content", "id"))]
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        if parsed.get("bozo") or not parsed.get("version"):
            yield IngestFailure(source, None, f"malformed feed{detail}")
        else:
            yield IngestFailure(source, None, "feed has no entries")
        return
    feed_warning = f"feed is not well-formed ({parsed.get('bozo_exception')}); read what could be parsed" if parsed.get("bozo") else None
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, start=1):
        item = _entry_article(entry, n, source, feed_title, options, fetch)
        if feed_warning and isinstance(item, Article):
            item.warn(feed_warning)
        yield item


def _entry_article(
    entry: Any,
    n: int,
    source: str,
    feed_title: str | None,
    options: IngestOptions,
    fetch: Callable[[str], FetchedPage],
) -> Article | IngestFailure:
    guid = entry.get("id") or entry.get("link") or f"entry {n}"
    link = entry.get("link")
    summary_html = _entry_body(entry)
    warnings: list[str] = []
    page = None
    raw = ""
    if link and options.fetch_feed_entries:
        try:
            fetched = fetch(link)
            decoded = decode_bytes(fetched.content, fetched.charset)
            page = extract_page(decoded.text, fetched.url)
            raw = decoded.text
            warnings.extend(page.warnings)
        except (FetchError, DecodeError, HtmlError) as exc:
            warnings.append(f"page fetch failed ({exc}); using the feed summary")
    elif not link:
        warnings.append("entry has no link; using the feed summary")
    if page is not None:
        text = page.text
    else:
        text = _html_to_text(summary_html)
        raw = summary_html
    if not text.strip():
        reason = "; ".join(warnings) or "empty content"
        return IngestFailure(source, guid, f"empty content ({reason})" if warnings else "empty content")
    article = Article(
        text=tidy_display(text).strip(),
        raw=raw,
        url=(page.url if page and page.url else None) or link,
        outlet=(page.outlet if page else None) or feed_title,
        title=entry.get("title") or (page.title if page else None),
        author=entry.get("author") or (page.author if page else None),
        source=source,
        source_id=guid,
    )
    # The feed's own string keeps the publisher's time zone (and so its calendar day); feedparser's struct is UTC.
    published = normalize_date(entry.get("published") or entry.get("updated"))
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not published and parsed:
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    if published:
        article.published, article.published_source = published, "metadata"
    elif page and page.published:
        article.published, article.published_source = page.published, page.published_source
    if page is None:
        article.meta["from_feed_summary"] = True
    for w in warnings:
        article.warn(w)
    return article


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on junk; the summary is a fallback anyway
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p"):
        p.tail = "\n" + (p.tail or "")
    return root.text_content().strip()

"""Main text and metadata of a news page: trafilatura for the body, our own rules for dates and outlet.

trafilatura finds the article body; htmldate reads machine-readable dates.
Arabic sites often print their date only as words ("الأربعاء، 28 آب/اغسطس
2013") in a timestamp element, so those elements are read with our own
month names.  Site-policy blocks (links to privacy/terms/guidelines pages,
typically the comments notice under an article) are pruned before extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

import lxml.etree
import lxml.html

from marsad.ingest.dates import date_from_text, date_from_url, normalize_date

_POLICY_PAGE = re.compile(
    r"^(privacy|privacy[-_]?policy|terms|tos|terms[-_]of[-_](use|service)|terms[-_]and[-_]conditions|"
    r"(community[-_])?guidelines|cookies?|cookie[-_]?policy|disclaimer|legal|copyright|usage[-_]?policy)"
    r"(\.[a-z]+)?$",
    re.I,
)
_BLOCK_TAGS = ("div", "section", "aside", "footer", "nav", "ul", "form", "table")
_MAX_POLICY_BLOCK_CHARS = 1500
_DATE_HINT = re.compile(r"date|time|tmstmp|timestamp|publish|posted|byline|dateline", re.I)
_MAX_TIMESTAMP_CHARS = 200


class HtmlError(ValueError):
    """A page with no readable article in it."""


@dataclass
class PageExtract:
    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: str = "unknown"
    warnings: list[str] = field(default_factory=list)


def extract_page(html: str, url: str | None = None) -> PageExtract:
    """The article in ``html``; raises :class:`HtmlError` when there is none."""
    warnings: list[str] = []
    tail = html[-2048:].lower()
    if "</html>" not in tail and "</body>" not in tail:
        warnings.append("HTML looks truncated (no closing </body> or </html>)")
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise HtmlError(f"malformed HTML: {exc}") from exc
    page_url = url or _canonical_url(tree)
    published, published_source = _page_date(tree, html, page_url)
    outlet = _site_name(tree, page_url)
    _prune_policy_blocks(tree)

    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        url=page_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise HtmlError("no article text found in the HTML page" + (" (it looks truncated)" if warnings else ""))
    title = (getattr(doc, "title", None) or _first_text(tree, "//h1") or None) if doc is not None else None
    author = getattr(doc, "author", None) if doc is not None else None
    return PageExtract(
        text=text,
        title=title.strip() if title else None,
        author=author or None,
        url=page_url,
        outlet=outlet,
        published=published,
        published_source=published_source,
        warnings=warnings,
    )


def _canonical_url(tree: lxml.html.HtmlElement) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and str(found[0]).lower().startswith(("http://", "https://")):
            return str(found[0]).strip()
    return None


def _site_name(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    found = tree.xpath('//meta[@property="og:site_name" or @name="og:site_name"]/@content')
    if found and str(found[0]).strip():
        return str(found[0]).strip()
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _page_date(tree: lxml.html.HtmlElement, html: str, url: str | None) -> tuple[str | None, str]:
    """Machine-readable markup first, then a written date in a timestamp element, then the URL."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is a helper: its failure means "no markup date"
        found = None
    day = normalize_date(found) if found else None
    if day:
        return day, "html"
    for el in tree.xpath("//time | //*[@class or @id or @itemprop]"):
        if el.tag == "time":
            day = normalize_date(el.get("datetime"))
        else:
            hint = " ".join(el.get(a, "") for a in ("class", "id", "itemprop"))
            if not _DATE_HINT.search(hint):
                continue
            day = None
        if day is None:
            content = el.text_content()
            if len(content) <= _MAX_TIMESTAMP_CHARS:
                day = date_from_text(content)
        if day:
            return day[:10], "html"
    day = date_from_url(url)
    if day:
        return day, "url"
    return None, "unknown"


def _prune_policy_blocks(tree: lxml.html.HtmlElement) -> None:
    """Drop the small block around a link to a site-policy page (comments notice, legal footer)."""
    doomed = []
    for link in tree.xpath("//a[@href]"):
        path = urlparse(link.get("href", "")).path.rstrip("/")
        if not _POLICY_PAGE.match(path.rsplit("/", 1)[-1]):
            continue
        block = next((a for a in link.iterancestors() if a.tag in _BLOCK_TAGS), None)
        if block is not None and len(block.text_content()) <= _MAX_POLICY_BLOCK_CHARS:
            doomed.append(block)
    for block in doomed:
        parent = block.getparent()
        if parent is not None:
            parent.remove(block)


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return found[0].text_content().strip() if found else None

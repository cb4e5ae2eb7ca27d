from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ingest_samples import SECOND_STORY, STORY, page

from marsad.document import Article
from marsad.ingest import FetchedPage, FetchError, IngestFailure, IngestOptions, UrlFetcher, read_inputs


class _QuietHandler(SimpleHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return None

    def do_GET(self) -> None:
        _QuietHandler.seen_agents.append(self.headers.get("User-Agent", ""))
        super().do_GET()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local web server over a temporary folder: (base URL, folder)."""
    root = tmp_path / "site"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>نشرة الأخبار</title><link>{base}/</link>
<item><title>الوزير يزور عمّان</title><link>{base}/2024/02/11/visit.html</link>
<guid>urn:news:1</guid><pubDate>Sun, 11 Feb 2024 08:30:00 +0300</pubDate>
<description>ملخص قصير عن الزيارة</description></item>
<item><title>البرلمان يقر الموازنة</title><link>{base}/gone.html</link>
<guid>urn:news:2</guid><description>&lt;p&gt;صادق البرلمان على الموازنة بعد نقاش طويل.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_single_url_page(site: tuple[str, Path]) -> None:
    base, root = site
    (root / "story.html").write_text(page("البرلمان يقر الموازنة", SECOND_STORY), encoding="utf-8")
    items = list(read_inputs([f"{base}/story.html"], IngestOptions()))
    assert len(items) == 1
    art = items[0]
    assert isinstance(art, Article)
    assert art.url == f"{base}/story.html" and art.source == f"{base}/story.html"
    assert art.title == "البرلمان يقر الموازنة"
    assert "صادق البرلمان" in art.text
    assert art.outlet == "127.0.0.1"
    assert "marsad/0.1" in _QuietHandler.seen_agents


def test_feed_from_url_fetches_entry_pages_and_falls_back_to_summary(site: tuple[str, Path]) -> None:
    base, root = site
    (root / "2024" / "02" / "11").mkdir(parents=True)
    (root / "2024" / "02" / "11" / "visit.html").write_text(page("الوزير يزور عمّان", STORY), encoding="utf-8")
    (root / "feed.xml").write_text(_feed(base), encoding="utf-8")
    items = list(read_inputs([f"{base}/feed.xml"], IngestOptions()))
    assert len(items) == 2
    fetched, fallback = items
    assert isinstance(fetched, Article) and isinstance(fallback, Article)
    assert fetched.source_id == "urn:news:1"
    assert fetched.source == f"{base}/feed.xml"
    assert "رحبت الحكومة الأردنية" in fetched.text  # the page's full text, not the summary
    assert (fetched.published, fetched.published_source) == ("2024-02-11T08:30:00+03:00", "metadata")
    assert fetched.title == "الوزير يزور عمّان"
    assert fallback.source_id == "urn:news:2"
    assert fallback.text == "صادق البرلمان على الموازنة بعد نقاش طويل."
    assert fallback.meta["from_feed_summary"] is True
    assert any("HTTP 404" in w and "feed summary" in w for w in fallback.meta["warnings"])
    assert fallback.outlet == "نشرة الأخبار"


def test_feed_file_with_injected_fetcher(tmp_path: Path) -> None:
    base = "https://akhbar.example"
    feed = tmp_path / "news.rss"
    feed.write_text(_feed(base), encoding="utf-8")
    pages = {f"{base}/2024/02/11/visit.html": page("الوزير يزور عمّان", STORY)}
    asked: list[str] = []

    def fetch(url: str) -> FetchedPage:
        asked.append(url)
        if url not in pages:
            raise FetchError(f"cannot fetch {url}: HTTP 404 Not Found")
        return FetchedPage(url, pages[url].encode("utf-8"), "text/html", "utf-8")

    items = list(read_inputs([str(feed)], IngestOptions(fetcher=fetch)))
    assert asked == [f"{base}/2024/02/11/visit.html", f"{base}/gone.html"]
    assert [type(i) for i in items] == [Article, Article]


def test_unreachable_url_is_a_clear_failure() -> None:
    url = f"http://127.0.0.1:{_unused_port()}/news.html"
    items = list(read_inputs([url], IngestOptions(timeout=5)))
    assert len(items) == 1
    fail = items[0]
    assert isinstance(fail, IngestFailure)
    assert fail.source == url
    assert url in fail.message and "connection refused" in fail.message


def test_http_error_and_bad_scheme(site: tuple[str, Path]) -> None:
    base, _ = site
    with pytest.raises(FetchError, match="HTTP 404"):
        UrlFetcher(timeout=5)(f"{base}/missing.html")
    with pytest.raises(FetchError, match="only http and https"):
        UrlFetcher()("ftp://127.0.0.1/x")


def test_response_over_the_size_cap(site: tuple[str, Path]) -> None:
    base, root = site
    (root / "big.html").write_text(page("عنوان", STORY * 20), encoding="utf-8")
    with pytest.raises(FetchError, match="over the"):
        UrlFetcher(timeout=5, max_bytes=2048)(f"{base}/big.html")

"""Fetching what the user points ingest at: one GET per URL, with a timeout, a size cap and clear errors.

The fetcher is a plain callable ``url -> FetchedPage`` so tests and other
transports (a cache, a crawler's archive) can stand in for the network.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from marsad.ingest.options import DEFAULT_MAX_BYTES

USER_AGENT = "marsad/0.1"


class FetchError(RuntimeError):
    """A URL could not be fetched; the message names the URL and the reason."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str = ""
    charset: str | None = None


class UrlFetcher:
    """HTTP(S) GET through urllib."""

    def __init__(self, timeout: float = 20.0, max_bytes: int = DEFAULT_MAX_BYTES, user_agent: str = USER_AGENT) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent

    def __call__(self, url: str) -> FetchedPage:
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"cannot fetch {url}: only http and https URLs are supported")
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                content = response.read(self.max_bytes + 1)
                headers: Message = response.headers
                final_url = response.geturl() or url
        except urllib.error.HTTPError as exc:
            raise FetchError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"cannot fetch {url}: {_reason(exc.reason)}") from exc
        except TimeoutError as exc:
            raise FetchError(f"cannot fetch {url}: timed out after {self.timeout:g}s") from exc
        except (OSError, ValueError) as exc:
            raise FetchError(f"cannot fetch {url}: {exc}") from exc
        if len(content) > self.max_bytes:
            raise FetchError(f"cannot fetch {url}: response is over the {_mb(self.max_bytes)} limit")
        return FetchedPage(final_url, content, headers.get_content_type(), headers.get_content_charset())


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server up?)"
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return f"unknown host ({reason.strerror})"
    return str(reason)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"

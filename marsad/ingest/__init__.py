"""Reading news into Articles: text, HTML pages, JSON Lines dumps, RSS/Atom feeds, URLs and WARC files.

:func:`read_inputs` yields, in input order, a cleaned :class:`~marsad.document.Article`
for every document it could read and an :class:`IngestFailure` for every one
it could not, so one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.document import Article
from marsad.ingest.build import finish_article, load_cleaner
from marsad.ingest.fetch import FetchedPage, FetchError, UrlFetcher
from marsad.ingest.options import IngestFailure, IngestOptions, parse_field_overrides
from marsad.ingest.sidecar import SidecarError, load_sidecar, sidecar_entry
from marsad.ingest.sources import STDIN, expand, read_path, read_stdin, read_url

__all__ = [
    "FetchError",
    "FetchedPage",
    "IngestFailure",
    "IngestOptions",
    "SidecarError",
    "UrlFetcher",
    "parse_field_overrides",
    "read_inputs",
]


def read_inputs(inputs: list[str], options: IngestOptions | None = None) -> Iterator[Article | IngestFailure]:
    """Articles and failures for ``inputs`` (paths, folders, http(s) URLs, or "-" for stdin), in order.

    Raises :class:`SidecarError` up front when ``options.meta_file`` cannot be read.
    """
    options = options or IngestOptions()
    if options.meta_file:
        load_sidecar(options.meta_file)
    fetch = options.fetcher or UrlFetcher(timeout=options.timeout, max_bytes=options.max_bytes)
    cleaner = load_cleaner() if options.clean else None
    for name, path in expand(inputs):
        entry = None
        sidecar_problem = None
        if path is not None:
            try:
                entry = sidecar_entry(path, options.meta_file)
            except SidecarError as exc:
                sidecar_problem = f"sidecar ignored: {exc}"
            items = read_path(path, options, fetch)
        elif name == STDIN:
            items = read_stdin(options)
        else:
            items = read_url(name, options, fetch)
        for item in items:
            if isinstance(item, IngestFailure):
                yield item
                continue
            if sidecar_problem:
                item.warn(sidecar_problem)
            yield finish_article(item, options, entry, cleaner)

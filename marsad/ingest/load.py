"""Reading inputs into the store: segment, then commit in batches, one transaction each.

A killed run keeps every committed batch; a re-run finds those articles
already stored (same id or same content) and adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.document import Article
from marsad.ingest.options import IngestFailure
from marsad.segment import segment
from marsad.store.base import Store

DEFAULT_BATCH_SIZE = 200


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    warnings: int = 0

    def summary(self) -> str:
        return f"ingested {self.ingested}, skipped {self.duplicates} duplicates, failed {self.failed}"


def store_articles(
    store: Store,
    items: Iterable[Article | IngestFailure],
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    keep_failures: int = 1000,
) -> IngestReport:
    """Store what ``items`` yields; failures go to the store's failure log as they come."""
    report = IngestReport()
    batch: list[Article] = []

    def flush() -> None:
        if not batch:
            return
        for result in store.add_articles(batch):
            if result.status == "added":
                report.ingested += 1
            else:
                report.duplicates += 1
        if progress:
            progress(len(batch))
        batch.clear()

    for item in items:
        if isinstance(item, IngestFailure):
            store.record_failure(item.source, item.source_id, item.message)
            report.failed += 1
            if len(report.failures) < keep_failures:
                report.failures.append(item)
            if progress:
                progress(1)
            continue
        segment(item, with_tokens=False)
        item.layers.pop("tokens", None)
        report.warnings += len(item.meta.get("warnings", []))
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report

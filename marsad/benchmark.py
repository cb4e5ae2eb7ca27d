"""Throughput and memory of ingest, clean+segment and the full analysis on a slice of a news dump.

Each stage runs in its own forked process so its peak resident memory is its
own; the clock covers only the stage's work, not loading the input slice.

- ``ingest``: read the first N records, clean, segment and store them in a temporary database;
- ``clean+segment``: clean and segment N articles already in memory (the per-article ingest cost);
- ``analyze``: the full pipeline on N cleaned articles already in memory.
"""

from __future__ import annotations

import itertools
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.document import Article

STAGE_NAMES = ("ingest", "clean+segment", "analyze")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"


@dataclass(frozen=True)
class StageResult:
    stage: str
    articles: int
    seconds: float
    peak_rss_mb: float
    seconds_by_step: dict[str, float] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        line = f"{self.stage:<14} {self.articles:>7} {self.seconds:>9.2f} {self.per_second:>10.1f} {self.peak_rss_mb:>10.1f}"
        for step, secs in self.seconds_by_step.items():
            rate = self.articles / secs if secs else float("inf")
            line += f"\n  {step:<12} {'':>7} {secs:>9.2f} {rate:>10.1f}"
        return line


HEADER = f"{'stage':<14} {'articles':>7} {'seconds':>9} {'articles/s':>10} {'peak MB':>10}"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _raw_articles(path: Path, n: int) -> list[Article]:
    """The first ``n`` readable records as uncleaned Articles."""
    from marsad.ingest import IngestOptions
    from marsad.ingest.records import read_jsonl

    items = read_jsonl(path, IngestOptions())
    return list(itertools.islice((a for a in items if isinstance(a, Article)), n))


def _bench_ingest(path: str, n: int) -> tuple[int, float]:
    from marsad.ingest import IngestFailure, IngestOptions, read_inputs
    from marsad.ingest.load import store_articles
    from marsad.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        items = itertools.islice(read_inputs([path], IngestOptions()), n)
        report = store_articles(store, items)
        seconds = time.perf_counter() - start
        store.close()
    assert not isinstance(report, IngestFailure)
    return report.ingested + report.duplicates + report.failed, seconds


def _bench_clean_segment(path: str, n: int) -> tuple[int, float]:
    from marsad.ingest.build import load_cleaner
    from marsad.segment import segment

    cleaner = load_cleaner()
    articles = _raw_articles(Path(path), n)
    start = time.perf_counter()
    for art in articles:
        if cleaner is not None:
            art = cleaner(art)
        segment(art, with_tokens=False)
    return len(articles), time.perf_counter() - start


def _bench_analyze(path: str, n: int) -> tuple[int, float, dict[str, float]]:
    from marsad.ingest.build import load_cleaner
    from marsad.pipeline import STAGES

    cleaner = load_cleaner()
    articles = _raw_articles(Path(path), n)
    if cleaner is not None:
        articles = [cleaner(a) for a in articles]
    count = len(articles)
    funcs = [(stage.name, stage.load()) for stage in STAGES]
    warmup = Article(text="قال الوزير في عمّان إن المحادثات ستستأنف يوم الأحد.")
    for _, func in funcs:  # load models and lexicons outside the clock
        warmup = func(warmup)
    per_stage = dict.fromkeys((name for name, _ in funcs), 0.0)
    start = time.perf_counter()
    # Each article is dropped once analyzed, as a streaming run would, so peak memory is the pipeline's.
    while articles:
        art = articles.pop(0)
        for name, func in funcs:
            t = time.perf_counter()
            try:
                art = func(art)
            except Exception as exc:  # as Pipeline does: a failing stage costs a warning, not the run
                art.warn(f"stage {name} failed: {exc}")
            per_stage[name] += time.perf_counter() - t
    return count, time.perf_counter() - start, per_stage


_RUNNERS: dict[str, Callable[[str, int], tuple]] = {
    "ingest": _bench_ingest,
    "clean+segment": _bench_clean_segment,
    "analyze": _bench_analyze,
}


def _child(stage: str, path: str, n: int, conn: multiprocessing.connection.Connection) -> None:
    try:
        count, seconds, *detail = _RUNNERS[stage](path, n)
        conn.send(("ok", count, seconds, _peak_rss_mb(), detail[0] if detail else {}))
    except BaseException as exc:  # report, do not hang the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}", 0.0, 0.0, {}))
    finally:
        conn.close()


def run_stage(stage: str, path: str | Path, n: int) -> StageResult:
    if stage not in _RUNNERS:
        raise ValueError(f"unknown stage {stage!r}; choose from {', '.join(STAGE_NAMES)}")
    if not Path(path).is_file():
        raise FileNotFoundError(f"benchmark corpus not found: {path}")
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(stage, str(path), n, child))
    proc.start()
    child.close()
    status, count, seconds, peak, detail = parent.recv()
    proc.join()
    if status != "ok":
        raise RuntimeError(f"benchmark stage {stage} failed: {count}")
    return StageResult(stage, int(count), float(seconds), float(peak), detail)


def run_benchmark(path: str | Path, n: int, stages: list[str]) -> list[StageResult]:
    return [run_stage(stage, path, n) for stage in stages]

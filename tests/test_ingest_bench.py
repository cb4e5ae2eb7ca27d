from __future__ import annotations

from pathlib import Path

import pytest
from ingest_samples import synthetic_records, write_jsonl

from marsad.benchmark import run_benchmark, run_stage


def test_benchmark_counts_articles_and_memory(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "d.jsonl", synthetic_records(12))
    results = run_benchmark(dump, 10, ["ingest", "clean+segment"])
    assert [(r.stage, r.articles) for r in results] == [("ingest", 10), ("clean+segment", 10)]
    assert all(r.seconds > 0 and r.peak_rss_mb > 0 for r in results)


def test_benchmark_rejects_unknown_stage_and_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown stage"):
        run_stage("everything", tmp_path / "d.jsonl", 5)
    with pytest.raises(FileNotFoundError, match="not found"):
        run_stage("ingest", tmp_path / "missing.jsonl", 5)

from __future__ import annotations

import pytest
from ingest_samples import SECOND_STORY, STORY

from marsad.document import Article, Span
from marsad.ingest import IngestFailure
from marsad.ingest.load import store_articles
from marsad.store import open_store


def test_batch_dedup_by_id_and_content(tmp_db: str) -> None:
    a = Article(text=STORY, url="https://a.example/1")
    same_id = Article(text=STORY, url="https://a.example/1")
    same_content = Article(text=STORY + "  ", url="https://mirror.example/1")  # normalizes to the same text
    b = Article(text=SECOND_STORY, url="https://a.example/2")
    with open_store(tmp_db) as store:
        results = store.add_articles([a, same_id, same_content, b])
        assert [r.status for r in results] == ["added", "duplicate_id", "duplicate_content", "added"]
        assert results[2].existing_id == a.id
        assert [r.status for r in store.add_articles([b])] == ["duplicate_id"]
        assert store.count_articles() == 2


def test_a_failing_batch_commits_nothing(tmp_db: str) -> None:
    good = Article(text=STORY)
    bad = Article(text=SECOND_STORY)
    bad.layers["sentences"] = [Span(0, 5, "sentence", {"oops": object()})]  # not JSON-serializable
    with open_store(tmp_db) as store:
        with pytest.raises(TypeError):
            store.add_articles([good, bad])
        assert store.count_articles() == 0
        assert [r.status for r in store.add_articles([good])] == ["added"]


def test_store_articles_segments_and_logs_failures(tmp_db: str) -> None:
    items: list[Article | IngestFailure] = [
        Article(text=STORY, source="a.txt"),
        IngestFailure("b.txt", None, "empty file"),
        Article(text=SECOND_STORY, source="c.txt"),
        Article(text=STORY, source="d.txt"),
    ]
    seen: list[int] = []
    with open_store(tmp_db) as store:
        report = store_articles(store, items, batch_size=2, progress=seen.append)
        assert report.summary() == "ingested 2, skipped 1 duplicates, failed 1"
        assert sum(seen) == 4
        assert store.failures()[0]["source"] == "b.txt" and store.failures()[0]["error"] == "empty file"
        stored = store.get_article(items[0].id)  # type: ignore[union-attr]
        assert stored is not None
        assert len(stored.layers["sentences"]) == 3 and "tokens" not in stored.layers


def test_same_input_cleaned_differently_is_not_added_twice(tmp_db: str) -> None:
    raw = "عنوان الخبر\n" + STORY + "\nرابط الخبر: صحيفة المساء"
    old = Article(text=STORY + "\nرابط الخبر: صحيفة المساء", raw=raw, url="https://a.example/7")
    new = Article(text=STORY, raw=raw, url="https://a.example/7")  # what a newer cleaner makes of it
    updated_page = Article(text=SECOND_STORY, raw=raw + " ", url="https://a.example/7")
    with open_store(tmp_db) as store:
        assert [r.status for r in store.add_articles([old])] == ["added"]
        result = store.add_articles([new, updated_page])
        assert [r.status for r in result] == ["duplicate_input", "added"]
        assert result[0].existing_id == old.id

import sqlite3

import pytest

from marsad.document import Article, Span
from marsad.store import open_store
from marsad.store.base import ArticleFilter
from marsad.store.migrations import MIGRATIONS


def _article(text: str, **kw) -> Article:
    return Article(text=text, **kw)


def test_add_is_idempotent_by_id_and_by_normalized_content(tmp_db):
    with open_store(tmp_db) as store:
        a = _article("أعلنت وزارة الخارجية الأردنية اليوم عن زيارة مرتقبة.", url="u1", outlet="الدستور")
        same_text_other_url = _article("اعلنت وزارة الخارجية الاردنية اليوم عن زيارة مرتقبة.", url="u2")
        results = store.add_articles([a])
        again = store.add_articles([a, same_text_other_url])
        assert [r.status for r in results] == ["added"]
        assert [r.status for r in again] == ["duplicate_id", "duplicate_content"]
        assert again[1].existing_id == a.id
        assert store.count_articles() == 1


def test_layers_and_metadata_are_saved_and_reloaded(tmp_db):
    text = "التقى الوزير نظيره في عمّان يوم الأحد."
    with open_store(tmp_db) as store:
        art = _article(text, published=None)
        store.add_articles([art])
        art.published, art.published_source = "2024-03-10", "dateline"
        art.set_layer("sentences", [Span(0, len(text), "sentence")])
        store.save_layers([art], ["sentences"])
        loaded = store.get_article(art.id[:6])
        assert loaded is not None
        assert loaded.published == "2024-03-10" and loaded.published_source == "dateline"
        assert loaded.span_text(loaded.layers["sentences"][0]) == text
        assert store.articles_missing_layer("sentences") == []
        assert store.articles_missing_layer("events") == [art.id]


def test_filters_by_outlet_and_date(tmp_db):
    with open_store(tmp_db) as store:
        store.add_articles([
            _article("خبر أول عن الاقتصاد.", outlet="أ", published="2024-01-05"),
            _article("خبر ثان عن الرياضة.", outlet="ب", published="2024-02-05"),
            _article("خبر ثالث عن الطقس.", outlet="أ", published="2024-03-05"),
        ])
        assert store.count_articles(ArticleFilter(outlet="أ")) == 2
        got = [a.published for a in store.iter_articles(ArticleFilter(since="2024-02-01", until="2024-03-05"))]
        assert got == ["2024-02-05", "2024-03-05"]


def test_failed_batch_rolls_back_and_keeps_earlier_batches(tmp_db):
    with open_store(tmp_db) as store:
        store.add_articles([_article("نص محفوظ من دفعة سابقة.")])

        class Boom(Article):
            @property
            def content_hash(self) -> str:  # type: ignore[override]
                raise RuntimeError("disk on fire")

        with pytest.raises(RuntimeError):
            store.add_articles([_article("نص جديد أول."), Boom(text="نص جديد ثان.")])
        assert store.count_articles() == 1


def test_records_are_replaced_atomically_per_kind(tmp_db):
    with open_store(tmp_db) as store:
        store.replace_records("event", [{"id": "e1", "type": "CONSULT"}, {"id": "e2", "type": "ACCUSE"}])
        store.replace_records("event", [{"id": "e3", "type": "REJECT"}])
        assert [r["id"] for r in store.records("event")] == ["e3"]


def test_failures_are_recorded(tmp_db):
    with open_store(tmp_db) as store:
        store.record_failure("bad.html", None, "truncated HTML: no body")
        assert store.failures()[0]["error"] == "truncated HTML: no body"


def test_migrations_reach_latest_version_and_are_reopenable(tmp_db):
    open_store(tmp_db).close()
    store = open_store(tmp_db)
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    conn = sqlite3.connect(tmp_db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_postgres_is_a_clear_not_implemented():
    with pytest.raises(NotImplementedError, match="PostgreSQL"):
        open_store("postgresql://localhost/marsad")

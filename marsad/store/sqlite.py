"""The embedded default store: one SQLite file in WAL mode."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.document import Article, Span
from marsad.store.base import AddResult, ArticleFilter, Store
from marsad.store.migrations import MIGRATIONS

_ARTICLE_COLUMNS = (
    "id, content_hash, url, outlet, title, author, published, published_source, language, "
    "source, source_id, text, raw, meta"
)


class SQLiteStore(Store):
    def __init__(self, path: str) -> None:
        self.path = path
        self.conn = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # --- schema ---------------------------------------------------------
    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(script):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # --- articles -------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        results: list[AddResult] = []
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for art in articles:
                results.append(self._add_one(cur, art))
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        return results

    def _add_one(self, cur: sqlite3.Cursor, art: Article) -> AddResult:
        if cur.execute("SELECT 1 FROM articles WHERE id=?", (art.id,)).fetchone():
            return AddResult(art.id, "duplicate_id", art.id)
        chash = art.content_hash
        row = cur.execute("SELECT id FROM articles WHERE content_hash=?", (chash,)).fetchone()
        if row:
            return AddResult(art.id, "duplicate_content", row[0])
        if art.url and art.raw:
            row = cur.execute("SELECT id FROM articles WHERE url=? AND raw=?", (art.url, art.raw)).fetchone()
            if row:
                return AddResult(art.id, "duplicate_input", row[0])
        cur.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                art.id, chash, art.url, art.outlet, art.title, art.author, art.published,
                art.published_source, art.language, art.source, art.source_id, art.text, art.raw,
                json.dumps(art.meta, ensure_ascii=False),
            ),
        )
        for name, spans in art.layers.items():
            self._write_layer(cur, art, name, spans)
        return AddResult(art.id, "added")

    def _write_layer(self, cur: sqlite3.Cursor, art: Article, name: str, spans: list[Span]) -> None:
        payload = json.dumps([s.to_dict() for s in spans], ensure_ascii=False)
        cur.execute(
            "INSERT INTO layers(article_id, name, spans) VALUES (?,?,?) "
            "ON CONFLICT(article_id, name) DO UPDATE SET spans=excluded.spans",
            (art.id, name, payload),
        )

    def _row_to_article(self, row: sqlite3.Row, with_layers: bool) -> Article:
        art = Article(
            text=row["text"], raw=row["raw"] or "", url=row["url"], outlet=row["outlet"], title=row["title"],
            author=row["author"], published=row["published"], published_source=row["published_source"],
            language=row["language"], source=row["source"], source_id=row["source_id"],
            meta=json.loads(row["meta"] or "{}"), id=row["id"],
        )
        if with_layers:
            for lrow in self.conn.execute("SELECT name, spans FROM layers WHERE article_id=?", (art.id,)):
                art.layers[lrow["name"]] = [Span.from_dict(s) for s in json.loads(lrow["spans"])]
        return art

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None and article_id:
            rows = self.conn.execute(
                "SELECT * FROM articles WHERE id LIKE ? LIMIT 2", (article_id.replace("%", "") + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return self._row_to_article(row, True) if row else None

    def _where(self, flt: ArticleFilter | None) -> tuple[str, list[Any]]:
        if flt is None:
            return "", []
        clauses: list[str] = []
        args: list[Any] = []
        if flt.outlet:
            clauses.append("outlet = ?")
            args.append(flt.outlet)
        if flt.since:
            clauses.append("published >= ?")
            args.append(flt.since)
        if flt.until:
            clauses.append("substr(published, 1, 10) <= ?")
            args.append(flt.until)
        if flt.language:
            clauses.append("language = ?")
            args.append(flt.language)
        if flt.ids is not None:
            clauses.append(f"id IN ({','.join('?' * len(flt.ids))})" if flt.ids else "0")
            args.extend(flt.ids)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def iter_articles(self, flt: ArticleFilter | None = None, with_layers: bool = True) -> Iterator[Article]:
        where, args = self._where(flt)
        sql = f"SELECT * FROM articles{where} ORDER BY published, id"
        if flt and flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        rows = self.conn.execute(sql, args).fetchall()
        for row in rows:
            yield self._row_to_article(row, with_layers)

    def count_articles(self, flt: ArticleFilter | None = None) -> int:
        where, args = self._where(flt)
        return int(self.conn.execute(f"SELECT count(*) FROM articles{where}", args).fetchone()[0])

    def save_layers(self, articles: Iterable[Article], names: Iterable[str], with_metadata: bool = True) -> None:
        names = list(names)
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for art in articles:
                for name in names:
                    if name in art.layers:
                        self._write_layer(cur, art, name, art.layers[name])
                if with_metadata:
                    self._write_metadata(cur, art)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def update_metadata(self, article: Article) -> None:
        self._write_metadata(self.conn.cursor(), article)

    def _write_metadata(self, cur: sqlite3.Cursor, article: Article) -> None:
        cur.execute(
            "UPDATE articles SET published=?, published_source=?, language=?, meta=?, outlet=?, title=? WHERE id=?",
            (
                article.published, article.published_source, article.language,
                json.dumps(article.meta, ensure_ascii=False), article.outlet, article.title, article.id,
            ),
        )

    def articles_missing_layer(self, name: str, limit: int | None = None) -> list[str]:
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN layers l ON l.article_id = a.id AND l.name = ? "
            "WHERE l.article_id IS NULL ORDER BY a.published, a.id"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.conn.execute(sql, (name,))]

    # --- failures -------------------------------------------------------
    def record_failure(self, source: str, source_id: str | None, error: str) -> None:
        self.conn.execute("INSERT INTO failures(source, source_id, error) VALUES (?,?,?)", (source, source_id, error))

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM failures ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [dict(r) for r in rows]

    # --- corpus records -------------------------------------------------
    def replace_records(self, kind: str, records: Iterable[dict[str, Any]], scope: str = "corpus") -> None:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.execute("DELETE FROM records WHERE kind=? AND scope=?", (kind, scope))
            for i, rec in enumerate(records):
                key = str(rec.get("id") or i)
                cur.execute(
                    "INSERT OR REPLACE INTO records(kind, scope, key, data) VALUES (?,?,?,?)",
                    (kind, scope, key, json.dumps(rec, ensure_ascii=False)),
                )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def records(self, kind: str, scope: str | None = None) -> list[dict[str, Any]]:
        if scope is None:
            rows = self.conn.execute("SELECT data FROM records WHERE kind=? ORDER BY rowid", (kind,))
        else:
            rows = self.conn.execute(
                "SELECT data FROM records WHERE kind=? AND scope=? ORDER BY rowid", (kind, scope)
            )
        return [json.loads(r[0]) for r in rows]

    def close(self) -> None:
        self.conn.close()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]

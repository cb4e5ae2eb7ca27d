"""SQLite schema migrations, applied in order; PRAGMA user_version records how far a file got.

Append new steps at the end; never edit a step that has shipped.
"""

MIGRATIONS: list[str] = [
    # 1: articles, layers, failures
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT,
        outlet TEXT,
        title TEXT,
        author TEXT,
        published TEXT,
        published_source TEXT NOT NULL DEFAULT 'unknown',
        language TEXT,
        source TEXT,
        source_id TEXT,
        text TEXT NOT NULL,
        raw TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_url ON articles(url);
    CREATE TABLE layers (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        spans TEXT NOT NULL,
        PRIMARY KEY (article_id, name)
    );
    CREATE INDEX layers_name ON layers(name);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL,
        source_id TEXT,
        error TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    """,
    # 2: corpus-level records written by corpus stages (entities, events, stories, claims)
    """
    CREATE TABLE records (
        kind TEXT NOT NULL,
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, scope, key)
    );
    """,
]

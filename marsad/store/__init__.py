"""Storage behind one interface: SQLite today, other backends later without touching the stages."""

from __future__ import annotations

import os

from marsad.store.base import AddResult, Store

DEFAULT_DB = "marsad.db"


def default_location() -> str:
    return os.environ.get("MARSAD_DB") or DEFAULT_DB


def open_store(location: str | None = None) -> Store:
    """Open the store at ``location``: a SQLite path (default ``./marsad.db`` or $MARSAD_DB)."""
    location = location or default_location()
    if location.startswith(("postgres://", "postgresql://")):
        raise NotImplementedError(
            "PostgreSQL storage is not implemented yet; implement marsad.store.base.Store for it"
        )
    from marsad.store.sqlite import SQLiteStore

    if location.startswith("sqlite:///"):
        location = location[len("sqlite:///") :]
    return SQLiteStore(location)


__all__ = ["AddResult", "Store", "open_store", "default_location", "DEFAULT_DB"]

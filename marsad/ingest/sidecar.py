"""Sidecar metadata: a meta.jsonl beside the files (or given with --meta) saying what each file is.

One JSON object per line, keyed by ``file`` (a name or a path relative to the
sidecar): ``{"file": "000.txt", "published": "2023-10-19", "outlet": "...",
"wires": ["Reuters"]}``.  Sidecar values are the user's own metadata, so they
win over anything read from the document itself.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SIDECAR_NAME = "meta.jsonl"


class SidecarError(ValueError):
    pass


@lru_cache(maxsize=64)
def _load(path: str, mtime: float) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    base = Path(path).parent
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SidecarError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            if not isinstance(entry, dict) or not entry.get("file"):
                raise SidecarError(f'{path}:{lineno}: expected an object with a "file" key')
            name = str(entry["file"])
            entries[name] = entry
            entries.setdefault(str((base / name).resolve()), entry)
    return entries


def load_sidecar(path: str | Path) -> dict[str, dict[str, Any]]:
    """Entries by file name and by resolved path; raises :class:`SidecarError` on a bad file."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError as exc:
        raise SidecarError(f"cannot read sidecar {path}: {exc.strerror}") from exc
    return _load(str(p.resolve()), mtime)


def sidecar_entry(file: Path, explicit: str | None) -> dict[str, Any] | None:
    """The entry for ``file`` in the explicit sidecar, else in a meta.jsonl in its own folder."""
    candidates = [Path(explicit)] if explicit else []
    candidates.append(file.parent / SIDECAR_NAME)
    resolved = str(file.resolve())
    for sidecar in candidates:
        if not sidecar.is_file():
            continue
        entries = load_sidecar(sidecar)
        entry = entries.get(resolved) or entries.get(file.name)
        if entry is not None:
            return entry
    return None


def is_sidecar(path: Path) -> bool:
    return path.name == SIDECAR_NAME

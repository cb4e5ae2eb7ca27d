"""One loader for everything learned or compiled that ships in the package.

Files live in ``marsad/resources/data/``; the scripts in ``scripts/`` rebuild
them from ../shared.  Loads are cached, so a stage can ask for a resource on
every call without paying for it twice.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


class MissingResource(FileNotFoundError):
    def __init__(self, name: str, hint: str = "") -> None:
        msg = f"resource {name!r} is missing from {DATA_DIR}"
        if hint:
            msg += f"; rebuild it with {hint}"
        super().__init__(msg)


def path(name: str) -> Path:
    """The path of a shipped resource file."""
    return DATA_DIR / name


def exists(name: str) -> bool:
    return path(name).exists()


def _open_text(p: Path):
    if p.suffix == ".gz":
        return gzip.open(p, "rt", encoding="utf-8")
    return p.open("r", encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    p = path(name)
    if not p.exists():
        raise MissingResource(name)
    with _open_text(p) as fh:
        return json.load(fh)


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    p = path(name)
    if not p.exists():
        raise MissingResource(name)
    with _open_text(p) as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text resource."""
    p = path(name)
    if not p.exists():
        raise MissingResource(name)
    with _open_text(p) as fh:
        return tuple(s for line in fh if (s := line.strip()) and not s.startswith("#"))

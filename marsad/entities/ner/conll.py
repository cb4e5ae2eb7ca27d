"""CoNLL-style columns: one token per line, blank line between sentences."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def read_conll(lines: Iterable[str]) -> list[list[list[str]]]:
    """Sentences as lists of rows; each row is the white-space separated columns of a line."""
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(cols)
    if current:
        sentences.append(current)
    return sentences


def tokens_and_tags(sentences: list[list[list[str]]]) -> tuple[list[list[str]], list[list[str]]]:
    """First column as tokens, last column as gold tags (O when a row has one column)."""
    tokens = [[row[0] for row in s] for s in sentences]
    tags = [[row[-1] if len(row) > 1 else "O" for row in s] for s in sentences]
    return tokens, tags


def read_anercorp_split(shared: Path, split: str) -> tuple[list[list[str]], list[list[str]]]:
    """Tokens and tags of the ANERcorp CAMeL Lab ``train`` or ``test`` split under ../shared."""
    path = shared / "data" / "anercorp" / f"ANERcorp-CamelLabSplits-{split}.conll"
    with path.open(encoding="utf-8") as fh:
        return tokens_and_tags(read_conll(fh))

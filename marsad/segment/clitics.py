"""Proclitic separation (و ف ب ل ك ال) with offsets, for matching and features."""

from __future__ import annotations

_CONJ = "وف"
_PREP = "بلك"
_MIN_STEM = 2


def split_clitics(word: str, offset: int = 0, min_stem: int = _MIN_STEM) -> list[tuple[int, int, str]]:
    """Split a word into (start, end, piece) with at most one conjunction, one preposition and ال.

    "والمحادثات" -> و + ال + محادثات; "للصين" -> ل + ل + صين (the article's alef is elided
    after ل).  A piece is split off only when a stem of at least ``min_stem`` letters
    remains, which keeps short words like "ولد" or "بل" whole more often than not.
    """
    pieces: list[tuple[int, int, str]] = []
    i = 0
    n = len(word)

    def room(k: int) -> bool:
        return n - (i + k) >= min_stem + 1

    if i < n and word[i] in _CONJ and room(1):
        pieces.append((offset + i, offset + i + 1, word[i]))
        i += 1
    if i < n and word[i] in _PREP and room(1):
        if word[i] == "ل" and word.startswith("ل", i + 1) and room(2):
            # لل = ل + (ا)ل
            pieces.append((offset + i, offset + i + 1, "ل"))
            pieces.append((offset + i + 1, offset + i + 2, "ال"))
            i += 2
            pieces.append((offset + i, offset + n, word[i:]))
            return pieces
        if word[i] != "ك" or word.startswith("ال", i + 1):
            pieces.append((offset + i, offset + i + 1, word[i]))
            i += 1
    if word.startswith("ال", i) and room(2):
        pieces.append((offset + i, offset + i + 2, "ال"))
        i += 2
    pieces.append((offset + i, offset + n, word[i:]))
    return pieces


def strip_clitics(word: str, min_stem: int = _MIN_STEM) -> str:
    """The stem left after removing proclitics."""
    return split_clitics(word, 0, min_stem)[-1][2]

"""The normalized matching form of Arabic text, and its map back to the display text.

Search, dedup and every lexicon lookup compare normalized strings: NFKC,
no-break and zero-width spaces folded, tatweel and diacritics removed,
alef/hamza/yaa/taa-marbuta variants unified, Eastern Arabic digits made ASCII,
Latin case folded, white space collapsed and machine-translation spacing
before punctuation (" ،") removed.  :func:`normalize_with_map` returns the same
string together with, for every normalized character, the index of the display
character it came from, so a match found on the normalized form points back
into the display text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_ALEFS = "أإآٱٲٳ"
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u06D6\u06D7\u06D8\u06D9\u06DA\u06DB\u06DC\u06DF\u06E0\u06E1\u06E2\u06E3\u06E4\u06E7\u06E8\u06EA\u06EB\u06EC\u06ED"
_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u202a\u202b\u202c\u202d\u202e"
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t\r\n\x0b\x0c"

_BASE_FOLD: dict[str, str] = {}
for _c in _ALEFS:
    _BASE_FOLD[_c] = "ا"
_BASE_FOLD.update({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ی": "ي", "ک": "ك", "ـ": "", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج"})
for _c in _DIACRITICS + _ZERO_WIDTH:
    _BASE_FOLD[_c] = ""
for _c in _SPACES:
    _BASE_FOLD[_c] = " "
for _i in range(10):
    _BASE_FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _BASE_FOLD[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu)
_BASE_FOLD.update({"٫": ".", "٬": ",", "٪": "%", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


class _FoldTable(dict):
    """str.translate table that folds any character on first sight and remembers it."""

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        out = unicodedata.normalize("NFKC", ch)
        out = "".join(_BASE_FOLD.get(c, c) for c in out).casefold()
        self[key] = out
        return out


_FOLD = _FoldTable()
_WS = re.compile(r"\s+")
# Machine-translated Arabic often puts a space before punctuation: "سيول ، كوريا".
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[،؛؟,.!?:;)\]])")


def fold_chars(text: str) -> str:
    """Per-character folding only (no white-space collapsing): length may shrink, never grows by merge."""
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    """The normalized matching form of ``text``."""
    # Stages normalize the same words over and over (every token, every lexicon probe).
    if len(text) <= _SHORT:
        return _normalize_short(text)
    return _normalize(text)


_SHORT = 48


@lru_cache(maxsize=1 << 18)
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    s = text.translate(_FOLD)
    s = _WS.sub(" ", s).strip()
    return _SPACE_BEFORE_PUNCT.sub("", s)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized string with the display offset of every character."""

    text: str
    offsets: tuple[int, ...]  # offsets[j] = display index of normalized char j
    display_length: int

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the display span that produced it."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.display_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def from_display(self, pos: int) -> int:
        """The first normalized index at or after display position ``pos``."""
        return bisect_left(self.offsets, pos)


def normalize_with_map(text: str) -> NormalizedText:
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for out in ch.translate(_FOLD):
            chars.append(out)
            index.append(i)
    chars, index = _collapse_spaces(chars, index)
    chars, index = _drop_space_before_punct(chars, index)
    return NormalizedText("".join(chars), tuple(index), len(text))


def _collapse_spaces(chars: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    out_c: list[str] = []
    out_i: list[int] = []
    n = len(chars)
    j = 0
    while j < n:
        if chars[j].isspace():
            k = j
            while k < n and chars[k].isspace():
                k += 1
            if out_c and k < n:
                out_c.append(" ")
                out_i.append(index[j])
            j = k
        else:
            out_c.append(chars[j])
            out_i.append(index[j])
            j += 1
    return out_c, out_i


def _drop_space_before_punct(chars: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    joined = "".join(chars)
    drop = {m.start() for m in _SPACE_BEFORE_PUNCT.finditer(joined)}
    if not drop:
        return chars, index
    keep = [j for j in range(len(chars)) if j not in drop]
    return [chars[j] for j in keep], [index[j] for j in keep]


_DISPLAY_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"} | {c: None for c in "\u200b\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"})


_DISPLAY_NOISE = re.compile("[" + "".join(chr(c) for c in _DISPLAY_SPACES) + "]")


def tidy_display(text: str) -> str:
    """Display text stays faithful; only invisible noise goes: odd spaces, bidi marks, CRLF."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _DISPLAY_NOISE.search(text) is None:  # the common case; translate() is slow on long texts
        return text
    return text.translate(_DISPLAY_SPACES)

"""Quotations inside a sentence, recovered even when their marks are unbalanced.

Balanced pairs come from :func:`marsad.segment.sentences.quote_regions` (which the
sentence splitter also uses, so a multi-sentence quotation stays in one sentence).
What it leaves unpaired is recovered here: an opening mark that never closes runs
to the end of the sentence (and may continue into the next ones), a closing mark
with no opener starts at the sentence start.  Nothing here raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.segment.sentences import quote_regions

_DOUBLE_MARKS = "«»“”\""
_SINGLE_QUOTE = re.compile(r"(?<![\w])['‘]([^'‘’\n]{2,300}?)['’](?![\w])")
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # display index of the opening mark (or of the sentence start when it has none)
    end: int  # display index just after the closing mark (or the sentence end)
    closed: bool
    opened: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        s = self.start + 1 if self.opened else self.start
        e = self.end - 1 if self.closed else self.end
        return s, e

    def words(self, text: str) -> int:
        s, e = self.inner
        return len(_WORD.findall(text, s, e))


def paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced double-quote regions (open, close inclusive) in one paragraph, plus single-quoted ones."""
    regions = list(quote_regions(text, start, end))
    for m in _SINGLE_QUOTE.finditer(text, start, end):
        o, c = m.start(), m.end() - 1
        if not any(ro <= o <= rc or ro <= c <= rc for ro, rc in regions):
            regions.append((o, c))
    regions.sort()
    return regions


def sentence_quotes(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> list[Quote]:
    """Quotations of the sentence text[start:end]: balanced ones, then recovered stray marks."""
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    for o, c in regions:
        if c < start or o >= end:
            continue
        if o >= start and c < end:
            quotes.append(Quote(o, c + 1, True))
            covered.append((o, c))
    for i in range(start, end):
        ch = text[i]
        if ch not in _DOUBLE_MARKS or any(o <= i <= c for o, c in covered):
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch in "«“" or (ch == '"' and (prev.isspace() or not prev.isalnum()) and (nxt.isalnum() or _spaced_opener(text, i, end))):
            if _WORD.search(text, i + 1, end):
                quotes.append(Quote(i, end, False))
                covered.append((i, end))
                break  # everything after a stray opener belongs to it
        elif ch in "»”" or (ch == '"' and prev.isalnum()):
            if not any(q.start < i for q in quotes) and _WORD.search(text, start, i):
                quotes.append(Quote(start, i + 1, True, opened=False))
                covered.append((start, i))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _spaced_opener(text: str, i: int, end: int) -> bool:
    """A stray mark spaced on both sides (machine-translated ' بأن " القوات ...') opens when words follow it."""
    return text[i + 1 : i + 2].isspace() and len(_WORD.findall(text, i + 1, end)) >= 3


def quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None


def inside_quote(quotes: list[Quote], pos: int) -> bool:
    """True when ``pos`` lies strictly inside a quotation (not on its marks)."""
    for q in quotes:
        s, e = q.inner
        if s <= pos < e:
            return True
    return False

"""Sentence splitting for Arabic news that may have no line breaks at all.

Boundaries are line breaks and sentence-final punctuation followed by space,
except inside abbreviations (أ.ف.ب), numbers (3.5) and quotations.  Quotation
marks in scraped and machine-translated Arabic are often unbalanced, so quote
regions are paired from context and a quote that never closes protects nothing.
"""

from __future__ import annotations

import re

_TERMINATORS = ".!?؟…"
_CLOSERS_AFTER_END = "\"'”»’)]"
_MAX_QUOTE = 1200  # a "quote" longer than this is a stray mark, not a quotation
_LETTER = re.compile(r"[\w\u0600-\u06ff]")
# Only these characters change the state of the scans below, so they jump from one to the next.
_QUOTE_EVENT = re.compile("[\n«»\"“”]")
_TERMINATOR = re.compile(f"[{re.escape(_TERMINATORS)}]")


def quote_regions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Balanced quotation spans (open index, close index inclusive) within one paragraph."""
    end = len(text) if end is None else end
    regions: list[tuple[int, int]] = []
    guillemets: list[int] = []
    open_quote: int | None = None
    for m in _QUOTE_EVENT.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            guillemets.clear()
            open_quote = None
        elif ch == "«":
            guillemets.append(i)
        elif ch == "»":
            if guillemets:
                o = guillemets.pop()
                if i - o <= _MAX_QUOTE:
                    regions.append((o, i))
        elif ch in "\"“”":
            role = _quote_role(text, i)
            if open_quote is None:
                if role != "close":
                    open_quote = i
            elif role == "open" and ch != "”" and _LETTER.match(text[i - 1 : i] or " ") is None and i - open_quote > 1:
                # A second opener while one is open: the first was a stray mark.
                open_quote = i
            else:
                if i - open_quote <= _MAX_QUOTE:
                    regions.append((open_quote, i))
                open_quote = None
    regions.sort()
    return regions


def _quote_role(text: str, i: int) -> str:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    before_open = prev.isspace() or prev in "(-[:،,؛/–—"
    after_close = nxt.isspace() or nxt in ".,،؛:;؟?!)]-–—"
    if before_open and not nxt.isspace() and not after_close:
        return "open"
    if after_close and not prev.isspace():
        return "close"
    ch = text[i]
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    return "either"


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    for o, c in regions:
        if o < pos < c:
            return True
        if o > pos:
            return False
    return False


def _is_abbreviation_dot(text: str, i: int) -> bool:
    """A dot closing a run of initials (U.S., أ.ف.ب) or a lone initial or title (أ. ف. ب, د. محمد)."""
    if i < 1 or not text[i - 1].isalpha():
        return i >= 2 and text[i - 2] == "." and _LETTER.match(text[i - 1]) is not None
    if i >= 2 and text[i - 2] == ".":
        return True
    # A single letter before the dot is an initial: no Arabic or Latin sentence ends on one.
    return i == 1 or not text[i - 2].isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        regions = quote_regions(text, para_start, para_end)
        start = para_start
        i = para_start
        for m in _TERMINATOR.finditer(text, para_start, para_end):
            k = m.start()
            if k < i or _inside(regions, k):
                continue
            j = k + 1
            while j < para_end and text[j] in _TERMINATORS:
                j += 1
            while j < para_end and text[j] in _CLOSERS_AFTER_END:
                j += 1
            if (j >= para_end or text[j].isspace()) and not (text[k] == "." and _is_abbreviation_dot(text, k)):
                _emit(text, start, j, spans)
                start = i = j
        _emit(text, start, para_end, spans)
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))

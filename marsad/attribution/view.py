"""A sentence as matching-form tokens that still know where they sit in the display text.

Tokens are cut on the display text and folded one by one with
:func:`marsad.clean.normalize.fold_chars`, the same per-character folding that
:func:`~marsad.clean.normalize.normalize` applies, so lexicon entries written in
the normalized form match, and no offset map of the whole article is needed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from marsad.clean.normalize import fold_chars

# Word characters plus the marks folding deletes (harakat, superscript alef, tatweel, zero-width joiners).
_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640\u200c\u200d]+|[^\w\s]")


class Tok(NamedTuple):
    norm: str  # matching form
    start: int  # display offsets
    end: int

    @property
    def is_word(self) -> bool:
        c = self.norm[:1]
        return c.isalnum() or c == "_"

    @property
    def is_quote(self) -> bool:
        return self.norm in ('"', "'")


def fold_in_place(text: str) -> str | None:
    """The folded text when every character folds to exactly one (offsets unchanged), else None."""
    folded = fold_chars(text)
    if len(folded) == len(text) and all(len(fold_chars(c)) == 1 for c in set(text)):
        return folded
    return None


def sentence_tokens(text: str, start: int, end: int, folded: str | None = None) -> list[Tok]:
    """Tokens of the display span text[start:end] in matching form.

    ``folded`` is :func:`fold_in_place` of the whole text when available, which saves folding token by token.
    """
    if folded is None:
        folded = fold_in_place(text[start:end])
        if folded is not None:
            return [Tok(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(folded)]
    else:
        return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded, start, end)]
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        norm = fold_chars(m.group()).strip()
        if norm:
            out.append(Tok(norm, m.start(), m.end()))
    return out

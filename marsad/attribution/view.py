"""A sentence as matching-form tokens that still know where they sit in the display text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.clean.normalize import NormalizedText

_TOKEN = re.compile(r"[\w]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Tok:
    norm: str  # matching form
    start: int  # display offsets
    end: int

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum() or self.norm[:1] == "_"

    @property
    def is_quote(self) -> bool:
        return self.norm in ('"', "'")


def sentence_tokens(nt: NormalizedText, start: int, end: int) -> list[Tok]:
    """Tokens of the display span [start, end) in matching form."""
    ns, ne = nt.from_display(start), nt.from_display(end)
    out: list[Tok] = []
    offsets = nt.offsets
    for m in _TOKEN.finditer(nt.text, ns, ne):
        out.append(Tok(m.group(), offsets[m.start()], offsets[m.end() - 1] + 1))
    return out


def strip_conj(word: str) -> str:
    """"وقال" -> "قال"; keeps short words whole."""
    if len(word) > 3 and word[0] in "وف":
        return word[1:]
    return word

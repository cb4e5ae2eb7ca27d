"""Tokenization that keeps abbreviations (أ.ف.ب), numbers (3.5, 12.10.2023) and URLs whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Arabic letters and marks only: the block's punctuation (، ؛ ؟ ٪ ٫) and digits are not word characters.
_AR = "\u0620-\u065f\u0670-\u06d3\u06d5-\u06dc\u06df-\u06e8\u06ea-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_WORD_CHARS = rf"[{_AR}A-Za-z\u00c0-\u024f_]"

# Order matters: the first alternative that matches at a position wins.
_TOKEN_RE = re.compile(
    rf"""
    (?P<url>https?://\S+|www\.\S+)
  | (?P<abbr>(?:[{_AR}A-Za-z]\.\s?){{1,4}}[{_AR}A-Za-z](?![{_AR}A-Za-z]))  # أ.ف.ب  أ. ف. ب  د.ب.أ  U.S
  | (?P<num>[0-9٠-٩۰-۹]+(?:[.,:/٫٬][0-9٠-٩۰-۹]+)*[%٪]?)
  | (?P<word>{_WORD_CHARS}(?:{_WORD_CHARS}|[\u064b-\u065f\u0670\u0640'’-](?={_WORD_CHARS}))*)
  | (?P<punct>[^\s])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    kind: str  # word, num, abbr, url, punct
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup or "punct"
        out.append(Token(m.start(), m.end(), kind, m.group()))
    return out

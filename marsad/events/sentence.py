"""A sentence's token view: the segment stage's tokens of one sentence, the token at a character
offset, and punctuation between two tokens.
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.document import Span
from marsad.events.arguments import token_index
from marsad.segment.tokens import Token


def _sentence_tokens(text: str, layer: list[Span], starts: list[int], sent: Span) -> list[Token]:
    """The segment stage's tokens of one sentence (no second tokenization)."""
    lo = bisect_left(starts, sent.start)
    hi = bisect_left(starts, sent.end)
    return [Token(t.start, t.end, t.label, text[t.start : t.end]) for t in layer[lo:hi] if t.end <= sent.end]


def _tok(tokens: list, pos: int) -> int:
    """Index of the token containing (or following) character ``pos``, clamped to the last token."""
    return min(token_index(tokens, pos), len(tokens) - 1)


def _comma_between(tokens: list, a: int, b: int) -> bool:
    return any(t.kind == "punct" and t.text in "،," for t in tokens[a + 1 : b])

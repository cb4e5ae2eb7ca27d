"""Entity-matching tokens: each display token with its normalized form and the offsets that map a
match in the normalized form back to the display text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.clean.normalize import normalize_with_map
from marsad.document import Span
from marsad.segment import tokenize


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    norm: str
    offsets: tuple[int, ...]  # display offset (within the token) of each normalized char
    word: bool


@lru_cache(maxsize=200_000)
def _norm_token(text: str) -> tuple[str, tuple[int, ...]]:
    nt = normalize_with_map(text)
    return nt.text, nt.offsets


def _sentence_tokens(text: str, start: int, end: int, layer: list[Span] | None = None) -> list[Tok]:
    """Tokens of one sentence, from the tokens layer when segment made one."""
    if layer is not None:
        spans = [(t.start, t.end, t.label) for t in layer]
    else:
        spans = [(t.start, t.end, t.kind) for t in tokenize(text, start, end)]
    out = []
    for s, e, kind in spans:
        piece = text[s:e]
        norm, offs = _norm_token(piece)
        out.append(Tok(s, e, piece, norm, offs, kind in ("word", "abbr")))
    return out


def _tokens_by_sentence(sentences: list[Span], tokens: list[Span]) -> list[list[Span]]:
    out: list[list[Span]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    k = 0
    for t in sorted(tokens, key=lambda t: t.start):
        while k + 1 < len(starts) and t.start >= starts[k + 1]:
            k += 1
        if sentences and sentences[k].start <= t.start and t.end <= sentences[k].end:
            out[k].append(t)
    return out


def _display_start(tok: Tok, norm_index: int) -> int:
    if norm_index <= 0 or not tok.offsets:
        return tok.start
    if tok.norm[norm_index - 1 : norm_index + 1] == "لل":
        # "للأمم المتحدة": ل + the article written without its alif; no span inside the token is the
        # name as written, so the mention is the whole token
        return tok.start
    return tok.start + tok.offsets[min(norm_index, len(tok.offsets) - 1)]

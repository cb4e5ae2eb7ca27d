"""The time stage: every date in an article found and resolved to the calendar.

``annotate`` adds the ``timexes`` layer: one ``TIMEX`` span per temporal
expression with attributes ``kind`` (date, duration, set), ``value`` (ISO 8601:
2023-10-19, 2023-W41, 2023-08, 2022, 199, P2D, PT2H, or None when vague),
``granularity``, ``mod`` (START, MID, END, APPROX, BEFORE, AFTER) and
``anchor`` (the publication date a relative expression was resolved against).
Hijri dates also carry ``calendar="hijri"`` and the Hijri ``hijri`` value;
vague expressions may carry ``direction`` (past/future).

Matching runs on the normalized form (per character, white space left as it
is: see :func:`marsad.time.extract.matching_form`) and maps back to the
display text.  The
conventions used to resolve relative expressions are documented in
:mod:`marsad.time.resolve`; how the publication date is found when the
metadata lacks it is in :mod:`marsad.time.published`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from marsad.document import Article, Span
from marsad.time import lexicon as lx
from marsad.time.extract import MatchingForm, Mention, extract, matching_form
from marsad.time.published import find_published, parse_published
from marsad.time.resolve import resolve

__all__ = ["annotate", "sentence_timexes", "find_published", "parse_published"]

_WORD = re.compile(r"\w+")
_CUE_WINDOW_WORDS = 8
# Mentions whose value depends on the tense of their clause.
_TENSE_KINDS = frozenset({"weekday", "month", "hijri"})


def _is_future_word(word: str) -> bool:
    if word in lx.FUTURE_CUES:
        return True
    if not lx.FUTURE_VERB.match(word):
        return False
    stem = word[1:] if word[0] in "وف" else word
    return not stem.startswith(lx.NOT_FUTURE_PREFIXES)


def _future_context(text: str, start: int, clause_start: int) -> bool:
    """True when the words just before the mention in its sentence speak of the future."""
    words = _WORD.findall(text, max(clause_start, start - 90), start)
    for word in reversed(words[-_CUE_WINDOW_WORDS:]):
        if word in lx.PAST_CLAUSE_WORDS:
            return False  # "سيزور موسكو، وكان قد التقى نظيره الأحد": the cue belongs to another clause
        if _is_future_word(word):
            return True
    return False


def _anchor(article: Article, form: MatchingForm, mentions: list[Mention]) -> date | None:
    if article.published:
        anchor = parse_published(article.published)
        if anchor is None:
            article.warn(f"time: publication date {article.published!r} is not an ISO date; looking in the text")
        else:
            return anchor
    found = find_published(form, mentions, article.url)
    if found is None:
        return None
    anchor, source = found
    article.published = anchor.isoformat()
    article.published_source = source
    return anchor


def _sentence_starts(article: Article, to_norm: object) -> list[int]:
    sentences = article.layers.get("sentences")
    if sentences is None:
        from marsad.segment import split_sentences

        bounds = [s for s, _ in split_sentences(article.text)]
    else:
        bounds = [s.start for s in sentences]
    return sorted(to_norm(b) for b in bounds)  # type: ignore[operator]


def annotate(article: Article) -> Article:
    """Add the ``timexes`` layer (and the publication date when the metadata lacks it)."""
    nt = matching_form(article.text)
    mentions = extract(nt.text)
    anchor = _anchor(article, nt, mentions)
    starts = _sentence_starts(article, nt.from_display) if any(m.kind in _TENSE_KINDS for m in mentions) else []
    anchor_iso = anchor.isoformat() if anchor else None
    spans: list[Span] = []
    unresolved = 0
    for m in mentions:
        future = False
        if m.kind in _TENSE_KINDS:
            i = bisect_right(starts, m.start) - 1
            future = _future_context(nt.text, m.start, starts[i] if i >= 0 else 0)
        try:
            r = resolve(m, anchor, future)
        except (KeyError, ValueError, OverflowError) as exc:  # one odd mention must not lose the layer
            article.warn(f"time: could not resolve {nt.text[m.start:m.end]!r}: {type(exc).__name__}: {exc}")
            continue
        if r is None:
            continue
        if r.needs_anchor and anchor is None:
            unresolved += 1
        start, end = nt.to_display(m.start, m.end)
        attrs: dict[str, object] = {
            "kind": r.kind,
            "value": r.value,
            "granularity": r.granularity,
            "mod": r.mod,
            "anchor": anchor_iso if r.needs_anchor else None,
        }
        if r.extra:
            attrs.update(r.extra)
        spans.append(Span(start, end, "TIMEX", attrs))
    if anchor is None:
        article.warn(f"time: publication date unknown; {unresolved} relative expression(s) left unresolved")
    article.set_layer("timexes", spans)
    return article


def sentence_timexes(article: Article, start: int, end: int) -> list[Span]:
    """The timexes lying inside the display span [start, end), e.g. one sentence."""
    return [s for s in article.layer("timexes") if s.start >= start and s.end <= end]

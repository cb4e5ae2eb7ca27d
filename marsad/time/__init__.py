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
from datetime import date, timedelta

from marsad.document import Article, Span
from marsad.time import lexicon as lx
from marsad.time.extract import MatchingForm, Mention, extract, matching_form
from marsad.time.published import find_published, parse_published
from marsad.time.resolve import clock_time, resolve

__all__ = ["annotate", "sentence_timexes", "find_published", "parse_published"]

_WORD = re.compile(r"\w+")
_CUE_WINDOW_WORDS = 10
# Mentions whose value depends on the tense of their clause.
_TENSE_KINDS = frozenset({"weekday", "month", "hijri"})
# Words before a date that a postponement points to: أرجئت الجلسة إلى الخميس.
_TO_WORDS = frozenset({"الي", "حتي"})
_ON_CONDITION = re.compile(r"(?:[،,؛]\s*|(?<!\w)و)علي\s+ان(?!\w)")
# Between the two ends of a range: من الاثنين إلى الأربعاء.
_RANGE_LINK = re.compile(r"\s*(?:الي|حتي|و|-|–)\s*$")


def _is_future_word(word: str) -> bool:
    if word in lx.FUTURE_CUES or (word[:1] in "وف" and word[1:] in lx.FUTURE_CUES):
        return True
    if not lx.FUTURE_VERB.match(word):
        return False
    stem = word[1:] if word[0] in "وف" else word
    return not stem.startswith(lx.NOT_FUTURE_PREFIXES)


def _is_planned(word: str, before: str) -> bool:
    """اتفقوا على عقد قمة, دعا إلى إجراء انتخابات, لتنظيم مؤتمر: an act still to be done."""
    if word[:1] == "ل" and word[1:] in lx.PLAN_NOUNS:
        return True
    return word in lx.PLAN_NOUNS and before in {"علي", "الي"}


def _future_context(text: str, start: int, clause_start: int) -> bool:
    """True when the words just before the mention in its sentence speak of the future."""
    window_start = max(clause_start, start - 110)
    words = _WORD.findall(text, window_start, start)[-_CUE_WINDOW_WORDS:]
    # للخميس / إلى الخميس after a word of postponement: تأجيل النظر في الطعن للخميس
    postponed = text.startswith("لل", start) or (bool(words) and words[-1] in _TO_WORDS)
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word in lx.PAST_CLAUSE_WORDS or (word[:1] in "وف" and word[1:] in lx.PAST_CLAUSE_WORDS):
            return False  # "سيزور موسكو، وكان قد التقى نظيره الأحد": the cue belongs to another clause
        if _is_future_word(word) or (postponed and word in lx.POSTPONE_WORDS):
            return True
        if _is_planned(word, words[k - 1] if k > 0 else ""):
            return True
    # "، على أن يفتح باب الترشح": a condition still to be met (but not "دليل على أن", "أكد على أن")
    return _ON_CONDITION.search(text, window_start, start) is not None


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
    # A weekday named with a cue (الاثنين المقبل) fixes which one later bare mentions of it mean.
    weekday_dates: dict[str, str] = {}
    previous: tuple[Mention, str | None] | None = None
    clocks: list[tuple[Span, Mention]] = []
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
        if m.kind == "weekday" and "deic" not in m.parts and anchor is not None:
            r.value = _weekday_in_context(m, r.value, future, previous, nt.text, weekday_dates)
        previous = (m, r.value)
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
        span = Span(start, end, "TIMEX", attrs)
        spans.append(span)
        if m.kind == "clock":
            clocks.append((span, m))
    for span, m in clocks:
        _place_clock(article, span, m, spans, anchor)
    if anchor is None:
        article.warn(f"time: publication date unknown; {unresolved} relative expression(s) left unresolved")
    article.set_layer("timexes", spans)
    return article


def _weekday_in_context(m: Mention, value: str | None, future: bool, previous: tuple[Mention, str | None] | None,
                        text: str, known: dict[str, str]) -> str | None:
    """A bare weekday read against the weekdays before it.

    The end of a range (من الاثنين إلى الأربعاء) is the first such day after its start;
    a bare weekday already named with a cue (يوم الاثنين المقبل ... الاثنين) is that day.
    """
    wd = m.parts["wd"]
    key = wd if wd.startswith("ال") else "ا" + wd
    explicit = "dir" in m.parts or future
    if previous is not None and previous[0].kind == "weekday" and previous[1] and value:
        gap = text[previous[0].end : m.start]
        if len(gap) <= 8 and _RANGE_LINK.match(gap):
            start = date.fromisoformat(previous[1])
            value = (start + timedelta(days=(date.fromisoformat(value).weekday() - start.weekday()) % 7 or 7)).isoformat()
            explicit = True
    if not explicit and key in known:
        value = known[key]
    if value and (explicit or key not in known):
        known[key] = value
    return value


def _place_clock(article: Article, span: Span, m: Mention, spans: list[Span], anchor: date | None) -> None:
    """A clock time takes the day of the nearest dated day in its sentence, else of the last one in its paragraph."""
    days = [s for s in spans if s.attrs.get("kind") == "date" and s.attrs.get("granularity") == "day" and s.attrs.get("value")]
    text = article.text
    sent_start = max(text.rfind(".", 0, span.start), text.rfind("\n", 0, span.start)) + 1
    sent_end = min((i for i in (text.find(".", span.end), text.find("\n", span.end)) if i >= 0), default=len(text))
    para_start = text.rfind("\n", 0, span.start) + 1
    same = [s for s in days if sent_start <= s.start and s.end <= sent_end]
    day: Span | None = None
    if same:
        day = min(same, key=lambda s: min(abs(s.start - span.end), abs(span.start - s.end)))
    else:
        before = [s for s in days if para_start <= s.start < span.start]
        day = before[-1] if before else None
    day_value = str(day.attrs["value"]) if day else (anchor.isoformat() if anchor else None)
    hhmm = clock_time(m.parts, day.attrs.get("part") if day else None)
    span.attrs.pop("clock", None)
    span.attrs["value"] = f"{day_value}T{hhmm}" if day_value and hhmm else None


def sentence_timexes(article: Article, start: int, end: int) -> list[Span]:
    """The timexes lying inside the display span [start, end), e.g. one sentence."""
    return [s for s in article.layer("timexes") if s.start >= start and s.end <= end]

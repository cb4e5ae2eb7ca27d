"""The publication date: from metadata when given, else from the text or the URL.

Order of trust when the metadata has nothing:

1. a full date right after اليوم, as in ``اليوم (الاربعاء 13 سبتمبر/ أيلول 2023)`` -> "text";
2. a full date in the head of the article that opens its line (a dateline
   such as ``الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م``) or closes it
   (a photo caption ending ``19 أكتوبر 2023 - Reuters``), and is not the
   object of a preposition (في, منذ, حتى...) -> "dateline";
3. a /2015/08/12/ or 20150812 style date in the URL -> "url".
"""

from __future__ import annotations

import re
from datetime import date

from marsad.clean.normalize import normalize
from marsad.time.extract import MatchingForm, Mention
from marsad.time.resolve import resolve

# How far into the normalized text a dateline or caption date may sit.
HEAD_CHARS = 400

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-/_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_NOT_DATELINE_PREV = frozenset(normalize(w) for w in (
    "في وفي منذ ومنذ حتى وحتى قبل وقبل بعد وبعد خلال من إلى بتاريخ عام العام تاريخ لغاية أقصاها"
).split())


def parse_published(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string, or None."""
    if not value:
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def date_from_url(url: str | None) -> date | None:
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        try:
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None


def _full_date(m: Mention) -> date | None:
    """The day of a mention that needs no anchor (day, month and year all written)."""
    if m.kind not in {"month", "hijri", "numeric"}:
        return None
    r = resolve(m, None, False)
    if r is None or r.needs_anchor or r.granularity != "day" or r.value is None or r.mod:
        return None
    return date.fromisoformat(r.value)


_WORD = re.compile(r"\w+")
# A dateline opens its line with at most a place, a weekday or an agency (الرياض - واس -);
# a caption date closes its line with at most an agency or photographer (- رويترز).
_MAX_WORDS_AROUND = 3
_CAPTION_DASHES = frozenset("-–—|/")


def _stands_alone(form: MatchingForm, m: Mention) -> bool:
    """True for a date that opens or closes its line: a dateline or a caption, not a date in a sentence."""
    if m.parts.get("prev", "") in _NOT_DATELINE_PREV:
        return False
    text = form.display
    start, end = form.to_display(m.start, m.end)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if len(_WORD.findall(text, line_start, start)) <= _MAX_WORDS_AROUND:
        return True
    tail = text[end:line_end].strip()
    return tail[:1] in _CAPTION_DASHES and len(_WORD.findall(tail)) <= _MAX_WORDS_AROUND


def find_published(form: MatchingForm, mentions: list[Mention], url: str | None = None) -> tuple[date, str] | None:
    """(date, source) for an article whose metadata has no date, or None.

    ``form`` is the article's :func:`marsad.time.extract.matching_form` and
    ``mentions`` what :func:`marsad.time.extract.extract` found in it.
    """
    norm_text = form.text
    dateline: date | None = None
    for m in mentions:
        d = _full_date(m)
        if d is None:
            continue
        before = norm_text[max(0, m.start - 12) : m.start].rstrip(" (،,-")
        if before.endswith("اليوم"):
            return d, "text"
        if dateline is None and m.start < HEAD_CHARS and _stands_alone(form, m):
            dateline = d
    if dateline is not None:
        return dateline, "dateline"
    from_url = date_from_url(url)
    if from_url is not None:
        return from_url, "url"
    return None

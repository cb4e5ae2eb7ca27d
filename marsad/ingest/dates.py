"""Publication dates from metadata values, URLs and page timestamps.

Only what ingest needs to date a document: ISO-normalising a metadata value,
the /2015/07/20/ style date in a URL, and a written date such as
"الأربعاء، 28 آب/اغسطس 2013" in a page's timestamp line.  Temporal expressions
in the article body are the time stage's business, not this module's.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from marsad.clean.normalize import normalize

# Month names as they appear in Arabic news: Levantine/Iraqi, Egyptian/Gulf and Maghrebi forms.
_MONTHS_RAW: dict[str, int] = {
    "كانون الثاني": 1, "يناير": 1, "جانفي": 1, "january": 1, "jan": 1,
    "شباط": 2, "فبراير": 2, "فيفري": 2, "february": 2, "feb": 2,
    "آذار": 3, "اذار": 3, "مارس": 3, "march": 3, "mar": 3,
    "نيسان": 4, "أبريل": 4, "ابريل": 4, "إبريل": 4, "افريل": 4, "أفريل": 4, "april": 4, "apr": 4,
    "أيار": 5, "ايار": 5, "مايو": 5, "ماي": 5, "may": 5,
    "حزيران": 6, "يونيو": 6, "يونيه": 6, "جوان": 6, "june": 6, "jun": 6,
    "تموز": 7, "يوليو": 7, "يوليه": 7, "جويلية": 7, "july": 7, "jul": 7,
    "آب": 8, "اب": 8, "أغسطس": 8, "اغسطس": 8, "غشت": 8, "أوت": 8, "اوت": 8, "august": 8, "aug": 8,
    "أيلول": 9, "ايلول": 9, "سبتمبر": 9, "شتنبر": 9, "september": 9, "sep": 9, "sept": 9,
    "تشرين الأول": 10, "أكتوبر": 10, "اكتوبر": 10, "october": 10, "oct": 10,
    "تشرين الثاني": 11, "نوفمبر": 11, "نونبر": 11, "november": 11, "nov": 11,
    "كانون الأول": 12, "ديسمبر": 12, "دجنبر": 12, "december": 12, "dec": 12,
}
_MONTHS: dict[str, int] = {normalize(k): v for k, v in _MONTHS_RAW.items()}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_MONTH_GROUP = rf"(?:{_MONTH_ALT})(?:\s*[/\-(]\s*(?:{_MONTH_ALT})\)?)?"
# Matched on the normalized form, where digits are ASCII and hamza variants folded.
_WRITTEN_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_MONTH_GROUP})\s*[,،]?\s*(\d{{4}})(?!\d)")
_WRITTEN_MDY = re.compile(rf"\b({_MONTH_GROUP})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)")
_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-/_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")

_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _valid(y: int, m: int, d: int) -> str | None:
    if not (_MIN_YEAR <= y <= _MAX_YEAR):
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def normalize_date(value: object) -> str | None:
    """A metadata date (ISO string, datetime, RFC 2822, epoch seconds) as ISO 8601, else None.

    A value with a time of day keeps it ("2015-07-21T02:51:32"); a bare date stays a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    m = _ISO.match(s)
    if m:
        day = _valid(int(m[1]), int(m[2]), int(m[3]))
        if day is None:
            return None
        if m[4] is None:
            return day
        out = f"{day}T{m[4]}:{m[5]}:{m[6] or '00'}"
        if m[7]:
            tz = m[7] if m[7] == "Z" else m[7][:3] + ":" + m[7][-2:]
            out += "Z" if tz == "Z" else tz
        return out
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return date_from_text(s)


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL path: /2015/07/20/, /20150721/, Con20150720784687.htm."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for m in _URL_DATE.finditer(path):
        day = _valid(int(m[1]), int(m[3]), int(m[4]))
        if day:
            return day
    return None


def date_from_text(text: str) -> str | None:
    """The first full written date in ``text`` (a timestamp line, not an article body)."""
    s = normalize(text)
    found: list[tuple[int, str]] = []
    for m in _WRITTEN_DMY.finditer(s):
        day = _valid(int(m[3]), _month(m[2]), int(m[1]))
        if day:
            found.append((m.start(), day))
            break
    for m in _WRITTEN_MDY.finditer(s):
        day = _valid(int(m[3]), _month(m[1]), int(m[2]))
        if day:
            found.append((m.start(), day))
            break
    for m in _NUMERIC_YMD.finditer(s):
        day = _valid(int(m[1]), int(m[2]), int(m[3]))
        if day:
            found.append((m.start(), day))
            break
    for m in _NUMERIC_DMY.finditer(s):
        # Arabic and European usage: day first.
        day = _valid(int(m[3]), int(m[2]), int(m[1]))
        if day:
            found.append((m.start(), day))
            break
    return min(found)[1] if found else None


def _month(group: str) -> int:
    first = re.split(r"\s*[/\-(]\s*", group, maxsplit=1)[0].strip()
    return _MONTHS.get(first, 0)

"""Datelines at the head of a story: where it was filed from and which agency filed it.

Recognised forms (each at the start of one of the first lines of the body):

* ``سيول ، كوريا الجنوبية (AP) –`` / ``القاهرة (رويترز) -``: places, agency in brackets;
* ``الرياض - واس`` / ``موسكو - أ ف ب`` / ``سول/ دبي -رويترزالشرق``: places, dash, agency
  (a long agency name may be glued to the outlet name that follows it);
* ``واس- الرياض:`` / ``أ ف ب- بروكسل:``: agency, dash, places, colon;
* ``الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس``: place, Hijri and Gregorian
  dates, agency (the Saudi Press Agency form);
* ``علي حفول- سبق- نجران:``: reporter and outlet, then the place before the colon.

The dateline stays in the display text; :func:`find_dateline` returns offsets into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.clean.wires import WIRE, WIRE_GLUED, canonical_wire

# A word starts with a letter; tatweel may stretch it ("أبهــا") but a lone "ـ" is a dash.
_WORD = r"(?:[\u0621-\u063f\u0641-\u064a][\u0621-\u064a]*|[A-Z][A-Za-z.'-]*)"
_S = r"[ \t]"  # a dateline never spans lines
_PLACE = rf"{_WORD}(?:{_S}{_WORD}){{0,2}}"
_PLACES = rf"{_PLACE}(?:{_S}*[/،,]{_S}*{_PLACE}){{0,2}}"
_DASH = r"(?:[-–—]|(?<=[ \t])ـ(?=[ \t]))"
_HEAD_LINES = 6

_BRACKETED = re.compile(
    rf"^(?P<places>{_PLACES}){_S}*\({_S}*(?P<agency>{WIRE}){_S}*\){_S}*(?:{_DASH}|:|$)", re.M
)
_DASHED = re.compile(
    rf"^(?P<places>{_PLACES}){_S}*{_DASH}{_S}*(?:(?P<agency>{WIRE}){_S}*:?|(?P<glued>{WIRE_GLUED})\S*)(?=\s|$)",
    re.M,
)
_AGENCY_FIRST = re.compile(rf"^(?P<agency>{WIRE}){_S}*{_DASH}{_S}*(?P<places>{_PLACES}){_S}*(?::|$)", re.M)
_MONTH_WORD = rf"{_WORD}(?:{_S}{_WORD})?"
# The Saudi Press Agency form fills a line of its own.
_DATED = re.compile(
    rf"^(?P<places>{_PLACE}){_S}+(?P<date>[0-9٠-٩]{{1,2}}{_S}{_MONTH_WORD}{_S}[0-9٠-٩]{{4}}{_S}?هـ?"
    rf"(?:{_S}(?:ا?ل)?موافق{_S}[0-9٠-٩]{{1,2}}{_S}{_MONTH_WORD}{_S}[0-9٠-٩]{{4}}{_S}?م?)?)"
    rf"(?:[ \t.]*(?P<agency>{WIRE}))?[ \t.]*$",
    re.M,
)
# Reporter and outlet before the place: "علي حفول- سبق- نجران:"
_BYLINE_PLACE = re.compile(
    rf"^(?P<byline>{_PLACE}(?:{_S}*{_DASH}{_S}*{_PLACE}){{0,2}}){_S}*{_DASH}{_S}*(?P<places>{_PLACE}){_S}*:",
    re.M,
)
_HIJRI_YEAR = re.compile(r"[0-9٠-٩]{4}\s?ه")

# Desk labels that sit where the place should be: "سبق- وكالات:", "عين اليوم – متابعات".
_NOT_PLACES = frozenset(
    {"وكالات", "الوكالات", "متابعات", "متابعة", "خاص", "تقرير", "تحليل", "تصوير", "عواصم", "عواصم العالم"}
    | {"السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة"}
)
# Outlets that name themselves inside their own datelines ("جدة- سبق:", "عين اليوم – واس").
# The article's own outlet is added at call time.
OUTLET_NAMES = frozenset({"سبق", "عين اليوم", "الوئام", "الرياضية", "الرياضي", "الاقتصادية", "الشرق الأوسط"})
# A line opening like a sentence is running text, whatever follows: "ونقلت وكالة (رويترز) ...".
_SENTENCE_OPENERS = frozenset({"ثم", "قال", "قالت", "في", "من", "إلى", "على", "عن", "كما", "لكن", "إن", "أن", "بعد", "قبل"})


def _opens_like_a_sentence(text: str) -> bool:
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    # Places starting with و are spelled وا.. (واشنطن، وادي); "ونقلت" and "وفي" are sentences.
    return first in _SENTENCE_OPENERS or (len(first) > 2 and first[0] == "و" and first[1] not in "اه")


@dataclass
class Dateline:
    start: int
    end: int
    text: str
    places: list[str]
    agency: str | None
    date_text: str | None = None
    byline: str | None = None

    def to_meta(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "places": self.places,
            "agency": self.agency,
        }
        if self.date_text:
            out["date_text"] = self.date_text
        if self.byline:
            out["byline"] = self.byline
        return out


def _split_places(text: str, outlets: frozenset[str] = frozenset()) -> list[str]:
    parts = (p.strip() for p in re.split(r"\s*[/،,]\s*", text))
    return [p for p in parts if p and p not in _NOT_PLACES and p not in outlets]


def _head_region(text: str) -> int:
    """End offset of the first few non-empty lines, where a dateline may appear."""
    seen = 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen >= _HEAD_LINES:
            return m.end()
    return len(text)


def _candidates(text: str, limit: int, outlets: frozenset[str]) -> list[Dateline]:
    found: list[Dateline] = []

    def add(m: re.Match[str], places: list[str], agency: str | None, **extra: Any) -> None:
        if not _opens_like_a_sentence(m.group()):
            found.append(Dateline(m.start(), m.end(), "", places, agency, **extra))

    for m in _BRACKETED.finditer(text, 0, limit):
        add(m, _split_places(m["places"], outlets), canonical_wire(m["agency"]))
    for m in _DASHED.finditer(text, 0, limit):
        add(m, _split_places(m["places"], outlets), canonical_wire(m["agency"] or m["glued"]))
    for m in _AGENCY_FIRST.finditer(text, 0, limit):
        add(m, _split_places(m["places"], outlets), canonical_wire(m["agency"]))
    for m in _DATED.finditer(text, 0, limit):
        if not m["agency"] and not _HIJRI_YEAR.search(m["date"]):
            continue  # a bare date after a word is running text, not a dateline
        agency = canonical_wire(m["agency"]) if m["agency"] else None
        add(m, _split_places(m["places"], outlets), agency, date_text=m["date"])
    for m in _BYLINE_PLACE.finditer(text, 0, limit):
        parts = [p.strip() for p in re.split(_DASH, m["byline"]) if p.strip()]
        agency = next((canonical_wire(p) for p in parts if canonical_wire(p)), None)
        rest = [p for p in parts if not canonical_wire(p) and p not in outlets]
        places = _split_places(m["places"], outlets)
        if not places and m["places"].strip() in outlets and len(rest) == 1 and " " not in rest[0]:
            places = rest  # "جدة- سبق:": the outlet closes the dateline, the place opens it
            rest = []
        add(m, places, agency, byline=" - ".join(rest) or None)
    return found


def find_dateline(text: str, outlets: frozenset[str] | set[str] = OUTLET_NAMES) -> Dateline | None:
    """The dateline at the head of ``text``, with offsets into it, or None.

    ``outlets`` are names that may appear in a dateline but are not places.
    """
    limit = _head_region(text)
    found = _candidates(text, limit, frozenset(outlets))
    if not found:
        return None
    # The earliest wins; at the same start, the longest reading.
    best = min(found, key=lambda d: (d.start, -(d.end - d.start)))
    end = best.end
    while end > best.start and text[end - 1].isspace():
        end -= 1
    best.end = end
    best.text = text[best.start : end]
    return best

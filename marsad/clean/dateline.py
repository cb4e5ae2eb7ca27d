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
from dataclasses import dataclass, field
from typing import Any

from marsad.clean.wires import WIRE, WIRE_GLUED, canonical_wire

_WORD = r"[\u0621-\u064a]+"
_PLACE = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
_PLACES = rf"{_PLACE}(?:\s*[/،,]\s*{_PLACE}){{0,2}}"
_DASH = r"[-–—]"
_HEAD_LINES = 6

_BRACKETED = re.compile(rf"^(?P<places>{_PLACES})\s*\(\s*(?P<agency>{WIRE})\s*\)\s*(?:{_DASH}|:)?", re.M)
_DASHED = re.compile(
    rf"^(?P<places>{_PLACES})\s*{_DASH}\s*(?:(?P<agency>{WIRE})\s*:?|(?P<glued>{WIRE_GLUED})\S*)\s*?(?=\s|$)",
    re.M,
)
_AGENCY_FIRST = re.compile(rf"^(?P<agency>{WIRE})\s*{_DASH}\s*(?P<places>{_PLACES})\s*:", re.M)
_MONTH_WORD = r"[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?"
_DATED = re.compile(
    rf"^(?P<places>{_PLACE})\s+(?P<date>[0-9٠-٩]{{1,2}}\s{_MONTH_WORD}\s[0-9٠-٩]{{4}}\s?هـ?"
    rf"(?:\s(?:ال)?موافق\s[0-9٠-٩]{{1,2}}\s{_MONTH_WORD}\s[0-9٠-٩]{{4}}\s?م?)?)\s*(?P<agency>{WIRE})?",
    re.M,
)
# Reporter and outlet before the place: "علي حفول- سبق- نجران:"
_BYLINE_PLACE = re.compile(
    rf"^(?P<byline>{_PLACE}(?:\s*{_DASH}\s*{_PLACE}){{0,2}})\s*{_DASH}\s*(?P<places>{_PLACE})\s*:(?=\s|$)",
    re.M,
)


@dataclass
class Dateline:
    start: int
    end: int
    text: str
    places: list[str]
    agency: str | None
    date_text: str | None = None
    byline: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

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


def _split_places(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*[/،,]\s*", text) if p.strip()]


def _head_region(text: str) -> int:
    """End offset of the first few non-empty lines, where a dateline may appear."""
    seen = 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen >= _HEAD_LINES:
            return m.end()
    return len(text)


def _candidates(text: str, limit: int) -> list[Dateline]:
    found: list[Dateline] = []
    for m in _BRACKETED.finditer(text, 0, limit):
        found.append(Dateline(m.start(), m.end(), "", _split_places(m["places"]), canonical_wire(m["agency"])))
    for m in _DASHED.finditer(text, 0, limit):
        agency = m["agency"] or m["glued"]
        found.append(Dateline(m.start(), m.end(), "", _split_places(m["places"]), canonical_wire(agency)))
    for m in _AGENCY_FIRST.finditer(text, 0, limit):
        found.append(Dateline(m.start(), m.end(), "", _split_places(m["places"]), canonical_wire(m["agency"])))
    for m in _DATED.finditer(text, 0, limit):
        if not m["agency"] and "هـ" not in m["date"]:
            continue  # a bare date after a word is running text, not a dateline
        agency = canonical_wire(m["agency"]) if m["agency"] else None
        found.append(Dateline(m.start(), m.end(), "", [m["places"]], agency, date_text=m["date"]))
    for m in _BYLINE_PLACE.finditer(text, 0, limit):
        parts = [p.strip() for p in re.split(_DASH, m["byline"]) if p.strip()]
        agency = next((canonical_wire(p) for p in parts if canonical_wire(p)), None)
        byline = " - ".join(p for p in parts if not canonical_wire(p)) or None
        found.append(Dateline(m.start(), m.end(), "", [m["places"].strip()], agency, byline=byline))
    return found


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the head of ``text``, with offsets into it, or None."""
    limit = _head_region(text)
    found = _candidates(text, limit)
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

"""News agencies as they appear in Arabic credits and datelines, with canonical English names.

Agency names are matched only where a credit or dateline is expected (a
parenthesised footer, the head of a dateline), never in running text: "وفق ما
أوردت وكالة رويترز" cites a source, it does not credit the copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_A = "[أاإآ]"
_DOT = r"\.?\s?"  # initials are written أ.ف.ب, أ ف ب, أ. ف. ب

# canonical name -> spellings (regex fragments).  Short initialisms need a word
# boundary after them; only the long names may be glued to the next word, as in
# "-رويترزالشرق" where the outlet name follows the agency without a space.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": (rf"{_A}{_DOT}ف{_DOT}ب", r"فران[سص]\s?[بپ]رس", r"AFP"),
    "dpa": (rf"د{_DOT}ب{_DOT}{_A}", r"dpa", r"DPA"),
    "Reuters": (r"رويترز", r"Reuters", r"REUTERS"),
    "AP": (rf"{_A}سوشي?تد\s?[بپ]رس", rf"{_A}\.\s?ب", r"AP", r"Associated Press"),
    "KUNA": (r"كونا", r"KUNA"),
    "SPA": (r"واس", r"SPA"),
    "WAM": (r"وام", r"WAM"),
    "MENA": (rf"{_A}{_DOT}ش{_DOT}{_A}", r"MENA"),
    "QNA": (r"قنا", r"QNA"),
    "Anadolu": (r"ال[أا]ناضول", r"Anadolu"),
    "Xinhua": (r"شينخوا", r"شينهوا", r"Xinhua"),
    "TASS": (r"تاس", r"TASS"),
    "RIA Novosti": (r"ريا\s?نوفوستي", r"RIA Novosti"),
    "Yonhap": (r"يونهاب", r"Yonhap"),
    "KCNA": (r"KCNA",),
    "SANA": (r"سانا", r"SANA"),
    "IRNA": (rf"{_A}ي?رنا", r"IRNA"),
    "BNA": (r"بنا", r"BNA"),
    "Petra": (r"بترا", r"Petra"),
    "UPI": (rf"يو\s?بي\s?{_A}ي", r"UPI"),
}

# Spellings long enough to be recognised even when glued to the following word.
_GLUE_OK = ("Reuters", "RIA Novosti", "Xinhua", "Yonhap", "Anadolu")

_AR_OR_LATIN = r"[\u0621-\u064aA-Za-z]"


def _alternation(names: Iterable[str], boundary: bool) -> str:
    frags = sorted((f for n in names for f in AGENCIES[n]), key=len, reverse=True)
    body = "|".join(frags)
    head = rf"(?<!{_AR_OR_LATIN})"
    return rf"{head}(?:{body})(?!{_AR_OR_LATIN})" if boundary else rf"{head}(?:{body})"


# A wire name standing alone (not followed by a letter).
WIRE = _alternation(AGENCIES, boundary=True)
# A long wire name that may run into the next word.
WIRE_GLUED = _alternation(_GLUE_OK, boundary=False)

_CANONICAL = [(name, re.compile("|".join(f"(?:{f})" for f in frags))) for name, frags in AGENCIES.items()]
_WIRE_RE = re.compile(WIRE)


def canonical_wire(text: str) -> str | None:
    """The canonical agency name for a credit such as "أ.ف.ب" or "رويترز", or None."""
    text = text.strip(" ()[]-–—:/")
    for name, pattern in _CANONICAL:
        if pattern.fullmatch(text):
            return name
    return None


def wires_in(text: str) -> list[str]:
    """Every agency credited in a credit string like "(د.ب.أ / أ.ف.ب)", in order, deduplicated."""
    out: list[str] = []
    for m in _WIRE_RE.finditer(text):
        name = canonical_wire(m.group())
        if name and name not in out:
            out.append(name)
    return out


def merge_wires(existing: Iterable[str] | None, new: Iterable[str]) -> list[str]:
    out = list(existing or [])
    for w in new:
        if w and w not in out:
            out.append(w)
    return out

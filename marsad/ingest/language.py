"""Which language an article is in, by script and a handful of function words.

Marsad reads Arabic; anything else is kept but flagged, so a cheap, transparent
test is enough: the share of Arabic-script letters, Persian/Urdu letters to tell
those apart, and common function words for Latin-script languages.
"""

from __future__ import annotations

import re

from marsad.ingest.encoding import is_arabic_letter

UNDETERMINED = "und"
_SAMPLE = 20_000
_PERSIAN_LETTERS = frozenset("پچژگکی")
_URDU_LETTERS = frozenset("ٹڈڑںےھ")
_PERSIAN_WORDS = frozenset({"است", "این", "می", "را", "که", "برای", "های", "شد", "کرد"})
_LATIN_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for on was with said by as at from his has have".split()),
    "fr": frozenset("le la les des et est une du en que dans pour sur au par pas qui avec".split()),
    "es": frozenset("el la los las de y en que por con una para del se su al".split()),
    "de": frozenset("der die das und ist nicht mit den von zu ein eine auf dem sich".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ("ar", "en"...), "und" when letters do not tell, None for text without letters."""
    sample = text[:_SAMPLE]
    letters = arabic = latin = cyrillic = hebrew = persian = urdu = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        if is_arabic_letter(ch):
            arabic += 1
            if ch in _PERSIAN_LETTERS:
                persian += 1
            elif ch in _URDU_LETTERS:
                urdu += 1
        elif ch < "\u0250":
            latin += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
        elif "\u0590" <= ch <= "\u05ff":
            hebrew += 1
    if not letters:
        return None
    if arabic / letters >= 0.5:
        return _arabic_script_language(sample, arabic, persian, urdu)
    if cyrillic / letters >= 0.5:
        return "ru"
    if hebrew / letters >= 0.5:
        return "he"
    if latin / letters >= 0.5:
        return _latin_language(sample)
    return UNDETERMINED


def _arabic_script_language(sample: str, arabic: int, persian: int, urdu: int) -> str:
    # Arabic text borrows the odd گ or پ for foreign names; Persian and Urdu use them constantly.
    if urdu / arabic > 0.03:
        return "ur"
    if persian / arabic > 0.03:
        words = _WORD.findall(sample)
        if words and sum(w in _PERSIAN_WORDS for w in words) / len(words) > 0.03:
            return "fa"
    return "ar"


def _latin_language(sample: str) -> str:
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return UNDETERMINED
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LATIN_WORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best / len(words) >= 0.05 else UNDETERMINED

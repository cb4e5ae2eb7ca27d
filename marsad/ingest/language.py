"""Which language an article is in, by script and a handful of function words.

Marsad reads Arabic; anything else is kept but flagged, so a cheap, transparent
test is enough: the share of Arabic-script letters, Persian/Urdu letters to tell
those apart, and common function words for Latin-script languages.
"""

from __future__ import annotations

import re

UNDETERMINED = "und"
_SAMPLE = 3_000
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
_LETTER = _WORD
_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]+")
_HEBREW = re.compile("[\u05d0-\u05ea]+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ("ar", "en"...), "und" when letters do not tell, None for text without letters."""
    sample = text[:_SAMPLE]
    letters = _count(_LETTER, sample)
    if not letters:
        return None
    arabic = _count(_ARABIC, sample)
    if arabic / letters >= 0.5:
        persian = sum(sample.count(c) for c in _PERSIAN_LETTERS)
        urdu = sum(sample.count(c) for c in _URDU_LETTERS)
        return _arabic_script_language(sample, arabic, persian, urdu)
    if _count(_CYRILLIC, sample) / letters >= 0.5:
        return "ru"
    if _count(_HEBREW, sample) / letters >= 0.5:
        return "he"
    if _count(_LATIN, sample) / letters >= 0.5:
        return _latin_language(sample)
    return UNDETERMINED


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


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

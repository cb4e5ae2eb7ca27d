"""Step 4 helpers: reading NER tags as mentions: BIO runs, where a name starts inside its first
token, and currency or unit phrases that are not entities.
"""

from __future__ import annotations

from marsad.entities import actors
from marsad.entities.gazetteer import bare, clitic_forms
from marsad.entities.tokens import Tok
from marsad.entities.wordlists import _known_name_tokens, _words

NER_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "GPE": "GPE"}
# Currencies and units of measure (singular, dual and plural forms as written in news).
_MEASURES = frozenset(
    bare(w)
    for w in _words(
        "دولار دولارا دولارات دولارين يورو جنيه جنيها جنيهات ريال ريالا ريالات درهم دراهم دينار دينارا دنانير "
        "ليرة ليرات روبل روبلات ين يوان روبية روبيات شيكل شيقل شلن شلنات فرنك فرنكات بيزو وون بيتكوين "
        "برميل براميل طن أطنان كيلومتر كيلومترات كلم كيلوغرام كيلوغرامات كيلو ميل أميال متر أمتار "
        "ميغاوات جيجاوات كيلوواط هكتار هكتارات قدم أقدام سنتيمتر مليمتر درجة مئوية فهرنهايت"
    )
)


def _measure_phrase(words: list[str]) -> bool:
    """Currency or unit words, possibly with a nationality adjective (الدولار الأمريكي, الريال السعودي)."""
    if not words:
        return False
    k = 0
    seen_measure = False
    while k < len(words):
        if any(bare(f) in _MEASURES for f, _ in clitic_forms(words[k])):
            seen_measure = True
            k += 1
            continue
        nat = actors.nationality_at(words, k)
        if nat is None or not seen_measure:
            return False
        k += nat[1]
    return seen_measure


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start, label = None, None
    for k, tag in enumerate([*tags, "O"]):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start is not None and label is not None:
                spans.append((start, k, label))
            start, label = (k, tag[2:]) if tag != "O" else (None, None)
    return spans


def _name_offset(tok: Tok) -> int:
    """Where a NER name starts inside its first token: after a conjunction or preposition."""
    forms = clitic_forms(tok.norm)
    known = _known_name_tokens()
    for form, offset in forms[1:]:
        if bare(form) in known or form.startswith("ال"):
            return offset
    return forms[1][1] if len(forms) > 1 and tok.norm[0] == "و" and len(tok.norm) > 4 else 0

"""Source clauses: "according to whom" a statement is reported.

A source clause is a marker (وفقا لـ، بحسب، حسبما ذكرت، نقلا عن، وفق ما أوردت،
على ما أظهرت) followed by the phrase naming the source, up to the next comma,
colon, quotation or sentence end.  The phrase is linked to an entity when the
entities layer has one in it, and classed by its head word (وكالة → agency,
صحيفة → media, موقع → website, وزارة → ministry, مسؤول → official...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.attribution.cues import COMPLEMENTIZERS
from marsad.attribution.view import Tok
from marsad.clean.normalize import normalize

_N = normalize

_ACCORDING = frozenset(_N(w) for w in ("وفقا", "ووفقا", "طبقا", "وطبقا", "استنادا"))
# Bare "حسب" mostly means "depending on"; only its fuller forms mark a source.
_PER = frozenset(_N(w) for w in ("بحسب", "وبحسب", "حسبما", "وحسبما", "بحسبما", "وبحسبما"))
_BARE_PER = frozenset(_N(w) for w in ("حسب", "وحسب"))
_ACCORD_NOUN = frozenset(_N(w) for w in ("وفق", "ووفق"))
_TRANSMIT = frozenset(_N(w) for w in ("نقلا", "ونقلا"))
# Verbs inside "حسبما ذكرت"، "وفقا لما قاله"، "على ما أظهرت" (with object pronouns stripped below).
_SOURCE_VERBS = frozenset(_N(w) for w in (
    "ذكر", "أفاد", "أورد", "نقل", "قال", "أعلن", "أظهر", "بث", "نشر", "أكد", "أوضح", "كشف", "صرح", "جاء", "أشار",
    "نقلت", "أفادت", "أوردت", "ذكرت", "قالت", "أعلنت", "أظهرت", "بثت", "نشرت", "أكدت", "أوضحت", "كشفت", "صرحت",
    "أشارت", "يقول", "تقول", "يظهر", "تظهر", "ذكروا", "قالوا", "أفادوا",
))
_VISUAL = frozenset(_N(w) for w in ("أظهر", "أظهرت", "بث", "بثت", "يظهر", "تظهر"))
_SPEECH_SOURCE_VERBS = frozenset(_N(w) for w in ("قال", "قالت", "قالوا", "صرح", "صرحت", "أكد", "أكدت", "أوضح", "أوضحت", "يقول", "تقول"))

_KIND_HEADS: tuple[tuple[str, frozenset[str]], ...] = (
    ("website", frozenset(_N(w) for w in ("موقع", "الموقع", "حساب", "صفحة", "منصة"))),
    ("agency", frozenset(_N(w) for w in ("وكالة", "الوكالة", "وكالات"))),
    ("tv", frozenset(_N(w) for w in ("تلفزيون", "التلفزيون", "قناة", "القناة", "شبكة", "إذاعة", "الإذاعة", "التليفزيون"))),
    ("media", frozenset(_N(w) for w in (
        "صحيفة", "الصحيفة", "جريدة", "مجلة", "وسائل", "تقارير", "تقرير", "التقرير", "إعلام", "الإعلام", "وسائط", "صحف",
    ))),
    ("ministry", frozenset(_N(w) for w in ("وزارة", "الوزارة", "الخارجية", "الدفاع", "الداخلية"))),
    ("official", frozenset(_N(w) for w in (
        "مسؤول", "مسؤولين", "مسؤولون", "مصدر", "مصادر", "متحدث", "المتحدث", "المتحدثة", "الناطق", "ناطق", "مسؤولة",
    ))),
)
_KNOWN_AGENCIES = frozenset(_N(w) for w in (
    "رويترز", "تاس", "نوفوستي", "إنترفاكس", "يونهاب", "كيودو", "شينخوا", "سانا", "واس", "وام", "قنا", "كونا", "بترا",
    "الأناضول", "برس", "أ.ف.ب", "د.ب.أ", "سبوتنيك", "إرنا", "فارس", "تسنيم", "معا", "وفا", "كنا",
))
_STOP = frozenset((",", "،", ".", ":", "؛", ";", "!", "?", "؟", "(", ")", "-", "–", "—"))
_RELATIVE = frozenset(_N(w) for w in ("الذي", "التي", "الذين"))
_MAX_PHRASE = 14


@dataclass
class SourceClause:
    start: int  # token index of the marker
    end: int  # token index after the phrase
    phrase_start: int  # token index where the source phrase begins
    verb: str | None = None  # the verb inside the marker, if any (ذكرت)
    visual: bool = False  # على ما أظهرت مشاهد: footage, not speech
    speech: bool = False  # حسبما قال X: X is a speaker rather than a medium
    inner_start: int | None = None  # "نقلت X عن Y": token index of Y
    refs: list[dict[str, Any]] = field(default_factory=list)
    chained_at: int | None = None  # "حسبما ذكرت X نقلا عن Y": token index of نقلا

    @property
    def outer_end(self) -> int | None:
        """Token index where the outer source's phrase (X) ends, when there is an inner one."""
        if self.inner_start is None:
            return None
        return self.chained_at if self.chained_at is not None else self.inner_start - 1


def _strip_object_suffix(word: str) -> str:
    for suffix in ("ته", "ه"):
        if word.endswith(suffix) and word[: -len(suffix)] in _SOURCE_VERBS:
            return word[: -len(suffix)]
    return word


def _source_verb_at(toks: list[Tok], i: int) -> str | None:
    if i < len(toks):
        w = _strip_object_suffix(toks[i].norm)
        if w in _SOURCE_VERBS:
            return w
    return None


def find_source_clauses(toks: list[Tok], in_quote: list[bool]) -> list[SourceClause]:
    """Every source clause in a sentence's tokens, outside quotations, in text order."""
    out: list[SourceClause] = []
    n = len(toks)
    i = 0
    while i < n:
        if in_quote[i]:
            i += 1
            continue
        w = toks[i].norm
        phrase = -1
        verb: str | None = None
        if w in _ACCORDING and i + 1 < n:
            nxt = toks[i + 1].norm
            if nxt == "ل" and i + 2 < n:
                phrase = i + 2
            elif nxt in ("لما", "لماذا"):
                verb = _source_verb_at(toks, i + 2)
                phrase = i + 3 if verb else -1
            elif nxt.startswith("ل") and len(nxt) > 2:
                phrase = i + 1  # the phrase starts inside "لوكالة": strip the ل when rendering
        elif w in _PER:
            if w.endswith("حسبما") or w.endswith("بحسبما"):
                verb = _source_verb_at(toks, i + 1)
                phrase = i + 2 if verb else -1
            elif i + 1 < n and toks[i + 1].norm == "ما":
                verb = _source_verb_at(toks, i + 2)
                phrase = i + 3 if verb else -1
            elif i + 1 < n and toks[i + 1].is_word:
                phrase = i + 1
        elif (w in _ACCORD_NOUN or w in _BARE_PER) and i + 2 < n and toks[i + 1].norm == "ما":
            # "وفق ما أوردت"، "وحسب ما ذكرته": bare حسب is a source only before ما and a verb.
            verb = _source_verb_at(toks, i + 2)
            phrase = i + 3 if verb else -1
        elif w in _TRANSMIT and i + 1 < n and toks[i + 1].norm == "عن":
            phrase = i + 2
        elif w in ("علي", "وعلي") and i + 2 < n and toks[i + 1].norm == "ما":
            verb = _source_verb_at(toks, i + 2)
            phrase = i + 3 if verb else -1
        if phrase < 0 or phrase >= n:
            i += 1
            continue
        end = _phrase_end(toks, phrase, in_quote)
        if end <= phrase:
            i += 1
            continue
        clause = SourceClause(i, end, phrase, verb, visual=verb in _VISUAL, speech=verb in _SPEECH_SOURCE_VERBS)
        for k in range(phrase + 1, end - 1):
            if toks[k].norm == "عن":
                clause.inner_start = k + 1
                break
        if clause.inner_start is None and w not in _TRANSMIT and end + 2 < n and toks[end].norm in _TRANSMIT \
                and toks[end + 1].norm == "عن" and not in_quote[end]:
            # "حسبما ذكرت وكالة X نقلا عن مصدر": one chain, the source quoted by the medium innermost.
            inner_end = _phrase_end(toks, end + 2, in_quote)
            if inner_end > end + 2:
                clause.chained_at, clause.inner_start, clause.end = end, end + 2, inner_end
        out.append(clause)
        i = clause.end
    return out


def _phrase_end(toks: list[Tok], start: int, in_quote: list[bool]) -> int:
    n = len(toks)
    k = start
    while k < n and k - start < _MAX_PHRASE:
        t = toks[k]
        if t.norm in _STOP:
            # "نص الخطاب، الذي نشر على موقع الوزارة": a relative clause still describes the source.
            if t.norm in (",", "،") and k + 1 < n and toks[k + 1].norm in _RELATIVE:
                k += 1
                continue
            break
        if t.is_quote:
            close = _name_quote_end(toks, k)
            if close < 0:
                break
            k = close + 1
            continue
        if k > start and (t.norm in _ACCORDING or t.norm in _PER or t.norm in _TRANSMIT or t.norm in COMPLEMENTIZERS):
            break
        k += 1
    return k


def _name_quote_end(toks: list[Tok], k: int) -> int:
    """A short quoted name inside a source phrase (وكالة "تاس"): the index of its closing mark, or -1."""
    n = len(toks)
    j = k + 1
    while j < n and not toks[j].is_quote and j - k <= 4:
        j += 1
    return j if j < n and toks[j].is_quote and j - k - 1 <= 3 else -1


def strip_lam(word: str) -> str:
    """"للوكالة" -> "الوكالة", "لوكالة" -> "وكالة": the preposition ل glued to a source's name."""
    if word.startswith("لل") and len(word) > 3:
        return "ال" + word[2:]
    if word.startswith("ل") and len(word) > 2:
        return word[1:]
    return word


def classify(words: list[str], entity_type: str | None = None) -> str:
    """The kind of a source phrase: its head word decides ("مصادر في الوزارة" is official), else any word."""
    if words:
        head = strip_lam(words[0])
        for kind, heads in _KIND_HEADS:
            if words[0] in heads or head in heads:
                return kind
    for kind, heads in _KIND_HEADS:
        if any(w in heads or strip_lam(w) in heads for w in words):
            return kind
    if any(w in _KNOWN_AGENCIES for w in words):
        return "agency"
    if entity_type == "PER":
        return "official"
    return "other"

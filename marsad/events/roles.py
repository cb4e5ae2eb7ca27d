"""Argument choice: which mention of a clause is an event's subject, object or place, and how a
nationality adjective or a pronoun is read.
"""

from __future__ import annotations

from typing import Any

from marsad.clean.normalize import normalize
from marsad.document import Span
from marsad.events.arguments import PLACE_LABELS, PLACE_PREPS, TARGET_PREPS, TITLE_WORDS, Mention
from marsad.events.parties import _two_roles
from marsad.events.speech import _speaker
from marsad.events.triggers import Trigger

_FIRST_PERSON = frozenset(normalize(w) for w in ("نحن", "إننا", "أننا", "انا", "أنا", "إنني", "فنحن", "ونحن"))
# An SVO subject farther than this before its verb is more likely another clause's.
_SVO_REACH = 10
# A noun's object (مع X، إلى X) follows it closely.
_NOUN_REACH = 6
_PLACE_REACH = 16
_OBJECT_REACH = 6
_OBLIQUE_REACH = 20
_RELATIVE_REACH = 5
_MASC_RELATIVES = frozenset(normalize(w) for w in ("الذي", "الذين", "اللذين", "والذي", "والذين"))
# A verb's subject follows it closely in VSO order; farther on it is an object.
_VSO_REACH = 4
_PRONOUNS = ("هما", "هم", "ها", "ه")
_ABOUT = normalize("عن")
_FACING = normalize("أمام")
_IN = normalize("في")
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
# Types whose two sides can be of one country (a government and its citizens, police and protesters).
_DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "REQUEST", "ACCUSE", "SUPPORT", "REJECT"})
# Nouns a nationality adjective can qualify and still name a party to talks.
_OFFICIAL_HEADS = tuple(normalize(w) for w in (
    "وزير", "نظير", "رئيس", "مسؤول", "وفد", "الوفد", "الجانب", "جانب", "حكومة", "الحكومة", "السلطات", "سلطات", "سفير",
    "السفير", "المبعوث", "مبعوث", "القائم", "الرئيس", "الوزير", "المسؤول", "قائد", "القائد", "ملك", "الملك", "أمير",
    "الأمير", "زعيم", "الزعيم", "نائب", "وزارة", "الوزارة", "الخارجية", "الدفاع", "الداخلية", "البرلمان", "برلمان",
    "المتحدث", "مجلس", "القوات", "قوات", "الجيش", "جيش", "وزيرا", "وزيري", "رئيسي", "نظيره", "نظيرته", "الدولة", "دولة",
    "المسؤولين", "مسؤولين", "مسؤولون", "المسؤولون", "مسؤولا", "الطرف", "طرف", "جهات", "الجهات", "أجهزة",
    "الأجهزة", "الطائرات", "طائرات", "طائرة", "الطائرة", "الشرطة", "شرطة", "الأمن", "قوات", "حكومات",
    "المستشار", "مستشار", "العاهل", "السلطان", "الشيخ", "ولي", "رئيسة", "الرئيسة", "وزيرة", "الوزيرة",
))


def _official(words: list[str], m: Mention) -> bool:
    """Whether a nationality adjective qualifies an official or a delegation (or something in their chain)."""
    head = m.spans[0].attrs.get("head", m.ts - 1)
    for k in range(head, max(-1, head - 4), -1):
        w = normalize(words[k])
        if any(v.startswith(_OFFICIAL_HEADS) for v in (w, w[1:], w[2:])):
            return True  # with an optional و/ف/ب/ل clitic: "ووزير"، "لوزير"
        if not w.startswith("ال") and k != head:
            break
    return False


_NISBA = ("ي", "يه", "يين", "يون")


def _vso_distance(words: list[str], actors: list[Mention], i: int, ts: int) -> int:
    """Words between a verb and a later mention, not counting other names and the title's definite
    words: in "دعا الأمين العام للجامعة العربية أحمد أبو الغيط" the subject follows the verb at once."""
    inside = {k for m in actors for k in range(m.ts, m.te + 1)}
    far = 0
    for k in range(i + 1, ts):
        w = normalize(words[k])
        if k in inside or w.startswith(("ال", "لل")) or w.startswith(TITLE_WORDS):
            continue
        far += 1
    return min(ts - i, far + 1)


def _subject_phrase(words: list[str], i: int, nat_ts: int) -> bool:
    """Whether a nationality adjective after a verb belongs to its subject: "نفى رئيس الوفد الرواندي",
    "بحث وزير الزراعة والغابات التركي", not "يرفض حراس المسجد الاقتحامات الإسرائيلية" (the object's)."""
    if nat_ts == i + 1:
        return True
    first = normalize(words[i + 1]) if i + 1 < len(words) else ""
    if first.startswith("ال") or nat_ts - i > 6:
        # "قالت الحكومة الكينية"، "أسقطت الدفاعات الجوية الأوكرانية" (definite adjectives in between)
        return first.startswith("ال") and nat_ts - i <= 4 and all(
            normalize(w).startswith("ال") and normalize(w).endswith(_NISBA) for w in words[i + 2 : nat_ts])
    for k in range(i + 2, nat_ts):
        w = normalize(words[k])
        if k == i + 2 and w.startswith("ال"):
            continue  # the construct's genitive: رئيس الوفد
        if w.startswith("وال") or (w.startswith("ال") and w.endswith(_NISBA)):
            continue  # a coordinated genitive or an adjective: والغابات، الأفريقي
        if not w.startswith("ال") and k - i <= 3 and (w.endswith(_NISBA) or w in _INDEFINITE_ADJECTIVES):
            continue  # an indefinite subject's adjective: "طائرات حربية إسرائيلية"، "فصائل مسلحة عراقية"
        return False
    return True


# Adjectives that often sit between an armed subject and its nationality.
_INDEFINITE_ADJECTIVES = frozenset(normalize(w) for w in (
    "مسلحة", "مسلحون", "مسلحين", "مقاتلة", "مسيرة", "مسيرات", "حربية", "عسكرية", "بحرية", "جوية", "موالية",
    "مدعومة", "تابعة", "تابعون",
))
# Armed agents and weapons: after a verb of attack, their nationality names the attacker, not a victim
# ("قتل مستوطنون إسرائيليون"، "قصفت المدفعية الإسرائيلية" against "قتل جندي تركي").
_FORCE_HEADS = tuple(normalize(w) for w in (
    "مستوطن", "مسلح", "مقاتل", "متمرد", "ميليشي", "مليشي", "فصائل", "فصيل", "طائر", "مقاتلات", "مسير", "مدفعي",
    "المدفعي", "دبابات", "بوارج", "زوارق", "سفن", "صواريخ", "غارات", "قوات", "القوات", "وحدات", "كتائب", "عناصر",
    "الطائر", "المقاتلات", "المسير", "البحري", "الجيش", "جيش", "الدفاعات", "دفاعات", "البوارج", "الزوارق",
))


def _armed(words: list[str], m: Mention) -> bool:
    """Whether a nationality adjective qualifies an armed agent or a weapon ("طائرات حربية روسية")."""
    head = m.spans[0].attrs.get("head", m.ts - 1)
    for k in range(head, max(-1, head - 3), -1):
        w = normalize(words[k])
        if any(v.startswith(_FORCE_HEADS) for v in (w, w[1:])):
            return True
        if w.startswith(("ال", "وال")) and not w.endswith(_NISBA) and k != head:
            break
    return False


def _main_subject(actors: list[Mention], statements: list[Span], tokens: list, i: int) -> Mention | dict[str, Any] | None:
    """Who a participle's action belongs to: the speaker of the sentence's statement, else the first plain mention."""
    lo, hi = tokens[0].start, tokens[i].start
    for st in statements:
        cue = st.attrs.get("cue") or {}
        if lo <= cue.get("start", -1) < hi:
            sp = _speaker(st)
            if sp is not None:
                return sp
    firsts = [m for m in actors if m.te < i and m.prep is None and m.label != "NAT"]
    return firsts[0] if firsts else None


def _possessive(trig: Trigger, variant: str) -> bool:
    return trig.pos == "n" and variant != normalize(trig.lemma) and variant.endswith(_PRONOUNS)


def _referent(actors: list[Mention], i: int, target: Mention | None, variant: str) -> Mention | None:
    feminine = variant.endswith("ها")
    before = [m for m in actors if m.te < i and m is not target and (target is None or m.code != target.code)]
    for m in reversed(before):
        if (m.label == "PER") != feminine:
            return m
    return None


def _antecedent(actors: list[Mention], words: list[str], cs: int) -> Mention | None:
    """The mention a relative pronoun at ``cs`` refers to: close before it, agreeing in gender.

    Places are feminine in Arabic, so "بوتين إلى بيونغ يانغ، الذي استضاف" refers to Putin.
    """
    masculine = normalize(words[cs]) in _MASC_RELATIVES
    for m in reversed([m for m in actors if m.te < cs]):
        if cs - m.te > _RELATIVE_REACH + 3:
            return None
        if masculine and m.label in PLACE_LABELS:
            continue
        if m.prep is None and cs - m.te <= _RELATIVE_REACH:
            return m
    return None


def _first_person(words: list[str], i: int, cs: int, variant: str, lemma: str = "") -> bool:
    """A first-person plural verb ("نحترم") or one after نحن / إننا."""
    if any(normalize(w) in _FIRST_PERSON for w in words[max(cs, i - 3) : i]):
        return True
    # ننفي، نحترم: a prefix ن that is not the root's own first letter (نفته is "he denied it")
    return variant.startswith("ن") and len(variant) >= 4 and not variant.startswith(normalize(lemma)[:2])


def _genitive_of(tokens: list, last: int, ts: int) -> bool:
    """Whether a mention at ``ts`` is the genitive of the noun ending at ``last``: adjacent, or
    separated only by titles and definite adjectives ("زيارة الرئيس الروسي فلاديمير بوتين")."""
    for t in tokens[last + 1 : ts]:
        w = normalize(t.text)
        if t.kind == "punct" or not (w.startswith("ال") or w.startswith(TITLE_WORDS)):
            return False
    return ts - last <= 4


def _pick_target(
    rest: list[Mention], source: Mention | None, etype: str, need_prep: bool = False, anchor: int = 0
) -> Mention | None:
    """The first mention after ``anchor`` that can be the object; after a noun it needs a preposition."""
    for m in rest:
        if m.prep is not None and m.prep not in TARGET_PREPS and not (
                (etype == "RETREAT" and m.prep == _ABOUT) or (etype == "PROTEST" and m.prep == _FACING)
                or (m.prep == _IN and m.label == "ORG")):
            # (أفرج عن X: the released; اعتصام أمام السفارة X: the protested; قيادي في تنظيم X: the group)
            continue
        if need_prep and m.prep is None:
            continue
        if m.prep is None and m.ts - anchor > _OBJECT_REACH:
            continue  # a bare object sits close to its verb; farther on it belongs to something else
        if m.ts - anchor > _OBLIQUE_REACH:
            continue  # "... للحفاظ على سلامة الأمريكيين" twenty words on is not the verb's object
        if source is not None and m.code == source.code and not (
                etype in _DOMESTIC_TYPES and _two_roles(source, m)):
            continue  # country-level coding: a side does not act on itself (but an army fights rebels)
        return m
    return None


def _place(mentions: list[Mention], cs: int, ce: int, i: int) -> Mention | None:
    """A place after في/ب: in the trigger's clause, else the nearest earlier one in the sentence."""
    places = [m for m in mentions if m.label in PLACE_LABELS and m.prep in PLACE_PREPS]
    cands = [m for m in places if cs <= m.ts < ce and abs(m.ts - i) <= _PLACE_REACH]
    if cands:
        return min(cands, key=lambda m: (m.ts < i, abs(m.ts - i)))
    earlier = [m for m in places if m.ts < cs]
    return earlier[-1] if earlier else None

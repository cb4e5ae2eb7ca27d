"""The speech-verb lexicon: which words introduce reported speech, and how.

Every form is stored in the normalized matching form (``marsad.clean.normalize``),
so "وأكّدت" and "واكدت" find the same entry.  A form knows its lemma, whether it
is a past verb, an imperfect verb or an accusative participle (مضيفا، قائلا),
and the gender and number its agreement marks, which the speaker resolver uses
to pick a pronoun's antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.clean.normalize import normalize


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    lemma: str
    polarity: str | None = "asserts"
    # Continues the previous speaker's statement (أضاف، تابع).
    continuation: bool = False
    # Prepositions that may introduce a nominal content (أعرب عن، دعا إلى، حذر من).
    object_preps: tuple[str, ...] = ()
    # The verb may take a plain noun-phrase object as its content (نفى الاتهامات).
    bare_object: bool = False
    # Homographs with a common non-speech reading: only an explicit subject makes them cues.
    needs_subject: bool = False
    # Only a complementizer or a colon opens its content (رد بأن), never a quotation further on.
    complement_only: bool = False
    # An addressee may stand between the subject and the prepositional object (دعا المجتمع الدولي إلى).
    addressee: bool = False


@dataclass(frozen=True, slots=True)
class CueForm:
    verb: SpeechVerb
    kind: str  # past | imperf | participle
    gender: str | None  # m | f | None
    plural: bool = False


def _past(stem: str, dual: bool = False) -> dict[str, tuple[str | None, bool]]:
    # The masculine dual (قالا) is spelled like an accusative noun for many verbs (ردا، نقلا، حذرا): opt in.
    forms = {stem: ("m", False), stem + "ت": ("f", False), stem + "وا": (None, True), stem + "تا": ("f", True)}
    if dual:
        forms[stem + "ا"] = ("m", True)
    return forms


def _imperf(stem: str) -> dict[str, tuple[str | None, bool]]:
    return {"ي" + stem: ("m", False), "ت" + stem: ("f", False), "ي" + stem + "ون": (None, True), "ي" + stem + "ان": ("m", True), "ت" + stem + "ان": ("f", True)}


# lemma, past forms, imperfect forms, participles, options
_LEXICON: tuple[tuple[SpeechVerb, dict[str, tuple[str | None, bool]], dict[str, tuple[str | None, bool]], tuple[str, ...]], ...] = (
    (SpeechVerb("قال"), _past("قال", dual=True), _imperf("قول"), ("قائلا", "قائلة")),
    (SpeechVerb("أضاف", continuation=True), _past("أضاف", dual=True), _imperf("ضيف"), ("مضيفا", "مضيفة")),
    (SpeechVerb("تابع", continuation=True, needs_subject=False), _past("تابع"), {}, ()),
    # "ويتابع: «...»" continues speech; "يتابع الوضع" (follows) has no complementizer or colon.
    (SpeechVerb("تابع", continuation=True, complement_only=True), {}, _imperf("تابع"), ()),
    (SpeechVerb("أردف", continuation=True), _past("أردف"), _imperf("ردف"), ("مردفا",)),
    (SpeechVerb("استطرد", continuation=True), _past("استطرد"), {}, ("مستطردا",)),
    (SpeechVerb("أكد", object_preps=("على",)), _past("أكد", dual=True), _imperf("ؤكد"), ("مؤكدا", "مؤكدة")),
    (SpeechVerb("أعلن", bare_object=True), _past("أعلن", dual=True), _imperf("علن"), ("معلنا",)),
    (SpeechVerb("أفاد"), _past("أفاد", dual=True), _imperf("فيد"), ()),
    (SpeechVerb("أوضح"), _past("أوضح", dual=True), _imperf("وضح"), ("موضحا", "موضحة")),
    (SpeechVerb("ذكر"), _past("ذكر"), _imperf("ذكر"), ()),
    (SpeechVerb("صرح"), _past("صرح", dual=True), _imperf("صرح"), ("مصرحا",)),
    (SpeechVerb("نفى", polarity="denies", bare_object=True),
     {"نفى": ("m", False), "نفت": ("f", False), "نفوا": (None, True), "نفيا": ("m", True), "نفتا": ("f", True)},
     {"ينفي": ("m", False), "تنفي": ("f", False), "ينفون": (None, True)}, ("نافيا", "نافية")),
    (SpeechVerb("حذر", object_preps=("من",)), _past("حذر"), _imperf("حذر"), ("محذرا", "محذرة")),
    (SpeechVerb("اتهم", bare_object=True), _past("اتهم"), _imperf("تهم"), ("متهما",)),
    (SpeechVerb("أشاد", object_preps=("ب",)), _past("أشاد"), _imperf("شيد"), ("مشيدا",)),
    (SpeechVerb("دعا", polarity=None, object_preps=("إلى", "ل"), addressee=True),
     {"دعا": ("m", False), "دعت": ("f", False), "دعوا": (None, True), "دعتا": ("f", True)},
     {"يدعو": ("m", False), "تدعو": ("f", False), "يدعون": (None, True)}, ("داعيا",)),
    (SpeechVerb("شدد", object_preps=("على",)), _past("شدد"), _imperf("شدد"), ("مشددا", "مشددة")),
    (SpeechVerb("تعهد", object_preps=("ب",)), _past("تعهد"), _imperf("تعهد"), ("متعهدا",)),
    (SpeechVerb("طالب", polarity=None, object_preps=("ب",), needs_subject=True, addressee=True), _past("طالب"), _imperf("طالب"), ("مطالبا",)),
    (SpeechVerb("رأى"),
     {"رأى": ("m", False), "رأت": ("f", False), "رأوا": (None, True)},
     {"يرى": ("m", False), "ترى": ("f", False), "يرون": (None, True)}, ()),
    (SpeechVerb("اعتبر"), _past("اعتبر", dual=True), _imperf("عتبر"), ("معتبرا", "معتبرة")),
    (SpeechVerb("أشار", object_preps=()), _past("أشار", dual=True), _imperf("شير"), ("مشيرا", "مشيرة")),
    (SpeechVerb("لفت"), _past("لفت"), _imperf("لفت"), ("لافتا",)),
    (SpeechVerb("لمح"), _past("لمح"), _imperf("لمح"), ("ملمحا",)),
    (SpeechVerb("رجح"), _past("رجح"), _imperf("رجح"), ()),
    (SpeechVerb("زعم"), _past("زعم"), _imperf("زعم"), ("زاعما",)),
    (SpeechVerb("أبلغ"), _past("أبلغ"), {}, ()),
    (SpeechVerb("كشف"), _past("كشف"), _imperf("كشف"), ("كاشفا",)),
    (SpeechVerb("نقل"), _past("نقل"), {}, ()),
    (SpeechVerb("رد", needs_subject=True, complement_only=True), _past("رد"), {}, ()),
    (SpeechVerb("أعرب", object_preps=("عن",)), _past("أعرب"), _imperf("عرب"), ("معربا", "معربة")),
    (SpeechVerb("اعترف"), _past("اعترف"), _imperf("عترف"), ()),
    (SpeechVerb("أقر"), _past("أقر"), {}, ()),
    (SpeechVerb("نوه", object_preps=("ب", "إلى")), _past("نوه"), {}, ("منوها", "منوهة")),
    (SpeechVerb("أبدى", object_preps=()),
     {"أبدى": ("m", False), "أبدت": ("f", False)}, {}, ()),
    # Participles whose verbs are too ambiguous to list (بيّن / بين "between"، نوّه، وصف).
    (SpeechVerb("بيّن"), {}, {}, ("مبينا", "مبينة")),
    (SpeechVerb("وصف"), {}, {}, ("واصفا", "واصفة")),
    (SpeechVerb("رفض", polarity="denies", bare_object=True, needs_subject=True), _past("رفض"), _imperf("رفض"), ()),
)

# Prefixes a verb form may carry: and, so, will (on imperfects).
_CONJ_PREFIXES = ("و", "ف")

# Objects that make رفض a denial rather than a refusal to act.
DENIAL_OBJECTS = frozenset(normalize(w) for w in (
    "الاتهامات", "الاتهام", "المزاعم", "الادعاءات", "الاتهامات", "اتهامات", "مزاعم", "ادعاءات", "التقارير", "الأنباء",
))


@cache
def _forms() -> dict[str, CueForm]:
    out: dict[str, CueForm] = {}
    for verb, past, imperf, participles in _LEXICON:
        for kind, table in (("past", past), ("imperf", imperf)):
            for form, (gender, plural) in table.items():
                out.setdefault(normalize(form), CueForm(verb, kind, gender, plural))
        for form in participles:
            gender = "f" if form.endswith("ة") else "m"
            out.setdefault(normalize(form), CueForm(verb, "participle", gender))
    return out


def match_cue(token: str) -> CueForm | None:
    """The cue a normalized token is, with or without a leading و/ف."""
    forms = _forms()
    form = forms.get(token)
    if form is not None:
        return form
    if len(token) >= 3 and token[0] in _CONJ_PREFIXES:
        return forms.get(token[1:])
    return None


def lemmas() -> list[str]:
    return [verb.lemma for verb, *_ in _LEXICON]


# Complementizers that open a content clause, with attached pronouns.
COMPLEMENTIZERS = frozenset(
    normalize(p + c + s)
    for p in ("", "ب", "و")
    for c in ("إن", "أن")
    for s in ("", "ه", "ها", "هم", "هما", "نا", "ني", "ي", "كم")
)
# Prepositions that may stand before a complementizer: حذر من أن، شدد على أن، أشار إلى أن.
COMP_PREPOSITIONS = frozenset(normalize(w) for w in ("من", "على", "إلى", "عن", "في"))

# Nominal cues: the medium of a statement, skipped between speaker and content.
NOMINAL_CUES = frozenset(normalize(w) for w in (
    "بيان", "بيانا", "مؤتمر", "تصريحات", "تصريح", "تصريحه", "تصريحاته", "حديث", "حديثه", "حديثها", "كلمة",
    "كلمته", "مقابلة", "تغريدة", "منشور", "رسالة", "خطاب", "خطابه", "إحاطة", "لقاء", "تعليقاته", "تعليق",
))

# Words after which a clause boundary ends a content: "، لكن ..." starts another statement or fact.
CLAUSE_BREAKERS = frozenset(normalize(w) for w in (
    "لكن", "ولكن", "فيما", "بينما", "وبينما", "غير", "في حين", "إلا", "ورد", "فيما", "وذلك", "ما",
))

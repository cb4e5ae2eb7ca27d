"""Word lists and word tests that tell a name from the words around it: honorifics, connectors,
stop words, place contexts, the article, and the known name and place words.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.clean.normalize import normalize
from marsad.entities.gazetteer import bare, clitic_forms, common_words, load, name_glosses
from marsad.entities.tokens import Tok


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in text.split())


_LINKERS = _words("باسم في لدى ب ل من التابع التابعة السابق السابقة")
# Honorifics and institution nouns: part of a title phrase, never of a name.
_HONORIFICS = _words(
    "الشيخ شيخ الدكتور دكتور د المهندس مهندس صاحب السمو الملكي سمو فخامة معالي سعادة الحاج السيد السيدة "
    "منطقة محافظة مدينة مجلس إدارة جوازات شركة نادي جامعة هيئة مؤسسة مركز لجنة قسم دائرة فرع "
    "مكتب عام العام بلدية أمانة حزب جمعية اتحاد قناة صحيفة وكالة"
)
_CONNECTORS = _words("بن ابن بنت عبد أبو ابو آل أم")
# An honorific that is also a given-name part when it stands between two name words.
_MID_NAME_HONORIFICS = _words("شيخ")
_PATRONYMIC = _words("بن ابن بنت")
# Words written apart or joined to the next one: عبد الرحمن / عبدالرحمن, أبو بكر / أبوبكر.
_COMPOUND_HEADS = _words("عبد أبو ابو")
# Buildings and institutions named by the next word (قصر الإليزيه, معهد ماساتشوستس): never a person.
_BUILDINGS = _words("قصر قصري مطار قاعدة سجن مستشفى معهد محكمة ميناء فندق ملعب مسجد كنيسة ساحة شارع جسر سد")
_PRAYER_WORDS = _words("صلاة صلاه أذان اذان الصلاة")
# Words after which a name that is also an everyday word is a place: prepositions, directions,
# and the nouns of a state.
_PLACE_CONTEXT = frozenset(
    bare(w)
    for w in _words(
        "في إلى الى من عن على مع بين حول داخل خارج نحو لدى عبر ضد مثل "
        "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي حكومة رئيس جيش دولة جمهورية سلطات عاصمة حدود "
        "سفير سفارة شعب أراضي أرض بلاد وزير وزارة قوات رئيسة"
    )
)
_FORMER = _words("السابق السابقة الأسبق السابقين")
# Royal and princely titles: the one word after them is a name even when the article never
# gives a longer form ("الملك عبدالله"، "الشيخ تميم").
_ROYAL = _words("الملك ملك العاهل الأمير أمير الشيخ السلطان سلطان")
# Regnal ordinals close a monarch's name: عبدالله الثاني، محمد السادس.
_REGNAL = _words("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")
_NAME_STOP = _words(
    "قال قالت يقول تقول إن أن إنه أنه إنها أنها الذي التي الذين يوم خلال في من على إلى عن مع بعد قبل لدى حول أمس "
    "هو هي كان كانت أو و ثم حيث عندما لكن بين منذ حتى إذ إذا ما لا لم لن قد كما وقال وقالت وأضاف "
    "وأضافت أضاف أضافت أيضا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
)


@lru_cache(maxsize=1)
def _known_name_tokens() -> frozenset[str]:
    g = load()
    toks = {bare(w) for e in g.entries if e.type == "PER" for v in e.variants for w in v.split()}
    return frozenset(toks) | frozenset(name_glosses())


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """One-word names of places and organisations: never a short form of a person."""
    return frozenset(
        bare(v) for e in load().entries if e.type != "PER" for v in e.variants if len(v.split()) == 1
    )


def _name_like(tok: Tok) -> bool:
    """A word that can continue a name: no article, not a function word, not an everyday word."""
    w = tok.norm
    if not tok.word or w in _NAME_STOP or _definite(w):
        return False
    return not any(bare(f) in common_words() and bare(f) not in _known_name_tokens() for f, _ in clitic_forms(w))


def _definite(word: str) -> bool:
    """The word carries the article, possibly behind clitics (المشكلات, للمشكلات, وبالحرب)."""
    return any(form.startswith("ال") and len(form) > 3 for form, _ in clitic_forms(word))

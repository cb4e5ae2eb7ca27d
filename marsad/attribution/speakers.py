"""Who is speaking: the subject of a speech cue, linked to the entities layer.

Patterns: verb–subject (وقال لافروف), subject–verb (لافروف قال), title chains
(المتحدث باسم الكرملين ديميتري بيسكوف → the person; متحدث باسم وزارة الخارجية →
the ministry, with role "spokesperson"), a bare title resolved through an earlier
"title + name" mention in the same article (الرئيس الروسي → the person named after
"الرئيس الروسي" earlier), and pronoun or continuation cues (وقال إن، وأضاف، مضيفا)
resolved to the nearest compatible preceding speaker, using the verb's gender
(قالت) and feminine titles seen before a name (وزيرة الخارجية تشوي).

When the entities layer has nothing for the subject, the noun phrase itself is
kept as unresolved speaker text; a speaker is never invented.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from marsad.attribution.cues import COMPLEMENTIZERS, DENIAL_OBJECTS, NOMINAL_CUES, match_cue
from marsad.attribution.view import Tok
from marsad.clean.normalize import normalize
from marsad.document import Article, Span

_N = normalize

def _set(*words: str) -> frozenset[str]:
    return frozenset(_N(w) for w in words)


PREPOSITIONS = _set("في", "من", "على", "عن", "إلى", "خلال", "قبل", "بعد", "أمام", "عقب", "مع", "حول", "منذ", "عبر",
                    "أثناء", "ضد", "بشأن", "حيث", "عند", "وفي", "وخلال", "لصحافيين", "للصحافيين", "لصحفيين",
                    "للصحفيين", "للصحافة", "لوسائل", "ل", "ب", "لـ", "للإعلام", "لقناة", "لصحيفة", "لوكالة", "لتلفزيون", "ردا", "رداً")
TEMPORAL = _set("اليوم", "أمس", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "يوم",
                "صباح", "مساء", "ليلة", "الأسبوع", "الشهر", "العام", "مؤخرا", "لاحقا", "سابقا", "حينها", "الليلة",
                "فجر", "ظهر", "أيضا", "مجددا", "كذلك", "بدوره", "بدورها", "بدورهم", "بشدة", "مرارا", "صراحة",
                "بوضوح", "مرة", "قد", "أخيرا", "بالفعل", "أول", "الأول", "بعدما", "إثر", "خلاله", "خلالها", "فيه",
                "فيها", "عنه", "عنها", "له", "لها", "لهم", "معه", "معها", "بدوره", "حينه", "الصحافيين", "الصحفيين",
                "المراسلين", "للمراسلين", "الصحافة", "أمس،", "عندئذ", "كذلك", "بشدة،", "بقوة", "رسميا")
TITLES = _set(
    "وزير", "وزيرة", "الوزير", "الوزيرة", "الرئيس", "رئيس", "رئيسة", "الرئيسة", "المتحدث", "متحدث", "المتحدثة",
    "متحدثة", "الناطق", "ناطق", "الناطقة", "السفير", "سفير", "السفيرة", "مدير", "المدير", "مديرة", "أستاذ",
    "الأستاذ", "أستاذة", "الخبير", "خبير", "الباحث", "باحث", "المحلل", "محلل", "مسؤول", "المسؤول", "مسؤولة",
    "مستشار", "المستشار", "مستشارة", "زعيم", "الزعيم", "قائد", "القائد", "نائب", "الأمين", "أمين", "المبعوث",
    "مبعوث", "المندوب", "مندوب", "عضو", "النائب", "ملك", "الملك", "أمير", "الأمير", "ولي", "الشيخ", "المرشد",
    "السيناتور", "الجنرال", "اللواء", "العميد", "العقيد", "الدكتور", "القاضي", "المدعي", "رئيس", "المستشارة",
    "الملكة", "الأميرة", "البابا", "نظيره", "نظيرته", "الممثل", "ممثل", "المفوض", "مفوض", "قائدة", "كبير",
    "كبيرة", "الناشط", "ناشط", "المعارض", "القيادي", "قيادي", "عضوة", "السيد", "السيدة", "المهندس", "الشيخة",
    "سمو", "معالي", "فخامة", "سعادة", "جلالة", "العم", "الحاج", "صاحب", "حاكم", "الحاكم", "محافظ", "المحافظ",
    "عمدة", "نقيب", "النقيب", "عميد", "مفتي", "المفتي", "إمام", "الإمام", "خطيب", "مدرب", "المدرب", "لاعب",
    "اللاعب", "الكاتب", "كاتب", "الصحفي", "الصحافي", "المخرج", "الفنان", "الفنانة", "القنصل", "المرشح", "مرشح",
    "المحامي", "محامي", "الطبيب", "طبيب", "البروفيسور", "الوكيل", "وكيل", "مساعد", "المساعد", "الضابط",
    "ضابط", "الرئيسة", "الخبيرة", "الباحثة", "المواطن", "المواطنة", "مواطن", "النجم", "الداعية", "المؤرخ",
    "مساعدة", "المساعدة", "نائبة", "وكيلة", "مديرة", "منسق", "المنسق", "منسقة", "المنسقة", "الممثلة", "ممثلة",
)
FEMININE_TITLES = _set("وزيرة", "الوزيرة", "رئيسة", "الرئيسة", "المتحدثة", "متحدثة", "الناطقة", "ناطقة", "السفيرة",
                       "مديرة", "أستاذة", "مسؤولة", "مستشارة", "المستشارة", "الملكة", "الأميرة", "نظيرته", "قائدة",
                       "كبيرة", "عضوة", "الباحثة", "الخبيرة", "المندوبة", "النائبة", "السيدة")
SPOKESPERSON = _set("المتحدث", "متحدث", "المتحدثة", "متحدثة", "الناطق", "ناطق", "الناطقة", "ناطقة")
INSTITUTIONS = _set(
    "وزارة", "الوزارة", "الحكومة", "حكومة", "الجيش", "جيش", "البيت", "الكرملين", "الخارجية", "الرئاسة", "مكتب",
    "المكتب", "وكالة", "الوكالة", "صحيفة", "الصحيفة", "الشرطة", "المركز", "مركز", "مؤسسة", "منظمة", "المنظمة",
    "الأمم", "مجلس", "المجلس", "البرلمان", "الحزب", "حزب", "حركة", "الحركة", "القوات", "قوات", "السلطات",
    "سلطات", "الإدارة", "إدارة", "مصدر", "مصادر", "مسؤولون", "مسؤولين", "المرصد", "التحالف", "الهيئة", "هيئة",
    "اللجنة", "لجنة", "المفوضية", "الدولة", "البنتاغون", "البنتاجون", "وسائل", "تقارير", "التقرير", "تقرير",
    "قناة", "القناة", "التلفزيون", "تلفزيون", "موقع", "الموقع", "جماعة", "الجماعة", "الائتلاف", "النظام",
    "الدفاع", "الداخلية", "الخارجية", "شركة", "الشركة", "جامعة", "معهد", "المعهد", "بيان", "البيان", "مراقبون",
    "مراقبين", "محللون", "محللين", "خبراء", "دبلوماسيون", "دبلوماسيين", "شهود", "سكان", "ناشطون", "ناشطين",
    "متحدثون", "المسؤولون", "مسؤولو", "قادة", "القادة", "الزعماء", "زعماء", "المصادر", "المصدر",
    "بنك", "البنك", "مصرف", "المصرف", "صندوق", "الصندوق", "هيئة", "الهيئة", "نقابة", "النقابة", "اتحاد",
    "الاتحاد", "نادي", "النادي", "بلدية", "البلدية", "أمانة", "الأمانة", "محكمة", "المحكمة", "النيابة",
)
_BOUNDARY = _set("لكن", "ولكن", "بينما", "وبينما", "فيما", "كما", "حين", "إذ", "بعدما", "عندما", "حيث", "ثم", "لأن",
                 "فإن", "وإن", "إلا", "بل")
_PUNCT = frozenset(",،.:؛;!?؟()-–—[]")
_RELATIVE = _set("ما", "الذي", "التي", "الذين", "مما", "عما", "بما", "لما", "فيما")
_MAX_SUBJECT = 7
_AMMA = _set("أما", "وأما")
_KANA = _set("كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا")
_MAX_TITLE_CHAIN = 12


class EntityIndex:
    """The entities layer, searchable by display offsets."""

    def __init__(self, article: Article) -> None:
        self.spans: list[Span] = sorted(article.layer("entities"), key=lambda s: (s.start, -s.end))
        self.starts = [s.start for s in self.spans]
        self.text = article.text
        self.name_tokens: set[str] = set()
        for s in self.spans:
            if s.label in ("PER", "ORG", "GPE"):
                self.name_tokens.update(_N(s.text_in(article.text)).split())

    def __bool__(self) -> bool:
        return bool(self.spans)

    def within(self, start: int, end: int) -> list[Span]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def starting_at(self, start: int, slack: int = 2) -> Span | None:
        i = bisect_left(self.starts, start)
        if i < len(self.spans) and self.spans[i].start <= start + slack:
            return self.spans[i]
        return None


def entity_ref(span: Span, text: str) -> dict[str, Any]:
    a = span.attrs
    return {
        "entity_id": a.get("entity_id"),
        "name": a.get("name") or span.text_in(text),
        "name_en": a.get("name_en"),
        "actor": a.get("actor"),
        "type": a.get("type") or span.label,
    }


@cache
def _lookup_function() -> Any:
    try:
        from marsad.entities import lookup  # type: ignore[attr-defined]
    except Exception:
        return None
    return lookup


def lookup_ref(phrase: str) -> dict[str, Any] | None:
    """The entities package's own match for a phrase, when it offers one; never raises."""
    phrase = " ".join(phrase.split())
    if not phrase or len(phrase) > 80:
        return None
    hit = _cached_lookup(phrase)
    return dict(hit) if hit is not None else None


@lru_cache(maxsize=8192)
def _cached_lookup(phrase: str) -> dict[str, Any] | None:
    fn = _lookup_function()
    if fn is None:
        return None
    try:
        hit = fn(phrase)
    except Exception:
        return None
    if not hit:
        return None
    if isinstance(hit, list | tuple):
        hit = hit[0]
    if isinstance(hit, Span):
        hit = {**hit.attrs, "type": hit.attrs.get("type") or hit.label}

    def get(key: str) -> Any:
        return hit.get(key) if isinstance(hit, dict) else getattr(hit, key, None)

    if not (get("entity_id") or get("name")):
        return None
    return {"entity_id": get("entity_id"), "name": get("name"), "name_en": get("name_en"),
            "actor": get("actor"), "type": get("type") or get("label")}


@dataclass
class Speaker:
    text: str
    start: int | None = None
    end: int | None = None
    ref: dict[str, Any] | None = None
    gender: str | None = None
    plural: bool = False
    role: str | None = None
    how: str = "subject"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def resolved(self) -> bool:
        return self.ref is not None

    def key(self) -> str:
        if self.ref and (self.ref.get("entity_id") or self.ref.get("name")):
            return str(self.ref.get("entity_id") or self.ref.get("name"))
        return _N(self.text)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref or {}
        out: dict[str, Any] = {
            "entity_id": ref.get("entity_id"),
            "name": ref.get("name"),
            "name_en": ref.get("name_en"),
            "actor": ref.get("actor"),
            "type": ref.get("type"),
            "text": self.text,
            "resolved": self.resolved,
            "how": self.how,
        }
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        if self.role:
            out["role"] = self.role
        if self.extra.get("antecedent"):
            out["antecedent"] = self.extra["antecedent"]
        if self.extra.get("affiliation"):
            out["affiliation"] = self.extra["affiliation"]
        return out

    def carried(self, how: str) -> Speaker:
        return Speaker(self.text, self.start, self.end, self.ref, self.gender, self.plural, self.role, how, dict(self.extra))


def _is_stop(tok: Tok) -> bool:
    w = tok.norm
    if w in _PUNCT or w in COMPLEMENTIZERS or w in PREPOSITIONS or w in TEMPORAL or w in NOMINAL_CUES:
        return True
    if tok.is_quote:
        return True
    cue = match_cue(w)
    return cue is not None


# "العام" is "general" after a title (الأمين العام، المدير العام) and "the year" before الماضي/المقبل.
_GENERAL = _set("العام", "العامة")
_TIME_MODIFIERS = _set("الماضي", "المقبل", "الحالي", "الجاري", "القادم", "المنصرم", "الفائت")


def _followed_by_time(toks: list[Tok], k: int) -> bool:
    return k + 1 < len(toks) and (toks[k + 1].norm in _TIME_MODIFIERS or toks[k + 1].norm.isdigit())


def _object_like(word: str, object_preps: tuple[str, ...]) -> bool:
    """"بتقديم"، "بالعلاقات": the verb's prepositional object, not its subject."""
    for prep in object_preps:
        p = _N(prep)
        if word == p:
            return True
        if len(p) == 1 and word.startswith(p) and len(word) > 3 and (word[1:3] == "ال" or word[1] == "ت"):
            return True
    return False


# Nisba adjectives (الأميركية، الباكستاني) qualify the name before them; an addressee is a noun.
_ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون")
_DOCUMENTS = _set("تقرير", "بيان", "دراسة", "وثيقة", "رسالة", "مذكرة", "بلاغ")
_ISSUED = _set("صادر", "صادرة", "الصادر", "الصادرة")
# "نقابة الصحفيين"، "نقيب الصحافيين": the press as a genitive, not the addressees (قال للصحفيين).
_PRESS = _set("الصحفيين", "الصحافيين", "الصحافة", "المراسلين")
_HEADS = TITLES | INSTITUTIONS


def _prep_prefixed(word: str, object_preps: tuple[str, ...]) -> bool:
    return any(len(p) == 1 and word.startswith(p) and (len(word) > 3 or word[1:] in _RELATIVE)
               for p in (_N(x) for x in object_preps))


def _skip_adverbs(toks: list[Tok], i: int, limit: int) -> int:
    while i < limit and (toks[i].norm in TEMPORAL or toks[i].norm in (",", "،")):
        i += 1
    return i


def _quoted_name_end(toks: list[Tok], k: int, limit: int) -> int:
    """The index after a short quoted name starting at ``k`` (وكالة "تاس"), or ``k`` when there is none."""
    j = k + 1
    while j < limit and not toks[j].is_quote and j - k <= 4:
        j += 1
    if j < limit and toks[j].is_quote and j - k - 1 <= 3:
        return j + 1
    return k


class SpeakerFinder:
    """Finds and links speakers for one article."""

    def __init__(self, article: Article, entities: EntityIndex) -> None:
        self.article = article
        self.text = article.text
        self.entities = entities
        self.feminine: set[str] = set()
        self.title_mentions: list[tuple[str, int, Speaker]] = []
        self.previous_tokens: list[Tok] | None = None  # the sentence before the one being read
        # Words of the last word of speakers named earlier ("بشر الخصاونة" → الخصاونة): a later bare
        # surname is a name even when the entities layer missed it.
        self.known_names: set[str] = set()

    def remember(self, speaker: Speaker) -> None:
        if speaker.how in ("subject", "pre-subject", "post-posed") and speaker.start is not None:
            words = _N(speaker.text).split()
            if len(words) >= 2 and words[-1] not in TITLES and words[-1] not in INSTITUTIONS:
                self.known_names.add(words[-1])

    # --- noun phrases -------------------------------------------------
    def subject_after(self, toks: list[Tok], i: int, limit: int, object_preps: tuple[str, ...] = (),
                      verb_gender: str | None = None, addressee: bool = False) -> Speaker | None:
        """The subject right after a verb at token ``i``, before token ``limit``."""
        k = _skip_adverbs(toks, i + 1, limit)
        if k + 1 < limit and toks[k].norm == "ل" and toks[k + 1].is_quote:
            # "أوضحت لـ«الصحيفة» مصادر خاصة": the addressee comes before the subject.
            k = _skip_adverbs(toks, _quoted_name_end(toks, k + 1, limit), limit)
        if k >= limit:
            return None
        first = toks[k]
        if _object_like(first.norm, object_preps) and first.norm not in self.entities.name_tokens:
            return None
        if first.is_quote and _quoted_name_end(toks, k, limit) > k:
            # قال "فلان" لاعب الفريق: ... — a quoted name opens the subject.
            end = _quoted_name_end(toks, k, limit)
            while end < limit and end - k < _MAX_SUBJECT and not _is_stop(toks[end]):
                end += 1
            sp = self._make(toks, k + 1, end, "subject", tight=True, verb_gender=verb_gender)
            if sp is not None:
                sp.text = sp.text.strip(' "«»“”')
            return sp
        if first.norm in PREPOSITIONS or first.norm in COMPLEMENTIZERS or first.norm in _PUNCT or first.is_quote:
            # The subject can still follow a short adjunct: "وقالت في بيان الوزارة" is rare; a pronoun subject is not.
            return None
        if first.norm in _RELATIVE:
            return None
        end = k
        while end < limit and end - k < _MAX_SUBJECT:
            t = toks[end]
            if t.is_quote and end > k and toks[end - 1].norm in INSTITUTIONS:
                nxt = _quoted_name_end(toks, end, limit)
                if nxt > end:
                    end = nxt
                    continue
            if _is_stop(t) and not (t.norm == "لدى" or (end > k and toks[end - 1].norm in ("باسم", "غير"))
                                    or (end > k and t.norm in _PRESS and toks[end - 1].norm in _HEADS)
                                    or (end > k and t.norm in _GENERAL and not _followed_by_time(toks, end))):
                break
            if end > k and _object_like(t.norm, object_preps) and t.norm not in self.entities.name_tokens:
                break
            if end > k and (t.norm in _RELATIVE or t.norm in DENIAL_OBJECTS and toks[end - 1].norm.startswith("ال")):
                break  # "نفى المكتب ما تردد عن ..."، "نفت الشركة الاتهامات": the object begins
            if end > k and self._known_name(toks, k, end) and (
                    _prep_prefixed(t.norm, object_preps)
                    or addressee and t.norm.startswith("ال") and not t.norm.endswith(_ADJECTIVE_ENDINGS)
                    and all(toks[m].norm in self.known_names for m in range(k, end))):
                break  # "وتعهد الخصاونة بمحاسبة"، "دعا العسومي الدول": a known name, then the object or addressee
            end += 1
        if end == k:
            return None
        head = toks[k].norm
        if head in _DOCUMENTS and k + 2 < limit and toks[k + 1].norm in _ISSUED and toks[k + 2].norm == "عن":
            # "تقرير صادر عن البنك الدولي": the body that issued the document speaks.
            issuer = self.subject_after(toks, k + 2, limit, object_preps, verb_gender)
            if issuer is not None:
                issuer.extra["document"] = "ال" + head if not head.startswith("ال") else head
                return issuer
        # A title chain may run through a preposition to the name: أستاذ الدراسات في جامعة أوسلو فلان
        if head in TITLES or (head[:1] in "وف" and head[1:] in TITLES):
            chain_end = k
            while chain_end < limit and chain_end - k < _MAX_TITLE_CHAIN:
                t = toks[chain_end]
                if t.norm in _PUNCT or t.norm in COMPLEMENTIZERS or match_cue(t.norm) or t.norm in NOMINAL_CUES:
                    break
                if t.is_quote and not (chain_end > k and toks[chain_end - 1].norm in INSTITUTIONS):
                    break
                chain_end += 1
            people = [s for s in self.entities.within(toks[k].start, toks[chain_end - 1].end) if s.label == "PER"] if chain_end > k else []
            if people:
                end = max(end, next(j for j in range(k, chain_end) if toks[j].end >= people[-1].end) + 1)
            elif not self.entities and chain_end == limit:
                # No entities to go by: the whole chain up to the content names the speaker.
                end = max(end, chain_end)
            elif object_preps and end - k == _MAX_SUBJECT:
                # A long title chain cut short runs on to the verb's object: "أشاد صاحب السمو الملكي ولي العهد
                # رئيس مجلس الوزراء بما حققه".
                j = end
                while j < min(chain_end, k + _MAX_TITLE_CHAIN) and not _is_stop(toks[j]):
                    if _prep_prefixed(toks[j].norm, object_preps) or toks[j].norm in object_preps:
                        end = j
                        break
                    j += 1
        tight = end == limit or (end < len(toks) and (toks[end].norm in _PUNCT or toks[end].is_quote
                                                      or _object_like(toks[end].norm, object_preps)
                                                      or end == k + 1 and (toks[end].norm in PREPOSITIONS
                                                                           or toks[end].norm in TEMPORAL)))
        return self._make(toks, k, end, "subject", tight=tight, verb_gender=verb_gender)

    def _known_name(self, toks: list[Tok], k: int, end: int) -> bool:
        return all(toks[m].norm in self.known_names or toks[m].norm in self.entities.name_tokens for m in range(k, end))

    def subject_before(self, toks: list[Tok], i: int) -> Speaker | None:
        """The subject of a verb that follows its subject: "لافروف قال"، "وكان مسؤولون قد قالوا"، "أما الوكالة فأعلنت"."""
        framed = self._framed_subject(toks, i)
        if framed is not None:
            return framed
        if toks[i].norm[:1] in "وف":
            return None
        j = i - 1
        while j >= 0 and (toks[j].norm in ("قد", ",", "،") or toks[j].norm in TEMPORAL):
            j -= 1
        end = j + 1
        quoted = j >= 0 and toks[j].is_quote
        if quoted:
            # "أسوشيتد برس" لفتت: a short quoted name right before the verb.
            j -= 1
            while j >= 0 and not toks[j].is_quote and end - j <= 5:
                j -= 1
            if j < 0 or not toks[j].is_quote or end - j > 5:
                return None
            j -= 1
        while j >= 0 and end - j <= _MAX_SUBJECT + 1:
            t = toks[j]
            if t.is_quote:
                return None
            if t.norm in _PUNCT or t.norm in _BOUNDARY or match_cue(t.norm) or t.norm in COMPLEMENTIZERS:
                break
            bare = t.norm[1:] if t.norm[:1] in "وف" and len(t.norm) > 3 else t.norm
            if t.norm in PREPOSITIONS or bare in PREPOSITIONS or bare in TEMPORAL:
                return None
            j -= 1
        start = j + 1
        if start < end and toks[start].norm in _set("كان", "وكان", "وكانت", "كانت", "و"):
            start += 1
        if start >= end or end - start > _MAX_SUBJECT:
            return None
        # The phrase must begin its clause; "...أثار الشهر الماضي احتمال X قال" is not a subject.
        if start > 0 and toks[start - 1].norm not in _PUNCT and toks[start - 1].norm not in _BOUNDARY:
            return None
        while start < end and toks[start].is_quote:
            start += 1
        while end > start and toks[end - 1].is_quote:
            end -= 1
        if start >= end:
            return None
        # The clause boundary before it makes a phrase of two words or more a safe subject ("ولكن النجم المصري شدد").
        return self._make(toks, start, end, "pre-subject", tight=end - start >= 2)

    def _framed_subject(self, toks: list[Tok], i: int) -> Speaker | None:
        """Subjects fenced by particles: "كان X قد قال" (X may hold prepositions) and "أما X فقال"."""
        if toks[i].norm.startswith("ف"):
            opener, closer_ok = _AMMA, True
        elif i > 0 and toks[i - 1].norm == "قد":
            opener, closer_ok = _KANA, False
        else:
            return None
        end = i - 1 if not closer_ok else i
        while end > 0 and toks[end - 1].norm in (",", "،"):
            end -= 1
        for j in range(end - 1, max(-1, end - 14), -1):
            w = toks[j].norm
            if w in opener:
                start = j + 1
                while start < end and toks[start].is_quote:
                    start += 1
                stop = end
                while stop > start and toks[stop - 1].is_quote:
                    stop -= 1
                if start >= stop:
                    return None
                return self._make(toks, start, stop, "pre-subject", tight=True)
            if w in _PUNCT and w not in (",", "،") or match_cue(w):
                return None
        return None

    def phrase(self, toks: list[Tok], k: int, end: int, how: str) -> Speaker | None:
        if k >= end:
            return None
        return self._make(toks, k, end, how)

    def _make(self, toks: list[Tok], k: int, end: int, how: str, tight: bool = False,
              verb_gender: str | None = None) -> Speaker | None:
        ds, de = toks[k].start, toks[end - 1].end
        words = [t.norm for t in toks[k:end]]
        head = words[0]
        if head[:1] in "وفل" and (head[1:] in TITLES or head[1:] in INSTITUTIONS):
            head = head[1:]
        ents = [s for s in self.entities.within(ds, de) if s.label in ("PER", "ORG", "GPE", "MISC")]
        if ents and head not in TITLES and (head not in INSTITUTIONS or ents[0].start <= ds + 2):
            lead = ents[0]
            if lead.start > ds + 2 and not toks[k].is_quote and not head.startswith("ال") and lead.label != "PER":
                # "بنك أوف أميركا": the phrase merely contains a name; it is a speaker only if it reads like one.
                if not self._plausible(words, head, tight, verb_gender):
                    return None
                speaker = Speaker(self.text[ds:de], ds, de, how=how)
                speaker.extra["affiliation"] = entity_ref(lead, self.text)
                return speaker
            # The subject is the leading entity, with entities coordinated to it: "كوريا الجنوبية والولايات المتحدة".
            stop = lead.end
            for other in ents[1:]:
                gap = self.text[stop : other.start].strip()
                if gap == "و":
                    stop = max(stop, other.end)
                elif other.start >= stop:
                    break
            while end > k + 1 and toks[end - 1].start >= stop:
                end -= 1
            de = toks[end - 1].end
            words = [t.norm for t in toks[k:end]]
            ents = [s for s in ents if s.end <= de]
        speaker = Speaker(self.text[ds:de], ds, de, how=how)
        if head in FEMININE_TITLES:
            speaker.gender = "f"
        if head in SPOKESPERSON:
            speaker.role = "spokesperson"
        people = [s for s in ents if s.label == "PER"]
        orgs = [s for s in ents if s.label in ("ORG", "MISC")]
        if people:
            # The person closes a title chain: المتحدث باسم الكرملين ديميتري بيسكوف.
            chosen = people[-1] if head in TITLES else people[0]
            speaker.ref = entity_ref(chosen, self.text)
            if chosen.end < de:
                speaker.end = chosen.end
                speaker.text = self.text[ds : chosen.end]
        elif orgs and (head in SPOKESPERSON or head not in TITLES):
            # متحدث باسم وزارة الخارجية: the spokesperson speaks for the organisation (kept as role).
            speaker.ref = entity_ref(orgs[0], self.text)
        elif ents and head not in TITLES and head not in INSTITUTIONS:
            speaker.ref = entity_ref(ents[0], self.text)
        elif ents:
            # "أمير منطقة عسير"، "وكالة تونس للأنباء": described by a place or body, not that place or body.
            speaker.extra["affiliation"] = entity_ref(ents[0], self.text)
        if speaker.ref is None:
            speaker.ref = lookup_ref(speaker.text)
            if speaker.ref is None and len(words) == 1 and head.startswith("ال") and head in INSTITUTIONS:
                # "وقالت الوزارة": the ministry named last before.
                speaker.ref = self.definite_antecedent(head[2:], ds)
            if speaker.ref is None and head in TITLES:
                antecedent = self._title_antecedent(words, ds)
                if antecedent is not None:
                    speaker.ref = antecedent.ref
                    speaker.extra["antecedent"] = antecedent.text
                    speaker.how = how + "+title"
                    speaker.gender = speaker.gender or antecedent.gender
            if speaker.ref is None and not self._plausible(words, head, tight, verb_gender):
                return None
        if speaker.gender is None and words:
            last = words[-1]
            if last in self.feminine:
                speaker.gender = "f"
        return speaker

    def _plausible(self, words: list[str], head: str, tight: bool, verb_gender: str | None = None) -> bool:
        """Without an entity, accept only phrases that look like a speaker, never a random noun."""
        if head in TITLES or head in INSTITUTIONS:
            return True
        if head in self.entities.name_tokens or (len(words) == 1 and head in self.known_names):
            return True
        bare = head[2:] if head.startswith("ال") else head
        if verb_gender == "f" and not bare.endswith(("ه", "ات", "اء")) and head not in self.feminine:
            # "وأكدت مجددا دعم ...": a masculine noun cannot be the subject of a feminine verb.
            return False
        if tight and len(words) <= _MAX_SUBJECT:
            # The phrase runs right up to the content ("وأفاد البيان أن"، "أكدت والدة اللاعب أنها").
            return True
        if self.entities:
            return False
        # No entities layer at all: a short phrase that is not a definite common noun.
        return len(words) <= 3 and not head.startswith("ال") and len(head) > 2

    def definite_antecedent(self, noun: str, before: int) -> dict[str, Any] | None:
        i = bisect_left(self.entities.starts, before) - 1
        while i >= 0 and before - self.entities.spans[i].start < 4000:
            span = self.entities.spans[i]
            if span.label == "ORG" and _N(span.text_in(self.text)).split()[:1] == [noun]:
                return entity_ref(span, self.text)
            i -= 1
        return None

    def _title_antecedent(self, words: list[str], before: int) -> Speaker | None:
        """"الرئيس الروسي" → the person an earlier "الرئيس الروسي فلاديمير بوتين" named."""
        key = " ".join(words)
        for title, pos, sp in reversed(self.title_mentions):
            if title == key and pos < before:
                return sp
        return None

    # --- article-level memory -----------------------------------------
    def learn(self, sent_toks: list[Tok]) -> None:
        """Remember feminine titles before names and "title + person" mentions for later bare titles."""
        n = len(sent_toks)
        for k, t in enumerate(sent_toks):
            w = t.norm
            if w not in TITLES:
                continue
            j = k + 1
            while j < n and j - k <= 4 and sent_toks[j].norm.startswith("ال") and sent_toks[j].norm not in TITLES:
                j += 1
            if j >= n or j == k + 1 and False:
                continue
            person = self.entities.starting_at(sent_toks[j].start, slack=1) if self.entities else None
            if person is not None and person.label == "PER":
                name_end = person.end
                ref = entity_ref(person, self.text)
            elif not self.entities:
                m = j
                while m < n and m - j < 3 and sent_toks[m].is_word and not _is_stop(sent_toks[m]) \
                        and not sent_toks[m].norm.startswith("ال"):
                    m += 1
                if m == j:
                    continue
                name_end = sent_toks[m - 1].end
                ref = None
            else:
                continue
            gender = "f" if w in FEMININE_TITLES else None
            if gender == "f":
                for tok in _N(self.text[sent_toks[j].start : name_end]).split():
                    self.feminine.add(tok)
            title = " ".join(x.norm for x in sent_toks[k:j])
            if j > k + 1 or w in TITLES:
                sp = Speaker(self.text[sent_toks[j].start : name_end], sent_toks[j].start, name_end, ref, gender)
                self.title_mentions.append((title, sent_toks[k].start, sp))

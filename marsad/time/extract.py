"""Finding temporal expressions in the normalized text.

Each pattern below is compiled once and run over the whole normalized article;
a match becomes a :class:`Mention` holding the pieces the resolver needs (day,
month, year, weekday, unit, direction...).  Overlapping matches keep the
longest.  Checks that a regex cannot express (is this مارس a month or the verb
"practised"?) happen in :func:`_accept`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from marsad.clean.normalize import fold_chars, normalize
from marsad.time import lexicon as lx


@dataclass(frozen=True, slots=True)
class MatchingForm:
    """The per-character normalized form of a display text, with the way back.

    This is :func:`marsad.clean.normalize.normalize` without its white-space
    collapsing (the patterns accept any run of white space), which keeps the map
    to the display text an identity except around dropped diacritics and
    tatweel; building it costs a ``str.translate`` instead of a Python loop.
    """

    text: str
    offsets: list[int] | None  # display index of each character; None = identity
    display: str

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """The display span of a match; it keeps the tatweel or diacritic that ends a word (هـ)."""
        if self.offsets is None:
            return start, end
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.display)
            return pos, pos
        stop = self.offsets[end - 1] + 1
        while stop < len(self.display) and not fold_chars(self.display[stop]):
            stop += 1
        return self.offsets[start], stop

    def from_display(self, pos: int) -> int:
        return pos if self.offsets is None else bisect_left(self.offsets, pos)


def matching_form(text: str) -> MatchingForm:
    folded = fold_chars(text)
    irregular = [c for c in set(text) if len(fold_chars(c)) != 1]
    if not irregular:
        return MatchingForm(folded, None, text)
    offsets: list[int] = []
    pos = 0
    for m in re.finditer("[" + re.escape("".join(irregular)) + "]", text):
        i = m.start()
        offsets.extend(range(pos, i))
        offsets.extend([i] * len(fold_chars(text[i])))
        pos = i + 1
    offsets.extend(range(pos, len(text)))
    return MatchingForm(folded, offsets, text)


@dataclass(slots=True)
class Mention:
    start: int  # offsets into the normalized text
    end: int
    kind: str  # pattern family: month, hijri, numeric, weekday, deictic, period, offset, year, decade, set
    parts: dict[str, Any] = field(default_factory=dict)


def _alt(words: object) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


def _definite(words: object) -> str:
    """Alternation of ال- words that also matches them after the preposition ل (للعام)."""
    stems = sorted({w[2:] if w.startswith("ال") else w for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return r"(?:ال|(?<=ل)ل)(?:" + "|".join(re.escape(s) for s in stems) + ")"


# Start of a word, past و/ف and a preposition (بالأمس, للعام = ل + لعام, في 2015 stays apart).
_B = r"(?<!\w)(?:[وف])?(?:[بك](?=ال|\d)|ل(?=ال|ل|\d|عام|سنه))?"
_E = r"(?!\w)"

_MON = _alt(lx.GREGORIAN_MONTHS)
_HMON = _alt(lx.HIJRI_MONTHS).replace(r"\ ", r"\s*")
_WD = _definite(lx.WEEKDAYS)
_ORD = _alt(lx.DAY_ORDINALS)
_DAYPART = _alt(lx.DAY_PARTS).replace(r"\ ", r"\s+")
_PART = _alt(lx.PART_MODS)
_DIR = _alt(lx.PAST_WORDS | lx.FUTURE_WORDS | {"الحالي", "الحاليه", "الجاري", "الجاريه"})
_NUMW1 = _alt(lx.NUMBER_WORDS).replace(r"\ ", r"\s+")
_NUMW = rf"(?:{_NUMW1})(?:\s+و\s*(?:ال)?(?:{_NUMW1}))?"  # أربع وعشرين, الأربع والعشرين
_HOURW = _alt(lx.HOUR_WORDS).replace(r"\ ", r"\s+")
_FRAC = _alt(lx.CLOCK_FRACTIONS).replace(r"\ ", r"\s+")
_CPART = _alt(lx.CLOCK_PARTS).replace(r"\ ", r"\s+")
_QUANT = _alt(lx.QUANT_MODS).replace(r"\ ", r"\s+")
_UNIT = _alt(lx.UNIT_FORMS)
# كل أحد is "everyone" and كل اثنين "every two": not days in a set.
_SET_WD = _alt({w for w in lx.WEEKDAYS_BARE if w not in {"احد", "اثنين"}})
_YEAR_TAIL = (
    r"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<year>\d{4})(?!\d)(?:\s*(?P<cal>م|ه)(?!\w))?"
    rf"|\s+من\s+(?:(?P<ythis>هذا|هذه)\s+)?(?:ال)?(?:عام|سنه)(?:\s+(?P<ydir>{_DIR}))?(?!\w))"
)
# Between a weekday and its date: "الخميس، 12 ..." or "يوم الخميس الموافق 14/10/1436".
_AGREEING = r"\s*[,،(\-]?\s*(?:الموافق\s*(?:ل\s*)?)?\(?\s*"
# A second name for the same month: "سبتمبر/ أيلول", "نيسان (أبريل)", "أكتوبر تشرين الأول".
_MONTHS = rf"(?P<mon>{_MON})(?:(?:\s*[/(\\-]\s*|\s+)(?P<mon2>{_MON})\s*\)?)?"

_PATTERNS: dict[str, re.Pattern[str]] = {
    # [part] [daypart] [weekday] [day] [شهر] month[/month] [year] [direction]
    "month": re.compile(
        rf"{_B}(?P<core>(?:(?P<part>{_PART})\s+)?"
        rf"(?:(?:(?:(?P<dpart>{_DAYPART})\s+)?(?P<wd>{_WD}){_AGREEING})?(?:ال\s*)?(?P<day>\d{{1,2}}|{_ORD})\s*(?:من\s+)?)?"
        rf"(?:(?P<shahr>شهر)\s+)?{_MONTHS}{_E}{_YEAR_TAIL}?(?:\s+(?P<dir>{_DIR}){_E})?)"
    ),
    "hijri": re.compile(
        rf"{_B}(?P<core>(?:(?:(?:يوم\s+)?(?P<wd>{_WD}){_AGREEING})?(?:ال\s*)?(?P<day>\d{{1,2}}|{_ORD})\s*(?:من\s+)?)?(?:شهر\s+)?"
        rf"(?P<hmon>{_HMON}){_E}(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<year>1[3-5]\d\d)(?!\d)(?:\s*(?P<cal>ه)(?!\w))?)?)"
    ),
    "numeric": re.compile(
        rf"{_B}(?P<core>(?:(?:يوم\s+)?(?P<wd>{_WD}){_AGREEING})?(?<![\d/.\-])(?:(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>\d{{4}})"
        r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2}))(?![\d/])(?:\s*(?P<cal>م|ه)(?!\w))?)"
    ),
    "weekday": re.compile(
        rf"{_B}(?P<core>(?:(?P<dpart>{_DAYPART})\s+)?(?:(?P<deic>اول\s+(?:من\s+)?امس|اليوم|امس|غدا|غد)(?:\s+|\s*(?P<paren>\()\s*(?=\w+\s*\))))?(?P<wd>{_WD}){_E}(?(paren)\s*\))(?:\s+(?P<dir>{_DIR}){_E})?)"
    ),
    "deictic": re.compile(
        rf"{_B}(?P<core>(?:(?P<dpart>{_DAYPART})\s+)?(?P<deic>اول\s+(?:من\s+)?امس|امس\s+الاول|بعد\s+(?:ال)?غد|(?:ال)?امس|البارحه|اليوم|الليله(?:\s+(?:الماضيه|المقبله|القادمه))?|غدا|(?:ال)?غد){_E})"
    ),
    "period": re.compile(
        rf"{_B}(?P<core>(?:(?P<early>في\s+وقت\s+(?:سابق|لاحق|مبكر|متاخر))\s+(?:من\s+)?)?(?:(?P<part>{_PART})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
        rf"(?P<unit>(?:ال|(?<=ل)ل)(?:اسبوع|شهر|عام|سنه)){_E}(?:\s+(?P<dir>{_DIR}|الجديد|الجديده){_E})?)"
    ),
    "offset": re.compile(
        rf"{_B}(?P<core>(?:(?P<prep>قبل|منذ|بعد|خلال|طوال|طيله|لمده|مده|علي\s+مدي|علي\s+مدار|في\s+غضون|غضون)\s+)?"
        rf"(?:(?P<quant>{_QUANT})\s*)?(?:(?:ال)?(?P<num>\d{{1,3}}|{_NUMW})\s+)?(?P<def>ال|(?<=ل)ل)?(?P<unit>{_UNIT}){_E}"
        rf"(?!\s*(?:\d{{4}}|{_MON}|{_HMON}|{_WD}|ال?امس|ال?غد)){_E}(?:\s+ال(?P<num2>{_NUMW}){_E})?"
        r"(?:\s+(?P<one>واحد|واحده)(?!\w))?(?:\s+(?P<only>فقط|كامل|كامله|كاملين|كاملا)(?!\w))?"
        r"(?:\s+(?:القليله\s+)?(?P<dir>الماضيه|الماضيين|الماضي|الاخيره|الاخيرين|الاخير|المقبله|المقبلين|المقبل|القادمه|القادمين|القادم|المنصرم|المنصرمه)(?!\w))?)"
    ),
    "year": re.compile(
        rf"{_B}(?P<core>(?:(?P<part>{_PART})\s+)?(?:(?P<kw>(?:ال|(?<=ل)ل)?عامي?|(?:ال|(?<=ل)ل)?سنه|سنتي)\s*)?(?<![\d/.:,\-])(?P<year>\d{{4}})(?![\d/.:,]\d)(?:\s*(?P<cal>م|ه)(?!\w))?)"
    ),
    "decade": re.compile(rf"{_B}(?P<core>(?P<dec>{_alt(lx.DECADES)}){_E})"),
    # الربع الأول من العام, النصف الثاني من 2024, للربع الرابع من العام الجاري
    "quarter": re.compile(
        rf"{_B}(?P<core>(?:ال|(?<=ل)ل)(?P<half>ربع|نصف)\s+(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)\s+(?:من\s+)?"
        rf"(?:(?P<this>هذا|هذه)\s+)?(?:(?:(?:ال|(?<=ل)ل)?(?:عام|سنه))(?:\s+(?P<year>\d{{4}})|\s+(?P<dir>{_DIR}|الجديد|الجديده))?|(?P<year2>\d{{4}})){_E})"
    ),
    # 20 من الشهر الجاري, العاشر من الشهر الماضي
    "monthday": re.compile(
        rf"{_B}(?P<core>(?:ال\s*)?(?P<day>\d{{1,2}}|{_ORD})\s+من\s+(?:(?P<this>هذا)\s+)?(?:ال|(?<=ل)ل)شهر{_E}(?:\s+(?P<dir>{_DIR}){_E})?)"
    ),
    # The first day of a range whose month is written once: من 3 إلى 5 مارس, يومي 7 و14 أكتوبر.
    "range_start": re.compile(
        rf"{_B}(?P<core>(?P<day>\d{{1,2}}))\s*(?P<conn>الي|حتي|و|-|–)\s*(?:يوم\s+)?(?=\d{{1,2}}\s+(?:من\s+)?(?:شهر\s+)?(?:{_MON}){_E})"
    ),
    # الساعة العاشرة صباحا, الساعة 14:30, الساعة الثامنة والنصف مساء
    "clock": re.compile(
        rf"{_B}(?P<core>(?:ال|(?<=ل)ل)ساعه\s+(?:(?P<hh>\d{{1,2}})(?:\s*[:.]\s*(?P<mm>\d{{2}}))?(?![\d:])|(?P<hw>{_HOURW}){_E})"
        rf"(?:\s+(?P<frac>{_FRAC}){_E})?(?:\s+(?P<cpart>{_CPART}){_E})?)"
    ),
    "set": re.compile(
        rf"{_B}(?P<core>(?P<adv>{_alt(lx.SET_ADVERBS)})|كل\s+(?P<daily>ليله|صباح|مساء){_E}|كل\s+(?:(?P<num>\d{{1,2}}|{_NUMW})\s+)?(?:(?P<unit>{_UNIT})(?:\s+(?P<wd2>{_SET_WD}))?|(?P<wd>{_WD}|{_SET_WD})){_E})"
    ),
}


def _first_words() -> set[str]:
    """Every word a pattern can begin with: only positions starting one of them are tried."""
    words: set[str] = set()
    for table in (lx.GREGORIAN_MONTHS, lx.HIJRI_MONTHS, lx.WEEKDAYS, lx.DAY_ORDINALS, lx.PART_MODS, lx.NUMBER_WORDS,
                  lx.QUANT_MODS, lx.UNIT_FORMS, lx.DECADES, lx.SET_ADVERBS):
        words.update(k.split()[0] for k in table)
    words.update(w.split()[0] for w in lx.DAY_PARTS)
    words.update({"الربع", "النصف", "عامي", "سنتي"})
    words.update("ال" + w for w in lx.UNIT_FORMS)
    words.update("شهر اليوم امس الامس غدا الغد اول بعد البارحه الليله هذا هذه قبل منذ خلال طوال طيله لمده مده كل عام سنه".split())
    words.update("ال" + w for w in ("اسبوع", "شهر", "عام", "سنه"))
    # Too common to try every pattern at: these start a match only through the word after them.
    return words - set(_LEAD_WORDS)


# في وقت سابق, على مدى, ما يقرب من: the second word triggers, the match starts one word back.
_LEAD_WORDS = {"في": {"وقت", "غضون"}, "علي": {"مدي", "مدار"}, "ما": {"يقرب", "يقارب", "يزيد", "يقل", "يربو"}}
_AFTER_LEAD = frozenset(w for ws in _LEAD_WORDS.values() for w in ws)
# Number words that may carry the article (الأربع وعشرين ساعة).
_DEFINITE_NUMBERS = frozenset("ال" + w for w in lx.NUMBER_WORDS if len(w) > 2 and w not in {"مايه", "ميه"})


_FIRST = frozenset(_first_words())
_WORDS = re.compile(r"\w+")


def _is_trigger(word: str) -> bool:
    if word[0].isdigit() or word in _FIRST or word in _DEFINITE_NUMBERS or (word[:2] == "ال" and word[2:3].isdigit()):
        return True
    options = [word[1:]] if word[0] in "وف" else []
    for w in [word, *options]:
        if len(w) > 2 and w[0] in "بكل" and (w[1:] in _FIRST or (w[1] == "ل" and "ا" + w[1:] in _FIRST)):
            return True
    return bool(options) and (options[0] in _FIRST or options[0][:1].isdigit())


# Words before a bare month or year that mark it as a time (في مارس, منذ 2014).
_TIME_PREPS = frozenset(normalize(w) for w in (
    "في منذ حتى خلال قبل بعد بحلول أواخر أوائل مطلع منتصف نهاية بداية مع وفي ومنذ وحتى وخلال وقبل وبعد ففي لغاية إلى"
).split())
_PREV_WORD = re.compile(r"(\w+)\W*$")
_NEXT_WORD = re.compile(r"\s*(\w+)")
# اليوم that names a day rather than meaning today (اليوم الوطني, اليوم الأول).
_NOT_TODAY_NEXT = frozenset(
    "الوطني العالمي الدولي الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الاخير التالي السابق نفسه ذاته الذي التي الموعود المفتوح".split()
)
# Nouns in the dual that الاثنين ("the two") follows.
_DUAL_ENDINGS = ("ين", "ان")


# Words before the first day of a range: من 3 إلى 5 مارس, بين 3 و5 مارس, يومي 7 و14 أكتوبر.
_RANGE_TO_PREV = frozenset({"من", "ومن", "بين", "يومي", "ليلتي", "الفتره", "في"})
_RANGE_AND_PREV = frozenset({"بين", "يومي", "ليلتي", "في", "وفي", "ايام"})
# The second year of a range: بين عامي 2019 و2021, من 2015 إلى 2018.
_YEAR_RANGE_END = re.compile(r"(?:عامي|سنتي|بين|من|عام|سنه|في)\s+\d{4}\s*(?:و|الي|حتي|-|–)\s*$")
_RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين"})
_TEXT_END = re.compile(r"\s*(?:[.،,؛:)]|$)")


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos, min(len(text), pos + 30))
    return m.group(1) if m else ""


def _accept(kind: str, g: dict[str, Any], text: str, start: int, end: int) -> bool:
    """Context checks that keep ordinary words from being read as times."""
    prev = _prev_word(text, start)
    if kind == "month":
        if g["day"] or g["year"] or g["mon2"] or g["part"] or g["shahr"] or g["dir"] or g["ythis"] or g["ydir"]:
            return True
        return g["mon"] not in lx.AMBIGUOUS_MONTHS or prev in _TIME_PREPS
    if kind == "hijri":
        if g["hmon"] in {"صفر", "رجب", "رمضان", "شعبان", "محرم"} and not (g["day"] and (g["year"] or g["cal"])):
            # رمضان and رجب are also given names; a bare Hijri month needs a day and a year
            return bool(g["year"]) and bool(g["cal"]) or bool(g["day"]) and g["hmon"] not in {"صفر", "رجب"}
        return bool(g["day"] or g["year"])
    if kind == "weekday":
        wd = g["wd"]
        if g["dpart"] or g["deic"] or g["dir"]:
            return True
        if wd.endswith("اثنين"):
            # الاثنين is also "the two": after a dual noun or كلا it is a number
            return not (prev.endswith(_DUAL_ENDINGS) or prev in {"كلا", "كلتا", "هذين", "بين", "في"})
        if wd.endswith("احد"):
            nxt = _next_word(text, end)
            return nxt not in {"عشر", "عشره"} and prev not in {"الواحد", "الصمد"}
        return True
    if kind == "deictic":
        deic = g["deic"]
        if deic == "اليوم":
            nxt = _next_word(text, end)
            if nxt in _NOT_TODAY_NEXT:
                return False  # اليوم التالي, صباح اليوم الأول
            if g["dpart"]:
                return True
            if prev in lx.NOT_TODAY_PREV:
                return False
            # اليوم أكثر تنوعا is "nowadays"; اليوم أكثر من 2 في المئة is a quantity on the day
            return not (nxt in lx.COMPARATIVES and _next_word(text, end + 1 + len(nxt)) != "من")
        if deic in {"الغد", "غد"}:
            return bool(g["dpart"]) or prev in {"في", "حتي", "وفي"}
        if deic.startswith("الليله"):
            return _next_word(text, end) not in {"الاولي", "الثانيه", "الثالثه", "الاخيره"}
        return True
    if kind == "clock":
        return bool(g["hw"]) or 0 <= int(g["hh"]) <= 24 and (g["mm"] is None or int(g["mm"]) < 60)
    if kind == "set":
        # كل عام وأنتم بخير is a greeting, not a yearly event
        return not _next_word(text, end).startswith(("وانت", "وهم", "والجميع"))
    if kind == "period":
        if g["unit"].endswith("عام") and not g["part"] and prev in lx.GENERAL_HEADS:
            return False  # الأمين العام الجديد, المدير العام السابق: العام is "general" here
        return bool(g["this"] or g["dir"] or g["part"] or g["early"])
    if kind == "year":
        y = int(g["year"])
        if g["cal"] == "ه":
            return 1300 <= y <= 1500
        if g["kw"] and 1340 <= y <= 1500:
            return True
        if not 1900 <= y <= 2100:
            return False
        return bool(g["kw"] or g["cal"] or g["part"] or prev in _TIME_PREPS or _YEAR_RANGE_END.search(text, max(0, start - 30), start))
    if kind == "range_start":
        return prev in (_RANGE_AND_PREV if g["conn"] == "و" else _RANGE_TO_PREV)
    if kind == "quarter":
        return bool(g["year"] or g["year2"] or g["dir"] or g["this"] or _next_word(text, end) not in lx.PAST_WORDS)
    if kind == "offset":
        unit, count = lx.UNIT_FORMS[g["unit"]]
        if g["def"] and count == 1:
            return False  # الأسبوع الماضي is a period, not an offset
        if count == 1 and not (g["prep"] or g["quant"] or g["one"] or g["num"] or g["only"]):
            return False
        nxt = _next_word(text, end)
        if count == 1 and not (g["one"] or g["num"] or g["only"] or g["dir"] or g["quant"]) and nxt.startswith("ال") \
                and nxt not in _RELATIVES:
            return False  # خلال شهر الصيام, بعد يوم الانتخابات: a named day or month, not a length
        if count == 1 and g["unit"] in {"عقد", "عقدا"} and not (g["one"] or g["quant"] or g["num"]):
            # قبل عقد اجتماع is "before holding a meeting": only a decade when nothing follows it
            return bool(g["prep"]) and (_TEXT_END.match(text, end) is not None or text.startswith(" من الزمن", end))
        if count == 0 and not g["num"] and not (g["prep"] or g["def"] or g["dir"]):
            return False
        if g["def"] and not g["dir"]:
            return False
        if unit in {"DE", "CE"} and not (g["num"] or g["prep"] or g["quant"] or g["dir"]):
            return False  # قرنين and عقدين alone are as often names (أبو قرنين) as durations
        if g["num"] and not g["num"].isdigit() and count == 2:
            return False
        return True
    return True


def extract(text: str) -> list[Mention]:
    """All temporal expressions in a normalized text, longest match first, no overlaps."""
    found: list[Mention] = []
    starts: list[int] = []
    previous = -1
    for t in _WORDS.finditer(text):
        word = t.group()
        if word in _AFTER_LEAD and previous >= 0:
            starts.append(previous)
        if _is_trigger(word):
            starts.append(t.start())
        previous = t.start()
    for kind, pattern in _PATTERNS.items():
        for pos in starts:
            m = pattern.match(text, pos)
            if m is None:
                continue
            start, end = m.span("core")
            if start == end:
                continue
            if start > 0 and text[start] == "ل" and text[start - 1] == "ل":
                start -= 1  # للاثنين: keep the word whole rather than start inside it
            g = m.groupdict()
            if not _accept(kind, g, text, start, end):
                continue
            parts = {k: v for k, v in g.items() if v is not None and k != "core"}
            parts["prev"] = _prev_word(text, start)
            if kind == "offset" and g["prep"] in {"بعد", "قبل"} and _next_word(text, end) in {"من", "علي"}:
                parts["from"] = True  # بعد أسبوع من التحذير: an interval after another event
            found.append(Mention(start, end, kind, parts))
    found.sort(key=lambda x: (x.start - x.end, x.start))
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for mention in found:
        if any(mention.start < e and s < mention.end for s, e in taken):
            continue
        chosen.append(mention)
        taken.append((mention.start, mention.end))
    chosen.sort(key=lambda x: x.start)
    _link_ranges(chosen)
    return chosen


def _link_ranges(mentions: list[Mention]) -> None:
    """Give the first day of a range (من 3 إلى 5 مارس) the month, year and direction of its end."""
    for i, m in enumerate(mentions):
        if m.kind != "range_start":
            continue
        end = mentions[i + 1] if i + 1 < len(mentions) else None
        if end is None or end.kind != "month" or "day" not in end.parts:
            m.kind = "dropped"
            continue
        m.kind = "month"
        m.parts = {**{k: v for k, v in end.parts.items() if k not in {"wd", "dpart", "part", "prev"}},
                   "day": m.parts["day"], "prev": m.parts.get("prev", ""), "range": "start"}
        end.parts["range"] = "end"

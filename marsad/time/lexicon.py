"""Words of time in Arabic news, in their normalized matching form.

Every table is written in ordinary Arabic spelling and folded with
:func:`marsad.clean.normalize.normalize`, so lookups compare like with like
(أيلول and ايلول, يونية and يونيه, غداً and غدا are one key each).
"""

from __future__ import annotations

import re

from marsad.clean.normalize import normalize


def _fold(table: dict[str, int]) -> dict[str, int]:
    return {normalize(k): v for k, v in table.items()}


# Gregorian months: Egyptian/Gulf, Levantine/Iraqi and Maghrebi names.
GREGORIAN_MONTHS: dict[str, int] = _fold({
    "يناير": 1, "كانون الثاني": 1, "جانفي": 1,
    "فبراير": 2, "شباط": 2, "فيفري": 2,
    "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "ابريل": 4, "نيسان": 4, "أفريل": 4,
    "مايو": 5, "أيار": 5, "ماي": 5,
    "يونيو": 6, "يونية": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
    "يوليو": 7, "يولية": 7, "يوليه": 7, "تموز": 7, "جويلية": 7,
    "أغسطس": 8, "اغسطس": 8, "آب": 8, "أوت": 8, "غشت": 8,
    "سبتمبر": 9, "أيلول": 9, "شتنبر": 9,
    "أكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "نونبر": 11,
    "ديسمبر": 12, "كانون الأول": 12, "دجنبر": 12,
})

# Month names that are also ordinary words (آب = father after folding, مارس = "practised",
# يوليه = "entrusts", نيسان, ماي): accepted only with a day, a year, a dual spelling or a temporal cue.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(normalize(w) for w in ("آب", "مارس", "نيسان", "ماي", "أوت", "تموز", "يوليه", "جوان"))

HIJRI_MONTHS: dict[str, int] = _fold({
    "محرم": 1, "صفر": 2,
    "ربيع الأول": 3, "ربيع الاول": 3, "ربيع أول": 3,
    "ربيع الآخر": 4, "ربيع الثاني": 4, "ربيع ثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الاولى": 5,
    "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذوالقعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12, "ذوالحجة": 12,
})

# Monday = 0 as in datetime.weekday().
WEEKDAYS: dict[str, int] = _fold({
    "الاثنين": 0, "الإثنين": 0, "الأثنين": 0,
    "الثلاثاء": 1, "الثلاثا": 1,
    "الأربعاء": 2, "الاربعاء": 2, "الأربعا": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
})
# The same days without the article, after يوم (يوم اثنين) or كل (كل جمعة).
WEEKDAYS_BARE: dict[str, int] = {k[2:]: v for k, v in WEEKDAYS.items()}

# Cardinal number words (both genders) that count days, weeks, months and years.
NUMBER_WORDS: dict[str, int] = _fold({
    "واحد": 1, "واحدة": 1,
    "اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8,
    "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "أحد عشر": 11, "إحدى عشرة": 11, "اثني عشر": 12, "اثنا عشر": 12, "اثنتي عشرة": 12,
    "ثلاثة عشر": 13, "أربعة عشر": 14, "خمسة عشر": 15,
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40,
    "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مائة": 100, "مئة": 100,
})

# Day-of-month ordinals (التاسع من يوليو).
DAY_ORDINALS: dict[str, int] = _fold({
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11,
    "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15,
    "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19,
    "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
    "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26,
    "السابع والعشرين": 27, "الثامن والعشرين": 28, "التاسع والعشرين": 29,
    "الثلاثين": 30, "الحادي والثلاثين": 31,
})

# Unit words -> (unit, count implied by the form: 1 singular, 2 dual, 0 plural needing a number).
# Units: H hour, MIN minute, D day, W week, M month, Y year, DE decade, CE century.
UNIT_FORMS: dict[str, tuple[str, int]] = {}
for _unit, _sing, _dual, _plural in (
    ("MIN", ("دقيقة", "دقيقه", "دقيقةً"), ("دقيقتين", "دقيقتان"), ("دقائق",)),
    ("H", ("ساعة",), ("ساعتين", "ساعتان"), ("ساعات",)),
    ("D", ("يوم", "يوما", "يوماً"), ("يومين", "يومان"), ("أيام",)),
    ("W", ("أسبوع", "أسبوعا"), ("أسبوعين", "أسبوعان"), ("أسابيع",)),
    ("M", ("شهر", "شهرا"), ("شهرين", "شهران"), ("أشهر", "شهور")),
    ("Y", ("عام", "عاما", "سنة"), ("عامين", "عامان", "سنتين", "سنتان"), ("أعوام", "سنوات", "سنين")),
    ("DE", ("عقد", "عقدا"), ("عقدين", "عقدان"), ("عقود",)),
    ("CE", ("قرن", "قرنا"), ("قرنين", "قرنان"), ("قرون",)),
):
    for _w in _sing:
        UNIT_FORMS[normalize(_w)] = (_unit, 1)
    for _w in _dual:
        UNIT_FORMS[normalize(_w)] = (_unit, 2)
    for _w in _plural:
        UNIT_FORMS[normalize(_w)] = (_unit, 0)

GRANULARITY_OF_UNIT = {"MIN": "day", "H": "day", "D": "day", "W": "week", "M": "month", "Y": "year",
                       "DE": "decade", "CE": "decade"}

# Decades: the 1990s are "199" in ISO 8601 reduced precision.
DECADES: dict[str, int] = _fold({
    "العشرينيات": 192, "العشرينات": 192, "الثلاثينيات": 193, "الثلاثينات": 193,
    "الأربعينيات": 194, "الأربعينات": 194, "الخمسينيات": 195, "الخمسينات": 195,
    "الستينيات": 196, "الستينات": 196, "السبعينيات": 197, "السبعينات": 197,
    "الثمانينيات": 198, "الثمانينات": 198, "التسعينيات": 199, "التسعينات": 199,
})

# Parts of a day that may precede a day word (صباح الجمعة, مساء أمس, ليلة الثلاثاء).
DAY_PARTS: tuple[str, ...] = tuple(normalize(w) for w in (
    "يوم", "صباح", "مساء", "ليلة", "ظهر", "فجر", "عصر", "ظهيرة", "نهار", "صبيحة", "منتصف ليلة", "وقت متأخر من مساء",
    "في وقت متأخر من مساء", "في وقت مبكر من صباح", "بعد ظهر",
))
# The TIMEX3 part-of-day code each of them adds to a day (its value stays the day).
DAY_PART_CODES: dict[str, str] = {normalize(k): v for k, v in {
    "صباح": "MO", "صبيحة": "MO", "فجر": "MO", "في وقت مبكر من صباح": "MO",
    "ظهر": "MI", "ظهيرة": "MI", "بعد ظهر": "AF", "عصر": "AF",
    "مساء": "EV", "وقت متأخر من مساء": "EV", "في وقت متأخر من مساء": "EV",
    "ليلة": "NI", "منتصف ليلة": "NI",
}.items()}

# Clock hours written as words (الساعة العاشرة), and what follows them.
HOUR_WORDS: dict[str, int] = _fold({
    "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7,
    "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11, "الثانية عشرة": 12,
})
# Minutes added to the hour: والنصف = +30, إلا ربعا = -15.
CLOCK_FRACTIONS: dict[str, int] = {normalize(k): v for k, v in {
    "والنصف": 30, "والربع": 15, "والثلث": 20, "إلا ربعا": -15, "إلا ربع": -15, "إلا ثلثا": -20, "إلا ثلث": -20,
}.items()}
# The half of the day after a clock time: AM keeps the hour, PM adds 12 to hours below 12.
CLOCK_PARTS: dict[str, str] = {normalize(k): v for k, v in {
    "صباحا": "AM", "صباحاً": "AM", "فجرا": "AM", "فجراً": "AM",
    "ظهرا": "NOON", "ظهراً": "NOON", "بعد الظهر": "PM", "عصرا": "PM", "عصراً": "PM",
    "مساء": "PM", "مساءً": "PM", "مساءا": "PM", "ليلا": "NIGHT", "ليلاً": "NIGHT",
}.items()}

# Direction words after a unit or a name: الأسبوع الماضي, ديسمبر المقبل.
PAST_WORDS: frozenset[str] = frozenset(normalize(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "المنقضي", "السابق"))
FUTURE_WORDS: frozenset[str] = frozenset(normalize(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "التالي"))

# Part-of-period modifiers: أواخر أغسطس = END, مطلع العام = START.
PART_MODS: dict[str, str] = {normalize(k): v for k, v in {
    "أواخر": "END", "نهاية": "END", "آخر": "END", "ختام": "END",
    "أوائل": "START", "مطلع": "START", "بداية": "START", "بدايات": "START", "مستهل": "START", "أول": "START",
    "منتصف": "MID", "أواسط": "MID", "وسط": "MID",
}.items()}

# Quantifiers in front of a duration: أكثر من = AFTER (more than), أقل من = BEFORE (less than),
# نحو/حوالي/قرابة = APPROX.  The same three values are used everywhere a bound is vague.
QUANT_MODS: dict[str, str] = {normalize(k): v for k, v in {
    "أكثر من": "AFTER", "اكثر من": "AFTER", "ما يزيد على": "AFTER", "ما يزيد عن": "AFTER", "ما يربو على": "AFTER",
    "أقل من": "BEFORE", "ما يقل عن": "BEFORE",
    "نحو": "APPROX", "حوالي": "APPROX", "حوالى": "APPROX", "قرابة": "APPROX", "زهاء": "APPROX",
    "ما يقرب من": "APPROX", "ما يقارب": "APPROX", "قرابه": "APPROX", "تقريبا": "APPROX",
}.items()}

# Sets: يوميا, كل أسبوع.
SET_ADVERBS: dict[str, str] = _fold({
    "يوميا": "P1D", "يومياً": "P1D", "أسبوعيا": "P1W", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y",
    "ساعيا": "PT1H",
})

# Cues that the clause speaks of the future: a weekday or month then looks forward.
FUTURE_CUES: frozenset[str] = frozenset(normalize(w) for w in (
    "سوف", "يعتزم", "تعتزم", "يعتزمون", "المقرر", "المرتقب", "المرتقبة", "المتوقع", "يتوقع", "يُتوقع", "ينتظر",
    "يرتقب", "المزمع", "المزمعة", "يزمع", "تزمع", "سيتم", "ستتم", "ستكون", "سيكون", "ستبدأ", "سيبدأ",
    "المقررة", "مقرر", "مقررة", "المنتظر", "المنتظرة", "توقع", "توقعت", "تتوقع", "متوقعا", "مرتقب", "مرتقبة",
    # Verbs of scheduled events: in the imperfective before a date they announce it (تعقد القمة الثلاثاء).
    "تعقد", "يعقد", "تنطلق", "ينطلق", "تبدأ", "يبدأ", "تستضيف", "يستضيف", "تجرى", "يجرى", "تقام", "يقام",
    "تحتفل", "يحتفل", "تنظم", "ينظم", "يزور", "تزور", "تستأنف", "يستأنف", "تفتتح", "يفتتح", "يتوجه", "تتوجه",
    "تختتم", "يختتم", "يلتقي", "تلتقي", "يحل", "يغادر", "تغادر",
))
# Verbal nouns of planned acts: after على/إلى or with ل- (على عقد قمة, لإجراء الانتخابات) they look forward.
PLAN_NOUNS: frozenset[str] = frozenset(normalize(w) for w in (
    "عقد", "إجراء", "تنظيم", "إطلاق", "تشكيل", "استئناف", "تنفيذ", "افتتاح",
))
# Words of postponement: with them, إلى الخميس and للخميس look forward.
POSTPONE_WORDS: frozenset[str] = frozenset(normalize(w) for w in (
    "تأجيل", "إرجاء", "أرجأ", "أرجأت", "أرجئت", "أجل", "أجلت", "تأجل", "تأجلت", "أُجّل", "ترحيل", "رفع", "رفعت", "تمديد", "مدد",
))
# Heads of a construct with اليوم that means "of today" (nowadays) or names a paper: عين اليوم, شباب اليوم.
NOT_TODAY_PREV: frozenset[str] = frozenset(normalize(w) for w in (
    "عين", "أخبار", "صحيفة", "جريدة", "عالم", "شباب", "جيل", "أجيال", "أطفال", "نساء", "رجال", "عرب", "إنسان", "مجتمعات",
    "مثل", "يوم", "ذلك", "ذاك", "نفس", "ذات", "هذا",
))
# Nouns that العام ("general") qualifies: الأمين العام السابق is a former secretary-general, not last year.
GENERAL_HEADS: frozenset[str] = frozenset(normalize(w) for w in (
    "الأمين", "المدير", "المدعي", "النائب", "الرأي", "القطاع", "الأمن", "المؤتمر", "المقرر", "المراقب", "المفتش",
    "الصالح", "المال", "الشأن", "النظام", "الإضراب", "العفو", "المرشد", "المنسق", "القائد", "الاتحاد", "المجلس",
    "الإطار", "الطابع", "الوضع", "المناخ", "الدين", "التعليم", "الحق", "الموقف", "الإنفاق",
))
# Comparatives after اليوم that make it "nowadays" (اليوم أكثر تنوعا), unless a quantity follows (أكثر من).
COMPARATIVES: frozenset[str] = frozenset(normalize(w) for w in (
    "أكثر", "أقل", "أفضل", "أسوأ", "أقوى", "أضعف", "أحوج", "أبعد", "أقرب", "أشد", "أكبر", "أصغر",
))
# Words that open a past-tense clause or a report of speech: a future cue before them does not
# reach a weekday after them.
PAST_CLAUSE_WORDS: frozenset[str] = frozenset(normalize(w) for w in (
    "كان", "كانت", "وكان", "وكانت", "قد", "وقد", "لقد", "فقد", "قال", "وقال", "قالت", "وقالت", "أعلن", "وأعلن",
    "أعلنت", "وأعلنت", "أكد", "وأكد", "أكدت", "وأكدت", "ذكر", "وذكر", "ذكرت", "وذكرت", "أمس",
    # past verbs of events (a و/ف before them is stripped when looking them up)
    "بدأ", "بدأت", "انطلق", "انطلقت", "جرت", "وقعت", "اندلعت", "شهدت", "التقى", "التقت", "اجتمع", "اجتمعت",
    "وصل", "وصلت", "غادر", "غادرت", "زار", "زارت", "أجرى", "أجرت", "استقبل", "استقبلت", "اختتم", "اختتمت",
    "افتتح", "افتتحت", "انتهى", "انتهت", "صادق", "صادقت", "أقر", "أقرت", "وقع", "أصدر", "أصدرت",
))
# Beginnings of words that look like س- future verbs but are nouns or names (سيطرة, ستة, سياسة).
NOT_FUTURE_PREFIXES: tuple[str, ...] = tuple(normalize(w) for w in (
    "سياس", "سيار", "سيطر", "سياح", "سيد", "سينما", "سيناء", "سيناريو", "سيرة", "سيرجي", "سيرغي", "سيول", "سيئ", "سياد", "سيف", "سياق", "سيم", "سيش",
    "سيما", "سيتي", "سيبير", "سيجار", "سيك", "سيغ", "ستار", "ستة", "ستين", "ستون", "ستال", "ستوك", "ستراتيج", "ستاد", "ستيف", "ستان", "ستوديو",
))
# An س- future verb: س + imperfective ي/ت + a stem of two letters or more (سيصل, ستعقد).
FUTURE_VERB = re.compile(r"^(?:[وف])?س[يت]\w{2,}$")

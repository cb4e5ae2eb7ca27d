"""Site furniture, scraper debris and credit footers found in scraped Arabic news.

Each rule names the kind of junk it removes so the cleaner can report what it
did.  Line rules match a whole (stripped) line; prefix and suffix rules cut a
piece off a line that also carries content, as when a footer is glued to the
last sentence.  Every pattern is compiled once at import.
"""

from __future__ import annotations

import re

from marsad.clean.wires import WIRE

_AR = r"\u0621-\u064a"
_SOCIAL = (
    r"(?:فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|واتس آب|تلغرام|تيليجرام|تليجرام|لينكدإن|لينكد إن|جوجل بلس|جوجل\+|"
    r"انستغرام|إنستغرام|انستقرام|إنستجرام|يوتيوب|سناب ?شات|البريد الإلكتروني|"
    r"Facebook|Twitter|WhatsApp|Telegram|LinkedIn|Google\+|Email|E-mail|Pinterest|Print|Reddit)"
)

SCRAPER_MARKER = re.compile(r"[ \t]*\[ad_\d+\]")

# kind -> pattern matched against a whole stripped line
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("share", r"(?:شارك(?:ها|ه|وا)?|مشاركة|انشر|شارك (?:الخبر|المقال|القصة|هذا (?:الخبر|المقال))(?: عبر| على)?)\s*[:.]?"),
        ("share", rf"(?:{_SOCIAL}[\s,،|/:•·-]*){{1,10}}"),
        ("category", r"(?:ال)?(?:تصنيفات|تصنيف|وسوم|الوسوم|كلمات مفتاحية|الكلمات (?:الدلالية|المفتاحية))\s*(?::.{0,200})?"),
        (
            "related",
            r"(?:قصص قد تهمك|قد يهمك(?: أيضا| أيضاً)?|مواضيع ذات صلة|(?:أخبار|مقالات|موضوعات) (?:ذات صلة|متعلقة)"
            r"|المزيد من الأخبار|للمزيد(?: من المعلومات| من التفاصيل)?|[اإ]قرأ (?:أيضا|أيضاً|ايضا|ايضاً|المزيد)(?:\s*:.{0,200})?)\s*:?",
        ),
        ("print", r"(?:طباعة|اطبع|أرسل لصديق|ارسل لصديق|حفظ|تكبير الخط|تصغير الخط)\s*:?"),
        ("follow", r"(?:تابعونا|تابعنا)(?: على| عبر| في).{0,80}"),
        ("follow", rf"تابعوا.{{0,30}}(?:على|عبر) (?:{_SOCIAL}|حساب|صفح|قنا).{{0,60}}"),
        ("navigation", r"(?:Next\s+Previous|Previous\s+Next|السابق\s+التالي|التالي\s+السابق)"),
        ("wire_marker", r"//\s*(?:انتهى|يتبع)\s*//|(?:انتهى|يتبع)|[0-9٠-٩]{1,2}:[0-9٠-٩]{2}\s*ت\s?م"),
        ("more_link", r"\.{2,}\s*المزيد|المزيد\s*\.{2,}"),
        (
            "contact",
            r".{0,80}(?:للتواصل مع الكاتب|للتواصل [أا]رسل|لمراسلة الكاتب|تبدأ بالرمز|ثم مسافة ثم"
            r"|[أا]رسل (?:رسالة )?(?:نصية )?sms).{0,200}",
        ),
        ("contact", r"(?:[0-9]+\s*[-–]?\s*)?(?:Stc|Mobily|Zain|موبايلي|زين|الاتصالات)(?:[\s,،:-]*[0-9]+)?[\s,،]*|ثم الرسالة"),
        ("contact", r"(?:(?:البريد الإلكتروني|بريد إلكتروني|الإيميل|email|e-mail)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        (
            "social",
            r"(?:(?:تويتر|twitter|انستغرام|إنستغرام|انستقرام|سناب ?شات|snapchat|instagram)\s*:?\s*)?@[\w_.]{2,}",
        ),
        ("url", r"(?:(?:رابط الخبر|الرابط|للمزيد(?: من المعلومات)?|المصدر)[^:\n]{0,40}:\s*)?(?:https?://|www\.)\S+"),
        ("link", r"رابط الخبر.{0,200}"),
        ("photo_credit", r"\(?\s*(?:تصوير|عدسة)\s*[:\-–/]?\s*[^\s()][^()]{0,40}\)?"),
        ("syndication", r"\*?\s*(?:خدمة|بالاتفاق مع|خاص بـ?)\s*«[^»]{1,40}»\.?"),
        ("credit", rf"\(?\s*{WIRE}(?:\s*[/،,و-]\s*{WIRE})*\s*\)?\.?"),
        ("separator", r"[\W_]+"),
    )
)

# Glued to the start of a content line.
PREFIX_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "share",
        re.compile(
            rf"^(?:شارك (?:من خلال|عبر)\s+)(?:{_SOCIAL}\s*[،,]?\s*)+(?:اكتب رأيك)?\s*",
            re.I,
        ),
    ),
    ("navigation", re.compile(r"^(?:Next\s+Previous|Previous\s+Next)\s+")),
)

_INIT = rf"(?<![{_AR}])[{_AR}]{{1,2}}(?:\s?\.\s?[{_AR}]{{1,2}}){{1,3}}"
INITIALS = rf"{_INIT}(?:\s*/\s*{_INIT})*"
_WIRE_LIST = rf"\(\s*{WIRE}(?:\s*[/،,و-]\s*{WIRE})*\s*\)"

# Glued to the end of a content line.  "ح.ز/ ا.ف (د.ب.أ / أ.ف.ب)" closes DW copy.
CREDIT_FOOTER = re.compile(rf"(?:(?P<initials>{INITIALS})\s*)?(?P<wires>{_WIRE_LIST})\s*$")
INITIALS_FOOTER = re.compile(rf"(?P<initials>{_INIT}\s*/\s*{INITIALS})\s*$")
CONTACT_SUFFIX = re.compile(r"\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*(?:للتواصل مع الكاتب|لمراسلة الكاتب).*$")
PHOTO_SUFFIX = re.compile(r"\s*\(\s*(?:تصوير|عدسة)\s*[:\-–/]?\s*[^()]{1,40}\)\s*$")
# 3alyoum closes with a tag list after the last sentence: "... الإسلامية.” سمات أوباما الأكراد"
TAGS_SUFFIX = re.compile(r"(?<=[.!؟?»\"”])\s+سمات\s+[^.!؟?\n]{1,200}$")

# "المصدر: واس" as one of the last lines.
SOURCE_LINE = re.compile(r"(?:(?:ال)?مصدر|نقلا عن|نقلاً عن)\s*[:：]?\s*(?P<rest>.{0,60})")
SOURCE_TAIL_LINES = 3

# "ساهم كيم تونغ هيونغ في سيول ... في هذا التقرير."
_REPORT = r"(?:في (?:إعداد |كتابة |تغطية )?هذا التقرير|بهذا التقرير)"
CONTRIBUTED = re.compile(
    rf"^و?(?:ساهم|ساهمت|ساهموا|شارك|شاركت)\s+(?:{_REPORT}\s*:?\s*(?P<who_after>.+?)|(?P<who>.+?)\s*[،,]?\s*{_REPORT})\s*\.?$"
)
# Reuters Arabic: "(إعداد فلان للنشرة العربية - تحرير فلان)"
PREPARED_BY = re.compile(
    r"^\(\s*(?:إعداد|تغطية صحفية|شارك في التغطية|(?:Additional )?[Rr]eporting by|Writing by)\s+(?P<who>[^()]{2,160}?)\s*\)\.?$"
)

# Sentence-final characters that may precede a glued footer.
SENTENCE_END = ".!؟?»\"”)…"

"""Actor codes: country ISO3 plus a CAMEO-style role, resolved for a date.

Gazetteer entries carry dated codes (from PETRARCH's date ranges or our curated
list): ``code_at(codes, "2023-10-19")`` picks the code in force.  Titles and
nationality adjectives code people and organisations the gazetteer does not
know: "وزير الخارجية الروسي X" → RUSGOV, "وزارة الدفاع الكورية الجنوبية" → KORGOV,
"المارشال ... X" → MIL.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.clean.normalize import normalize

# Roles that stand without a country.
_BARE_ROLES = ("IGO", "MED", "EDU", "NGO", "BUS", "REB", "CVL")


def split_code(code: str | None, countries: frozenset[str] | None = None) -> tuple[str | None, str | None]:
    """"RUSGOV" → ("RUS", "GOV"); "IGO" → (None, "IGO"); "RUS" → ("RUS", None)."""
    if not code:
        return None, None
    countries = countries if countries is not None else known_countries()
    if code[:3] in countries and code[:3] not in _BARE_ROLES:
        return code[:3], (code[3:6] or None)
    return None, code[:3] or None


def code_at(codes: Sequence[tuple[str, str | None, str | None]], date: str | None) -> str | None:
    """The code in force on ``date`` (ISO, any precision).

    A range containing the date wins (the latest-starting one if several); an undated
    code is the fallback; a date outside every range keeps only the country of the
    nearest range (a former minister is still Russian, no longer RUSGOV).  Without a
    date the most recent code is used.
    """
    if not codes:
        return None
    undated = [c for c in codes if not c[1] and not c[2]]
    if not date:
        dated = sorted((c for c in codes if c[1] or c[2]), key=lambda c: c[1] or "")
        if dated and not any(c[2] for c in dated[-1:]):
            return dated[-1][0]
        return (undated or dated)[-1][0] if (undated or dated) else None
    day = date[:10]
    inside = [c for c in codes if (c[1] or c[2]) and (not c[1] or c[1] <= day) and (not c[2] or day < c[2])]
    if inside:
        return max(inside, key=lambda c: c[1] or "")[0]
    if undated:
        return undated[0][0]

    def distance(c: tuple[str, str | None, str | None]) -> str:
        # the range whose nearest edge is closest in time
        edges = [e for e in (c[1], c[2]) if e]
        return min(abs(_days(e) - _days(day)) for e in edges) if edges else 10**9  # type: ignore[return-value]

    nearest = min(codes, key=distance)
    country, _ = split_code(nearest[0])
    return country or nearest[0]


def _days(iso: str) -> int:
    y, m, d = (iso.split("-") + ["1", "1"])[:3]
    return int(y) * 372 + int(m or 1) * 31 + int(d or 1)


@cache
def known_countries() -> frozenset[str]:
    from marsad.entities.gazetteer import load

    return frozenset(e.country for e in load().entries if e.kind == "country" and e.country)


@cache
def nationalities() -> dict[tuple[str, ...], str]:
    """Bare normalized words of a nationality adjective, masculine and feminine → ISO3.

    Exact words, not variant keys: the name key would read ثنائية or تونسية loosely.
    """
    from marsad.entities.gazetteer import bare, load

    out: dict[tuple[str, ...], str] = {}
    for e in load().entries:
        if e.kind == "nat" and e.country:
            for v in e.variants:
                words = tuple(bare(w) for w in normalize(v).split())
                out.setdefault(words, e.country)
                if not words[-1].endswith("ي"):
                    continue  # an irregular plural (الروس, الأتراك) has no other forms
                # feminine and plurals of the -ي words: روسية, كينيون, الصوماليين, جنوب أفريقية,
                # الكوريون الشماليون
                for suffix in ("ه", "ون", "ين"):
                    out.setdefault(tuple(w + suffix if w.endswith("ي") else w for w in words), e.country)
    return out


def nationality_at(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """(ISO3, tokens used) when a nationality adjective starts at ``words[i]``."""
    from marsad.entities.gazetteer import bare

    table = nationalities()
    for n in (2, 1):
        if i + n <= len(words):
            key = tuple(bare(w) for w in words[i : i + n])
            if key in table:
                if i + n < len(words) and normalize(words[i + n]) in _PATRONYMIC:
                    return None  # "الأمير تركي بن ...": a given name, not an adjective
                return table[key], n
    return None


_PATRONYMIC = frozenset(normalize(w) for w in ("بن", "ابن", "بنت"))


def _bare_words(phrase: str) -> tuple[str, ...]:
    from marsad.entities.gazetteer import bare

    return tuple(bare(w) for w in normalize(phrase).split())


# Roles of one-word titles written with the article, where the bare word has another role:
# "الرئيس" (the president) is GOV, "رئيس" (head of ...) has no role of its own.
DEFINITE_TITLES: dict[tuple[str, ...], str] = {}


def _keys(*phrases: str) -> dict[tuple[str, ...], str]:
    """Title tables are keyed by bare normalized words, not variant keys: وزير ≠ وزارة."""
    out: dict[tuple[str, ...], str] = {}
    for item in phrases:
        phrase, role = item.rsplit(":", 1)
        for p in phrase.split("/"):
            key = _bare_words(p)
            if normalize(p).startswith("ال") and len(key) == 1 and role:
                DEFINITE_TITLES.setdefault(key, role)
            out[key] = role
    return out


# Person titles → role ("" = a title with no role of its own, e.g. director).
PERSON_TITLES = _keys(
    "رئيس الوزراء/رئيس الحكومة/رئيس الدولة/رئيسة الوزراء:GOV",
    "الرئيس/رئيسة/الزعيم/الزعيمة/وزير/وزيرة/نائب الرئيس/نائب وزير/نائبة وزير/السفير/السفيرة/المبعوث:GOV",
    "نظيره/نظيرته/نظيرها/نظيرهم/نظيريه:GOV",  # "نظيره الصومالي X": a counterpart in office
    "المتحدث باسم/المتحدثة باسم/الناطق باسم/الناطقة باسم/المتحدث الرسمي/المتحدثة الرسمية:GOV",
    "الملك/العاهل/الأمير/السلطان/ولي العهد/المستشار/المستشارة/حاكم/رئيس البرلمان/المسؤول/المسؤولة:GOV",
    "الجنرال/المارشال/الفريق أول/اللواء/العقيد/العميد/الأدميرال/قائد/رئيس الأركان/القائد العسكري:MIL",
    "المحافظ/محافظ/العمدة/رئيس البلدية:GOV",
    "النائب/النائبة/السيناتور/عضو الكونغرس/عضو البرلمان:LEG",
    "القاضي/القاضية/المدعي العام:JUD",
    "الصحفي/الصحفية/المراسل/المراسلة/رئيس تحرير:MED",
    "الأستاذ/أستاذ/أستاذة/الباحث/الباحثة/البروفيسور:EDU",
    "مدير/مديرة/الخبير/الخبيرة/المحلل/رئيس:",
)
# Plural titles code a group ("مسؤولون أمريكيون" → USAGOV) but never introduce a name.
GROUP_TITLES = _keys(
    "المسؤولون/المسؤولين/مسؤولون/مسؤولين/الدبلوماسيون/الدبلوماسيين/دبلوماسيون/دبلوماسيين:GOV",
    "الجنود/جنود/الضباط/ضباط/العسكريون/العسكريين/القادة العسكريون:MIL",
)
# Organisation heads → role; with a nationality adjective they make a coded organisation.
ORG_HEADS = _keys(
    "وزارة/الحكومة/الرئاسة/السفارة/الخارجية/الداخلية/مكتب الرئيس/رئاسة الوزراء/السلطات/مجلس الوزراء:GOV",
    "الجيش/القوات/القوات المسلحة/البحرية/سلاح الجو/القوات الجوية/هيئة الأركان:MIL",
    "الشرطة/قوات الأمن/قوات الشرطة:COP",
    "إدارة/الإدارة/دائرة/مكتب/البنك المركزي/المصرف المركزي:GOV",
    "البرلمان/مجلس النواب/مجلس الشيوخ/مجلس الشعب/مجلس الأمة/الكونغرس:LEG",
    "وكالة الأنباء/الوكالة/التلفزيون/التلفزيون الرسمي/الإعلام الرسمي/وسائل الإعلام/صحيفة/الصحيفة:MED",
    # groups of a country's parties: "الأطراف الليبية", "الفصائل الفلسطينية", "المعارضة السورية"
    "الأطراف/الأطراف المتحاربة/الأطراف المتنازعة/القوى السياسية/الجانب:",
    "المعارضة/قوى المعارضة/المعارضة المسلحة:OPP",
    "الفصائل/الفصائل المسلحة/الجماعات المسلحة/الميليشيات/الميلشيات/المتمردين/المتمردون:REB",
)
# Portfolio words that complete a ministry or a title: "وزير الخارجية", "وزارة الدفاع الوطني".
PORTFOLIOS = frozenset(
    _bare_words(w)[0]
    for w in (
        "الخارجية الدفاع الداخلية المالية العدل الاقتصاد التجارة الطاقة الصحة التعليم الإعلام الوطني "
        "الوطنية الشؤون الأمن القومي الخارجي الاستخبارات الدولة الأنباء الرسمية المركزية العسكري العسكرية "
        "الجوية البحرية البرية الشعبي الشعبية المسلحة الثقافة الزراعة النقل العمل الصناعة الرياضة السياحة "
        "البيئة الاتصالات المواصلات التنمية الأوروبية العامة الخاصة الأعلى الأولى الأول"
    ).split()
)
def role_suffix(role: str | None) -> str:
    return role or ""

"""The time stage on our own Arabic sentences: extraction, resolution, spans."""

from __future__ import annotations

import pytest

from marsad.document import Article
from marsad.segment import segment
from marsad.time import annotate, sentence_timexes

# 2023-10-19 is a Thursday in ISO week 42.
THURSDAY = "2023-10-19"


def run(text: str, published: str | None = THURSDAY) -> Article:
    art = Article(text=text, published=published, published_source="metadata" if published else "unknown")
    return annotate(segment(art))


def found(text: str, published: str | None = THURSDAY) -> list[tuple[str, str | None]]:
    art = run(text, published)
    return [(art.span_text(s), s.attrs["value"]) for s in art.layer("timexes")]


def only(text: str, published: str | None = THURSDAY) -> dict:
    art = run(text, published)
    spans = art.layer("timexes")
    assert len(spans) == 1, [(art.span_text(s), s.attrs) for s in spans]
    return {"text": art.span_text(spans[0]), **spans[0].attrs}


# --- absolute dates ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("وقّعت الحكومة الاتفاق في 5 مارس 2021 بعد مفاوضات طويلة.", "5 مارس 2021", "2021-03-05"),
        ("افتُتح المعرض يوم الأحد 8 تشرين الأول/أكتوبر 2023 في العاصمة.", "يوم الأحد 8 تشرين الأول/أكتوبر 2023", "2023-10-08"),
        ("عُقدت القمة في 13 أيلول/ سبتمبر 2022 وسط إجراءات أمنية.", "13 أيلول/ سبتمبر 2022", "2022-09-13"),
        ("أعلنت الوزارة النتائج في ١٢ يناير ٢٠٢٤ عبر موقعها.", "١٢ يناير ٢٠٢٤", "2024-01-12"),
        ("بدأت الحملة في 3 إبريل 2019 واستمرت.", "3 إبريل 2019", "2019-04-03"),
        ("صدر القرار بتاريخ 07/11/2020م عن المجلس.", "07/11/2020م", "2020-11-07"),
        ("وصل الوفد في التاسع من يوليو 2015 إلى المدينة.", "التاسع من يوليو 2015", "2015-07-09"),
    ],
)
def test_absolute_dates(sentence: str, surface: str, value: str) -> None:
    t = only(sentence)
    assert (t["text"], t["value"], t["granularity"], t["anchor"]) == (surface, value, "day", None)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تراجعت الصادرات في يونية 2019 بشكل ملحوظ.", "2019-06"),
        ("ارتفعت الأسعار في شهر آب 2020 بعد الأزمة.", "2020-08"),
        ("انطلقت المحادثات في حزيران/يونيو 2017 في جنيف.", "2017-06"),
        ("بقي المصنع مغلقاً في فبراير/شباط 2016 بسبب الإضراب.", "2016-02"),
        ("جرت الانتخابات الأخيرة عام 2018 في أجواء هادئة.", "2018"),
        ("تضاعف عدد الزوار في 2022 مقارنة بما سبق.", "2022"),
        ("انتشرت هذه الموسيقى في الثمانينيات من القرن الماضي.", "198"),
    ],
)
def test_months_years_decades(sentence: str, value: str) -> None:
    assert only(sentence)["value"] == value


def test_month_year_since_is_after() -> None:
    t = only("لم يلتق الرئيسان منذ أبريل 2020 رغم الوساطات.")
    assert (t["value"], t["mod"]) == ("2020-04", "AFTER")


def test_bare_numbers_and_verbs_are_not_dates() -> None:
    assert found("اشترى الصندوق 2022 سهماً في الشركة وباع 350 أخرى.") == []
    assert found("مارس الوزير ضغوطاً على النواب لتمرير القانون.") == []
    assert found("قُتل الثلاثة في الهجوم على القافلة.") == []
    assert found("تصدر الصحيفة نشرتها اليومية باللغتين، واتفق البلدان الاثنين على التعاون.") == []
    assert found("أعلن الأمين العام للمنظمة أن المدعي العام فتح تحقيقاً.") == []


# --- Hijri ------------------------------------------------------------------


def test_hijri_date_with_year() -> None:
    t = only("أُعلن عن المبادرة في 3 رمضان 1445 هـ خلال حفل رسمي.")
    assert t["value"] == "2024-03-13"
    assert t["calendar"] == "hijri" and t["hijri"] == "1445-09-03"
    assert t["text"].endswith("هـ")


def test_hijri_date_without_year_takes_the_anchor_year() -> None:
    assert only("تبدأ الدراسة في 10 شوال حسب التقويم.", "2015-07-20")["value"] == "2015-07-26"


def test_dual_hijri_gregorian_dateline() -> None:
    values = [v for _, v in found("جدة - الأربعاء 27 شوال 1436 هـ - 12 أغسطس 2015 م: افتتح الأمير المعرض.")]
    assert values == ["2015-08-12", "2015-08-12"]


def test_numeric_hijri_date() -> None:
    assert only("صدر الأمر بتاريخ 27/10/1436هـ عن الديوان.")["value"] == "2015-08-12"


# --- weekdays ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("التقى الوزيران الخميس في العاصمة.", "2023-10-19"),  # the publication day itself
        ("وصل الوفد إلى المطار الأربعاء قادماً من الرياض.", "2023-10-18"),
        ("وقعت الاشتباكات صباح السبت قرب الحدود.", "2023-10-14"),
        ("اندلع الحريق ليلة الجمعة في المستودع.", "2023-10-13"),
        ("أعلن المتحدث يوم الأربعاء الماضي عن الخطة.", "2023-10-18"),
        ("سيزور الوزير القاهرة يوم الاثنين لإجراء محادثات.", "2023-10-23"),
        ("من المقرر أن يجتمع المجلس الأحد لمناقشة الموازنة.", "2023-10-22"),
        ("يعقد البرلمان جلسته يوم الثلاثاء المقبل.", "2023-10-24"),
        ("قال المتحدث الخميس المقبل إن اللجنة ستجتمع.", "2023-10-26"),
    ],
)
def test_weekdays(sentence: str, value: str) -> None:
    t = only(sentence)
    assert (t["value"], t["anchor"], t["granularity"]) == (value, THURSDAY, "day")


# --- deictic days and relative periods --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("أعلنت الشرطة أمس توقيف المشتبه به.", "أمس", "2023-10-18"),
        ("جرى الاتصال أول أمس بين الطرفين.", "أول أمس", "2023-10-17"),
        ("يصل المبعوث اليوم إلى المدينة.", "اليوم", "2023-10-19"),
        ("تُعلن النتائج الليلة في مؤتمر صحفي.", "الليلة", "2023-10-19"),
        ("تستأنف المفاوضات غداً في الدوحة.", "غداً", "2023-10-20"),
        ("يغادر الرئيس بعد غد إلى أوروبا.", "بعد غد", "2023-10-21"),
        ("عاد الهدوء مساء أمس إلى الشوارع.", "مساء أمس", "2023-10-18"),
        ("ناقش المجلس الخطة الأسبوع الماضي.", "الأسبوع الماضي", "2023-W41"),
        ("تبدأ التدريبات هذا الأسبوع في الميناء.", "هذا الأسبوع", "2023-W42"),
        ("يفتتح المصنع الأسبوع المقبل رسمياً.", "الأسبوع المقبل", "2023-W43"),
        ("ارتفع التضخم هذا الشهر إلى مستوى قياسي.", "هذا الشهر", "2023-10"),
        ("تراجعت المبيعات الشهر الماضي بنسبة طفيفة.", "الشهر الماضي", "2023-09"),
        ("استضافت المدينة البطولة العام الماضي بنجاح.", "العام الماضي", "2022"),
        ("تجرى الانتخابات السنة المقبلة وفق الدستور.", "السنة المقبلة", "2024"),
        ("ستنتهي الأعمال في وقت لاحق من هذا العام.", "في وقت لاحق من هذا العام", "2023"),
    ],
)
def test_relative_expressions(sentence: str, surface: str, value: str) -> None:
    t = only(sentence)
    assert (t["text"], t["value"], t["anchor"]) == (surface, value, THURSDAY)


def test_relative_periods_across_year_boundaries() -> None:
    assert only("تراجعت الصادرات الشهر الماضي بحسب الإحصاءات.", "2024-01-10")["value"] == "2023-12"
    assert only("يُنتظر توقيع العقد في ديسمبر المقبل بعد المراجعة.", "2024-11-20")["value"] == "2024-12"
    assert only("ناقشت اللجنة الملف الأسبوع الماضي دون نتيجة.", "2024-01-03")["value"] == "2023-W52"
    assert only("وصلت الشحنة في 28 ديسمبر إلى الميناء.", "2024-01-03")["value"] == "2023-12-28"
    assert only("تبدأ العطلة في 2 يناير حسب القرار.", "2023-12-29")["value"] == "2024-01-02"


def test_months_without_year_follow_tense() -> None:
    assert only("استخدمت الدولة حق النقض في مارس/آذار ضد المشروع.", "2024-11-01")["value"] == "2024-03"
    assert only("سيُعقد المؤتمر في مارس/آذار في العاصمة.", "2024-11-01")["value"] == "2025-03"
    t = only("انتهت المعارك في أواخر أغسطس الماضي بانسحاب القوات.")
    assert (t["value"], t["mod"]) == ("2023-08", "END")


@pytest.mark.parametrize(
    ("sentence", "value", "mod"),
    [
        ("تبدأ الخطة مطلع العام المقبل.", "2024", "START"),
        ("يُسلّم المشروع منتصف الشهر المقبل.", "2023-11", "MID"),
        ("تنتهي المهلة نهاية العام الجاري.", "2023", "END"),
        ("وقّع البلدان الاتفاقية في وقت سابق من هذا العام.", "2023", "BEFORE"),
        ("تتواصل المحادثات منذ العام الماضي دون اختراق.", "2022", "AFTER"),
    ],
)
def test_part_of_period_mods(sentence: str, value: str, mod: str) -> None:
    t = only(sentence)
    assert (t["value"], t["mod"]) == (value, mod)


@pytest.mark.parametrize(
    ("sentence", "value", "granularity", "mod"),
    [
        ("غادر السفير البلاد قبل ثلاثة أيام.", "2023-10-16", "day", None),
        ("اختفى الصحفي منذ يومين في ظروف غامضة.", "2023-10-17", "day", None),
        ("التقى الزعيمان قبل شهر واحد فقط في موسكو.", "2023-09", "month", "APPROX"),
        ("تُستأنف الرحلات بعد أسبوع حسب الشركة.", "2023-W43", "week", "APPROX"),
    ],
)
def test_offsets_from_publication(sentence: str, value: str, granularity: str, mod: str | None) -> None:
    t = only(sentence)
    assert (t["kind"], t["value"], t["granularity"], t["mod"]) == ("date", value, granularity, mod)


def test_vague_expressions_have_no_value() -> None:
    t = only("يتوقع المراقبون تطورات في الأيام المقبلة على الجبهة.")
    assert (t["value"], t["mod"], t["direction"]) == (None, "APPROX", "future")
    t = only("تحسن أداء الاقتصاد في السنوات الأخيرة بصورة لافتة.")
    assert (t["value"], t["direction"]) == (None, "past")


# --- durations and sets -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "mod"),
    [
        ("استمر الاجتماع ساعتين خلف أبواب مغلقة.", "PT2H", None),
        ("دام اللقاء أكثر من ساعة بحسب المصادر.", "PT1H", "AFTER"),
        ("أمهلت السلطات المحتجين 48 ساعة لإخلاء الساحة.", "PT48H", None),
        ("تستغرق الزيارة ثلاثة أيام يلتقي خلالها المسؤولين.", "P3D", None),
        ("يعود الفريق بعد تدريب استمر أسبوعين.", "P2W", None),
        ("بقي السجين شهرين في الحبس الانفرادي.", "P2M", None),
        ("تمتد الاتفاقية عامين قابلة للتجديد.", "P2Y", None),
        ("عاش الكاتب في المنفى نحو عشر سنوات.", "P10Y", "APPROX"),
    ],
)
def test_durations(sentence: str, value: str, mod: str | None) -> None:
    t = only(sentence)
    assert (t["kind"], t["value"], t["mod"], t["anchor"]) == ("duration", value, mod, None)


def test_interval_counted_from_another_event_is_a_duration() -> None:
    t = only("جاء الإعلان بعد أسبوع من تحذير أطلقته الوزارة.")
    assert (t["kind"], t["value"]) == ("duration", "P1W")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تصدر النشرة يومياً عن المركز.", "P1D"),
        ("يجتمع المجلس كل أسبوع لمراجعة الأوضاع.", "P1W"),
        ("يُنظم المهرجان سنويا في الربيع.", "P1Y"),
        ("يزور الأطباء القرية كل يوم جمعة.", "P1W"),
    ],
)
def test_sets(sentence: str, value: str) -> None:
    t = only(sentence)
    assert (t["kind"], t["value"]) == ("set", value)


# --- the layer as a whole ---------------------------------------------------


def test_spans_point_into_display_text_with_diacritics() -> None:
    text = "قالَ المتحدّثُ إنّ الوفدَ يصلُ غداً، وإنّ الاتفاقَ وُقّع الأربعاءَ."
    art = run(text)
    assert [art.span_text(s) for s in art.layer("timexes")] == ["غداً", "الأربعاءَ"]
    assert [s.attrs["value"] for s in art.layer("timexes")] == ["2023-10-20", "2023-10-18"]


def test_text_without_dates() -> None:
    art = run("تحدث الخبراء عن أهمية التعليم في بناء المجتمعات الحديثة.", None)
    assert art.layer("timexes") == []
    assert art.published is None and art.published_source == "unknown"
    assert any("publication date unknown" in w for w in art.meta["warnings"])


def test_empty_text() -> None:
    assert run("", None).layer("timexes") == []


def test_unknown_publication_resolves_only_absolute_expressions() -> None:
    art = run("أكد الوزير أمس أن الاتفاق الموقّع في 4 مايو 2019 ما زال سارياً.", None)
    values = {art.span_text(s): (s.attrs["value"], s.attrs["anchor"]) for s in art.layer("timexes")}
    assert values == {"أمس": (None, None), "4 مايو 2019": ("2019-05-04", None)}


def test_works_without_sentence_layer() -> None:
    art = annotate(Article(text="سيصل الوزير يوم الاثنين. وغادر نظيره الأحد.", published=THURSDAY))
    assert [s.attrs["value"] for s in art.layer("timexes")] == ["2023-10-23", "2023-10-15"]


def test_sentence_timexes() -> None:
    art = run("وصل الوفد الأربعاء. ويغادر غداً بعد لقاء الرئيس.")
    second = art.layer("sentences")[1]
    assert [art.span_text(s) for s in sentence_timexes(art, second.start, second.end)] == ["غداً"]


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("هبط المؤشر إلى أدنى مستوى منذ أكتوبر تشرين الأول 2012 بحسب البيانات.", THURSDAY, "2012-10"),
        ("رُفعت القيود في سبتمبر من العام الماضي بعد الاحتجاجات.", THURSDAY, "2022-09"),
        ("يُفتتح الجسر في 5 مايو من العام المقبل كما أعلنت البلدية.", THURSDAY, "2024-05-05"),
        ("تُعقد ورشة العمل يوم غدٍ الأربعاء في مقر الهيئة.", "2023-10-17", "2023-10-18"),
        ("نشطت فرق الإنقاذ طوال الأربع والعشرين ساعة الماضية.", THURSDAY, "PT24H"),
        ("تجاوزت الخسائر 3 ملايين خلال خمسة وعشرين يوماً من الإغلاق.", THURSDAY, "P25D"),
        ("تنطلق البطولة في الـ25 من أكتوبر الجاري بمشاركة ثمانية فرق.", THURSDAY, "2023-10-25"),
    ],
)
def test_compound_forms(sentence: str, published: str, value: str) -> None:
    assert only(sentence, published)["value"] == value


def test_weekday_after_the_preposition_li() -> None:
    t = only("أرجأت المحكمة الجلسة للاثنين المقبل بطلب من الدفاع.")
    assert (t["text"], t["value"]) == ("للاثنين المقبل", "2023-10-23")


def test_future_cue_stays_in_its_clause() -> None:
    art = run("سيزور الوزير موسكو الشهر المقبل، وكان قد التقى نظيره الأحد في جنيف.")
    assert [s.attrs["value"] for s in art.layer("timexes")] == ["2023-11", "2023-10-15"]
    assert only("قال المتحدث إن الوزير سيصل إلى جنيف الأحد.")["value"] == "2023-10-22"


def test_greeting_is_not_a_set() -> None:
    assert found("وختم كلمته بقوله: كل عام وأنتم بخير.") == []


# --- clock times, ranges, quarters, parts of day -----------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("يبدأ التصويت صباح السبت المقبل عند الساعة السابعة.", "الساعة السابعة", "2023-10-21T07:00"),
        ("أُغلقت صناديق الاقتراع مساء أمس في الساعة التاسعة والنصف.", "الساعة التاسعة والنصف", "2023-10-18T21:30"),
        ("يصل الموكب اليوم في الساعة 16:45 إلى القصر.", "الساعة 16:45", "2023-10-19T16:45"),
        ("تنتهي المهلة في الساعة الثانية عشرة ظهرا.", "الساعة الثانية عشرة ظهرا", "2023-10-19T12:00"),
        ("وقع الانفجار الأربعاء عند الساعة الحادية عشرة إلا ربعا ليلا.", "الساعة الحادية عشرة إلا ربعا ليلا", "2023-10-18T22:45"),
    ],
)
def test_clock_times_take_the_day_of_their_sentence(sentence: str, surface: str, value: str) -> None:
    art = run(sentence)
    clocks = [s for s in art.layer("timexes") if s.attrs["kind"] == "time"]
    assert [(art.span_text(s), s.attrs["value"]) for s in clocks] == [(surface, value)]


def test_clock_time_in_a_later_sentence_takes_the_paragraph_day() -> None:
    art = run("اقتحمت القوات البلدة فجر الثلاثاء. وانسحبت عند الساعة الخامسة مساء.")
    assert [s.attrs["value"] for s in art.layer("timexes")] == ["2023-10-17", "2023-10-17T17:00"]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("يقام المعرض من 4 إلى 9 نوفمبر المقبل في الدوحة.", ["2023-11-04", "2023-11-09"]),
        ("تُجرى الامتحانات يومي 2 و3 جانفي 2024 في كل الولايات.", ["2024-01-02", "2024-01-03"]),
        ("ارتفعت البطالة بين عامي 2016 و2019 بحسب المعهد.", ["2016", "2019"]),
        ("تعطل الدوائر الحكومية من الأحد المقبل إلى الثلاثاء.", ["2023-10-22", "2023-10-24"]),
    ],
)
def test_ranges_give_one_timex_per_end(sentence: str, values: list[str]) -> None:
    assert [v for _, v in found(sentence)] == values


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تراجعت الأرباح في الربع الثالث من العام الماضي.", "2022-Q3"),
        ("يصدر التقرير في الربع الأخير من 2024.", "2024-Q4"),
        ("نما الاقتصاد بنسبة 3 في المئة في النصف الأول من العام الجاري.", "2023-H1"),
        ("سيُدفع المبلغ في 15 من الشهر المقبل.", "2023-11-15"),
    ],
)
def test_quarters_halves_and_days_of_a_named_month(sentence: str, value: str) -> None:
    assert only(sentence)["value"] == value


def test_part_of_day_keeps_the_day_value() -> None:
    t = only("تعرض الحي لقصف عنيف فجر الأربعاء.")
    assert (t["value"], t["part"]) == ("2023-10-18", "MO")
    t = only("خرجت مسيرة حاشدة بعد ظهر أمس (الأربعاء) وسط المدينة.")
    assert (t["text"], t["value"], t["part"]) == ("بعد ظهر أمس (الأربعاء)", "2023-10-18", "AF")


# --- distractors and direction ----------------------------------------------


def test_today_as_a_name_or_nowadays_is_not_a_date() -> None:
    assert found("ونشرت جريدة أخبار اليوم تحقيقا مطولا عن الموانئ.") == []
    assert found("إن جيل اليوم يقرأ على الشاشات أكثر من الورق.") == []
    assert found("إن المدن العربية اليوم أكثر ازدحاما من أي وقت مضى.") == []
    assert found("ارتفع المؤشر اليوم أكثر من 2 في المئة.") == [("اليوم", THURSDAY)]


def test_general_is_not_a_year() -> None:
    assert found("استقبل الرئيس الأمين العام السابق للجامعة العربية.") == []


def test_postponement_and_plans_look_forward() -> None:
    assert only("قرر القاضي تأجيل المحاكمة إلى الثلاثاء لسماع الشهود.")["value"] == "2023-10-24"
    assert only("اتفق الطرفان على عقد جولة جديدة في ديسمبر.")["value"] == "2023-12"
    assert only("تنطلق القمة الخليجية في الرياض في فبراير.")["value"] == "2024-02"
    assert only("أشار التقرير إلى دليل على أن الهجوم وقع في فبراير.")["value"] == "2023-02"


def test_weekday_beside_a_date_picks_the_year() -> None:
    # 3 January falls on a Wednesday in 2024, not in 2023
    assert only("تبدأ الدورة يوم الأربعاء 3 يناير.", "2023-12-20")["value"] == "2024-01-03"


def test_new_year_and_lengths() -> None:
    assert only("تدخل الضريبة حيز التنفيذ مع العام الجديد.", "2023-12-10")["value"] == "2024"
    assert only("نزح السكان خلال الأسابيع الثلاثة الماضية.")["value"] == "P3W"
    assert only("ظل المعبر مغلقا شهرا كاملا.")["value"] == "P1M"
    assert found("يحتفل المسلمون خلال شهر الصيام بليالي السمر.") == []

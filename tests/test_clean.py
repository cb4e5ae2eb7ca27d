"""Cleaning: junk goes and is accounted for, footers and datelines are parsed, content stays."""

from __future__ import annotations

import pytest

from marsad.clean import clean_article, clean_text
from marsad.clean.wires import canonical_wire, wires_in
from marsad.document import Article

BODY = (
    "أعلنت وزارة الزراعة اليوم عن خطة لدعم صغار المزارعين في المناطق الجنوبية.\n\n"
    "وقال وكيل الوزارة إن الخطة تشمل قروضا ميسرة وبذورا محسنة."
)


def kinds(result) -> list[str]:
    return [r["kind"] for r in result.removed]


def test_scraper_markers_and_trailing_source_go() -> None:
    r = clean_text(f"[ad_1]\n{BODY}\n[ad_2]\nالمصدر")
    assert r.text == BODY
    assert kinds(r).count("scraper_marker") == 2
    assert {"kind": "source", "text": "المصدر"} in r.removed


def test_source_credit_gives_its_wire() -> None:
    r = clean_text(f"{BODY}\nالمصدر: واس")
    assert r.text == BODY
    assert r.wires == ["SPA"]


@pytest.mark.parametrize(
    "junk",
    [
        "شاركها.",
        "مشاركة :",
        "شارك الخبر",
        "تصنيفات",
        "الوسوم: زراعة، قروض، مزارعون",
        "قصص قد تهمك",
        "اقرأ أيضا: ارتفاع أسعار القمح في الأسواق المحلية",
        "طباعة",
        "تابعونا على تويتر وفيسبوك",
        "فيسبوك تويتر واتساب",
        "// انتهى //",
        "15:20 ت م",
        "...المزيد",
        "***",
        "___",
        "تصوير: سامر الحربي",
        "للتواصل مع الكاتب ارسل رسالة SMS",
        "writer.name@example.com",
        "تويتر: @farmer_news",
        "https://example.org/news/123",
    ],
)
def test_furniture_line_is_removed(junk: str) -> None:
    r = clean_text(f"{BODY}\n\n{junk}\n")
    assert r.text == BODY
    assert len(r.removed) == 1
    assert r.removed[0]["text"] == junk


def test_share_prefix_glued_to_first_line() -> None:
    r = clean_text("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الوزير أن الخطة جاهزة.")
    assert r.text == "أكد الوزير أن الخطة جاهزة."
    assert kinds(r) == ["share"]


def test_real_content_mentioning_junk_words_survives() -> None:
    text = (
        "وقال المصدر إن الاجتماع سيعقد الأسبوع المقبل في جدة.\n"
        "وشارك في الاجتماع ممثلون عن عشر دول.\n"
        "وذكرت وكالة رويترز أن تصوير الفيلم توقف بسبب الأمطار.\n"
        "وطالب النواب بطباعة التقرير وتوزيعه على الأعضاء.\n"
        "المصدر نفسه أكد أن الموعد نهائي."
    )
    r = clean_text(text)
    assert r.text == text
    assert r.removed == []
    assert r.wires == []  # a cited agency is a source, not a credit


def test_repeated_caption_is_kept_once() -> None:
    caption = "رئيس الوزراء يصافح ضيفه في قصر الضيافة بالعاصمة صباح اليوم"
    r = clean_text(f"عنوان الخبر\n{caption}\n{caption}\n\n{BODY}")
    assert r.text.count(caption) == 1
    assert {"kind": "duplicate", "text": caption} in r.removed


def test_short_repeated_line_is_a_refrain_not_a_duplicate() -> None:
    poem = "يا بلادي\nيا بلادي\nأنت الحب والأمان"
    assert clean_text(poem).text == poem


def test_initials_and_wires_footer_glued_to_last_sentence() -> None:
    text = "وأكد المتحدث أن المفاوضات ستستأنف بعد العيد. ر.م/ س.ك (د.ب.أ / أ.ف.ب)\nمشاركة :"
    r = clean_text(text)
    assert r.text == "وأكد المتحدث أن المفاوضات ستستأنف بعد العيد."
    assert r.wires == ["dpa", "AFP"]
    assert r.contributors == ["ر.م", "س.ك"]
    assert kinds(r) == ["credit", "share"]


def test_footer_needs_a_sentence_end_before_it() -> None:
    text = "وقالت الوكالة الألمانية (د.ب.أ)"
    r = clean_text(text)
    assert r.text == text


def test_initials_alone_on_the_last_line() -> None:
    r = clean_text(f"{BODY}\n\nع.ن/ ه.د")
    assert r.text == BODY
    assert r.contributors == ["ع.ن", "ه.د"]


def test_standalone_wire_credit_line() -> None:
    r = clean_text(f"{BODY}\n(أ. ف. ب)")
    assert r.text == BODY
    assert r.wires == ["AFP"]


def test_contributors_line_with_places() -> None:
    text = f"{BODY}\n___\nساهم سامي حداد في بيروت ولينا مراد في عمان ، الأردن ، في هذا التقرير."
    r = clean_text(text)
    assert r.text == BODY
    assert r.contributors == ["سامي حداد", "لينا مراد"]


def test_contributors_line_without_places() -> None:
    r = clean_text(f"{BODY}\nساهم في هذا التقرير: نادر سليم، وهبة كامل.")
    assert r.contributors == ["نادر سليم", "هبة كامل"]


def test_reuters_arabic_desk_footer() -> None:
    r = clean_text(f"{BODY}\n(إعداد نور حسن للنشرة العربية - تحرير علي زيد)")
    assert r.text == BODY
    assert r.wires == ["Reuters"]
    assert r.contributors == ["نور حسن", "علي زيد"]


@pytest.mark.parametrize(
    ("head", "places", "agency"),
    [
        ("سيول ، كوريا الجنوبية (AP) –", ["سيول", "كوريا الجنوبية"], "AP"),
        ("القاهرة (رويترز) -", ["القاهرة"], "Reuters"),
        ("الرياض - واس", ["الرياض"], "SPA"),
        ("موسكو - أ ف ب", ["موسكو"], "AFP"),
        ("بغداد - أ.ش.أ:", ["بغداد"], "MENA"),
        ("واس- الطائف:", ["الطائف"], "SPA"),
        ("أنقرة - الأناضول", ["أنقرة"], "Anadolu"),
        ("بكين - شينخوا", ["بكين"], "Xinhua"),
        ("BEIRUT (Reuters) -", ["BEIRUT"], "Reuters"),
    ],
)
def test_dateline_forms(head: str, places: list[str], agency: str) -> None:
    r = clean_text(f"{head} {BODY}")
    d = r.dateline
    assert d is not None
    assert d["places"] == places
    assert d["agency"] == agency
    assert r.text[d["start"] : d["end"]] == d["text"] == head
    assert agency in r.wires


def test_glued_agency_and_outlet_dateline_after_headline() -> None:
    text = "الوزير يصل إلى طوكيو في زيارة رسمية\n\nطوكيو/ الرياض -رويترزالمنار\n\n" + BODY
    r = clean_text(text)
    d = r.dateline
    assert d is not None
    assert d["places"] == ["طوكيو", "الرياض"]
    assert d["agency"] == "Reuters"
    assert d["text"] == "طوكيو/ الرياض -رويترزالمنار"
    assert r.text[d["start"] : d["end"]] == d["text"]
    assert r.title == "الوزير يصل إلى طوكيو في زيارة رسمية"


def test_hijri_gregorian_dateline() -> None:
    text = "تبوك 14 ذو القعدة 1445 هـ الموافق 22 مايو 2024 م واس\nافتتح أمير المنطقة اليوم معرض الكتاب."
    d = clean_text(text).dateline
    assert d is not None
    assert d["places"] == ["تبوك"]
    assert d["agency"] == "SPA"
    assert d["date_text"] == "14 ذو القعدة 1445 هـ الموافق 22 مايو 2024 م"


def test_reporter_outlet_place_dateline() -> None:
    r = clean_text("سعاد المالكي- المنار- أبها: افتتح أمير المنطقة معرض الكتاب.")
    d = r.dateline
    assert d is not None
    assert d["places"] == ["أبها"]
    assert d["byline"] == "سعاد المالكي - المنار"
    assert d["agency"] is None


def test_desk_label_is_not_a_place() -> None:
    d = clean_text("المنار- وكالات: أعلنت الشرطة القبض على المتهمين.").dateline
    assert d is not None and d["places"] == []


def test_running_text_is_not_a_dateline() -> None:
    assert clean_text("وقال الوزير إن وكالة رويترز نقلت الخبر بدقة.").dateline is None
    assert clean_text("وصل الوفد 19 أكتوبر 2023 إلى العاصمة.").dateline is None


def test_wire_names() -> None:
    assert canonical_wire("أ.ف.ب") == canonical_wire("فرانس برس") == "AFP"
    assert canonical_wire("د ب أ") == "dpa"
    assert canonical_wire("أسوشيتد برس") == canonical_wire("(AP)") == "AP"
    assert canonical_wire("كونا") == "KUNA"
    assert canonical_wire("ريا نوفوستي") == "RIA Novosti"
    assert wires_in("(رويترز، أ ف ب، وام)") == ["Reuters", "AFP", "WAM"]
    assert wires_in("واسط") == []


def test_headline_becomes_title_only_when_short_and_unpunctuated() -> None:
    assert clean_text(f"الحكومة تقر خطة دعم المزارعين\n{BODY}").title == "الحكومة تقر خطة دعم المزارعين"
    assert clean_text(BODY).title is None


def test_clean_article_fills_meta_and_refreshes_id() -> None:
    raw = f"الحكومة تقر خطة دعم المزارعين\n\nعمان - بترا\n{BODY}\n___\nساهم زيد علي في هذا التقرير."
    art = Article(text=raw, raw=raw, url="https://example.org/a", meta={"wires": ["AFP"]})
    old_id = art.id
    out = clean_article(art)
    assert out is art
    assert art.raw == raw
    assert "___" not in art.text and "ساهم" not in art.text
    assert art.title == "الحكومة تقر خطة دعم المزارعين"
    assert art.meta["wires"] == ["AFP", "Petra"]
    assert art.meta["contributors"] == ["زيد علي"]
    d = art.meta["dateline"]
    assert art.text[d["start"] : d["end"]] == "عمان - بترا"
    assert [r["kind"] for r in art.meta["removed"]] == ["separator", "contributors"]
    assert art.id != old_id


def test_clean_article_keeps_existing_title_and_reads_wire_from_author() -> None:
    art = Article(text=f"عنوان قصير\n{BODY}", title="عنوان الموقع", author="واس (الرياض)")
    clean_article(art)
    assert art.title == "عنوان الموقع"
    assert art.meta["wires"] == ["SPA"]


def test_invisible_noise_is_tidied_but_text_is_faithful() -> None:
    text = "قال\u00a0الوزير\u200f إن الخطة ، جاهزة.\r\nوأضاف أن التنفيذ يبدأ غدا."
    r = clean_text(text)
    assert r.text == "قال الوزير إن الخطة ، جاهزة.\nوأضاف أن التنفيذ يبدأ غدا."


def test_cleaning_is_idempotent_on_samples() -> None:
    from marsad.samples import SAMPLES_DIR

    for path in sorted(SAMPLES_DIR.glob("*.txt")):
        once = clean_text(path.read_text(encoding="utf-8"))
        twice = clean_text(once.text)
        assert twice.text == once.text, path.name
        assert twice.dateline == once.dateline, path.name


def test_tag_list_after_last_sentence() -> None:
    r = clean_text(f"{BODY}\n.\nوانتهى الحفل بالنشيد الوطني. سمات الحفل النشيد الوطني")
    assert r.text.endswith("وانتهى الحفل بالنشيد الوطني.")
    assert {"kind": "tags", "text": "سمات الحفل النشيد الوطني"} in r.removed


def test_furniture_only_page_warns() -> None:
    art = Article(text="رابط الخبر بصحيفة المنار: صور من المعرض", raw="رابط الخبر بصحيفة المنار: صور من المعرض")
    clean_article(art)
    assert art.text == ""
    assert art.meta["warnings"]


def test_content_lines_that_look_like_furniture_survive() -> None:
    text = (
        "أطلقت الشركة خدمة SMS جديدة لعملائها في المناطق النائية.\n"
        "تابعوا على مدى ثلاثة أيام فعاليات المؤتمر في قاعة المدينة.\n"
        "التصنيف الدولي للمنتخب تحسن هذا الشهر."
    )
    assert clean_text(text).text == text


def test_agency_first_dateline_on_its_own_line() -> None:
    d = clean_text("أ ف ب - سيدني\nفاز المنتخب بهدفين.").dateline
    assert d is not None and d["places"] == ["سيدني"] and d["agency"] == "AFP"


def test_sentences_citing_an_agency_are_not_datelines() -> None:
    assert clean_text("ونقلت وكالة (رويترز) للأنباء عن مسؤول قوله إن الوضع هادئ.").dateline is None
    assert clean_text("وفي فجر الأربعاء 3 رمضان 1446هـ تم ضبط القارب.").dateline is None
    assert clean_text("ثم قال - بعد صمت - أحد الحضور: لا.").dateline is None


def test_outlet_in_its_own_dateline_is_not_a_place() -> None:
    assert clean_text("المنار- جدة: افتتح المعرض.", outlet="المنار").dateline["places"] == ["جدة"]
    assert clean_text("جدة- المنار: افتتح المعرض.", outlet="المنار").dateline["places"] == ["جدة"]
    assert clean_text("سعاد المالكي- المنار: افتتح المعرض.", outlet="المنار").dateline["places"] == []


def test_cleaning_twice_keeps_the_record() -> None:
    raw = f"[ad_1]\n{BODY}\nشاركها."
    art = clean_article(Article(text=raw, raw=raw))
    first = list(art.meta["removed"])
    clean_article(art)
    assert art.meta["removed"] == first
    assert art.text == BODY

"""Coverage beyond the seed topic: capitals, nationality adjectives, organisations, groups,
name compounds, homonyms and noise, on our own sentences."""

from __future__ import annotations

import pytest

import marsad.entities.mentions as mentions
from marsad.document import Article
from marsad.entities import annotate, describe, lookup
from marsad.entities.actors import nationality_at
from marsad.segment import segment


@pytest.fixture(autouse=True)
def gazetteer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mentions, "USE_NER", False)


def _ents(text: str, published: str | None = "2024-06-02") -> dict[str, dict]:
    art = annotate(segment(Article(text=text, published=published)))
    return {art.text[s.start : s.end]: s.attrs for s in art.layers["entities"]}


@pytest.mark.parametrize(
    ("capital", "actor"),
    [
        ("مقديشو", "SOM"), ("مقديشيو", "SOM"), ("نواكشوط", "MRT"), ("نجامينا", "TCD"), ("انجامينا", "TCD"),
        ("أديس أبابا", "ETH"), ("كمبالا", "UGA"), ("بوغوتا", "COL"), ("لشبونة", "PRT"), ("طشقند", "UZB"),
    ],
)
def test_capitals_are_gpe_with_their_country(capital: str, actor: str) -> None:
    ents = _ents(f"وصل الوفد المفاوض صباح اليوم إلى {capital} في زيارة قصيرة.")
    assert ents[capital]["type"] == "GPE"
    assert ents[capital]["actor"] == actor


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("الكيني", "KEN"), ("الكينية", "KEN"), ("الصومالي", "SOM"), ("الصومالية", "SOM"), ("التشادي", "TCD"),
        ("الكوري الشمالي", "PRK"), ("الكورية الجنوبية", "KOR"), ("الجنوب أفريقي", "ZAF"), ("الإماراتي", "ARE"),
        ("الأميركية", "USA"), ("الكينيون", "KEN"), ("الصوماليين", "SOM"), ("الروس", "RUS"), ("الأتراك", "TUR"),
    ],
)
def test_nationality_adjectives_all_forms(phrase: str, country: str) -> None:
    found = nationality_at(phrase.split(), 0)
    assert found is not None and found[0] == country and found[1] == len(phrase.split())


def test_adjective_codes_titles_and_organisations() -> None:
    ents = _ents(
        "قال وزير الخارجية الكيني أوتينو كاريوكي إن وزارة الخارجية الصومالية لم ترد بعد، "
        "فيما أعلن الجيش الكيني والشرطة الصومالية والبرلمان الأوغندي والسلطات التشادية "
        "ووكالة الأنباء الموريتانية حالة التأهب."
    )
    assert ents["أوتينو كاريوكي"]["actor"] == "KENGOV"
    assert ents["وزارة الخارجية الصومالية"]["actor"] == "SOMGOV"
    assert ents["الجيش الكيني"]["actor"] == "KENMIL"
    assert ents["الشرطة الصومالية"]["actor"] == "SOMCOP"
    assert ents["البرلمان الأوغندي"]["actor"] == "UGALEG"
    assert ents["السلطات التشادية"]["actor"] == "TCDGOV"
    assert ents["وكالة الأنباء الموريتانية"]["actor"] == "MRTMED"


def test_counterpart_takes_the_adjective() -> None:
    ents = _ents("استقبل الوزير نظيره الإثيوبي تسفاي ماريام في مكتبه.")
    assert ents["تسفاي ماريام"]["country"] == "ETH"


def test_describe_plural_groups() -> None:
    assert describe("مسؤولون كينيون")["actor"] == "KENGOV"
    assert describe("الجيش الصومالي")["actor"] == "SOMMIL"


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("إيغاد", "IGO"), ("منظمة التعاون الإسلامي", "IGO"), ("إيكواس", "IGO"), ("مفوضية اللاجئين", "IGO"),
        ("اليونيسف", "IGO"), ("الأونروا", "IGO"), ("الصليب الأحمر", "NGO"), ("أطباء بلا حدود", "NGO"),
        ("الحوثيون", "YEMREB"), ("أنصار الله", "YEMREB"), ("حركة الشباب", "SOMREB"), ("داعش", "REB"),
        ("تنظيم الدولة", "REB"), ("قوات الدعم السريع", "SDNREB"), ("حزب الله", "LBNREB"),
    ],
)
def test_organisations_and_armed_groups(name: str, actor: str) -> None:
    found = lookup(name, "2024-06-02")
    assert found is not None and found["type"] == "ORG" and found["actor"] == actor


def test_dated_group_codes() -> None:
    assert lookup("حركة طالبان", "2015-07-01")["actor"] == "AFGREB"
    assert lookup("حركة طالبان", "2023-07-01")["actor"] == "AFGGOV"
    assert lookup("قوات الدعم السريع", "2020-01-01")["actor"] == "SDNMIL"


def test_youth_is_not_al_shabaab() -> None:
    ents = _ents("شارك الشباب في حملة تنظيف الشواطئ يوم السبت.")
    assert not any(a["actor"] == "SOMREB" for a in ents.values())


def test_compound_names_unify_within_and_across_articles() -> None:
    one = _ents("قال وزير الخارجية الصومالي عبد الرحمن غوليد إن الحوار مستمر. وأضاف غوليد أن بلاده تريد حلا.")
    two = _ents("التقى الرئيس الكيني بالوزير عبدالرحمن جوليد في القصر.")
    assert one["غوليد"]["entity_id"] == one["عبد الرحمن غوليد"]["entity_id"]
    assert one["عبد الرحمن غوليد"]["actor"] == "SOMGOV"
    assert two["عبدالرحمن جوليد"]["entity_id"] == one["عبد الرحمن غوليد"]["entity_id"]


def test_abu_and_ibn_spellings_share_an_id() -> None:
    from marsad.entities.mentions import id_key, same_name

    assert id_key("أبو بكر سعيدان") == id_key("ابوبكر سعيدان")
    assert id_key("خالد ابن وليد") == id_key("خالد بن وليد")
    assert same_name("عبد الله قرطاس", "عبدالله قرطاس")


def test_amman_or_oman_by_context() -> None:
    jordan = _ents("عمان (بترا) - نظم مئات المعلمين وقفة احتجاجية في عمان أمام وزارة التربية الأردنية.")
    oman = _ents("وصل وزير النفط العماني إلى عمان بعد جولة خليجية.")
    assert {a["actor"] for s, a in jordan.items() if s == "عمان"} == {"JOR"}
    assert oman["عمان"]["actor"] == "OMN"


def test_marked_spelling_decides_amman() -> None:
    ents = _ents("انطلقت القافلة من عمّان صباح الأحد.")
    assert ents["عمّان"]["entity_id"] == "gpe:amman"


def test_everyday_words_are_not_countries() -> None:
    ents = _ents("قدمت البلدية دعما مالي للأسر، وأديت صلاة المغرب في المسجد.")
    assert "مالي" not in ents and "المغرب" not in ents
    ents = _ents("أرسلت فرنسا قوات إلى مالي وشمال مالي.")
    assert ents["مالي"]["actor"] == "MLI"


def test_fuzzy_word_after_a_generic_head_is_not_a_place() -> None:
    ents = _ents("وصل المقاتلون إلى مدينة كوباني بعد معارك.")
    assert not any(a["actor"] == "DJI" for a in ents.values())


def test_buildings_are_not_people() -> None:
    ents = _ents("وقال المتحدث باسم قصر الإليزيه جان دوبوا إن الزيارة ستتم.")
    assert ents["جان دوبوا"]["type"] == "PER"
    assert not any("قصر" in s for s, a in ents.items() if a["type"] == "PER")


def test_currencies_are_not_entities() -> None:
    assert mentions._measure_phrase(["الدولار"])
    assert mentions._measure_phrase(["الجنيه", "المصري"])
    assert mentions._measure_phrase(["بالدولار", "الأمريكي"])
    assert not mentions._measure_phrase(["كأس", "العالم"])


def test_the_president_is_government_a_head_is_not() -> None:
    ents = _ents("ندد الرئيس البوروندي بيير نتاهوندي بالهجوم، وقال رئيس الشركة سامر كنعان إن الأرباح ارتفعت.")
    assert ents["بيير نتاهوندي"]["actor"] == "BDIGOV"
    assert ents["سامر كنعان"]["role"] is None

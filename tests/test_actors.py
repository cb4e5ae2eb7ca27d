"""Actor codes: dated gazetteer codes, titles and nationality adjectives."""

from __future__ import annotations

from marsad.document import Article
from marsad.entities import actor_of, annotate, lookup
from marsad.entities.actors import code_at, split_code
from marsad.segment import segment


def _entities(text: str, published: str | None = None) -> list[tuple[str, dict]]:
    art = annotate(segment(Article(text=text, published=published)))
    return [(art.text[s.start : s.end], s.attrs) for s in art.layers["entities"]]


def _attrs_of(text: str, surface: str, published: str | None = None) -> dict:
    found = [a for t, a in _entities(text, published) if t == surface]
    assert found, f"{surface!r} not found in {_entities(text, published)}"
    return found[0]


def test_code_at_picks_the_range_in_force() -> None:
    codes = (("USAGOV", "2017-01-20", "2021-01-20"), ("USA", "2021-01-20", "2025-01-20"), ("USAGOV", "2025-01-20", None))
    assert code_at(codes, "2018-06-01") == "USAGOV"
    assert code_at(codes, "2022-03-15") == "USA"
    assert code_at(codes, "2025-05-01") == "USAGOV"


def test_out_of_range_keeps_only_the_country() -> None:
    assert code_at((("RUSGOV", "2004-03-09", None),), "1999-05-01") == "RUS"
    assert code_at((("IGO", None, None),), "2020-01-01") == "IGO"


def test_a_person_whose_code_changes_with_the_article_date() -> None:
    text = "قال دونالد ترامب في تجمع انتخابي إن الاقتصاد يحتاج إلى إصلاح."
    assert _attrs_of(text, "دونالد ترامب", "2019-04-02")["actor"] == "USAGOV"
    assert _attrs_of(text, "دونالد ترامب", "2023-04-02")["actor"] == "USA"


def test_split_code() -> None:
    assert split_code("RUSGOV") == ("RUS", "GOV")
    assert split_code("IGO") == (None, "IGO")
    assert split_code("PRK") == ("PRK", None)


def test_title_and_nationality_code_an_unknown_person() -> None:
    text = "وصل وزير الخارجية البيلاروسي يفغيني كاراسيوف إلى العاصمة أمس لإجراء محادثات."
    attrs = _attrs_of(text, "يفغيني كاراسيوف", "2024-02-01")
    assert attrs["type"] == "PER"
    assert attrs["actor"] == "BLRGOV"
    assert attrs["country"] == "BLR" and attrs["role"] == "GOV"


def test_military_title_gives_mil() -> None:
    text = "وأكد الجنرال الأوكراني بوهدان كورنيتشوك أن الخطوط الأمامية صامدة."
    assert _attrs_of(text, "بوهدان كورنيتشوك", "2024-02-01")["actor"] == "UKRMIL"


def test_ministry_with_nationality_adjective() -> None:
    text = "وأعلنت وزارة الدفاع الكورية الجنوبية أن الطائرات حلقت فوق البحر، فيما التزمت الخارجية الروسية الصمت."
    ents = dict(_entities(text, "2024-06-01"))
    assert ents["وزارة الدفاع الكورية الجنوبية"]["actor"] == "KORGOV"
    assert ents["الخارجية الروسية"]["actor"] == "RUSGOV"


def test_foreign_ministry_long_and_short_forms_share_an_id() -> None:
    a = _attrs_of("قالت وزارة الخارجية الروسية إن الزيارة ناجحة.", "وزارة الخارجية الروسية")
    b = _attrs_of("وأوضحت الخارجية الروسية في بيان أن الزيارة ناجحة.", "الخارجية الروسية")
    assert a["entity_id"] == b["entity_id"]


def test_capitals_and_institutions_carry_their_country() -> None:
    text = "ردت موسكو على تصريحات البيت الأبيض، بينما التزم البنتاغون الصمت ونقلت وكالة تاس الخبر."
    ents = dict(_entities(text, "2024-06-01"))
    assert ents["موسكو"]["type"] == "GPE" and ents["موسكو"]["actor"] == "RUS"
    assert ents["البيت الأبيض"]["actor"] == "USAGOV"
    assert ents["البنتاغون"]["actor"] == "USAMIL"
    assert ents["وكالة تاس"]["actor"] == "RUSMED"
    assert not any(t == "بينما" for t in ents)


def test_lookup_and_actor_of() -> None:
    assert lookup("وزارة الخارجية الروسية")["actor"] == "RUSGOV"
    assert lookup("وكالة تاس")["actor"] == "RUSMED"
    assert lookup("مجلس الأمن الدولي")["actor"] == "IGO"
    assert actor_of("per:sergei-lavrov", "2023-10-19") == "RUSGOV"
    assert actor_of("لافروف", "2023-10-19") == "RUSGOV"
    assert lookup("كلام عادي بلا أسماء") is None


def test_describe_codes_descriptions_without_names() -> None:
    from marsad.entities import describe

    assert describe("المتحدث باسم الكرملين")["actor"] == "RUSGOV"
    assert describe("مسؤولون أمريكيون")["actor"] == "USAGOV"
    assert describe("رئيس الوزراء الياباني")["actor"] == "JPNGOV"
    assert describe("الجيش الأوكراني")["actor"] == "UKRMIL"
    assert describe("سكان محليون")["actor"] is None


def test_syrian_and_saudi_adjectives_code_titles() -> None:
    text = "وقال وزير الإعلام السوري رامز حداد إن الطريق أعيد فتحه، ورحب المسؤول السعودي بالخطوة."
    assert _attrs_of(text, "رامز حداد", "2024-02-01")["actor"] == "SYRGOV"


def test_a_former_office_holder_keeps_only_the_country() -> None:
    text = "وانتقد الرئيس الأمريكي السابق دونالد ترامب القرار في خطاب أمام أنصاره."
    assert _attrs_of(text, "دونالد ترامب", "2022-06-01")["actor"] == "USA"
    other = "وقال رئيس الوزراء الكندي السابق ماثيو دوبريه إن الاتفاق مفيد."
    assert _attrs_of(other, "ماثيو دوبريه", "2022-06-01")["actor"] == "CAN"

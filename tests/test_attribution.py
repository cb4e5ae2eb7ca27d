"""Attribution on our own Arabic sentences: cues, speakers, quotes, sources, polarity."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.attribution import annotate
from marsad.attribution.cues import match_cue
from marsad.document import Article, Span
from marsad.segment import segment


def _entity(text: str, surface: str, label: str, name_en: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return Span(pos, pos + len(surface), label, {"entity_id": name_en.lower().replace(" ", "_"), "name": surface,
                                                  "name_en": name_en, "type": label})


def analyze(text: str, wires: list[str] | None = None, entities: list[tuple[str, str, str]] | None = None) -> Article:
    art = Article(text=text, meta={"wires": wires or []})
    segment(art)
    if entities:
        art.layers["entities"] = [_entity(text, surface, label, name_en) for surface, label, name_en in entities]
    annotate(art)
    assert "warnings" not in art.meta, art.meta.get("warnings")
    return art


def statements(art: Article) -> list[dict[str, Any]]:
    return [s.to_dict(art.text) for s in art.layer("statements")]


def only(art: Article) -> dict[str, Any]:
    found = statements(art)
    assert len(found) == 1, [s["text"] for s in found]
    return found[0]


# --- cue families ---------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "lemma", "content_start"),
    [
        ("فيما قال المحافظ إن الطرق المغلقة ستفتح غدا.", "قال", "إن الطرق"),
        ("وأكدت الوزارة أن الامتحانات ستجرى في موعدها.", "أكد", "أن الامتحانات"),
        ("وأعلن الجيش أنه أحبط محاولة تسلل على الحدود الشمالية.", "أعلن", "أنه أحبط"),
        ("وأوضح مدير المستشفى أن حالة المصابين مستقرة.", "أوضح", "أن حالة"),
        ("وصرح رئيس البلدية بأن أعمال الصيانة ستنتهي قريبا.", "صرح", "بأن أعمال"),
        ("وحذر الخبير الاقتصادي من أن الأسعار قد ترتفع مجددا.", "حذر", "من أن"),
        ("وشدد النائب على أن القانون يجب أن يطبق على الجميع.", "شدد", "على أن"),
        ("وأشار التقرير إلى أن البطالة تراجعت بنسبة طفيفة.", "أشار", "إلى أن"),
        ("ويقول المزارعون إن الموسم كان صعبا هذا العام.", "قال", "إن الموسم"),
        ("ورأى المحلل السياسي أن الانتخابات المقبلة ستكون حاسمة.", "رأى", "أن الانتخابات"),
        ("واعتبر الحزب أن القرار خطوة في الاتجاه الصحيح.", "اعتبر", "أن القرار"),
        ("وكشف مصدر مطلع أن المفاوضات ستستأنف الأسبوع المقبل.", "كشف", "أن المفاوضات"),
        ("ولفت الباحث إلى أن الدراسة شملت ألف أسرة.", "لفت", "إلى أن"),
        ("ورجحت مصادر دبلوماسية أن يعقد الاجتماع في جنيف.", "رجح", "أن يعقد"),
        ("وقـــال الوزيرُ إنّ الخطة ستطبق تدريجيا.", "قال", "إنّ الخطة"),
    ],
)
def test_speech_verb_families(sentence: str, lemma: str, content_start: str) -> None:
    st = only(analyze(sentence))
    assert st["cue"]["lemma"] == lemma
    assert st["content"]["text"].startswith(content_start)
    assert st["polarity"] == "asserts"
    assert st["direct"] is False


def test_cue_forms_cover_prefixes_and_agreement() -> None:
    assert match_cue("وقالت").gender == "f"  # type: ignore[union-attr]
    assert match_cue("فقال").verb.lemma == "قال"  # type: ignore[union-attr]
    assert match_cue("قالوا").plural  # type: ignore[union-attr]
    assert match_cue("مضيفا").kind == "participle"  # type: ignore[union-attr]
    assert match_cue("قايلا").verb.lemma == "قال"  # type: ignore[union-attr]  # normalized قائلا
    assert match_cue("الطاولة") is None


def test_nominal_cues_sit_between_speaker_and_content() -> None:
    st = only(analyze("وقالت الوزارة في بيان إن المساعدات وصلت إلى المخيمات."))
    assert st["speaker"]["text"] == "الوزارة"
    assert st["content"]["text"].startswith("إن المساعدات")
    assert st["cue"]["medium"] == "بيان"
    st = only(analyze("وقال الرئيس خلال كلمة ألقاها أمام البرلمان إن الإصلاحات مستمرة."))
    assert st["speaker"]["text"] == "الرئيس"


def test_continuation_participle_carries_the_speaker() -> None:
    found = statements(analyze("وقال الوزير إن الشركة تأخرت في التنفيذ، مضيفا أن العقود ستراجع بالكامل."))
    assert [s["cue"]["lemma"] for s in found] == ["قال", "أضاف"]
    assert found[0]["content"]["text"] == "إن الشركة تأخرت في التنفيذ"
    assert found[1]["speaker"]["text"] == "الوزير"
    assert found[1]["speaker"]["how"] == "continuation"


def test_embedded_verb_stays_inside_the_content() -> None:
    st = only(analyze('وقالت الوزارة إن الحكومة تعتبر الهجوم "عملا إرهابيا مدانا".'))
    assert st["content"]["text"].endswith('"عملا إرهابيا مدانا"')
    assert st["direct"] is True


# --- quotations -----------------------------------------------------------

def test_direct_quote_with_guillemets() -> None:
    st = only(analyze("وقال وزير المالية أحمد سامي: «سنخفض العجز خلال العامين المقبلين»."))
    assert st["direct"] is True
    assert st["content"]["text"] == "«سنخفض العجز خلال العامين المقبلين»"
    assert "أحمد سامي" in st["speaker"]["text"]


def test_multi_sentence_quote_is_one_content() -> None:
    st = only(analyze('وقالت الوزيرة هدى منصور "الموازنة جاهزة. سنعرضها على البرلمان الأسبوع المقبل".'))
    assert "الموازنة جاهزة. سنعرضها" in st["content"]["text"]
    assert st["direct"] is True


def test_quoted_fragment_in_reported_speech_is_direct() -> None:
    st = only(analyze('وقال رئيس الوزراء إن الحكومة ترحب "بكل مبادرة جادة" لإنهاء الأزمة.'))
    assert st["direct"] is True
    assert st["content"]["text"].startswith("إن الحكومة ترحب")


def test_unbalanced_quote_marks_are_recovered() -> None:
    st = only(analyze('وأضاف المتحدث "لن نقبل بأي شروط مسبقة من أي طرف'))
    assert st["direct"] is True
    assert "لن نقبل" in st["content"]["text"]
    for junk in ("", "«««", '"', "” قال “", "قال", "وقال إن", "\n\n«"):
        analyze(junk)  # never raises, never warns


def test_post_posed_attribution_with_named_speaker_and_source() -> None:
    art = analyze("“سنواصل دعم المزارعين في كل المحافظات” ، قال الوزير خالد العمري ، وفقًا لوكالة الأنباء الرسمية.")
    st = only(art)
    assert st["content"]["text"] == "“سنواصل دعم المزارعين في كل المحافظات”"
    assert "خالد العمري" in st["speaker"]["text"]
    assert st["speaker"]["how"] == "post-posed"
    assert st["reported_by"][0]["kind"] == "agency"
    assert "وكالة الأنباء الرسمية" in st["reported_by"][0]["name"]


def test_post_posed_pronoun_takes_the_previous_speaker() -> None:
    art = analyze("وقال وزير الخارجية سليم حداد إن المحادثات كانت مثمرة.\n"
                  "“نأمل أن نصل إلى اتفاق قريبا” ، قال ، وفقا لصحيفة الغد.")
    first, second = statements(art)
    assert second["speaker"]["text"] == first["speaker"]["text"]
    assert second["speaker"]["how"] == "pronoun"
    assert second["reported_by"][0]["kind"] == "media"


def test_quoted_sentences_before_their_attribution() -> None:
    art = analyze("“الاقتصاد يتعافى ببطء. وسنرى النتائج قريبا. وقال الوزير الأول: “لكن الطريق ما زال طويلا”.")
    found = statements(art)
    assert len(found) == 2
    assert "الاقتصاد يتعافى" in found[0]["content"]["text"]
    assert found[0]["speaker"]["text"] == found[1]["speaker"]["text"] == "الوزير الأول"
    assert all(s["direct"] for s in found)


# --- speakers -------------------------------------------------------------

def test_verb_subject_linked_to_entity() -> None:
    text = "وقال وزير الخارجية الإيطالي ماركو بيانكي إن روما تدعم الحوار."
    st = only(analyze(text, entities=[("ماركو بيانكي", "PER", "Marco Bianchi"), ("روما", "GPE", "Rome")]))
    sp = st["speaker"]
    assert sp["resolved"] is True
    assert sp["name_en"] == "Marco Bianchi"
    assert sp["text"].endswith("ماركو بيانكي")


def test_subject_before_verb_with_coordination() -> None:
    text = "الجزائر وتونس أعلنتا أنهما ستفتحان المعبر الحدودي."
    st = only(analyze(text, entities=[("الجزائر", "GPE", "Algeria"), ("تونس", "GPE", "Tunisia")]))
    assert st["speaker"]["text"] == "الجزائر وتونس"
    assert st["speaker"]["how"] == "pre-subject"


def test_spokesperson_of_an_organisation_resolves_to_it() -> None:
    text = "وقال متحدث باسم وزارة الصحة التونسية إن الوباء تحت السيطرة."
    st = only(analyze(text, entities=[("وزارة الصحة التونسية", "ORG", "Tunisian Ministry of Health")]))
    assert st["speaker"]["name_en"] == "Tunisian Ministry of Health"
    assert st["speaker"]["role"] == "spokesperson"


def test_title_chain_prefers_the_person() -> None:
    text = "وقال المتحدث باسم الحكومة نبيل العلي، إن الرواتب ستصرف في موعدها."
    st = only(analyze(text, entities=[("الحكومة", "ORG", "Government"), ("نبيل العلي", "PER", "Nabil al-Ali")]))
    assert st["speaker"]["name_en"] == "Nabil al-Ali"


def test_feminine_pronoun_skips_a_masculine_speaker() -> None:
    art = analyze("وقالت وزيرة الخارجية سلمى الحسن إن الزيارة كانت ناجحة. "
                  "وقال نظيرها الإسباني إن البلدين يتعاونان في مجالات كثيرة. "
                  "وأكدت أن بلادها تدعم المبادرة.")
    found = statements(art)
    assert len(found) == 3
    assert found[2]["speaker"]["how"] == "pronoun"
    assert "سلمى الحسن" in found[2]["speaker"]["text"]


def test_continuation_verb_across_sentences() -> None:
    found = statements(analyze("وقال رئيس الوزراء إن الانتخابات ستجرى في موعدها. وأضاف أن المراقبين مرحب بهم."))
    assert found[1]["speaker"]["text"] == "رئيس الوزراء"
    assert found[1]["speaker"]["how"] == "continuation"


def test_bare_title_resolves_through_earlier_mention() -> None:
    text = "استقبل الرئيس الكيني جون موانجي وفدا تجاريا. وقال الرئيس الكيني إن التجارة ستتضاعف."
    st = only(analyze(text, entities=[("جون موانجي", "PER", "John Mwangi")]))
    assert st["speaker"]["name_en"] == "John Mwangi"
    assert st["speaker"]["text"] == "الرئيس الكيني"


def test_unresolvable_pronoun_keeps_the_cue_text() -> None:
    st = only(analyze("وقال إن الأمطار ستستمر حتى نهاية الأسبوع."))
    assert st["speaker"]["resolved"] is False
    assert st["speaker"]["text"] == "وقال"
    assert st["speaker"]["how"] == "unresolved"


def test_noun_phrase_that_only_contains_a_name_is_not_the_speaker() -> None:
    text = "وقالت وزيرة الثقافة ليلى حداد إن المهرجان سيقام. وأكدت مجددا دعم عمّان “للفنانين الشباب في كل المدن”."
    found = statements(analyze(text, entities=[("ليلى حداد", "PER", "Layla Haddad"), ("عمّان", "GPE", "Amman")]))
    assert found[1]["speaker"]["name_en"] == "Layla Haddad"
    assert found[1]["direct"] is True


# --- sources --------------------------------------------------------------

def test_nested_sources_innermost_first_then_wires() -> None:
    art = analyze("وقال الوزير إن الهدنة صامدة، بحسب وكالة الأنباء الرسمية، حسبما نقلت رويترز.", wires=["AFP"])
    st = only(art)
    names = [r["name"] for r in st["reported_by"]]
    assert names[0].startswith("وكالة الأنباء الرسمية")
    assert names[1] == "رويترز"
    assert names[-1] == "AFP" and st["reported_by"][-1]["kind"] == "wire"
    assert st["content"]["text"] == "إن الهدنة صامدة"


def test_agency_as_speaker_and_transmitted_source() -> None:
    st = only(analyze("وذكرت صحيفة الأيام أن المجلس سيجتمع غدا."))
    assert st["speaker"]["text"] == "صحيفة الأيام"
    st = only(analyze("وأعلن المرصد أن الاشتباكات توقفت، نقلا عن مصادر محلية."))
    assert st["reported_by"][0]["kind"] == "official"


def test_source_is_the_website_of_a_ministry() -> None:
    st = only(analyze('وقال الوزير وفقا لنص الكلمة الذي نشر على موقع وزارة الإعلام: "نحن ملتزمون بحرية الصحافة".'))
    src = st["reported_by"][0]
    assert src["kind"] == "website"
    assert "وزارة الإعلام" in src["name"]
    assert st["speaker"]["text"] == "الوزير"
    assert st["direct"] is True


def test_according_to_a_person_makes_them_the_speaker() -> None:
    st = only(analyze("ارتفعت أسعار الخبز في العاصمة بنسبة كبيرة، حسبما قال رئيس نقابة الخبازين."))
    assert "رئيس نقابة الخبازين" in st["speaker"]["text"]
    assert st["content"]["text"].startswith("ارتفعت أسعار الخبز")


def test_footage_is_a_source_but_not_a_speaker() -> None:
    assert statements(analyze("وانضم الوزير إلى الاجتماع، على ما أظهرت مشاهد بثها التلفزيون الرسمي.")) == []
    st = only(analyze('وقال الوزير "نحن مستعدون للحوار" على ما أظهرت مشاهد بثها التلفزيون الرسمي.'))
    assert st["reported_by"][0]["kind"] == "tv"
    assert st["content"]["text"] == '"نحن مستعدون للحوار"'


def test_source_on_a_continuation_covers_the_block() -> None:
    found = statements(analyze("وأكد الرئيس أن الحوار هو الطريق الوحيد.\nوقال إن بلاده مستعدة للتفاوض، وفقا للوكالة الرسمية."))
    assert found[1]["reported_by"][0]["kind"] == "agency"
    assert found[0]["reported_by"][0]["name"] == found[1]["reported_by"][0]["name"]


# --- polarity -------------------------------------------------------------

def test_polarity() -> None:
    assert only(analyze("ونفت الشركة أن تكون قد تلقت أي إنذار مسبق."))["polarity"] == "denies"
    assert only(analyze("ورفض المتحدث الاتهامات الموجهة إلى الحكومة."))["polarity"] == "denies"
    assert statements(analyze("ورفض اللاعب العرض المقدم من النادي.")) == []
    assert only(analyze("وقال المدرب إن الفريق جاهز."))["polarity"] == "asserts"


def test_offsets_point_into_the_display_text() -> None:
    text = "مقدمة قصيرة.\nوقال الوزير إن الخطة جاهزة، مضيفا: «سنبدأ التنفيذ فورا»."
    art = analyze(text)
    for st in statements(art):
        c = st["content"]
        assert text[c["start"] : c["end"]] == c["text"]
        cue = st["cue"]
        assert text[cue["start"] : cue["end"]] == cue["text"]
        assert st["start"] <= min(c["start"], cue["start"]) and st["end"] >= c["end"]


# --- more speaker and source patterns -------------------------------------

def test_transmitted_speech_names_speaker_and_source() -> None:
    st = only(analyze("ونقلت صحيفة الوطن عن مسؤول في البلدية قوله إن المشروع سيكتمل قريبا."))
    assert "مسؤول في البلدية" in st["speaker"]["text"]
    assert st["reported_by"][0]["kind"] == "media"
    found = statements(analyze("وقال المحافظ إن الطرق آمنة.\nونقلت عنه إذاعة المدينة قوله: «لا داعي للقلق على الإطلاق»."))
    assert found[1]["speaker"]["text"] == "المحافظ"
    assert found[1]["reported_by"][0]["kind"] == "tv"


def test_quoted_name_right_after_the_verb() -> None:
    st = only(analyze('وقال "سامر الحلبي" مدرب الفريق: إن اللاعبين جاهزون للمباراة.'))
    assert st["speaker"]["text"].startswith("سامر الحلبي")
    assert st["content"]["text"].startswith("إن اللاعبين")


def test_title_with_only_a_place_is_not_that_place() -> None:
    text = "وقال أمير منطقة الجوف إن المهرجان سيستمر أسبوعا."
    st = only(analyze(text, entities=[("منطقة الجوف", "GPE", "Al Jawf Region")]))
    assert st["speaker"]["resolved"] is False
    assert st["speaker"]["affiliation"]["name_en"] == "Al Jawf Region"


def test_writer_asides_and_legal_phrases_are_not_statements() -> None:
    assert statements(analyze("يذكر أن المدينة استضافت البطولة ذاتها قبل عامين.")) == []
    st = only(analyze("وأعلنت الهيئة أن الرسوم ستخفض، وفقا للقانون الجديد."))
    assert all(r["kind"] == "wire" for r in st["reported_by"])


def test_directives_and_questions_have_no_polarity() -> None:
    assert only(analyze("ودعا الأمين العام إلى وقف فوري لإطلاق النار."))["polarity"] is None
    assert only(analyze("وتساءل النائب ثم قال: «من سيدفع ثمن هذا القرار؟»"))["polarity"] is None


def test_long_quoted_institution_name_is_not_the_content() -> None:
    st = only(analyze('وأكد سامي نجار من معهد "الدراسات الاقتصادية والمالية الحديثة" أن الأسعار ستستقر.'))
    assert st["content"]["text"] == "أن الأسعار ستستقر"


def test_also_said() -> None:
    st = only(analyze("كما أكد المدير التنفيذي أن الشركة ستوظف مئتي مهندس."))
    assert st["speaker"]["text"] == "المدير التنفيذي"


def test_participle_after_an_unlisted_verb_takes_the_sentence_subject() -> None:
    text = "وهنأ المحافظ سامر العلي الفائزين بالجوائز. مبينا أن المسابقة ستتكرر كل عام."
    st = only(analyze(text, entities=[("سامر العلي", "PER", "Samer al-Ali")]))
    assert st["speaker"]["name_en"] == "Samer al-Ali"
    assert st["speaker"]["how"] == "continuation"


def test_fenced_subjects() -> None:
    st = only(analyze("وكان رئيس الجمعية في المدينة قد أعلن أن التسجيل سيبدأ الأحد."))
    assert st["speaker"]["text"] == "رئيس الجمعية في المدينة"
    st = only(analyze("أما نقابة المعلمين، فأكدت أن الإضراب مستمر."))
    assert st["speaker"]["text"] == "نقابة المعلمين"
    st = only(analyze('وأوضحت لـ"الصباح" مصادر مطلعة أن الاتفاق بات قريبا.'))
    assert st["speaker"]["text"] == "مصادر مطلعة"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("وقال الوزير إن المعبر سيفتح غدا، وفقا لما قالته الوكالة الرسمية.", "agency"),
        ("وقال الوزير إن المعبر سيفتح غدا، حسبما ذكرت صحيفة النهار.", "media"),
        ("وقال الوزير إن المعبر سيفتح غدا، وفق ما أوردت قناة الشرق.", "tv"),
        ("وقال الوزير إن المعبر سيفتح غدا، بحسب ما نقل موقع الأخبار المحلية.", "website"),
        ("وقال الوزير إن المعبر سيفتح غدا، نقلاً عن مصادر في الوزارة.", "official"),
        ("وقال الوزير إن المعبر سيفتح غدا، وفقاً لبيان وزارة النقل.", "ministry"),
    ],
)
def test_source_markers(sentence: str, kind: str) -> None:
    st = only(analyze(sentence))
    assert st["content"]["text"] == "إن المعبر سيفتح غدا"
    assert st["reported_by"][0]["kind"] == kind

"""General attribution patterns found by our own evaluation set, on fresh sentences written for these tests."""

from __future__ import annotations

from test_attribution import analyze, statements


def _by_content(art, needle: str) -> dict:
    hits = [s for s in statements(art) if needle in s["content"]["text"]]
    assert hits, [s["content"]["text"] for s in statements(art)]
    return hits[0]


def test_anonymity_aside_does_not_cut_the_statement() -> None:
    art = analyze("وقال ضابط في الشرطة ، رفض الكشف عن اسمه ، إن الدوريات ستتضاعف في الأحياء الشرقية.")
    st = _by_content(art, "الدوريات ستتضاعف")
    assert st["speaker"]["text"].startswith("ضابط")
    art = analyze("وقالت مصادر قضائية ، طلبت عدم ذكر اسمها ، إن المحاكمة ستستأنف الأحد.")
    assert "مصادر قضائية" in _by_content(art, "المحاكمة ستستأنف")["speaker"]["text"]


def test_medium_before_the_verb_reports_the_speaker_after_an() -> None:
    art = analyze("وكانت مجلة \"لو بوان\" قد نقلت عن دبلوماسيين فرنسيين قولهم إن باريس ستعيد فتح سفارتها.")
    st = _by_content(art, "باريس ستعيد فتح سفارتها")
    assert st["speaker"]["text"] == "دبلوماسيين فرنسيين"
    assert any("لو بوان" in (r.get("text") or "") for r in st["reported_by"])


def test_pronoun_cue_takes_the_previous_sentence_subject_with_matching_gender() -> None:
    text = "زارت وزيرة الصحة سعاد العلي مستشفى الجامعة صباح اليوم. وقالت إن الوزارة ستوفر أجهزة تنفس جديدة."
    art = analyze(text, entities=[("سعاد العلي", "PER", "Suad Al-Ali")])
    assert _by_content(art, "ستوفر أجهزة")["speaker"]["name_en"] == "Suad Al-Ali"
    text = "زار وزير النقل سمير داود الميناء صباح اليوم. وقالت إن الأعمال ستنتهي قريبا."
    art = analyze(text, entities=[("سمير داود", "PER", "Samir Daoud")])
    assert _by_content(art, "الأعمال ستنتهي")["speaker"]["name_en"] != "Samir Daoud"


def test_addressee_between_subject_and_object() -> None:
    text = "ودعا رئيس البرلمان نبيل حداد الكتل النيابية إلى التصويت على الموازنة."
    art = analyze(text, entities=[("نبيل حداد", "PER", "Nabil Haddad")])
    st = _by_content(art, "إلى التصويت على الموازنة")
    assert st["speaker"]["name_en"] == "Nabil Haddad"


def test_participle_with_a_nominal_object() -> None:
    text = "قال الرئيس كمال منصور إن الحوار هو الطريق الوحيد ، متهما المعارضة بتعطيل المؤسسات."
    art = analyze(text, entities=[("كمال منصور", "PER", "Kamal Mansour")])
    st = _by_content(art, "المعارضة بتعطيل المؤسسات")
    assert st["speaker"]["name_en"] == "Kamal Mansour"


def test_chained_source_clause_makes_the_inner_source_the_speaker() -> None:
    art = analyze("تراجعت صادرات القمح بنسبة عشرين في المئة ، حسبما ذكرت وكالة \"بلومبرغ\" نقلا عن مسؤول تجاري.")
    st = _by_content(art, "تراجعت صادرات القمح")
    assert st["speaker"]["text"] == "مسؤول تجاري"
    assert any("بلومبرغ" in (r.get("text") or "") for r in st["reported_by"])


def test_definite_mention_takes_up_the_unnamed_source() -> None:
    art = analyze("كشف مصدر حكومي أن التعديل الوزاري سيعلن الأسبوع المقبل. وأوضح المصدر أن ثلاث حقائب ستتغير.")
    st = _by_content(art, "ثلاث حقائب ستتغير")
    assert st["speaker"].get("antecedent") == "مصدر حكومي"


def test_statement_and_report_issuers() -> None:
    art = analyze("أكدت الهيئة في بيان أن الانتخابات ستجرى في موعدها. وأضاف البيان أن مراكز الاقتراع جاهزة.")
    assert "الهيئة" in _by_content(art, "مراكز الاقتراع جاهزة")["speaker"]["text"]
    art = analyze("أشار تقرير صادر عن منظمة العمل الدولية إلى أن البطالة ارتفعت بين الشباب.")
    assert "منظمة العمل الدولية" in _by_content(art, "البطالة ارتفعت")["speaker"]["text"]


def test_spaced_stray_quote_still_makes_the_statement_direct() -> None:
    art = analyze("وصرح المحافظ لصحيفة محلية بأن \" المياه ستعود إلى الأحياء كلها خلال يومين .")
    assert _by_content(art, "المياه ستعود")["direct"] is True


def test_non_statements() -> None:
    assert statements(analyze("أعلنت البلدية الحداد ثلاثة أيام على ضحايا الحريق.")) == []
    assert statements(analyze("وتشير التقديرات إلى أن المحصول سيتراجع هذا العام.")) == []
    assert statements(analyze("وتقع القرية قرب ضريح علي بن أبي طالب في النجف.")) == []
    art = analyze("نفت الشركة الاتهامات الموجهة إليها ، ووصفتها بأنها \"حملة تشويه مغرضة\".")
    st = _by_content(art, "الاتهامات")
    assert st["polarity"] == "denies" and "حملة تشويه" not in st["content"]["text"]

"""Events stage: triggers, arguments, context and dates on our own Arabic sentences."""

from __future__ import annotations

from marsad.document import Article, Span
from marsad.events import annotate
from marsad.events.ontology import EVENT_TYPES, plover_for_cameo
from marsad.events.triggers import match_tokens, verb_forms
from marsad.segment import segment, tokenize

# surface -> (label, actor code)
ACTORS = {
    "مصر": ("GPE", "EGY"),
    "إثيوبيا": ("GPE", "ETH"),
    "السعودية": ("GPE", "SAU"),
    "العراق": ("GPE", "IRQ"),
    "المغرب": ("GPE", "MAR"),
    "الجزائر": ("GPE", "DZA"),
    "تركيا": ("GPE", "TUR"),
    "اليونان": ("GPE", "GRC"),
    "فرنسا": ("GPE", "FRA"),
    "إيران": ("GPE", "IRN"),
    "إسرائيل": ("GPE", "ISR"),
    "الأردن": ("GPE", "JOR"),
    "عمّان": ("GPE", "JOR"),
    "القاهرة": ("GPE", "EGY"),
    "الرباط": ("GPE", "MAR"),
    "كينيا": ("GPE", "KEN"),
    "الصومال": ("GPE", "SOM"),
    "نيروبي": ("GPE", "KEN"),
    "وزير الخارجية المصري سامح شكري": ("PER", "EGYGOV"),
    "رئيس الوزراء الأردني": ("PER", "JORGOV"),
    "الرئيس الكيني": ("PER", "KENGOV"),
}


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether a match is part of a longer word ("إيران" in "إيرانية"); a leading clitic is allowed."""
    after = text[end : end + 1]
    before = text[max(0, start - 1) : start]
    return (after.isalpha()) or (before.isalpha() and before not in "وبلف")


WIRE_SOURCE = [{"name": "وكالة الأنباء", "kind": "agency"}]


def article(text: str, published: str = "2021-03-10", timexes: dict[str, str] | None = None,
            statements: list[tuple[str, str, str]] | None = None,
            actors: dict[str, tuple[str, str]] | None = None,
            reported_by: list[dict[str, str]] | None = None) -> Article:
    """An Article with entity, timex and statement layers placed on the given surfaces."""
    actors = ACTORS if actors is None else actors
    reported_by = WIRE_SOURCE if reported_by is None else reported_by
    art = Article(text=text, published=published, outlet="test")
    segment(art)
    ents: list[Span] = []
    taken: list[tuple[int, int]] = []
    for surface, (label, code) in sorted(actors.items(), key=lambda kv: -len(kv[0])):
        start = 0
        while (pos := text.find(surface, start)) >= 0:
            end = pos + len(surface)
            start = end
            if any(a < end and pos < b for a, b in taken) or _inside_word(text, pos, end):
                continue
            taken.append((pos, end))
            ents.append(Span(pos, end, label, {"name": surface, "entity_id": surface, "actor": code,
                                               "country": code[:3]}))
    art.set_layer("entities", ents)
    times = []
    for surface, value in (timexes or {}).items():
        pos = text.find(surface)
        gran = "day" if len(value) == 10 else ("month" if len(value) == 7 else "year")
        times.append(Span(pos, pos + len(surface), "TIMEX", {"kind": "date", "value": value, "granularity": gran}))
    art.set_layer("timexes", times)
    stmts = []
    for speaker, code, content in statements or []:
        pos = text.find(content)
        stmts.append(Span(pos, pos + len(content), "STATEMENT", {
            "speaker": {"name": speaker, "actor": code, "entity_id": speaker},
            "content": {"start": pos, "end": pos + len(content), "text": content},
            "reported_by": list(reported_by),
        }))
    art.set_layer("statements", stmts)
    return art


def events(text: str, **kw: object) -> list[dict]:
    art = annotate(article(text, **kw))  # type: ignore[arg-type]
    return [s.attrs for s in art.layer("events")]


def codes(ev: dict) -> tuple[str, str | None, str | None]:
    src = (ev.get("source") or {}).get("actor")
    tgt = (ev.get("target") or {}).get("actor")
    return ev["type"], src[:3] if src else None, tgt[:3] if tgt else None


def types_of(words: str) -> list[tuple[str, str]]:
    toks = [t.text for t in tokenize(words)]
    return [(toks[m.index], m.trigger.type) for m in match_tokens(toks)]


# --- triggers -------------------------------------------------------------------------


def test_ontology_has_sixteen_types_and_cameo_mapping() -> None:
    assert len(EVENT_TYPES) == 16
    assert plover_for_cameo("0234") == "REQUEST"
    assert plover_for_cameo("112") == "ACCUSE"
    assert plover_for_cameo("051") == "SUPPORT"
    assert plover_for_cameo("190") == "ASSAULT"
    assert plover_for_cameo("010") is None


def test_verb_conjugations_are_generated() -> None:
    forms = verb_forms("التقى", "يلتقي")
    for f in ("التقي", "التقت", "التقوا", "التقاه", "يلتقي", "تلتقي", "يلتقون", "نلتقي"):
        assert f in forms, f
    assert {"دعت", "دعوا", "يدعو", "يدعون"} <= verb_forms("دعا", "يدعو")


def test_triggers_match_across_clitics_and_conjugations() -> None:
    found = types_of("وسيلتقي الوزيران ثم التقت الوفود والتقاه السفير بعد المحادثات وللقاء الثاني")
    assert [t for _, t in found] == ["CONSULT"] * 5
    assert types_of("واتهمتها الحكومة") == [("واتهمتها", "ACCUSE")]
    assert types_of("ستساعد الدولة جارتها") == [("ستساعد", "AID")]


def test_clitic_and_ta_marbuta_do_not_make_false_verbs() -> None:
    # بايدن is a name, not ب + أيّدن; وزارة is a ministry, not زار + ه.
    assert types_of("قالت إدارة بايدن إن وزارة الدفاع سترد") == []


def test_required_objects_decide_the_type() -> None:
    assert types_of("فرضت الحكومة عقوبات جديدة") == [("فرضت", "SANCTION")]
    assert types_of("فرضت الظروف واقعا جديدا") == []
    assert types_of("أطلقت الطائرات صواريخ على المواقع") == [("أطلقت", "ASSAULT")]
    assert types_of("أطلقت السلطات سراح المعتقلين") == [("أطلقت", "RETREAT")]
    assert types_of("استخدمت الدولة حق النقض ضد القرار") == [("استخدمت", "REJECT")]
    assert types_of("ودعا الخطيب الله أن يحفظ البلاد") == []  # a prayer, not a request


# --- arguments -------------------------------------------------------------------------


def test_vso_source_and_object() -> None:
    evs = events("اتهمت مصر إثيوبيا بتعطيل المفاوضات حول السد.")
    assert codes(evs[0]) == ("ACCUSE", "EGY", "ETH")


def test_svo_source_and_prepositional_target() -> None:
    evs = events("المغرب حث الجزائر على إعادة فتح الحدود البرية.")
    assert codes(evs[0]) == ("REQUEST", "MAR", "DZA")
    evs = events("وزير الخارجية المصري سامح شكري يلتقي رئيس الوزراء الأردني في عمّان.")
    assert codes(evs[0]) == ("CONSULT", "EGY", "JOR")
    assert evs[0]["place"]["name"] == "عمّان"


def test_reporting_clause_is_not_the_subject() -> None:
    evs = events("قالت فرنسا إن تركيا هاجمت مواقع في شمال العراق.")
    assault = [e for e in evs if e["type"] == "ASSAULT"][0]
    assert codes(assault)[1] == "TUR"


def test_bare_trigger_without_actors_gives_no_event() -> None:
    assert events("انتهت المحادثات بعد ساعتين دون نتيجة تذكر.") == []
    assert events("وقع هجوم في سوق شعبي مساء أمس.") == []


def test_meeting_needs_two_sides() -> None:
    assert events("عقدت مصر اجتماعا مطولا أمس.") == []


def test_noun_trigger_with_genitive_source_and_target_after_preposition() -> None:
    evs = events("وجاءت زيارة الرئيس الكيني إلى الصومال بعد أسابيع من التوتر.")
    assert codes(evs[0]) == ("CONSULT", "KEN", "SOM")


def test_denial_targets_the_accuser() -> None:
    text = "اتهمت مصر إثيوبيا بملء السد دون اتفاق. ونفت إثيوبيا ذلك بشدة."
    evs = events(text)
    reject = [e for e in evs if e["type"] == "REJECT"][0]
    assert codes(reject) == ("REJECT", "ETH", "EGY")


def test_first_person_statement_makes_the_speaker_the_source() -> None:
    content = "نحن ندعم المغرب في جهوده"
    evs = events(f"وقال الرئيس إن \"{content}\".", statements=[("الرئيس الفرنسي", "FRAGOV", content)])
    assert codes(evs[0]) == ("SUPPORT", "FRA", "MAR")
    # the speaker telling its own stance is no one else's claim: the saying is the event
    assert evs[0]["context"] == "asserted"
    assert evs[0]["reported_by"][0]["name"] == "الرئيس الفرنسي"


# --- context ---------------------------------------------------------------------------


def test_negation_future_condition_and_claim() -> None:
    assert events("لم تلتق تركيا اليونان منذ أشهر.")[0]["context"] == "denied"
    assert events("ستزور فرنسا الجزائر لبحث ملف الطاقة.")[0]["context"] == "future"
    assert events("تعتزم فرنسا زيارة الجزائر لبحث الطاقة.")[0]["context"] == "future"
    assert events("وإذا هاجمت إيران إسرائيل فستتغير المعادلة.")[0]["context"] == "hypothetical"
    content = "السعودية استقبلت وفدا من العراق"
    ev = events(f"وذكرت مصادر أن {content}.", statements=[("مصدر", None, content)])[0]
    assert ev["context"] == "claim" and codes(ev) == ("CONSULT", "SAU", "IRQ")


# --- dates -----------------------------------------------------------------------------


def test_date_from_clause_then_published() -> None:
    text = "والتقى وزير الخارجية المصري سامح شكري الرئيس الكيني في نيروبي يوم الأحد."
    ev = events(text, timexes={"يوم الأحد": "2021-03-07"})[0]
    assert ev["date"] == {"value": "2021-03-07", "granularity": "day", "from": "clause"}
    ev = events("والتقى وزير الخارجية المصري سامح شكري الرئيس الكيني في نيروبي.")[0]
    assert ev["date"] == {"value": "2021-03-10", "granularity": "day", "from": "published"}


def test_evidence_and_trigger_point_into_the_text() -> None:
    text = "مقدمة قصيرة. ودعت مصر إثيوبيا إلى استئناف التفاوض."
    art = annotate(article(text))
    ev = art.layer("events")[0]
    assert text[ev.start : ev.end] == "ودعت مصر إثيوبيا إلى استئناف التفاوض."
    trig = ev.attrs["trigger"]
    assert text[trig["start"] : trig["end"]] == "ودعت"
    assert ev.attrs["event_key"] == "REQUEST:EGY>ETH:2021-03-10"


# --- special readings ------------------------------------------------------------------


def test_troops_to_an_ally_are_aid_and_elsewhere_mobilization() -> None:
    evs = events("وأرسلت تركيا آلاف الجنود إلى الصومال لدعم حكومتها.")
    assert codes(evs[0]) == ("AID", "TUR", "SOM") and evs[0]["mode"] == "material"
    evs = events("ونشرت تركيا قواتها على حدودها الجنوبية.")
    assert codes(evs[0])[:2] == ("MOBILIZE", "TUR")


def test_interception_inverts_the_sides() -> None:
    content = "إنه اعترض ودمر عشر طائرات مسيرة إيرانية"
    evs = events(f"وقال الجيش الإسرائيلي {content} فوق الجولان.",
                 statements=[("الجيش الإسرائيلي", "ISRMIL", content)])
    assault = [e for e in evs if e["type"] == "ASSAULT"][0]
    assert codes(assault) == ("ASSAULT", "IRN", "ISR")


def test_verbal_attack_on_a_person_is_criticism() -> None:
    evs = events("هاجم وزير الخارجية المصري سامح شكري الرئيس الكيني في تصريحات صحفية.")
    assert codes(evs[0]) == ("ACCUSE", "EGY", "KEN")


def test_relative_clause_takes_its_antecedent_as_subject() -> None:
    evs = events("ووصل الرئيس الكيني إلى القاهرة، الذي استقبل وزير الخارجية المصري سامح شكري أمس.")
    consult = [e for e in evs if e["trigger"]["text"] == "استقبل"][0]
    assert codes(consult) == ("CONSULT", "KEN", "EGY")


def test_an_allegation_is_also_an_accusation() -> None:
    content = "إيران أطلقت صواريخ على العراق"
    evs = events(f"وقالت فرنسا إن {content}.", statements=[("فرنسا", "FRA", content)])
    assert {codes(e) for e in evs} == {("ASSAULT", "IRN", "IRQ"), ("ACCUSE", "FRA", "IRN")}


def test_nationality_adjective_stands_for_its_country() -> None:
    evs = events("وأدان مسؤول مصري الغارات الإسرائيلية على غزة.")
    accuse = [e for e in evs if e["type"] == "ACCUSE"][0]
    assert codes(accuse)[1] == "EGY"


def test_possessive_noun_takes_the_pronoun_referent() -> None:
    evs = events("وشكر وزير الخارجية المصري سامح شكري إثيوبيا على دعمها المتواصل لكينيا.")
    support = [e for e in evs if e["trigger"]["text"] == "دعمها"][0]
    assert codes(support) == ("SUPPORT", "ETH", "KEN")

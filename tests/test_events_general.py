"""Events on general news: our own Arabic sentences for the patterns the seed articles do not show.

Each test names the general cause it guards: a long subject between a verb and its object,
participles, threats and demands that govern a noun, pluperfect قد, relative ما, coordinated
pairs, delivery planes, reporters who are not the attackers, denials of accusations.
"""

from __future__ import annotations

from marsad.document import Article
from marsad.events import annotate
from tests.test_events import article as base_article

# surface -> (label, actor code)
ACTORS = {
    "مصر": ("GPE", "EGY"),
    "إثيوبيا": ("GPE", "ETH"),
    "السعودية": ("GPE", "SAU"),
    "العراق": ("GPE", "IRQ"),
    "تركيا": ("GPE", "TUR"),
    "اليونان": ("GPE", "GRC"),
    "فرنسا": ("GPE", "FRA"),
    "إيران": ("GPE", "IRN"),
    "إسرائيل": ("GPE", "ISR"),
    "الجزائر": ("GPE", "DZA"),
    "الصومال": ("GPE", "SOM"),
    "كينيا": ("GPE", "KEN"),
    "القاهرة": ("GPE", "EGY"),
    "الرباط": ("GPE", "MAR"),
    "عمّان": ("GPE", "JOR"),
    "وزير الخارجية المصري سامح شكري": ("PER", "EGYGOV"),
    "رئيس الوزراء الأردني": ("PER", "JORGOV"),
    "منظمة العفو المغربية": ("ORG", "MARNGO"),
}


def article(text: str, **kw: object) -> Article:
    return base_article(text, actors=ACTORS, reported_by=[], **kw)  # type: ignore[arg-type]


def events(text: str, **kw: object) -> list[dict]:
    return [s.attrs for s in annotate(article(text, **kw)).layer("events")]  # type: ignore[arg-type]


def coded(text: str, **kw: object) -> list[tuple[str, str | None, str | None, str]]:
    out = []
    for ev in events(text, **kw):
        src = (ev.get("source") or {}).get("actor")
        tgt = (ev.get("target") or {}).get("actor")
        out.append((ev["type"], src[:3] if src else None, tgt[:3] if tgt else None, ev["context"]))
    return out


def test_a_long_subject_and_a_date_do_not_push_the_object_out_of_reach() -> None:
    assert ("ASSAULT", "IRN", "IRQ", "asserted") in coded("أطلقت إيران، فجر الثلاثاء الماضي، ثلاثة صواريخ على العراق.")
    assert ("CONSULT", "EGY", "MAR", "asserted") in coded(
        "وصل وزير الخارجية المصري سامح شكري إلى الرباط مساء أمس في زيارة رسمية تستمر يومين.")


def test_a_participle_acts_for_the_main_subject() -> None:
    got = coded("وحذر وزير الخارجية المصري سامح شكري من تعثر المفاوضات، مطالبا إثيوبيا بوقف ملء الخزان.")
    assert ("REQUEST", "EGY", "ETH", "asserted") in got


def test_threatened_sanctions_are_not_imposed_sanctions() -> None:
    got = coded("هددت فرنسا بفرض عقوبات على إيران إذا استمرت في التخصيب.")
    assert ("THREATEN", "FRA", "IRN", "asserted") in got
    assert ("SANCTION", "FRA", "IRN", "hypothetical") in got
    assert ("SANCTION", "FRA", "IRN", "asserted") not in got


def test_recalling_an_ambassador_reduces_relations() -> None:
    assert coded("استدعت الجزائر سفيرها من فرنسا للتشاور.") == [("SANCTION", "DZA", "FRA", "asserted")]


def test_pluperfect_qad_is_not_maybe() -> None:
    assert coded("وكانت تركيا قد هددت اليونان الأسبوع الماضي.") == [("THREATEN", "TUR", "GRC", "asserted")]
    assert coded("قد تهدد تركيا اليونان بالرد.")[0][3] == "hypothetical"


def test_relative_ma_is_not_a_negation_and_a_denial_answers_the_accusation() -> None:
    got = coded("اتهمت مصر إثيوبيا بتعطيل المفاوضات، وهو ما نفته إثيوبيا.")
    assert ("ACCUSE", "EGY", "ETH", "asserted") in got
    assert ("REJECT", "ETH", "EGY", "asserted") in got


def test_denying_accusations_does_not_deny_that_they_were_made() -> None:
    got = coded("نفت إيران اتهامات إسرائيل لها بتهريب الأسلحة.")
    assert ("REJECT", "IRN", "ISR", "asserted") in got
    assert not any(t == "ACCUSE" and c == "denied" for t, _, _, c in got)


def test_talks_between_take_the_coordinated_pair_only() -> None:
    got = coded("استضافت القاهرة محادثات بين العراق وتركيا، بحضور فرنسا.")
    assert ("CONSULT", "IRQ", "TUR", "asserted") in got
    assert not any(t == "CONSULT" and "FRA" in (s, g) for t, s, g, _ in got)


def test_a_summit_that_gathers_two_leaders() -> None:
    got = coded("أعلنت القاهرة عقد قمة استثنائية الشهر المقبل تجمع الصومال وكينيا لبحث الأزمة.")
    assert any(t == "CONSULT" and {s, g} == {"SOM", "KEN"} for t, s, g, _ in got)


def test_protesters_are_of_the_place() -> None:
    assert coded("خرج آلاف المتظاهرين في عمّان رافعين لافتات.") == [("PROTEST", "JOR", None, "asserted")]
    assert coded("اعتصم مئات الطلاب أمام البرلمان في الرباط.") == [("PROTEST", "MAR", None, "asserted")]


def test_a_phone_call_is_a_consultation() -> None:
    got = coded("أجرى رئيس الوزراء الأردني اتصالا هاتفيا مع وزير الخارجية المصري سامح شكري.")
    assert any(t == "CONSULT" and {s, g} == {"JOR", "EGY"} for t, s, g, _ in got)


def test_a_plane_that_arrives_delivers_aid() -> None:
    got = coded("وصلت الطائرة السعودية إلى القاهرة محملة بالمساعدات الطبية.")
    assert ("AID", "SAU", "EGY", "asserted") in got
    assert not any(t == "CONSULT" for t, *_ in got)


def test_whoever_reports_an_attack_is_not_its_author() -> None:
    text = "قالت منظمة العفو المغربية إن طائرة حربية قصفت سوقا في الجزائر."
    got = coded(text, statements=[("منظمة العفو المغربية", "MARNGO", "طائرة حربية قصفت سوقا في الجزائر")])
    assert ("ASSAULT", None, "DZA", "claim") in got
    assert not any(s == "MAR" for _, s, _, _ in got)


def test_the_victim_of_an_assassination_is_its_genitive() -> None:
    assert coded("أثار اغتيال السفير الأردني في العراق غضبا واسعا.")[:1] == [("ASSAULT", None, "JOR", "asserted")]


def test_joint_drills_are_cooperation() -> None:
    got = coded("بدأت مناورات عسكرية مشتركة بين مصر والسعودية.")
    assert [(t, {s, g}) for t, s, g, _ in got] == [("COOPERATE", {"EGY", "SAU"})]


def test_a_past_verb_is_not_made_future_by_a_relative_date() -> None:
    got = events("بعد ثلاثة أيام، اتهمت مصر إثيوبيا بتعطيل المفاوضات.",
                 timexes={"بعد ثلاثة أيام": "2021-03-13"})
    assert got[0]["type"] == "ACCUSE" and got[0]["context"] == "asserted"


def test_a_trigger_alone_makes_no_event() -> None:
    assert coded("وقال المحلل إن الاجتماع كان مثمرا وإن المحادثات ستستمر.") == []
    assert coded("وتستضيف مصر آلاف اللاجئين العراقيين منذ سنوات.") == []


def test_a_city_after_madina_is_a_place_not_an_actor() -> None:
    assert coded("استقبل سكان مدينة القاهرة وفدا من فرنسا بالورود.") == []
    assert ("CONSULT", "EGY", "MAR", "asserted") in coded("وصل وزير الخارجية المصري سامح شكري إلى العاصمة الرباط أمس.")


def test_an_airlift_arriving_is_aid_not_a_visit() -> None:
    got = coded("وأعلنت السعودية وصول الجسر الجوي إلى القاهرة محملا بالمساعدات.")
    assert not any(t == "CONSULT" for t, *_ in got)


def test_the_lam_phrase_of_a_strike_names_the_attacker() -> None:
    assert coded("وقتل عشرة مدنيين في قصف لإيران على أحياء سكنية في العراق.") == [("ASSAULT", "IRN", "IRQ", "asserted")]


def test_who_reacts_to_an_assassination_did_not_commit_it() -> None:
    got = coded("وعقب اغتيال السفير الأردني في العراق، اتهم رئيس الوزراء الأردني إيران.")
    assert ("ASSAULT", None, "JOR", "asserted") in got
    assert ("ACCUSE", "JOR", "IRN", "asserted") in got


def test_a_soldier_killed_is_the_victim() -> None:
    assert coded("قتل جندي تركي في انفجار لغم قرب الحدود.") == [("ASSAULT", None, "TUR", "asserted")]


def test_the_narrowest_place_of_an_appositive_chain_is_the_place() -> None:
    from marsad.document import Span

    text = "التقى الرئيس الكيني نظيره الصومالي في شمال كينيا مدينة لودوار يوم الأحد."
    art = article(text)
    city = text.index("لودوار")
    ents = list(art.layer("entities")) + [Span(city, city + len("لودوار"), "LOC", {
        "name": "لودوار", "entity_id": "loc:lodwar", "actor": "KEN", "country": "KEN"})]
    art.set_layer("entities", ents)
    from marsad.events import annotate

    places = [(e.attrs.get("place") or {}).get("name") for e in annotate(art).layer("events")]
    assert places and all(p == "لودوار" for p in places)


def test_a_verb_first_haythu_clause_keeps_the_main_subject() -> None:
    from marsad.pipeline import analyze

    text = ("حل وزير الخارجية الهندي سوبرامانيام جايشانكار يوم الاثنين في غرب روسيا مدينة سمولينسك، "
            "حيث التقى رئيس البلاد ، فلاديمير بوتين.")
    art = analyze(Article(text=text, published="2025-03-10"))
    meetings = [e.attrs for e in art.layer("events") if e.label == "CONSULT"]
    assert [((m["source"] or {}).get("actor"), (m["target"] or {}).get("actor")) for m in meetings] == [("INDGOV", "RUSGOV")]

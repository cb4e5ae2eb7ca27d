"""The entities layer: spans, short names, different people with one family name, stable ids, corpus pass."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad.entities.mentions as mentions
from marsad.document import Article
from marsad.entities import annotate
from marsad.segment import segment


@pytest.fixture(autouse=True)
def gazetteer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule behaviour must hold without the NER model; the gold test below uses it when present."""
    monkeypatch.setattr(mentions, "USE_NER", False)


def _annotate(text: str, published: str | None = "2024-05-10") -> Article:
    return annotate(segment(Article(text=text, published=published)))


def _by_surface(art: Article) -> list[tuple[str, dict]]:
    return [(art.text[s.start : s.end], s.attrs) for s in art.layers["entities"]]


def test_contract_fields() -> None:
    art = _annotate("زار وزير الخارجية الروسي سيرغي لافروف العاصمة الكورية الشمالية بيونغ يانغ.")
    ents = dict(_by_surface(art))
    lavrov = ents["سيرغي لافروف"]
    assert lavrov == {
        "type": "PER", "entity_id": "per:sergei-lavrov", "name": "سيرغي لافروف", "name_en": "Sergei Lavrov",
        "actor": "RUSGOV", "country": "RUS", "role": "GOV", "source": "gazetteer",
    }
    assert ents["بيونغ يانغ"]["type"] == "GPE" and ents["بيونغ يانغ"]["actor"] == "PRK"
    span = next(s for s in art.layers["entities"] if s.attrs["entity_id"] == "per:sergei-lavrov")
    assert span.label == "PER"


def test_spans_leave_out_conjunctions_and_prepositions() -> None:
    art = _annotate("سافر الوفد إلى بكين وموسكو، وقدم الدعم للصين ولروسيا بـ\"حماسة\".")
    surfaces = [t for t, _ in _by_surface(art)]
    assert "موسكو" in surfaces
    assert "للصين" in surfaces  # no part of the token is the name as written: the whole token
    assert "روسيا" in surfaces
    assert "بكين" in surfaces


def test_offsets_point_into_display_text_with_diacritics() -> None:
    text = "وَصَلَ الرَّئِيسُ إلى مُوسْكُو صباحاً."
    art = _annotate(text)
    span = next(s for s in art.layers["entities"] if s.attrs["entity_id"] == "gpe:moscow")
    assert text[span.start : span.end] == "مُوسْكُو"


def test_short_mentions_resolve_to_the_full_name() -> None:
    text = (
        "استقبل الزعيم الكوري الشمالي كيم جونغ أون رئيس الوزراء المنغولي في قصر الضيافة. "
        "وقال كيم إن البلدين سيوسعان التبادل التجاري، فيما أشاد الضيف بحفاوة الاستقبال."
    )
    art = _annotate(text)
    kims = [a for t, a in _by_surface(art) if t == "كيم"]
    assert kims and all(a["entity_id"] == "per:kim-jong-un" and a["actor"] == "PRKGOV" for a in kims)


def test_a_different_kim_in_a_credit_line_keeps_its_own_id() -> None:
    text = (
        "التقى الزعيم الكوري الشمالي كيم جونغ أون وفدا صينيا في بيونغ يانغ. "
        "وأكد كيم أهمية العلاقات بين البلدين. "
        "(تصوير: كيم تشول سو) "
        "وأضاف كيم أن الزيارة المقبلة ستكون في الربيع."
    )
    art = _annotate(text)
    ents = _by_surface(art)
    photographer = [a for t, a in ents if t == "كيم تشول سو"]
    assert photographer and photographer[0]["entity_id"] != "per:kim-jong-un"
    assert photographer[0]["actor"] is None
    lone = [a["entity_id"] for t, a in ents if t == "كيم"]
    assert lone and set(lone) == {"per:kim-jong-un"}  # the salient Kim, not the photographer


def test_unknown_surname_resolves_to_the_title_introduced_name() -> None:
    text = (
        "وقال نائب وزير الدفاع الفنزويلي ماتياس كورداليس إن المناورات دفاعية. "
        "وأضاف كورداليس أن بلاده لا تهدد أحدا."
    )
    art = _annotate(text)
    ents = _by_surface(art)
    full = next(a for t, a in ents if t == "ماتياس كورداليس")
    short = next(a for t, a in ents if t == "كورداليس")
    assert full["entity_id"] == short["entity_id"]
    assert full["actor"] == short["actor"] == "VENGOV"


def test_ids_are_stable_across_separately_analyzed_articles() -> None:
    a = _annotate("وأعلن المدير الكوري الشمالي جو تشون ريونغ افتتاح المصنع الجديد.")
    b = _annotate("وحضر المدير الكوري الشمالي جو تشون ريونج حفل الافتتاح.")
    ida = next(x["entity_id"] for t, x in _by_surface(a) if t.startswith("جو تشون"))
    idb = next(x["entity_id"] for t, x in _by_surface(b) if t.startswith("جو تشون"))
    assert ida == idb
    c = _annotate("وصل الرئيس فلادمير بوتين إلى القمة.")
    d = _annotate("وصل الرئيس فلاديمير بوتين إلى القمة.")
    assert [x["entity_id"] for _, x in _by_surface(c)] == [x["entity_id"] for _, x in _by_surface(d)]


def test_korea_north_and_south_stay_apart() -> None:
    art = _annotate("تبادلت كوريا الشمالية وكوريا الجنوبية الاتهامات عند الحدود.")
    ids = [a["entity_id"] for _, a in _by_surface(art)]
    assert ids == ["gpe:north-korea", "gpe:south-korea"]


def test_article_without_sentences_layer_and_empty_text() -> None:
    art = annotate(Article(text="اجتمع الناتو في بروكسل."))
    assert {s.attrs["entity_id"] for s in art.layers["entities"]} == {"org:nato", "gpe:brussels"}
    assert annotate(Article(text="")).layers["entities"] == []


def test_corpus_pass_and_cli(tmp_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main
    from marsad.entities.corpus import link_entities
    from marsad.store import open_store

    arts = [
        Article(text="قال سيرجي لافروف إن موسكو تدعم الحوار.", outlet="صحيفة أ", published="2023-10-01"),
        Article(text="وأكد سيرغي لافروف أن لافروف لا يتحدث باسم أحد سوى روسيا.", outlet="صحيفة ب",
                published="2023-10-02"),
    ]
    with open_store(tmp_db) as store:
        store.add_articles(arts)
        summary = link_entities(store)
        assert summary["annotated"] == 2 and summary["per"] >= 1
        records = {r["id"]: r for r in store.records("entity")}
        assert records["per:sergei-lavrov"]["mentions"] == 3
        assert records["per:sergei-lavrov"]["articles"] == 2
        assert set(records["per:sergei-lavrov"]["outlets"]) == {"صحيفة أ", "صحيفة ب"}
        assert {"سيرجي لافروف", "سيرغي لافروف", "لافروف"} <= set(records["per:sergei-lavrov"]["variants"])
        assert store.records("entity")
    assert main(["--db", tmp_db, "entities", "--type", "PER", "--actor", "RUS"]) == 0
    out = capsys.readouterr().out
    assert "per:sergei-lavrov" in out and "gpe:moscow" not in out


def test_gold_seeds_meet_acceptance(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.evaluation.entities import evaluate

    monkeypatch.setattr(mentions, "USE_NER", True)
    report = evaluate(str(shared_dir / "gold" / "seeds.gold.json"))
    assert all(c["ok"] for c in report["clusters"]), report["clusters"]
    assert report["shared_ids"] == []
    assert report["min_coded"] >= 0.9


def test_described_agency_joins_the_named_one() -> None:
    art = _annotate('ونقلت وكالة الأنباء الروسية "ريا نوفوستي" عن مصدر دبلوماسي أن الاجتماع تأجل.')
    ids = {t: a["entity_id"] for t, a in _by_surface(art)}
    assert ids["وكالة الأنباء الروسية"] == ids["ريا نوفوستي"] == "org:ria-novosti"


def test_plural_titles_do_not_make_people() -> None:
    art = _annotate("وقال مسؤولون أمريكيون ومراقبون مستقلون إن الشحنات وصلت.")
    assert not [t for t, a in _by_surface(art) if a["type"] == "PER"]


def test_native_given_names_differ_by_their_vowels() -> None:
    a = _annotate("وقال المحافظ حسن الزبيدي إن المشروع سينجز قريبا.")
    b = _annotate("وقال المحافظ حسين الزبيدي إن المشروع سينجز قريبا.")
    ida = next(x["entity_id"] for t, x in _by_surface(a) if t.startswith("حسن"))
    idb = next(x["entity_id"] for t, x in _by_surface(b) if t.startswith("حسين"))
    assert ida != idb


def test_foreign_g_spellings_of_an_unknown_name_share_an_id() -> None:
    a = _annotate("وصرح الجنرال الروسي سيرغي كوراتشينكو بأن القوات تقدمت.")
    b = _annotate("وصرح الجنرال الروسي سيرجي كوراتشينكو بأن القوات تقدمت.")
    ida = next(x for t, x in _by_surface(a) if t.endswith("كوراتشينكو"))
    idb = next(x for t, x in _by_surface(b) if t.endswith("كوراتشينكو"))
    assert ida["entity_id"] == idb["entity_id"]
    assert ida["actor"] == "RUSMIL"

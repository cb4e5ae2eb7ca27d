"""The sentence-level event evaluation on our own annotated dev sentences (tests/fixtures/events_dev.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.evaluation.event_sentences import Item, evaluate_file, load_items, matches, parse_events, score

DEV = Path(__file__).parent / "fixtures" / "events_dev.tsv"


def test_gold_cells_parse_to_country_sides() -> None:
    assert parse_events("ASSAULT:ISRMIL>LBN; REQUEST:IGO>-") == [("ASSAULT", "ISR", "LBN"), ("REQUEST", "IGO", None)]
    assert parse_events("") == []


def test_symmetric_types_match_in_either_order() -> None:
    pred = {"type": "CONSULT", "source": "FRA", "target": "JOR", "also_targets": []}
    assert matches(("CONSULT", "JOR", "FRA"), pred)
    assert not matches(("ASSAULT", "JOR", "FRA"), {**pred, "type": "ASSAULT"})


def test_denied_and_future_predictions_do_not_count() -> None:
    item = Item("لم يزر الرئيس البلد.", "2025-03-10", [])
    preds = [[{"type": "CONSULT", "source": "FRA", "target": "JOR", "also_targets": [], "context": "denied",
               "source_actor": "FRAGOV", "target_actor": "JOR", "trigger": "يزر"}]]
    result = score([item], preds)
    assert result["no_event_specificity"] == 1.0 and result["predicted"] == 0


def test_dev_set_covers_every_plover_type() -> None:
    from marsad.events.ontology import EVENT_TYPES

    types = {g[0] for it in load_items(DEV) for g in it.gold}
    assert set(EVENT_TYPES) <= types


@pytest.mark.filterwarnings("ignore")
def test_dev_set_scores_stay_above_floor() -> None:
    result = evaluate_file(DEV)
    assert result["sentences"] >= 120
    # final numbers when the floor was set: F1 0.833, type accuracy 0.924, specificity 0.95
    assert result["f1"] >= 0.80, result["f1"]
    assert result["type_accuracy"] >= 0.89, result["type_accuracy"]
    assert result["no_event_specificity"] >= 0.90, result["no_event_specificity"]


def _events(sentence: str) -> list[str]:
    from marsad.pipeline import Pipeline

    preds = __import__("marsad.evaluation.event_sentences", fromlist=["x"]).predicted_events(
        sentence, "2025-03-10", Pipeline())
    return [f"{p['type']}:{p['source'] or '-'}>{p['target'] or '-'}:{p['context']}" for p in preds]


def test_armed_nationality_attacks_and_the_region_is_hit() -> None:
    assert "ASSAULT:ISR>LBN:asserted" in _events("قصفت مقاتلات إسرائيلية أطراف بلدة في جنوب لبنان فجر الأحد.")
    assert "ASSAULT:SDN>SDN:asserted" in _events("هاجمت قوات الدعم السريع قرى في دارفور.")


def test_king_with_regnal_name_and_duals() -> None:
    evs = _events("استقبل العاهل الأردني الملك عبدالله الثاني في عمّان المستشار الألماني، وبحث الجانبان الأزمة.")
    assert any(e.startswith("CONSULT:JOR>DEU") for e in evs)


def test_group_reference_and_self_report() -> None:
    assert "REQUEST:IGO>LBY:asserted" in _events("حث الأمين العام للأمم المتحدة الأطراف الليبية على الحوار.")
    assert "SANCTION:GBR>IRN:asserted" in _events("أعلنت بريطانيا فرض عقوبات على إيران.")


def test_prefixed_entity_span_is_the_whole_token() -> None:
    from marsad.document import Article
    from marsad.entities import annotate

    art = annotate(Article(text="قدمت اليابان منحة للأمم المتحدة.", published="2025-03-10"), use_ner=False)
    surfaces = [art.text[e.start : e.end] for e in art.layer("entities")]
    assert "للأمم المتحدة" in surfaces

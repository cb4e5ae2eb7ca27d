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
    assert result["f1"] >= 0.70, result["f1"]
    assert result["type_accuracy"] >= 0.80, result["type_accuracy"]
    assert result["no_event_specificity"] >= 0.90, result["no_event_specificity"]

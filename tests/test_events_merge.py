"""Merging event mentions across outlets, the events/timeline commands and the events evaluation."""

from __future__ import annotations

from pathlib import Path

from marsad.cli import main
from marsad.corpus.events import date_interval, dates_overlap, filter_events, merge_events, merge_store_events
from marsad.evaluation.events import matches
from marsad.events import annotate
from marsad.store import open_store
from tests.test_events import article

VISIT_A = "وصل وزير الخارجية المصري سامح شكري إلى نيروبي يوم الأحد في زيارة رسمية."
VISIT_B = "التقى الرئيس الكيني وزير الخارجية المصري سامح شكري في نيروبي يوم الاثنين."
STRIKE = "وقصفت تركيا مواقع في شمال العراق يوم الأحد."


def _art(text: str, outlet: str, published: str, timexes: dict[str, str]):
    art = article(text, published=published, timexes=timexes)
    art.outlet = outlet
    art.refresh_id()
    return annotate(art)


def test_date_intervals_respect_granularity() -> None:
    assert date_interval("2023-W42")[0].isoformat() == "2023-10-16"
    assert dates_overlap({"value": "2023-10-19"}, {"value": "2023-W42"})
    assert dates_overlap({"value": "2023-10-19"}, {"value": "2023-10"})
    assert not dates_overlap({"value": "2023-10-19"}, {"value": "2023-10-18"})
    assert dates_overlap({"value": "2023-10-19"}, {"value": "2023-10-18"}, slack_days=1)


def test_one_visit_reported_by_two_outlets_is_one_event() -> None:
    a = _art(VISIT_A, "صحيفة أ", "2021-03-07", {"يوم الأحد": "2021-03-07"})
    b = _art(VISIT_B, "صحيفة ب", "2021-03-08", {"يوم الاثنين": "2021-03-08"})
    records = merge_events([a, b])
    consult = [r for r in records if r["type"] == "CONSULT"]
    assert len(consult) == 1
    rec = consult[0]
    assert rec["n_outlets"] == 2 and rec["n_reports"] == 2
    assert {r["article_id"] for r in rec["reports"]} == {a.id, b.id}
    assert rec["place"]["name"] == "نيروبي"


def test_same_actors_on_different_dates_stay_apart() -> None:
    a = _art(STRIKE, "صحيفة أ", "2021-03-07", {"يوم الأحد": "2021-03-07"})
    b = _art(STRIKE.replace("يوم الأحد", "يوم الخميس"), "صحيفة ب", "2021-04-02", {"يوم الخميس": "2021-04-01"})
    records = [r for r in merge_events([a, b]) if r["type"] == "ASSAULT"]
    assert len(records) == 2
    assert [r["date"]["value"] for r in records] == ["2021-03-07", "2021-04-01"]


def test_filters_by_actor_type_and_dates() -> None:
    a = _art(VISIT_A, "صحيفة أ", "2021-03-07", {"يوم الأحد": "2021-03-07"})
    s = _art(STRIKE, "صحيفة ب", "2021-03-07", {"يوم الأحد": "2021-03-07"})
    records = merge_events([a, s])
    assert [r["type"] for r in filter_events(records, actor="TUR")] == ["ASSAULT"]
    assert [r["type"] for r in filter_events(records, etype="consult")] == ["CONSULT"]
    assert filter_events(records, since="2021-03-08") == []


def test_events_and_timeline_commands(tmp_db: str, capsys) -> None:
    with open_store(tmp_db) as store:
        arts = [_art(VISIT_A, "صحيفة أ", "2021-03-07", {"يوم الأحد": "2021-03-07"}),
                _art(VISIT_B, "صحيفة ب", "2021-03-08", {"يوم الاثنين": "2021-03-08"})]
        store.add_articles(arts)
        summary = merge_store_events(store)
    assert summary["events"] >= 1 and summary["multi_outlet"] == 1
    assert main(["--db", tmp_db, "timeline", "--actor", "EGY"]) == 0
    out = capsys.readouterr().out
    assert "CONSULT" in out and "صحيفة أ, صحيفة ب (2 reports)" in out
    assert main(["--db", tmp_db, "events", "--type", "CONSULT", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("id,date,granularity,type")


def test_gold_matching_rule() -> None:
    gold = {"type": "CONSULT", "source": "RUS", "target": "PRK", "date": "2023-10-19"}
    pred = {"type": "CONSULT", "source": {"actor": "PRKGOV"}, "target": {"actor": "RUSGOV"},
            "date": {"value": "2023-10-19"}}
    assert matches(gold, pred)  # meetings are symmetric
    assert not matches(gold, {**pred, "date": {"value": "2023-10-18"}})
    accuse = {"type": "ACCUSE", "source": "RUS", "target": "USA", "also_targets": ["KOR"], "date": None}
    assert matches(accuse, {"type": "ACCUSE", "source": {"actor": "RUSGOV"}, "target": {"actor": "KOR"}})
    assert not matches(accuse, {"type": "ACCUSE", "source": {"actor": "USA"}, "target": {"actor": "RUS"}})


def test_seed_gold_recall_with_gold_layers(shared_dir: Path) -> None:
    """With gold entities, timexes and statements the events stage alone finds most gold events."""
    from marsad.evaluation.events import oracle_layers, score
    from marsad.evaluation.gold import build_article, load_gold

    data, docs = load_gold(shared_dir / "gold" / "seeds.gold.json", shared_dir / "corpus" / "seeds")
    for d in docs:
        d.gold["_cross"] = data.get("cross_document") or {}
    arts = {d.name: annotate(oracle_layers(build_article(d), d.gold)) for d in docs if d.path}
    result = score(docs, arts)
    assert result["recall"] >= 0.75
    assert all(m["merged"] for m in result["same_event"])

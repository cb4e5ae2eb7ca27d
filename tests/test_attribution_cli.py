"""`marsad quotes`, `marsad eval statements`, and attribution over real corpora from ../shared."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest

from marsad.attribution import annotate
from marsad.cli import main
from marsad.document import Article
from marsad.segment import segment
from marsad.store import open_store


def _article(text: str, published: str, outlet: str) -> Article:
    art = Article(text=text, published=published, published_source="metadata", outlet=outlet, meta={"wires": ["AFP"]})
    return annotate(segment(art))


def test_quotes_command_filters_by_speaker_outlet_and_date(tmp_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    arts = [
        _article("وقال وزير الزراعة إن المحصول وفير هذا العام. ونفت الوزارة وجود أي نقص في الأسمدة.", "2024-03-02", "جريدة أ"),
        _article("وقالت رئيسة البلدية: «سنفتح ثلاث حدائق جديدة قبل الصيف».", "2024-05-10", "جريدة ب"),
    ]
    with open_store(tmp_db) as store:
        store.add_articles(arts)
    assert main(["--db", tmp_db, "quotes", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3
    assert {r["polarity"] for r in rows} == {"asserts", "denies"}

    main(["--db", tmp_db, "quotes", "--speaker", "رئيسة البلدية", "--format", "jsonl"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and rows[0]["direct"] is True and rows[0]["outlet"] == "جريدة ب"

    main(["--db", tmp_db, "quotes", "--until", "2024-04-01"])
    out = capsys.readouterr().out
    assert "(2 statements)" in out and "وزير الزراعة" in out

    main(["--db", tmp_db, "quotes", "--outlet", "جريدة ب", "--format", "jsonl"])
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_eval_statements_meets_acceptance_on_the_seeds(shared_dir: Path) -> None:
    from marsad.evaluation.statements import evaluate

    score = evaluate(str(shared_dir / "gold" / "seeds.gold.json"))
    summary = score.summary()
    assert summary["recall"] >= 0.9, score.misses
    assert summary["speaker_accuracy"] >= 0.9, score.errors
    assert summary["direct_accuracy"] >= 0.9, score.errors
    assert summary["sources_complete"] == 1.0, score.errors


def test_real_articles_never_break_attribution(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"
    if not path.exists():
        pytest.skip("saudinewsnet corpus not present")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in islice(fh, 150)]
    total = 0
    for rec in records:
        art = annotate(segment(Article(text=rec.get("content") or "")))
        assert "warnings" not in art.meta, art.meta.get("warnings")
        for span in art.layer("statements"):
            total += 1
            content = span.attrs["content"]
            assert art.text[content["start"] : content["end"]] == content["text"]
            assert span.start <= content["start"] < content["end"] <= span.end
            assert span.attrs["speaker"]["text"]
    assert total > 100

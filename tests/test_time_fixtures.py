"""The time stage against our own annotated passages (tests/fixtures/time_dev and time_heldout).

The floors sit just below the scores when the conventions in docs/schema.md were
settled; ``marsad eval time tests/fixtures/time_dev/gold.json --corpus
tests/fixtures/time_dev`` lists every miss.  The held-out set was written with the
dev set and not looked at while the stage was fixed: it measures, it is not tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.evaluation.gold import build_article, load_gold
from marsad.evaluation.time import DocScore, score_article
from marsad.segment import segment
from marsad.time import annotate

FIXTURES = Path(__file__).parent / "fixtures"


def _score(name: str) -> DocScore:
    folder = FIXTURES / name
    _, docs = load_gold(folder / "gold.json", folder)
    total = DocScore(name)
    for doc in docs:
        assert doc.path is not None, doc.name
        s = score_article(doc.name, annotate(segment(build_article(doc))), doc.gold["timex"])
        total.gold += s.gold
        total.found += s.found
        total.correct += s.correct
        total.predicted += s.predicted
        total.matched_pred += s.matched_pred
    return total


@pytest.mark.parametrize(
    ("name", "min_gold", "found", "value", "precision"),
    [
        ("time_dev", 150, 0.97, 0.95, 0.97),
        ("time_heldout", 80, 0.95, 0.92, 0.95),
    ],
)
def test_fixture_scores(name: str, min_gold: int, found: float, value: float, precision: float) -> None:
    s = _score(name)
    assert s.gold >= min_gold
    assert s.found / s.gold >= found, (s.found, s.gold)
    assert s.correct / s.gold >= value, (s.correct, s.gold)
    assert s.matched_pred / s.predicted >= precision, (s.matched_pred, s.predicted)

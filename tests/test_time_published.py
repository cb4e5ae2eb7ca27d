"""Finding the publication date when the metadata has none, and scoring against gold."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from marsad.document import Article
from marsad.time import annotate, parse_published
from marsad.time.published import date_from_url


def run(text: str, url: str | None = None, published: str | None = None) -> Article:
    return annotate(Article(text=text, url=url, published=published,
                            published_source="metadata" if published else "unknown"))


def test_metadata_date_is_kept() -> None:
    art = run("جدة 27 شوال 1436 هـ الموافق 12 أغسطس 2015 م: وصل الوفد أمس.", published="2015-08-13T09:30:00")
    assert (art.published, art.published_source) == ("2015-08-13T09:30:00", "metadata")
    assert [s.attrs["value"] for s in art.layer("timexes")][-1] == "2015-08-12"


def test_dual_hijri_gregorian_dateline() -> None:
    art = run("الدمام - الأربعاء 27 شوال 1436 هـ - 12 أغسطس 2015 م\nدشّن أمير المنطقة أمس مشروعاً لتحلية المياه.")
    assert (art.published, art.published_source) == ("2015-08-12", "dateline")
    assert art.layer("timexes")[-1].attrs == {
        "kind": "date", "value": "2015-08-11", "granularity": "day", "mod": None, "anchor": "2015-08-12"}


def test_today_with_a_written_date() -> None:
    text = ("بحث وزيرا الخارجية في العاصمة اليوم (الخميس 5 أكتوبر/ تشرين الأول 2023) ملفات التعاون، "
            "بعد أن اتفقا في 3 مارس 2021 على تشكيل لجنة مشتركة.")
    art = run(text)
    assert (art.published, art.published_source) == ("2023-10-05", "text")


def test_caption_date_in_the_head() -> None:
    text = "الرئيس يصافح ضيفه في القصر. 14 فبراير 2022 - رويترز\nاستقبل الرئيس نظيره الثلاثاء."
    art = run(text)
    assert (art.published, art.published_source) == ("2022-02-14", "dateline")
    assert art.layer("timexes")[-1].attrs["value"] == "2022-02-08"


def test_date_after_a_preposition_is_not_a_dateline() -> None:
    art = run("في 3 مارس 2021 اتفق الطرفان على تشكيل لجنة، وعادا للاجتماع أمس.",
              url="https://example.com/news/2023/06/21/story.html")
    assert (art.published, art.published_source) == ("2023-06-21", "url")


def test_date_closing_a_sentence_is_not_a_dateline() -> None:
    art = run("أعلنت الجامعة تمديد التسجيل لطلابها في مدة أقصاها الخميس 6 نوفمبر 2025.\nوأكد المتحدث أن الموقع يعمل.")
    assert (art.published, art.published_source) == (None, "unknown")


def test_score_article_counts_occurrences_with_clitics() -> None:
    from marsad.evaluation.time import score_article

    art = run("وصل الوفد الأربعاء، والأربعاء التالي عاد إلى بلاده في 3 مايو 2022.", published="2022-05-05")
    gold = [{"text": "الأربعاء", "value": "2022-05-04"}, {"text": "3 مايو 2022", "value": "2022-05-03"},
            {"text": "الشهر المقبل", "value": "2022-06"}]
    score = score_article("own", art, gold)
    assert (score.gold, score.found, score.correct, score.occurrences) == (3, 2, 2, 3)
    assert score.misses == ["الشهر المقبل = 2022-06 (text not found in article)"]


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("http://www.example.com/2015/07/20/article_1.html", "2015-07-20"),
        ("http://www.example.com/2015/20150721/fe1.htm", "2015-07-21"),
        ("http://www.example.com/new/Issues/20150720/Con20150720784687.htm", "2015-07-20"),
        ("http://www.example.com/node/620113/story.html", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, value: str | None) -> None:
    d = date_from_url(url)
    assert (d.isoformat() if d else None) == value


def test_unparseable_metadata_date_falls_back_to_text() -> None:
    art = run("الرياض 12 أغسطس 2015 - أعلنت الهيئة النتائج.", published="قبل ساعة")
    assert art.published == "2015-08-12"
    assert any("not an ISO date" in w for w in art.meta["warnings"])


def test_parse_published() -> None:
    assert parse_published("2024-11-01").isoformat() == "2024-11-01"
    assert parse_published("2024-11-01 08:00:00").isoformat() == "2024-11-01"
    assert parse_published("2024-02-30") is None
    assert parse_published(None) is None


# --- against ../shared ------------------------------------------------------


def test_seed_gold_acceptance(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.evaluation.gold import build_article, load_gold
    from marsad.evaluation.time import run as run_eval
    from marsad.evaluation.time import score_article
    from marsad.segment import segment

    _, docs = load_gold(shared_dir / "gold" / "seeds.gold.json")
    gold = found = correct = 0
    for doc in docs:
        art = annotate(segment(build_article(doc)))
        s = score_article(doc.name, art, doc.gold.get("timex") or [])
        gold, found, correct = gold + s.gold, found + s.found, correct + s.correct
    assert gold and found == gold
    assert correct / gold >= 0.95
    assert run_eval(argparse.Namespace(gold=str(shared_dir / "gold" / "seeds.gold.json"), corpus=None,
                                       show_extra=False)) == 0
    assert "extraction recall 100.0%" in capsys.readouterr().out


def test_saudinewsnet_sample_runs_clean(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(300), fh, strict=False)]
    for row in rows:
        art = annotate(Article(text=row["content"] or "", url=row["url"]))
        if date_from_url(row["url"]) is not None:
            assert art.published is not None
        for span in art.layer("timexes"):
            assert 0 <= span.start < span.end <= len(art.text)
            assert span.attrs["kind"] in {"date", "time", "duration", "set"}

"""The cleaner on the five real seed articles in ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.clean import clean_article, clean_text
from marsad.document import Article

pytestmark = pytest.mark.shared


def seed_text(shared_dir: Path, prefix: str) -> str:
    (path,) = (shared_dir / "corpus" / "seeds").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_no_seed_keeps_furniture(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        for junk in ("[ad_1]", "[ad_2]", "شاركها.", "مشاركة :", "تصنيفات", "قصص قد تهمك", "___"):
            assert junk not in text, (path.name, junk)
        assert not text.rstrip().endswith("المصدر"), path.name


def test_seed_000_caption_once_and_reuters_dateline(shared_dir: Path) -> None:
    raw = seed_text(shared_dir, "000")
    caption_line = next(line for line in raw.splitlines() if line.endswith("2023 - Reuters"))
    assert raw.count(caption_line) == 2
    r = clean_text(raw)
    assert r.text.count(caption_line) == 1
    d = r.dateline
    assert d is not None and d["agency"] == "Reuters"
    assert "رويترز" in d["text"]
    assert r.text[d["start"] : d["end"]] == d["text"]
    assert "Reuters" in r.wires
    assert r.title and r.title.startswith("لافروف في بيونج يانج")


def test_seed_001_glued_footer_parsed(shared_dir: Path) -> None:
    r = clean_text(seed_text(shared_dir, "001"))
    assert r.wires == ["dpa", "AFP"]
    assert r.contributors == ["ح.ز", "ا.ف"]
    assert r.text.endswith("على الاستقرار الإقليمي.")
    assert "(د.ب.أ" not in r.text


def test_seed_003_dateline_and_contributors(shared_dir: Path) -> None:
    r = clean_text(seed_text(shared_dir, "003"))
    d = r.dateline
    assert d is not None
    assert d["start"] == 0 and d["places"][0] == "سيول"
    assert d["agency"] == "AP"
    assert len(r.contributors) == 2
    assert all("في" not in name.split() for name in r.contributors)
    assert "في هذا التقرير" not in r.text


def test_seed_content_survives(shared_dir: Path) -> None:
    """Only furniture goes: every removed piece is short or a duplicate, and most text stays."""
    for path in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        r = clean_text(raw)
        assert len(r.text) > 0.9 * len(raw.strip()), path.name
        for removed in r.removed:
            assert removed["kind"] == "duplicate" or len(removed["text"]) < 120, removed


def test_clean_article_merges_meta_wires(shared_dir: Path) -> None:
    meta = {
        json.loads(line)["file"]: json.loads(line)
        for line in (shared_dir / "corpus" / "seeds" / "meta.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    for name, record in meta.items():
        raw = (shared_dir / "corpus" / "seeds" / name).read_text(encoding="utf-8")
        art = clean_article(Article(text=raw, raw=raw, meta={"wires": list(record["wires"])}))
        assert set(record["wires"]) <= set(art.meta["wires"]), name
        assert len(art.meta["wires"]) == len(set(art.meta["wires"]))


def test_every_gold_string_survives_cleaning(shared_dir: Path) -> None:
    """Nothing the annotators marked (entities, times, quotes, event evidence) is cleaned away."""
    from marsad.evaluation.gold import build_article, gold_form, load_gold

    _, docs = load_gold(shared_dir / "gold" / "seeds.gold.json")
    assert docs
    for doc in docs:
        text = gold_form(build_article(doc).text)
        g = doc.gold
        wanted = [s for e in g.get("entities", []) for s in e.get("surfaces", [])]
        wanted += [t["text"] for t in g.get("timex", [])]
        wanted += [s.get("contains") for s in g.get("statements", []) if s.get("contains")]
        wanted += [e.get("evidence") for e in g.get("events", []) if e.get("evidence")]
        missing = [w for w in wanted if gold_form(w) not in text]
        assert missing == [], doc.name

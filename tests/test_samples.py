"""The bundled sample corpus: complete sidecar, every messiness kind present, cleaner agrees with it."""

from __future__ import annotations

import re

from marsad.clean import clean_text
from marsad.samples import SAMPLES_DIR, load_samples, sample_meta


def test_sidecar_lists_every_file() -> None:
    meta = sample_meta()
    files = sorted(p.name for p in SAMPLES_DIR.glob("*.txt"))
    assert sorted(m["file"] for m in meta) == files
    assert len(files) >= 18
    for m in meta:
        assert set(m) == {"file", "published", "outlet", "wires"}
        assert m["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["published"])
    assert (SAMPLES_DIR / "README.md").read_text(encoding="utf-8").count("fictional") >= 1


def test_undated_samples_carry_their_date_in_a_dateline() -> None:
    undated = [m["file"] for m in sample_meta() if m["published"] is None]
    assert len(undated) >= 2
    for name in undated:
        d = clean_text((SAMPLES_DIR / name).read_text(encoding="utf-8")).dateline
        assert d is not None and d.get("date_text"), name


def test_cleaner_finds_exactly_the_credited_wires() -> None:
    for art, m in zip(load_samples(clean=False), sample_meta(), strict=True):
        found = clean_text(art.text).wires
        assert sorted(found) == sorted(m["wires"]), m["file"]


def test_samples_clean_to_furniture_free_text() -> None:
    for art in load_samples():
        for junk in ("[ad_", "شاركها", "مشاركة :", "طباعة", "تابعونا", "___", "// انتهى //", "في هذا التقرير"):
            assert junk not in art.text, (art.source_id, junk)
        assert art.text == art.text.strip()
        d = art.meta.get("dateline")
        if d:
            assert art.text[d["start"] : d["end"]] == d["text"]


def test_corpus_has_the_messiness_it_promises() -> None:
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES_DIR.glob("*.txt")))
    for needle in (
        "غوليد", "جوليد", "موانغي", "موانجي", "بيونج يانج", "بيونغ يانغ",  # spelling variants
        "مارس/ آذار", "هـ الموافق",  # dual months, Hijri + Gregorian
        "[ad_1]", "شاركها.", " ،", "نظيره نظيره", "«", "“", "ساهم",
    ):
        assert needle in raw, needle
    assert re.search(r"[٠-٩]{2}", raw)
    story = [m for m in sample_meta() if m["file"] < "s11"]
    assert len({m["outlet"] for m in story}) >= 4


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_story_has_a_near_duplicate_wire_copy_and_a_second_report() -> None:
    by_file = {a.source_id: a.text for a in load_samples()}
    wire, copy, local = (by_file[f] for f in ("s02_talks_wire.txt", "s04_talks_wire_copy.txt", "s03_talks_local.txt"))
    a, b, c = _shingles(wire), _shingles(copy), _shingles(local)
    assert len(a & b) / len(a | b) > 0.5  # the republished copy: small edits only
    assert wire != copy
    assert len(a & c) / len(a | c) < 0.1  # the same meeting told in other words

"""The normalized matching form and its map back to the display text."""

from __future__ import annotations

import pytest

from marsad.clean.normalize import fold_chars, normalize, normalize_with_map, tidy_display
from marsad.samples import SAMPLES_DIR


@pytest.mark.parametrize(
    ("display", "matching"),
    [
        ("أحمد وإبراهيم وآمال", "احمد وابراهيم وامال"),  # alef/hamza forms
        ("مستشفى الرياض", "مستشفي الرياض"),  # alef maqsura
        ("المدينة المنورة", "المدينه المنوره"),  # taa marbuta
        ("مسؤول ومسائل", "مسوول ومسايل"),  # hamza on waw / yaa
        ("أبهــا الجميـلة", "ابها الجميله"),  # tatweel
        ("مُحَمَّدٌ", "محمد"),  # diacritics
        ("بلغ ٢٧٫٢٥٪ عام ٢٠٢٥", "بلغ 27.25% عام 2025"),  # Eastern digits and separators
        ("سيول ، كوريا الجنوبية", "سيول، كوريا الجنوبيه"),  # machine-translation spacing
        ("قال\u00a0الوزير\u200b غدا", "قال الوزير غدا"),  # no-break and zero-width
        ("«الحوار» و“السلام”", '"الحوار" و"السلام"'),  # quotation marks
        ("  سطر\n\nآخر  ", "سطر اخر"),
        ("Reuters AP", "reuters ap"),
    ],
)
def test_normalize(display: str, matching: str) -> None:
    assert normalize(display) == matching
    assert normalize_with_map(display).text == matching


def test_spelling_variants_meet() -> None:
    assert normalize("مصطفى الإعلام") == normalize("مصطفي الاعلام")
    assert normalize("أديس أبابا") == normalize("اديس ابابا")


def test_normalize_equals_map_text_on_samples() -> None:
    for path in sorted(SAMPLES_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert normalize(text) == normalize_with_map(text).text, path.name


def test_map_back_to_display_span() -> None:
    display = "وصل الوزير  مُحَمَّد إلى مقديشيو ، ثم اجتمع بالرئيـس."
    nt = normalize_with_map(display)
    for needle in ("محمد الي مقديشيو", "بالرييس", "مقديشيو،"):
        j = nt.text.index(needle)
        start, end = nt.to_display(j, j + len(needle))
        assert normalize(display[start:end]) == needle
    j = nt.text.index("محمد")
    assert display[slice(*nt.to_display(j, j + 4))] == "مُحَمَّد"


def test_offsets_are_monotonic_and_in_range() -> None:
    display = "أَعلنت  الوزارة\u00a0، اليوم ٣ مارس ، عن خطة."
    nt = normalize_with_map(display)
    assert len(nt.offsets) == len(nt.text)
    assert list(nt.offsets) == sorted(nt.offsets)
    assert all(0 <= o < len(display) for o in nt.offsets)
    assert nt.from_display(display.index("اليوم")) == nt.text.index("اليوم")


def test_fold_chars_never_merges() -> None:
    assert fold_chars("أ ب") == "ا ب"
    assert len(fold_chars("مُحَمَّد")) == 4


def test_tidy_display_keeps_letters() -> None:
    text = "مُحَمَّد  أحمد\r\nسطر"
    assert tidy_display(text) == "مُحَمَّد  أحمد\nسطر"
    assert tidy_display("أ\u200fب\u00a0ج") == "أب ج"

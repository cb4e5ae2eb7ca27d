"""Sentences, tokens and clitics with offsets into the display text."""

from __future__ import annotations

from marsad.document import Article
from marsad.segment import segment, split_clitics, split_sentences, tokenize
from marsad.segment.clitics import strip_clitics


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "نقلت أ.ف.ب عن مصدر أمني قوله إن الهدوء عاد. وذكرت د.ب.أ أن الطرق فتحت."
    assert sentences(text) == [
        "نقلت أ.ف.ب عن مصدر أمني قوله إن الهدوء عاد.",
        "وذكرت د.ب.أ أن الطرق فتحت.",
    ]


def test_spaced_initials_and_titles() -> None:
    text = "وقالت (أ. ف. ب) إن د. سامي العلي وصل أمس. ثم بدأ الاجتماع."
    assert sentences(text) == ["وقالت (أ. ف. ب) إن د. سامي العلي وصل أمس.", "ثم بدأ الاجتماع."]


def test_numbers_do_not_end_sentences() -> None:
    text = "ارتفع النمو إلى 3.5 في المئة في 12.10.2023 مقابل ٢٫٨ قبل عام. وتراجع التضخم."
    assert sentences(text) == [
        "ارتفع النمو إلى 3.5 في المئة في 12.10.2023 مقابل ٢٫٨ قبل عام.",
        "وتراجع التضخم.",
    ]
    assert sentences("حل الفريق في المركز 3. ثم صعد.") == ["حل الفريق في المركز 3.", "ثم صعد."]


def test_quotations_are_not_split() -> None:
    text = 'وقال الوزير «نحن جيران. لا خيار أمامنا سوى الحوار». وأضاف: "القمة مهمة. سنحضرها". ثم غادر.'
    assert sentences(text) == [
        "وقال الوزير «نحن جيران. لا خيار أمامنا سوى الحوار».",
        'وأضاف: "القمة مهمة. سنحضرها".',
        "ثم غادر.",
    ]


def test_curly_quotes_closed_before_comma() -> None:
    text = "قال “أنا متأكد. سنبذل جهدنا” ، وفقا للوزارة. ثم انتهى اللقاء."
    assert sentences(text) == ["قال “أنا متأكد. سنبذل جهدنا” ، وفقا للوزارة.", "ثم انتهى اللقاء."]


def test_unclosed_quote_protects_nothing() -> None:
    text = "قال المتحدث “لن نتراجع. وأكد أن الحوار مستمر. وانتهى المؤتمر."
    assert len(sentences(text)) == 3


def test_text_without_line_breaks() -> None:
    text = "هل ستعقد القمة؟ نعم! وقال المتحدث إن الموعد نهائي… ثم غادر القاعة. ع.ن/ ه.د"
    assert sentences(text) == [
        "هل ستعقد القمة؟",
        "نعم!",
        "وقال المتحدث إن الموعد نهائي…",
        "ثم غادر القاعة.",
        "ع.ن/ ه.د",
    ]


def test_lines_are_boundaries_and_offsets_are_exact() -> None:
    text = "عنوان بلا نقطة\n\n  سطر أول.  سطر ثان.\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["عنوان بلا نقطة", "سطر أول.", "سطر ثان."]


def test_tokens_keep_abbreviations_numbers_urls() -> None:
    text = "قالت أ.ف.ب و(أ. ف. ب) إن 3.5% و١٢٫٥٪ في 12.10.2023 ، انظر www.example.org/a.b"
    toks = tokenize(text)
    assert [(t.text, t.kind) for t in toks if t.kind != "word"] == [
        ("أ.ف.ب", "abbr"),
        ("(", "punct"),
        ("أ. ف. ب", "abbr"),
        (")", "punct"),
        ("3.5%", "num"),
        ("١٢٫٥٪", "num"),
        ("12.10.2023", "num"),
        ("،", "punct"),
        ("www.example.org/a.b", "url"),
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_arabic_punctuation_is_not_a_word() -> None:
    kinds = {t.text: t.kind for t in tokenize("هل وصل؟ نعم؛ وصل، أخيرا")}
    assert kinds["؟"] == kinds["؛"] == kinds["،"] == "punct"
    assert kinds["وصل"] == "word"


def test_diacritics_and_tatweel_stay_inside_words() -> None:
    assert [t.text for t in tokenize("مُحَمَّد في أبهــا")] == ["مُحَمَّد", "في", "أبهــا"]


def test_clitic_split_offsets() -> None:
    text = "اجتمع والمحادثات للصين وبالسلام"
    start = text.index("والمحادثات")
    pieces = split_clitics("والمحادثات", start)
    assert [p[2] for p in pieces] == ["و", "ال", "محادثات"]
    assert [text[s:e] for s, e, _ in pieces] == ["و", "ال", "محادثات"]
    start = text.index("للصين")
    pieces = split_clitics("للصين", start)
    assert [p[2] for p in pieces] == ["ل", "ال", "صين"]
    assert text[pieces[-1][0] : pieces[-1][1]] == "صين"
    assert [p[2] for p in split_clitics("وبالسلام")] == ["و", "ب", "ال", "سلام"]


def test_short_words_stay_whole() -> None:
    assert split_clitics("ولد") == [(0, 3, "ولد")]
    assert split_clitics("بل") == [(0, 2, "بل")]
    assert strip_clitics("كالبحر") == "بحر"
    assert strip_clitics("كتاب") == "كتاب"


def test_segment_adds_layers() -> None:
    art = Article(text="قال الوزير إن القمة مهمة. وأضاف أنها ستعقد في جيبوتي.")
    segment(art)
    assert [art.span_text(s) for s in art.layer("sentences")] == [
        "قال الوزير إن القمة مهمة.",
        "وأضاف أنها ستعقد في جيبوتي.",
    ]
    assert art.span_text(art.layer("tokens")[0]) == "قال"

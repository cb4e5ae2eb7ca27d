from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from marsad.cli import main as cli_main
from marsad.entities.ner import entity_spans, model_available, repair_bio, tag_sentences
from marsad.entities.ner.conll import read_conll, tokens_and_tags
from marsad.entities.ner.document import document_features, train_label_features
from marsad.entities.ner.features import FeatureExtractor, Lexicon, word_key
from marsad.evaluation.ner import score

needs_model = pytest.mark.skipif(not model_available(), reason="NER model not built")


# ---------------------------------------------------------------- scoring
def test_entity_spans_follow_conlleval() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS", "B-LOC", "B-LOC"]
    assert entity_spans(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "PERS"),
                                  (7, 8, "LOC"), (8, 9, "LOC")]


def test_score_counts_only_exact_spans_of_the_right_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    s = score(gold, pred)
    assert (s["ALL"].tp, s["ALL"].n_pred, s["ALL"].n_gold) == (2, 3, 3)
    assert s["PERS"].f1 == 0.0
    assert s["LOC"].f1 == 1.0 and s["ORG"].f1 == 1.0
    assert s["ALL"].precision == pytest.approx(2 / 3)
    assert s["ALL"].f1 == pytest.approx(2 / 3)


def test_score_rejects_misaligned_input() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def test_repair_bio_starts_stray_inside_tags() -> None:
    assert repair_bio(["O", "I-LOC", "I-LOC", "I-ORG"]) == ["O", "B-LOC", "I-LOC", "B-ORG"]


def test_read_conll_takes_first_and_last_columns() -> None:
    text = "زار x B-PERS\nسلمى B-PERS\n\n\nالقدس B-LOC\n"
    sents = read_conll(io.StringIO(text))
    tokens, tags = tokens_and_tags(sents)
    assert tokens == [["زار", "سلمى"], ["القدس"]]
    assert tags == [["B-PERS", "B-PERS"], ["B-LOC"]]


# ---------------------------------------------------------------- features
def test_word_key_prefers_the_form_news_knows() -> None:
    rank = {"وزاره": 10, "زاره": 900, "رييس": 5}
    assert word_key("وزاره", rank) == "وزاره"  # not و + زارة
    assert word_key("والرييس", rank) == "رييس"
    assert word_key("بالمدينه", {}) == "مدينه"  # unknown: strip all


def test_features_cover_punctuation_latin_and_numbers() -> None:
    lex = Lexicon(gaz_words={"عمان": frozenset({"LOC"})},
                  gaz_phrases={("سلطنه", "عمان"): frozenset({"LOC"})}, max_phrase=2)
    fx = FeatureExtractor(lex)
    sent = ["وصل", "الوفد", "إلى", "سلطنة", "عمان", "(", "UNESCO", ")", "في", "12.10.2023", "."]
    feats = fx.sentence(sent)
    assert len(feats) == len(sent)
    assert "gw=LOC" in feats[4] and "gpI=LOC" in feats[4] and "gpB=LOC" in feats[3]
    assert "sh=L" in feats[6]
    assert "w=<num>" in feats[9]
    assert "-1:BOUND" in feats[0] and "1:BOUND" in feats[-1]
    assert "-2:trig=PREP_LOC" in feats[4]


def test_document_features_carry_a_name_to_its_other_mentions() -> None:
    keys = [["قال", "اتحاد", "اوروبي", "امس"], ["رحب", "اتحاد", "بالقرار"]]
    first = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O"]]
    feats = document_features(keys, first)
    assert "dmaj=ORG" in feats[1][1] and "dpart=ORG" in feats[1][1]
    assert "dmaj=ORG" not in feats[0][1]  # only other mentions count, not the token itself
    assert "deB=ORG" in feats[0][1] and "deI=ORG" in feats[0][2]
    assert "1:dmaj=ORG" in feats[1][0]
    assert document_features(keys, first, window=0)[1][1] == []


def test_train_label_features_bucket_the_shares() -> None:
    counts = {"عمان": {"LOC": 9, "PERS": 1}, "قال": {"O": 40}}
    feats = train_label_features(["قال", "عمان", "زيد"], counts)
    assert feats[0][0] == "tlO" and "1:tlLOC=9" in feats[0]
    assert "tlLOC=9" in feats[1] and "tlPERS=1" in feats[1]
    assert feats[2][0] == "tl-"


# ---------------------------------------------------------------- model
@needs_model
def test_title_and_place_words_bring_entities() -> None:
    sents = [
        "وقال الرئيس كريم الزعبي إن الحكومة ستفتح ملف المياه".split(),
        "وافتتح الوفد معرضا للكتاب في مدينة طرابلس أمس".split(),
    ]
    tags = tag_sentences(sents)
    assert [len(t) for t in tags] == [len(s) for s in sents]
    assert tags[0][2] == "B-PERS" and tags[0][3] == "I-PERS"
    assert tags[1][6] == "B-LOC"
    assert tags[0][0] == "O" and tags[1][0] == "O"


@needs_model
def test_tag_handles_empty_and_odd_sentences() -> None:
    sents: list[list[str]] = [[], ["،", "؟", "!!"], ["IMF", "2025", "%"]]
    tags = tag_sentences(sents)
    assert [len(t) for t in tags] == [0, 3, 3]


@needs_model
def test_marsad_tag_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("التقى\tx\nالرئيس\tx\nكريم\tx\nالزعبي\tx\nوفدا\tx\n\n"
            "وصل\nالمبعوث\nإلى\nمدينة\nطرابلس\n")
    f = tmp_path / "in.conll"
    f.write_text(text, encoding="utf-8")
    assert cli_main(["tag", str(f)]) == 0
    out = capsys.readouterr().out
    blocks = out.split("\n\n")
    assert len(blocks) == 2
    rows = [line.split("\t") for line in blocks[0].splitlines()]
    assert [r[0] for r in rows] == ["التقى", "الرئيس", "كريم", "الزعبي", "وفدا"]
    assert rows[2][1] == "B-PERS"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert cli_main(["tag", "-"]) == 0
    assert capsys.readouterr().out == out
    rows2 = [line.split("\t") for line in blocks[1].splitlines()]
    assert rows2[4] == ["طرابلس", "B-LOC"]


@needs_model
@pytest.mark.shared
def test_shipped_model_on_anercorp_test(shared_dir: Path) -> None:
    path = shared_dir / "data" / "anercorp" / "ANERcorp-CamelLabSplits-test.conll"
    with path.open(encoding="utf-8") as fh:
        tokens, gold = tokens_and_tags(read_conll(fh))
    tokens, gold = tokens[:300], gold[:300]
    s = score(gold, tag_sentences(tokens))
    assert s["ALL"].f1 > 0.71  # measured 0.730
    assert s["LOC"].f1 > 0.85  # measured 0.876
    if model_available("document"):
        d = score(gold, tag_sentences(tokens, mode="document"))
        assert d["ALL"].f1 > 0.73  # measured 0.747
        assert d["PERS"].f1 > 0.71  # measured 0.734


@needs_model
def test_marsad_eval_ner_prints_per_type_and_micro(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = ("قال\tO\nالرئيس\tO\nكريم\tB-PERS\nالزعبي\tI-PERS\nفي\tO\nمدينة\tO\nطرابلس\tB-LOC\n"
            "إن\tO\nالمياه\tO\nتكفي\tO\n")
    f = tmp_path / "gold.conll"
    f.write_text(gold, encoding="utf-8")
    assert cli_main(["eval", "ner", str(f)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert set(rows) >= {"LOC", "PERS", "micro"}
    assert float(rows["micro"][3]) == pytest.approx(1.0)


@pytest.mark.skipif(not model_available("accurate"), reason="accurate NER model not built")
def test_accurate_mode_tags_the_same_clear_entities() -> None:
    sents = ["وقال الرئيس كريم الزعبي إن الحكومة ستفتح ملف المياه في مدينة طرابلس".split(), []]
    tags = tag_sentences(sents, mode="accurate")
    assert tags[1] == []
    assert tags[0][2:4] == ["B-PERS", "I-PERS"] and tags[0][-1] == "B-LOC"


@pytest.mark.skipif(not model_available("document"), reason="document NER model not built")
def test_document_mode_tags_the_same_clear_entities() -> None:
    sents = ["وقال الرئيس كريم الزعبي إن الحكومة ستفتح ملف المياه في مدينة طرابلس".split(), [],
             "وأضاف الزعبي أن طرابلس تستحق".split()]
    tags = tag_sentences(sents, mode="document")
    assert [len(t) for t in tags] == [len(s) for s in sents]
    assert tags[0][2:4] == ["B-PERS", "I-PERS"] and tags[0][-1] == "B-LOC"
    assert tags[2][1] == "B-PERS" and tags[2][3] == "B-LOC"


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        tag_sentences([["كلمة"]], mode="slow")

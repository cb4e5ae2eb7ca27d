from marsad.cli.render import render_article
from marsad.document import Article, Span
from marsad.pipeline import STAGE_NAMES, Pipeline, Stage, select_stages


def test_stages_run_in_data_flow_order():
    assert STAGE_NAMES == ("segment", "entities", "time", "attribution", "events")
    assert [s.name for s in select_stages(upto="time")] == ["segment", "entities", "time"]
    assert [s.name for s in select_stages(["events", "segment"])] == ["segment", "events"]


def test_segment_stage_adds_sentences_over_text_without_line_breaks():
    text = 'قال المتحدث "سنواصل الحوار. لا بديل عنه" ثم غادر القاعة. ونقلت أ.ف.ب الخبر عند الساعة 3.5 مساء.'
    art = Pipeline(select_stages(["segment"]))(Article(text=text))
    sentences = [art.span_text(s) for s in art.layers["sentences"]]
    assert sentences == [
        'قال المتحدث "سنواصل الحوار. لا بديل عنه" ثم غادر القاعة.',
        "ونقلت أ.ف.ب الخبر عند الساعة 3.5 مساء.",
    ]


def test_a_failing_stage_warns_and_the_article_survives(monkeypatch):
    import marsad.segment as segment_module

    def broken(article):
        raise ValueError("bad layer")

    monkeypatch.setattr(segment_module, "segment", broken)
    art = Pipeline([Stage("segment", "marsad.segment:segment", ("sentences",))])(Article(text="نص قصير."))
    assert art.meta["warnings"] == ["stage segment failed: ValueError: bad layer"]


def test_render_shows_text_and_layers():
    text = "التقى وزير الخارجية نظيره في الرياض."
    art = Article(text=text, outlet="صحيفة الأفق", published="2024-05-02", published_source="metadata")
    art.set_layer("sentences", [Span(0, len(text), "sentence")])
    art.set_layer("timexes", [])
    start = text.index("الرياض")
    art.set_layer("entities", [Span(start, start + 6, "GPE", {"name": "الرياض", "actor": "SAU", "entity_id": "g1"})])
    out = render_article(art)
    assert "صحيفة الأفق" in out and "2024-05-02 (from metadata)" in out
    assert "GPE  الرياض → الرياض SAU [g1]" in out
    assert "── timexes (0)" in out

from marsad.document import Article, Span, article_id

TEXT = "وقال وزير الخارجية سيرغي لافروف إن موسكو تقدر الدعم. وأضاف أن المحادثات ستستمر."


def test_id_is_stable_and_depends_on_url_and_content():
    a = Article(text=TEXT, url="https://example.org/a")
    b = Article(text=TEXT, url="https://example.org/a")
    c = Article(text=TEXT, url="https://example.org/b")
    assert a.id == b.id != c.id
    assert len(a.id) == 16
    assert article_id(None, TEXT) != article_id(None, TEXT + " ")


def test_content_hash_ignores_spelling_noise():
    a = Article(text="أكد الرئيس  الروسي")
    b = Article(text="اكد الرئيس الروسى")
    assert a.content_hash == b.content_hash


def test_round_trip_keeps_layers_and_flat_attributes():
    art = Article(text=TEXT, outlet="وكالة المرصد", published="2023-10-19", published_source="metadata")
    start = TEXT.index("سيرغي لافروف")
    art.set_layer("entities", [Span(start, start + len("سيرغي لافروف"), "PER", {"entity_id": "e1", "actor": "RUSGOV"})])
    data = art.to_dict()
    ent = data["layers"]["entities"][0]
    assert ent["text"] == "سيرغي لافروف"
    assert ent["actor"] == "RUSGOV" and ent["label"] == "PER"
    assert data["published"] == {"value": "2023-10-19", "from": "metadata"}
    back = Article.from_dict(data)
    assert back.id == art.id
    assert back.layers["entities"][0].attrs == {"entity_id": "e1", "actor": "RUSGOV"}
    assert back.span_text(back.layers["entities"][0]) == "سيرغي لافروف"


def test_warnings_accumulate_in_meta():
    art = Article(text=TEXT)
    art.warn("no publication date")
    art.warn("stage x failed")
    assert art.meta["warnings"] == ["no publication date", "stage x failed"]

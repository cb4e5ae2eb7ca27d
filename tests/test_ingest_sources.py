from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from ingest_samples import ENGLISH_STORY, SECOND_STORY, STORY, page, synthetic_records, write_jsonl

from marsad.document import Article
from marsad.ingest import IngestFailure, IngestOptions, parse_field_overrides, read_inputs
from marsad.ingest.sidecar import SidecarError


def read(inputs: list[str | Path], **kw: object) -> list[Article | IngestFailure]:
    return list(read_inputs([str(i) for i in inputs], IngestOptions(**kw)))  # type: ignore[arg-type]


def only(items: list[Article | IngestFailure]) -> Article | IngestFailure:
    assert len(items) == 1, items
    return items[0]


def test_plain_text_file(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    art = only(read([f]))
    assert isinstance(art, Article)
    assert "وزارة الخارجية" in art.text
    assert art.raw == STORY
    assert art.source == str(f)
    assert art.language == "ar"
    assert art.published is None and art.published_source == "unknown"
    assert "non_arabic" not in art.meta


def test_windows_1256_file(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_bytes(STORY.encode("cp1256"))
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.raw == STORY
    assert art.meta["encoding"] == "cp1256"
    assert art.language == "ar"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file_with_and_without_bom(tmp_path: Path, codec: str) -> None:
    f = tmp_path / "wide.txt"
    f.write_bytes(STORY.encode(codec))
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.raw == STORY
    assert art.meta["encoding"].startswith("utf-16")


def test_empty_file_fails_clearly(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    fail = only(read([f]))
    assert isinstance(fail, IngestFailure)
    assert fail.source == str(f)
    assert fail.message == "empty file"


def test_binary_file_fails_clearly(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    fail = only(read([f]))
    assert isinstance(fail, IngestFailure)
    assert "binary file" in fail.message


def test_file_over_the_size_cap_fails(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text(STORY * 50, encoding="utf-8")
    fail = only(read([f], max_bytes=1024))
    assert isinstance(fail, IngestFailure)
    assert "too large" in fail.message and "limit" in fail.message


def test_missing_file_fails_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    items = read([tmp_path / "nope.txt", good])
    assert isinstance(items[0], IngestFailure) and "no such file" in items[0].message
    assert isinstance(items[1], Article)


def test_non_arabic_text_is_kept_and_flagged(tmp_path: Path) -> None:
    f = tmp_path / "english.txt"
    f.write_text(ENGLISH_STORY, encoding="utf-8")
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.language == "en"
    assert art.meta["non_arabic"] is True
    assert any("not Arabic" in w for w in art.meta["warnings"])


def test_html_page_main_text_title_date_outlet(tmp_path: Path) -> None:
    head = (
        "<meta property='og:site_name' content='صحيفة المساء'>"
        "<meta property='article:published_time' content='2024-02-11T08:30:00+03:00'>"
    )
    f = tmp_path / "page.html"
    f.write_text(page("الوزير يزور عمّان", STORY, head), encoding="utf-8")
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.title == "الوزير يزور عمّان"
    assert art.outlet == "صحيفة المساء"
    assert (art.published, art.published_source) == ("2024-02-11", "html")
    assert "رحبت الحكومة الأردنية" in art.text
    assert "الرئيسية" not in art.text and "جميع الحقوق محفوظة" not in art.text
    assert "<p>" in art.raw


def test_html_written_arabic_date_and_domain_outlet(tmp_path: Path) -> None:
    body = page("البرلمان يقر الموازنة", SECOND_STORY).replace(
        "<h1>", "<div class='post-date'>الاثنين، 4 آذار/مارس 2024</div><h1>"
    )
    body = body.replace("<head>", "<head><link rel='canonical' href='https://www.akhbar.example/p/88'>")
    f = tmp_path / "p.htm"
    f.write_text(body, encoding="utf-8")
    art = only(read([f]))
    assert isinstance(art, Article)
    assert (art.published, art.published_source) == ("2024-03-04", "html")
    assert art.outlet == "akhbar.example"
    assert art.url == "https://www.akhbar.example/p/88"


def test_html_comment_policy_block_is_pruned(tmp_path: Path) -> None:
    policy = (
        "<div><p>نرحب بتعليقاتكم، ونرجو مراجعة <a href='/community_guidelines.html'>إرشادات الاستخدام</a> "
        "و<a href='/privacy.html'>سياسة الخصوصية</a> قبل النشر.</p>"
        "<p>الآراء الواردة أدناه تعبر عن أصحابها فقط.</p></div>"
    )
    html = page("البرلمان يقر الموازنة", SECOND_STORY).replace("</article>", "</article>" + policy)
    f = tmp_path / "policy.html"
    f.write_text(html, encoding="utf-8")
    art = only(read([f]))
    assert isinstance(art, Article)
    assert "صادق البرلمان" in art.text
    assert "إرشادات الاستخدام" not in art.text and "الآراء الواردة" not in art.text


def test_truncated_html_keeps_text_with_a_warning(tmp_path: Path) -> None:
    html = page("الوزير يزور عمّان", STORY, close=False)
    html = html[: html.index("من جهتها") + 40]  # cut inside the last paragraph
    f = tmp_path / "cut.html"
    f.write_text(html, encoding="utf-8")
    art = only(read([f]))
    assert isinstance(art, Article)
    assert "وزارة الخارجية" in art.text
    assert any("truncated" in w for w in art.meta["warnings"])


def test_html_without_article_text_fails(tmp_path: Path) -> None:
    f = tmp_path / "broken.html"
    f.write_text("<html><head><title>x</title></head><body><div><script>var a = 1;", encoding="utf-8")
    fail = only(read([f]))
    assert isinstance(fail, IngestFailure)
    assert "no article text" in fail.message


def test_cnn_arabic_page(shared_dir: Path) -> None:
    art = only(read([shared_dir / "corpus/html/cnn-arabic-2013-syria-clashes.html"]))
    assert isinstance(art, Article)
    assert art.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert (art.published, art.published_source) == ("2013-08-28", "html")
    assert "السيطرة على مستودعات للأسلحة" in art.text
    assert "ليختار مصيره بملء إرادته" in art.text  # the last body paragraph
    for junk in ("ترحب شبكة CNN بالنقاش", "الآراء الواردة أدناه", "سياسة الخصوصية", "Cable News Network", "أرشيف"):
        assert junk not in art.text
    assert art.outlet == "CNNArabic"


def test_jsonl_records_failures_and_provenance(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "عنوان", "text": STORY, "url": "https://x.example/2023/05/17/a1",
                    "source": "موقع س", "author": ["مراسل أول", "مراسل ثان"], "date_extracted": "2023-05-18 01:02:03"},
                   ensure_ascii=False),
        "{this is not json",
        json.dumps({"id": "a2", "text": "   "}),
        json.dumps({"id": "a3", "story": STORY}),
        json.dumps({"id": "a4", "content": SECOND_STORY, "date_publish": "2024-01-09 10:00:00"}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([f])
    assert len(items) == 5
    first = items[0]
    assert isinstance(first, Article)
    assert (first.source_id, first.outlet, first.title) == ("a1", "موقع س", "عنوان")
    assert first.author == "مراسل أول، مراسل ثان"
    assert (first.published, first.published_source) == ("2023-05-17", "url")
    assert first.meta["crawled"] == "2023-05-18T01:02:03"
    assert json.loads(first.raw)["id"] == "a1"
    bad_json = items[1]
    assert isinstance(bad_json, IngestFailure)
    assert bad_json.source_id == "line 2" and "not JSON" in bad_json.message
    empty = items[2]
    assert isinstance(empty, IngestFailure) and (empty.source_id, empty.message) == ("a2", "empty content")
    no_field = items[3]
    assert isinstance(no_field, IngestFailure) and "--field text=NAME" in no_field.message
    dated = items[4]
    assert isinstance(dated, Article)
    assert (dated.published, dated.published_source) == ("2024-01-09T10:00:00", "metadata")


def test_field_overrides(tmp_path: Path) -> None:
    f = tmp_path / "custom.jsonl"
    write_jsonl(f, [{"body": STORY, "pub": "2022-06-30", "site": "منبر", "text": "ليس هذا"}])
    art = only(read([f], fields=parse_field_overrides(["text=body", "published=pub", "outlet=site"])))
    assert isinstance(art, Article)
    assert "وزارة الخارجية" in art.text
    assert (art.published, art.outlet) == ("2022-06-30", "منبر")
    with pytest.raises(ValueError, match="unknown key"):
        parse_field_overrides(["colour=red"])
    with pytest.raises(ValueError, match="KEY=NAME"):
        parse_field_overrides(["text"])


def test_gzipped_jsonl_and_json_array(tmp_path: Path) -> None:
    records = synthetic_records(4)
    gz = tmp_path / "dump.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        for rec in records[:2]:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    arr = tmp_path / "dump.json"
    arr.write_text(json.dumps(records[2:], ensure_ascii=False), encoding="utf-8")
    items = read([gz, arr])
    assert [a.source_id for a in items if isinstance(a, Article)] == ["rec-0", "rec-1", "rec-2", "rec-3"]


def test_corrupt_gzip_is_one_failure(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00" + b"garbage" * 20)
    fail = only(read([f]))
    assert isinstance(fail, IngestFailure) and "corrupt" in fail.message


def test_folder_is_read_recursively_in_order_with_sidecars(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(SECOND_STORY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH_STORY, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "meta.jsonl").write_text(
        json.dumps({"file": "a.txt", "published": "2023-10-19", "outlet": "الشرق", "wires": ["Reuters"]},
                   ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    items = read([tmp_path])
    assert [Path(a.source or "").name for a in items] == ["a.txt", "c.txt"]
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.published, first.published_source, first.outlet) == ("2023-10-19", "metadata", "الشرق")
    assert "Reuters" in first.meta["wires"]
    assert second.published is None


def test_explicit_meta_file_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    story = tmp_path / "docs" / "x.txt"
    story.write_text(STORY, encoding="utf-8")
    meta = tmp_path / "side.jsonl"
    meta.write_text(json.dumps({"file": "x.txt", "published": "2021-01-02", "outlet": "أ"}) + "\n", encoding="utf-8")
    art = only(read([story], meta_file=str(meta)))
    assert isinstance(art, Article) and (art.published, art.outlet) == ("2021-01-02", "أ")
    art = only(read([story], meta_file=str(meta), outlet="ب", published="2020-05-05"))
    assert isinstance(art, Article) and (art.published, art.outlet) == ("2020-05-05", "ب")


def test_bad_explicit_meta_file_is_an_error(tmp_path: Path) -> None:
    meta = tmp_path / "side.jsonl"
    meta.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SidecarError, match="not JSON"):
        read([tmp_path], meta_file=str(meta))


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "d.jsonl", synthetic_records(5))
    first = [a.id for a in read([f]) if isinstance(a, Article)]
    again = [a.id for a in read([f]) if isinstance(a, Article)]
    assert first == again and len(set(first)) == 5


def test_malformed_feed_file(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>أخبار</title><item><title>خبر",
                 encoding="utf-8")
    fail = only(read([f]))
    assert isinstance(fail, IngestFailure)
    assert "malformed feed" in fail.message


def test_warc_html_responses(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "crawl.warc.gz"
    with open(f, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html, ctype in (
            ("https://akhbar.example/2024/02/11/visit", page("الوزير يزور عمّان", STORY), "text/html; charset=utf-8"),
            ("https://akhbar.example/logo.png", "PNG", "image/png"),
            ("https://akhbar.example/2024/03/04/budget", page("البرلمان يقر الموازنة", SECOND_STORY), "text/html"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers)
            writer.write_record(record)
    items = read([f])
    assert len(items) == 2
    assert all(isinstance(a, Article) for a in items)
    first = items[0]
    assert isinstance(first, Article)
    assert first.url == "https://akhbar.example/2024/02/11/visit"
    assert (first.published, first.published_source) == ("2024-02-11", "url")
    assert first.source_id and first.source_id.startswith("<urn:uuid:")
    assert "crawled" in first.meta


def test_stdin_reads_one_document() -> None:
    from io import BytesIO

    items = list(read_inputs(["-"], IngestOptions(stdin=BytesIO(STORY.encode("utf-8")))))
    art = only(items)
    assert isinstance(art, Article) and art.source == "<stdin>" and "وزارة الخارجية" in art.text


def test_windows_1256_html_page_with_declared_charset(tmp_path: Path) -> None:
    html = page("البرلمان يقر الموازنة", SECOND_STORY).replace("charset='utf-8'", "charset='windows-1256'")
    f = tmp_path / "old.html"
    f.write_bytes(html.encode("cp1256"))
    art = only(read([f]))
    assert isinstance(art, Article)
    assert art.meta["encoding"] == "cp1256"
    assert "صادق البرلمان" in art.text and art.title == "البرلمان يقر الموازنة"


def test_record_that_is_only_furniture_fails_after_cleaning(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "links.jsonl", [{"id": "g1", "text": "رابط الخبر بصحيفة المساء: بالصور .. افتتاح المعرض"}])
    fail = only(read([f]))
    assert isinstance(fail, IngestFailure)
    assert fail.source_id == "g1" and fail.message.startswith("empty content")

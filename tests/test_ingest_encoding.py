from __future__ import annotations

import codecs

import pytest
from ingest_samples import ENGLISH_STORY, STORY

from marsad.ingest.dates import date_from_text, date_from_url, normalize_date
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.language import detect_language


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16-be"),
        (STORY.encode("utf-16-le"), "utf-16-le"),
        (STORY.encode("utf-16-be"), "utf-16-be"),
        (STORY.encode("cp1256"), "cp1256"),
    ],
)
def test_decodes_arabic_in_every_supported_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == STORY
    assert decoded.encoding == encoding


def test_declared_charset_is_used_when_utf8_fails() -> None:
    text = "Le ministre a déclaré que la réunion aura lieu à Genève."
    assert decode_bytes(text.encode("cp1252"), declared="windows-1252").text == text


def test_empty_and_whitespace_only_input_is_refused() -> None:
    for data in (b"", b"  \n\t "):
        with pytest.raises(DecodeError, match="empty file"):
            decode_bytes(data)


def test_binary_with_nul_bytes_is_refused() -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(DecodeError, match="binary file"):
        decode_bytes(data)


def test_control_character_soup_is_refused() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 0x11, 0x81, 0x8D]) * 50
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(data)


def test_language_detection() -> None:
    assert detect_language(STORY) == "ar"
    assert detect_language(ENGLISH_STORY) == "en"
    assert detect_language("أعلن الوزير " + "EU NATO UN " + STORY) == "ar"
    assert detect_language("١٢٣ 456 — ...") is None


def test_written_dates_in_timestamp_lines() -> None:
    assert date_from_text("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00") == "2013-08-28"
    assert date_from_text("نشر في ٥ من تشرين الأول ٢٠٢٣") == "2023-10-05"
    assert date_from_text("السبت 12 يوليو 2025 - 10:30") == "2025-07-12"
    assert date_from_text("Published March 3, 2024") == "2024-03-03"
    assert date_from_text("آخر تحديث: 31/12/2022") == "2022-12-31"
    assert date_from_text("31 فبراير 2022") is None  # not a real day


def test_dates_in_urls() -> None:
    assert date_from_url("http://www.example.com/2015/07/20/article_974922.html") == "2015-07-20"
    assert date_from_url("http://www.example.com/2015/20150721/fe1.htm") == "2015-07-21"
    assert date_from_url("http://www.example.com/Issues/20150720/Con20150720784687.htm") == "2015-07-20"
    assert date_from_url("http://www.example.com/1066713") is None
    assert date_from_url("http://20150720.example.com/x") is None  # hosts are not paths


def test_metadata_dates_are_iso() -> None:
    assert normalize_date("2015-07-21 02:51:32") == "2015-07-21T02:51:32"
    assert normalize_date("2023-10-19") == "2023-10-19"
    assert normalize_date("Wed, 28 Aug 2013 10:00:00 +0400") == "2013-08-28T10:00:00+04:00"
    assert normalize_date("2023-10-19T10:00:00+0300") == "2023-10-19T10:00:00+03:00"
    assert normalize_date("not a date") is None
    assert normalize_date("") is None

"""Bytes to text: byte-order marks, UTF-16 without a BOM, Windows-1256, and refusing binaries.

Arabic news arrives in UTF-8 mostly, but old sites and Windows tools still
produce Windows-1256 and UTF-16.  Decoding is strict: a file that is not
plausibly text is reported as binary rather than turned into mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 64 * 1024
# Share of control / unassigned characters above which decoded "text" is really binary.
_MAX_JUNK = 0.02


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset named by HTTP or an HTML meta tag.

    Order: BOM, UTF-16 without BOM (text full of NUL bytes), strict UTF-8, the
    declared charset, then Windows-1256 or charset-normalizer's best guess.
    """
    if not data or not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, "utf-8" if encoding == "utf-8-sig" else encoding)
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        for encoding in _utf16_candidates(sample):
            text = _try(data, encoding)
            if text is not None and _plausible(text):
                return Decoded(text, encoding)
        raise DecodeError("binary file: contains NUL bytes and is not UTF-16 text")
    text = _try(data, "utf-8")
    if text is not None and _plausible(text):
        return Decoded(text, "utf-8")
    if declared:
        encoding = _codec_name(declared)
        if encoding and encoding != "utf-8":
            text = _try(data, encoding)
            if text is not None and _plausible(text):
                return Decoded(text, encoding)
    return _guess_legacy(data)


def _strict(data: bytes, codec: str, label: str) -> Decoded:
    text = _try(data, codec)
    if text is None:
        raise DecodeError(f"undecodable: starts with a {label} byte-order mark but is not valid {label}")
    if not text.strip():
        raise DecodeError("empty file")
    return Decoded(text, label)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def _utf16_candidates(sample: bytes) -> list[str]:
    """UTF-16 text has its NULs on one side: odd offsets for LE, even for BE (ASCII and Arabic alike)."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > even:
        return ["utf-16-le", "utf-16-be"]
    if even > odd:
        return ["utf-16-be", "utf-16-le"]
    return []


def _plausible(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    junk = 0
    for ch in sample:
        if ch in "\n\r\t\f":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Cs", "Co"):
            junk += 1
    return junk / len(sample) <= _MAX_JUNK


def arabic_letter_share(text: str) -> float:
    """Share of letters that are Arabic-script letters (0 when there are no letters)."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if is_arabic_letter(ch):
                arabic += 1
    return arabic / letters if letters else 0.0


def is_arabic_letter(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def _guess_legacy(data: bytes) -> Decoded:
    """Not UTF-8: Windows-1256 when it reads as Arabic, else what charset-normalizer trusts."""
    cp1256 = _try(data, "cp1256")
    if cp1256 is not None and _plausible(cp1256) and arabic_letter_share(cp1256) >= 0.5:
        return Decoded(cp1256, "cp1256")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 4 * _SAMPLE]).best()
    except Exception:  # the detector is a helper; its failure means "unknown", not a crash
        best = None
    if best is not None:
        text = _try(data, best.encoding)
        if text is not None and _plausible(text):
            return Decoded(text, best.encoding)
    raise DecodeError("undecodable: not UTF-8, UTF-16 or Windows-1256 text (binary file?)")

"""From extracted article text to the clean display text, with the junk parsed and accounted for.

The display text stays faithful to the source: only scraper debris, site
furniture, repeated captions and credit footers go, and every removal is
recorded as ``{"kind", "text"}``.  Footers and bylines are parsed rather than
thrown away: wire agencies, contributors and the dateline land in
``article.meta``.  Matching forms are computed on demand by
:func:`marsad.clean.normalize.normalize_with_map`, never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from marsad.clean import furniture as F
from marsad.clean.dateline import OUTLET_NAMES, find_dateline
from marsad.clean.normalize import tidy_display
from marsad.clean.wires import merge_wires, wires_in
from marsad.document import Article

_MAX_TITLE_WORDS = 20
_BLANK_RUNS = re.compile(r"\n{3,}")
_AND = re.compile(r"\s+و(?=\S)")
_LIST_SEP = re.compile(r"\s*[،,]\s*")
_LIST_SEP_AND = re.compile(r"\s*[،,]\s*(?:و(?=\S{2}))?")  # "نادر سليم، وهبة كامل"
_EDITOR = re.compile(r"\s*(?:[-–;؛]\s*(?:تحرير|مراجعة|إعداد)|;\s*(?:Editing|Writing|Additional reporting) by)\s+")


@dataclass
class CleanResult:
    """Clean display text and what was parsed out of the junk."""

    text: str
    title: str | None = None
    wires: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    dateline: dict[str, Any] | None = None
    removed: list[dict[str, str]] = field(default_factory=list)

    def _remove(self, kind: str, text: str) -> None:
        text = text.strip()
        if text:
            self.removed.append({"kind": kind, "text": text})

    def _add_wires(self, found: list[str]) -> None:
        self.wires = merge_wires(self.wires, found)

    def _add_contributors(self, names: list[str]) -> None:
        for name in names:
            name = name.strip(" ،,.:")
            if name and name not in self.contributors:
                self.contributors.append(name)


def _contributor_names(who: str) -> list[str]:
    """Names from a credit line such as "سامي الحداد في بيروت وماريا لوبيز في مدريد ، إسبانيا"."""
    who = who.strip(" ،,.")
    if " في " not in who:
        return [n for part in _LIST_SEP_AND.split(who) for n in _AND.split(part) if n.strip()]
    names = []
    for part in _AND.split(who):
        if " في " in part:
            names.append(part.split(" في ", 1)[0])
        elif not names:
            names.append(part)
        # A part without "في" after a "name في place" continues the place ("سيول وكوريا الجنوبية").
    return names


_FOOTER_TAIL = 160  # glued footers are short: only the end of a line is searched


def _strip_suffixes(line: str, result: CleanResult) -> str:
    if "للتواصل مع الكاتب" in line or "لمراسلة الكاتب" in line:
        m = F.CONTACT_SUFFIX.search(line)
        if m and m.start() > 0:
            result._remove("contact", m.group())
            line = line[: m.start()].rstrip()
    if not line.endswith(")") and "/" not in line[-40:]:
        return line
    cut = max(0, len(line) - _FOOTER_TAIL)
    m = F.PHOTO_SUFFIX.search(line, cut)
    if m and m.start() > 0:
        result._remove("photo_credit", m.group())
        line = line[: m.start()].rstrip()
        cut = max(0, len(line) - _FOOTER_TAIL)
    m = F.CREDIT_FOOTER.search(line, cut)
    if m and _footer_may_start(line, m.start()):
        result._remove("credit", m.group())
        result._add_wires(wires_in(m["wires"]))
        if m["initials"]:
            result._add_contributors(re.split(r"\s*/\s*", m["initials"]))
        return line[: m.start()].rstrip()
    m = F.INITIALS_FOOTER.search(line, cut)
    if m and _footer_may_start(line, m.start()):
        result._remove("credit", m.group())
        result._add_contributors(re.split(r"\s*/\s*", m["initials"]))
        line = line[: m.start()].rstrip()
    return line


def _footer_may_start(line: str, start: int) -> bool:
    """A glued footer follows the end of a sentence, or is the whole line."""
    before = line[:start].rstrip()
    return not before or before[-1] in F.SENTENCE_END


def _line_junk(line: str) -> str | None:
    for kind, pattern in F.LINE_RULES:
        if pattern.fullmatch(line):
            return kind
    return None


def _credit_line(line: str, result: CleanResult) -> bool:
    """Contributor and editor lines: parsed into contributors, removed from the text."""
    m = F.CONTRIBUTED.match(line)
    if m:
        result._add_contributors(_contributor_names(m["who"] or m["who_after"] or ""))
        result._remove("contributors", line)
        return True
    m = F.PREPARED_BY.match(line)
    if m:
        who = m["who"]
        if "للنشرة العربية" in who or line.startswith("(Reporting by"):
            result._add_wires(["Reuters"])
            who = who.replace("للنشرة العربية", " ")
        result._add_contributors([n for part in _EDITOR.split(who) for n in _LIST_SEP.split(part)])
        result._remove("contributors", line)
        return True
    return False


def _headline(lines: list[str], dateline_start: int | None) -> str | None:
    content = [ln for ln in lines if ln]
    if len(content) < 2:
        return None
    first = content[0]
    if dateline_start == 0:
        return None
    if first[-1] in ".!؟?:،,؛" or len(first.split()) >= _MAX_TITLE_WORDS:
        return None
    return first


def clean_text(text: str, outlet: str | None = None) -> CleanResult:
    """Clean display text from extracted article text, with parsed credits and dateline.

    ``outlet`` is the publishing outlet's name, which its own datelines may mention
    ("جدة- سبق:"); it is never taken for a place.
    """
    result = CleanResult(text="")
    text = tidy_display(text)

    for m in F.SCRAPER_MARKER.finditer(text):
        result._remove("scraper_marker", m.group())
    text = F.SCRAPER_MARKER.sub("", text)

    kept: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if not line:
            kept.append("")
            continue
        for kind, pattern in F.PREFIX_RULES:
            m = pattern.match(line)
            if m:
                result._remove(kind, m.group())
                line = line[m.end() :]
        if not line:
            continue
        kind = _line_junk(line)
        if kind is not None:
            if kind == "credit":
                result._add_wires(wires_in(line))
            result._remove(kind, line)
            continue
        if _credit_line(line, result):
            continue
        line = _strip_suffixes(line, result)
        if line:
            kept.append(line)

    _drop_tail(kept, result)
    _drop_repeats(kept, result)

    clean = _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip()
    result.text = clean
    dateline = find_dateline(clean, OUTLET_NAMES | {outlet} if outlet else OUTLET_NAMES)
    if dateline is not None:
        result.dateline = dateline.to_meta()
        if dateline.agency:
            result._add_wires([dateline.agency])
    result.title = _headline(clean.split("\n"), dateline.start if dateline else None)
    return result


def _content_indexes(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln]


def _is_source_credit(line: str, rest: str) -> bool:
    """ "المصدر: واس" or a bare "المصدر", not a closing sentence about "the source"."""
    words = rest.split()
    if ":" in line or "：" in line:
        return len(words) <= 6
    return len(words) <= 2 and not rest.rstrip().endswith((".", "؟", "!"))


def _drop_tail(lines: list[str], result: CleanResult) -> None:
    """Trailing "المصدر" lines and tag lists, which only mean junk at the very end."""
    for i in reversed(_content_indexes(lines)[-F.SOURCE_TAIL_LINES :]):
        m = F.SOURCE_LINE.fullmatch(lines[i])
        if m and _is_source_credit(lines[i], m["rest"]):
            result._add_wires(wires_in(m["rest"]))
            result._remove("source", lines[i])
            lines[i] = ""
    idx = _content_indexes(lines)
    if idx:
        last = idx[-1]
        m = F.TAGS_SUFFIX.search(lines[last])
        if m:
            result._remove("tags", m.group())
            lines[last] = lines[last][: m.start()].rstrip()
            if _line_junk(lines[last]) == "separator":
                result._remove("separator", lines[last])
                lines[last] = ""


_MIN_REPEAT_WORDS = 5  # shorter repeats are refrains and list items, not scraper doubling


def _drop_repeats(lines: list[str], result: CleanResult) -> None:
    """A line repeated verbatim right after itself (a photo caption printed twice) is kept once."""
    previous: str | None = None
    for i, line in enumerate(lines):
        if not line:
            continue
        if line == previous and len(line.split()) >= _MIN_REPEAT_WORDS:
            result._remove("duplicate", line)
            lines[i] = ""
        else:
            previous = line


def clean_article(article: Article) -> Article:
    """Replace ``article.text`` by its clean display text and record what cleaning found."""
    original = article.text
    result = clean_text(original, article.outlet)
    article.text = result.text
    meta = article.meta
    author_wires = wires_in(article.author) if article.author else []
    meta["wires"] = merge_wires(meta.get("wires"), result.wires + author_wires)
    contributors = list(dict.fromkeys([*(meta.get("contributors") or []), *result.contributors]))
    if contributors:
        meta["contributors"] = contributors
    if result.dateline is not None:
        meta["dateline"] = result.dateline
    else:
        meta.pop("dateline", None)
    # Cleaning an already clean article removes nothing and must not forget the first pass.
    meta["removed"] = [*(meta.get("removed") or []), *result.removed]
    if not result.text and original.strip():
        article.warn("cleaning left no text: the page held only site furniture")
    if not article.title and result.title:
        article.title = result.title
    article.refresh_id()
    return article

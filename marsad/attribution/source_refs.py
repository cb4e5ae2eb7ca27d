"""Source clauses as references: whether a clause names a source, and the innermost-first
reported_by entries it gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.attribution.sources import SourceClause, classify, strip_lam
from marsad.attribution.speakers import INSTITUTIONS, EntityIndex, SpeakerFinder, entity_ref, lookup_ref
from marsad.attribution.view import Tok
from marsad.clean.normalize import normalize

_N = normalize

@dataclass
class _ClauseView:
    start: int
    end: int
    phrase_start: int
    inner_start: int | None = None


def _names_a_source(toks: list[Tok], c: SourceClause, entities: EntityIndex) -> bool:
    """"وفقا للقانون" is not a source; "وفقا لوكالة"، "بحسب مسؤولين"، "حسبما قال فلان" are."""
    if c.verb is not None:
        return True
    words = [t.norm for t in toks[c.phrase_start : c.end]]
    if classify(words) != "other" or any(w in INSTITUTIONS or strip_lam(w) in INSTITUTIONS for w in words[:3]):
        return True
    ds, de = toks[c.phrase_start].start, toks[min(c.end, c.phrase_start + 3) - 1].end
    return any(s.label in ("PER", "ORG") for s in entities.within(ds, toks[c.end - 1].end) if s.start < de)


def _strip_lam(s: str, first_norm: str) -> str:
    if first_norm.startswith("لل") and len(first_norm) > 3 and s.startswith("لل"):
        return "ال" + s[2:]
    if first_norm.startswith("ل") and len(first_norm) > 2 and s.startswith("ل"):
        return s[1:]
    return s


def _clause_refs(text: str, toks: list[Tok], c: Any, finder: SpeakerFinder, entities: EntityIndex) -> list[dict[str, Any]]:
    """The sources a clause names, innermost first: "نقلت صحيفة X عن مسؤول" gives [مسؤول, X]."""
    parts: list[tuple[int, int]] = []
    inner = getattr(c, "inner_start", None)
    if inner is not None and inner < c.end:
        parts.append((inner, c.end))
        parts.append((c.phrase_start, getattr(c, "outer_end", None) or inner - 1))
    else:
        parts.append((c.phrase_start, c.end))
    refs = []
    for a, b in parts:
        if b <= a:
            continue
        ds, de = toks[a].start, toks[b - 1].end
        words = [t.norm for t in toks[a:b]]
        ents = [s for s in entities.within(ds, de) if s.label in ("ORG", "PER", "GPE", "MISC")]
        # Prefer a known (gazetteer) organisation, and the name after its description: وكالة الأنباء الروسية "ريا نوفوستي".
        ents.sort(key=lambda s: (not s.attrs.get("name_en"), {"ORG": 0, "MISC": 1, "PER": 2, "GPE": 3}[s.label], -s.start))
        phrase_text = _strip_lam(text[ds:de], toks[a].norm)
        ref = entity_ref(ents[0], text) if ents else None
        if ref is None:
            name_start = a
            for k in range(a, b):
                w = toks[k].norm
                if w in INSTITUTIONS or strip_lam(w) in INSTITUTIONS:
                    name_start = k
                    if k + 1 < b and (toks[k + 1].norm in INSTITUTIONS) and w in _WEBSITE_HEADS:
                        name_start = k + 1
                    break
            name_text = _strip_lam(text[toks[name_start].start : de], toks[name_start].norm)
            ref = lookup_ref(name_text)
            bare = _N(name_text)
            if ref is None and b - a == 1 and bare.startswith("ال") and bare in INSTITUTIONS:
                # "بحسب الوكالة": the agency named before.
                ref = finder.definite_antecedent(bare[2:], ds)
            ref = ref or {"entity_id": None, "name": _unquote(name_text), "name_en": None}
        kind = classify(words, ents[0].label if ents else None)
        refs.append({
            "name": ref.get("name"),
            "name_en": ref.get("name_en"),
            "entity_id": ref.get("entity_id"),
            "text": phrase_text,
            "kind": kind,
        })
    return refs


def _unquote(s: str) -> str:
    return " ".join(s.translate(_QUOTE_MARKS).split())


_QUOTE_MARKS = str.maketrans({c: " " for c in '"«»“”'})
_WEBSITE_HEADS = frozenset(_N(w) for w in ("موقع", "الموقع", "حساب", "صفحة"))

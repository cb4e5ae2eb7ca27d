"""Name identity: when two spellings are one name, the variant key that ids hash, and a cluster's
display and English names.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from marsad.clean.normalize import normalize
from marsad.entities.gazetteer import arabic_names, bare, name_glosses
from marsad.entities.model import Cluster
from marsad.entities.variants import letter_fold, names_match, token_key
from marsad.entities.wordlists import _COMPOUND_HEADS


def _same_person(c: Cluster, surface: str) -> bool:
    names = [c.name] + ([*c.entry.variants] if c.entry is not None else [])
    names += [" ".join(m.words) for m in c.mentions if len(m.words) >= 2]
    return any(same_name(surface, n) for n in names)


def same_name(a: str, b: str) -> bool:
    """Variant spellings of one name, unless a word pair is two different known names (حسن / حسين)."""
    wa, wb = name_words(a), name_words(b)
    if not names_match(" ".join(wa), " ".join(wb)):
        return False
    return not any(_distinct_names(x, y) for x, y in zip(wa, wb, strict=False))


def _display_name(c: Cluster) -> str:
    full = [m for m in c.mentions if len(m.words) >= 2] or c.mentions
    counts = Counter(" ".join(m.surface.split()) for m in full)
    return max(counts, key=lambda s: (counts[s], len(s))) if counts else c.name


def _gloss_name(name: str) -> str | None:
    glosses = name_glosses()
    parts = [glosses.get(bare(w)) or glosses.get(w) for w in name.split()]
    return " ".join(p for p in parts if p) if parts and all(parts) else None


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def name_words(name: str) -> list[str]:
    """Normalized words of a name with compounds written one way: عبد الرحمن → عبدالرحمن, ابن → بن."""
    out: list[str] = []
    for w in normalize(name).split():
        if out and out[-1] in _COMPOUND_HEADS:
            out[-1] += w
        else:
            out.append("بن" if w == "ابن" and out else w)
    return out


def id_key(name: str) -> str:
    """The variant key of a name for ids, keeping known Arabic given names as spelled (حسن ≠ حسين)."""
    known = arabic_names()
    return " ".join(letter_fold(w) if bare(w) in known else token_key(w) for w in name_words(name))


def _distinct_names(a: str, b: str) -> bool:
    """Two different spellings that are both known names (سلمان / سليمان, حسن / حسين) name different people."""
    a, b = bare(a), bare(b)
    known = arabic_names()
    return a != b and a in known and b in known and letter_fold(a) != letter_fold(b)

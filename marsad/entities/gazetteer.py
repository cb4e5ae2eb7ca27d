"""The compiled gazetteer, loaded once, and a token trie over variant keys for matching.

Entries come from ``gazetteer.jsonl.gz`` (built by ``scripts/build_gazetteer.py``).
Every variant is indexed by its token keys (:mod:`marsad.entities.variants`), so
"بيونج يانج", "بيونغ يانغ" and "بيونج يانغ" walk the same trie path.  Keys of one
edit apart also match for long tokens (≥ 4 key letters), through a deletion index
that keeps fuzzy lookups to a few dictionary probes.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from marsad import resources
from marsad.clean.normalize import normalize
from marsad.entities.variants import (
    MIN_FUZZY_KEY,
    edit_distance_at_most_one,
    letter_fold,
    strong_key,
    token_key,
)

GAZETTEER = "gazetteer.jsonl.gz"
NAMES = "gazetteer_names.tsv.gz"
COMMON = "gazetteer_common.txt.gz"
_HINT = "python scripts/build_gazetteer.py"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str  # country capital city place person org nat
    type: str  # GPE LOC PER ORG NAT
    name: str
    name_en: str | None
    variants: tuple[str, ...]
    codes: tuple[tuple[str, str | None, str | None], ...]
    country: str | None
    source: str
    homonyms: tuple[str, ...] = ()  # spellings shared with an earlier entry (عمان: Oman / Amman)
    context_only: tuple[str, ...] = ()  # variants that are also everyday words (مالي = financial)


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    # (entry index, the variant's normalized tokens without the article)
    hits: list[tuple[int, tuple[str, ...], bool]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    length: int  # tokens consumed
    fuzzy: bool
    exact: int = 0  # tokens spelled exactly as in the variant


@lru_cache(maxsize=200_000)
def bare(token: str) -> str:
    """Normalized token without the article."""
    t = normalize(token)
    return t[2:] if t.startswith("ال") and len(t) > 3 else t


@lru_cache(maxsize=200_000)
def _definite_form(token: str) -> bool:
    t = normalize(token)
    return t.startswith("ال") and len(t) > 3


def phrase_form(phrase: str) -> str:
    """Normalized words without their article: the exact-spelling form of a name."""
    return " ".join(bare(w) for w in normalize(phrase).split())


class Gazetteer:
    def __init__(self, entries: Sequence[Entry], arabic_names: frozenset[str] = frozenset()) -> None:
        self.entries = list(entries)
        self.arabic_names = arabic_names  # native given names (camel_morph): spelled exactly or not at all
        self.by_id = {e.id: e for e in self.entries}
        # bare normalized form → the other entries spelled that way, for context to choose from
        self.homonyms: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for h in entry.homonyms:
                others = self.homonyms.setdefault(phrase_form(h), [])
                if entry not in others:
                    others.append(entry)
        self.root = _Node()
        self._fuzzy_index: dict[str, set[str]] = {}
        for idx, entry in enumerate(self.entries):
            for variant in entry.variants:
                words = normalize(variant).replace("_", " ").split()
                if not words:
                    continue
                node = self.root
                for w in words:
                    k = token_key(w)
                    node = node.children.setdefault(k, _Node())
                    if len(k) >= MIN_FUZZY_KEY:
                        self._index_fuzzy(k)
                node.hits.append((idx, tuple(bare(w) for w in words), words[0].startswith("ال")))

    def _index_fuzzy(self, key: str) -> None:
        self._fuzzy_index.setdefault(key, set()).add(key)
        for i in range(len(key)):
            self._fuzzy_index.setdefault(key[:i] + key[i + 1 :], set()).add(key)

    @lru_cache(maxsize=100_000)  # noqa: B019 - one gazetteer per process
    def _fuzzy_keys(self, key: str) -> tuple[str, ...]:
        if len(key) < MIN_FUZZY_KEY:
            return ()
        cands: set[str] = set(self._fuzzy_index.get(key, ()))
        for i in range(len(key)):
            cands |= self._fuzzy_index.get(key[:i] + key[i + 1 :], set())
        return tuple(
            c for c in cands if c != key and c[0] == key[0] and edit_distance_at_most_one(c, key)
        )

    @lru_cache(maxsize=200_000)  # noqa: B019 - one gazetteer per process
    def may_start(self, word: str) -> bool:
        """Whether any variant can start with ``word`` (a cheap filter before :meth:`match_at`)."""
        k = token_key(word)
        return bool(k) and (k in self.root.children or any(f in self.root.children for f in self._fuzzy_keys(k)))

    def match_at(self, words: Sequence[str], start: int, max_len: int = 8) -> Match | None:
        """The longest entry whose variant matches ``words[start:]`` (normalized words, article allowed)."""
        if start >= len(words) or not self.may_start(words[start]):
            return None
        best: tuple[int, int, int, int, Entry] | None = None  # (length, -fuzzy, exact, -weak, entry)
        stack: list[tuple[_Node, int, int]] = [(self.root, 0, 0)]
        definite = _definite_form(words[start])
        while stack:
            node, depth, nfuzzy = stack.pop()
            if depth and node.hits:
                for idx, vtoks, article in node.hits:
                    if not article and definite:
                        continue  # "المالي" (financial) is not مالي (Mali), "السورية" not سورية
                    score = self._accept(words, start, vtoks, nfuzzy, self.entries[idx])
                    if score is None:
                        continue
                    cand = (depth, -nfuzzy, score[1], -score[0], self.entries[idx])
                    if best is None or cand[:4] > best[:4]:
                        best = cand
            if depth >= max_len or start + depth >= len(words):
                continue
            k = token_key(words[start + depth])
            if not k:
                continue
            child = node.children.get(k)
            if child is not None:
                stack.append((child, depth + 1, nfuzzy))
            if nfuzzy == 0:
                for fk in self._fuzzy_keys(k):
                    child = node.children.get(fk)
                    if child is not None:
                        stack.append((child, depth + 1, 1))
        if best is None:
            return None
        return Match(best[4], best[0], best[1] < 0, best[2])

    def _accept(
        self, words: Sequence[str], start: int, vtoks: tuple[str, ...], nfuzzy: int, entry: Entry
    ) -> tuple[int, int] | None:
        """(weak tokens: equal short keys, different spelling; exactly spelled tokens), or None to reject."""
        weak = 0
        exact = 0
        vouch = 0  # exactly spelled tokens that are not generic heads
        for i, vt in enumerate(vtoks):
            wt = bare(words[start + i])
            if wt == vt:
                exact += 1
                vouch += vt not in _GENERIC_NAME_WORDS and vt not in common_words()
                continue
            if wt in self.arabic_names and vt in self.arabic_names and letter_fold(wt) != letter_fold(vt):
                return None  # سلمان ≠ سليمان ≠ سلطان: native names differ by their vowels
            if vt in _GENERIC_NAME_WORDS or _is_nationality(wt):
                return None  # heads and adjectives are spelled exactly: ملك ≠ مملكة, الإيرانية ≠ الأردنية
            if not strong_key(token_key(vt)):
                weak += 1
        if len(vtoks) == 1:
            if not exact:
                # One word spelled differently: only names we curated (fuzzy only for people), long keys, and
                # never an everyday word (بينما ≠ بنما, مؤتمر ≠ ماتاموروس).
                w = normalize(words[start])
                need = 6 if nfuzzy else 5
                if (
                    weak
                    or entry.source != "curated"
                    or (entry.type != "PER" and (nfuzzy or _consonants(w) != _consonants(vtoks[0])))
                    or len(token_key(vtoks[0])) < need
                    or any(bare(f) in common_words() for f, _ in clitic_forms(w))
                ):
                    return None
            if nfuzzy and len(token_key(vtoks[0])) < MIN_FUZZY_KEY + 1:
                return None
            return 0, exact
        # several words: at least one spelled exactly (مؤكدة على ≠ مجيد العلوي); noisy sources
        # (lemmatized PETRARCH forms) may differ in one word at most, and never by an edit
        need = 1 if entry.source in ("curated", "cldr", "table") else len(vtoks) - 1
        if weak + nfuzzy >= len(vtoks) or exact < need or ((nfuzzy or weak) and entry.source != "curated"):
            return None
        if exact < len(vtoks) and not vouch:
            return None  # only a generic head spelled exactly: "مدينة كوباني" is not "مدينة جيبوتي"
        return weak, exact

    def lookup_phrase(self, phrase: str) -> Entry | None:
        """The entry whose variant covers the whole phrase (leading clitics allowed)."""
        words = normalize(phrase).split()
        if not words:
            return None
        for first, _ in clitic_forms(words[0]):
            cand = [first, *words[1:]]
            m = self.match_at(cand, 0, max_len=len(cand))
            if m is not None and m.length == len(cand):
                return m.entry
        return None


# Heads shared by many names: spelled exactly, they do not vouch for a fuzzy rest
# ("مدينة كوباني" is not "مدينة جيبوتي").
_GENERIC_NAME_WORDS = frozenset(
    bare(w)
    for w in (
        "مدينة جمهورية دولة مملكة سلطنة إمارة ولاية جزر جزيرة إقليم منطقة محافظة منظمة حركة حزب وكالة وزارة وزير "
        "جامعة مجلس قوات تنظيم جماعة اتحاد الاتحاد هيئة بنك البنك صندوق محكمة المحكمة شمال جنوب شرق غرب "
        "بحر البحر نهر جبل سان سانت بورت قطاع"
    ).split()
)


_LONG_VOWELS = str.maketrans("", "", "اويىء")


@lru_cache(maxsize=100_000)
def _consonants(word: str) -> str:
    """The word without its article, long vowels and hamza: a place spelled differently must keep
    every consonant as written (مقديشيو = مقديشو; استثناء ≠ أستانا, أجرينا ≠ أوكرانيا)."""
    return bare(word).translate(_LONG_VOWELS)


def _is_nationality(word: str) -> bool:
    """A nationality adjective, also in the accusative (أمريكيا: "American" as an adverb)."""
    from marsad.entities.actors import nationalities

    table = nationalities()
    return (word,) in table or (word.endswith("ا") and (word[:-1],) in table)


@lru_cache(maxsize=200_000)
def clitic_forms(word: str) -> tuple[tuple[str, int], ...]:
    """``word`` and the forms left after removing its proclitics, with where each starts in ``word``.

    The article stays on: "للصين" gives ("للصين", 0) and ("الصين", 1), whose span starts at
    the second ل (the article as written), so a mention spans the name with its article but
    without conjunctions and prepositions.
    """
    from marsad.segment import split_clitics

    forms = [(word, 0)]
    pieces = split_clitics(word)
    for i in range(1, len(pieces)):
        if pieces[i - 1][2] == "ال":
            break
        forms.append(("".join(p[2] for p in pieces[i:]), pieces[i][0]))
    return tuple(forms)


@cache
def load() -> Gazetteer:
    if not resources.exists(GAZETTEER):
        raise resources.MissingResource(GAZETTEER, _HINT)
    entries = []
    for rec in resources.load_jsonl(GAZETTEER):
        entries.append(
            Entry(
                id=rec["id"], kind=rec["kind"], type=rec["type"], name=rec["name"], name_en=rec.get("name_en"),
                variants=tuple(rec["variants"]),
                codes=tuple((c[0], c[1], c[2]) for c in rec.get("codes") or ()),
                country=rec.get("country"), source=rec.get("source", ""),
                homonyms=tuple(rec.get("homonyms") or ()),
                context_only=tuple(rec.get("context_only") or ()),
            )
        )
    return Gazetteer(entries, arabic_names())


@cache
def _name_table() -> tuple[dict[str, str], frozenset[str]]:
    glosses: dict[str, str] = {}
    native: set[str] = set()
    if resources.exists(NAMES):
        with gzip.open(resources.path(NAMES), "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                ar, en, *src = line.rstrip("\n").split("\t")
                glosses[ar] = en
                if src and src[0] == "camel":
                    native.add(ar)
    return glosses, frozenset(native)


def name_glosses() -> dict[str, str]:
    """Normalized name token → English gloss."""
    return _name_table()[0]


def arabic_names() -> frozenset[str]:
    """Name tokens from the Arabic proper-noun lexicon (camel_morph), spelled as the lexicon does."""
    return _name_table()[1]


@cache
def common_words() -> frozenset[str]:
    """Normalized everyday words (frequent outside names): they end a name and never start one."""
    if not resources.exists(COMMON):
        return frozenset()
    return frozenset(resources.load_lines(COMMON))

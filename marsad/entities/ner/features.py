"""Token features for the CRF tagger.

Every token is described by its normalized form, its clitic-stripped and
stemmed forms, affixes, shape, word clusters learned from unlabeled news,
gazetteer classes and trigger-word classes; its neighbours (±2) contribute a
smaller set under an offset prefix, and adjacent pairs add bigrams.

The per-word part is cached: news repeats its vocabulary, so most tokens cost
a dictionary look-up and a few list concatenations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import Stemmer

from marsad.clean.normalize import normalize
from marsad.segment.clitics import split_clitics

# Words that announce an entity next to them, as clitic-stripped normalized forms.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "TITLE": (
        "رئيس", "وزير", "زعيم", "ملك", "امير", "متحدث", "ناطق", "شيخ", "سيد", "سيده", "دكتور", "عاهل",
        "سفير", "مستشار", "نايب", "جنرال", "عقيد", "لواء", "عميد", "قايد", "مدير", "امين", "مبعوث",
        "رييسه", "وزيره", "مراسل", "نجم", "لاعب", "مدرب", "قاضي", "محامي", "بابا", "مفتي", "امام",
    ),
    "SAY": ("قال", "اكد", "اعلن", "اوضح", "اضاف", "صرح", "قالت", "اكدت", "اعلنت", "اشار", "افاد", "ذكر"),
    "AGENCY": ("وكاله", "صحيفه", "قناه", "اذاعه", "مجله", "تلفزيون", "موقع", "شبكه"),
    "PLACE": (
        "مدينه", "ميناء", "عاصمه", "محافظه", "ولايه", "منطقه", "اقليم", "جزيره", "بلده", "قريه", "مطار",
        "نهر", "جبل", "بحر", "خليج", "شمال", "جنوب", "شرق", "غرب", "وسط", "حي", "مخيم", "دوله",
    ),
    "ORGHEAD": (
        "وزاره", "جامعه", "حزب", "شركه", "منظمه", "مجلس", "حركه", "جبهه", "اتحاد", "هييه", "بنك", "مصرف",
        "جمعيه", "لجنه", "مؤسسه", "موسسه", "نادي", "منتخب", "فريق", "مركز", "معهد", "برلمان", "محكمه",
        "جيش", "قوات", "مجموعه", "صندوق", "سلطه", "اداره", "مكتب", "بورصه", "ديوان",
    ),
    "PREP_LOC": ("في", "الى", "من", "الي", "عن", "داخل", "قرب"),
}
_TRIGGER_OF: dict[str, str] = {normalize(w): cls for cls, words in TRIGGERS.items() for w in words}

_NISBA_SUFFIXES = ("يه", "ي", "يون", "يين", "يتين", "يان")


def word_key(norm: str, rank: Mapping[str, int]) -> str:
    """The clitic-stripped form of a normalized word, for gazetteer, trigger and cluster look-ups.

    Proclitic letters are ambiguous ("وزارة" is not و + زارة), so of the forms
    left by stripping none, some or all proclitics the one most frequent in
    news (lowest ``rank``) wins; a leading article is then dropped.  With no
    known form, everything strippable is stripped.
    """
    if not norm:
        return norm
    pieces = split_clitics(norm)
    if len(pieces) == 1:
        return norm
    best_k, best_rank = len(pieces) - 1, _UNKNOWN
    for k in range(len(pieces)):
        r = rank.get("".join(p[2] for p in pieces[k:]), _UNKNOWN)
        if r < best_rank:
            best_k, best_rank = k, r
    if pieces[best_k][2] == "ال" and best_k < len(pieces) - 1:
        best_k += 1
    return "".join(p[2] for p in pieces[best_k:])


_UNKNOWN = 1 << 30
_ARABIC_PUNCT = "،؛؟٪۔؍؞٭"


_ARABIC_WORD = re.compile(r"(?:(?![،؛؟٪۔؍؞٭])[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff])+")
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+")


def _shape(token: str) -> str:
    """Character classes present: a(rabic) d(igit) L/l (Latin upper/lower) p(unctuation) o(ther)."""
    if _ARABIC_WORD.fullmatch(token):
        return "a"
    if _DIGITS.fullmatch(token):
        return "d"
    if not token:
        return "empty"
    kinds = set()
    for ch in token:
        if ch.isdigit():
            kinds.add("d")
        elif ch in _ARABIC_PUNCT:
            kinds.add("p")
        elif "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff" or "\ufb50" <= ch <= "\ufeff":
            kinds.add("a")
        elif ch.isalpha():
            kinds.add("L" if ch.isupper() else "l")
        elif unicodedata.category(ch)[0] in "PS":
            kinds.add("p")
        else:
            kinds.add("o")
    return "".join(sorted(kinds))


# Feature caches are cleared past this many words: news vocabulary repeats, so a
# bounded cache keeps most of the speed while a long run stays within a few hundred MB.
_WORD_CACHE = 100_000


@dataclass
class Lexicon:
    """What the features look up: word clusters and gazetteer classes."""

    clusters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # word -> frequency rank in unlabeled news (0 = most frequent)
    rank: Mapping[str, int] = field(default_factory=dict)
    # single clitic-stripped word -> classes it belongs to (e.g. "LOC", "PERS_FIRST")
    gaz_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # tuple of clitic-stripped words (length >= 1) -> classes of that whole name
    gaz_phrases: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    max_phrase: int = 1
    # key -> (log2 frequency, share with article, share after title/place/org head/speech verb), as buckets
    stats: Mapping[str, Sequence[str]] = field(default_factory=dict)


_ABSENT: frozenset[str] = frozenset()
_STAT_NAMES = ("fq", "al", "aT", "aP", "aO", "aS")


class FeatureExtractor:
    def __init__(self, lexicon: Lexicon, known: frozenset[str] | None = None) -> None:
        """``known``: the attributes a trained model weighs; others are dropped early, for speed."""
        self.lex = lexicon
        self.known = known
        self._stemmer = Stemmer.Stemmer("arabic")
        self._own: dict[str, list[str]] = {}
        self._ctx: dict[tuple[str, int], list[str]] = {}
        self._info: dict[str, tuple[str, str, str, str, str]] = {}
        self._phrase_starts = frozenset(k[0] for k in lexicon.gaz_phrases)

    def key(self, token: str) -> str:
        return self.word_info(token)[1]

    # -- per word ---------------------------------------------------------
    def word_info(self, token: str) -> tuple[str, str, str, str, str]:
        """(norm, stem key, cluster-256, cluster-1024, shape) of a token, cached."""
        info = self._info.get(token)
        if info is None:
            # marsad.segment.tokenize keeps Arabic punctuation (U+060C...) inside word tokens
            norm = normalize(token).strip(_ARABIC_PUNCT) or normalize(token)
            if norm[:1].isdigit():
                norm = "<num>"
            key = word_key(norm, self.lex.rank) if norm != "<num>" else norm
            cl = self._clusters(norm, key)
            info = (norm, key, cl[1] if cl else "-", cl[2] if cl else "-", _shape(token))
            if len(self._info) > _WORD_CACHE:
                self._info.clear()
            self._info[token] = info
        return info

    def _clusters(self, norm: str, key: str) -> Sequence[str] | None:
        cl = self.lex.clusters
        for cand in (norm, norm[1:] if norm[:1] in "وف" else "", "ال" + key, key):
            if cand and cand in cl:
                return cl[cand]
        return None

    def _own_features(self, token: str) -> list[str]:
        feats = self._own.get(token)
        if feats is not None:
            return feats
        norm, key, c256, c1024, shape = self.word_info(token)
        pieces = split_clitics(norm) if norm and norm != "<num>" else [(0, 0, norm)]
        procl = "+".join(p[2] for p in pieces[:-1])
        feats = [
            "bias",
            "w=" + norm,
            "k=" + key,
            "st=" + self._stemmer.stemWord(norm),
            "sh=" + shape,
            "pc=" + procl,
            "len=" + str(min(len(key), 8)),
            "c256=" + c256,
            "c1024=" + c1024,
        ]
        cl = self._clusters(norm, key)
        if cl:
            feats.append("c64=" + cl[0])
        for n in (1, 2, 3):
            if len(norm) > n:
                feats.append(f"p{n}=" + norm[:n])
                feats.append(f"s{n}=" + norm[-n:])
            if len(key) > n:
                feats.append(f"kp{n}=" + key[:n])
                feats.append(f"ks{n}=" + key[-n:])
        if len(norm) > 4:
            feats.append("s4=" + norm[-4:])
        if any(key.endswith(s) for s in _NISBA_SUFFIXES):
            feats.append("nisba")
        if token != norm and shape == "a":
            feats.append("diac")
        trig = _TRIGGER_OF.get(key)
        if trig:
            feats.append("trig=" + trig)
        for g in self.lex.gaz_words.get(key, _ABSENT):
            feats.append("gw=" + g)
        stats = self.lex.stats.get(key)
        if stats:
            feats.extend(f"{name}={v}" for name, v in zip(_STAT_NAMES, stats, strict=False))
        elif shape == "a":
            feats.append("rare")
        if self.known is not None:
            feats = [f for f in feats if f in self.known]
        if len(self._own) > _WORD_CACHE:
            self._own.clear()
        self._own[token] = feats
        return feats

    def _ctx_features(self, token: str, offset: int) -> list[str]:
        feats = self._ctx.get((token, offset))
        if feats is not None:
            return feats
        norm, key, c256, c1024, shape = self.word_info(token)
        p = f"{offset}:"
        feats = [p + "w=" + norm, p + "k=" + key, p + "c256=" + c256, p + "sh=" + shape]
        if offset in (-1, 1):
            feats.append(p + "c1024=" + c1024)
            if len(key) > 2:
                feats.append(p + "ks2=" + key[-2:])
            feats.append(p + "al=" + str(norm.startswith("ال") or "+ال" in norm[:4]))
        trig = _TRIGGER_OF.get(key)
        if trig:
            feats.append(p + "trig=" + trig)
        for g in self.lex.gaz_words.get(key, _ABSENT):
            feats.append(p + "gw=" + g)
        stats = self.lex.stats.get(key)
        if stats and offset in (-1, 1):
            feats.append(p + "alr=" + stats[1])
            feats.append(p + "aT=" + stats[2])
        if self.known is not None:
            feats = [f for f in feats if f in self.known]
        if len(self._ctx) > 2 * _WORD_CACHE:
            self._ctx.clear()
        self._ctx[(token, offset)] = feats
        return feats

    # -- per sentence -----------------------------------------------------
    def _phrase_tags(self, keys: Sequence[str]) -> list[list[str]]:
        """Longest gazetteer phrase matches, as B-/I- class features per token."""
        out: list[list[str]] = [[] for _ in keys]
        phrases = self.lex.gaz_phrases
        if not phrases:
            return out
        n = len(keys)
        i = 0
        while i < n:
            matched = 0
            if keys[i] not in self._phrase_starts:
                i += 1
                continue
            for length in range(min(self.lex.max_phrase, n - i), 1, -1):
                classes = phrases.get(tuple(keys[i : i + length]))
                if classes:
                    for j in range(i, i + length):
                        pos = "B" if j == i else "I"
                        out[j].extend(f"gp{pos}={c}" for c in classes)
                    matched = length
                    break
            i += matched or 1
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        n = len(tokens)
        info = [self.word_info(t) for t in tokens]
        keys = [x[1] for x in info]
        phrase = self._phrase_tags(keys)
        out: list[list[str]] = []
        known = self.known
        for i, tok in enumerate(tokens):
            f = list(self._own_features(tok))
            extra: list[str] = []
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    f += self._ctx_features(tokens[j], off)
                else:
                    f.append(f"{off}:BOUND")
            norm = info[i][0]
            if i > 0:
                extra.append("bg-=" + info[i - 1][0] + "|" + norm)
                extra.append("kbg-=" + info[i - 1][1] + "|" + info[i][1])
            if i + 1 < n:
                extra.append("bg+=" + norm + "|" + info[i + 1][0])
            extra += phrase[i]
            for off in (-1, 1):
                j = i + off
                if 0 <= j < n:
                    extra.extend(f"{off}:" + x for x in phrase[j])
            # a title two or three words back still reaches a compound name ("الرئيس الأمريكي باراك أوباما")
            for back in (2, 3):
                j = i - back
                if j >= 0 and _TRIGGER_OF.get(keys[j]) == "TITLE":
                    extra.append(f"title<{back}")
            if known is not None:
                extra = [x for x in extra if x in known]
            f += extra
            out.append(f)
        return out

    def sentences(self, sents: Iterable[Sequence[str]]) -> list[list[list[str]]]:
        return [self.sentence(s) for s in sents]

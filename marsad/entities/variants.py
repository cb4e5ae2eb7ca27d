"""The name-variant key: one form for the many Arabic spellings of a transliterated name.

Foreign names reach Arabic through several spelling habits: g as ج/غ/ك/ق/گ,
v as ف/ڤ, vowels written or not (فلاديمير / فلادمير), ch as تش or ش
(فوستوتشني / فوستوشني), hamza seats, ة/ه, ى/ي and doubled letters.  The key of
a token folds all of these after :func:`marsad.clean.normalize.normalize`:

* the article ال is dropped (and, for a whole phrase, leading clitics are not
  part of the key: callers strip them before asking);
* letter classes fold: ج غ ك ق → G, ث ط → ت, ذ ظ → ز, ص → س, ض → د, ح → ه;
* ء and tatweel go, تش/تس → ش/س, doubled letters collapse (before vowels are dropped);
* the long-vowel letters ا و ي are dropped *inside* the token (the first and
  last letters stay, which keeps عمر and عمرو apart) and a final ه (ة) goes.

Keys of short tokens are weak evidence ("سول" and "سل" share a skeleton), so
:func:`strong_key` tells callers when a key alone may decide a match; shorter
tokens must agree on their normalized form instead.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.clean.normalize import normalize

_LETTER_FOLD = str.maketrans(
    {
        "ج": "G", "غ": "G", "ك": "G", "ق": "G", "گ": "G",
        "ث": "ت", "ط": "ت",
        "ذ": "ز", "ظ": "ز",
        "ص": "س",
        "ض": "د",
        "ح": "ه",
        "ڤ": "ف",
        "ء": None, "ـ": None,
    }
)
_VOWELS = frozenset("اوي")
MIN_STRONG_KEY = 3  # a key this long may match on its own
MIN_FUZZY_KEY = 4  # a key this long may match with one edit


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """The variant key of one (already normalized or raw) token."""
    t = normalize(token)
    if t.startswith("ال") and len(t) > 3:
        t = t[2:]
    t = t.replace("تش", "ش").replace("تس", "س").replace("دج", "ج")
    t = t.translate(_LETTER_FOLD)
    if len(t) > 2 and t.endswith("ه"):
        t = t[:-1]
    # doubled letters collapse before vowels go, so سويسرا (s-w-y-s) keeps both s and stays apart from سوريا
    out: list[str] = []
    for c in t:
        if not out or out[-1] != c:
            out.append(c)
    t = "".join(out)
    if len(t) > 2:
        t = t[0] + "".join(c for c in t[1:-1] if c not in _VOWELS) + t[-1]
    return t


@lru_cache(maxsize=200_000)
def letter_fold(token: str) -> str:
    """The token with foreign-sound letters folded (ج/غ/ك/ق, ت/ث/ط...) but every vowel letter kept.

    سيرغي = سيرجي here, while حسن ≠ حسين and سلمان ≠ سليمان: for native names the vowel
    letters are the name.
    """
    t = normalize(token)
    if t.startswith("ال") and len(t) > 3:
        t = t[2:]
    return t.replace("تش", "ش").translate(_LETTER_FOLD)


def name_key(name: str) -> tuple[str, ...]:
    """Token keys of a multi-word name (tokens split on white space, '_' and '-')."""
    words = normalize(name).replace("_", " ").replace("-", " ").split()
    return tuple(k for w in words if (k := token_key(w)))


def key_string(name: str) -> str:
    return " ".join(name_key(name))


def strong_key(key: str) -> bool:
    return len(key) >= MIN_STRONG_KEY


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def tokens_match(a: str, b: str) -> bool:
    """Two tokens are spellings of the same name part.

    Equal keys match when strong; short keys need equal normalized forms; long
    keys (≥ 4) also match at edit distance one, provided they share their first
    letter (a different initial is usually a different name).
    """
    na, nb = normalize(a), normalize(b)
    if na.startswith("ال") and len(na) > 3:
        na = na[2:]
    if nb.startswith("ال") and len(nb) > 3:
        nb = nb[2:]
    if na == nb:
        return True
    ka, kb = token_key(a), token_key(b)
    if ka == kb:
        return strong_key(ka)
    if len(ka) >= MIN_FUZZY_KEY and len(kb) >= MIN_FUZZY_KEY and ka[0] == kb[0]:
        return edit_distance_at_most_one(ka, kb)
    return False


def names_match(a: str, b: str) -> bool:
    """Two full names are variants of each other: same number of tokens, each pair matching."""
    ta = normalize(a).split()
    tb = normalize(b).split()
    return len(ta) == len(tb) and all(tokens_match(x, y) for x, y in zip(ta, tb, strict=True))

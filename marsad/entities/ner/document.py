"""Second-stage features for the "document" NER mode (Krishnan & Manning 2006 style).

A first CRF tags every sentence; a second CRF then also sees, for each token,
what the first one said about the same word elsewhere in the document (±``WINDOW``
sentences): a name tagged once ("الاتحاد الأوروبي") is tagged again where the
first stage missed it ("بالاتحاد").  It also sees how the token's clitic-stripped
form was labelled in the training data (``train_label_features``), so it can
weigh its own memory of a word against the document's evidence.

Keys are ``FeatureExtractor.key`` forms (normalized, clitic-stripped), so
clitic-attached mentions match their bare forms.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

TYPES = ("PERS", "LOC", "ORG", "MISC")
# Sentences on each side whose first-stage tags count as the same document.
WINDOW = 10
_MAX_NAME = 6
_SPREAD = ("dmaj=", "deB=", "deI=")  # document features also shown to the neighbours


def _entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    from marsad.entities.ner import entity_spans

    return entity_spans(list(tags))


def _in_window(mentions: tuple[list[int], list[str]], lo: int, hi: int) -> list[str]:
    rows, labels = mentions
    return labels[bisect_left(rows, lo) : bisect_right(rows, hi)]


def _last_in_window(mentions: tuple[list[int], list[str]], lo: int, hi: int) -> str | None:
    """The label of the latest mention in sentences lo..hi (later ones override, as in reading order)."""
    rows, labels = mentions
    j = bisect_right(rows, hi) - 1
    return labels[j] if j >= 0 and rows[j] >= lo else None


def document_features(keys_list: Sequence[Sequence[str]], tags_list: Sequence[Sequence[str]],
                      window: int = WINDOW) -> list[list[list[str]]]:
    """Per sentence and token: features from first-stage ``tags_list`` of the nearby sentences.

    ``dmaj``/``dall``/``dO``: the type other occurrences of the word were given;
    ``dpart``: the word is part of a name found nearby; ``deB``/``deI``: the tokens
    spell a name found nearby.
    """
    # every mention, in document order: key -> sentence numbers and the labels given there
    token_at: dict[str, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
    name_at: dict[tuple[str, ...], tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
    part_at: dict[str, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
    for s, (keys, tags) in enumerate(zip(keys_list, tags_list, strict=True)):
        for k, t in zip(keys, tags, strict=True):
            rows, labels = token_at[k]
            rows.append(s)
            labels.append(t[2:] if t != "O" else "O")
        for i, j, typ in _entity_spans(tags):
            rows, labels = name_at[tuple(keys[i:j])]
            rows.append(s)
            labels.append(typ)
            for k in keys[i:j]:
                rows, labels = part_at[k]
                rows.append(s)
                labels.append(typ)
    n = len(keys_list)
    out: list[list[list[str]]] = []
    for s in range(n):
        keys, tags = keys_list[s], tags_list[s]
        lo, hi = max(0, s - window), min(n - 1, s + window)
        feats: list[list[str]] = [[] for _ in keys]
        for i, k in enumerate(keys):
            others = Counter(_in_window(token_at[k], lo, hi))
            others[tags[i][2:] if tags[i] != "O" else "O"] -= 1
            others = +others
            named = {t: v for t, v in others.items() if t != "O"}
            if named:
                typ = max(named, key=lambda t: named[t])
                feats[i] += ["dmaj=" + typ, f"dmajn={min(named[typ], 3)}"]
                if not others.get("O"):
                    feats[i].append("dall=" + typ)
            elif others.get("O", 0) >= 2:
                feats[i].append("dO")
            if len(k) > 2 and k in part_at:
                pc = Counter(_in_window(part_at[k], lo, hi))
                if pc:
                    feats[i].append("dpart=" + max(pc, key=lambda t: pc[t]))
        m = len(keys)
        i = 0
        while i < m:
            matched = 0
            for length in range(min(_MAX_NAME, m - i), 0, -1):
                name = tuple(keys[i : i + length])
                typ = _last_in_window(name_at[name], lo, hi) if name in name_at else None
                if typ and not (length == 1 and len(keys[i]) <= 2):
                    for j in range(i, i + length):
                        feats[j].append(("deB=" if j == i else "deI=") + typ)
                    matched = length
                    break
            i += matched or 1
        for i in range(m):
            for off in (-1, 1):
                j = i + off
                if 0 <= j < m:
                    feats[i] += [f"{off}:" + x for x in feats[j] if x.startswith(_SPREAD)]
        out.append(feats)
    return out


def label_counts(keys_list: Sequence[Sequence[str]], tags_list: Sequence[Sequence[str]]) -> dict[str, Counter[str]]:
    """How often each key carried each entity type (or O) in labelled data."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for keys, tags in zip(keys_list, tags_list, strict=True):
        for k, t in zip(keys, tags, strict=True):
            counts[k][t[2:] if t != "O" else "O"] += 1
    return counts


def train_label_features(keys: Sequence[str], counts: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """Bucketed share of each type the key had in training data, for a token and its neighbours."""
    own: list[list[str]] = []
    for k in keys:
        c = counts.get(k)
        total = sum(c.values()) if c else 0
        f: list[str] = []
        if not c or total < 2:
            f.append("tl-")
        else:
            for typ in TYPES:
                share = c.get(typ, 0) / total
                if share >= 0.1:
                    f.append(f"tl{typ}=" + ("9" if share >= 0.9 else "6" if share >= 0.6 else "3" if share >= 0.3
                                           else "1"))
            if c.get("O", 0) == total:
                f.append("tlO")
        own.append(f)
    out: list[list[str]] = []
    for i, f in enumerate(own):
        g = list(f)
        for off in (-1, 1):
            j = i + off
            if 0 <= j < len(own):
                g += [f"{off}:" + x for x in own[j] if x != "tl-"]
        out.append(g)
    return out

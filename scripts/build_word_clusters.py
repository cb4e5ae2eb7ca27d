"""Word clusters for the NER tagger, learned from unlabeled SaudiNewsNet text.

    PYTHONHASHSEED=0 nice -n 10 python scripts/build_word_clusters.py [--shared ../shared] \
        [--vectors-out /tmp/ner_w2v.npz]      # ~5 min on one core

Trains word2vec (gensim, build-time only: ``pip install gensim``) on the normalized
tokens of the 31k SaudiNewsNet articles, then runs k-means at three granularities
(64, 256, 1024) over the most frequent words.  Writes
``marsad/resources/data/ner/clusters.tsv.gz``: ``word<TAB>c64<TAB>c256<TAB>c1024``.
Seeds are fixed; one worker thread keeps word2vec deterministic (gensim seeds each
word's initial vector with Python's ``hash``, hence PYTHONHASHSEED=0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.clean.normalize import normalize  # noqa: E402
from marsad.segment import tokenize  # noqa: E402

OUT = REPO / "marsad" / "resources" / "data" / "ner" / "clusters.tsv.gz"
GRANULARITIES = (64, 256, 1024)
SEED = 13
_ARABIC_PUNCT = "،؛؟٪۔؍؞٭"  # tokenize() keeps these inside word tokens


def sentences(corpus: Path) -> Iterator[list[str]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            for para in content.split("\n"):
                toks = [normalize(t.text).strip(_ARABIC_PUNCT) for t in tokenize(para)
                        if t.kind in ("word", "abbr", "num")]
                toks = [t for t in toks if t]
                toks = ["<num>" if t[:1].isdigit() else t for t in toks]
                if len(toks) >= 3:
                    yield toks


def kmeans(x: np.ndarray, k: int, iters: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means (vectors are unit length); returns a label per row."""
    centers = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int32)
    for _ in range(iters):
        for s in range(0, len(x), 8192):
            labels[s : s + 8192] = np.argmax(x[s : s + 8192] @ centers.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(axis=0)
                centers[j] = c / (np.linalg.norm(c) + 1e-9)
            else:
                centers[j] = x[rng.integers(len(x))]
    return labels


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--vocab", type=int, default=60000, help="cluster this many most frequent words")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--vectors-out", type=Path, help="also save the word vectors (npz) for build_ner_neural.py")
    args = ap.parse_args()
    from gensim.models import Word2Vec

    corpus = args.shared / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"
    t0 = time.time()
    sents = list(sentences(corpus))
    print(f"{len(sents)} paragraphs, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", flush=True)
    model = Word2Vec(sents, vector_size=100, window=5, min_count=5, sg=1, negative=5, sample=1e-4,
                     epochs=args.epochs, workers=1, seed=SEED)
    print(f"word2vec: {len(model.wv)} words ({time.time() - t0:.0f}s)", flush=True)
    words = [w for w in model.wv.index_to_key if w != "<num>"][: args.vocab]
    x = np.stack([model.wv[w] for w in words]).astype(np.float32)
    if args.vectors_out:
        np.savez(args.vectors_out, words=np.array(words), vectors=x)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(SEED)
    cols = [kmeans(x, k, 15, rng) for k in GRANULARITIES]
    print(f"k-means done ({time.time() - t0:.0f}s)", flush=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# word\t" + "\t".join(f"c{k}" for k in GRANULARITIES) + "\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(c[i]) for c in cols) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

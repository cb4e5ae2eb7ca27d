"""Distributional name evidence for the NER tagger, counted on unlabeled SaudiNewsNet text.

    nice -n 10 python scripts/build_word_stats.py [--shared ../shared]

Run after build_word_clusters.py (word keys depend on its frequency ranks).  For
every clitic-stripped word seen at least 5 times it records, as small buckets,
how often news writes it with the article (names of people rarely take ال), and
how often it follows a title (الرئيس ...), a place word (مدينة ...), an
organisation head (وزارة ...) or a speech verb (قال ...).  A name absent from
ANERcorp still brings this evidence.  Writes
``marsad/resources/data/ner/wordstats.tsv.gz``: ``key<TAB>freq<TAB>al<TAB>title<TAB>place<TAB>org<TAB>say``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.clean.normalize import normalize  # noqa: E402
from marsad.entities.ner import load_lexicon  # noqa: E402
from marsad.entities.ner.features import TRIGGERS, FeatureExtractor  # noqa: E402
from marsad.segment import tokenize  # noqa: E402

OUT = REPO / "marsad" / "resources" / "data" / "ner" / "wordstats.tsv.gz"
CONTEXTS = ("TITLE", "PLACE", "ORGHEAD", "SAY")


def ratio_bucket(k: int, n: int) -> int:
    r = k / n
    return 0 if r < 0.01 else 1 if r < 0.05 else 2 if r < 0.15 else 3 if r < 0.4 else 4


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-count", type=int, default=5)
    args = ap.parse_args()
    fx = FeatureExtractor(load_lexicon())
    trig = {normalize(w): cls for cls, words in TRIGGERS.items() if cls in CONTEXTS for w in words}
    total: Counter[str] = Counter()
    with_al: Counter[str] = Counter()
    after: dict[str, Counter[str]] = {c: Counter() for c in CONTEXTS}
    t0 = time.time()
    corpus = args.shared / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            prev_cls = None
            for tok in tokenize(content):
                if tok.kind != "word":
                    prev_cls = None
                    continue
                norm, key, *_ = fx.word_info(tok.text)
                total[key] += 1
                if norm.endswith("ال" + key) or norm.endswith("لل" + key):
                    with_al[key] += 1
                if prev_cls:
                    after[prev_cls][key] += 1
                prev_cls = trig.get(key)
    print(f"{len(total)} keys counted ({time.time() - t0:.0f}s)", flush=True)
    rows = 0
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# key\tfreq\tal\t" + "\t".join(c.lower() for c in CONTEXTS) + "\n")
        for key, n in total.most_common():
            if n < args.min_count:
                break
            cols = [str(min(int(math.log2(n)), 15)), str(ratio_bucket(with_al[key], n))]
            cols += [str(ratio_bucket(after[c][key], n)) for c in CONTEXTS]
            out.write(key + "\t" + "\t".join(cols) + "\n")
            rows += 1
    print(f"wrote {OUT}: {rows} keys ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Tokens per second of the shipped NER model on one core (a benchmark, not a test).

    python bench/ner_speed.py [CONLL_FILE] [--mode fast|document|accurate]

Default input: ../shared ANERcorp test split.  Times a cold pass (empty feature
caches) and a warm pass; both include feature extraction and decoding.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.entities import ner
from marsad.entities.ner.conll import read_conll, tokens_and_tags

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", type=Path,
                    default=REPO.parent / "shared" / "data" / "anercorp" / "ANERcorp-CamelLabSplits-test.conll")
    ap.add_argument("--mode", default="fast")
    args = ap.parse_args()
    with args.file.open(encoding="utf-8") as fh:
        tokens, _ = tokens_and_tags(read_conll(fh))
    n = sum(map(len, tokens))
    ner.tag_sentences([["تحميل"]], mode=args.mode)  # load model and lexicons outside the timing
    ner._extractor.cache_clear()  # empty feature caches: the cold pass computes every word once
    ner._extractor()
    ner._doc_extractor.cache_clear()
    for label in ("cold", "warm"):
        t0 = time.perf_counter()
        ner.tag_sentences(tokens, mode=args.mode)
        dt = time.perf_counter() - t0
        print(f"{label}: {n} tokens in {dt:.2f}s = {n / dt:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

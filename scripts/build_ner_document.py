"""Train the "document" NER mode: a second CRF stacked on the fast CRF (Krishnan & Manning 2006 style).

    nice -n 10 python scripts/build_ner_model.py         # first: crf.model (stage 1), lexicons
    nice -n 10 python scripts/build_ner_document.py [--dev]   # ~5 min; --dev adds ~6 min

The second CRF sees the fast CRF's features plus (marsad/entities/ner/document.py)
what the first stage tagged the same word / name as in the nearby sentences, and
how the word's clitic-stripped form was labelled in the training data.  Both
kinds of feature must look on training data as they will at run time, so they
are made out-of-fold: train is cut into 5 folds (blocks of 50 consecutive
sentences, round robin); each fold gets first-stage tags from a CRF trained on
the other four, and label counts from the other four only.  At run time the
first stage is the shipped crf.model and the counts are those of all of train
(written to ``trainlabels.tsv.gz``).  ``--dev`` repeats all of this inside train
minus the dev split of build_ner_model.py and scores the dev split.

Measured (entity-level exact match, micro F1; c1=0.05 c2=0.01, 100 iterations, window ±10 sentences):
    dev:  first stage 0.7215; + document features 0.7359; + train label shares 0.7462
          (P 0.784 R 0.712; LOC 0.853 PERS 0.729 ORG 0.586 MISC 0.667)
          (c1=0.1: 0.7415; window ±25: 0.7460; the first stage's own tag as a feature: 0.7481, not kept)
          a second round over the first round's tags (DOCUMENT_ROUNDS = 2): dev 0.7514 (third: 0.7517)
          (P 0.787 R 0.719; LOC 0.853 PERS 0.724 ORG 0.614 MISC 0.680)
          train label shares alone, without document features: dev 0.7256
    test, one round: P 0.819  R 0.687  F1 0.7474
    test, shipped two rounds (printed by this script): P 0.822  R 0.695  F1 0.7533 (LOC 0.879 PERS 0.778 ORG 0.564 MISC 0.552)
          fast mode alone: 0.7138
          `marsad eval ner ../shared/data/anercorp/ANERcorp-CamelLabSplits-test.conll --mode document`
    speed: python bench/ner_speed.py --mode document  ->  ~8k tokens/s cold, ~14k warm (one core)
Tried and dropped: an auto-lexicon from SaudiNewsNet (8000 articles tagged by the fast CRF;
per-key type shares and frequent multi-word names as features) lowered dev F1 to 0.7150: the
CRF that tagged the corpus had memorised its own training names, so the feature is too
trustworthy on train (an out-of-fold version needs 5 corpus passes; not done).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_ner_model import dev_split, tag_with, train_crf  # noqa: E402

from marsad.entities.ner import LABELS, load_lexicon  # noqa: E402
from marsad.entities.ner.conll import read_anercorp_split  # noqa: E402
from marsad.entities.ner.document import TYPES, document_features, label_counts, train_label_features  # noqa: E402
from marsad.entities.ner.features import FeatureExtractor  # noqa: E402
from marsad.evaluation.ner import format_scores, score  # noqa: E402

OUT_DIR = REPO / "marsad" / "resources" / "data" / "ner"
FOLDS = 5
C1, C2, ITERS = 0.05, 0.01, 100


def stacked(idx: Sequence[int], base, keys, first, counts_of) -> list[list[list[str]]]:
    """Second-stage features of sentences ``idx`` given first-stage tags and per-sentence label counts."""
    doc = document_features([keys[i] for i in idx], [first[i] for i in idx])
    out = []
    for n, i in enumerate(idx):
        tl = train_label_features(keys[i], counts_of(i))
        out.append([list(b) + d + t for b, d, t in zip(base[i], doc[n], tl, strict=True)])
    return out


def out_of_fold(idx: list[int], base, keys, tags, tmp: Path) -> tuple[list, dict]:
    """First-stage tags and label counts for each sentence of ``idx`` from the folds it is not in."""
    first: list = [None] * len(base)
    counts: dict = {}
    for f in range(FOLDS):
        held = [i for i in idx if (i // 50) % FOLDS == f]
        held_set = set(held)
        fit = [i for i in idx if i not in held_set]
        train_crf([base[i] for i in fit], [tags[i] for i in fit], tmp, C1, C2, ITERS)
        for i, p in zip(held, tag_with(tmp, [base[i] for i in held]), strict=True):
            first[i] = p
        c = label_counts([keys[i] for i in fit], [tags[i] for i in fit])
        for i in held:
            counts[i] = c
        print(f"  fold {f} done", flush=True)
    return first, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--dev", action="store_true", help="also score the recipe on the dev split")
    args = ap.parse_args()
    t0 = time.time()
    train_tok, train_tag = read_anercorp_split(args.shared, "train")
    test_tok, test_tag = read_anercorp_split(args.shared, "test")
    assert all(set(t) <= set(LABELS) for t in train_tag)
    fx = FeatureExtractor(load_lexicon())
    base = fx.sentences(train_tok)
    keys = [[fx.key(t) for t in s] for s in train_tok]
    # scratch models live outside the package, so a half-finished build never ships
    tmp = Path(tempfile.mkdtemp(prefix="marsad_ner_doc_")) / "crf_doc.model"
    if args.dev:
        tr, dv = dev_split(len(train_tok))
        first, counts = out_of_fold(tr, base, keys, train_tag, tmp)
        train_crf([base[i] for i in tr], [train_tag[i] for i in tr], tmp, C1, C2, ITERS)
        for i, p in zip(dv, tag_with(tmp, [base[i] for i in dv]), strict=True):
            first[i] = p
        print("dev, first stage:\n" + format_scores(score([train_tag[i] for i in dv], [first[i] for i in dv])))
        tr_counts = label_counts([keys[i] for i in tr], [train_tag[i] for i in tr])
        # documents are runs of consecutive sentences, so the features are made over the whole train order
        everything = list(range(len(train_tok)))
        x = stacked(everything, base, keys, first, lambda i: counts.get(i, tr_counts))
        train_crf([x[i] for i in tr], [train_tag[i] for i in tr], tmp, C1, C2, ITERS)
        dev_pred = tag_with(tmp, [x[i] for i in dv])
        print("dev, document mode, one round:\n" + format_scores(score([train_tag[i] for i in dv], dev_pred)))
        for i, p in zip(dv, dev_pred, strict=True):
            first[i] = p
        x = stacked(everything, base, keys, first, lambda i: counts.get(i, tr_counts))
        dev_pred = tag_with(tmp, [x[i] for i in dv])
        print("dev, document mode, two rounds:\n" + format_scores(score([train_tag[i] for i in dv], dev_pred)),
              flush=True)
    everything = list(range(len(train_tok)))
    first, counts = out_of_fold(everything, base, keys, train_tag, tmp)
    x = stacked(everything, base, keys, first, counts.__getitem__)
    model = OUT_DIR / "crf_doc.model"
    train_crf(x, train_tag, tmp, C1, C2, ITERS)
    shutil.move(tmp, model)
    all_counts = label_counts(keys, train_tag)
    table = OUT_DIR / "trainlabels.tsv.gz"
    with gzip.open(table, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# clitic-stripped key\tO " + " ".join(TYPES) + " counts in ANERcorp train "
                 "(compiled by scripts/build_ner_document.py)\n")
        for k in sorted(all_counts):
            c = all_counts[k]
            if sum(c.values()) >= 2:
                fh.write(k + "\t" + "\t".join(str(c.get(t, 0)) for t in ("O", *TYPES)) + "\n")
    print(f"wrote {model} ({model.stat().st_size // 1024} KB), {table} ({time.time() - t0:.0f}s)", flush=True)

    from marsad.entities import ner

    ner._doc_tagger.cache_clear()
    ner._doc_extractor.cache_clear()
    ner.train_label_counts.cache_clear()
    pred = ner.tag_sentences(test_tok, mode="document")
    print("test, document mode (DOCUMENT_ROUNDS of marsad.entities.ner):\n" + format_scores(score(test_tag, pred)))
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

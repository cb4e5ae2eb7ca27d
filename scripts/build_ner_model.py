"""Build the shipped NER model (CRF, the "fast" mode) from ../shared, reproducibly.

    pip install gensim                                  # build only (word2vec)
    PYTHONHASHSEED=0 nice -n 10 python scripts/build_word_clusters.py --vectors-out /tmp/ner_w2v.npz   # ~5 min
    nice -n 10 python scripts/build_word_stats.py       # ~1.5 min, needs the clusters
    nice -n 10 python scripts/build_ner_model.py        # ~5 min: gazetteer.tsv.gz, crf.model
    nice -n 10 python scripts/build_ner_document.py     # ~5 min: "document" mode (crf_doc.model)
    # optional "accurate" mode: see scripts/build_ner_neural.py

Writes into marsad/resources/data/ner/.  Model choice (CRF regularisation) is made
on a fixed dev split cut from ANERcorp train (every tenth block of 50 sentences,
388 sentences); the chosen setting is then retrained on all of train and scored
once on test.  Features: marsad/entities/ner/features.py.

Measured on this build (entity-level exact match, micro-averaged):
    dev  (c1=0.05 c2=0.01, 100 L-BFGS iterations): P 0.786  R 0.667  F1 0.7215
    test: P 0.807  R 0.640  F1 0.7138
          LOC 0.863  PERS 0.708  ORG 0.532  MISC 0.553
    `marsad eval ner ../shared/data/anercorp/ANERcorp-CamelLabSplits-test.conll` prints the same.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.clean.normalize import normalize  # noqa: E402
from marsad.entities.ner import LABELS, load_lexicon, repair_bio  # noqa: E402
from marsad.entities.ner.conll import read_anercorp_split  # noqa: E402
from marsad.entities.ner.features import TRIGGERS, FeatureExtractor  # noqa: E402
from marsad.evaluation.ner import format_scores, score  # noqa: E402

OUT_DIR = REPO / "marsad" / "resources" / "data" / "ner"

_BUCKWALTER = {
    "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب", "p": "ة", "t": "ت",
    "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر", "z": "ز", "s": "س", "$": "ش",
    "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "_": "ـ", "f": "ف", "q": "ق", "k": "ك",
    "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي", "F": "ً", "N": "ٌ", "K": "ٍ",
    "a": "َ", "u": "ُ", "i": "ِ", "~": "ّ", "o": "ْ", "`": "ٰ", "{": "ٱ",
}


def buckwalter_to_arabic(text: str) -> str:
    return "".join(_BUCKWALTER.get(c, c) for c in text)


_KEYS: list[FeatureExtractor] = []  # the extractor whose word keys the gazetteer must share


def word_key(word: str) -> str:
    return _KEYS[0].key(word)


def phrase_key(words: list[str]) -> str:
    return " ".join(k for w in words if (k := word_key(w)))


# ---------------------------------------------------------------- gazetteer
def camel_morph_names(path: Path, english_territories: set[str]) -> dict[str, set[str]]:
    """Proper-noun lemmas with a class from their rationality and gloss."""
    out: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("DEFINE") != "LEXICON":
                continue
            lemma = row.get("LEMMA", "")
            key = phrase_key([buckwalter_to_arabic(lemma)])
            if not key or " " in key:
                continue
            feat = row.get("FEAT", "")
            glosses = {g.strip().lower() for g in re.split(r"[;#]+", row.get("GLOSS", "")) if g.strip()}
            if lemma.endswith("iy~"):
                cls = "CM_NISBA"
            elif "rat:r" in feat:
                cls = "CM_PERS"
            elif glosses & english_territories:
                cls = "CM_LOC"
            else:
                cls = "CM_THING"
            out[key].add(cls)
    return out


def petrarch_actors(actors: Path, agents: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    org_heads = {normalize(w) for w in TRIGGERS["ORGHEAD"]}
    titles = {normalize(w) for w in TRIGGERS["TITLE"]}
    entries: list[tuple[list[str], str, bool]] = []  # words, inline code, has dated lines
    with actors.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("\t") or line.lstrip().startswith("["):
                if entries:
                    words, code, _ = entries[-1]
                    entries[-1] = (words, code, True)
                continue
            name, _, rest = line.strip().partition(" ")
            code = rest.strip().strip("[]").split(" ")[0] if rest.strip() else ""
            words = [w for w in name.split("_") if w]
            if words:
                entries.append((words, code, False))
    for words, code, dated in entries:
        keys = [word_key(w) for w in words]
        keys = [k for k in keys if k]
        if not keys:
            continue
        if keys[0] in org_heads:
            cls = "PA_ORG"
        elif len(keys) == 1 and len(code) == 3 and code.isalpha():
            cls = "PA_CTRY"
        elif dated and len(keys) >= 2 and keys[0] not in titles:
            cls = "PA_PERS"
            for k in keys:
                if len(k) > 2:
                    out[k].add("PA_NAMEPART")
        else:
            cls = "PA_ACTOR"
        out[" ".join(keys)].add(cls)
    with agents.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            name = line.split("[")[0].strip()
            keys = [k for w in name.split("_") if w and (k := word_key(w))]
            if keys:
                out[" ".join(keys)].add("PA_AGENT")
    return out


def babel_names() -> tuple[dict[str, set[str]], set[str]]:
    from babel import Locale

    ar = Locale("ar")
    out: dict[str, set[str]] = defaultdict(set)
    for code, name in ar.territories.items():
        if code.isalpha():  # skip numeric regions (world, continents)
            out[phrase_key(name.split())].add("BB_COUNTRY")
        else:
            out[phrase_key(name.split())].add("BB_REGION")
    for zone in ar.time_zones.values():
        city = zone.get("city")
        if city:
            out[phrase_key(city.replace("،", " ").split())].add("BB_CITY")
    for name in ar.languages.values():
        out[phrase_key(name.split())].add("BB_LANG")
    english = {n.lower() for n in Locale("en").territories.values()}
    out.pop("", None)
    return out, english


def build_gazetteer(shared: Path) -> Path:
    bb, english = babel_names()
    merged: dict[str, set[str]] = defaultdict(set)
    sources = [
        bb,
        camel_morph_names(shared / "data" / "camel-morph" / "MSA-Noun-Prop-LEX.csv", english),
        petrarch_actors(shared / "data" / "petrarch-ar" / "actor_dict_ar_v4.txt",
                        shared / "data" / "petrarch-ar" / "agents.all.ar_v3.txt"),
    ]
    for src in sources:
        for k, v in src.items():
            if k and len(k.split()) <= 5:
                merged[k] |= v
    out = OUT_DIR / "gazetteer.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# clitic-stripped normalized name\tclasses (compiled by scripts/build_ner_model.py)\n")
        for k in sorted(merged):
            fh.write(f"{k}\t{','.join(sorted(merged[k]))}\n")
    print(f"gazetteer: {len(merged)} names -> {out}", flush=True)
    return out


# ---------------------------------------------------------------- training
def dev_split(n: int, block: int = 50) -> tuple[list[int], list[int]]:
    """Every tenth block of consecutive sentences goes to dev: unseen documents, spread over the corpus."""
    dev = [i for i in range(n) if (i // block) % 10 == 9]
    dev_set = set(dev)
    return [i for i in range(n) if i not in dev_set], dev


def train_crf(xs, ys, model: Path, c1: float, c2: float, iters: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    trainer.train(str(model))


def tag_with(model: Path, xs) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [repair_bio(tagger.tag(x)) for x in xs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--grid", default="0.05:0.01,0.02:0.02", help="c1:c2 settings tried on dev")
    ap.add_argument("--skip-gazetteer", action="store_true")
    args = ap.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if not args.skip_gazetteer:
        _KEYS[:] = [FeatureExtractor(load_lexicon())]  # keys depend on cluster ranks only
        build_gazetteer(args.shared)
    train_tok, train_tag = read_anercorp_split(args.shared, "train")
    test_tok, test_tag = read_anercorp_split(args.shared, "test")
    for tags in train_tag:
        unknown = set(tags) - set(LABELS)
        if unknown:
            raise SystemExit(f"unexpected labels {unknown}")
    tr, dv = dev_split(len(train_tok))

    load_lexicon.cache_clear()
    extractor = FeatureExtractor(load_lexicon())
    train_x, test_x = extractor.sentences(train_tok), extractor.sentences(test_tok)
    print(f"features: {time.time() - t0:.0f}s", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="marsad_ner_")) / "crf.dev.model"  # outside the package
    best: tuple[float, float, float] | None = None
    for setting in args.grid.split(","):
        c1, c2 = (float(v) for v in setting.split(":"))
        train_crf([train_x[i] for i in tr], [train_tag[i] for i in tr], tmp, c1, c2, args.iters)
        s = score([train_tag[i] for i in dv], tag_with(tmp, [train_x[i] for i in dv]))["ALL"]
        print(f"dev c1={c1} c2={c2}: P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f} "
              f"({time.time() - t0:.0f}s)", flush=True)
        if best is None or s.f1 > best[0]:
            best = (s.f1, c1, c2)
    tmp.unlink(missing_ok=True)
    assert best is not None
    _, c1, c2 = best
    model = OUT_DIR / "crf.model"
    train_crf(train_x, train_tag, model, c1, c2, args.iters)
    print(f"final model c1={c1} c2={c2}: {model} ({model.stat().st_size // 1024} KB)")
    print("test:\n" + format_scores(score(test_tag, tag_with(model, test_x))))
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

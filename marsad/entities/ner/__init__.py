"""Named-entity tagging with CRFs (and optional BiLSTM-CRFs) trained on ANERcorp.

``tag_sentences([[token, ...], ...], mode=...)`` returns ANERcorp BIO tags (B-/I- PERS,
LOC, ORG, MISC and O) per token.  Models and lexicons ship in
``marsad/resources/data/ner/`` and are loaded on first use, once per process.

ANERcorp test, entity-level micro F1 (tokens/s on one core, cold, bench/ner_speed.py):
    fast      0.714  ~31k   CRF (scripts/build_ner_model.py)
    document  0.753  ~8k    second CRF over the first one's tags of the same words in the
                            nearby sentences, run twice (scripts/build_ner_document.py);
                            pass a document's sentences in order
    accurate  0.761  ~4k    BiLSTM-CRFs averaged with the document CRF (scripts/build_ner_neural.py)
"""

from __future__ import annotations

import gzip
from functools import cache

from marsad import resources
from marsad.entities.ner.features import FeatureExtractor, Lexicon

__all__ = ["LABELS", "MODES", "tag_sentences", "model_available", "load_lexicon", "entity_spans", "repair_bio"]

LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
MODEL = "ner/crf.model"
NEURAL_MODEL = "ner/bilstm.npz"
DOC_MODEL = "ner/crf_doc.model"
TRAIN_LABELS = "ner/trainlabels.tsv.gz"
MODES = ("fast", "document", "accurate")
CLUSTERS = "ner/clusters.tsv.gz"
GAZETTEER = "ner/gazetteer.tsv.gz"
WORDSTATS = "ner/wordstats.tsv.gz"
_HINT = "python scripts/build_ner_model.py"


def model_available(mode: str = "fast") -> bool:
    """Whether the shipped model for ``mode`` ("fast" CRF, "document" two-stage CRF or "accurate"
    BiLSTM-CRF) is present."""
    if mode == "fast":
        return resources.exists(MODEL)
    if mode == "document":
        return resources.exists(MODEL) and resources.exists(DOC_MODEL) and resources.exists(TRAIN_LABELS)
    if mode == "accurate":
        return resources.exists(NEURAL_MODEL)
    return False


def _read_tsv(name: str) -> list[list[str]]:
    p = resources.path(name)
    if not p.exists():
        return []
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


@cache
def load_lexicon() -> Lexicon:
    """Clusters and gazetteer shipped beside the model (empty when absent)."""
    rows = _read_tsv(CLUSTERS)  # most frequent word first
    clusters = {row[0]: tuple(row[1:]) for row in rows}
    rank = {row[0]: i for i, row in enumerate(rows)}
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], set[str]] = {}
    for row in _read_tsv(GAZETTEER):
        key = tuple(row[0].split(" "))
        classes = row[1].split(",")
        if len(key) == 1:
            words.setdefault(key[0], set()).update(classes)
        else:
            phrases.setdefault(key, set()).update(classes)
    return Lexicon(
        clusters=clusters,
        rank=rank,
        gaz_words={k: frozenset(v) for k, v in words.items()},
        gaz_phrases={k: frozenset(v) for k, v in phrases.items()},
        max_phrase=max((len(k) for k in phrases), default=1),
        stats={row[0]: tuple(row[1:]) for row in _read_tsv(WORDSTATS)},
    )


@cache
def _extractor() -> FeatureExtractor:
    """Features for the CRF, restricted to the attributes the shipped model weighs."""
    known = frozenset(attr for attr, _ in _tagger().info().state_features)
    return FeatureExtractor(load_lexicon(), known)


@cache
def _tagger():  # -> pycrfsuite.Tagger
    import pycrfsuite

    if not resources.exists(MODEL):
        raise resources.MissingResource(MODEL, _HINT)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(resources.path(MODEL)))
    return tagger


@cache
def _doc_tagger():  # -> pycrfsuite.Tagger
    import pycrfsuite

    if not resources.exists(DOC_MODEL):
        raise resources.MissingResource(DOC_MODEL, "python scripts/build_ner_document.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(resources.path(DOC_MODEL)))
    return tagger


@cache
def _doc_extractor() -> FeatureExtractor:
    known = frozenset(attr for attr, _ in _doc_tagger().info().state_features)
    return FeatureExtractor(load_lexicon(), known)


@cache
def train_label_counts() -> dict[str, dict[str, int]]:
    """Per clitic-stripped key, how often ANERcorp train labelled it O / PERS / LOC / ORG / MISC."""
    from marsad.entities.ner.document import TYPES

    names = ("O", *TYPES)
    return {row[0]: {t: int(v) for t, v in zip(names, row[1:], strict=True) if v != "0"}
            for row in _read_tsv(TRAIN_LABELS)}


@cache
def _neural():  # -> (Encoder, list[BiLSTMCRF])
    import json

    import numpy as np

    from marsad.entities.ner.neural import BiLSTMCRF, Encoder

    if not resources.exists(NEURAL_MODEL):
        raise resources.MissingResource(NEURAL_MODEL, "python scripts/build_ner_neural.py")
    with np.load(resources.path(NEURAL_MODEL)) as z:
        arrays = {k: z[k] for k in z.files if k != "meta"}
        meta = json.loads(str(z["meta"]))
    shared = {k: v for k, v in arrays.items() if "." not in k}
    nets = []
    for j in range(int(meta.get("models", 1))):
        own = {k.split(".", 1)[1]: v for k, v in arrays.items() if k.startswith(f"m{j}.")}
        nets.append(BiLSTMCRF(shared | own, meta["labels"]))
    encoder = Encoder(FeatureExtractor(load_lexicon()), meta["words"], meta["chars"], meta["feats"])
    return encoder, nets


def tag_sentences(sentences: list[list[str]], mode: str = "fast") -> list[list[str]]:
    """ANERcorp BIO tags for every token of every sentence.

    ``mode="fast"`` (default) is the CRF; ``mode="document"`` a second CRF that also sees what
    the first tagged the same words as in the nearby sentences (pass a document's sentences in
    order); ``mode="accurate"`` the BiLSTM-CRFs averaged with the CRF.
    """
    if mode not in MODES:
        raise ValueError(f"unknown NER mode {mode!r}; available: {', '.join(MODES)}")
    if mode == "accurate":
        return _tag_accurate(sentences)
    if mode == "document":
        return _tag_document(sentences)
    tagger = _tagger()
    extractor = _extractor()
    out: list[list[str]] = []
    for sent in sentences:
        if not sent:
            out.append([])
            continue
        out.append(repair_bio(tagger.tag(extractor.sentence(sent))))
    return out


def _second_stage_features(sentences: list[list[str]], first: list[list[str]] | None = None
                           ) -> list[list[list[str]]]:
    """The document CRF's features: the fast CRF's, plus ``first``-stage tags of the same words nearby.

    ``first`` defaults to the fast CRF's tags.
    """
    from marsad.entities.ner.document import document_features, train_label_features

    if first is None:
        first = tag_sentences(sentences, mode="fast")
    extractor = _extractor()
    keys = [[extractor.key(t) for t in s] for s in sentences]
    doc = document_features(keys, first)
    counts = train_label_counts()
    doc_extractor = _doc_extractor()
    known = doc_extractor.known or frozenset()
    out: list[list[list[str]]] = []
    for sent, k, d in zip(sentences, keys, doc, strict=True):
        if not sent:
            out.append([])
            continue
        tl = train_label_features(k, counts)
        out.append([b + [x for x in dx + tx if x in known]
                    for b, dx, tx in zip(doc_extractor.sentence(sent), d, tl, strict=True)])
    return out


# Rounds of the document CRF: the second reads the first's tags instead of the fast CRF's
# (dev F1 0.7462 -> 0.7514; a third round 0.7517).  The accurate mode keeps one round, which
# was as good there on dev (0.769 vs 0.768).
DOCUMENT_ROUNDS = 2


def _tag_document(sentences: list[list[str]]) -> list[list[str]]:
    tagger = _doc_tagger()
    tags: list[list[str]] | None = None
    for _ in range(DOCUMENT_ROUNDS):
        feats = _second_stage_features(sentences, tags)
        tags = [repair_bio(tagger.tag(x)) if x else [] for x in feats]
    assert tags is not None
    return tags


# Weight of the BiLSTM-CRFs against the (document, when shipped) CRF when their marginals are
# averaged; chosen on the dev split.
NEURAL_WEIGHT = 0.6


def _tag_accurate(sentences: list[list[str]], batch: int = 64) -> list[list[str]]:
    """Average the BiLSTM-CRFs' and the document CRF's per-token label marginals, then decode BIO-validly.

    Without the document model the fast CRF stands in for it.
    """
    import numpy as np

    from marsad.entities.ner.neural import constrained_decode

    encoder, nets = _neural()
    labels = nets[0].labels
    if model_available("document"):
        tagger = _doc_tagger()
        crf_feats = _second_stage_features(sentences)
    else:
        tagger = _tagger()
        crf_feats = [_extractor().sentence(s) if s else [] for s in sentences]
    out: list[list[str]] = [[] for _ in sentences]
    # similar lengths share a batch, so little of it is padding
    order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    for start in range(0, len(order), batch):
        chunk = order[start : start + batch]
        encs = [encoder.encode(sentences[i]) for i in chunk]
        per_net = [net.emissions_batch(encs) for net in nets]
        for k, i in enumerate(chunk):
            tokens = sentences[i]
            nn_probs = sum(net.marginals(em[k]) for net, em in zip(nets, per_net, strict=True)) / len(nets)
            tagger.set(crf_feats[i])
            crf_probs = np.array([[tagger.marginal(lab, t) for lab in labels] for t in range(len(tokens))])
            out[i] = constrained_decode(NEURAL_WEIGHT * nn_probs + (1 - NEURAL_WEIGHT) * crf_probs, labels)
    return out


def repair_bio(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type starts one."""
    fixed = list(tags)
    for i, t in enumerate(fixed):
        if t.startswith("I-"):
            prev = fixed[i - 1] if i else "O"
            if prev == "O" or prev[2:] != t[2:]:
                fixed[i] = "B-" + t[2:]
    return fixed


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans of the entities in a BIO sequence, conlleval-style.

    An I- tag after O or after another type opens a new entity, as conlleval does.
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        continues = prefix == "I" and start is not None and typ == kind
        if start is not None and not continues:
            spans.append((start, i, kind))
            start = None
        if prefix in ("B", "I") and not continues:
            start, kind = i, typ
    return spans

"""The "accurate" NER mode: a character-aware BiLSTM-CRF run in plain numpy.

Trained on CPU by ``scripts/build_ner_neural.py`` (torch at build time only) and
shipped as ``ner/bilstm.npz``.  Each token is its frozen word2vec vector (of its
normalized and of its clitic-stripped form), a character CNN over the
normalized form, and a multi-hot of the CRF tagger's gazetteer, trigger, shape
and clitic features; a BiLSTM reads the sentence and a CRF layer decodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marsad.entities.ner.features import FeatureExtractor

# The sparse features the network sees as a multi-hot (own token only).
DENSE_PREFIXES = ("gw=", "gpB=", "gpI=", "trig=", "sh=", "pc=", "nisba", "title<")
PAD, UNK = 0, 1
MAX_WORD_CHARS = 20


@dataclass
class Encoded:
    words: np.ndarray  # (n,) word ids of the normalized forms
    keys: np.ndarray  # (n,) word ids of the clitic-stripped forms
    chars: np.ndarray  # (n, MAX_WORD_CHARS) char ids
    feats: np.ndarray  # (n, n_feats) float32 multi-hot


class Encoder:
    """Token sequences to the arrays the network reads; shared by training and inference."""

    def __init__(self, extractor: FeatureExtractor, words: Sequence[str], chars: Sequence[str],
                 feats: Sequence[str]) -> None:
        self.fx = extractor
        self.word_ids = {w: i for i, w in enumerate(words)}
        self.char_ids = {c: i for i, c in enumerate(chars)}
        self.feat_ids = {f: i for i, f in enumerate(feats)}

    def _word_id(self, *forms: str) -> int:
        for f in forms:
            i = self.word_ids.get(f)
            if i is not None:
                return i
        return UNK

    def encode(self, tokens: Sequence[str]) -> Encoded:
        n = len(tokens)
        words = np.zeros(n, dtype=np.int64)
        keys = np.zeros(n, dtype=np.int64)
        chars = np.zeros((n, MAX_WORD_CHARS), dtype=np.int64)
        feats = np.zeros((n, len(self.feat_ids)), dtype=np.float32)
        sparse = self.fx.sentence(tokens)
        for i, tok in enumerate(tokens):
            norm, key, *_ = self.fx.word_info(tok)
            words[i] = self._word_id(norm, norm[1:] if norm[:1] in "وفبل" else "", "ال" + key, key)
            keys[i] = self._word_id(key, "ال" + key)
            for j, ch in enumerate(norm[:MAX_WORD_CHARS]):
                chars[i, j] = self.char_ids.get(ch, UNK)
            for f in sparse[i]:
                k = self.feat_ids.get(f)
                if k is not None:
                    feats[i, k] = 1.0
        return Encoded(words, keys, chars, feats)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def constrained_decode(probs: np.ndarray, labels: Sequence[str]) -> list[str]:
    """Best BIO-valid label sequence under per-token probabilities (an I-X only continues X)."""
    n, k = probs.shape
    if n == 0:
        return []
    logp = np.log(np.clip(probs, 1e-9, 1.0))
    allowed = np.zeros((k, k))
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            if b.startswith("I-") and a[2:] != b[2:]:
                allowed[i, j] = -1e9
    start = np.array([-1e9 if lab.startswith("I-") else 0.0 for lab in labels])
    score = start + logp[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + allowed
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return [labels[i] for i in reversed(best)]


class BiLSTMCRF:
    """numpy forward pass of the network saved by scripts/build_ner_neural.py."""

    def __init__(self, arrays: dict[str, np.ndarray], labels: Sequence[str]) -> None:
        self.a = {k: v.astype(np.float32) for k, v in arrays.items() if v.dtype.kind == "f"}
        self.labels = list(labels)

    def _lstm(self, x: np.ndarray, prefix: str) -> np.ndarray:
        """One LSTM direction over a padded batch (B, T, d) -> (B, T, hidden), left to right."""
        w_ih, w_hh = self.a[prefix + "w_ih"], self.a[prefix + "w_hh"]
        b = self.a[prefix + "b_ih"] + self.a[prefix + "b_hh"]
        hidden = w_hh.shape[1]
        gates_x = x @ w_ih.T + b
        w_hh_t = np.ascontiguousarray(w_hh.T)
        h = np.zeros((x.shape[0], hidden), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.zeros((x.shape[0], x.shape[1], hidden), dtype=np.float32)
        for t in range(x.shape[1]):
            g = gates_x[:, t] + h @ w_hh_t
            # torch gate order: input, forget, cell, output
            i, f, o = _sigmoid(g[:, :hidden]), _sigmoid(g[:, hidden : 2 * hidden]), _sigmoid(g[:, 3 * hidden :])
            c = f * c + i * np.tanh(g[:, 2 * hidden : 3 * hidden])
            h = o * np.tanh(c)
            out[:, t] = h
        return out

    def _inputs(self, enc: Encoded) -> np.ndarray:
        a = self.a
        emb = a["word_emb"]
        n, length = enc.chars.shape
        ch = a["char_emb"][enc.chars]  # (n, L, dc)
        conv_w, conv_b = a["conv_w"], a["conv_b"]  # (filters, dc, width)
        filters, _, width = conv_w.shape
        pad = width // 2
        chp = np.pad(ch, ((0, 0), (pad, pad), (0, 0)))
        windows = np.stack([chp[:, k : k + length, :] for k in range(width)], axis=-1)  # n,L,dc,w
        conv = windows.reshape(n * length, -1) @ conv_w.reshape(filters, -1).T + conv_b
        conv = np.where((enc.chars != PAD).reshape(-1, 1), conv, -1e4).reshape(n, length, filters)
        char_vec = np.maximum(conv.max(axis=1), 0.0) if n else np.zeros((0, filters), dtype=np.float32)
        feat_vec = np.maximum(enc.feats @ a["feat_w"].T + a["feat_b"], 0.0)
        return np.concatenate([emb[enc.words], emb[enc.keys], char_vec, feat_vec], axis=1).astype(np.float32)

    def emissions_batch(self, encs: Sequence[Encoded]) -> list[np.ndarray]:
        """Label scores (n, labels) for each of several sentences, run as one padded batch."""
        xs = [self._inputs(e) for e in encs]
        lengths = [len(x) for x in xs]
        if not xs or max(lengths) == 0:
            return [np.zeros((n, len(self.labels)), dtype=np.float32) for n in lengths]
        batch = np.zeros((len(xs), max(lengths), xs[0].shape[1]), dtype=np.float32)
        reverse = np.zeros_like(batch)
        for i, x in enumerate(xs):
            batch[i, : len(x)] = x
            reverse[i, : len(x)] = x[::-1]
        fwd = self._lstm(batch, "lstm_f_")
        bwd = self._lstm(reverse, "lstm_b_")
        out = []
        for i, n in enumerate(lengths):
            h = np.concatenate([fwd[i, :n], bwd[i, :n][::-1]], axis=1)
            out.append(h @ self.a["out_w"].T + self.a["out_b"])
        return out

    def emissions(self, enc: Encoded) -> np.ndarray:
        return self.emissions_batch([enc])[0]

    def marginals(self, emissions: np.ndarray) -> np.ndarray:
        """Per-token label probabilities (n, labels) by forward-backward over the CRF layer."""
        trans, start, end = self.a["trans"], self.a["start"], self.a["end"]
        n, k = emissions.shape
        alpha = np.zeros((n, k), dtype=np.float64)
        beta = np.zeros((n, k), dtype=np.float64)
        if n == 0:
            return alpha
        alpha[0] = start + emissions[0]
        for t in range(1, n):
            alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, axis=0) + emissions[t]
        beta[-1] = end
        for t in range(n - 2, -1, -1):
            beta[t] = _logsumexp(trans + (emissions[t + 1] + beta[t + 1])[None, :], axis=1)
        log_z = _logsumexp(alpha[-1] + end, axis=0)
        return np.exp(alpha + beta - log_z)

    def decode(self, emissions: np.ndarray) -> list[str]:
        trans, start, end = self.a["trans"], self.a["start"], self.a["end"]
        n = len(emissions)
        if n == 0:
            return []
        score = start + emissions[0]
        back = np.zeros((n, len(start)), dtype=np.int64)
        for t in range(1, n):
            cand = score[:, None] + trans  # from x to
            back[t] = cand.argmax(axis=0)
            score = cand.max(axis=0) + emissions[t]
        score = score + end
        best = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[t, best[-1]]))
        return [self.labels[i] for i in reversed(best)]

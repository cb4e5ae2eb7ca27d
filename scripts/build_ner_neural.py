"""Train the "accurate" NER mode: character-aware BiLSTM-CRFs (torch at build time only).

    pip install torch==2.13.0            # exact pin: the local CPU wheel
    PYTHONHASHSEED=0 nice -n 10 python scripts/build_word_clusters.py --vectors-out /tmp/ner_w2v.npz
    nice -n 10 python scripts/build_word_stats.py && nice -n 10 python scripts/build_ner_model.py
    nice -n 10 python scripts/build_ner_neural.py --seed 7 --epochs 30 --max-minutes 22 --out /tmp/ner_bilstm_seed7.npz
    nice -n 10 python scripts/build_ner_neural.py --seed 11 --epochs 30 --max-minutes 22 --out /tmp/ner_bilstm_seed11.npz
    nice -n 10 python scripts/build_ner_neural.py --seed 7 --epochs 25 --lr-decay 1 --keep last \
        --max-minutes 30 --out /tmp/ner_bilstm_run1.npz
    python scripts/build_ner_neural.py --combine /tmp/ner_bilstm_seed7.npz /tmp/ner_bilstm_seed11.npz \
        /tmp/ner_bilstm_run1.npz                  # -> marsad/resources/data/ner/bilstm.npz

Each network trains on ANERcorp train minus the fixed dev split of build_ner_model.py
(the epoch with the best dev F1 is kept unless ``--keep last``) and is exported to
numpy for torch-free inference (marsad/entities/ner/neural.py).  The accurate mode
averages the networks' CRF marginals with the shipped document CRF's (the fast CRF's
when crf_doc.model is absent) (NEURAL_WEIGHT in
marsad/entities/ner/__init__.py, chosen on dev).  Seeds fixed; one thread.  Wall
time is bounded by --max-minutes, so on a busy machine fewer epochs may run.

Measured (entity-level exact match, micro F1):
    networks alone, dev: seed7 0.731, seed11 0.739, run1 0.727; test: 0.740, 0.741, 0.737
    networks averaged, dev 0.742; + fast CRF (weight 0.6/0.4), dev 0.754
    accurate mode on test with the fast CRF: P 0.831  R 0.684  F1 0.7504
    with the document CRF (scripts/build_ner_document.py) instead, weight 0.6/0.4 again best on dev
    (0.4/0.6 0.756, 0.5/0.5 0.764, 0.6/0.4 0.769, 0.7/0.3 0.760; adding the fast CRF too did not help):
        test P 0.834  R 0.700  F1 0.7609 (LOC 0.891 PERS 0.759 ORG 0.628 MISC 0.562)
        `marsad eval ner ../shared/data/anercorp/ANERcorp-CamelLabSplits-test.conll --mode accurate`
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_ner_model import dev_split  # noqa: E402

from marsad.entities.ner import LABELS, load_lexicon  # noqa: E402
from marsad.entities.ner.conll import read_anercorp_split  # noqa: E402
from marsad.entities.ner.features import FeatureExtractor  # noqa: E402
from marsad.entities.ner.neural import DENSE_PREFIXES, MAX_WORD_CHARS, BiLSTMCRF, Encoder  # noqa: E402
from marsad.evaluation.ner import format_scores, score  # noqa: E402

OUT = REPO / "marsad" / "resources" / "data" / "ner" / "bilstm.npz"
SEED = 7


def combine(files: list[Path], out: Path) -> None:
    """One npz holding several trained networks (an ensemble) that share the frozen word vectors."""
    arrays: dict[str, np.ndarray] = {}
    meta: dict | None = None
    for j, f in enumerate(files):
        with np.load(f) as z:
            m = json.loads(str(z["meta"]))
            names = [k for k in z.files if k != "meta"]
            if meta is None:
                meta = {k: v for k, v in m.items() if k not in ("dev_f1", "epoch")}
                meta["members"] = []
                arrays["word_emb"] = z["word_emb"]
            elif any(m[k] != meta[k] for k in ("labels", "words", "chars", "feats")) or not np.array_equal(
                    z["word_emb"], arrays["word_emb"]):
                raise SystemExit(f"{f} was trained on other inputs than {files[0]}")
            for k in names:
                if k != "word_emb":
                    arrays[f"m{j}.{k.split('.', 1)[-1]}"] = z[k]
            meta["members"].append({"file": f.name, "dev_f1": m.get("dev_f1"), "epoch": m.get("epoch")})
    assert meta is not None
    meta["models"] = len(files)
    np.savez_compressed(out, meta=np.array(json.dumps(meta, ensure_ascii=False)), **arrays)
    print(f"wrote {out}: {len(files)} networks ({out.stat().st_size // 1024} KB)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--vectors", type=Path, default=Path("/tmp/ner_w2v.npz"))
    ap.add_argument("--vocab", type=int, default=40000)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--max-minutes", type=float, default=18.0)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--lr-decay", type=float, default=0.93, help="learning-rate factor per epoch")
    ap.add_argument("--keep", choices=("best", "last"), default="best", help="which epoch to export")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--combine", type=Path, nargs="+", help="only pack these trained npz files into --out")
    args = ap.parse_args()
    if args.combine:
        combine(args.combine, args.out)
        return 0

    import torch
    from torch import nn

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(1)
    t0 = time.time()

    train_tok, train_tag = read_anercorp_split(args.shared, "train")
    test_tok, test_tag = read_anercorp_split(args.shared, "test")

    vec = np.load(args.vectors)
    words = ["<pad>", "<unk>"] + [str(w) for w in vec["words"][: args.vocab]]
    emb = np.zeros((len(words), vec["vectors"].shape[1]), dtype=np.float32)
    emb[2:] = vec["vectors"][: args.vocab]
    fx = FeatureExtractor(load_lexicon())
    char_counts: Counter[str] = Counter()
    feat_counts: Counter[str] = Counter()
    for sent in train_tok:
        for tok in sent:
            char_counts.update(fx.word_info(tok)[0][:MAX_WORD_CHARS])
        for f in fx.sentence(sent):
            feat_counts.update(x for x in f if x.startswith(DENSE_PREFIXES))
    chars = ["<pad>", "<unk>"] + sorted(c for c, n in char_counts.items() if n >= 2)
    feats = sorted(f for f, n in feat_counts.items() if n >= 3)
    enc = Encoder(fx, words, chars, feats)
    label_id = {t: i for i, t in enumerate(LABELS)}

    def encode_all(sents, tags):
        out = []
        for s, t in zip(sents, tags, strict=True):
            e = enc.encode(s)
            out.append((e, np.array([label_id[x] for x in t], dtype=np.int64)))
        return out

    train_all = encode_all(train_tok, train_tag)
    test_data = encode_all(test_tok, test_tag)
    tr, dv = dev_split(len(train_all))
    train_data = [train_all[i] for i in tr]
    dev_data = [train_all[i] for i in dv]
    print(f"encoded: vocab {len(words)}, chars {len(chars)}, feats {len(feats)} ({time.time() - t0:.0f}s)",
          flush=True)

    n_labels = len(LABELS)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_emb = nn.Embedding.from_pretrained(torch.from_numpy(emb), freeze=True, padding_idx=0)
            self.char_emb = nn.Embedding(len(chars), 32, padding_idx=0)
            self.conv = nn.Conv1d(32, 64, 3, padding=1)
            self.feat = nn.Linear(len(feats), 32)
            self.drop = nn.Dropout(0.5)
            in_dim = 2 * emb.shape[1] + 64 + 32
            self.lstm = nn.LSTM(in_dim, args.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, n_labels)
            self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.start = nn.Parameter(torch.zeros(n_labels))
            self.end = nn.Parameter(torch.zeros(n_labels))

        def emissions(self, w, k, c, f, lengths):
            b, n, length = c.shape
            ch = self.char_emb(c.view(b * n, length)).transpose(1, 2)  # bn, 32, L
            conv = self.conv(ch).transpose(1, 2)  # bn, L, 64
            conv = conv.masked_fill((c.view(b * n, length) == 0).unsqueeze(-1), -1e4)
            char_vec = torch.relu(conv.max(dim=1).values).view(b, n, -1)
            feat_vec = torch.relu(self.feat(f))
            x = torch.cat([self.word_emb(w), self.word_emb(k), char_vec, feat_vec], dim=-1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=n)
            return self.out(self.drop(h))

        def nll(self, em, y, mask):
            # gold path score
            b, n, _ = em.shape
            idx = torch.arange(b)
            gold = self.start[y[:, 0]] + em[idx, 0, y[:, 0]]
            for t in range(1, n):
                m = mask[:, t]
                step = self.trans[y[:, t - 1], y[:, t]] + em[idx, t, y[:, t]]
                gold = gold + step * m
            last = y[idx, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            # partition function
            alpha = self.start + em[:, 0]
            for t in range(1, n):
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
                m = mask[:, t].unsqueeze(1)
                alpha = torch.where(m > 0, nxt, alpha)
            z = torch.logsumexp(alpha + self.end, dim=1)
            return (z - gold).sum()

    def batch(items):
        n = max(len(e.words) for e, _ in items)
        b = len(items)
        w = np.zeros((b, n), dtype=np.int64)
        k = np.zeros((b, n), dtype=np.int64)
        c = np.zeros((b, n, MAX_WORD_CHARS), dtype=np.int64)
        f = np.zeros((b, n, len(feats)), dtype=np.float32)
        y = np.zeros((b, n), dtype=np.int64)
        mask = np.zeros((b, n), dtype=np.float32)
        lengths = []
        for i, (e, lab) in enumerate(items):
            m = len(e.words)
            w[i, :m], k[i, :m], c[i, :m], f[i, :m], y[i, :m], mask[i, :m] = e.words, e.keys, e.chars, e.feats, lab, 1
            lengths.append(m)
        return (torch.from_numpy(w), torch.from_numpy(k), torch.from_numpy(c), torch.from_numpy(f),
                torch.tensor(lengths), torch.from_numpy(y), torch.from_numpy(mask))

    net = Net()
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=2e-3)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=args.lr_decay)

    def export() -> dict[str, np.ndarray]:
        sd = {k: v.detach().cpu().numpy().copy() for k, v in net.state_dict().items()}
        return {
            "word_emb": sd["word_emb.weight"].astype(np.float16),
            "char_emb": sd["char_emb.weight"], "conv_w": sd["conv.weight"], "conv_b": sd["conv.bias"],
            "feat_w": sd["feat.weight"], "feat_b": sd["feat.bias"],
            "lstm_f_w_ih": sd["lstm.weight_ih_l0"], "lstm_f_w_hh": sd["lstm.weight_hh_l0"],
            "lstm_f_b_ih": sd["lstm.bias_ih_l0"], "lstm_f_b_hh": sd["lstm.bias_hh_l0"],
            "lstm_b_w_ih": sd["lstm.weight_ih_l0_reverse"], "lstm_b_w_hh": sd["lstm.weight_hh_l0_reverse"],
            "lstm_b_b_ih": sd["lstm.bias_ih_l0_reverse"], "lstm_b_b_hh": sd["lstm.bias_hh_l0_reverse"],
            "out_w": sd["out.weight"], "out_b": sd["out.bias"],
            "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
        }

    def evaluate(data, arrays) -> tuple[dict, list[list[str]]]:
        model = BiLSTMCRF(arrays, LABELS)
        pred = [model.decode(model.emissions(e)) for e, _ in data]
        gold = [[LABELS[i] for i in lab] for _, lab in data]
        return score(gold, pred), pred

    best_f1, best_arrays, best_epoch = -1.0, None, 0
    order = list(range(len(train_data)))
    for epoch in range(1, args.epochs + 1):
        net.train()
        random.shuffle(order)
        total = 0.0
        for s in range(0, len(order), 16):
            w, k, c, f, lengths, y, mask = batch([train_data[i] for i in order[s : s + 16]])
            loss = net.nll(net.emissions(w, k, c, f, lengths), y, mask) / len(lengths)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        sched.step()
        net.eval()
        arrays = export()
        dev_scores, _ = evaluate(dev_data, arrays)
        f1 = dev_scores["ALL"].f1
        print(f"epoch {epoch}: loss {total:.0f} dev F1 {f1:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if f1 > best_f1 or args.keep == "last":
            best_f1, best_arrays, best_epoch = f1, arrays, epoch
        if time.time() - t0 > args.max_minutes * 60:
            print("time budget reached")
            break
    assert best_arrays is not None
    meta = {"labels": list(LABELS), "words": words, "chars": chars, "feats": feats,
            "dev_f1": best_f1, "epoch": best_epoch}
    np.savez_compressed(args.out, meta=np.array(json.dumps(meta, ensure_ascii=False)), **best_arrays)
    print(f"kept dev F1 {best_f1:.4f} at epoch {best_epoch}; wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    test_scores, _ = evaluate(test_data, best_arrays)
    print("test:\n" + format_scores(test_scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`marsad tag [FILE|-]`: named-entity tags for CoNLL-style tokens."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tag", help="tag named entities in CoNLL-style input (token in the first column)")
    p.add_argument("file", nargs="?", default="-", help="input file, or - for stdin (default)")
    p.add_argument("--mode", choices=("fast", "document", "accurate"), default="fast", help="which shipped model")
    p.set_defaults(func=run_tag)


def run_tag(args: argparse.Namespace) -> int:
    from marsad.entities.ner import model_available, tag_sentences
    from marsad.entities.ner.conll import read_conll

    if not model_available(args.mode):
        print(f"no shipped NER model for mode {args.mode!r}; rebuild with scripts/build_ner_model.py",
              file=sys.stderr)
        return 1
    if args.file == "-":
        sentences = read_conll(sys.stdin)
    else:
        with open(args.file, encoding="utf-8") as fh:
            sentences = read_conll(fh)
    tokens = [[row[0] for row in s] for s in sentences]
    out = sys.stdout
    for i, (sent, tags) in enumerate(zip(tokens, tag_sentences(tokens, mode=args.mode), strict=True)):
        if i:
            out.write("\n")
        for tok, tag in zip(sent, tags, strict=True):
            out.write(f"{tok}\t{tag}\n")
    return 0

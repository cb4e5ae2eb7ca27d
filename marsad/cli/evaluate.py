"""`marsad eval KIND ...`: each evaluation lives in marsad.evaluation.<kind>."""

from __future__ import annotations

import argparse
import importlib

# kind -> module defining add_arguments(parser) and run(args) -> int
EVALUATORS = {
    "ner": "marsad.evaluation.ner",
    "time": "marsad.evaluation.time",
    "statements": "marsad.evaluation.statements",
    "events": "marsad.evaluation.events",
    "entities": "marsad.evaluation.entities",
    "events-sentences": "marsad.evaluation.event_sentences",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score a layer against gold annotations")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    for kind, module_name in EVALUATORS.items():
        module = importlib.import_module(module_name)
        kp = kinds.add_parser(kind, help=(module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else None)
        module.add_arguments(kp)
        kp.set_defaults(func=module.run)

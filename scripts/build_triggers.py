"""Compile the event trigger lexicon into marsad/resources/data/triggers.jsonl.gz.

Sources:
  * marsad/events/lexicon_manual.tsv: Marsad's hand-written triggers for modern news;
  * ../shared/data/petrarch-ar/CAMEO.ar.0.5.txt: PETRARCH's Arabic verb patterns.

The CAMEO file is lemmatized and noisy (many verb-level default codes are
mistranslations: "وضع [139]", "أخذ [141]"), so only its *patterns* are kept: a
verb of the block followed by the literal object words of the pattern
("- * مساعدة [070]" under قدم = "قدم ... مساعدة" -> AID).  Synonym-set slots
(&WEAPON) are expanded to their single- and two-word members.  Each CAMEO code is
mapped to PLOVER with marsad.events.ontology.plover_for_cameo; codes mapping to
nothing (statements 01x, investigations 09x) are dropped.  A CAMEO pattern never
overrides a hand-written trigger with the same verb and object.

    python scripts/build_triggers.py [--shared ../shared] [--no-cameo]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.clean.normalize import normalize  # noqa: E402
from marsad.events.ontology import DEFAULT_MODE, plover_for_cameo  # noqa: E402
from marsad.events.triggers import (  # noqa: E402
    MANUAL_LEXICON,
    TRIGGERS_RESOURCE,
    Trigger,
    bare,
    parse_manual_lexicon,
)

OUT = REPO / "marsad" / "resources" / "data" / TRIGGERS_RESOURCE

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"^-\s*(.*?)\*(.*?)\[\s*([0-9]{2,4})\s*\]")
_VERB_LINE = re.compile(r"^([^\s\[#]+(?: [^\s\[#]+)?)\s*(?:\[[^\]]*\])?\s*(?:#.*)?$")
_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
# Common function words: a pattern whose only object word is one of these is no constraint at all.
_WEAK = {normalize(w) for w in "في من إلى الى على عن مع ل ب هو هي ما لا أن ان".split()}


def parse_synsets(lines: list[str]) -> dict[str, list[tuple[str, ...]]]:
    synsets: dict[str, list[tuple[str, ...]]] = {}
    current: str | None = None
    for line in lines:
        s = line.strip()
        if s.startswith("####### VERB"):
            break
        if s.startswith("&"):
            current = s.split()[0]
            synsets[current] = []
        elif s.startswith("+") and current:
            words = tuple(bare(w) for w in s[1:].replace("_", " ").split())
            if 1 <= len(words) <= 2 and all(_ARABIC.match(w) for w in words):
                synsets[current].append(words)
    return synsets


def _object_steps(post: str, synsets: dict[str, list[tuple[str, ...]]]) -> list[tuple[tuple[str, ...], ...]] | None:
    """The required-word steps of a pattern's right-hand side, or None if it cannot be used."""
    post = post.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ")
    steps: list[tuple[tuple[str, ...], ...]] = []
    for tok in post.split():
        if tok.startswith("&"):
            members = synsets.get(tok.split("_")[0]) or synsets.get(tok)
            if not members:
                return None
            steps.append(tuple(members[:60]))
            continue
        if tok.startswith("$") or tok.startswith("+") or not _ARABIC.match(normalize(tok)):
            return None
        w = bare(tok)
        if w in _WEAK or len(w) < 2:
            continue
        steps.append(((w,),))
    if not steps or len(steps) > 3:
        return None
    return steps


def _pattern_verbs(line: str, block: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """The verbs a pattern applies to: those named in its comment, else the whole block."""
    _, _, comment = line.partition("#")
    named: list[tuple[str, tuple[str, ...]]] = []
    for item in comment.split(","):
        parts = [normalize(p) for p in item.strip().split("_")[0].split("+")]
        if parts and _ARABIC.match(parts[0] or "-") and len(parts[0]) >= 2:
            named.append((parts[0], tuple(bare(p) for p in parts[1:] if _ARABIC.match(p))))
    block_verbs = {v for v, _ in block}
    chosen = [v for v in named if v[0] in block_verbs]
    return chosen or block


def parse_cameo(path: Path) -> list[Trigger]:
    lines = path.read_text(encoding="utf-8").splitlines()
    synsets = parse_synsets(lines)
    out: list[Trigger] = []
    in_verbs = False
    verbs: list[tuple[str, tuple[str, ...]]] = []  # (verb, particle words)
    for line in lines:
        s = line.strip()
        if s.startswith("####### VERB"):
            in_verbs = True
            continue
        if not in_verbs or not s or s.startswith("#"):
            continue
        if _HEADER.match(s):
            verbs = []
            continue
        m = _PATTERN.match(s)
        if m:
            code = m.group(3)
            plover = plover_for_cameo(code)
            if plover is None or not verbs:
                continue
            steps = _object_steps(m.group(2), synsets)
            if steps is None:
                continue
            for verb, particles in _pattern_verbs(s, verbs):
                req = tuple(((p,),) for p in particles) + tuple(steps)
                out.append(Trigger(plover, DEFAULT_MODE.get(plover), verb, "v", req, frozenset(), f"cameo:{code}"))
            continue
        if s.startswith("-"):
            continue
        vm = _VERB_LINE.match(s)
        if vm:
            head = vm.group(1).split()[0]
            parts = [normalize(p) for p in head.split("+")]
            if parts and _ARABIC.match(parts[0]) and len(parts[0]) >= 2:
                verbs.append((parts[0], tuple(bare(p) for p in parts[1:] if _ARABIC.match(p))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--no-cameo", action="store_true", help="compile the hand-written lexicon only")
    args = ap.parse_args(argv)

    manual = parse_manual_lexicon(MANUAL_LEXICON.read_text(encoding="utf-8").splitlines())
    triggers = list(manual)
    cameo: list[Trigger] = []
    cameo_path = Path(args.shared) / "data" / "petrarch-ar" / "CAMEO.ar.0.5.txt"
    if not args.no_cameo:
        if not cameo_path.exists():
            print(f"warning: {cameo_path} not found; compiling the hand-written lexicon only", file=sys.stderr)
        else:
            cameo = parse_cameo(cameo_path)
    # A CAMEO pattern must not shadow a hand-written trigger for the same verb and first object.
    manual_keys = {(f, t.require[:1]) for t in manual for f in t.forms}
    seen: set[tuple[str, tuple, str]] = set()
    kept = 0
    # The CAMEO file pairs many verbs with codes that do not fit them (قدر "estimate" -> threaten);
    # its patterns are kept only for verbs the hand-written list already knows as triggers of the
    # same type, where they add objects ("أطلق" + &WEAPON) rather than new, unchecked readings.
    known_verbs = {(normalize(t.lemma), t.type) for t in manual if t.pos == "v"}
    for t in cameo:
        if (normalize(t.lemma), t.type) not in known_verbs:
            continue
        key = (t.lemma, t.require, t.type)
        if key in seen or any((f, t.require[:1]) in manual_keys for f in t.forms[:1]):
            continue
        seen.add(key)
        triggers.append(t)
        kept += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        for t in triggers:
            fh.write(json.dumps(t.to_json(), ensure_ascii=False) + "\n")
    by_type = Counter(t.type for t in triggers)
    print(f"wrote {OUT.relative_to(REPO)}: {len(manual)} hand-written + {kept} CAMEO-pattern triggers")
    print("  " + ", ".join(f"{k}={v}" for k, v in sorted(by_type.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

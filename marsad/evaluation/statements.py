"""Attributed statements: recall of gold statements, speaker, direct flag and sources.

A gold statement is found when one of our statements' content contains its
``contains`` text (both sides in gold form).  Of the found ones we check the
speaker (the gold names an entity in English: it matches our entity's
``name_en``, or our speaker's Arabic name or text holds one of that entity's
surfaces listed in the gold file; a gold name written in Arabic matches when
it and our speaker's name, text or antecedent contain one another as whole
words, or the gazetteer links it to our entity), the direct flag, the polarity where the gold gives one, and that every
gold ``reported_by`` source is among ours.  Precision counts a predicted
statement as correct when its content holds some gold statement of its
document; it is only meaningful for gold files that list every statement (our
own fixtures), while the seeds list some, so our other statements are printed
for a human to judge.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.evaluation.gold import add_corpus_arguments, analyze_gold_docs, gold_form, load_gold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("--quiet", action="store_true", help="print only the summary, not the statement lists")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


@dataclass
class StatementScore:
    gold: int = 0
    found: int = 0
    speaker_ok: int = 0
    direct_ok: int = 0
    with_sources: int = 0
    sources_ok: int = 0
    misses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    predicted: int = 0
    predicted_ok: int = 0
    with_polarity: int = 0
    polarity_ok: int = 0

    def summary(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "recall": ratio(self.found, self.gold),
            "precision": ratio(self.predicted_ok, self.predicted),
            "speaker_accuracy": ratio(self.speaker_ok, self.found),
            "direct_accuracy": ratio(self.direct_ok, self.found),
            "sources_complete": ratio(self.sources_ok, self.with_sources),
            "with_gold_sources": self.with_sources,
            "polarity_accuracy": ratio(self.polarity_ok, self.with_polarity),
            "with_gold_polarity": self.with_polarity,
        }


def surface_index(gold: dict[str, Any]) -> dict[str, set[str]]:
    """English entity name -> the normalized Arabic surfaces the gold file gives it, over all documents."""
    out: dict[str, set[str]] = {}
    for doc in (gold.get("docs") or {}).values():
        for ent in doc.get("entities") or []:
            name = str(ent.get("name") or "").casefold()
            for surface in ent.get("surfaces") or []:
                norm = normalize(surface)
                if len(norm) >= 2:
                    out.setdefault(name, set()).add(norm)
    return out


def _contains_phrase(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


_ARABIC = re.compile("[\u0600-\u06ff]")


def _arabic_name_match(gold_name: str, candidate: dict[str, Any]) -> bool:
    """An Arabic gold name and our name, text or antecedent, one within the other as whole words."""
    g = " ".join(normalize(gold_name).replace('"', " ").split())
    if not g:
        return False
    if candidate.get("entity_id"):
        # Another spelling of the same gazetteer entity: "وكالة الأنباء السعودية" and "واس".
        from marsad.attribution.speakers import lookup_ref

        ref = lookup_ref(gold_name)
        if ref is not None and ref.get("entity_id") == candidate.get("entity_id"):
            return True
    for key in ("name", "text", "antecedent"):
        ours = " ".join(normalize(str(candidate.get(key) or "")).replace('"', " ").split())
        if ours and (_contains_phrase(ours, g) or _contains_phrase(g, ours)):
            return True
    return False


def names_match(gold_name: str, candidate: dict[str, Any], surfaces: dict[str, set[str]]) -> bool:
    """Does a speaker or source dict of ours name the gold entity?"""
    if _ARABIC.search(gold_name) and _arabic_name_match(gold_name, candidate):
        return True
    g = gold_name.casefold()
    if (candidate.get("name_en") or "").casefold() == g:
        return True
    forms = surfaces.get(g, set())
    name = normalize(str(candidate.get("name") or ""))
    if name and name in forms:
        return True
    if candidate.get("name_en") and candidate.get("entity_id"):
        return False  # linked to another entity: the surfaces of its text do not overrule the link
    texts = [normalize(str(candidate.get(k) or "")).replace('"', " ") for k in ("name", "text", "antecedent")]
    texts = [" ".join(t.split()) for t in texts if t]
    return any(_contains_phrase(t, f) for t in texts for f in forms)


def score_document(gold_doc: dict[str, Any], article: Article, surfaces: dict[str, set[str]], score: StatementScore,
                   doc_name: str) -> None:
    predicted = article.layer("statements")
    score.predicted += len(predicted)
    contents = [gold_form(str(s.attrs.get("content", {}).get("text") or "")) for s in predicted]
    used: set[int] = set()
    needles = [gold_form(str(g.get("contains") or "")) for g in gold_doc.get("statements") or []]
    score.predicted_ok += sum(any(n and n in c for n in needles) for c in contents)
    for g in gold_doc.get("statements") or []:
        score.gold += 1
        needle = gold_form(str(g.get("contains") or ""))
        candidates = [k for k, c in enumerate(contents) if needle and needle in c]
        label = f"{doc_name}: {g.get('speaker')} «{needle}»"
        if not candidates:
            score.misses.append(label)
            continue
        score.found += 1
        best = max(candidates, key=lambda k: names_match(str(g.get("speaker") or ""), predicted[k].attrs.get("speaker") or {}, surfaces))
        used.update(candidates)
        attrs = predicted[best].attrs
        speaker_ok = names_match(str(g.get("speaker") or ""), attrs.get("speaker") or {}, surfaces)
        direct_ok = bool(attrs.get("direct")) == bool(g.get("direct"))
        gold_sources = list(g.get("reported_by") or [])
        ours = attrs.get("reported_by") or []
        missing = [src for src in gold_sources if not any(names_match(src, r, surfaces) for r in ours)]
        score.speaker_ok += speaker_ok
        score.direct_ok += direct_ok
        polarity_ok = True
        if g.get("polarity"):
            score.with_polarity += 1
            polarity_ok = attrs.get("polarity") == g.get("polarity")
            score.polarity_ok += polarity_ok
        if gold_sources:
            score.with_sources += 1
            score.sources_ok += not missing
        problems = []
        if not speaker_ok:
            sp = attrs.get("speaker") or {}
            problems.append(f"speaker {sp.get('name_en') or sp.get('name') or sp.get('text')!r}")
        if not direct_ok:
            problems.append(f"direct={attrs.get('direct')}")
        if not polarity_ok:
            problems.append(f"polarity={attrs.get('polarity')}")
        if missing:
            problems.append(f"sources missing {missing} (ours {[r.get('name') for r in ours]})")
        if problems:
            score.errors.append(f"{label}: " + "; ".join(problems))
    for k, span in enumerate(predicted):
        if k not in used:
            score.extra.append(f"{doc_name}: {_describe(span)}")


def _describe(span: Span) -> str:
    a = span.attrs
    sp = a.get("speaker") or {}
    who = sp.get("name_en") or sp.get("name") or sp.get("text")
    content = " ".join(str(a.get("content", {}).get("text") or "").split())
    if len(content) > 90:
        content = content[:87] + "..."
    return f"[{a.get('cue', {}).get('lemma')}] {who} ({sp.get('how')}{', direct' if a.get('direct') else ''}): {content}"


def evaluate(gold_path: str, corpus: str | None = None) -> StatementScore:
    data, docs = load_gold(gold_path, corpus)
    articles = analyze_gold_docs(docs, upto="attribution")
    surfaces = surface_index(data)
    score = StatementScore()
    for doc in docs:
        art = articles.get(doc.name)
        if art is None:
            n = len(doc.gold.get("statements") or [])
            score.gold += n
            score.misses.append(f"{doc.name}: text not found ({n} statements)")
            continue
        score_document(doc.gold, art, surfaces, score, doc.name)
    return score


def run(args: argparse.Namespace) -> int:
    score = evaluate(args.gold, args.corpus)
    summary = score.summary()
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"gold statements: {score.gold}   predicted: {score.predicted}")
    print(f"found (recall):  {score.found}/{score.gold} = {summary['recall']:.1%}")
    print(f"precision:       {score.predicted_ok}/{score.predicted} = {summary['precision']:.1%}"
          "  (predicted statements holding a gold statement; meaningful when the gold lists them all)")
    print(f"speaker correct: {score.speaker_ok}/{score.found} = {summary['speaker_accuracy']:.1%}")
    print(f"direct correct:  {score.direct_ok}/{score.found} = {summary['direct_accuracy']:.1%}")
    print(f"sources present: {score.sources_ok}/{score.with_sources} = {summary['sources_complete']:.1%}")
    if score.with_polarity:
        print(f"polarity:        {score.polarity_ok}/{score.with_polarity} = {summary['polarity_accuracy']:.1%}")
    if not args.quiet:
        for title, items in (("missed", score.misses), ("errors", score.errors),
                             ("not in the gold (judge precision by hand)", score.extra)):
            if items:
                print(f"\n{title}:")
                for item in items:
                    print("  " + item)
    return 0

"""Event trigger lexicon: loading, conjugation and matching.

The compiled lexicon (``resources/data/triggers.jsonl.gz``, built by
``scripts/build_triggers.py`` from the hand-written ``lexicon_manual.tsv`` and the
PETRARCH Arabic CAMEO verb patterns) lists every trigger with its inflected
forms already generated.  Matching is therefore one dict lookup per clitic
variant of a token: no stemming at run time.

A trigger may *require* words after it ("فرض" needs "عقوبات" to be a SANCTION);
entries whose requirements are met beat bare ones, and hand-written entries beat
CAMEO-derived ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from marsad.clean.normalize import normalize

TRIGGERS_RESOURCE = "triggers.jsonl.gz"
MANUAL_LEXICON = Path(__file__).resolve().parent / "lexicon_manual.tsv"
ACTOR_SLOT = "@ACTOR"

# Window (in tokens) in which the first required word must follow the trigger, then each next one.
FIRST_WINDOW = 6
NEXT_WINDOW = 3

_NOUN_CONTEXT = frozenset(normalize(w) for w in (
    "في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل", "خلال", "بشأن", "حول", "ب", "ل", "بـ", "لـ", "عبر", "دون",
))
_OBJ = ("ه", "ها", "هم", "هما", "نا", "كم")


# --- conjugation ---------------------------------------------------------------


def verb_forms(past: str, present: str | None = None) -> set[str]:
    """Normalized surface forms of a verb from its 3ms past and present ("التقى", "يلتقي").

    A light paradigm: persons and numbers of past and present, with object
    pronouns on the commonest persons.  Future سـ and clitics are stripped at
    match time, not generated.
    """
    p = normalize(past)
    y = normalize(present) if present else _default_present(p)
    forms: set[str] = set()
    # --- past
    if p.endswith("ي") and len(p) >= 3:  # defective: التقى -> التقت، التقوا، التقاه
        stem = p[:-1]
        forms |= {p, stem + "ت", stem + "وا", p + "ا", p + "ت", p + "نا", p + "تم", stem + "تا"}
        forms |= {stem + "ا" + o for o in _OBJ} | {stem + "ت" + o for o in _OBJ}
    elif p.endswith("ا") and len(p) >= 3:  # دعا -> دعت، دعوا، دعاه
        stem = p[:-1]
        forms |= {p, stem + "ت", stem + "وا", stem + "تا", stem + "ونا"}
        forms |= {p + o for o in _OBJ} | {stem + "ت" + o for o in _OBJ}
    else:
        # (no 3rd feminine plural ـن: "حضن" and "ايدن" are far likelier nouns and names)
        forms |= {p, p + "ت", p + "وا", p + "ا", p + "تا", p + "نا", p + "تم"}
        forms |= {p + o for o in _OBJ} | {p + "ت" + o for o in _OBJ} | {p + "و" + o for o in _OBJ}
    # --- present
    if y.startswith("ي") and len(y) >= 3:
        body = y[1:]
        defective = body[-1] in "يو" and len(body) >= 3 and not p.endswith(body[-1] + body[-1])
        for pre in ("ي", "ت", "ن", "ا"):
            forms.add(pre + body)
            forms |= {pre + body + o for o in _OBJ}
        for pre in ("ي", "ت"):
            if defective:
                # the jussive drops the weak letter: لم يلتق، لم تدع
                forms |= {pre + body[:-1] + "ون", pre + body[:-1] + "وا", pre + body + "ان", pre + body + "ا"}
                forms |= {pre + body[:-1]} if len(body) >= 4 else set()
                forms |= {pre + body[:-1] + "ين"}
            else:
                forms |= {pre + body + "ون", pre + body + "وا", pre + body + "ان", pre + body + "ين", pre + body + "ا"}
                forms |= {pre + body + "ون" + o for o in _OBJ[:3]}
    return {f for f in forms if len(f) >= 2}


@cache
def _cached_verb_forms(past: str) -> tuple[str, ...]:
    return tuple(sorted(verb_forms(past)))


def _default_present(past: str) -> str:
    """3ms present of a 3ms past for the derived forms that are regular in script."""
    if past.startswith("است") or (past.startswith("ا") and len(past) >= 5):  # X, VIII, VII
        return "ي" + past[1:]
    if past.startswith("ا") and len(past) == 4:  # IV: أرسل -> يرسل
        return "ي" + past[1:]
    if past.endswith("ي"):
        return "ي" + past
    return "ي" + past


def noun_forms(noun: str) -> set[str]:
    """Normalized forms of a noun: with possessive pronouns, dual and (for ـة) plural."""
    n = normalize(noun)
    forms = {n}
    if n.endswith("ه") and len(n) >= 3:  # ta marbuta: زيارة -> زيارته، زيارتها، زيارتين
        base = n[:-1]
        forms |= {base + "ت" + o for o in (*_OBJ, "ي")}
        forms |= {base + "تان", base + "تين", base + "ات"}
    elif n.endswith("ات"):
        forms |= {n + o for o in _OBJ}
    else:
        forms |= {n + o for o in _OBJ} | {n + "ان", n + "ين"}
        if n.endswith("ا"):  # هجوما
            forms.add(n[:-1])
    return forms


# --- clitic variants of a text token ----------------------------------------------


@lru_cache(maxsize=200_000)
def token_variants(token: str) -> tuple[tuple[str, bool, bool], ...]:
    """Normalized candidate stems of a token: (stem, future سـ removed, may be a verb).

    "وسيلتقي" -> (وسيلتقي, سيلتقي, يلتقي*); "بالتعاون" -> (بالتعاون, التعاون, تعاون);
    "للقاء" -> (للقاء, لقاء, ...).  Every combination of an optional conjunction,
    preposition and article is tried, so the greedy clitic splitter's guesses do not
    hide a trigger.  A stem reached by removing ب، ك or ال is a noun, never a verb
    ("بايدن" is not ب + أيدن).
    """
    w = normalize(token)
    out: list[tuple[str, bool, bool]] = []
    seen: set[str] = set()

    def add(s: str, fut: bool, verb: bool) -> None:
        if len(s) >= 2 and s not in seen:
            seen.add(s)
            out.append((s, fut, verb))

    stage1 = [w]
    if len(w) > 3 and w[0] in "وف":
        stage1.append(w[1:])
    stage2: list[tuple[str, bool]] = []
    for s in stage1:
        stage2.append((s, True))
        if len(s) > 3 and s[0] in "بلك":
            # ل before an imperfect verb is the purpose/jussive lam (ليلتقي); other clitics mark nouns.
            stage2.append((s[1:], s[0] == "ل" and s[1] in "يتن"))
            if s.startswith("لل") and len(s) > 4:
                stage2.append(("ال" + s[2:], False))
    for s, verb in stage2:
        add(s, False, verb)
        if s.startswith("ال") and len(s) > 3:
            add(s[2:], False, False)
        if verb and s.startswith("س") and len(s) > 3 and s[1] in "يتنا":
            add(s[1:], True, True)
    return tuple(out)


def bare(word: str) -> str:
    """A required word in the form token_variants produces for it (article dropped)."""
    w = normalize(word)
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


# --- lexicon -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    lemma: str
    pos: str  # "v" or "n"
    require: tuple[tuple[tuple[str, ...], ...], ...] = ()  # steps -> alternatives -> words
    flags: frozenset[str] = frozenset()
    origin: str = "manual"
    forms: tuple[str, ...] = field(default=(), compare=False)

    @property
    def window(self) -> int:
        """How far the first required word may follow: FIRST_WINDOW unless a flag window=N says more."""
        for f in self.flags:
            if f.startswith("window="):
                return int(f[7:])
        return FIRST_WINDOW

    @property
    def blockers(self) -> frozenset[str]:
        """Words that, within three tokens after the trigger, cancel it (flag not=a|b)."""
        for f in self.flags:
            if f.startswith("not="):
                return frozenset(bare(w) for w in f[4:].split("|"))
        return frozenset()

    @property
    def priority(self) -> tuple[int, int, int]:
        return (1 if self.require else 0, 1 if self.origin == "manual" else 0, len(self.require))

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "lemma": self.lemma,
            "pos": self.pos,
            "require": [[list(alt) for alt in step] for step in self.require],
            "flags": sorted(self.flags),
            "origin": self.origin,
        } | ({"forms": sorted(self.forms)} if self.origin == "manual" else {})

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Trigger:
        return cls(
            type=d["type"],
            mode=d.get("mode"),
            lemma=d["lemma"],
            pos=d.get("pos", "v"),
            require=tuple(tuple(tuple(alt) for alt in step) for step in d.get("require") or ()),
            flags=frozenset(d.get("flags") or ()),
            origin=d.get("origin", "manual"),
            forms=tuple(d.get("forms") or ()) or _cached_verb_forms(d["lemma"]),
        )


def parse_requirement(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """'إلى جانب' -> one step of one two-word alternative; 'أ|ب @ACTOR' -> two steps.

    Within a step, alternatives are separated by '|'; a multi-word alternative is
    written with spaces only when it is the step's sole alternative, else joined by '_'.
    """
    text = text.strip()
    if not text or text == "-":
        return ()
    if "|" not in text and ACTOR_SLOT not in text:
        return ((tuple(bare(w) for w in text.split()),),)
    steps = []
    for step in text.split():
        if step == ACTOR_SLOT:
            steps.append(((ACTOR_SLOT,),))
            continue
        alts = tuple(tuple(bare(w) for w in alt.replace("_", " ").split()) for alt in step.split("|"))
        steps.append(alts)
    return tuple(steps)


def parse_manual_lexicon(lines: Iterable[str]) -> list[Trigger]:
    out: list[Trigger] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            raise ValueError(f"lexicon line needs 5 tab-separated columns: {line!r}")
        etype, mode, forms_col, req, flags = (c.strip() for c in cols[:5])
        kind, _, spec = forms_col.partition(":")
        require = parse_requirement(req)
        flagset = frozenset(f for f in flags.split(",") if f and f != "-")
        mode_val = None if mode == "-" else mode
        if kind == "v":
            past, _, present = spec.partition("/")
            out.append(Trigger(etype, mode_val, past, "v", require, flagset, "manual",
                               tuple(sorted(verb_forms(past, present or None)))))
        elif kind == "n":
            for noun in spec.split(","):
                out.append(Trigger(etype, mode_val, noun, "n", require, flagset, "manual",
                                   tuple(sorted(noun_forms(noun)))))
        elif kind == "p":
            # Active participles in the حال slot ("مطالبا إيغاد بالتدخل", "داعية بيونغ يانغ إلى"):
            # verbs whose subject is the main clause's; listed as written, no forms generated.
            for form in spec.split(","):
                out.append(Trigger(etype, mode_val, form, "v", require, flagset | {"participle"}, "manual",
                                   (normalize(form),)))
        else:
            raise ValueError(f"FORMS must start with v:, n: or p: in {line!r}")
    return out


@dataclass
class TriggerIndex:
    by_form: dict[str, list[Trigger]]

    @classmethod
    def build(cls, triggers: Iterable[Trigger]) -> TriggerIndex:
        by_form: dict[str, list[Trigger]] = {}
        for t in triggers:
            for f in t.forms:
                by_form.setdefault(f, []).append(t)
        for lst in by_form.values():
            lst.sort(key=lambda t: t.priority, reverse=True)
        return cls(by_form)

    def candidates(self, token: str) -> tuple[list[Trigger], bool, str]:
        """Triggers matching a clitic variant of ``token``, whether سـ marked it future, and the variant."""
        for variant, fut, verb in token_variants(token):
            hit = self.by_form.get(variant)
            if hit and not verb:
                hit = [t for t in hit if t.pos == "n"]
            if hit:
                return hit, fut, variant
        return [], False, ""


@cache
def load_index() -> TriggerIndex:
    """The compiled lexicon; falls back to the hand-written list when the compiled file is missing."""
    from marsad import resources

    if resources.exists(TRIGGERS_RESOURCE):
        triggers = [Trigger.from_json(d) for d in resources.load_jsonl(TRIGGERS_RESOURCE)]
    else:
        triggers = parse_manual_lexicon(MANUAL_LEXICON.read_text(encoding="utf-8").splitlines())
    return TriggerIndex.build(triggers)


# --- matching -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    trigger: Trigger
    index: int  # token index of the trigger word
    last: int  # token index of the last required word (== index when none)
    future_prefix: bool
    variant: str = ""  # the normalized stem that matched


class _LazyVariants:
    """Clitic variants of a sentence's tokens, computed only for the tokens a requirement looks at."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        self.cache: dict[int, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, j: int) -> frozenset[str]:
        v = self.cache.get(j)
        if v is None:
            v = self.cache[j] = _variant_set(self.words[j])
        return v


@lru_cache(maxsize=200_000)
def _variant_set(word: str) -> frozenset[str]:
    return frozenset(v for v, _, _ in token_variants(word))


@cache
def _compile_step(step: tuple[tuple[str, ...], ...]) -> tuple[bool, dict[str, tuple[tuple[str, ...], ...]]]:
    """(accepts an actor, first word -> alternatives starting with it)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    actor = False
    for alt in step:
        if alt == (ACTOR_SLOT,):
            actor = True
        else:
            by_first.setdefault(alt[0], []).append(alt)
    return actor, {k: tuple(v) for k, v in by_first.items()}


def _step_match(
    step: tuple[tuple[str, ...], ...],
    variants: _LazyVariants,
    start: int,
    window: int,
    actor_starts: set[int],
    skip: frozenset[int] | set[int] = frozenset(),
) -> int | None:
    """Token index where the step's last word matched, or None.

    Tokens in ``skip`` (the words of a name, a date, punctuation) do not count against the
    window: "أطلقت كوريا الشمالية، صباح الأربعاء، صاروخين" is a verb and its object.
    """
    actor, by_first = _compile_step(step)
    n = len(variants)
    j = start
    counted = 0
    while j < n and counted < window:
        if j not in skip:
            counted += 1
        if actor and j in actor_starts:
            return j
        for v in variants[j]:
            for alt in by_first.get(v, ()):
                if j + len(alt) <= n and all(alt[k] in variants[j + k] for k in range(1, len(alt))):
                    return j + len(alt) - 1
        j += 1
    return None


def match_tokens(
    words: Sequence[str],
    index: TriggerIndex | None = None,
    actor_starts: set[int] | None = None,
    skip: set[int] | None = None,
) -> list[TriggerMatch]:
    """Trigger matches over a token sequence (one sentence); at most one per token.

    ``skip`` holds token indices (names, dates, punctuation) that a requirement's window
    looks across without counting them.
    """
    index = index or load_index()
    actor_starts = actor_starts or set()
    skip = skip or set()
    variants = _LazyVariants(words)
    out: list[TriggerMatch] = []
    consumed = -1  # a required word is part of its trigger, not a trigger of its own
    for i, word in enumerate(words):
        if i <= consumed:
            continue
        cands, fut, stem = index.candidates(word)
        if cands and word.endswith("ة"):
            # Written ة is a noun's ending (or a feminine participle's); only normalization makes
            # "وزارة" look like زار + ه.
            cands = [t for t in cands if t.pos == "n" or "participle" in t.flags]
        if not cands:
            continue
        if i > 0 and any(t.pos == "n" for t in cands) and any(t.pos == "v" for t in cands):
            prev = normalize(words[i - 1])
            if prev in _NOUN_CONTEXT or prev.endswith("ـ") or words[i - 1].endswith("ـ"):
                # "بـ“دعم وتشجيع”", "في دعم": after a preposition the word is a noun.
                cands = [t for t in cands if t.pos == "n"]
        for trig in cands:
            if trig.blockers and any(variants[j] & trig.blockers for j in range(i + 1, min(len(words), i + 4))):
                continue
            if not trig.require:
                out.append(TriggerMatch(trig, i, i, fut, stem))
                break
            pos = i + 1
            ok = True
            for k, step in enumerate(trig.require):
                hit = _step_match(step, variants, pos, trig.window if k == 0 else NEXT_WINDOW, actor_starts, skip)
                if hit is None:
                    ok = False
                    break
                pos = hit + 1
            if ok:
                out.append(TriggerMatch(trig, i, pos - 1, fut, stem))
                if trig.require[-1] != ((ACTOR_SLOT,),):
                    consumed = pos - 1
                break
    return out

"""Whether the text asserts an event, reports it as someone's claim, denies it, or puts it in the future or an "if".

Cues are read in a short window before the trigger inside its clause, so a
negation or condition elsewhere in a long sentence does not leak onto it.
Precedence: denied > hypothetical > future > claim > asserted.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.clean.normalize import normalize

# Particles that negate the verb right after them (لم يلتق، لن يزور، لا يدعم، ما زار).
_NEGATION = frozenset(normalize(w) for w in ("لم", "لن", "لا", "ما", "ليس", "ليست", "غير", "دون", "بدون", "عدم", "ولم", "ولن", "ولا", "فلم", "فلن"))
_DENIAL_VERBS = frozenset(normalize(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا", "ونفت", "ونفى", "أنكر", "أنكرت", "ينكر", "تنكر", "نفيه", "نفيها"))
_FUTURE = frozenset(normalize(w) for w in (
    "سوف", "يعتزم", "تعتزم", "اعتزم", "اعتزمت", "ينوي", "تنوي", "المقرر", "المتوقع", "المرتقب", "المرتقبة",
    "يتوقع", "ويعتزم", "وتعتزم", "المزمع", "سيتم", "ستتم", "لن",
))
_FUTURE_AFTER = frozenset(normalize(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة"))
_CONDITIONAL = frozenset(normalize(w) for w in (
    "إذا", "اذا", "لو", "حال", "لولا", "وإذا", "فإذا", "ولو",
))
# (إذ "since, as" is not a condition: "إذ تتهم مقديشو ...")
_MODAL = frozenset(normalize(w) for w in ("قد", "ربما", "يمكن", "يحتمل", "محتمل", "المحتمل", "يمكنها", "يمكنه", "لعل"))
# إن (if) is left out: normalized it is the same as أن/إن (that), which is everywhere.

WINDOW = 4
# ما after these is "what", not "not": "وهو ما نفته كينيا".
_RELATIVE_MA = frozenset(normalize(w) for w in ("هو", "وهو", "هي", "وهي", "كل", "وهذا", "هذا", "وذلك", "ذلك"))
# Speech acts that exist even when their content is denied.
_SAYINGS = frozenset({"ACCUSE", "THREATEN", "REQUEST"})


def imperfect(variant: str, lemma: str) -> bool:
    """Whether a matched verb stem is imperfect (يهدد، تتهم) rather than perfect (هددت، اتهمت)."""
    if not variant or not lemma:
        return True
    past = normalize(lemma)
    return variant[:1] in "يتنا" and not variant.startswith(past[:2])


def event_context(
    words: Sequence[str],
    trigger_index: int,
    clause_start: int,
    future_prefix: bool = False,
    in_statement: bool = False,
    clause_end: int | None = None,
    variant: str = "",
    lemma: str = "",
    etype: str = "",
) -> str:
    """The context flag of a trigger at ``trigger_index`` in a sentence's token list.

    ``variant`` and ``lemma`` (the matched stem and the trigger's 3ms past) tell a perfect from
    an imperfect: قد before a past verb ("كانت كينيا قد هددت") is perfective, not "maybe".
    """
    lo = max(clause_start, trigger_index - WINDOW)
    before = [normalize(w) for w in words[lo:trigger_index]]
    # A negation right before the trigger, or a denial verb governing the clause, denies it.
    # What is denied or rejected as a saying ("نفت الاتهامات") was still said.
    denial = any(normalize(w) in _DENIAL_VERBS for w in words[clause_start:trigger_index]) and etype not in _SAYINGS
    negated = any(w in _NEGATION and not (w == "ما" and k > 0 and before[-2:][k - 1] in _RELATIVE_MA)
                  for k, w in enumerate(before[-2:]))
    if negated or denial:
        return "denied"
    clause_words = [normalize(w) for w in words[clause_start:trigger_index]]
    for k, w in enumerate(clause_words):
        if w in _CONDITIONAL:
            prev = clause_words[k - 1] if k > 0 else (normalize(words[clause_start - 1]) if clause_start > 0 else "")
            if w == "حال" and prev not in ("في", "وفي"):
                continue
            return "hypothetical"
    if any(w in _MODAL and (w != "قد" or imperfect(variant, lemma)) for w in before[-2:]):
        return "hypothetical"
    # "ومن المتوقع أن تمهد ..." : the future frame sits just before the complementizer opening the clause.
    frame = [normalize(w) for w in words[max(0, clause_start - 3) : clause_start]]
    if future_prefix or any(w in _FUTURE for w in before) or any(w in _FUTURE for w in frame):
        return "future"
    end = clause_end if clause_end is not None else min(len(words), trigger_index + 8)
    if any(normalize(w) in _FUTURE_AFTER for w in words[trigger_index + 1 : end]):
        return "future"
    if in_statement:
        return "claim"
    return "asserted"

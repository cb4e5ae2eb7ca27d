"""Two-sided parties: the coordinated pair after بين or a gathering verb, conjuncts joined by و,
and parties of one country with different roles.
"""

from __future__ import annotations

from typing import Any

from marsad.clean.normalize import normalize
from marsad.events.arguments import Mention
from marsad.events.sentence import _comma_between

_BETWEEN = normalize("بين")
_AND = "و"
# Verbs that make a meeting noun a gathering of the two mentions after them: "قمة تجمع رئيسي الصومال وكينيا".
_GATHER = frozenset(normalize(w) for w in ("تجمع", "يجمع", "جمعت", "جمع", "ستجمع", "سيجمع", "جمعت", "تضم", "يضم", "ضمت", "ضم"))
_PAIR_REACH = 5
_GATHER_REACH = 14


def _conjunct(actors: list[Mention], first: Mention, words: list[str]) -> Mention | None:
    """A mention coordinated with ``first`` by و right after it, of another country."""
    for m in actors:
        if m.ts <= first.te:
            continue
        joined = (m.ts == first.te + 1 and normalize(words[m.ts]).startswith(_AND)) or (
            m.ts == first.te + 2 and normalize(words[first.te + 1]) == _AND)
        return m if joined and m.code != first.code else None
    return None


def _pair(words: list[str], tokens: list, after: list[Mention], last: int, ce: int) -> tuple[Mention, Mention] | None:
    """The two coordinated sides after "بين" or a gathering verb: "محادثات بين موسكو وبيونغ يانغ".

    The second side must be joined to the first by و; a mention after a comma belongs elsewhere
    ("المحادثات بين وفدي الكونغو ورواندا، بوساطة قطرية").
    """
    cue = next((k for k in range(last + 1, min(len(words), last + 4)) if normalize(words[k]) == _BETWEEN), None)
    if cue is None:
        # "قمة استثنائية في جيبوتي يوم 2 أبريل تجمع رئيسي الصومال وكينيا": the gathering verb may come later
        cue = next((k for k in range(last + 1, min(ce, last + _GATHER_REACH)) if normalize(words[k]) in _GATHER), None)
    if cue is None:
        return None
    cands = [m for m in after if m.ts > cue]
    if len(cands) < 2 or cands[0].ts - cue > _PAIR_REACH:
        return None
    first, second = cands[0], cands[1]
    joined = normalize(words[second.ts]).startswith(_AND) or (second.ts > 0 and normalize(words[second.ts - 1]) == _AND)
    if not joined or _comma_between(tokens, first.te, second.ts) or second.ts - first.te > 4:
        return None
    return first, second


def _two_roles(a: Mention, b: Mention) -> bool:
    """Two parties of one country with different roles: SDNMIL and SDNREB, YEMGOV and YEMREB."""
    ra, rb = (a.actor or "")[3:6], (b.actor or "")[3:6]
    return bool(ra and rb and ra != rb)


def _coordinated(actors: list[Mention], target: Mention, words: list[str]) -> list[dict[str, Any]]:
    """Targets joined to the first by و: "اتهم الولايات المتحدة وكوريا الجنوبية واليابان"."""
    out = []
    cur = target
    for m in actors:
        if m.ts <= cur.te:
            continue
        if m.ts == cur.te + 1 and normalize(words[m.ts]).startswith(_AND):
            out.append(m.as_actor())
            cur = m
        elif m.ts == cur.te + 2 and normalize(words[cur.te + 1]) == _AND:
            out.append(m.as_actor())
            cur = m
        else:
            break
    return out

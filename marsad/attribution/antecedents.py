"""Speakers not named at the cue: a pronoun's or continuation's antecedent among earlier
statements, and a bare definite noun taking up the unnamed speaker just before.
"""

from __future__ import annotations

from marsad.attribution.cues import CueForm
from marsad.attribution.draft import _Stmt
from marsad.attribution.speakers import INSTITUTIONS, TITLES, EntityIndex, Speaker, SpeakerFinder
from marsad.attribution.view import Tok
from marsad.clean.normalize import normalize

_N = normalize

_ONE_OF_THEM = frozenset(_N(w) for w in ("أحدهم", "أحدهما", "إحداهن", "إحداهما", "بعضهم"))
_MAX_LOOKBACK = 8  # statements searched for a pronoun's antecedent


def _definite_mention(speaker: Speaker, history: list[_Stmt], si: int) -> Speaker | None:
    """"ولفت المصدر" after "كشف مصدر مطلع": a bare definite noun takes up the unnamed speaker just before."""
    words = _N(speaker.text).split()
    if len(words) == 1 and words[0] in _ONE_OF_THEM:
        # "وأضاف أحدهم": one of the group that spoke just before.
        plural = next((st for st in reversed(history[-_MAX_LOOKBACK:]) if si - st.sent <= 2), None)
        return plural.speaker.carried(speaker.how) if plural is not None else None
    if len(words) != 1 or not words[0].startswith("ال") or len(words[0]) < 5:
        return None
    noun = words[0][2:]
    for st in reversed(history[-_MAX_LOOKBACK:]):
        if si - st.sent > 3:
            break
        earlier = _N(st.speaker.text).split()
        document = st.speaker.extra.get("document") == words[0] or (st.medium is not None and _N(st.medium) == noun)
        if document:
            # "وأضاف البيان" after "أكدت الوزارة في بيان": the body that issued it.
            return st.speaker.carried(speaker.how)
        if not st.speaker.resolved and len(earlier) > 1 and earlier[0] == noun:
            carried = st.speaker.carried(speaker.how)
            carried.extra["antecedent"] = st.speaker.text
            carried.text, carried.start, carried.end = speaker.text, speaker.start, speaker.end
            return carried
    return None


def _antecedent(form: CueForm, history: list[_Stmt], si: int, toks: list[Tok], i: int, entities: EntityIndex,
                finder: SpeakerFinder, prev_toks: list[Tok] | None = None) -> Speaker | None:
    how = "continuation" if (form.verb.continuation or form.kind == "participle") else "pronoun"
    history = [st for st in history if st.speaker.how != "unresolved"]
    same = [st for st in history if st.sent == si]
    if same:
        return same[-1].speaker.carried(how)
    if i > 1 and entities:
        # "الرئيس الكوري يون ... أثار احتمال ... في حين قال إن": the sentence's own subject.
        first_word = toks[0].norm[1:] if toks[0].norm[:1] in "وف" else toks[0].norm
        opens_with_subject = first_word in TITLES or first_word in INSTITUTIONS or entities.starting_at(toks[0].start, 1)
        # The sentence opens with its subject ("الرئيس فلان أثار ...") or with a verb we do not list ("وأرجع السفير فلان").
        sp = finder.subject_after(toks, -1 if opens_with_subject else 0, i)
        if sp is not None and sp.resolved and (sp.end or 0) <= toks[i].start and sp.ref and sp.ref.get("type") in ("PER", "ORG"):
            if not (form.gender and sp.gender and form.gender != sp.gender):
                sp.how = how
                return sp
    for st in reversed(history[-_MAX_LOOKBACK:]):
        if si - st.sent > 6:
            break
        cand = st.gender
        if form.gender and cand and form.gender != cand and form.kind != "participle":
            continue
        if form.kind == "participle" and prev_toks and st.sent < si - 1:
            break  # the sentence just before, not an older statement, is what a participle continues
        return st.speaker.carried(how)
    if (form.kind == "participle" or not history) and prev_toks and entities and len(prev_toks) > 2:
        # "هنأ د. فلان منسوبي الندوة ... . داعيا" and "التقت الوزيرة فلانة نظيرها ... . وقالت إن":
        # the subject of the previous sentence's opening verb.
        sp = finder.subject_after(prev_toks, 0, min(len(prev_toks), 10))
        if sp is not None and sp.resolved and sp.ref and sp.ref.get("type") == "PER" \
                and (form.kind == "participle" or (sp.gender or "m") == (form.gender or "m")):
            sp.how = how
            return sp
    return None

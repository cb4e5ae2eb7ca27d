"""Step 1: gazetteer matching: the longest gazetteer name at every token (with and without its
proclitics), everyday-word names kept only in a place context, and homonymous places chosen by
the country the article speaks of.
"""

from __future__ import annotations

from collections import Counter

from marsad.clean.normalize import normalize
from marsad.entities import actors
from marsad.entities.gazetteer import Entry, bare, clitic_forms, phrase_form
from marsad.entities.model import Mention
from marsad.entities.state import _ArticleState, _entry_actor
from marsad.entities.tokens import Tok, _display_start
from marsad.entities.wordlists import _PLACE_CONTEXT, _PRAYER_WORDS


class _GazetteerMatching(_ArticleState):
    # --- 1. gazetteer --------------------------------------------------------
    def gazetteer(self) -> None:
        ambiguous: list[tuple[Mention, list[Entry]]] = []
        for s, toks in enumerate(self.sentences):
            norms = [t.norm for t in toks]
            i = 0
            while i < len(toks):
                if not toks[i].word:
                    i += 1
                    continue
                best = None
                for depth, (form, offset) in enumerate(clitic_forms(norms[i])):
                    if not self.gaz.may_start(form):
                        continue
                    m = self.gaz.match_at([form, *norms[i + 1 : i + 9]], 0)
                    if m is None or m.entry.kind == "nat":
                        continue
                    if best is None or (m.length, m.exact) > (best[0].length, best[0].exact):
                        best = (m, offset, depth)
                if best is None:
                    i += 1
                    continue
                m, offset, depth = best
                if m.length == 1 and not self._place_context(toks, i, depth, m.entry):
                    i += 1
                    continue
                j = i + m.length
                mention = self._add(
                    Mention(s, i, j, _display_start(toks[i], offset), toks[j - 1].end, m.entry.type, m.entry)
                )
                if self.gaz.homonyms:
                    form = phrase_form(" ".join([clitic_forms(norms[i])[depth][0], *norms[i + 1 : j]]))
                    others = self.gaz.homonyms.get(form)
                    if others:
                        ambiguous.append((mention, [m.entry, *others]))
                i = j
        if ambiguous:
            self._choose_homonyms(ambiguous)

    @staticmethod
    def _place_context(toks: list[Tok], i: int, depth: int, entry: Entry) -> bool:
        """Whether a one-word place name at ``toks[i]`` reads as the place here.

        After a prayer word the name is a prayer time (صلاة المغرب).  A name that is also an
        everyday word (مالي = financial, بنين = sons) needs a place context: a proclitic (ومالي,
        بمالي), the start of the sentence, or a preposition or place noun before it (في مالي, شمال مالي)."""
        prev = toks[i - 1].norm if i > 0 and toks[i - 1].word else None
        if prev in _PRAYER_WORDS and entry.type in ("GPE", "LOC"):
            return False
        if not entry.context_only or depth > 0 or prev is None:
            return True
        if bare(toks[i].norm) not in {phrase_form(v) for v in entry.context_only}:
            return True
        return any(bare(f) in _PLACE_CONTEXT for f, _ in clitic_forms(prev))

    def _choose_homonyms(self, ambiguous: list[tuple[Mention, list[Entry]]]) -> None:
        """Pick, for a name two places share (عمان: Oman / Amman), the one whose country the article
        speaks of: places and institutions of that country and its nationality adjective (الأردنية,
        بترا, العاصمة الأردنية → Amman; مسقط, العماني → Oman).  A tie keeps the first entry (the
        country, or the place listed first); a written vowel mark that only one spelling has decides."""
        ambiguous_ids = {id(m) for m, _ in ambiguous}
        evidence: Counter[str] = Counter()
        for m in self.mentions:
            if id(m) in ambiguous_ids or m.entry is None:
                continue
            country = m.entry.country or actors.split_code(_entry_actor(m.entry, self.date))[0]
            if country:
                evidence[country] += 1
        for toks in self.sentences:
            norms = [t.norm for t in toks]
            k = 0
            while k < len(norms):
                nat = actors.nationality_at(norms, k) if toks[k].word else None
                if nat is not None:
                    evidence[nat[0]] += 1
                    k += nat[1]
                else:
                    k += 1
        for m, cands in ambiguous:
            surface = self.text[m.start : m.end]
            marked = [c for c in cands if surface != normalize(surface) and surface in (*c.variants, *c.homonyms)]
            if len(marked) == 1:
                choice = marked[0]
            else:
                choice = max(cands, key=lambda c: evidence[c.country] if c.country else 0)
            if choice is not m.entry:
                m.entry = choice
                m.type = choice.type

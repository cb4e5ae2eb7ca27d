"""Content boundaries: where the content a cue introduces starts (complementizer, colon, quotation
or object) and where it ends, and where a post-posed attribution ends.
"""

from __future__ import annotations

from marsad.attribution.cues import CLAUSE_BREAKERS, COMP_PREPOSITIONS, COMPLEMENTIZERS, CueForm, match_cue
from marsad.attribution.quotes import Quote, quote_at
from marsad.attribution.sources import SourceClause
from marsad.attribution.speakers import INSTITUTIONS, PREPOSITIONS, TEMPORAL, Speaker
from marsad.attribution.view import Tok
from marsad.clean.normalize import normalize

_N = normalize

_COMMAS = frozenset((",", "،"))
_SENT_END = frozenset((".", "!", "?", "؟", "…", ";", "؛"))
_NAME_QUOTE_BEFORE = frozenset(("ل", "لصحيفه", "لوكاله", "لقناه", "صحيفه", "وكاله", "قناه", "موقع", "مجله"))
_MAX_GAP = 28
_MAX_TRAILING_ADJUNCT = 6
_MAX_ADDRESSEE = 4


def speaker_end_tok(toks: list[Tok], speaker: Speaker | None, i: int) -> int:
    if speaker is None or speaker.end is None:
        return i + 1
    k = i + 1
    while k < len(toks) and toks[k].start < speaker.end:
        k += 1
    return k


def _content_start(
    toks: list[Tok], quotes: list[Quote], in_quote: list[bool], clauses: list[SourceClause], i: int, limit: int, form: CueForm
) -> tuple[int | None, str]:
    n = len(toks)
    stop = min(limit, i + 1 + (4 if form.kind == "participle" else _MAX_GAP))
    j = i + 1
    while j < stop:
        if in_quote[j]:
            j += 1
            continue
        clause = next((c for c in clauses if c.start == j), None)
        if clause is not None:
            j = clause.end
            continue
        t = toks[j]
        w = t.norm
        if w in _COMMAS and j > i + 1 and (form.verb.bare_object or form.verb.object_preps) and _coordinated_clause(toks, j + 1):
            break  # "نفت X الاتهامات ، ووصفتها بأنها ...": the complementizer belongs to the next verb
        if w in COMPLEMENTIZERS:
            return j, "comp"
        if w in COMP_PREPOSITIONS and j + 1 < n and toks[j + 1].norm in COMPLEMENTIZERS:
            return j, "comp"
        if w == ":" and j + 1 < n:
            return j + 1, "colon"
        if t.is_quote and not form.verb.complement_only:
            q = quote_at(quotes, t.start)
            if q is not None and q.start == t.start and q.opened and _quote_word_count(toks, j, in_quote) >= 2:
                if j > 0 and (toks[j - 1].norm in _NAME_QUOTE_BEFORE or toks[j - 1].norm in INSTITUTIONS):
                    j += 1
                    continue  # لـ«الشرق الأوسط»: a quoted name, not what was said
                later_comp = any(toks[k].norm in COMPLEMENTIZERS or toks[k].norm == ":" for k in range(j + 1, stop)
                                 if not in_quote[k])
                if _quote_word_count(toks, j, in_quote) >= 4 or not later_comp:
                    if j - 1 > i and any(_opens_object(toks[j - 1].norm, _N(p)) for p in form.verb.object_preps):
                        return j - 1, "object"  # "أشاد ماكرون بالعلاقات «...»": the object the quote qualifies
                    return j, "quote"
        if w in _SENT_END:
            break
        j += 1
    return None, ""


_NOT_CLAUSES = frozenset(_N(w) for w in ("وهو", "وهي", "وهم", "وهما", "وذلك", "ولا", "والذي", "والتي"))


def _coordinated_clause(toks: list[Tok], k: int) -> bool:
    """"، ووصفتها": a word with و after a comma starts a coordinated clause (not "، وهو يتحدث"، "، وفي بيان")."""
    if k >= len(toks) or not toks[k].is_word:
        return False
    w = toks[k].norm
    return len(w) > 3 and w[0] == "و" and w not in _NOT_CLAUSES and w not in COMPLEMENTIZERS \
        and w[1:] not in COMP_PREPOSITIONS and w not in PREPOSITIONS and w[1:] not in PREPOSITIONS and w[1:] not in TEMPORAL and not w[1:].startswith("ال")


def _quote_word_count(toks: list[Tok], j: int, in_quote: list[bool]) -> int:
    k = j + 1
    count = 0
    while k < len(toks) and in_quote[k]:
        if toks[k].is_word:
            count += 1
        k += 1
    return count


def _object_content(toks: list[Tok], after: int, limit: int, form: CueForm) -> tuple[int | None, str]:
    verb = form.verb
    k = after
    while k < limit and toks[k].norm in _COMMAS:
        k += 1
    if k >= limit or (k > after and _coordinated_clause(toks, k)):
        return None, ""  # "، ووصفتها ...": another clause, not this verb's object
    w = toks[k].norm
    if verb.addressee and k == after and toks[k].is_word and not any(_opens_object(w, _N(p)) for p in verb.object_preps):
        for m in range(k + 1, min(limit, k + 1 + _MAX_ADDRESSEE)):
            t = toks[m]
            if not t.is_word or t.norm in COMPLEMENTIZERS or match_cue(t.norm):
                break
            if any(_opens_object(t.norm, _N(p)) for p in verb.object_preps):
                return k, "object"  # "دعا المجتمع الدولي إلى تحمل ...": the addressee opens the content
    for prep in verb.object_preps:
        p = _N(prep)
        if w == p or (len(p) == 1 and w.startswith(p) and len(w) > 3 and w[1:].startswith("ال")) or (
            len(p) == 1 and w.startswith(p) and len(w) > 3 and (w[1:4] in ("تقد", "تعز", "دعم") or w[1:].startswith("ت"))
        ):
            return k, "object"
        if len(p) == 1 and w.startswith(p) and len(w) > 2 and k + 1 < limit:
            return k, "object"
    if verb.bare_object and limit - k >= 2 and toks[k].is_word:
        return k, "object"
    return None, ""


def _opens_object(word: str, prep: str) -> bool:
    return word == prep or (len(prep) == 1 and word.startswith(prep) and len(word) > 3)


def _quote_before(toks: list[Tok], quotes: list[Quote], i: int) -> Quote | None:
    """"“...” ، قال لافروف": the quotation that closes just before the cue."""
    k = i - 1
    while k >= 0 and toks[k].norm in _COMMAS:
        k -= 1
    if k < 0:
        return None
    for q in quotes:
        if q.closed and q.end == toks[k].end:
            return q
    return None


def _clause_final(toks: list[Tok], i: int, limit: int, clauses: list[SourceClause], speaker: Speaker | None) -> bool:
    """"..., قال لافروف." with no quotation: the cue closes the sentence after a comma."""
    if i == 0 or toks[i - 1].norm not in _COMMAS:
        return False
    k = speaker_end_tok(toks, speaker, i)
    first_after = k
    words = 0
    while k < limit:
        clause = next((c for c in clauses if c.start == k), None)
        if clause is not None:
            k = clause.end
            continue
        if toks[k].norm in _SENT_END:
            break
        if toks[k].norm in COMPLEMENTIZERS or toks[k].norm == ":" or toks[k].is_quote or match_cue(toks[k].norm):
            return False
        if toks[k].is_word:
            words += 1
        k += 1
    if words == 0:
        return True
    # Only a named speaker, a substantial content and a short time or place adjunct after the speaker:
    # "..., قال المكتب التابع للأمم المتحدة يوم الخميس." (not "من جهة أخرى، أكد المفوض الهجمات.").
    before = sum(1 for t in toks[:i] if t.is_word)
    opener = toks[first_after].norm
    return speaker is not None and before >= 4 and words <= _MAX_TRAILING_ADJUNCT \
        and (opener in TEMPORAL or opener in PREPOSITIONS)


def _attribution_end(toks: list[Tok], i: int, limit: int, clauses: list[SourceClause]) -> int:
    k = i
    end = toks[i].end
    while k < limit:
        if toks[k].norm in _SENT_END:
            break
        end = toks[k].end
        k += 1
    return end


def _content_end(
    toks: list[Tok], quotes: list[Quote], in_quote: list[bool], clauses: list[SourceClause], c: int, limit: int, s_end: int,
    nominal: bool = False,
) -> int:
    n = len(toks)
    # A content that opens with a quotation ends with it: "قائلا إنها “...”، واقترح".
    k = c
    while k < n and k < c + 3 and not toks[k].is_quote and (toks[k].norm in COMPLEMENTIZERS or toks[k].norm in COMP_PREPOSITIONS):
        k += 1
    if k < n and toks[k].is_quote:
        q = quote_at(quotes, toks[k].start)
        if q is not None and q.start == toks[k].start and q.closed and _quote_word_count(toks, k, in_quote) >= 2:
            after = next((j for j in range(k + 1, n) if toks[j].start >= q.end), n)
            if after >= n or toks[after].norm in _COMMAS or toks[after].norm in _SENT_END:
                return q.end
    end_tok = limit
    if limit < n:
        # The next cue's clause starts at the comma (or و) before it.
        j = limit - 1
        while j > c and not (toks[j].norm in _COMMAS and not in_quote[j]) and limit - j < 6:
            j -= 1
        end_tok = j if j > c and toks[j].norm in _COMMAS else limit
    for cl in clauses:
        if c < cl.start < end_tok:
            end_tok = cl.start
            break
    for j in range(c + 1, end_tok - 1):
        if in_quote[j] or toks[j].norm not in _COMMAS:
            continue
        nxt = toks[j + 1].norm
        if nxt in CLAUSE_BREAKERS or (nxt == _N("في") and j + 2 < n and toks[j + 2].norm == _N("حين")) \
                or (nominal and _coordinated_clause(toks, j + 1)):
            end_tok = j
            break
    while end_tok > c + 1 and (toks[end_tok - 1].norm in _COMMAS or toks[end_tok - 1].norm in _SENT_END):
        end_tok -= 1
    end = toks[end_tok - 1].end if end_tok > c else toks[c].end
    # Never cut inside a quotation.
    for q in quotes:
        if q.start < end < q.end:
            end = min(q.end, s_end)
    return end


def _has_quoted_words(text: str, quotes: list[Quote], start: int, end: int) -> bool:
    for q in quotes:
        qs, qe = q.inner
        if qs >= start and qs < end and q.words(text) >= 2:
            return True
        if q.start <= start < q.end and q.words(text) >= 2:
            return True
    return False


def _trim_end(toks: list[Tok], end_tok: int) -> int:
    k = end_tok
    while k > 0 and (toks[k - 1].norm in _COMMAS or toks[k - 1].norm in _SENT_END):
        k -= 1
    return toks[k - 1].end if k > 0 else toks[0].start

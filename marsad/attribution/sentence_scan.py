"""Cue scanning in one sentence: find the speech cues, then give each cue its speaker and
content; a sentence with no cue may still take its source clause as speaker.
"""

from __future__ import annotations

from marsad.attribution.antecedents import _antecedent, _definite_mention
from marsad.attribution.content import (
    _COMMAS,
    _attribution_end,
    _clause_final,
    _content_end,
    _content_start,
    _has_quoted_words,
    _object_content,
    _quote_before,
    _trim_end,
    speaker_end_tok,
)
from marsad.attribution.cues import COMPLEMENTIZERS, DENIAL_OBJECTS, NOMINAL_CUES, CueForm, match_cue
from marsad.attribution.draft import _Stmt
from marsad.attribution.quotes import Quote, inside_quote
from marsad.attribution.source_refs import _clause_refs, _ClauseView, _names_a_source, _strip_lam
from marsad.attribution.sources import SourceClause, find_source_clauses
from marsad.attribution.speakers import (
    PREPOSITIONS,
    TEMPORAL,
    EntityIndex,
    Speaker,
    SpeakerFinder,
    lookup_ref,
)
from marsad.attribution.view import Tok
from marsad.clean.normalize import normalize

_N = normalize

# Words before a verb that make it part of a noun phrase ("ما قاله"، "الذي أعلن").
_RELATIVE = frozenset(_N(w) for w in ("ما", "الذي", "التي", "الذين", "مما", "عما", "بما", "لما"))
_FORMULA_LEMMAS = frozenset(("ذكر", "أشار", "رجح"))
_HONORIFIC_PRONOUNS = frozenset(_N(w) for w in (
    "سموه", "سموها", "جلالته", "جلالتها", "فخامته", "معاليه", "معاليها", "سعادته", "سعادتها", "سماحته", "دولته",
))
# Objects that make أعلن an act rather than an announcement of something said.
_PERFORMATIVE_OBJECTS = frozenset(_N(w) for w in (
    "الحداد", "حالة", "حظر", "التعبئة", "النفير", "الاستنفار", "الإضراب", "إضرابا", "الحرب", "حدادا",
))
# Subjects of أشار/أظهر that are figures, not speakers.
_DATA_SUBJECTS = frozenset(_N(w) for w in (
    "التقديرات", "الأرقام", "الإحصاءات", "الإحصائيات", "المعطيات", "المؤشرات", "الدلائل", "الأدلة", "الوقائع",
    "التوقعات", "النتائج",
))
_VERBAL_NOUN_BEFORE = frozenset(_N(w) for w in ("عدم", "بعدم", "دون", "بدون"))
_NAME_PARTS = frozenset(_N(w) for w in ("أبي", "أبو", "أبا", "بن", "ابن", "بنت", "عبد", "آل"))
_NEGATING = frozenset(_N(w) for w in ("غير", "وغير"))
_QUOTE_WORDS = frozenset(_N(w) for w in ("قوله", "قولها", "قولهم", "قوله:", "القول"))
_POST_POSED_LEMMAS = frozenset(("قال", "أضاف", "تابع", "أكد", "أوضح", "ذكر", "صرح", "أردف"))
_MAX_PRONOUN_GAP = 9  # tokens between a cue and its content
_MAX_TRANSMITTED_WORDS = 6  # an unnamed speaker after "نقلت X عن"  # words of an addressee before دعا's or طالب's object  # words after a post-posed speaker before the sentence ends  # quoted sentences waiting for a following attribution


def _sentence_statements(
    text: str,
    toks: list[Tok],
    quotes: list[Quote],
    s_start: int,
    s_end: int,
    si: int,
    para: int,
    finder: SpeakerFinder,
    entities: EntityIndex,
    history: list[_Stmt],
) -> list[_Stmt]:
    n = len(toks)
    in_quote = [inside_quote(quotes, t.start) for t in toks] if quotes else [False] * n
    clauses = [c for c in find_source_clauses(toks, in_quote) if _names_a_source(toks, c, entities)]
    in_clause = [False] * n
    for c in clauses:
        for k in range(c.start, c.end):
            in_clause[k] = True

    cues: list[tuple[int, CueForm]] = []
    for i, t in enumerate(toks):
        if in_quote[i] or in_clause[i] or not t.is_word:
            continue
        form = match_cue(t.norm)
        if form is None:
            continue
        if i > 0 and toks[i - 1].norm in _RELATIVE:
            continue
        if form.kind == "participle" and i > 0 and toks[i - 1].norm in _NEGATING:
            continue  # "غير مؤكدة": an adjective, not a speaker's participle
        if i > 0 and toks[i - 1].norm in _NAME_PARTS:
            continue  # "علي بن أبي طالب": part of a name
        if i > 0 and toks[i - 1].norm in _VERBAL_NOUN_BEFORE:
            continue  # "، طلبت عدم ذكر اسمها ،": a verbal noun, not a cue
        if form.verb.lemma == "رفض" and not _denial_object_follows(toks, i, n):
            continue  # "، رفض الكشف عن اسمه ،": a refusal, and no bound on the cue before it
        cues.append((i, form))

    # A verb inside an earlier cue's complement clause ("قالت إن روسيا تعتبر ...", "أي نقل") is part of its content.
    kept: list[tuple[int, CueForm]] = []
    for i, form in cues:
        if kept and form.kind != "participle" and toks[i - 1].is_word and toks[i].norm[:1] not in "وف" and any(
            toks[k].norm in COMPLEMENTIZERS or toks[k].is_quote for k in range(kept[-1][0] + 1, i)
        ):
            continue
        kept.append((i, form))
    cues = kept
    found: list[_Stmt] = []
    for ci, (i, form) in enumerate(cues):
        limit = cues[ci + 1][0] if ci + 1 < len(cues) else n
        st = _statement_at(text, toks, quotes, in_quote, clauses, i, limit, form, s_start, s_end, si, para, finder, entities,
                           history + found)
        if st is not None:
            found.append(st)
            finder.remember(st.speaker)

    if not found:
        st = _source_as_speaker(text, toks, quotes, clauses, s_start, s_end, si, para, finder)
        if st is not None:
            found.append(st)

    # Attach each source clause to the statement it follows (or the first one when it leads the sentence).
    for c in clauses:
        if found and found[0].lemma == "بحسب" and found[0].cue_start == toks[c.start].start:
            continue  # the clause already made its own statement's speaker
        owner = None
        for st in found:
            if st.cue_start <= toks[c.start].start:
                owner = st
        if owner is None and found:
            owner = found[0]
        if owner is not None:
            owner.sources.extend(_clause_refs(text, toks, c, finder, entities))
    for st in found:
        st.direct = _has_quoted_words(text, quotes, st.content_start, st.content_end)
    return found


def _statement_at(
    text: str,
    toks: list[Tok],
    quotes: list[Quote],
    in_quote: list[bool],
    clauses: list[SourceClause],
    i: int,
    limit: int,
    form: CueForm,
    s_start: int,
    s_end: int,
    si: int,
    para: int,
    finder: SpeakerFinder,
    entities: EntityIndex,
    history: list[_Stmt],
) -> _Stmt | None:
    verb = form.verb
    cue_tok = toks[i]
    content_tok, content_kind = _content_start(toks, quotes, in_quote, clauses, i, limit, form)
    speaker: Speaker | None = None
    via: _ClauseView | None = None
    post_posed_quote: Quote | None = None

    if form.kind == "imperf" and i == 0 and content_tok == 1 and form.verb.lemma in _FORMULA_LEMMAS:
        return None  # "يذكر أن ..."، "يشار إلى أن": the writer's aside, nobody's statement
    if form.kind == "participle":
        if content_tok is None and (verb.bare_object or verb.object_preps):
            # "متهما حماس بعرقلة الاتفاق"، "داعيا إلى ...": a nominal content right after the participle.
            content_tok, content_kind = _object_content(toks, i + 1, limit, form)
        if content_tok is None:
            return None
    elif content_tok is not None:
        gap_end = content_tok - 1 if content_kind == "colon" else content_tok
        for c in clauses:
            if i < c.start < gap_end:
                gap_end = c.start
        speaker = finder.subject_after(toks, i, gap_end, verb.object_preps, form.gender)
        if verb.lemma == "نقل":
            speaker, via = _transmitted(toks, i, gap_end, finder)
    else:
        # A nominal content (أعرب عن قلقه، نفى الاتهامات) or an attribution placed after its quote.
        np_limit = min([limit] + [c.start for c in clauses if c.start > i])
        speaker = finder.subject_after(toks, i, np_limit, verb.object_preps, form.gender, addressee=verb.addressee)
        after = speaker_end_tok(toks, speaker, i)
        if speaker is None and after < limit and toks[after].norm in _HONORIFIC_PRONOUNS:
            after += 1  # "ونوه سموه بأهمية ...": an honorific standing for the speaker named before
        content_tok, content_kind = _object_content(toks, after, limit, form)
        if content_tok is None:
            post_posed_quote = _quote_before(toks, quotes, i)
            if post_posed_quote is None and not (verb.lemma in _POST_POSED_LEMMAS and _clause_final(toks, i, limit, clauses, speaker)):
                return None
            if speaker is not None:
                speaker.how = "post-posed"
            content_kind = "post"
    if speaker is None and form.kind != "participle":
        speaker = finder.subject_before(toks, i)
        if speaker is not None and form.kind == "imperf" and not speaker.resolved and speaker.how == "pre-subject" \
                and toks[i].norm[:1] not in "وف" and _indefinite_end(speaker.text):
            speaker = None  # "أدلة تشير إلى أن": an imperfect after an indefinite noun describes it
    if speaker is None:
        if verb.needs_subject:
            return None
        if form.kind != "participle" and content_kind in ("comp", "colon", "quote") and content_tok is not None \
                and content_tok - i > _MAX_PRONOUN_GAP:
            return None  # no subject and the content far away: "رأي إيجابي في ... منذ أن"
        agreement = form
        if via is not None and toks[i + 1].norm in _PRONOUN_FROM:
            # "نقلت عنه": the verb agrees with the medium; the pronoun tells the speaker's gender.
            pron = toks[i + 1].norm
            agreement = CueForm(form.verb, form.kind, "f" if pron.endswith("ها") else ("m" if pron.endswith("ه") else None))
        speaker = _antecedent(agreement, history, si, toks, i, entities, finder, finder.previous_tokens)
    if speaker is None:
        speaker = Speaker(cue_tok_text(text, cue_tok), how="unresolved")
        speaker.extra["unresolved_cue"] = True
    elif not speaker.resolved:
        speaker = _definite_mention(speaker, history, si) or speaker

    # Content span.
    if content_kind == "post":
        if post_posed_quote is not None:
            c_start, c_end = post_posed_quote.start, post_posed_quote.end
        else:
            c_start = s_start
            k = i - 1
            while k >= 0 and toks[k].norm in _COMMAS:
                k -= 1
            c_end = toks[k].end if k >= 0 else cue_tok.start
            if k < 0:
                return None
        span_start, span_end = c_start, _attribution_end(toks, i, limit, clauses)
    else:
        assert content_tok is not None
        c_start = toks[content_tok].start
        c_end = _content_end(toks, quotes, in_quote, clauses, content_tok, limit, s_end,
                             nominal=content_kind == "object")
        span_start, span_end = cue_tok.start, c_end
    if c_end <= c_start:
        return None
    if content_kind == "object" and verb.lemma == "أعلن" and content_tok is not None \
            and any(t.norm in _PERFORMATIVE_OBJECTS for t in toks[i + 1 : content_tok + 1]):
        return None  # "أعلنت الحكومة الحداد": an act declared, nothing reported
    if not speaker.resolved and _N(speaker.text) in _DATA_SUBJECTS:
        return None  # "وتشير التقديرات إلى أن": figures, not a speaker
    polarity = verb.polarity
    if polarity == "asserts" and text[c_start:c_end].rstrip(' "»”\'').endswith(("?", "؟")):
        polarity = None  # a question asserts nothing
    if verb.lemma == "رفض" and not _denial_object_follows(toks, i, limit):
        return None
    lemma = verb.lemma
    st = _Stmt(si, para, cue_tok.start, cue_tok.end, text[cue_tok.start : cue_tok.end], lemma, c_start, c_end, speaker,
               form.gender, polarity, span_start=min(span_start, c_start), span_end=max(span_end, c_end))
    speaker.extra.pop("unresolved_cue", None)
    gap_stop = content_tok if content_kind not in ("post", "") and content_tok is not None else min(limit, i + 8)
    medium = next((t for t in toks[i + 1 : gap_stop] if t.norm in NOMINAL_CUES), None)
    if medium is not None:
        st.medium = text[medium.start : medium.end]  # في بيان، في مؤتمر صحافي: how it was said
    if via is not None:
        st.sources.extend(_clause_refs(text, toks, via, finder, finder.entities))
    return st


def _denial_object_follows(toks: list[Tok], i: int, limit: int) -> bool:
    """رفض denies only with an object like الاتهامات close after it."""
    words = [t.norm for t in toks[i + 1 : min(limit, i + 8)]]
    return any(w in DENIAL_OBJECTS or w[1:] in DENIAL_OBJECTS for w in words)


def _indefinite_end(phrase: str) -> bool:
    words = _N(phrase).split()
    return bool(words) and not words[-1].startswith("ال")


def cue_tok_text(text: str, tok: Tok) -> str:
    return text[tok.start : tok.end]


def _transmitted(toks: list[Tok], i: int, gap_end: int, finder: SpeakerFinder) -> tuple[Speaker | None, _ClauseView | None]:
    """"نقلت وكالة X عن فلان قوله إن": the speaker follows عن and the verb's subject is the source.

    "ونقلت عنه وكالة X قوله": the speaker is the pronoun's antecedent, X the source.
    """
    if i + 1 < gap_end and toks[i + 1].norm in _PRONOUN_FROM:
        end = i + 2
        while end < gap_end and toks[end].norm not in _QUOTE_WORDS and toks[end].norm not in _COMMAS:
            end += 1
        return None, (_ClauseView(i, end, i + 2) if end > i + 2 else None)
    for k in range(i + 1, gap_end):
        if toks[k].norm == "عن":
            end = k + 1
            while end < gap_end and toks[end].norm not in _QUOTE_WORDS and toks[end].norm not in _COMMAS:
                end += 1
            sp = finder.phrase(toks, k + 1, end, "subject")
            if sp is None and 0 < end - k - 1 <= _MAX_TRANSMITTED_WORDS and all(
                    t.is_word and t.norm not in _RELATIVE and t.norm not in PREPOSITIONS and t.norm not in TEMPORAL
                    for t in toks[k + 1 : end]):
                # "عن ثلاثة مصادر مطلعة": whoever follows عن is the speaker, named or not.
                sp = Speaker(finder.text[toks[k + 1].start : toks[end - 1].end], toks[k + 1].start, toks[end - 1].end,
                             how="subject")
            if k == i + 1:
                # "وكانت صحيفة X قد نقلت عن مسؤولين": the medium is the verb's subject before it.
                medium = finder.subject_before(toks, i)
                if medium is None or medium.start is None:
                    return sp, None
                first = next(j for j in range(i) if toks[j].end > medium.start)
                last = next((j for j in range(first, i) if toks[j].start >= (medium.end or 0)), i)
                return sp, _ClauseView(first, last, first)
            return sp, _ClauseView(i, k, i + 1)
    return finder.subject_after(toks, i, gap_end), None


_PRONOUN_FROM = frozenset(_N(w) for w in ("عنه", "عنها", "عنهم", "عنهما"))


def _source_as_speaker(
    text: str, toks: list[Tok], quotes: list[Quote], clauses: list[SourceClause], s_start: int, s_end: int, si: int,
    para: int, finder: SpeakerFinder,
) -> _Stmt | None:
    """A sentence with no speech verb but "حسبما قال فلان" / "بحسب الوكالة": the source is its speaker."""
    for c in clauses:
        if c.visual:
            continue
        phrase_end = c.outer_end if c.outer_end is not None else c.end
        if c.inner_start is not None:
            sp = finder.phrase(toks, c.inner_start, c.end, "source")
        else:
            sp = finder.phrase(toks, c.phrase_start, phrase_end, "source")
            if sp is not None:
                sp.text = _strip_lam(sp.text, toks[c.phrase_start].norm)
        if sp is None:
            sp = Speaker(text[toks[c.phrase_start].start : toks[phrase_end - 1].end], toks[c.phrase_start].start,
                         toks[phrase_end - 1].end, how="source")
            sp.text = _strip_lam(sp.text, toks[c.phrase_start].norm)
            sp.ref = lookup_ref(sp.text)
        before = [t for t in toks[: c.start] if t.is_word]
        after = [t for t in toks[c.end :] if t.is_word]
        if len(before) >= 3 and len(after) < 3:
            c_start, c_end = toks[0].start, _trim_end(toks, c.start)
        elif len(after) >= 3 and len(before) < 3:
            k = c.end
            while k < len(toks) and toks[k].norm in _COMMAS:
                k += 1
            c_start, c_end = toks[k].start, _trim_end(toks, len(toks))
        elif before and after:
            c_start, c_end = toks[0].start, _trim_end(toks, len(toks))
        else:
            continue
        if c_end <= c_start:
            continue
        st = _Stmt(si, para, toks[c.start].start, toks[c.phrase_start - 1].end if c.phrase_start > c.start else toks[c.start].end,
                   text[toks[c.start].start : toks[max(c.phrase_start - 1, c.start)].end], "بحسب", c_start, c_end, sp, None,
                   "asserts", span_start=min(c_start, toks[c.start].start), span_end=max(c_end, toks[c.end - 1].end))
        if c.inner_start is not None:
            outer = _ClauseView(c.start, c.outer_end or c.inner_start - 1, c.phrase_start)
            st.sources.extend(_clause_refs(text, toks, outer, finder, finder.entities))
        return st
    return None

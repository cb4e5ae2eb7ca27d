"""Assembling statements sentence by sentence: cue, speaker, content, sources, polarity."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.attribution.cues import (
    CLAUSE_BREAKERS,
    COMP_PREPOSITIONS,
    COMPLEMENTIZERS,
    DENIAL_OBJECTS,
    NOMINAL_CUES,
    CueForm,
    match_cue,
)
from marsad.attribution.quotes import Quote, inside_quote, paragraph_quotes, quote_at, sentence_quotes
from marsad.attribution.sources import SourceClause, classify, find_source_clauses, strip_lam
from marsad.attribution.speakers import (
    INSTITUTIONS,
    PREPOSITIONS,
    TEMPORAL,
    TITLES,
    EntityIndex,
    Speaker,
    SpeakerFinder,
    entity_ref,
    lookup_ref,
)
from marsad.attribution.view import Tok, fold_in_place, sentence_tokens
from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.segment.sentences import split_sentences

_N = normalize
_COMMAS = frozenset((",", "،"))
_SENT_END = frozenset((".", "!", "?", "؟", "…", ";", "؛"))
# Words before a verb that make it part of a noun phrase ("ما قاله"، "الذي أعلن").
_RELATIVE = frozenset(_N(w) for w in ("ما", "الذي", "التي", "الذين", "مما", "عما", "بما", "لما"))
_NAME_QUOTE_BEFORE = frozenset(("ل", "لصحيفه", "لوكاله", "لقناه", "صحيفه", "وكاله", "قناه", "موقع", "مجله"))
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
_ONE_OF_THEM = frozenset(_N(w) for w in ("أحدهم", "أحدهما", "إحداهن", "إحداهما", "بعضهم"))
_NAME_PARTS = frozenset(_N(w) for w in ("أبي", "أبو", "أبا", "بن", "ابن", "بنت", "عبد", "آل"))
_NEGATING = frozenset(_N(w) for w in ("غير", "وغير"))
_QUOTE_WORDS = frozenset(_N(w) for w in ("قوله", "قولها", "قولهم", "قوله:", "القول"))
_POST_POSED_LEMMAS = frozenset(("قال", "أضاف", "تابع", "أكد", "أوضح", "ذكر", "صرح", "أردف"))
_MAX_GAP = 28
_MAX_PRONOUN_GAP = 9  # tokens between a cue and its content
_MAX_LOOKBACK = 8  # statements searched for a pronoun's antecedent
_MAX_ORPHANS = 3
_MAX_TRAILING_ADJUNCT = 6
_MAX_ADDRESSEE = 4
_MAX_TRANSMITTED_WORDS = 6  # an unnamed speaker after "نقلت X عن"  # words of an addressee before دعا's or طالب's object  # words after a post-posed speaker before the sentence ends  # quoted sentences waiting for a following attribution


@dataclass
class _Stmt:
    sent: int
    para: int
    cue_start: int
    cue_end: int
    cue_text: str
    lemma: str
    content_start: int
    content_end: int
    speaker: Speaker
    verb_gender: str | None
    polarity: str | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    direct: bool = False
    span_start: int = 0
    span_end: int = 0
    medium: str | None = None

    @property
    def gender(self) -> str | None:
        return self.speaker.gender or (self.verb_gender if self.speaker.how in ("subject", "pre-subject", "post-posed") else None) \
            or self.speaker.extra.get("gender")


def annotate_statements(article: Article) -> list[Span]:
    text = article.text
    if not text.strip():
        return []
    sentences = [(s.start, s.end) for s in article.layer("sentences")] or split_sentences(text)
    entities = EntityIndex(article)
    finder = SpeakerFinder(article, entities)
    folded = fold_in_place(text)
    para_starts = _paragraph_starts(text)
    para_regions: dict[int, list[tuple[int, int]]] = {}
    stmts: list[_Stmt] = []
    orphans: list[tuple[int, int, int, int]] = []  # (start, end, para, sent)

    for si, (s_start, s_end) in enumerate(sentences):
        para = _para_index(para_starts, s_start)
        if para not in para_regions:
            p_start = para_starts[para]
            p_end = para_starts[para + 1] - 1 if para + 1 < len(para_starts) else len(text)
            para_regions[para] = paragraph_quotes(text, p_start, p_end)
        if orphans and orphans[-1][2] != para:
            _flush_orphans(orphans, stmts, text, None)
        toks = sentence_tokens(text, s_start, s_end, folded)
        if not toks:
            continue
        quotes = sentence_quotes(text, s_start, s_end, para_regions[para])
        found = _sentence_statements(text, toks, quotes, s_start, s_end, si, para, finder, entities, stmts)
        if orphans and found and found[0].direct:
            _flush_orphans(orphans, stmts, text, found[0])
        if not found:
            opener = quotes[0] if quotes else None
            starts_quoted = opener is not None and opener.opened and not opener.closed and opener.start <= toks[0].start
            continuing = bool(orphans) and not quotes and orphans[-1][3] == si - 1
            if (starts_quoted or continuing) and len(orphans) < _MAX_ORPHANS:
                orphans.append((s_start, s_end, para, si))
            elif orphans:
                _flush_orphans(orphans, stmts, text, None)
        stmts.extend(found)
        finder.learn(toks)
        finder.previous_tokens = toks
    if orphans:
        _flush_orphans(orphans, stmts, text, None)

    _share_block_sources(stmts)
    wires = [w for w in (article.meta.get("wires") or []) if isinstance(w, str) and w.strip()]
    spans = []
    for st in stmts:
        sources = list(st.sources)
        have = {(_N(s.get("name") or "")) for s in sources} | {(s.get("name_en") or "").casefold() for s in sources}
        for w in wires:
            if _N(w) not in have and w.casefold() not in have:
                sources.append({"name": w, "name_en": w, "entity_id": None, "text": None, "kind": "wire"})
        spans.append(
            Span(
                st.span_start,
                st.span_end,
                "STATEMENT",
                {
                    "speaker": st.speaker.to_dict(),
                    "cue": {"start": st.cue_start, "end": st.cue_end, "text": st.cue_text, "lemma": st.lemma,
                            **({"medium": st.medium} if st.medium else {})},
                    "content": {"start": st.content_start, "end": st.content_end, "text": text[st.content_start : st.content_end]},
                    "direct": st.direct,
                    "reported_by": sources,
                    "polarity": st.polarity,
                },
            )
        )
    return spans


# --- one sentence ---------------------------------------------------------


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


def _denial_object_follows(toks: list[Tok], i: int, limit: int) -> bool:
    """رفض denies only with an object like الاتهامات close after it."""
    words = [t.norm for t in toks[i + 1 : min(limit, i + 8)]]
    return any(w in DENIAL_OBJECTS or w[1:] in DENIAL_OBJECTS for w in words)


def _indefinite_end(phrase: str) -> bool:
    words = _N(phrase).split()
    return bool(words) and not words[-1].startswith("ال")


def cue_tok_text(text: str, tok: Tok) -> str:
    return text[tok.start : tok.end]


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


@dataclass
class _ClauseView:
    start: int
    end: int
    phrase_start: int
    inner_start: int | None = None


def _names_a_source(toks: list[Tok], c: SourceClause, entities: EntityIndex) -> bool:
    """"وفقا للقانون" is not a source; "وفقا لوكالة"، "بحسب مسؤولين"، "حسبما قال فلان" are."""
    if c.verb is not None:
        return True
    words = [t.norm for t in toks[c.phrase_start : c.end]]
    if classify(words) != "other" or any(w in INSTITUTIONS or strip_lam(w) in INSTITUTIONS for w in words[:3]):
        return True
    ds, de = toks[c.phrase_start].start, toks[min(c.end, c.phrase_start + 3) - 1].end
    return any(s.label in ("PER", "ORG") for s in entities.within(ds, toks[c.end - 1].end) if s.start < de)


def _trim_end(toks: list[Tok], end_tok: int) -> int:
    k = end_tok
    while k > 0 and (toks[k - 1].norm in _COMMAS or toks[k - 1].norm in _SENT_END):
        k -= 1
    return toks[k - 1].end if k > 0 else toks[0].start


def _strip_lam(s: str, first_norm: str) -> str:
    if first_norm.startswith("لل") and len(first_norm) > 3 and s.startswith("لل"):
        return "ال" + s[2:]
    if first_norm.startswith("ل") and len(first_norm) > 2 and s.startswith("ل"):
        return s[1:]
    return s


def _clause_refs(text: str, toks: list[Tok], c: Any, finder: SpeakerFinder, entities: EntityIndex) -> list[dict[str, Any]]:
    """The sources a clause names, innermost first: "نقلت صحيفة X عن مسؤول" gives [مسؤول, X]."""
    parts: list[tuple[int, int]] = []
    inner = getattr(c, "inner_start", None)
    if inner is not None and inner < c.end:
        parts.append((inner, c.end))
        parts.append((c.phrase_start, getattr(c, "outer_end", None) or inner - 1))
    else:
        parts.append((c.phrase_start, c.end))
    refs = []
    for a, b in parts:
        if b <= a:
            continue
        ds, de = toks[a].start, toks[b - 1].end
        words = [t.norm for t in toks[a:b]]
        ents = [s for s in entities.within(ds, de) if s.label in ("ORG", "PER", "GPE", "MISC")]
        # Prefer a known (gazetteer) organisation, and the name after its description: وكالة الأنباء الروسية "ريا نوفوستي".
        ents.sort(key=lambda s: (not s.attrs.get("name_en"), {"ORG": 0, "MISC": 1, "PER": 2, "GPE": 3}[s.label], -s.start))
        phrase_text = _strip_lam(text[ds:de], toks[a].norm)
        ref = entity_ref(ents[0], text) if ents else None
        if ref is None:
            name_start = a
            for k in range(a, b):
                w = toks[k].norm
                if w in INSTITUTIONS or strip_lam(w) in INSTITUTIONS:
                    name_start = k
                    if k + 1 < b and (toks[k + 1].norm in INSTITUTIONS) and w in _WEBSITE_HEADS:
                        name_start = k + 1
                    break
            name_text = _strip_lam(text[toks[name_start].start : de], toks[name_start].norm)
            ref = lookup_ref(name_text)
            bare = _N(name_text)
            if ref is None and b - a == 1 and bare.startswith("ال") and bare in INSTITUTIONS:
                # "بحسب الوكالة": the agency named before.
                ref = finder.definite_antecedent(bare[2:], ds)
            ref = ref or {"entity_id": None, "name": _unquote(name_text), "name_en": None}
        kind = classify(words, ents[0].label if ents else None)
        refs.append({
            "name": ref.get("name"),
            "name_en": ref.get("name_en"),
            "entity_id": ref.get("entity_id"),
            "text": phrase_text,
            "kind": kind,
        })
    return refs


def _unquote(s: str) -> str:
    return " ".join(s.translate(_QUOTE_MARKS).split())


_QUOTE_MARKS = str.maketrans({c: " " for c in '"«»“”'})
_WEBSITE_HEADS = frozenset(_N(w) for w in ("موقع", "الموقع", "حساب", "صفحة"))


def _share_block_sources(stmts: list[_Stmt]) -> None:
    """A source named on a continuation ("وقال إن ...، وفقا للوكالة") covers the same speaker's statement just before."""
    for k in range(1, len(stmts)):
        cur, prev = stmts[k], stmts[k - 1]
        if not cur.sources or prev.sources:
            continue
        if cur.speaker.how not in ("pronoun", "continuation"):
            continue
        if cur.sent - prev.sent > 1 or cur.speaker.key() != prev.speaker.key():
            continue
        prev.sources.extend(dict(s, inherited=True) for s in cur.sources)


def _flush_orphans(orphans: list[tuple[int, int, int, int]], stmts: list[_Stmt], text: str, owner: _Stmt | None) -> None:
    """Quoted sentences whose attribution follows them ("“...". وقال الرئيس: “...”) take that speaker."""
    if owner is not None and orphans:
        start, end = orphans[0][0], orphans[-1][1]
        sp = owner.speaker.carried("quote-continuation")
        stmts.append(_Stmt(orphans[0][3], orphans[0][2], owner.cue_start, owner.cue_end, owner.cue_text, owner.lemma,
                           start, end, sp, owner.verb_gender, owner.polarity, list(owner.sources), True, start, end))
    orphans.clear()


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _para_index(starts: list[int], pos: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, pos) - 1


__all__ = ["annotate_statements"]

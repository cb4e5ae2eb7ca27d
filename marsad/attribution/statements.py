"""Assembling statements across an article: sentences in order, quoted paragraphs waiting for a
later attribution, shared sources, and the final STATEMENT spans with the article's wires.
"""

from __future__ import annotations

from marsad.attribution.draft import _Stmt
from marsad.attribution.quotes import paragraph_quotes, sentence_quotes
from marsad.attribution.sentence_scan import _sentence_statements
from marsad.attribution.speakers import EntityIndex, SpeakerFinder
from marsad.attribution.view import fold_in_place, sentence_tokens
from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.segment.sentences import split_sentences

_N = normalize

_MAX_ORPHANS = 3


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

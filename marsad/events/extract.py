"""The per-sentence extraction loop: match triggers in each sentence, build their events, and
drop readings that repeat one report.
"""

from __future__ import annotations

from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.events.arguments import (
    PLACE_LABELS,
    Mention,
    actor_mentions,
    clause_bounds,
    dual_mentions,
    is_date_timex,
    own_country_mentions,
)
from marsad.events.ontology import country_of
from marsad.events.records import _allegation, _build_event
from marsad.events.sentence import _sentence_tokens, _tok
from marsad.events.speech import _statement_at
from marsad.events.triggers import TriggerMatch, load_index, match_tokens
from marsad.segment import split_sentences, tokenize


def extract_events(article: Article) -> list[Span]:
    text = article.text
    sentences = article.layer("sentences") or [Span(s, e, "sentence") for s, e in split_sentences(text)]
    entities = [e for e in article.layer("entities")]
    timexes = [t for t in article.layer("timexes") if is_date_timex(t)]
    statements = [s for s in article.layer("statements") if isinstance(s.attrs.get("content"), dict)]
    index = load_index()
    token_layer = article.layer("tokens")
    token_starts = [t.start for t in token_layer]
    events: list[Span] = []
    earlier: list[Mention] = []  # the article's parties so far, for duals ("الجانبان")
    ent_i = 0
    entities.sort(key=lambda s: s.start)
    for sent in sentences:
        tokens = _sentence_tokens(text, token_layer, token_starts, sent) if token_layer else tokenize(
            text, sent.start, sent.end)
        if not tokens:
            continue
        words = [t.text for t in tokens]
        while ent_i < len(entities) and entities[ent_i].end <= sent.start:
            ent_i += 1
        sent_ents = []
        j = ent_i
        while j < len(entities) and entities[j].start < sent.end:
            if entities[j].end <= sent.end:
                sent_ents.append(entities[j])
            j += 1
        actor_starts = {_tok(tokens, e.start) for e in sent_ents}
        # names, dates and punctuation between a verb and its required object do not count against the window
        skip = {k for k, t in enumerate(tokens) if t.kind == "punct"}
        for span in (*sent_ents, *(t for t in timexes if sent.start <= t.start < sent.end)):
            skip.update(range(_tok(tokens, span.start), _tok(tokens, span.end - 1) + 1))
        matches = match_tokens(words, index, actor_starts, skip)
        if not matches:
            if sent_ents:
                earlier.extend(m for m in actor_mentions(text, tokens, sent_ents)
                               if m.code and m.label not in PLACE_LABELS)
            continue
        mentions = actor_mentions(text, tokens, sent_ents)
        duals = dual_mentions(tokens, mentions, earlier) + own_country_mentions(tokens, mentions)
        earlier.extend(m for m in mentions if m.code and m.label not in PLACE_LABELS)
        if duals:
            mentions = sorted([*mentions, *duals], key=lambda m: m.ts)
        starts = clause_bounds(words, tokens)
        sent_timexes = [(_tok(tokens, t.start), t) for t in timexes if sent.start <= t.start < sent.end]
        for m in matches:
            governed = _governed(m, matches, starts, skip, words)
            ev = _build_event(article, sent, tokens, words, mentions, starts, sent_timexes, statements, m, events,
                              governed)
            if ev is not None and m.trigger.pos == "n" and _same_as_earlier(ev, events):
                continue  # "وصل ... في زيارة رسمية": two words of one sentence telling one visit are one report
            if ev is not None:
                events.append(ev)
                accusation = _allegation(ev, _statement_at(statements, ev.attrs["trigger"]["start"]), words, m)
                if accusation is not None:
                    events.append(accusation)
    return _drop_partial_repeats(events)


def _drop_partial_repeats(events: list[Span]) -> list[Span]:
    """One sentence telling one deed twice ("قتل عشرة مدنيين في قصف لإيران على العراق"): a one-sided
    reading whose side appears in a two-sided reading of the same type and context is the same event."""
    def sides(ev: Span) -> tuple[str | None, str | None]:
        a = ev.attrs
        return country_of((a.get("source") or {}).get("actor")), country_of((a.get("target") or {}).get("actor"))

    out = []
    for ev in events:
        s, t = sides(ev)
        partial = (s is None) != (t is None)
        if partial and any(o is not ev and o.start == ev.start and o.label == ev.label
                           and o.attrs["context"] == ev.attrs["context"] and None not in sides(o)
                           and (s or t) in sides(o) for o in events):
            continue
        out.append(ev)
    return out


def _same_as_earlier(ev: Span, events: list[Span]) -> bool:
    a = ev.attrs
    key = (a["type"], country_of((a.get("source") or {}).get("actor")), country_of((a.get("target") or {}).get("actor")),
           a["context"])
    for other in reversed(events):
        if other.start != ev.start:
            return False
        o = other.attrs
        if (o["type"], country_of((o.get("source") or {}).get("actor")), country_of((o.get("target") or {}).get("actor")),
                o["context"]) == key:
            return True
    return False


_PROPOSALS = frozenset(normalize(w) for w in (
    "دعوة", "الدعوة", "دعوته", "دعوتها", "مقترح", "اقتراح", "عرض", "خطة", "خطط", "مشروع", "مبادرة",
))
_PLAN_TYPES = frozenset({"THREATEN", "REQUEST"})


def _governed(match: TriggerMatch, matches: list[TriggerMatch], starts: list[int],
              skip: set[int] | None = None, words: list[str] | None = None) -> str | None:
    """The context a noun takes from a verb right before it: what was threatened or demanded is
    ``hypothetical`` ("هددت بفرض عقوبات"، "حثت إسرائيل على السماح بدخول المساعدات"); what someone is
    accused of is a ``claim`` ("اتهم الإمارات بتزويد قوات الدعم السريع بالأسلحة")."""
    if match.trigger.pos != "n" and "participle" not in match.trigger.flags:
        return None
    if words is not None:
        # "قبل دعوة نظيره التنزاني لزيارة دار السلام": an invited or proposed visit has not happened
        k, seen = match.index - 1, 0
        while k >= 0 and seen < 3:
            if skip is None or k not in skip:
                if normalize(words[k]) in _PROPOSALS:
                    return "hypothetical"
                seen += 1
            k -= 1
    for p in matches:
        if p.index >= match.index or any(p.index < s <= match.index for s in starts):
            continue
        gap = sum(1 for k in range(p.last + 1, match.index) if not skip or k not in skip)
        if not 0 <= gap <= 5:
            continue
        if p.trigger.type in _PLAN_TYPES:
            return "hypothetical"
        if p.trigger.type == "ACCUSE" and match.trigger.type != "ACCUSE":
            return "claim"
    return None

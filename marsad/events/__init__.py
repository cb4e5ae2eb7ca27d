"""Events stage: PLOVER event records with actors, dates and places, one per trigger in context.

``annotate(article)`` reads the sentences, entities, timexes and statements
layers and adds the ``events`` layer: for every trigger (see
:mod:`marsad.events.triggers`) whose clause names at least one actor, a Span over
the evidence sentence with the event type, mode, context, source, target, date,
place, trigger, reporting chain and an ``event_key`` used when merging reports
across outlets (:mod:`marsad.corpus.events`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.events.arguments import (
    COMPLEMENTIZERS,
    PLACE_HEADS,
    PLACE_LABELS,
    PLACE_PREPS,
    RELATIVES,
    ROLE_CODES,
    TARGET_PREPS,
    TITLE_WORDS,
    Mention,
    actor_mentions,
    clause_bounds,
    clause_of,
    dual_mentions,
    is_date_timex,
    nearest_timex,
    own_country_mentions,
    token_index,
)
from marsad.events.context import event_context, imperfect
from marsad.events.ontology import DEFAULT_MODE, DYADIC_TYPES, ONE_SIDED_TYPES, SYMMETRIC_TYPES, country_of
from marsad.events.triggers import Trigger, TriggerMatch, load_index, match_tokens
from marsad.segment import split_sentences, tokenize
from marsad.segment.tokens import Token

__all__ = ["annotate", "extract_events"]

_BETWEEN = normalize("بين")
_TO = frozenset({normalize("إلى"), "ل"})
_FROM = normalize("من")
_FIRST_PERSON = frozenset(normalize(w) for w in ("نحن", "إننا", "أننا", "انا", "أنا", "إنني", "فنحن", "ونحن"))
# An SVO subject farther than this before its verb is more likely another clause's.
_SVO_REACH = 10
# A noun's object (مع X، إلى X) follows it closely.
_NOUN_REACH = 6
_PLACE_REACH = 16
_OBJECT_REACH = 6
_OBLIQUE_REACH = 20
_RELATIVE_REACH = 5
_MASC_RELATIVES = frozenset(normalize(w) for w in ("الذي", "الذين", "اللذين", "والذي", "والذين"))
_AND = "و"
# A verb's subject follows it closely in VSO order; farther on it is an object.
_VSO_REACH = 4
# Types whose object is often a whole clause: warn/accuse/urge that X ...
_SAYING_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST"})


def annotate(article: Article) -> Article:
    article.set_layer("events", extract_events(article))
    return article


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


def _sentence_tokens(text: str, layer: list[Span], starts: list[int], sent: Span) -> list[Token]:
    """The segment stage's tokens of one sentence (no second tokenization)."""
    lo = bisect_left(starts, sent.start)
    hi = bisect_left(starts, sent.end)
    return [Token(t.start, t.end, t.label, text[t.start : t.end]) for t in layer[lo:hi] if t.end <= sent.end]


def _tok(tokens: list, pos: int) -> int:
    """Index of the token containing (or following) character ``pos``, clamped to the last token."""
    return min(token_index(tokens, pos), len(tokens) - 1)


def _statement_at(statements: list[Span], pos: int) -> Span | None:
    best = None
    for s in statements:
        c = s.attrs["content"]
        if c.get("start", s.start) <= pos < c.get("end", s.end):
            if best is None or (c["end"] - c["start"]) < (best.attrs["content"]["end"] - best.attrs["content"]["start"]):
                best = s
    return best


def _build_event(
    article: Article,
    sent: Span,
    tokens: list,
    words: list[str],
    mentions: list[Mention],
    starts: list[int],
    sent_timexes: list[tuple[int, Span]],
    statements: list[Span],
    match: TriggerMatch,
    previous: list[Span],
    governed: str | None = None,
) -> Span | None:
    trig = match.trigger
    i, last = match.index, match.last
    n = len(tokens)
    cs, ce = clause_of(starts, i, n)
    actors = [m for m in mentions if m.code]
    # "أطفال مدينة عدن"، "وسط مدينة غزة": a city named after مدينة/منطقة is where, never who acts
    placey = {id(m) for m in actors if m.label in PLACE_LABELS and m.ts > 0 and normalize(words[m.ts - 1]) in PLACE_HEADS}
    in_clause = [m for m in actors if cs <= m.ts < ce]
    trig_tok = tokens[i]
    statement = _statement_at(statements, trig_tok.start)

    source: Mention | None = None
    target: Mention | None = None
    speaker_source: dict[str, Any] | None = None
    after = [m for m in in_clause if m.ts > i]
    # "الزيارة"، "اللقاء": a definite noun without a genitive points back to an event told before;
    # its sides are not to be guessed from the rest of the sentence.
    word = normalize(words[i])
    definite = trig.pos == "n" and word.endswith(match.variant) and word[: len(word) - len(match.variant)].endswith("ال")

    if "between" in trig.flags:
        pair = _pair(words, tokens, after, last, ce)
        if pair is not None:
            source, target = pair
    if source is None and target is None:
        if trig.pos == "v":
            # a bare nationality adjective before a verb qualifies some other noun ("الأسلحة الروسية")
            before = [m for m in in_clause if m.te < i and m.prep is None and i - m.te <= _SVO_REACH
                      and m.label != "NAT" and id(m) not in placey]
            # VSO: the subject follows the verb closely, before any required object ("أطلقت روسيا صواريخ");
            # after a comma it is an apposition to the object ("التقى زعيم البلاد، كيم").
            near = [m for m in after if m.prep is None and _vso_distance(words, actors, i, m.ts) <= _VSO_REACH + (last - i)
                    and (last == i or m.ts < last) and not _comma_between(tokens, i, m.ts)
                    and (m.label != "NAT" or _subject_phrase(words, i, m.ts)) and id(m) not in placey]
            if statement is not None and _first_person(words, i, cs, match.variant, trig.lemma):
                # "نحن نحترم تطلعات كوريا الشمالية" in a statement: the speaker acts, the mention is the object.
                speaker_source = _speaker(statement)
                before, near = [], []
            relative_verb = cs < n and normalize(words[cs]) in RELATIVES and i <= cs + 2
            participle = "participle" in trig.flags
            if participle:
                # "..., مطالبا إيغاد بالتدخل": the main clause's subject acts; what follows is the object.
                speaker_source = _main_subject(actors, statements, tokens, i)
                if isinstance(speaker_source, Mention):
                    source, speaker_source = speaker_source, None
                before, near = [], []
            if participle:
                pass
            elif relative_verb:
                # "بوتين ... الذي استضاف كيم": the antecedent is the subject, the next mention the object.
                source = _antecedent(actors, words, cs)
            elif before and not (near and _comma_between(tokens, before[-1].te, i)):
                source = before[-1]
            elif near:
                source = near[0]
        else:
            # the noun's own nationality adjective names its side even after a preposition:
            # "في إشارة إلى اتهامات صومالية"
            near = [m for m in after if (m.prep is None and _genitive_of(tokens, last, m.ts))
                    or (m.label == "NAT" and m.spans[0].attrs.get("head") == last)]
            if near:
                agent = trig.type in _HOSTILE_NOUNS and (near[0].actor or "")[3:6] in _STATE_ROLES
                if agent:
                    # "اعتقال السلطات البيلاروسية صحفيين": a state's forces in the genitive made the arrest
                    source = near[0]
                elif "objgen" in trig.flags or (trig.type == "CONSULT" and near[0].label in PLACE_LABELS):
                    # "تزويد موسكو بالأسلحة": the genitive of a giving noun is the receiver;
                    # "زيارة لبنان": a visit's place genitive is where the visitor went.
                    target = near[0]
                else:
                    source = near[0]
        if target is None:
            rest = [m for m in after if m is not source and (source is None or m.ts > source.te)]
            if trig.pos == "n":
                rest = [m for m in rest if m.ts - last <= _NOUN_REACH]
            anchor = max(last, source.te if source is not None and source.ts > i else last)
            target = _pick_target(rest, source, trig.type, trig.pos == "n", anchor)
        if target is None and ce < n and normalize(words[ce]) in COMPLEMENTIZERS and trig.type in _SAYING_TYPES:
            # "حذر البيت الأبيض من أن كوريا الشمالية ستدفع الثمن": the warned one is the clause's subject.
            ce2 = clause_of(starts, ce, n)[1]
            target = _pick_target([m for m in actors if ce <= m.ts < ce2 and m.prep is None], source, trig.type,
                                  anchor=ce)
        if target is None and ce < n and normalize(words[ce]) in RELATIVES and trig.type in _OBJECT_RELATIVE_TYPES:
            # "دعم بيونغ يانغ للقتال الذي يخوضه جيش روسيا": the object's relative clause names the target.
            ce2 = clause_of(starts, ce, n)[1]
            nxt = [m for m in actors if ce <= m.ts < ce2 and (m.prep is not None or m.ts - ce <= 3)]
            target = (_pick_target([m for m in nxt if m.prep is not None], source, trig.type, True, ce)
                      or _pick_target(nxt, source, trig.type, False, ce))
    if source is None and trig.pos == "n" and trig.type in _HOSTILE_NOUNS:
        # "قصف للحوثيين على أحياء سكنية"، "هجوم انتحاري لمتمردي الحزب": the ل phrase names the attacker
        agent = next((m for m in after if m.prep == "ل" and m.ts - last <= 3), None)
        if agent is not None:
            source = agent
            if target is agent:
                target = None
    if source is None and speaker_source is None and _possessive(trig, match.variant):
        # "دعمها للحرب", "زيارته": the pronoun's referent acts; ـه/ـهم points to a person, ـها to a country.
        source = _referent(actors, i, target, match.variant)
    # "الهجوم"، "الهجمات" with no genitive of their own point back to a deed told before: no sides from around
    hostile_reference = definite and trig.type in _HOSTILE_NOUNS
    if source is None and speaker_source is None and not hostile_reference:
        others = [m for m in in_clause if m.prep is None and m is not target]
        # a nationality adjective before the trigger qualifies some other noun ("جنديين تركيين قتلا في هجوم")
        # unless it names an official ("بدأ رئيس الوزراء الهندي زيارة")
        before = [m for m in others if m.te < i and (m.label != "NAT" or _official(words, m)) and id(m) not in placey]
        later_in_clause = [m for m in others if m.ts > (target.te if target else last)]
        if before:
            source = before[-1]
        elif later_in_clause and trig.pos == "n" and trig.type not in _HOSTILE_NOUNS \
                and _comma_between(tokens, last, later_in_clause[0].ts):
            # "وبعد محادثات مع تشوي، أبلغ لافروف": a preposed noun phrase, then the main clause's subject.
            source = later_in_clause[0]
    if source is None and speaker_source is None and not hostile_reference:
        before_clause = [m for m in actors if m.te < cs and m.prep is None and id(m) not in placey]
        clause_is_relative = normalize(words[cs]) in RELATIVES if cs < n else False
        verbal = (trig.mode or DEFAULT_MODE.get(trig.type)) == "verbal"
        if statement is not None and not clause_is_relative:
            # a speaker is the subject of its own subject-less sayings (نرفض، ندعو); of a deed only when
            # it speaks for a state's forces ("أعلنت وزارة الدفاع أن الدفاعات الجوية اعترضت"), not when
            # a witness or a rights group reports an attack
            speaker_source = _speaker(statement)
            if not verbal and speaker_source is not None and (
                    trig.pos != "v" or (speaker_source.get("actor") or "")[3:6] not in _STATE_ROLES):
                speaker_source = None
        continues = clause_is_relative or (cs < n and normalize(words[cs])[:1] in "وف" and cs > 0
                                           and tokens[cs - 1].kind == "punct")
        if speaker_source is None and before_clause and continues:
            # "الذي استضاف ..."، "، وزار ...": a relative or coordinated clause shares the earlier subject;
            # after حيث, أن or a dash the earlier mention is someone else.
            source = before_clause[-1]
        if source is None and speaker_source is None and trig.pos == "n" and not definite:
            later = [m for m in actors if m.ts >= ce and m.prep is None]
            if later:
                source = later[0]
    if target is not None and source is not None and source.code == target.code and trig.type in DYADIC_TYPES:
        source = None
    inherited = None
    if trig.type in SYMMETRIC_TYPES and trig.pos == "n" and target is None and not definite and speaker_source is None:
        # "اتفق وزيرا خارجية الصومال وكينيا ... في ختام جولة محادثات": talks with no sides of their own
        # in a sentence whose agreement or meeting names both are between the same two
        inherited = next((ev for ev in reversed(previous) if ev.start == sent.start and ev.label in SYMMETRIC_TYPES
                          and _coded(ev.attrs.get("source")) and _coded(ev.attrs.get("target"))
                          and (source is None or source.code in (country_of(ev.attrs["source"]["actor"]),
                                                                 country_of(ev.attrs["target"]["actor"])))), None)
    if trig.pos == "n" and trig.type in DYADIC_TYPES and source is not None and target is None and not definite:
        # "في لقاء تشوي في موسكو، أشاد لافروف ...": the main clause's subject (a person) is the other party.
        other = [m for m in actors if m.ts > last and m.prep is None and m.code != source.code and m.label == "PER"
                 and _comma_between(tokens, last, m.ts)]
        if other:
            target = other[0]
    if trig.type == "AID" and "deploy" not in trig.flags:
        # "نقل ذخائر من كوريا الشمالية إلى روسيا": from X to Y names giver and receiver.
        frm = [m for m in after if m.prep == _FROM and m.ts - last <= _NOUN_REACH]
        if frm:
            to = [m for m in after if m.prep in _TO and m.ts > frm[0].ts]
            if to:
                source, target, speaker_source = frm[0], to[0], None
    if trig.type == "ASSAULT" and trig.pos == "v" and source is not None and source.label == "NAT" \
            and target is None and not _official(words, source) and not _armed(words, source):
        # "قتل جندي تركي": without diacritics the verb is passive; soldiers and civilians are its victims
        source, target = None, source
    if trig.type in SYMMETRIC_TYPES and source is not None and source.pair is None:
        lead = next((m for m in actors if m.te < source.ts and _conjunct(actors, m, words) is source), None)
        if lead is not None:
            source, target = lead, None  # "وفدا الكونغو الديمقراطية ورواندا": the first conjunct leads
        partner = _conjunct(actors, source, words)
        if partner is not None and (target is None or partner.ts < target.ts or target.prep is None):
            # "القوات البحرية المصرية واليونانية"، "وفدا الكونغو الديمقراطية ورواندا": coordinated parties
            target = partner
    if source is not None and source.pair is not None and target is None:
        target = source.pair[1]  # "بحث الجانبان": the two parties meet each other
    src = source.as_actor() if source else speaker_source
    tgt = target.as_actor() if target else None
    if inherited is not None:
        src, tgt = dict(inherited.attrs["source"]), dict(inherited.attrs["target"])
    also = _coordinated(actors, target, words) if target else []
    if target is not None and target.pair is not None:
        also = [target.pair[1].as_actor(), *also]  # "دعا الطرفين": both parties are urged

    etype = trig.type
    mode = trig.mode or DEFAULT_MODE.get(etype)
    if "deploy" in trig.flags:
        foreign = (target is not None and src is not None and country_of(src.get("actor")) != target.code
                   and target.prep in _TO)
        etype = "AID" if foreign else "MOBILIZE"
        mode = "material"
    if "verbal_if_person" in trig.flags and target is not None and target.label == "PER":
        etype, mode = "ACCUSE", "verbal"  # attacking a person in words: criticism, not an assault
    if "inverted" in trig.flags:
        src, tgt = tgt, src
    if "deny" in trig.flags and src:
        accuser = _accuser(previous, country_of(src.get("actor")))
        if accuser is not None:
            tgt = accuser
        elif tgt is None:
            # "نفت الحكومة الكينية اتهامات مقديشو": the accusation's author is named after it
            own = country_of(src.get("actor"))
            later = [m for m in in_clause if m.ts > i and m.prep is None and m.code != own and m is not source]
            if later:
                tgt = later[0].as_actor()
    if etype in DYADIC_TYPES and any(m is not None and m.label == "NAT" and not _official(words, m) for m in (source, target)):
        return None  # "تستضيف لاجئين صوماليين": refugees, goods or militants are not a party to talks

    place = _place(mentions, cs, ce, i)
    if etype in ("CONSULT", "AID") and target is None and tgt is None and place is not None and src is not None \
            and cs <= place.ts < ce and place.code and place.code != country_of(src.get("actor")):
        # "وصل الوزير الصومالي ... في زيارة رسمية" to Nairobi, "مساعدات سعودية ... في اليمن": the host or receiver
        tgt = {"name": place.name, "entity_id": place.entity_id, "actor": place.actor or place.country}
    if etype == "CONSULT" and _carrier(words, tokens, source, target, cs, ce, i):
        # "وصلت الطائرة الإغاثية السعودية إلى مطار عدن": a plane or convoy arriving is a delivery, not a visit
        if not any(normalize(w).startswith(_AID_STEMS) or normalize(w)[1:].startswith(_AID_STEMS) for w in words[cs:ce]):
            return None
        etype, mode = "AID", "material"
    insurgent = (src or {}).get("actor", "") or ""
    if etype == "ASSAULT" and tgt is None and place is not None and place.code and (
            place.code != country_of(insurgent) or insurgent[3:6] in ("REB", "OPP")):
        # an attack in Gaza with no named victim: the place's country is what was hit
        tgt = {"name": place.name, "entity_id": place.entity_id, "actor": place.actor or place.country}
    if etype == "PROTEST" and source is not None and source.label == "NAT" and source.spans[0].attrs.get("head") != i:
        # "متظاهرين ... تندد بالتدخل الكيني": an adjective on another noun is not who protests
        src = None
    if etype == "PROTEST" and target is not None and target.label == "NAT" and not _official(words, target):
        tgt = None  # "احتج على قرار منع أطفال فلسطينيين": protested against the decision, not the children
    if etype == "PROTEST" and src is not None and (src.get("actor") or "")[3:6] in _STATE_ROLES:
        src = None  # a government or its forces do not demonstrate; "أمام الاحتجاجات" faces them
    if etype == "PROTEST" and src is None and place is not None:
        src = {"name": place.name, "entity_id": place.entity_id, "actor": place.actor or place.country}
    if not _coded(src) and not _coded(tgt):
        return None
    if etype not in ONE_SIDED_TYPES and not (_coded(src) and _coded(tgt)):
        return None
    if _coded(src) and _coded(tgt) and (src == tgt or src.get("actor") == tgt.get("actor")):
        return None
    if _coded(src) and _coded(tgt) and country_of(src.get("actor")) == country_of(tgt.get("actor")) \
            and etype not in _DOMESTIC_TYPES:
        # one country on both sides of a talk, a sanction or a denial: a side was misread
        if etype not in ONE_SIDED_TYPES:
            return None
        tgt = None

    date = _date(article, sent_timexes, i, cs, ce)
    context = event_context(words, i, cs, match.future_prefix, statement is not None, ce, match.variant, trig.lemma,
                            etype)
    if context == "claim" and statement is not None and _coded(src):
        speaker = _speaker(statement)
        if speaker is not None and country_of(speaker.get("actor")) == country_of(src.get("actor")):
            # "أعلنت الولايات المتحدة فرض عقوبات"، "قال الجيش إنه قصف": an actor reporting its own deed
            context = "asserted"
    if trig.pos == "n" and i > 0 and normalize(words[i - 1]) in _ANY and context in ("asserted", "claim"):
        context = "hypothetical"  # "على أي هجوم": an attack that may come
    if governed and context in ("asserted", "claim"):
        # "هددت بفرض عقوبات"، "طالب بانسحاب القوات": threatened or demanded, not done;
        # "اتهمها بتزويد ...": alleged
        context = governed
    perfect = trig.pos == "v" and "participle" not in trig.flags and not match.future_prefix and not imperfect(
        match.variant, trig.lemma)
    if context in ("asserted", "claim") and date["from"] != "published" and article.published and date["value"][:10] > article.published[:10] and date["granularity"] == "day":
        if perfect:
            # a perfect verb tells of the past: "بعد ثلاثة أيام، اتهمت" counts from an earlier event,
            # not from the day of publication
            date = {"value": article.published[:10], "granularity": "day", "from": "published"}
        else:
            context = "future"
    text = article.text
    t_end = tokens[i].end
    attrs: dict[str, Any] = {
        "type": etype,
        "mode": mode,
        "context": context,
        "source": src,
        "target": tgt,
        "date": date,
        "place": place.as_place() if place else None,
        "evidence": {"start": sent.start, "end": sent.end, "text": text[sent.start : sent.end]},
        "trigger": {"start": tokens[i].start, "end": t_end, "text": text[tokens[i].start : t_end], "lemma": trig.lemma,
                    "origin": trig.origin},
        "reported_by": _reported_by(statement) if statement is not None else [],
    }
    if also:
        attrs["also_targets"] = also
    attrs["event_key"] = event_key(attrs)
    return Span(sent.start, sent.end, etype, attrs)


_PRONOUNS = ("هما", "هم", "ها", "ه")


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
# Relative clauses after these objects name the receiver: "دعم بيونغ يانغ للقتال الذي يخوضه جيش روسيا".
_OBJECT_RELATIVE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})
# Verbs that make a meeting noun a gathering of the two mentions after them: "قمة تجمع رئيسي الصومال وكينيا".
_GATHER = frozenset(normalize(w) for w in ("تجمع", "يجمع", "جمعت", "جمع", "ستجمع", "سيجمع", "جمعت", "تضم", "يضم", "ضمت", "ضم"))
_PAIR_REACH = 5
_GATHER_REACH = 14
# Vehicles and cargo: when they arrive or are received, goods are delivered.
_CARRIERS = tuple(normalize(w) for w in ("طائرة", "الطائرة", "طائرات", "الطائرات", "سفينة", "السفينة", "باخرة", "الباخرة",
                                         "قافلة", "القافلة", "قوافل", "شحنة", "الشحنة", "سفن", "الجسر", "جسر"))
_AID_STEMS = tuple(normalize(w) for w in ("إغاث", "الإغاث", "مساعدات", "المساعدات", "معونات", "المعونات", "بالمساعدات",
                                          "إنساني", "الإنساني", "طبية", "غذائية"))
_PROPOSALS = frozenset(normalize(w) for w in (
    "دعوة", "الدعوة", "دعوته", "دعوتها", "مقترح", "اقتراح", "عرض", "خطة", "خطط", "مشروع", "مبادرة",
))
_ABOUT = normalize("عن")
_FACING = normalize("أمام")
_IN = normalize("في")
_ANY = frozenset(normalize(w) for w in ("أي", "لأي", "بأي", "وأي", "اي"))
_PLAN_TYPES = frozenset({"THREATEN", "REQUEST"})
# Hostile nouns: whoever reacts in the main clause ("عقب اغتيال النائب العام، ألقى الرئيس باللوم") did not do it.
_HOSTILE_NOUNS = frozenset({"ASSAULT", "COERCE"})
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
# Types whose two sides can be of one country (a government and its citizens, police and protesters).
_DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "REQUEST", "ACCUSE", "SUPPORT", "REJECT"})
# Nouns a nationality adjective can qualify and still name a party to talks.
_OFFICIAL_HEADS = tuple(normalize(w) for w in (
    "وزير", "نظير", "رئيس", "مسؤول", "وفد", "الوفد", "الجانب", "جانب", "حكومة", "الحكومة", "السلطات", "سلطات", "سفير",
    "السفير", "المبعوث", "مبعوث", "القائم", "الرئيس", "الوزير", "المسؤول", "قائد", "القائد", "ملك", "الملك", "أمير",
    "الأمير", "زعيم", "الزعيم", "نائب", "وزارة", "الوزارة", "الخارجية", "الدفاع", "الداخلية", "البرلمان", "برلمان",
    "المتحدث", "مجلس", "القوات", "قوات", "الجيش", "جيش", "وزيرا", "وزيري", "رئيسي", "نظيره", "نظيرته", "الدولة", "دولة",
    "المسؤولين", "مسؤولين", "مسؤولون", "المسؤولون", "مسؤولا", "الطرف", "طرف", "جهات", "الجهات", "أجهزة",
    "الأجهزة", "الطائرات", "طائرات", "طائرة", "الطائرة", "الشرطة", "شرطة", "الأمن", "قوات", "حكومات",
    "المستشار", "مستشار", "العاهل", "السلطان", "الشيخ", "ولي", "رئيسة", "الرئيسة", "وزيرة", "الوزيرة",
))


def _official(words: list[str], m: Mention) -> bool:
    """Whether a nationality adjective qualifies an official or a delegation (or something in their chain)."""
    head = m.spans[0].attrs.get("head", m.ts - 1)
    for k in range(head, max(-1, head - 4), -1):
        w = normalize(words[k])
        if any(v.startswith(_OFFICIAL_HEADS) for v in (w, w[1:], w[2:])):
            return True  # with an optional و/ف/ب/ل clitic: "ووزير"، "لوزير"
        if not w.startswith("ال") and k != head:
            break
    return False


_NISBA = ("ي", "يه", "يين", "يون")


def _conjunct(actors: list[Mention], first: Mention, words: list[str]) -> Mention | None:
    """A mention coordinated with ``first`` by و right after it, of another country."""
    for m in actors:
        if m.ts <= first.te:
            continue
        joined = (m.ts == first.te + 1 and normalize(words[m.ts]).startswith(_AND)) or (
            m.ts == first.te + 2 and normalize(words[first.te + 1]) == _AND)
        return m if joined and m.code != first.code else None
    return None


def _vso_distance(words: list[str], actors: list[Mention], i: int, ts: int) -> int:
    """Words between a verb and a later mention, not counting other names and the title's definite
    words: in "دعا الأمين العام للجامعة العربية أحمد أبو الغيط" the subject follows the verb at once."""
    inside = {k for m in actors for k in range(m.ts, m.te + 1)}
    far = 0
    for k in range(i + 1, ts):
        w = normalize(words[k])
        if k in inside or w.startswith(("ال", "لل")) or w.startswith(TITLE_WORDS):
            continue
        far += 1
    return min(ts - i, far + 1)


def _subject_phrase(words: list[str], i: int, nat_ts: int) -> bool:
    """Whether a nationality adjective after a verb belongs to its subject: "نفى رئيس الوفد الرواندي",
    "بحث وزير الزراعة والغابات التركي", not "يرفض حراس المسجد الاقتحامات الإسرائيلية" (the object's)."""
    if nat_ts == i + 1:
        return True
    first = normalize(words[i + 1]) if i + 1 < len(words) else ""
    if first.startswith("ال") or nat_ts - i > 6:
        # "قالت الحكومة الكينية"، "أسقطت الدفاعات الجوية الأوكرانية" (definite adjectives in between)
        return first.startswith("ال") and nat_ts - i <= 4 and all(
            normalize(w).startswith("ال") and normalize(w).endswith(_NISBA) for w in words[i + 2 : nat_ts])
    for k in range(i + 2, nat_ts):
        w = normalize(words[k])
        if k == i + 2 and w.startswith("ال"):
            continue  # the construct's genitive: رئيس الوفد
        if w.startswith("وال") or (w.startswith("ال") and w.endswith(_NISBA)):
            continue  # a coordinated genitive or an adjective: والغابات، الأفريقي
        if not w.startswith("ال") and k - i <= 3 and (w.endswith(_NISBA) or w in _INDEFINITE_ADJECTIVES):
            continue  # an indefinite subject's adjective: "طائرات حربية إسرائيلية"، "فصائل مسلحة عراقية"
        return False
    return True


# Adjectives that often sit between an armed subject and its nationality.
_INDEFINITE_ADJECTIVES = frozenset(normalize(w) for w in (
    "مسلحة", "مسلحون", "مسلحين", "مقاتلة", "مسيرة", "مسيرات", "حربية", "عسكرية", "بحرية", "جوية", "موالية",
    "مدعومة", "تابعة", "تابعون",
))
# Armed agents and weapons: after a verb of attack, their nationality names the attacker, not a victim
# ("قتل مستوطنون إسرائيليون"، "قصفت المدفعية الإسرائيلية" against "قتل جندي تركي").
_FORCE_HEADS = tuple(normalize(w) for w in (
    "مستوطن", "مسلح", "مقاتل", "متمرد", "ميليشي", "مليشي", "فصائل", "فصيل", "طائر", "مقاتلات", "مسير", "مدفعي",
    "المدفعي", "دبابات", "بوارج", "زوارق", "سفن", "صواريخ", "غارات", "قوات", "القوات", "وحدات", "كتائب", "عناصر",
    "الطائر", "المقاتلات", "المسير", "البحري", "الجيش", "جيش", "الدفاعات", "دفاعات", "البوارج", "الزوارق",
))


def _armed(words: list[str], m: Mention) -> bool:
    """Whether a nationality adjective qualifies an armed agent or a weapon ("طائرات حربية روسية")."""
    head = m.spans[0].attrs.get("head", m.ts - 1)
    for k in range(head, max(-1, head - 3), -1):
        w = normalize(words[k])
        if any(v.startswith(_FORCE_HEADS) for v in (w, w[1:])):
            return True
        if w.startswith(("ال", "وال")) and not w.endswith(_NISBA) and k != head:
            break
    return False


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


def _main_subject(actors: list[Mention], statements: list[Span], tokens: list, i: int) -> Mention | dict[str, Any] | None:
    """Who a participle's action belongs to: the speaker of the sentence's statement, else the first plain mention."""
    lo, hi = tokens[0].start, tokens[i].start
    for st in statements:
        cue = st.attrs.get("cue") or {}
        if lo <= cue.get("start", -1) < hi:
            sp = _speaker(st)
            if sp is not None:
                return sp
    firsts = [m for m in actors if m.te < i and m.prep is None and m.label != "NAT"]
    return firsts[0] if firsts else None


def _carrier(words: list[str], tokens: list, source: Mention | None, target: Mention | None, cs: int, ce: int,
             i: int) -> bool:
    """Whether the arriving or received thing is a vehicle: its nationality qualifies a plane or a ship."""
    for m in (source, target):
        if m is not None and m.label == "NAT":
            head = normalize(words[m.spans[0].attrs.get("head", m.ts - 1)])
            if head in _CARRIERS or head[1:] in _CARRIERS:
                return True
    return any(normalize(w) in _CARRIERS for w in words[i + 1 : min(ce, i + 3)])


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


def _possessive(trig: Trigger, variant: str) -> bool:
    return trig.pos == "n" and variant != normalize(trig.lemma) and variant.endswith(_PRONOUNS)


def _referent(actors: list[Mention], i: int, target: Mention | None, variant: str) -> Mention | None:
    feminine = variant.endswith("ها")
    before = [m for m in actors if m.te < i and m is not target and (target is None or m.code != target.code)]
    for m in reversed(before):
        if (m.label == "PER") != feminine:
            return m
    return None


def _antecedent(actors: list[Mention], words: list[str], cs: int) -> Mention | None:
    """The mention a relative pronoun at ``cs`` refers to: close before it, agreeing in gender.

    Places are feminine in Arabic, so "بوتين إلى بيونغ يانغ، الذي استضاف" refers to Putin.
    """
    masculine = normalize(words[cs]) in _MASC_RELATIVES
    for m in reversed([m for m in actors if m.te < cs]):
        if cs - m.te > _RELATIVE_REACH + 3:
            return None
        if masculine and m.label in PLACE_LABELS:
            continue
        if m.prep is None and cs - m.te <= _RELATIVE_REACH:
            return m
    return None


def _first_person(words: list[str], i: int, cs: int, variant: str, lemma: str = "") -> bool:
    """A first-person plural verb ("نحترم") or one after نحن / إننا."""
    if any(normalize(w) in _FIRST_PERSON for w in words[max(cs, i - 3) : i]):
        return True
    # ننفي، نحترم: a prefix ن that is not the root's own first letter (نفته is "he denied it")
    return variant.startswith("ن") and len(variant) >= 4 and not variant.startswith(normalize(lemma)[:2])


def _genitive_of(tokens: list, last: int, ts: int) -> bool:
    """Whether a mention at ``ts`` is the genitive of the noun ending at ``last``: adjacent, or
    separated only by titles and definite adjectives ("زيارة الرئيس الروسي فلاديمير بوتين")."""
    for t in tokens[last + 1 : ts]:
        w = normalize(t.text)
        if t.kind == "punct" or not (w.startswith("ال") or w.startswith(TITLE_WORDS)):
            return False
    return ts - last <= 4


def _comma_between(tokens: list, a: int, b: int) -> bool:
    return any(t.kind == "punct" and t.text in "،," for t in tokens[a + 1 : b])


_HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN"})
_WEAPONS = frozenset(normalize(w) for w in (
    "أسلحة", "سلاح", "ذخائر", "ذخيرة", "صواريخ", "صاروخ", "قذائف", "أسلحه", "بأسلحة", "بالأسلحة", "بشحنة", "عسكرية",
))


def _allegation(ev: Span, statement: Span | None, words: list[str], match: TriggerMatch) -> Span | None:
    """A speaker who says another country did something hostile (or sent arms) accuses it.

    "قال البيت الأبيض إن كوريا الشمالية زودت روسيا بشحنة أسلحة" is an AID claim and an
    ACCUSE from the United States against North Korea.
    """
    a = ev.attrs
    if statement is None or a["context"] != "claim" or not a.get("source"):
        return None
    hostile = a["type"] in _HOSTILE or (
        a["type"] == "AID" and any(w in _WEAPONS for w in (normalize(x) for x in words[match.index : match.index + 7]))
    )
    if not hostile:
        return None
    speaker = _speaker(statement)
    if speaker is not None and (speaker.get("actor") or "")[3:6] not in ("", *_STATE_ROLES):
        return None  # an analyst, a newspaper or a company describing a deed is not a state accusing
    accused = country_of(a["source"].get("actor"))
    if not speaker or country_of(speaker.get("actor")) in (None, accused):
        return None
    if a.get("target") and country_of(a["target"].get("actor")) == country_of(speaker.get("actor")):
        return None  # a victim reporting an attack on itself: the attack is the event
    attrs = dict(a)
    attrs.update({"type": "ACCUSE", "mode": "verbal", "context": "asserted", "source": speaker,
                  "target": dict(a["source"]), "derived_from": a["type"]})
    attrs.pop("also_targets", None)
    attrs["event_key"] = event_key(attrs)
    return Span(ev.start, ev.end, "ACCUSE", attrs)


def _coded(actor: dict[str, Any] | None) -> bool:
    return bool(actor and actor.get("actor"))


def _pick_target(
    rest: list[Mention], source: Mention | None, etype: str, need_prep: bool = False, anchor: int = 0
) -> Mention | None:
    """The first mention after ``anchor`` that can be the object; after a noun it needs a preposition."""
    for m in rest:
        if m.prep is not None and m.prep not in TARGET_PREPS and not (
                (etype == "RETREAT" and m.prep == _ABOUT) or (etype == "PROTEST" and m.prep == _FACING)
                or (m.prep == _IN and m.label == "ORG")):
            # (أفرج عن X: the released; اعتصام أمام السفارة X: the protested; قيادي في تنظيم X: the group)
            continue
        if need_prep and m.prep is None:
            continue
        if m.prep is None and m.ts - anchor > _OBJECT_REACH:
            continue  # a bare object sits close to its verb; farther on it belongs to something else
        if m.ts - anchor > _OBLIQUE_REACH:
            continue  # "... للحفاظ على سلامة الأمريكيين" twenty words on is not the verb's object
        if source is not None and m.code == source.code and not (
                etype in _DOMESTIC_TYPES and _two_roles(source, m)):
            continue  # country-level coding: a side does not act on itself (but an army fights rebels)
        return m
    return None


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


def _place(mentions: list[Mention], cs: int, ce: int, i: int) -> Mention | None:
    """A place after في/ب: in the trigger's clause, else the nearest earlier one in the sentence."""
    places = [m for m in mentions if m.label in PLACE_LABELS and m.prep in PLACE_PREPS]
    cands = [m for m in places if cs <= m.ts < ce and abs(m.ts - i) <= _PLACE_REACH]
    if cands:
        return min(cands, key=lambda m: (m.ts < i, abs(m.ts - i)))
    earlier = [m for m in places if m.ts < cs]
    return earlier[-1] if earlier else None


def _date(article: Article, sent_timexes: list[tuple[int, Span]], i: int, cs: int, ce: int) -> dict[str, Any]:
    for lo, hi, origin in ((cs, ce, "clause"), (0, 10**9, "sentence")):
        t = nearest_timex(sent_timexes, i, lo, hi)
        if t is not None:
            value = str(t.attrs["value"])
            return {"value": value, "granularity": t.attrs.get("granularity") or _granularity(value), "from": origin}
    if article.published:
        return {"value": article.published[:10], "granularity": "day", "from": "published"}
    return {"value": None, "granularity": None, "from": None}


def _granularity(value: str) -> str:
    if "W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def _speaker(statement: Span) -> dict[str, Any] | None:
    """The statement's speaker as an actor, unless it has no country side (a bare role, a news agency)."""
    sp = statement.attrs.get("speaker") or {}
    actor = sp.get("actor") or ""
    if not actor or actor.endswith("MED") or actor[:3] in ROLE_CODES:
        return None
    return {"name": sp.get("name") or sp.get("text"), "entity_id": sp.get("entity_id"), "actor": sp.get("actor")}


def _reported_by(statement: Span) -> list[dict[str, Any]]:
    sp = statement.attrs.get("speaker") or {}
    chain = [{"name": sp.get("name") or sp.get("text"), "entity_id": sp.get("entity_id"), "text": sp.get("text"),
              "kind": "speaker"}]
    for r in statement.attrs.get("reported_by") or []:
        if isinstance(r, dict):
            chain.append(r)
    return chain


def _accuser(previous: list[Span], accused: str | None) -> dict[str, Any] | None:
    """The source of the latest accusation against ``accused``: a denial answers it."""
    if not accused:
        return None
    for ev in reversed(previous):
        tgt = ev.attrs.get("target") or {}
        if ev.label == "ACCUSE" and country_of(tgt.get("actor")) == accused and ev.attrs.get("source"):
            return dict(ev.attrs["source"])
    return None


def event_key(attrs: dict[str, Any]) -> str:
    src = country_of((attrs.get("source") or {}).get("actor")) or "-"
    tgt = country_of((attrs.get("target") or {}).get("actor")) or "-"
    date = (attrs.get("date") or {}).get("value") or "-"
    return f"{attrs['type']}:{src}>{tgt}:{date}"

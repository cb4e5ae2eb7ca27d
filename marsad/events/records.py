"""Event record assembly: one trigger match in its sentence becomes an event Span (sides, type,
mode, place, date, context, evidence), plus the accusation a reported hostile deed implies.
"""

from __future__ import annotations

from typing import Any

from marsad.clean.normalize import normalize
from marsad.document import Article, Span
from marsad.events.arguments import (
    COMPLEMENTIZERS,
    PLACE_HEADS,
    PLACE_LABELS,
    RELATIVES,
    Mention,
    clause_of,
    nearest_timex,
)
from marsad.events.context import event_context, imperfect
from marsad.events.ontology import DEFAULT_MODE, DYADIC_TYPES, ONE_SIDED_TYPES, SYMMETRIC_TYPES, country_of
from marsad.events.parties import _conjunct, _coordinated, _pair
from marsad.events.roles import (
    _DOMESTIC_TYPES,
    _NOUN_REACH,
    _STATE_ROLES,
    _SVO_REACH,
    _VSO_REACH,
    _antecedent,
    _armed,
    _first_person,
    _genitive_of,
    _main_subject,
    _official,
    _pick_target,
    _place,
    _possessive,
    _referent,
    _subject_phrase,
    _vso_distance,
)
from marsad.events.sentence import _comma_between
from marsad.events.speech import _reported_by, _speaker, _statement_at
from marsad.events.triggers import TriggerMatch

_TO = frozenset({normalize("إلى"), "ل"})
_FROM = normalize("من")
# Types whose object is often a whole clause: warn/accuse/urge that X ...
_SAYING_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST"})


_HAYTHU = normalize("حيث")


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
        # "مدينة كيسمايو الصومالية": an adjective acts only for the official it qualifies, not for a place
        before_clause = [m for m in actors if m.te < cs and m.prep is None and id(m) not in placey
                         and (m.label != "NAT" or _official(words, m))]
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
                                           and tokens[cs - 1].kind == "punct") \
            or (cs < n and normalize(words[cs]) == _HAYTHU and i == cs + 1 and trig.pos == "v")
        if speaker_source is None and before_clause and continues:
            # "الذي استضاف ..."، "، وزار ..."، "في وونسان، حيث التقى كيم": a relative, coordinated or
            # verb-first حيث clause shares the earlier subject; after أن or a dash it is someone else.
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


# Relative clauses after these objects name the receiver: "دعم بيونغ يانغ للقتال الذي يخوضه جيش روسيا".
_OBJECT_RELATIVE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})
# Vehicles and cargo: when they arrive or are received, goods are delivered.
_CARRIERS = tuple(normalize(w) for w in ("طائرة", "الطائرة", "طائرات", "الطائرات", "سفينة", "السفينة", "باخرة", "الباخرة",
                                         "قافلة", "القافلة", "قوافل", "شحنة", "الشحنة", "سفن", "الجسر", "جسر"))
_AID_STEMS = tuple(normalize(w) for w in ("إغاث", "الإغاث", "مساعدات", "المساعدات", "معونات", "المعونات", "بالمساعدات",
                                          "إنساني", "الإنساني", "طبية", "غذائية"))
_ANY = frozenset(normalize(w) for w in ("أي", "لأي", "بأي", "وأي", "اي"))
# Hostile nouns: whoever reacts in the main clause ("عقب اغتيال النائب العام، ألقى الرئيس باللوم") did not do it.
_HOSTILE_NOUNS = frozenset({"ASSAULT", "COERCE"})


def _carrier(words: list[str], tokens: list, source: Mention | None, target: Mention | None, cs: int, ce: int,
             i: int) -> bool:
    """Whether the arriving or received thing is a vehicle: its nationality qualifies a plane or a ship."""
    for m in (source, target):
        if m is not None and m.label == "NAT":
            head = normalize(words[m.spans[0].attrs.get("head", m.ts - 1)])
            if head in _CARRIERS or head[1:] in _CARRIERS:
                return True
    return any(normalize(w) in _CARRIERS for w in words[i + 1 : min(ce, i + 3)])


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

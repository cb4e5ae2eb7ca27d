"""Who did what to whom, when and where: event arguments from the entities, timexes and statements layers.

Within a sentence, *actor mentions* are entity spans that carry an actor or a
country code; neighbouring spans of the same country ("وزير الخارجية الروسي
سيرجي لافروف") form one mention.  A mention right after a preposition is
*oblique*: it can be a target (مع، إلى، على، ضد، ل) or a place (في، ب) but not
a subject.  Clauses are cut at complementizers (أن، إن، بأن), relative pronouns
(الذي، التي), حيث and "، و" so that "قال X إن Y التقى Z" gives Y, not X, as the
one who met Z.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.clean.normalize import normalize
from marsad.document import Span
from marsad.events.ontology import country_of
from marsad.segment.tokens import Token

# CAMEO role codes: an actor that is only a role ("MED" for an unnamed news agency) has no side.
ROLE_CODES = frozenset({
    "MED", "EDU", "BUS", "CVL", "GOV", "MIL", "OPP", "REB", "JUD", "LEG", "REF", "HLH", "AGR", "ELI", "LAB",
    "CRM", "SPY", "UAF", "COP", "IMG", "SET", "DEV", "HRI", "ENV", "MOD", "RAD", "PTY", "REL",
})
ACTOR_LABELS = frozenset({"PER", "ORG", "GPE", "LOC", "MISC"})
PLACE_LABELS = frozenset({"LOC", "GPE"})

_n = normalize
TARGET_PREPS = frozenset(_n(w) for w in ("مع", "إلى", "الى", "على", "ضد", "ل", "ب", "بين", "لدى", "تجاه", "نحو", "من"))
PLACE_PREPS = frozenset(_n(w) for w in ("في", "ب", "داخل", "قرب", "بالقرب", "فوق", "قبالة"))
_CLITIC_PREPS = frozenset(_n(w) for w in ("في", "من", "على", "إلى", "الى", "مع", "عن", "لدى", "ضد", "داخل"))
PREPOSITIONS = TARGET_PREPS | PLACE_PREPS | frozenset(_n(w) for w in ("عن", "حول", "عبر", "منذ", "خلال", "بعد", "قبل", "أمام"))
# Words between في and a place name: في العاصمة بيونج يانج، في قاعدة فوستوشني.
PLACE_HEADS = frozenset(_n(w) for w in (
    "العاصمة", "مدينة", "قاعدة", "منطقة", "ولاية", "محافظة", "ميناء", "إقليم", "قرية", "بلدة", "مطار", "جزيرة",
    "شرق", "غرب", "شمال", "جنوب", "وسط", "مخيم", "حي", "ضواحي", "ريف", "العاصمه",
))
CLAUSE_WORDS = frozenset(_n(w) for w in (
    "أن", "إن", "بأن", "وأن", "أنه", "أنها", "إنه", "إنها", "بأنه", "بأنها", "الذي", "التي", "الذين", "اللذين",
    "حيث", "بينما", "فيما", "لكن", "ولكن", "بعدما", "عندما", "حين", "كما", "وذلك", "مؤكدا", "قائلا", "مضيفا",
    "فإن", "فإنه", "فإنها",
))
COMPLEMENTIZERS = frozenset(_n(w) for w in (
    "أن", "إن", "بأن", "وأن", "أنه", "أنها", "إنه", "إنها", "بأنه", "بأنها", "فإن", "فإنه", "فإنها"))
RELATIVES = frozenset(_n(w) for w in ("الذي", "التي", "الذين", "اللذين"))
_PUNCT_BREAK = frozenset("؛;:–—")
_FA_INNA = frozenset(_n(w) for w in ("فإن", "فإنه", "فإنها"))


@dataclass
class Mention:
    """One actor mention: token range [ts, te], the preposition governing it, and its codes."""

    ts: int
    te: int
    start: int
    end: int
    label: str
    actor: str | None
    country: str | None
    name: str
    entity_id: str | None
    prep: str | None
    spans: list[Span] = field(default_factory=list)
    # a dual ("الجانبان"، "البلدين") stands for two earlier (or later) mentions
    pair: tuple[Mention, Mention] | None = None

    @property
    def code(self) -> str | None:
        """The country (or IGO/NGO) the mention stands for; None for a bare role such as MED."""
        if self.actor and self.actor[:3] in ("IGO", "NGO"):
            return self.actor[:3]  # "أحمد أبو الغيط" (IGO, an Egyptian) acts for the Arab League
        if self.country:
            return country_of(self.country)
        code = country_of(self.actor)
        if code == "REB":
            return code  # a transnational armed group (داعش، القاعدة) is a side of its own
        if code is None or code in ROLE_CODES:
            return None
        return code

    def as_actor(self) -> dict[str, Any]:
        if self.pair is not None:
            return self.pair[0].as_actor()
        return {"name": self.name, "entity_id": self.entity_id, "actor": self.actor or self.country}

    def as_place(self) -> dict[str, Any]:
        # An appositive chain ("في شرق كوريا الشمالية مدينة وونسان") is one mention; its last
        # place of the same country is the narrowest, and that is where the event happened.
        narrowest = next((s for s in reversed(self.spans) if s.label in PLACE_LABELS
                          and country_of(s.attrs.get("country") or s.attrs.get("actor")) == self.code), None)
        if narrowest is not None and narrowest is not self.spans[0]:
            a = narrowest.attrs
            return {"name": str(a.get("name") or a.get("name_en")), "entity_id": a.get("entity_id"), "country": self.code}
        return {"name": self.name, "entity_id": self.entity_id, "country": self.code}


def token_index(tokens: list[Token], pos: int) -> int:
    """Index of the token containing or following character ``pos``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _clitic_prep(token_text: str, inner_offset: int, surface: str) -> str | None:
    """A preposition clitic (ب، ل، ك) glued to the mention, inside or just outside its span."""
    head = _n(token_text[:inner_offset]) if inner_offset > 0 else ""
    if head:
        h = head.lstrip("وف")
        if h and h[-1] in "بلك":
            return h[-1] if h[-1] != "ك" else None
        if h.endswith("ال") and len(h) >= 3 and h[-3] in "بل":
            return h[-3]
        return None
    s = _n(surface)
    for pre in ("وب", "ول", "فب", "فل", "ب", "ل"):
        if s.startswith(pre + "ال") or (pre in ("لل",) and s.startswith("لل")):
            return pre[-1]
    if s.startswith("لل") or s.startswith("ولل"):
        return "ل"
    return None


@cache
def nationality_table() -> dict[tuple[str, ...], str]:
    """Exact nationality adjectives (masculine, feminine, plural; one or two words) -> ISO3.

    Built from the entities stage's nationality adjectives, matched on exact normalized
    words: the gazetteer's own fuzzy keys are meant for names and would read ثنائية as
    a nationality.
    """
    try:
        from marsad.entities import nationality_forms
    except ImportError:  # pragma: no cover - the entities stage is optional for this one
        return {}
    table: dict[tuple[str, ...], str] = {}
    for v, country in nationality_forms().items():
        words = _n(v).split()
        if len(words) == 1 and not words[0].endswith("ي") and len(_bare_word(words[0])) >= 3 \
                and (v.startswith("ال") or not words[0].startswith("ال")):  # (ألمان is no article + مان)
            table[(_bare_word(words[0]),)] = country  # an irregular plural: الروس، الأتراك
            continue
        if not words or not all(w.endswith("ي") for w in words):
            continue
        for suffix in ("", "ه", "ون", "ين"):  # روسي، روسية (normalized روسيه)، روسيون، روسيين
            table[tuple(w + suffix for w in words)] = country
    return table


@cache
def _irregular_nationalities() -> frozenset[str]:
    """One-word nationality forms without a nisba ending: روس، أتراك، عرب."""
    return frozenset(k[0] for k in nationality_table() if len(k) == 1 and not k[0].endswith(_NISBA_ENDINGS))


def _nationality_at(words: list[str], k: int) -> tuple[str, int] | None:
    table = nationality_table()
    for n in (2, 1):
        if k + n <= len(words):
            key = tuple(_bare_word(w) for w in words[k : k + n])
            if key in table:
                return table[key], n
    return None


def _bare_word(w: str) -> str:
    w = _n(w)
    if w.startswith("و") and len(w) > 4 and w[1:3] == "ال":
        w = w[1:]
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


# Nationality adjectives end in ـي / ـية / ـيون / ـيين (الروسي، أوكرانية، الأمريكيين).
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يات")


def nationality_mentions(text: str, tokens: list[Token], covered: set[int]) -> list[Span]:
    """Pseudo-entities for nationality adjectives no entity covers: "الغزو الروسي", "طائرة أوكرانية".

    The adjective stands for its country as the side of the noun it qualifies.
    """
    if not nationality_table():
        return []
    lookup = _nationality_at
    words = [t.text for t in tokens]
    out: list[Span] = []
    irregular = _irregular_nationalities()
    k = 1
    while k < len(tokens):
        if k in covered or tokens[k].kind != "word" or tokens[k - 1].kind != "word" or not (_n(
            words[k]
        ).endswith(_NISBA_ENDINGS) or _bare_word(words[k]) in irregular):
            k += 1
            continue
        hit = lookup(words, k)
        if hit is None:
            k += 1
            continue
        country, n = hit
        end_tok = tokens[min(len(tokens), k + n) - 1]
        out.append(Span(tokens[k].start, end_tok.end, "NAT", {"country": country, "head": k - 1,
                                                               "name": text[tokens[k].start : end_tok.end]}))
        k += n
    return out


def actor_mentions(text: str, tokens: list[Token], entities: list[Span]) -> list[Mention]:
    """Actor mentions of one sentence (entities with a code), adjacent same-country spans merged."""
    out: list[Mention] = []
    covered: set[int] = set()
    for ent in entities:
        ts = token_index(tokens, ent.start)
        te = max(ts, token_index(tokens, ent.end - 1))
        covered.update(range(ts, te + 1))
    entities = sorted([*entities, *nationality_mentions(text, tokens, covered)], key=lambda e: e.start)
    for ent in entities:
        a = ent.attrs
        actor = a.get("actor") or None
        country = a.get("country") or None
        if not (actor or country) and ent.label not in PLACE_LABELS and ent.label != "PER":
            continue  # (an uncoded person is kept until grouping: "الوزير الصومالي غوليد" codes him)
        if actor and actor.endswith("MED"):
            continue  # news agencies report events; they are not their sides
        ts = token_index(tokens, ent.start)
        te = max(ts, token_index(tokens, ent.end - 1))
        if ts >= len(tokens):
            continue
        if ent.label == "NAT":
            # The adjective shares its noun's preposition: "للحرب الروسية" is oblique.
            head = a["head"]
            hw = _n(tokens[head].text)
            hw = hw[1:] if hw[:1] in "وف" and hw[1:3] in ("بال", "لل") else hw
            prep = hw[0] if hw.startswith(("بال", "لل")) else _governing_prep_free(
                tokens, head, out[-1] if out else None)
        else:
            prep = _clitic_prep(tokens[ts].text, ent.start - tokens[ts].start, text[ent.start : ent.end])
        if prep is None and ent.label != "NAT":
            prep = _governing_prep_free(tokens, ts, out[-1] if out else None)
        if prep == "ل" and ts >= 1 and _n(tokens[ts - 1].text) in _TITLE_TAILS and ent.label in ("ORG", "GPE"):
            prep = None  # "الأمين العام للأمم المتحدة": the organisation whose officer speaks or acts
        if prep == _n("من") and ts >= 2 and _n(tokens[ts - 1].text) == prep \
                and _n(tokens[ts - 2].text).lstrip("و").startswith(_FIGHTERS):
            prep = None  # "مسلحون من حركة الشباب": the group's fighters act as the group
        m = Mention(ts, te, ent.start, ent.end, ent.label, actor, country,
                    str(a.get("name") or a.get("name_en") or text[ent.start : ent.end]),
                    a.get("entity_id"), prep, [ent])
        if out and _nationality_of_person(out[-1], m, tokens):
            prev_m = out[-1]
            role = m.actor if m.actor and m.actor[:3] in ROLE_CODES else ""
            prev_m.te, prev_m.end = max(prev_m.te, m.te), max(prev_m.end, m.end)
            prev_m.spans.append(ent)
            prev_m.actor, prev_m.country = f"{prev_m.code}{role}", prev_m.code
            prev_m.name, prev_m.entity_id, prev_m.label = m.name, m.entity_id, "PER"
            continue
        if out and _same_group(out[-1], m, tokens):
            prev_m = out[-1]
            if m.label == "PER" and m.prep is None and prev_m.prep == "ل" and prev_m.label in ("ORG", "GPE"):
                # "الأمين العام للأمم المتحدة أنطونيو غوتيريش": ل governs the title's genitive, not the person
                prev_m.prep = None
            prev_m.te, prev_m.end = max(prev_m.te, m.te), max(prev_m.end, m.end)
            prev_m.spans.append(ent)
            # The most specific code names the group: a person (RUSGOV) over a bare country (RUS).
            if m.label == "PER" or (m.actor and not prev_m.actor) or (m.actor and len(m.actor) > len(prev_m.actor or "")):
                prev_m.actor, prev_m.country = m.actor or prev_m.actor, m.country or prev_m.country
                prev_m.name, prev_m.entity_id, prev_m.label = m.name, m.entity_id, m.label
            continue
        out.append(m)
    return [m for m in out if m.label != "PER" or m.code is not None or m.actor]


def _nationality_of_person(a: Mention, b: Mention, tokens: list[Token]) -> bool:
    """A nationality or country right before a person with no country of their own:
    "وزير الخارجية الصومالي عبد الرحمن غوليد", "نظيره الكيني ديفيد موانغي"."""
    if b.label != "PER" or b.code is not None or a.code is None or a.label not in ("NAT", "GPE"):
        return False
    if b.actor and b.actor[:3] not in ROLE_CODES:
        return False
    if a.label == "GPE" and not b.actor:
        return False  # "سفيرها لدى كينيا محمد نور": after a country a bare name is often someone else's
    gap = [t for t in tokens[a.te + 1 : b.ts]]
    return len(gap) == 0 or (len(gap) == 1 and gap[0].kind == "punct" and gap[0].text in "،,")


TITLE_WORDS = tuple(_n(w) for w in (
    "نظير", "وزير", "رئيس", "زعيم", "ملك", "أمير", "سفير", "قائد", "مبعوث", "ممثل", "المتحدث", "حليف", "ولي",
))


def _governing_prep(tokens: list[Token], ts: int) -> str | None:
    """A preposition up to four words before a mention, across adjectives and titles only.

    "مع نظيرته الكورية الشمالية تشوي" -> مع; "لقاء تشوي" stops at لقاء (a bare noun heads
    the phrase, so تشوي is its genitive, not the object of an earlier preposition).
    """
    found = _governing_prep_at(tokens, ts)
    return found[0] if found else None


def _governing_prep_at(tokens: list[Token], ts: int) -> tuple[str, int] | None:
    for k in range(ts - 1, max(-1, ts - 5), -1):
        t = tokens[k]
        w = _n(t.text)
        if w in PREPOSITIONS and not (k == 0 and w in _ALSO_VERBS and _n(tokens[1].text)[2:].startswith(TITLE_WORDS)):
            return w, k  # (but "قبل الرئيس الكيني دعوة" opens on the verb "accepted")
        if len(w) > 2 and w[0] in "وف" and w[1:] in _CLITIC_PREPS:
            return w[1:], k  # "وفي محافظة الحديدة" (not "وقبل": that is also the verb "and he accepted")
        if t.kind == "punct":
            return None
        if w.startswith(("ال", "وال")) and w not in PREPOSITIONS:
            continue
        if w.lstrip("و").startswith(TITLE_WORDS) or w in PLACE_HEADS:
            continue
        return None
    return None


def _governing_prep_free(tokens: list[Token], ts: int, previous: Mention | None) -> str | None:
    """The governing preposition, unless an earlier mention stands between it and ``ts``:
    in "في الرباط رئيس الوزراء الإسباني" في governs الرباط, not the prime minister."""
    found = _governing_prep_at(tokens, ts)
    if found is None:
        return None
    if previous is not None and found[1] < previous.ts <= previous.te < ts:
        return None
    return found[0]


# Prepositions spelled like a verb: قبل (before / accepted).
_ALSO_VERBS = frozenset({_n("قبل")})
# Last words of an office title whose ل-genitive names the office holder's organisation.
_TITLE_TAILS = frozenset(_n(w) for w in (
    "العام", "الأمين", "المدير", "مدير", "المفوض", "السامي", "المبعوث", "مبعوث", "الخاص", "الممثل", "ممثل",
    "المتحدث", "المتحدثة", "الناطق", "الرسمي", "الأعلى", "العليا",
))
# Plural fighters: "مسلحون من X" are X's.
_FIGHTERS = tuple(_n(w) for w in ("مسلح", "عناصر", "مقاتل", "متمرد", "أفراد", "جنود", "انتحاري", "المسلح", "العناصر"))
# Duals that refer to two parties named around them.
_DUALS = frozenset(_n(w) for w in (
    "الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الزعيمان", "الزعيمين", "الوزيران",
    "الوزيرين", "الرئيسان", "الرئيسين", "الحكومتان", "الحكومتين", "الدولتان", "الدولتين", "القائدان",
    "القائدين", "وفدا البلدين", "المسؤولان", "المسؤولين",
))


def dual_mentions(tokens: list[Token], mentions: list[Mention], earlier: list[Mention]) -> list[Mention]:
    """Mentions for duals ("بحث الجانبان"، "وقع البلدان"): the two nearest earlier parties of different
    countries in the sentence, else in the article so far, else the first two later in the sentence."""
    out = []
    for k, t in enumerate(tokens):
        w = _n(t.text)
        w = w[1:] if w[:1] in "وف" and w[1:] in _DUALS else w
        if w not in _DUALS or w == _n("المسؤولين"):
            continue
        coded = [m for m in mentions if m.code and m.pair is None
                 and not (m.label in PLACE_LABELS and m.prep in PLACE_PREPS)]
        pair = (_two([m for m in coded if m.te < k][::-1]) or _two(earlier[::-1])
                or _two([m for m in coded if m.ts > k]))
        if pair is None:
            continue
        first, second = pair if pair[0].start <= pair[1].start else (pair[1], pair[0])
        out.append(Mention(k, k, t.start, t.end, "DUAL", first.actor, first.country, t.text, None,
                           _governing_prep(tokens, k), [], (first, second)))
    return out


# "بلاده"، "حكومتها": the country of the person or body just named.
_OWN_COUNTRY = frozenset(_n(w) for w in (
    "بلاده", "بلادها", "بلادهم", "لبلاده", "لبلادها", "وبلاده", "وبلادها", "حكومته", "حكومتها", "لحكومته",
    "لحكومتها", "دولته", "دولتها",
))


def own_country_mentions(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Mentions for "بلاده"/"حكومتها": the country of the nearest earlier person or organisation."""
    out = []
    for k, t in enumerate(tokens):
        if _n(t.text) not in _OWN_COUNTRY:
            continue
        owner = next((m for m in reversed(mentions) if m.te < k and m.code and m.label in ("PER", "ORG")
                      and m.code not in ("IGO", "NGO", "REB")), None)
        if owner is None:
            continue
        w = _n(t.text)
        prep = w[0] if w[0] == "ل" else _governing_prep(tokens, k)
        out.append(Mention(k, k, t.start, t.end, "GPE", owner.code, owner.code, t.text, None, prep, []))
    return out


def _two(cands: list[Mention]) -> tuple[Mention, Mention] | None:
    """The first two candidates of different countries."""
    for m in cands[1:4]:
        if m.code != cands[0].code:
            return cands[0], m
    return None


def _same_group(a: Mention, b: Mention, tokens: list[Token]) -> bool:
    if a.code is None or a.code != b.code or (b.prep is not None and b.prep != a.prep):
        return False
    if a.label == b.label == "ORG" and (a.actor or "")[3:] != (b.actor or "")[3:]:
        return False  # "الحكومة اليمنية جماعة الحوثي": a government and a rebel group are two parties
    gap = [t for t in tokens[a.te + 1 : b.ts] if t.kind != "punct" or t.text in "،,"]
    return len(gap) <= 1 and not any(_n(t.text) in ("و",) for t in gap)


def clause_bounds(words: list[str], tokens: list[Token]) -> list[int]:
    """Token indices where a new clause starts (always includes 0)."""
    starts = [0]
    for i, (w, t) in enumerate(zip(words, tokens, strict=False)):
        if i == 0:
            continue
        nw = _n(w)
        if nw in _FA_INNA and "إ" not in w:
            continue  # "فان" in a name (فو فان ثونج) is not فإن
        if nw in CLAUSE_WORDS:
            starts.append(i)
        elif t.kind == "punct" and (t.text in _PUNCT_BREAK):
            starts.append(i + 1)
        elif t.kind == "punct" and t.text in "،," and i + 1 < len(words) and _n(words[i + 1]).startswith("و") and len(words[i + 1]) >= 3:
            starts.append(i + 1)
    return sorted(set(s for s in starts if s < len(words)))


def clause_of(starts: list[int], i: int, n: int) -> tuple[int, int]:
    cs = 0
    ce = n
    for s in starts:
        if s <= i:
            cs = s
        else:
            ce = s
            break
    return cs, ce


def nearest_timex(timexes: list[tuple[int, Span]], i: int, lo: int, hi: int) -> Span | None:
    """The date timex nearest to token ``i`` among those whose token index is in [lo, hi)."""
    best: tuple[int, Span] | None = None
    for ti, span in timexes:
        if lo <= ti < hi:
            d = abs(ti - i)
            if best is None or d < best[0]:
                best = (d, span)
    return best[1] if best else None


def is_date_timex(span: Span) -> bool:
    a = span.attrs
    kind = a.get("kind", "date")
    value = a.get("value")
    # "منذ عام 2018" (AFTER) and "قبل ذلك" (BEFORE) are open ranges, not the day something happened.
    if a.get("mod") in ("AFTER", "BEFORE", "SINCE"):
        return False
    return kind == "date" and isinstance(value, str) and len(value) >= 4 and value[:4].isdigit()

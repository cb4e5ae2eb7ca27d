"""The entities layer of one article: gazetteer, titles, NER, short names, ids and actor codes.

Span convention: a mention spans the name *with its article but without conjunctions
and prepositions*: "وموسكو" → "موسكو", "بـ"روسيا"" → "روسيا"; after ل the article loses
its alif, so "للصين" and "وللأمم المتحدة" keep the whole token (no part of it is the name as written).  Matching runs on normalized tokens
(:func:`marsad.clean.normalize.normalize_with_map` per token) and maps back to the
display text.

Steps, all within one sentence except the last two:

1. gazetteer: longest trie match at every token, trying the token with and
   without its proclitics (variant keys make بيونج يانج = بيونغ يانغ);
2. organisations from a head + portfolio + nationality adjective
   ("وزارة الدفاع الكورية الجنوبية" → KORGOV);
3. titles: "وزير الخارجية الروسي سيرجي لافروف" codes the following name (RUSGOV),
   and introduces people the gazetteer does not know;
4. NER (when ``marsad.entities.ner`` has a model): spans no rule found;
5. names: unknown full names unify by variant (fuzzy) match; short mentions (لافروف,
   كيم) resolve to the most salient full name in the article that they fit;
6. ids and codes: the gazetteer id when known, else a hash of the variant key of
   the full name, so separate runs agree; codes are resolved for article.published.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.clean.normalize import normalize, normalize_with_map
from marsad.document import Article, Span
from marsad.entities import actors
from marsad.entities.gazetteer import (
    Entry,
    arabic_names,
    bare,
    clitic_forms,
    common_words,
    load,
    name_glosses,
    phrase_form,
)
from marsad.entities.variants import letter_fold, names_match, token_key
from marsad.segment import split_sentences, tokenize

NER_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "GPE": "GPE"}


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in text.split())


_LINKERS = _words("باسم في لدى ب ل من التابع التابعة السابق السابقة")
# Honorifics and institution nouns: part of a title phrase, never of a name.
_HONORIFICS = _words(
    "الشيخ شيخ الدكتور دكتور د المهندس مهندس صاحب السمو الملكي سمو فخامة معالي سعادة الحاج السيد السيدة "
    "منطقة محافظة مدينة مجلس إدارة جوازات شركة نادي جامعة هيئة مؤسسة مركز لجنة قسم دائرة فرع "
    "مكتب عام العام بلدية أمانة حزب جمعية اتحاد قناة صحيفة وكالة"
)
_CONNECTORS = _words("بن ابن بنت عبد أبو ابو آل أم")
_PATRONYMIC = _words("بن ابن بنت")
# Words written apart or joined to the next one: عبد الرحمن / عبدالرحمن, أبو بكر / أبوبكر.
_COMPOUND_HEADS = _words("عبد أبو ابو")
# Buildings and institutions named by the next word (قصر الإليزيه, معهد ماساتشوستس): never a person.
_BUILDINGS = _words("قصر قصري مطار قاعدة سجن مستشفى معهد محكمة ميناء فندق ملعب مسجد كنيسة ساحة شارع جسر سد")
_PRAYER_WORDS = _words("صلاة صلاه أذان اذان الصلاة")
# Words after which a name that is also an everyday word is a place: prepositions, directions,
# and the nouns of a state.
_PLACE_CONTEXT = frozenset(
    bare(w)
    for w in _words(
        "في إلى الى من عن على مع بين حول داخل خارج نحو لدى عبر ضد مثل "
        "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي حكومة رئيس جيش دولة جمهورية سلطات عاصمة حدود "
        "سفير سفارة شعب أراضي أرض بلاد وزير وزارة قوات رئيسة"
    )
)
_FORMER = _words("السابق السابقة الأسبق السابقين")
# Royal and princely titles: the one word after them is a name even when the article never
# gives a longer form ("الملك عبدالله"، "الشيخ تميم").
_ROYAL = _words("الملك ملك العاهل الأمير أمير الشيخ السلطان سلطان")
# Regnal ordinals close a monarch's name: عبدالله الثاني، محمد السادس.
_REGNAL = _words("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")
_NAME_STOP = _words(
    "قال قالت يقول تقول إن أن إنه أنه إنها أنها الذي التي الذين يوم خلال في من على إلى عن مع بعد قبل لدى حول أمس "
    "هو هي كان كانت أو و ثم حيث عندما لكن بين منذ حتى إذ إذا ما لا لم لن قد كما وقال وقالت وأضاف "
    "وأضافت أضاف أضافت أيضا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
)


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    norm: str
    offsets: tuple[int, ...]  # display offset (within the token) of each normalized char
    word: bool


@dataclass(slots=True)
class Mention:
    sent: int
    i: int  # first token (sentence-local)
    j: int  # after the last token
    start: int
    end: int
    type: str
    entry: Entry | None = None
    source: str = "gazetteer"
    rule: str | None = None
    role: str | None = None
    country: str | None = None
    org_actor: str | None = None
    words: tuple[str, ...] = ()  # normalized words of the surface, article kept
    surface: str = ""  # display text
    tentative: bool = False
    former: bool = False  # introduced as a former office holder
    entity_id: str | None = None
    cluster: Cluster | None = None


@dataclass(slots=True)
class Cluster:
    id: str
    type: str
    entry: Entry | None
    name: str
    mentions: list[Mention] = field(default_factory=list)
    short_forms: set[str] = field(default_factory=set)
    family_forms: set[str] = field(default_factory=set)  # short forms that open a name (كيم)
    full_count: int = 0


@lru_cache(maxsize=200_000)
def _norm_token(text: str) -> tuple[str, tuple[int, ...]]:
    nt = normalize_with_map(text)
    return nt.text, nt.offsets


def _sentence_tokens(text: str, start: int, end: int, layer: list[Span] | None = None) -> list[Tok]:
    """Tokens of one sentence, from the tokens layer when segment made one."""
    if layer is not None:
        spans = [(t.start, t.end, t.label) for t in layer]
    else:
        spans = [(t.start, t.end, t.kind) for t in tokenize(text, start, end)]
    out = []
    for s, e, kind in spans:
        piece = text[s:e]
        norm, offs = _norm_token(piece)
        out.append(Tok(s, e, piece, norm, offs, kind in ("word", "abbr")))
    return out


def _tokens_by_sentence(sentences: list[Span], tokens: list[Span]) -> list[list[Span]]:
    out: list[list[Span]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    k = 0
    for t in sorted(tokens, key=lambda t: t.start):
        while k + 1 < len(starts) and t.start >= starts[k + 1]:
            k += 1
        if sentences and sentences[k].start <= t.start and t.end <= sentences[k].end:
            out[k].append(t)
    return out


def _display_start(tok: Tok, norm_index: int) -> int:
    if norm_index <= 0 or not tok.offsets:
        return tok.start
    if tok.norm[norm_index - 1 : norm_index + 1] == "لل":
        # "للأمم المتحدة": ل + the article written without its alif; no span inside the token is the
        # name as written, so the mention is the whole token
        return tok.start
    return tok.start + tok.offsets[min(norm_index, len(tok.offsets) - 1)]


# The CRF tagger finds people the gazetteer and titles miss, at several times the cost of
# everything else here; MARSAD_NER=0 (or USE_NER = False) runs on the gazetteer alone.
USE_NER = os.environ.get("MARSAD_NER", "1") not in ("0", "off", "no")


def _ner_available() -> bool:
    if not USE_NER:
        return False
    try:
        from marsad.entities import ner
    except Exception:
        return False
    try:
        return bool(ner.model_available())
    except Exception:
        return False


@lru_cache(maxsize=1)
def _known_name_tokens() -> frozenset[str]:
    g = load()
    toks = {bare(w) for e in g.entries if e.type == "PER" for v in e.variants for w in v.split()}
    return frozenset(toks) | frozenset(name_glosses())


class _ArticleEntities:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.gaz = load()
        self.date = article.published
        sents = article.layers.get("sentences") or [Span(s, e, "sentence") for s, e in split_sentences(self.text)]
        tokens = article.layers.get("tokens")
        if tokens and article.layers.get("sentences"):
            grouped = _tokens_by_sentence(sents, tokens)
            self.sentences = [_sentence_tokens(self.text, s.start, s.end, g) for s, g in zip(sents, grouped, strict=True)]
        else:
            self.sentences = [_sentence_tokens(self.text, s.start, s.end) for s in sents]
        self.mentions: list[Mention] = []
        self.covered: list[list[Mention | None]] = [[None] * len(toks) for toks in self.sentences]

    # --- bookkeeping -------------------------------------------------------
    def _add(self, m: Mention) -> Mention:
        toks = self.sentences[m.sent]
        m.words = tuple(t.norm for t in toks[m.i : m.j])
        m.surface = self.text[m.start : m.end]
        self.mentions.append(m)
        for k in range(m.i, m.j):
            self.covered[m.sent][k] = m
        return m

    def _free(self, s: int, i: int, j: int) -> bool:
        return all(self.covered[s][k] is None for k in range(i, j))

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

    # --- 2. organisations from head + nationality ----------------------------
    def org_patterns(self) -> None:
        for s, toks in enumerate(self.sentences):
            norms = [t.norm for t in toks]
            for i in range(len(toks)):
                if not toks[i].word or self.covered[s][i] is not None:
                    continue
                head = _phrase_at(actors.ORG_HEADS, toks, i)
                if head is None or (i > 0 and _phrase_at(actors.PERSON_TITLES, toks, i - 1) is not None):
                    continue  # "وزير الخارجية الروسي" is a person's title, not the ministry
                role, n, offset = head
                k = i + n
                while k < len(toks) and k - i < n + 3 and bare(norms[k]) in actors.PORTFOLIOS:
                    k += 1
                nat = actors.nationality_at(norms, k)
                if nat is None or not self._free(s, i, k + nat[1]):
                    continue
                country, used = nat
                j = k + used
                m = Mention(s, i, j, _display_start(toks[i], offset), toks[j - 1].end, "ORG", rule="org-pattern")
                m.country, m.role = country, role or None
                self._add(m)

    # --- 3. titles ---------------------------------------------------------
    def titles(self) -> None:
        for s, toks in enumerate(self.sentences):
            norms = [t.norm for t in toks]
            i = 0
            while i < len(toks):
                title = _phrase_at(actors.PERSON_TITLES, toks, i) if toks[i].word else None
                if title is None or (self.covered[s][i] is not None and self.covered[s][i].type != "PER"):
                    i += 1
                    continue
                role, n, offset = title
                country: str | None = None
                org_actor: str | None = None
                head_role: str | None = None
                listed_after: str | None = None
                prev = self.covered[s][i - 1] if i > 0 else None
                if offset and toks[i].norm.startswith("و") and prev is not None and prev.type == "PER":
                    # "المارشال ... باك جونغ تشون ومدير ... جو تشون ريونغ": one delegation, one country
                    listed_after = prev.country or (prev.entry.country if prev.entry is not None else None)
                k = i + n
                skipped = 0
                former = False
                while k < len(toks) and skipped < 7:
                    tok = toks[k]
                    cov = self.covered[s][k]
                    if not tok.word:
                        break
                    if cov is not None:
                        if cov.type == "PER":
                            break
                        if cov.type in ("ORG",):
                            org_actor = org_actor or self._actor_of_mention(cov)
                        elif cov.type == "GPE" and cov.entry is not None and cov.entry.kind == "country":
                            country = country or cov.entry.country
                        k = cov.j
                        skipped += 1
                        continue
                    nat = actors.nationality_at(norms, k)
                    if nat is not None:
                        country = country or nat[0]
                        k += nat[1]
                        skipped += 1
                        continue
                    b = bare(tok.norm)
                    if tok.norm in _FORMER:
                        former = True  # "الرئيس الأمريكي السابق": the country stays, the office does not
                    head = _phrase_at(actors.ORG_HEADS, toks, k)
                    if head is not None:
                        head_role = head_role or head[0] or None
                    if tok.norm in _NAME_STOP and tok.norm not in _LINKERS:
                        break
                    if tok.norm in _BUILDINGS:
                        # "المتحدث باسم قصر باكنغهام": the word after a building is its name, not a person's
                        k += 1 if k + 1 < len(toks) and _definite(toks[k + 1].norm) else 2
                        skipped += 1
                        continue
                    if (
                        head is not None
                        or tok.norm in _HONORIFICS
                        or _definite(tok.norm)
                        or tok.norm in _LINKERS
                        or b in actors.PORTFOLIOS
                        or (tok.norm in common_words() and b not in _known_name_tokens())
                    ):
                        k += 1
                        skipped += 1
                        continue
                    break
                # the name: a run of bare, uncommon words; a first word behind a preposition that
                # continues a definite phrase ("المعهد العالمي لدراسات") is the phrase, not a name
                j = k
                if (
                    k < len(toks)
                    and k > 0
                    and len(clitic_forms(toks[k].norm)) > 1
                    and bare(toks[k].norm) not in _known_name_tokens()
                    and _definite(toks[k - 1].norm)
                    and actors.nationality_at(norms, k - 1) is None
                ):
                    blocked = True
                else:
                    blocked = False
                while not blocked and j < len(toks) and j - k < 6 and toks[j].word and self.covered[s][j] is None:
                    w = toks[j].norm
                    if j > k and toks[j - 1].norm in _COMPOUND_HEADS and w.startswith("ال") and w not in _NAME_STOP:
                        j += 1  # عبد الرحمن, أبو الغيط: the article belongs to the compound
                        continue
                    if (
                        j > k
                        and w.startswith("ال")
                        and bare(toks[k].norm) in arabic_names()
                        and w not in common_words()
                        and actors.nationality_at(norms, j) is None
                    ):
                        j += 1  # حسين الزبيدي, عمر البشير: an Arabic name closes on a family name with ال
                        break
                    if w in _NAME_STOP or w in _HONORIFICS or w in _BUILDINGS or _definite(w):
                        break
                    if _phrase_at(actors.PERSON_TITLES, toks, j) is not None:
                        break
                    if j - k >= 3 and w not in _CONNECTORS and toks[j - 1].norm not in _CONNECTORS:
                        break  # long runs only through بن / عبد chains
                    if any(bare(f) in common_words() and bare(f) not in _known_name_tokens()
                           for f, _ in clitic_forms(w)):
                        break
                    j += 1
                while j > k and toks[j - 1].norm in _CONNECTORS:
                    j -= 1  # "سعود بن" + فيصل...: a name does not end on a connector
                royal = k > 0 and toks[k - 1].norm in _ROYAL
                if j > k and royal and j < len(toks) and toks[j].norm in _REGNAL and self.covered[s][j] is None:
                    j += 1
                target: Mention | None = None
                if j > k and toks[k].norm in _CONNECTORS and toks[k].norm not in _COMPOUND_HEADS:
                    j = k
                if j > k:
                    target = self._add(
                        Mention(s, k, j, toks[k].start, toks[j - 1].end, "PER", source="gazetteer", rule="title")
                    )
                    # one unknown word after a title ("الزعيم ... كامل") is a name only if it
                    # is the short form of a full name in this article
                    target.tentative = j - k == 1 and not royal
                elif k < len(toks) and (cov := self.covered[s][k]) is not None and cov.type == "PER":
                    target = cov
                if target is not None:
                    if former:
                        target.former = True
                    elif not target.former:
                        target.role = target.role or role or head_role
                    target.country = target.country or country or listed_after or self._apposed_country(s, toks, target.j)
                    target.org_actor = target.org_actor or org_actor
                    i = max(i + 1, target.j)
                else:
                    i += 1

    def _apposed_country(self, s: int, toks: list[Tok], j: int) -> str | None:
        """The country of a title in apposition after a name: "هيثم بن طارق سلطان عمان",
        "فيصل بن فرحان وزير الخارجية السعودي"."""
        if j >= len(toks) or _phrase_at(actors.PERSON_TITLES, toks, j) is None:
            return None
        norms = [t.norm for t in toks]
        for k in range(j + 1, min(len(toks), j + 5)):
            cov = self.covered[s][k]
            if cov is not None:
                if cov.type == "GPE" and cov.entry is not None and cov.entry.kind == "country":
                    return cov.entry.country
                return None
            nat = actors.nationality_at(norms, k)
            if nat is not None:
                return nat[0]
            if not toks[k].word or (k > j + 1 and not _definite(toks[k].norm)):
                return None
        return None

    # --- 4. NER --------------------------------------------------------------
    def ner(self) -> None:
        if not _ner_available():
            return
        from marsad.entities import ner

        idx = [s for s, toks in enumerate(self.sentences) if toks]
        try:
            tags = ner.tag_sentences([[t.text for t in self.sentences[s]] for s in idx])
        except Exception as exc:  # the gazetteer still stands
            self.article.warn(f"entities: NER failed: {type(exc).__name__}: {exc}")
            return
        for s, sent_tags in zip(idx, tags, strict=False):
            toks = self.sentences[s]
            norms = [t.norm for t in toks]
            for i, j, label in _bio_spans(sent_tags):
                typ = NER_TYPES.get(label)
                if typ is None or j > len(toks):
                    continue
                overlapping = {id(m): m for k in range(i, j) if (m := self.covered[s][k]) is not None}
                if overlapping:
                    for m in overlapping.values():
                        if m.source == "gazetteer" and m.rule is None:
                            m.source = "both"
                        elif m.rule == "title" and typ == "PER":
                            m.source = "ner"
                    continue
                if typ == "MISC" and _measure_phrase(norms[i:j]):
                    continue  # "دولار", "الجنيه المصري": currencies and units are not entities here
                offset = _name_offset(toks[i])
                self._add(Mention(s, i, j, _display_start(toks[i], offset), toks[j - 1].end, typ, source="ner"))

    # --- 5. clusters and short names -----------------------------------------
    def cluster(self) -> dict[str, Cluster]:
        clusters: dict[str, Cluster] = {}
        ordered = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        short_pending: list[Mention] = []
        for m in ordered:
            surface = self.text[m.start : m.end]
            if m.entry is not None:
                cid = m.entry.id
                c = clusters.get(cid) or Cluster(cid, m.entry.type, m.entry, m.entry.name)
                clusters[cid] = c
                self._join(c, m, full=len(m.words) >= 2 or m.entry.type != "PER")
                if m.entry.type == "PER":
                    self._add_short_forms(c, m.surface)
                continue
            if m.rule == "org-pattern":
                named = self._apposed_org(m)
                if named is not None and named.entry is not None:
                    c = clusters.get(named.entry.id) or Cluster(named.entry.id, "ORG", named.entry, named.entry.name)
                    clusters[named.entry.id] = c
                    self._join(c, m, full=True)
                    continue
                cid = _org_id(m)
                c = clusters.get(cid) or Cluster(cid, "ORG", None, _org_name(surface))
                if len(surface) > len(c.name):
                    c.name = _org_name(surface)
                clusters[cid] = c
                self._join(c, m, full=True)
                continue
            if m.type == "PER" and len(m.words) == 1:
                short_pending.append(m)
                continue
            c = None
            if m.type == "PER":
                c = next((c for c in clusters.values() if c.type == "PER" and _same_person(c, surface)), None)
            if c is None:
                cid = f"{m.type.lower()}:k-{_hash(id_key(surface))}"
                c = clusters.get(cid) or Cluster(cid, m.type, None, surface)
                clusters[cid] = c
            self._join(c, m, full=True)
            if m.type == "PER":
                self._add_short_forms(c, surface)
        # single-word person mentions and bare tokens that fit a full name in this article
        for m in short_pending:
            c = self._resolve_short(clusters, normalize(m.surface), m.start)
            if c is None and m.tentative:
                self.mentions.remove(m)
                self.covered[m.sent][m.i] = None
                continue
            if c is None:
                cid = f"per:k-{_hash(id_key(self.text[m.start : m.end]))}"
                c = clusters.get(cid) or Cluster(cid, "PER", None, self.text[m.start : m.end])
                clusters[cid] = c
            self._join(c, m, full=False)
        self._short_mentions(clusters)
        return clusters

    def _apposed_org(self, m: Mention) -> Mention | None:
        """The named organisation right after a described one: وكالة الأنباء الروسية "ريا نوفوستي"."""
        toks = self.sentences[m.sent]
        k = m.j
        while k < len(toks) and not toks[k].word and toks[k].text in "\"'«»“”(":
            k += 1
        nxt = self.covered[m.sent][k] if k < len(toks) else None
        if nxt is not None and nxt.i == k and nxt.type == "ORG" and nxt.entry is not None:
            if actors.split_code(_entry_actor(nxt.entry, self.date))[1] == m.role:
                return nxt
        return None

    def _join(self, c: Cluster, m: Mention, full: bool) -> None:
        c.mentions.append(m)
        m.cluster = c
        m.entity_id = c.id
        if full:
            c.full_count += 1

    @staticmethod
    def _add_short_forms(c: Cluster, name: str) -> None:
        words = normalize(name).split()
        if len(words) < 2 or any(w in _PATRONYMIC for w in words) or words[-1] in _CONNECTORS:
            return  # "محمد بن سلمان": the last word is the father's name, the first is too common
        if len(words) >= 3 and all(len(w) <= 4 for w in words):
            form = words[0]  # family name first: كيم جونغ أون, تشوي سون هوي
        else:
            form = words[-1]
        if (
            len(form) >= 3
            and form not in _NAME_STOP
            and form not in _CONNECTORS
            and form not in _HONORIFICS
            and (form not in common_words() or form in _known_name_tokens())
            and bare(form) not in _place_words()
            and (form == bare(form) or bare(form) in _known_name_tokens())  # الفيصل yes, الحرمين no
        ):
            c.short_forms.add(form)
            if form == words[0]:
                c.family_forms.add(form)

    def _resolve_short(self, clusters: dict[str, Cluster], word: str, pos: int) -> Cluster | None:
        if len(word) < 2:
            return None
        cands = []
        for c in clusters.values():
            if c.type != "PER" or not c.short_forms:
                continue
            if any(
                word == f
                or (len(token_key(word)) >= 5 and token_key(word) == token_key(f) and not _distinct_names(word, f))
                for f in c.short_forms
            ):
                cands.append(c)
        if not cands:
            return None

        def salience(c: Cluster) -> tuple[int, int]:
            before = [m.start for m in c.mentions if m.start < pos]
            return c.full_count + len(c.mentions), max(before) if before else -1

        return max(cands, key=salience)

    def _short_mentions(self, clusters: dict[str, Cluster]) -> None:
        forms = {f for c in clusters.values() if c.type == "PER" for f in c.short_forms}
        if not forms:
            return
        form_keys = {token_key(f): f for f in forms if len(token_key(f)) >= 5}
        family = {f for c in clusters.values() if c.type == "PER" for f in c.family_forms}
        for s, toks in enumerate(self.sentences):
            for i, tok in enumerate(toks):
                if not tok.word or self.covered[s][i] is not None:
                    continue
                for form, offset in clitic_forms(tok.norm):
                    b = form
                    if b not in forms:
                        near = form_keys.get(token_key(b))
                        if near is None or (b.startswith("ال") != near.startswith("ال")) or _distinct_names(b, near):
                            continue
                    if b in common_words() and b not in _known_name_tokens():
                        continue
                    start = _display_start(tok, offset)
                    run = i + 1
                    while run < len(toks) and run - i <= 3 and self.covered[s][run] is None and _name_like(toks[run]):
                        run += 1
                    if run > i + 1 and offset == 0 and b in family:
                        # "كيم تشول سو": the family name opens another person's full name
                        surface = self.text[tok.start : toks[run - 1].end]
                        c = next((c for c in clusters.values() if c.type == "PER" and _same_person(c, surface)), None)
                        if c is None:
                            cid = f"per:k-{_hash(id_key(surface))}"
                            c = clusters.get(cid) or Cluster(cid, "PER", None, surface)
                            clusters[cid] = c
                        m = self._add(Mention(s, i, run, tok.start, toks[run - 1].end, "PER", rule="name"))
                        self._join(c, m, full=True)
                        break
                    c = self._resolve_short(clusters, b, start)
                    if c is not None:
                        m = self._add(Mention(s, i, i + 1, start, tok.end, "PER", rule="short-name"))
                        self._join(c, m, full=False)
                    break

    # --- 6. codes --------------------------------------------------------------
    def _actor_of_mention(self, m: Mention) -> str | None:
        if m.entry is not None:
            return _entry_actor(m.entry, self.date)
        if m.country or m.role:
            return (m.country or "") + (m.role or "") or None
        return None

    def spans(self) -> list[Span]:
        clusters = self.cluster()
        out = []
        for c in clusters.values():
            actor, country, role = self._cluster_codes(c)
            name_en = c.entry.name_en if c.entry is not None else None
            if name_en is None and c.type == "PER":
                name_en = _gloss_name(c.entry.name if c.entry is not None else c.name)
            display = c.entry.name if c.entry is not None and c.entry.source != "petrarch" else _display_name(c)
            for m in c.mentions:
                attrs = {
                    "type": c.type,
                    "entity_id": c.id,
                    "name": display,
                    "name_en": name_en,
                    "actor": actor,
                    "country": country,
                    "role": role,
                    "source": m.source,
                }
                if m.rule:
                    attrs["rule"] = m.rule
                out.append(Span(m.start, m.end, c.type, attrs))
        return out

    def _cluster_codes(self, c: Cluster) -> tuple[str | None, str | None, str | None]:
        if c.entry is not None:
            actor = _entry_actor(c.entry, self.date)
            country, role = actors.split_code(actor)
            if c.entry.type in ("GPE", "LOC"):
                return actor, country or c.entry.country, None
            if c.entry.type == "PER" and (actor is None or role is None) and not any(m.former for m in c.mentions):
                # a title in this article may say more than the gazetteer's dates
                t_country, t_role = _title_context(c)
                if t_role and (country is None or t_country in (None, country)):
                    country = country or t_country
                    role = t_role
                    actor = (country or "") + t_role
            return actor, country or (c.entry.country if c.entry.type != "ORG" else None), role
        country, role = _title_context(c)
        org_actor = next((m.org_actor for m in c.mentions if m.org_actor), None)
        if c.type == "PER" and org_actor and not (country and role):
            o_country, o_role = actors.split_code(org_actor)
            country = country or o_country
            role = role or o_role
        if c.type in ("GPE", "LOC"):
            return country, country, None
        actor = ((country or "") + (role or "")) or None
        return actor, country, role


def _title_context(c: Cluster) -> tuple[str | None, str | None]:
    countries = Counter(m.country for m in c.mentions if m.country)
    roles = Counter(m.role for m in c.mentions if m.role)
    return (
        countries.most_common(1)[0][0] if countries else None,
        roles.most_common(1)[0][0] if roles else None,
    )


def _entry_actor(entry: Entry, date: str | None) -> str | None:
    return actors.code_at(entry.codes, date)


def _same_person(c: Cluster, surface: str) -> bool:
    names = [c.name] + ([*c.entry.variants] if c.entry is not None else [])
    names += [" ".join(m.words) for m in c.mentions if len(m.words) >= 2]
    return any(same_name(surface, n) for n in names)


def same_name(a: str, b: str) -> bool:
    """Variant spellings of one name, unless a word pair is two different known names (حسن / حسين)."""
    wa, wb = name_words(a), name_words(b)
    if not names_match(" ".join(wa), " ".join(wb)):
        return False
    return not any(_distinct_names(x, y) for x, y in zip(wa, wb, strict=False))


def _display_name(c: Cluster) -> str:
    full = [m for m in c.mentions if len(m.words) >= 2] or c.mentions
    counts = Counter(" ".join(m.surface.split()) for m in full)
    return max(counts, key=lambda s: (counts[s], len(s))) if counts else c.name


def _gloss_name(name: str) -> str | None:
    glosses = name_glosses()
    parts = [glosses.get(bare(w)) or glosses.get(w) for w in name.split()]
    return " ".join(p for p in parts if p) if parts and all(parts) else None


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


_MINISTRY = token_key("وزارة")


def _org_id(m: Mention) -> str:
    words = normalize(m.surface).split()
    two = actors.nationality_at(words, len(words) - 2) if len(words) >= 3 else None
    nat_len = 2 if two is not None and two[1] == 2 else 1
    keys = [token_key(w) for w in words[:-nat_len] if token_key(w) != _MINISTRY]
    sig = " ".join(keys)
    return f"org:{(m.country or 'x').lower()}{(m.role or '').lower()}-{_hash(sig)[:8]}"


def _org_name(surface: str) -> str:
    words = normalize(surface).split()
    if words and bare(words[0]) in _SHORT_MINISTRIES:
        return "وزارة " + " ".join(surface.split())
    return " ".join(surface.split())


_SHORT_MINISTRIES = frozenset(bare(w) for w in _words("الخارجية الداخلية الدفاع"))


_TABLES = {id(t): t for t in (actors.PERSON_TITLES, actors.ORG_HEADS, actors.GROUP_TITLES)}


@lru_cache(maxsize=8)
def _first_words(table_id: int) -> frozenset[str]:
    return frozenset(k[0] for k in _TABLES[table_id])


def _phrase_at(table: dict[tuple[str, ...], str], toks: list[Tok], i: int) -> tuple[str, int, int] | None:
    """(role, tokens, start offset in the first token) of the longest table phrase at ``toks[i]``."""
    firsts = _first_words(id(table))
    for form, offset in clitic_forms(toks[i].norm):
        first = bare(form)
        if first not in firsts:
            continue
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            key = (first, *(bare(t.norm) for t in toks[i + 1 : i + n]))
            if key in table:
                role = table[key]
                if not role and n == 1 and form.startswith("ال") and table is actors.PERSON_TITLES:
                    role = actors.DEFINITE_TITLES.get(key, role)
                return role, n, offset
    return None


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """One-word names of places and organisations: never a short form of a person."""
    return frozenset(
        bare(v) for e in load().entries if e.type != "PER" for v in e.variants if len(v.split()) == 1
    )


def name_words(name: str) -> list[str]:
    """Normalized words of a name with compounds written one way: عبد الرحمن → عبدالرحمن, ابن → بن."""
    out: list[str] = []
    for w in normalize(name).split():
        if out and out[-1] in _COMPOUND_HEADS:
            out[-1] += w
        else:
            out.append("بن" if w == "ابن" and out else w)
    return out


def id_key(name: str) -> str:
    """The variant key of a name for ids, keeping known Arabic given names as spelled (حسن ≠ حسين)."""
    known = arabic_names()
    return " ".join(letter_fold(w) if bare(w) in known else token_key(w) for w in name_words(name))


def _distinct_names(a: str, b: str) -> bool:
    """Two different spellings that are both known names (سلمان / سليمان, حسن / حسين) name different people."""
    a, b = bare(a), bare(b)
    known = arabic_names()
    return a != b and a in known and b in known and letter_fold(a) != letter_fold(b)


def _name_like(tok: Tok) -> bool:
    """A word that can continue a name: no article, not a function word, not an everyday word."""
    w = tok.norm
    if not tok.word or w in _NAME_STOP or _definite(w):
        return False
    return not any(bare(f) in common_words() and bare(f) not in _known_name_tokens() for f, _ in clitic_forms(w))


def _definite(word: str) -> bool:
    """The word carries the article, possibly behind clitics (المشكلات, للمشكلات, وبالحرب)."""
    return any(form.startswith("ال") and len(form) > 3 for form, _ in clitic_forms(word))


# Currencies and units of measure (singular, dual and plural forms as written in news).
_MEASURES = frozenset(
    bare(w)
    for w in _words(
        "دولار دولارا دولارات دولارين يورو جنيه جنيها جنيهات ريال ريالا ريالات درهم دراهم دينار دينارا دنانير "
        "ليرة ليرات روبل روبلات ين يوان روبية روبيات شيكل شيقل شلن شلنات فرنك فرنكات بيزو وون بيتكوين "
        "برميل براميل طن أطنان كيلومتر كيلومترات كلم كيلوغرام كيلوغرامات كيلو ميل أميال متر أمتار "
        "ميغاوات جيجاوات كيلوواط هكتار هكتارات قدم أقدام سنتيمتر مليمتر درجة مئوية فهرنهايت"
    )
)


def _measure_phrase(words: list[str]) -> bool:
    """Currency or unit words, possibly with a nationality adjective (الدولار الأمريكي, الريال السعودي)."""
    if not words:
        return False
    k = 0
    seen_measure = False
    while k < len(words):
        if any(bare(f) in _MEASURES for f, _ in clitic_forms(words[k])):
            seen_measure = True
            k += 1
            continue
        nat = actors.nationality_at(words, k)
        if nat is None or not seen_measure:
            return False
        k += nat[1]
    return seen_measure


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start, label = None, None
    for k, tag in enumerate([*tags, "O"]):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start is not None and label is not None:
                spans.append((start, k, label))
            start, label = (k, tag[2:]) if tag != "O" else (None, None)
    return spans


def _name_offset(tok: Tok) -> int:
    """Where a NER name starts inside its first token: after a conjunction or preposition."""
    forms = clitic_forms(tok.norm)
    known = _known_name_tokens()
    for form, offset in forms[1:]:
        if bare(form) in known or form.startswith("ال"):
            return offset
    return forms[1][1] if len(forms) > 1 and tok.norm[0] == "و" and len(tok.norm) > 4 else 0


def annotate(article: Article, use_ner: bool | None = None) -> Article:
    """Add the ``entities`` layer (see the module docstring for the span convention).

    ``use_ner=False`` skips the NER model (phrase lookups do); None means "when available".
    """
    try:
        work = _ArticleEntities(article)
    except Exception as exc:  # a missing resource must not stop the batch
        article.warn(f"entities: {type(exc).__name__}: {exc}")
        article.layers["entities"] = []
        return article
    work.gazetteer()
    work.org_patterns()
    work.titles()
    if use_ner is not False:
        work.ner()
    article.set_layer("entities", work.spans())
    return article



def describe(text: str, date: str | None = None) -> dict[str, str | None]:
    """Actor code of a description without a name: "وزير الخارجية الروسي" → RUSGOV,
    "المتحدث باسم الكرملين" → RUSGOV, "الجيش الأوكراني" → UKRMIL, "مسؤولون أمريكيون" → USA.

    Roles come from titles and institution heads, countries from nationality adjectives
    and from the places and institutions named in the phrase.
    """
    art = Article(text=" ".join(text.split()), published=date)
    work = _ArticleEntities(art)
    work.gazetteer()
    work.org_patterns()
    role: str | None = None
    country: str | None = None
    org_actor: str | None = None
    for s, toks in enumerate(work.sentences):
        norms = [t.norm for t in toks]
        k = 0
        while k < len(toks):
            cov = work.covered[s][k]
            if cov is not None:
                actor = work._actor_of_mention(cov)
                if cov.type in ("ORG", "PER") and actor:
                    org_actor = org_actor or actor
                elif cov.type == "GPE" and actor:
                    country = country or actor[:3]
                k = cov.j
                continue
            found = (
                _phrase_at(actors.PERSON_TITLES, toks, k)
                or _phrase_at(actors.GROUP_TITLES, toks, k)
                or _phrase_at(actors.ORG_HEADS, toks, k)
            )
            if found is not None:
                role = role or found[0] or None
                k += found[1]
                continue
            nat = actors.nationality_at(norms, k) or _plural_nationality(norms[k])
            if nat is not None:
                country = country or nat[0]
                k += nat[1]
                continue
            k += 1
    if org_actor and not (country and role):
        o_country, o_role = actors.split_code(org_actor)
        country = country or o_country
        role = role or o_role
    actor = ((country or "") + (role or "")) or None
    return {"actor": actor, "country": country, "role": role}


def _plural_nationality(word: str) -> tuple[str, int] | None:
    """"أمريكيون", "الروس"-style plurals are too many to list; the -يون/-يين forms fold to the adjective."""
    b = bare(word)
    for suffix in ("يون", "يين"):
        if b.endswith(suffix) and len(b) > 5:
            return actors.nationality_at([b[: -len(suffix)] + "ي"], 0)
    return None

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

Steps 1, 2-3 and 5 live in ``gazetteer_match``, ``title_rules`` and ``clustering``; this module
runs them, merges NER (4, reading tags with ``ner_spans``) and assembles the spans (6).
"""

from __future__ import annotations

import os
from collections import Counter

from marsad.document import Article, Span
from marsad.entities import actors
from marsad.entities.clustering import _Clustering
from marsad.entities.gazetteer import bare
from marsad.entities.gazetteer_match import _GazetteerMatching
from marsad.entities.model import Cluster, Mention
from marsad.entities.names import _display_name, _gloss_name, id_key, name_words, same_name
from marsad.entities.ner_spans import NER_TYPES, _bio_spans, _measure_phrase, _name_offset
from marsad.entities.state import _entry_actor
from marsad.entities.title_rules import _phrase_at, _TitleRules
from marsad.entities.tokens import Tok, _display_start

__all__ = ["USE_NER", "NER_TYPES", "Cluster", "Mention", "Tok", "annotate", "describe", "id_key", "name_words", "same_name"]


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


class _ArticleEntities(_GazetteerMatching, _TitleRules, _Clustering):
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

    # --- 6. spans and codes -----------------------------------------------------
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

"""Steps 2 and 3: organisations from a head, portfolio and nationality adjective, and titles that
code the name after them or introduce a person the gazetteer does not know.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.entities import actors
from marsad.entities.gazetteer import arabic_names, bare, clitic_forms, common_words
from marsad.entities.model import Mention
from marsad.entities.state import _ArticleState
from marsad.entities.tokens import Tok, _display_start
from marsad.entities.wordlists import (
    _BUILDINGS,
    _COMPOUND_HEADS,
    _CONNECTORS,
    _FORMER,
    _HONORIFICS,
    _LINKERS,
    _MID_NAME_HONORIFICS,
    _NAME_STOP,
    _REGNAL,
    _ROYAL,
    _definite,
    _known_name_tokens,
)


class _TitleRules(_ArticleState):
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
                    if j > k and w in _MID_NAME_HONORIFICS and j + 1 < len(toks) and toks[j + 1].word \
                            and not _definite(toks[j + 1].norm):
                        j += 1  # حسن شيخ محمود, شريف شيخ أحمد: inside a name, شيخ is a name part
                        continue
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

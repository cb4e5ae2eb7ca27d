"""Step 5: within-article clustering: one cluster per entity, unknown full names unified by
variant match, short names resolved to the most salient full name, and ids for described
organisations.
"""

from __future__ import annotations

from marsad.clean.normalize import normalize
from marsad.entities import actors
from marsad.entities.gazetteer import bare, clitic_forms, common_words
from marsad.entities.model import Cluster, Mention
from marsad.entities.names import _distinct_names, _hash, _same_person, id_key
from marsad.entities.state import _ArticleState, _entry_actor
from marsad.entities.tokens import _display_start
from marsad.entities.variants import token_key
from marsad.entities.wordlists import (
    _CONNECTORS,
    _HONORIFICS,
    _NAME_STOP,
    _PATRONYMIC,
    _known_name_tokens,
    _name_like,
    _place_words,
    _words,
)


class _Clustering(_ArticleState):
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

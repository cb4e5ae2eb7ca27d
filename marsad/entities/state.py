"""The per-article working state that every entity step shares, and an entry's actor code on a date."""

from __future__ import annotations

from marsad.document import Article, Span
from marsad.entities import actors
from marsad.entities.gazetteer import Entry, load
from marsad.entities.model import Mention
from marsad.entities.tokens import _sentence_tokens, _tokens_by_sentence
from marsad.segment import split_sentences


class _ArticleState:
    """The working state every entity step shares: the article's tokens per sentence, the mentions
    found so far, and which mention covers each token."""

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

    # --- 6. codes --------------------------------------------------------------
    def _actor_of_mention(self, m: Mention) -> str | None:
        if m.entry is not None:
            return _entry_actor(m.entry, self.date)
        if m.country or m.role:
            return (m.country or "") + (m.role or "") or None
        return None


def _entry_actor(entry: Entry, date: str | None) -> str | None:
    return actors.code_at(entry.codes, date)

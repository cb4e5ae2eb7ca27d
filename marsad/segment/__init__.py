"""Sentences and tokens with character offsets into the display text."""

from marsad.segment.clitics import split_clitics
from marsad.segment.sentences import split_sentences
from marsad.segment.tokens import Token, tokenize

__all__ = ["Token", "tokenize", "split_sentences", "split_clitics", "segment"]

from marsad.document import Article, Span


def segment(article: Article, with_tokens: bool = True) -> Article:
    """Add the ``sentences`` (and ``tokens``) layers."""
    text = article.text
    sentences = [Span(s, e, "sentence") for s, e in split_sentences(text)]
    article.layers["sentences"] = sentences
    if with_tokens:
        article.layers["tokens"] = [Span(t.start, t.end, t.kind) for t in tokenize(text)]
    return article

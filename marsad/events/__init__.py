"""Stage placeholder: filled in by its issue."""

from marsad.document import Article


def annotate(article: Article) -> Article:
    return article

"""Attribution: who said what, and according to whom.

``annotate(article)`` adds the ``statements`` layer.  Each statement is a span
over the cue and the content it introduces, with attributes::

    speaker:     {entity_id, name, name_en, actor, type, text, resolved, how[, role, affiliation, antecedent]}
                 how: subject | pre-subject | post-posed | source | pronoun | continuation |
                 quote-continuation | unresolved (then text is the cue itself and resolved is false).
                 "متحدث باسم وزارة X" resolves to the ministry with role "spokesperson"; a title with
                 only a place or body in it ("أمير منطقة X") stays unresolved with that entity as affiliation.
    cue:         {start, end, text, lemma[, medium]}  (medium: بيان، مؤتمر، تصريحات ... when named)
    content:     {start, end, text}
    direct:      the content carries quoted words (the gold convention: a quoted
                 fragment inside reported speech makes the statement direct)
    reported_by: sources, innermost first; the article's wires come last
    polarity:    "asserts" | "denies" | None

The work is per sentence over matching-form tokens (see ``view``): speech cues
(``cues``), their subjects (``speakers``), quotations (``quotes``) and source
clauses (``sources``).  Statements without an explicit subject take the nearest
compatible preceding speaker.
"""

from __future__ import annotations

from marsad.attribution.statements import annotate_statements
from marsad.document import Article


def annotate(article: Article) -> Article:
    try:
        article.set_layer("statements", annotate_statements(article))
    except Exception as exc:  # one odd article must not stop a batch
        article.warn(f"attribution failed: {type(exc).__name__}: {exc}")
        article.set_layer("statements", [])
    return article


__all__ = ["annotate", "annotate_statements"]

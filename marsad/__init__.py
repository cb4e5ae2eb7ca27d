"""Marsad (مرصد): Arabic news to an auditable record of political events."""

from marsad.document import Article, Span

__version__ = "0.1.0"
__all__ = ["Article", "Span", "__version__"]

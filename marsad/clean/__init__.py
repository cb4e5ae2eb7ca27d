"""Cleaning: the faithful display text, junk removed and accounted for, plus the normalized matching form."""

from marsad.clean.cleaner import CleanResult, clean_article, clean_text
from marsad.clean.normalize import normalize, normalize_with_map, tidy_display

__all__ = ["CleanResult", "clean_article", "clean_text", "normalize", "normalize_with_map", "tidy_display"]

"""Which word table serves which language.  A new language is one more entry."""

from __future__ import annotations

from . import words_ar, words_en, words_vi
from .tables import WordTable

TABLES: dict[str, WordTable] = {t.lang: t for t in (words_en.TABLE, words_ar.TABLE, words_vi.TABLE)}


def table_for(lang: str) -> WordTable | None:
    """The table for an ISO 639-1 code (region subtags ignored), None for digits only."""
    return TABLES.get(lang.lower().replace("_", "-").split("-")[0])

"""Which word table serves which language.  A new language is one more entry.

English, Arabic and Vietnamese have tables of their own (number words, ordinals, months).
Every other language CLDR knows gets a table of its month names alone, from babel, so a
German ``5. März 2021`` is a date as ``March 5, 2021`` is; its number words stay unread.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError, localedata
from babel.dates import get_day_names, get_month_names

from . import words_ar, words_en, words_vi
from .tables import WordTable

TABLES: dict[str, WordTable] = {t.lang: t for t in (words_en.TABLE, words_ar.TABLE, words_vi.TABLE)}


def base_code(lang: str) -> str:
    """The ISO 639-1 code of a language tag, region subtags ignored: "ar_EG" and "ar-EG" are "ar"."""
    return lang.lower().replace("_", "-").split("-")[0]


@lru_cache(maxsize=None)
def table_for(lang: str) -> WordTable | None:
    """The table for an ISO 639-1 code (region subtags ignored); None where CLDR does not know it."""
    code = base_code(lang)
    return TABLES.get(code) or _cldr_table(code)


# Languages whose nouns say "one" and "two" by their own form, singular and dual, the numeral
# left out: Arabic "two drummers" is قارعَي طبول, "a child" طفل. A lone 1 or 2 of the other side
# has its counterpart there, unread.
ONE_AND_TWO_BY_FORM = frozenset({"ar"})


def says_one_and_two_by_form(lang: str) -> bool:
    return base_code(lang) in ONE_AND_TWO_BY_FORM


def reads_number_words(lang: str) -> bool:
    table = table_for(lang)
    return table is not None and bool(table.cardinals)


@lru_cache(maxsize=None)
def month_references(lang: str) -> tuple[str, ...]:
    """Phrases that name a month said before ("the same month", "tháng này"): the table's own, and
    CLDR's "this month"."""
    table, code = table_for(lang), base_code(lang)
    own = table.month_references if table is not None else ()
    if not localedata.exists(code):
        return own
    return (*own, localedata.load(code)["date_fields"]["month"]["relative"][0].lower())


def named_weekdays(text: str, lang: str) -> frozenset[int]:
    """The days of the week that ``text`` names (Monday is 0), by CLDR's names, in the plural too
    ("on Tuesdays"), with an Arabic particle written onto them ("والسبت")."""
    pattern = _weekdays_pattern(base_code(lang))
    if pattern is None:
        return frozenset()
    names = weekday_names(lang)
    return frozenset(day for m in pattern.finditer(text) if (day := names.get(m.group(1).lower())) is not None)


@lru_cache(maxsize=None)
def _weekdays_pattern(code: str) -> re.Pattern | None:
    names = sorted(weekday_names(code), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![^\W\d_])(?:[وبل]|وب|ول)?(" + "|".join(map(re.escape, names)) + r")s?(?![^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=None)
def weekday_names(lang: str) -> dict[str, int]:
    """CLDR's names of the days of the week, lowercased, wide and abbreviated, each with its day
    (Monday is 0): "tuesday" and "tue", "thứ ba" and "thứ 3", "الثلاثاء". Names of two letters or
    fewer ("CN", "Mo") are left out: they are words of a text as often."""
    code = base_code(lang)
    if not localedata.exists(code):
        return {}
    names = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for day, name in get_day_names(width, context, code).items():
                if len(name.rstrip(".")) > 2:
                    names[name.lower().rstrip(".")] = day
    return names


def _cldr_table(code: str) -> WordTable | None:
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None

    def names(width: str) -> dict[str, int]:
        found = {}
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context, locale).items():
                found[name.lower().rstrip(".")] = month
        return found

    wide, abbreviated = names("wide"), names("abbreviated")
    short = {name: month for name, month in abbreviated.items() if name not in wide and not name.isdigit()}
    return WordTable(lang=code, cardinals={}, month_names={**wide, **short}, short_months=frozenset(short),
                     scales=GLUED_SCALES.get(code, {}), needs_count=frozenset(GLUED_SCALES.get(code, {})))


# Scale characters written onto the digits: "10万人" is 100,000 people, "3亿美元" 300 million dollars.
GLUED_SCALES = {
    "zh": {"万亿": 10**12, "萬億": 10**12, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "千": 10**3},
    "ja": {"万": 10**4, "億": 10**8, "兆": 10**12, "千": 10**3},
    "ko": {"만": 10**4, "억": 10**8, "조": 10**12, "천": 10**3},
}

"""What a language contributes to the engine: its word table.

Adding a language means writing one module that builds a ``WordTable`` and listing
it in ``languages.py``; nothing in the extractor or the comparison changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterator, Mapping


def _lower(token: str) -> str:
    return token.lower()


def _as_is(token: str) -> Iterator[tuple[str, bool]]:
    yield token, False


@dataclass(frozen=True)
class WordTable:
    """Number words of one language, all keys already passed through ``normalize``.

    ``cardinals`` and ``ordinals`` map a single word to its value; numbers made of
    several words are composed by ``words.find_word_numbers`` from ``multipliers``
    (hundred, Vietnamese ``mươi``: multiply the last word) and ``scales`` (thousand,
    million: multiply everything so far).  ``compound_only`` words are numbers only
    inside a longer number (Vietnamese ``lăm``, ``mốt``), ``needs_count`` scales only
    after a number (``آلاف``, "thousands").
    """

    lang: str
    cardinals: Mapping[str, int]
    ordinals: Mapping[str, int] = field(default_factory=dict)
    multipliers: Mapping[str, int] = field(default_factory=dict)
    scales: Mapping[str, int] = field(default_factory=dict)
    needs_count: frozenset[str] = frozenset()
    # Multipliers that are nouns of quantity or of time spans ("dozen", "decades", Vietnamese
    # "tá"): the count before them is another reading, since a translation may count in the noun
    # ("two centuries" against "hai thế kỷ", "2 tá" against "24").
    quantity_nouns: frozenset[str] = frozenset()
    # Multipliers a translation uses loosely for another -> that other: Vietnamese "một chục" (ten)
    # is how translators say "about a dozen" (12), so "hai chục" is also 24.
    loose_multipliers: Mapping[str, int] = field(default_factory=dict)
    # Scales whose form, alone, is also their dual before a noun -> that dual's value (Arabic مليونا).
    lone_duals: Mapping[str, int] = field(default_factory=dict)
    # Duals of nouns of quantity, which count two of them in one word: Arabic عقدين (two decades) -> 10.
    dual_nouns: Mapping[str, int] = field(default_factory=dict)
    compound_only: frozenset[str] = frozenset()
    joiners: frozenset[str] = frozenset()
    # A count word -> the word linking it to the multiplier or scale it counts: "a couple of
    # hundred" is 200 and "a couple of thousand" 2,000 (while "a couple of days" is two days).
    count_links: Mapping[str, str] = field(default_factory=dict)
    # Unit words that do not follow a round number (a ten, a hundred, a thousand) unless a
    # multiplier follows them: Vietnamese fifteen is "mười lăm" and 105 "một trăm linh năm", so
    # "mười năm" is ten years and "một trăm năm" a hundred years, while "hai trăm năm mươi" is 250.
    not_after_round: frozenset[str] = frozenset()
    # "And a half" after a hundred or a larger scale: Vietnamese "một triệu rưỡi" (1.5 million),
    # "trăm rưỡi" (150), Arabic "مليون ونصف".
    halves: frozenset[str] = frozenset()
    # A share before a scale or a noun of quantity, as the words that say it (normalized, space
    # separated) -> the share: "half a million" (500,000), "half a dozen", Vietnamese "nửa triệu", Arabic
    # "نصف مليون"; "a quarter of a million" (250,000), "ربع مليون".
    parts_before: Mapping[str, Decimal] = field(default_factory=dict)
    # Words that make the following number an ordinal (Vietnamese "thứ").
    ordinal_markers: frozenset[str] = frozenset()
    # Words only meaningful after an ordinal marker ("thứ nhất", "thứ tư").
    after_marker: Mapping[str, int] = field(default_factory=dict)
    # Words that, capitalised after the first word of a number, make it a name: Vietnamese "thứ Hai"
    # is Monday, while "ngày thứ hai" is as often the second day.
    capitalised_names: frozenset[str] = frozenset()
    # The word for one that alone is the indefinite article, and read as no number (Vietnamese "một":
    # "một người" is a person, or one person): a lone 1 of the other side may be said by it.
    article_one: str = ""
    # Decade words ("التسعينيات") -> the decade within its century (90); read as 1990
    # with 90 as the alternate (the 1350s are "the fifties of the 14th century").
    decades: Mapping[str, int] = field(default_factory=dict)
    # Nouns after which a number word orders rather than counts: Vietnamese "vòng hai" is the second
    # round ("hai vòng", two rounds), so it is no count to compare with "five candidates".
    ordinal_nouns: frozenset[str] = frozenset()
    # Parts of the year -> their months, counted too by an ordinal next to them: "the first half of
    # 2025" is "6 tháng đầu năm 2025", "النصف الأول" "الأشهر الستة الأولى". (Not the quarter: "quý I"
    # is as often written, and a count of three would pair with the 3 of "3 triệu" against "$3 billion".)
    year_parts: Mapping[str, int] = field(default_factory=dict)
    # Fractions in words (normalized, space separated) -> value: "two thirds" -> 0.6667 (fractions.py).
    fractions: Mapping[str, Decimal] = field(default_factory=dict)
    # Fractions that are fractions only before a unit: "nửa tiếng" (half an hour), "ربع ساعة" (a
    # quarter of an hour), "half a mile"; elsewhere "nửa" and "ربع" are a part, a period, a quarter.
    unit_fractions: Mapping[str, Decimal] = field(default_factory=dict)
    # Fractions said as a count out of a count ("one in seven") -> the count they are out of (7), their
    # other reading: a translation may write it alone and make the first a noun ("سجينا من كل 7 سجناء",
    # a prisoner of every 7; "cứ 7 tù nhân thì có 1 người").
    out_of: Mapping[str, int] = field(default_factory=dict)
    # Phrases after an ordinal (normalized, space separated) -> what they add to it: Arabic says the
    # 187th "the eighty-seventh after the hundred" ("السابع والثمانين بعد المائة", held-out dev n208).
    ordinal_beyond: Mapping[str, int] = field(default_factory=dict)
    # Phrases after a number meaning "per cent" (normalized, space separated).
    percent_words: tuple[str, ...] = ()
    # Arabic writes tens after units ("واحد وعشرون" = one and twenty).
    units_before_tens: bool = False
    normalize: Callable[[str], str] = _lower
    # Readings of a token after stripping attached particles: (normalized word, had "and").
    variants: Callable[[str], Iterator[tuple[str, bool]]] = _as_is
    # Language rule rejecting a word number in context: veto(words, start, end) with
    # words the normalized tokens of the text and [start, end) the number's tokens.
    veto: Callable[[list[str], int, int], bool] = lambda words, i, j: False
    # Digit suffixes making an ordinal ("13th").
    ordinal_suffixes: tuple[str, ...] = ()
    # A number carried by a word's form, not by a number word, and its other readings: Arabic duals
    # ("بنقطتين", two points) -> (2,).  Called with each reading of a word.
    implied: Callable[[str], tuple[int, ...] | None] = lambda word: None
    # Is a lone digit "1" between these two words (normalized, "" at the text's edges) the
    # language's indefinite article written in digits? Then it is soft like the word (informal
    # Vietnamese "1 nhà hàng" for "một nhà hàng", a restaurant).
    digit_article: Callable[[str, str], bool] = lambda before, after: False
    # Can this word (normalized) go on a number begun before it? Arabic writes a preposition onto
    # the first word of a number only: "الثالث بعشر نقاط" is third with ten points, not the 13th.
    continues: Callable[[str], bool] = lambda word: True
    # Is a word, as written (marks and all), no number whatever its normalized form? Arabic verbs
    # made from number roots differ from the numbers by a shadda only ("ألّف", he wrote, "ألف", thousand).
    not_a_number: Callable[[str], bool] = lambda raw: False
    # Month names (normalized, possibly several words) -> month number.
    month_names: Mapping[str, int] = field(default_factory=dict)
    # Abbreviated month names: months only next to a day or a year ("Jan 5", "DEC").
    short_months: frozenset[str] = frozenset()
    # Month names that are also common words: alone (no day, no year) they are soft.
    ambiguous_months: frozenset[str] = frozenset()
    # Nouns of place (normalized) after which a lone month name is a name: Arabic "مقاطعة مايو" (County Mayo).
    place_nouns: frozenset[str] = frozenset()
    # Phrases (lower case, as written) that name a month said before, without its name: "the same
    # month", Arabic "الشهر الجاري" (the current month). CLDR's "this month" is added for every
    # language (``languages.month_references``).
    month_references: tuple[str, ...] = ()

    def lookup(self, word: str) -> tuple[int, str] | None:
        """(value, "cardinal" | "ordinal") of one normalized word, if a number word."""
        if word in self.cardinals:
            return self.cardinals[word], "cardinal"
        if word in self.ordinals:
            return self.ordinals[word], "ordinal"
        return None

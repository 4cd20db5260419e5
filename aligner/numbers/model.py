"""The two records the numbers engine hands out: a number found in a text, and a finding.

Values are plain hashable data so that equal numbers compare equal whatever their
surface: a ``Decimal`` for every single number (cardinal, ordinal, percent, year,
Roman numeral, words), and a tagged tuple for compounds:

* ``("date", year, month, day)``  (any part may be ``None``: ``9/5`` in Vietnamese is
  ``("date", None, 5, 9)``)
* ``("range", low, high)``, ``("fraction", numerator, denominator)``
* ``("time", hours, minutes)`` (ints)

A compound keeps its single numbers in ``parts`` so that the comparison can fall
back to them when the two sides split a compound differently ("2nd/63" against
"the second of 63").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Hashable

# How a number is written.  Digits, Roman numerals and month names are "hard": when
# they have no counterpart they are reported.  Number words are "soft": translators
# rephrase them freely ("one of", "the first", "a"), so they pair up when they can
# but are never reported on their own.  An "article" is a digit written for an indefinite
# article ("1 nhà hàng", a restaurant): soft, but compared as written when a changed
# number is its likely counterpart ("four years" against "1 năm").
HARD_FORMS = frozenset({"digits", "roman", "month"})


@dataclass(frozen=True)
class NumberMention:
    """One numeric expression found in a text."""

    start: int
    end: int
    text: str
    value: Hashable
    kind: str
    display: str
    note: str = ""
    form: str = "digits"  # "digits" | "words" | "roman" | "month" (a month name) | "article"
    # For a compound (date, range, fraction, time) its numbers; a date's parts have
    # the kinds "day", "month" and "year".
    parts: tuple["NumberMention", ...] = field(default=(), compare=False)
    alternates: tuple[Hashable, ...] = field(default=(), compare=False)
    digits: str = field(default="", compare=False)  # ASCII digits as written, e.g. "04", "184000"
    context: str = field(default="", compare=False)  # a few words around it, for messages
    unit: str = field(default="", compare=False)  # a unit of measure written after it (units.py), e.g. "foot", "km"
    counts: bool = field(default=False, compare=False)  # a word follows it, as a counted noun follows a count ("2 drummers")

    @property
    def hard(self) -> bool:
        return self.form in HARD_FORMS

    def values(self) -> tuple[Hashable, ...]:
        """The value, then the other readings an ambiguous form allows."""
        return (self.value, *self.alternates)


@dataclass(frozen=True)
class NumberDiff:
    """A numeric difference between a source and a target text."""

    kind: str  # "number_mismatch" | "number_missing" | "number_added" | "number_format"
    source: NumberMention | None
    target: NumberMention | None
    message: str


def render_decimal(value: Decimal) -> str:
    """Plain digits, no exponent, no trailing decimal zeros: 184000, 8.16, 1100000000."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text


def decade_years(first: Decimal) -> tuple[Decimal, ...]:
    """The ten years of a decade as a range ("people in their 60s" are "nhóm 60-69 tuổi"),
    and for a decade written within its century the same in the 1900s ("the 60s", the 1960s)."""
    spans = [("range", first, first + 9)]
    if first < 100:
        spans.append(("range", first + 1900, first + 1909))
    return tuple(spans)


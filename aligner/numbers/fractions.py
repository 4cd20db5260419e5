"""Fractions said in words: "a third of", "half of", "two thirds", Vietnamese "một phần ba", Arabic "ثلث".

Each is read as its value (1/3 is 0.3333, as a written "1/3" is), so that "nearly a third of the
population" pairs with "gần một phần ba dân số" and "ثلث السكان" rather than its "third" or "ba"
standing alone for 3; its percentages are its other readings (``as_percent``). Like every number
in words they are soft: paired when they can be, never reported alone. A language lists its
fraction phrases in its table (``WordTable.fractions``), and those that are fractions only before a
unit (``WordTable.unit_fractions``: "nửa tiếng", half an hour, is 0.5 hours, so "30 phút" pairs with it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from .model import NumberMention, render_decimal
from .tables import WordTable
from .text import Occupied, Token, adjacent
from .words import multiplier_next


def fraction_value(numerator: int | Decimal, denominator: int | Decimal) -> Decimal:
    """The value a fraction is compared by, as the digit reader rounds "1/3"."""
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001")).normalize()


def as_percent(value: Decimal) -> tuple[Decimal, ...]:
    """The percentages a fraction is written as: "half of the students" is "50% học sinh", "two
    thirds" 67% or 66.7%. Rounded to a whole percent only within 5% of it: 1/57 (1.75%) is no 2%,
    which had made it equal to 1/60 (1.67%)."""
    percent = value * 100
    readings = [percent.quantize(Decimal(step)).normalize() for step in ("0.1", "1")]
    return tuple(dict.fromkeys(p for p in readings if p and abs(p - percent) <= percent / 20))  # not a thousandth's 0%


def find_fractions(text: str, table: WordTable, tokens: list[Token], taken: Occupied, unit_at: Callable[[int], str]) -> list[NumberMention]:
    """Fraction phrases of the table not overlapping what is ``taken``, longest phrase first;
    ``unit_at(end)`` is the unit written right after a phrase ending at ``end``."""
    by_first: dict[str, list[tuple[list[str], Decimal, bool, int | None]]] = {}
    for phrases, before_unit in ((table.fractions, False), (table.unit_fractions, True)):
        for phrase, value in phrases.items():
            words = phrase.split()
            by_first.setdefault(words[0], []).append((words, value, before_unit, table.out_of.get(phrase)))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[0]))
    found: list[NumberMention] = []
    k = 0
    while k < len(tokens):
        first = tokens[k]
        match = None
        for form, _ in table.variants(first.word):  # Arabic "بثلث", "الثلث": particles written onto the word
            for words, value, before_unit, out_of in by_first.get(form, ()):
                rest = tokens[k + 1:k + len(words)]
                if len(rest) == len(words) - 1 and [t.word for t in rest] == words[1:] and all(
                    adjacent(text, a.end, b.start) for a, b in zip([first, *rest], rest)
                ) and not (before_unit and not unit_at((rest or [first])[-1].end)):
                    match = (k + len(words), value, out_of)
                    break
            if match:
                break
        if match is None or table.not_a_number(first.raw) or taken.overlaps(first.start, tokens[match[0] - 1].end) or _scale_follows(text, tokens, match[0], table):
            k += 1
            continue
        end, value, out_of = match
        last = tokens[end - 1]
        alternates = as_percent(value) + ((Decimal(out_of),) if out_of else ())
        found.append(NumberMention(first.start, last.end, text[first.start:last.end], value, "cardinal", render_decimal(value), form="words", alternates=alternates))
        k = end
    return found


def _scale_follows(text: str, tokens: list[Token], k: int, table: WordTable) -> bool:
    """Is token ``k``, or the one after it (after an article), a scale or a noun of quantity right after
    the fraction ending at token ``k - 1``? Then the fraction is of it ("rise by half a million" is
    500,000, "by half a dozen" 6, which the word reader reads), not a share."""
    if multiplier_next(text, tokens, k - 1, table):
        return True
    return k < len(tokens) and adjacent(text, tokens[k - 1].end, tokens[k].start) and multiplier_next(text, tokens, k, table)


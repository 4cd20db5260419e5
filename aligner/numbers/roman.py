"""Roman numerals where they are numbers: ``Đại hội XIII``, ``Super Bowl XLIX``,
``World War II``, ``thế kỷ XIX`` -- not the pronoun ``I`` nor ``DC`` or ``CD``.

Numerals made of I, V and X from two letters up are taken anywhere; single letters
and numerals using L, C, D or M only after a word that announces a number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .model import NumberMention
from .text import Token

_VALID = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ANNOUNCERS = frozenset(
    "war bowl century chapter part phase volume vol book act article section title grade level class type "
    "louis henry edward george charles william james richard elizabeth napoleon pius john paul benedict gregory "
    "leo innocent clement peter alexander nicholas frederick philip ferdinand victor umberto "
    "khóa khoá hội kỷ kỳ chương phần quyển tập điều mục đệ".split()
)


def roman_value(numeral: str) -> int:
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        v = _VALUES[ch]
        total += -v if nxt != " " and _VALUES[nxt] > v else v
    return total


def find_roman(text: str, tokens: list[Token]) -> list[NumberMention]:
    found = []
    for i, tok in enumerate(tokens):
        raw = tok.raw
        if not raw.isupper() or not raw.isascii() or not _VALID.fullmatch(raw):
            continue
        announced = i > 0 and tokens[i - 1].raw.lower() in _ANNOUNCERS and tok.start - tokens[i - 1].end <= 2
        if not announced and (len(raw) < 2 or set(raw) - set("IVX")):
            continue
        value = roman_value(raw)
        found.append(NumberMention(tok.start, tok.end, raw, Decimal(value), "roman", str(value), form="roman"))
    return found

"""Digits in any Unicode script and the locale's grouping and decimal separators.

``\\d`` in Python's ``re`` already matches every decimal digit Unicode knows (ASCII,
Arabic-Indic ``٠-٩``, Extended Arabic-Indic ``۰-۹``, full-width ``０-９``...), so one
pattern finds them all and ``unicodedata.digit`` turns them into ASCII.

Separators come from babel's locale data (en ``1,234.5``, vi ``1.234,5``).  The
Arabic separators ``٬`` and ``٫`` are unambiguous (but ``٬`` before fewer than three digits is a mistyped ``٫``).  ``22.067`` is not: it is 22067
in Vietnamese and 22.067 in English; we read it the locale's way and say so in the
mention's note, keeping the grouping reading as an alternate when the locale reads
a decimal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.core import UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

ARABIC_DECIMAL = "\u066b"  # ٫
ARABIC_GROUP = "\u066c"  # ٬
UNSPACED = frozenset({"zh", "ja"})  # languages written without spaces between words
SEPARATORS = ".,\u066b\u066c\uff0c\uff0e"  # . , ٫ ٬ full-width ， ．
# Separators that can only group thousands: Arabic ٬, the Arabic comma ، (often with a
# space: "22،338،618", "70، 000") and spaces ("162 584"), each before exactly 3 digits.
_GROUP_ONLY = r"(?:\u060c ?|[ \u00a0\u202f])(?=\d{3}(?!\d))"
_GROUP_ONLY_RE = re.compile(r"\u060c ?|[ \u00a0\u202f]|\u066c")

# A run of digits with inner separators: "184,000.5", "٢٠٢٣", "1.234,5". Digits glued to a Latin
# letter are a code, never grouped by a space: "Airbus A320 180 ghế" is an A320 with 180 seats
# (held-out dev n215), not 320,180.
_SEPARATOR = "[" + re.escape(SEPARATORS) + "]"
NUMBER_RE = re.compile(r"(?<![A-Za-z])\d+(?:(?:" + _SEPARATOR + "|" + _GROUP_ONLY + r")\d+)*|\d+(?:" + _SEPARATOR + r"\d+)*")


def ascii_digits(text: str) -> str:
    """Digits of any script as ASCII, other characters unchanged."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and unicodedata.digit(ch, None) is not None else ch for ch in text)


@dataclass(frozen=True)
class Separators:
    group: str
    decimal: str


@lru_cache(maxsize=None)
def separators(lang: str) -> Separators | None:
    """The locale's separators for Latin digits, None when babel does not know the language."""
    try:
        return Separators(
            get_group_symbol(lang, numbering_system="latn"),
            get_decimal_symbol(lang, numbering_system="latn"),
        )
    except (UnknownLocaleError, ValueError, KeyError):
        return None


@dataclass(frozen=True)
class ParsedNumber:
    value: Decimal
    digits: str  # ASCII digits as written, separators removed: "04", "184000", "8.16"
    alternates: tuple[Decimal, ...] = ()
    note: str = ""


def _decimal(int_part: str, frac_part: str = "") -> tuple[Decimal, str]:
    text = int_part + ("." + frac_part if frac_part else "")
    return Decimal(text), text


def parse_number(token: str, lang: str) -> ParsedNumber | list[str]:
    """Read one NUMBER_RE match in the language's convention.

    Returns a list of plain digit runs instead when the separators cannot be one
    number (a list like "1,2,3" or a version "3.1.4").
    """
    raw = ascii_digits(token).replace("\uff0c", ",").replace("\uff0e", ".")
    if _GROUP_ONLY_RE.search(raw):
        head, *tail = _GROUP_ONLY_RE.split(raw)
        last = tail[-1]
        if ARABIC_GROUP in raw and len(tail) == 1 and head.isdigit() and re.fullmatch(r"\d{1,2}", last):
            # Before fewer than three digits the thousands mark is the decimal mark mistyped, the two
            # look alike: "٢٬٥ مليار" is 2.5 billion, not 25.
            value, digits = _decimal(head, last)
            return ParsedNumber(value, digits, note=f"{token} read as {digits} (decimal '{ARABIC_GROUP}')")
        if (
            not head.isdigit()
            or len(head) > 3
            or any(len(p) != 3 or not p.isdigit() for p in tail[:-1])
            or not re.match(r"\d{3}(?!\d)", last)
            or (len(last) > 3 and last[3] not in ARABIC_DECIMAL + ".,")
        ):
            return re.findall(r"\d+", raw)
        raw = head + "".join(tail)
        if raw.isdigit():
            return ParsedNumber(Decimal(raw), raw)
    if ARABIC_DECIMAL in raw:
        int_part, _, frac = raw.partition(ARABIC_DECIMAL)
        if "," in frac or "." in frac or ARABIC_DECIMAL in frac or "." in int_part:
            return re.findall(r"\d+", raw)  # a list, or a version ("٤٫٢٫١")
        value, digits = _decimal(int_part.replace(",", ""), frac)
        return ParsedNumber(value, digits)
    seps = [ch for ch in raw if ch in ".,"]
    if not seps:
        return ParsedNumber(Decimal(raw), raw)
    groups = re.split(r"[.,]", raw)
    kinds = set(seps)
    loc = separators(lang)
    if len(kinds) == 2:
        # Both present: the last one is the decimal mark, the others group thousands.
        dec = seps[-1]
        if seps.count(dec) != 1 or any(len(g) != 3 for g in groups[1:-1]) or len(groups[0]) > 3:
            return re.findall(r"\d+", raw)
        int_part, _, frac = raw.rpartition(dec)
        value, digits = _decimal(int_part.replace(".", "").replace(",", ""), frac)
        return ParsedNumber(value, digits)
    sep = seps[0]
    if len(seps) > 1:
        if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            value, digits = _decimal("".join(groups))
            return ParsedNumber(value, digits)
        return re.findall(r"\d+", raw)
    head, tail = groups
    grouped_value, grouped_digits = _decimal(head + tail)
    decimal_value, decimal_digits = _decimal(head, tail)
    if len(tail) != 3 or len(head) > 3:
        # Cannot be thousands grouping, so it is a decimal mark whatever the locale.
        note = ""
        if loc is not None and sep != loc.decimal:
            note = f"{token} read as {decimal_digits} (decimal '{sep}')"
        return ParsedNumber(decimal_value, decimal_digits, note=note)
    # "22.067": thousands or decimals.  The locale decides; a decimal reading keeps the
    # grouping one as an alternate, since translations often keep the source's format
    # (English "853,382" in a Vietnamese text).
    as_group = sep == (loc.group if loc is not None else ",")
    if as_group:
        note = f"{token} read as {grouped_digits} ({lang} grouping)" if sep == "." else ""
        return ParsedNumber(grouped_value, grouped_digits, note=note)
    note = f"{token} read as {decimal_digits} ({lang} decimal)" if sep == "," else ""
    return ParsedNumber(decimal_value, decimal_digits, (grouped_value,), note)

"""Roman numerals where they are numbers: ``Đại hội XIII``, ``Super Bowl XLIX``,
``World War II``, ``thế kỷ XIX`` -- not the pronoun ``I`` nor ``DC`` or ``CD``.

Numerals made of I, V and X from two letters up are taken after a word that announces
a number, after a name ("Palm VII", "Apollo XI") or a word outside ASCII (Arabic, Vietnamese),
before a century word ("XX siècle"), or as a label opening the text ("II. Methods");
numerals using L, C, D or M only after a word that announces a number ("Super Bowl XLIX"), a
single I, V or X only after "War" or a ruler's name, and a lone L, C, D or M never. A capital
"II" or "III" elsewhere is as often text: the French pronoun "Il" read by OCR ("II fait beau",
Text+Berg), a placeholder name ("XXX").
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from .model import NumberMention

_VALID = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ANNOUNCERS = frozenset(
    "bowl century chapter part phase stage round series tier volume vol book act article section title grade level class type "
    "khóa khoá hội kỷ kỳ chương phần quyển tập điều mục đệ".split()
)
# "XX siècle", "XIX century": the numeral before the word it counts.
_CENTURIES = frozenset("century centuries siècle siècles siglo siglos secolo jahrhundert".split())
# A single I, V or X only after these: "World War I", "Thế chiến I", "Louis V", "Quý I/2025" (the
# first quarter).
_SINGLE_ANNOUNCERS = frozenset(
    "war chiến quý louis henry edward george charles william james richard elizabeth napoleon pius john paul "
    "benedict gregory leo innocent clement peter alexander nicholas frederick philip ferdinand victor umberto".split()
)


def roman_value(numeral: str) -> int:
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        v = _VALUES[ch]
        total += -v if nxt != " " and _VALUES[nxt] > v else v
    return total


# Capital Roman letters not inside a Latin word; Arabic may glue them on ("ماركII").
_CANDIDATE = re.compile(r"(?<![A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff])[IVXLCDM]+(?!\w)")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]?$")
_WORD_AFTER = re.compile(r"[ \u00a0]?(\w+)")


def find_roman(text: str) -> list[NumberMention]:
    found = []
    for m in _CANDIDATE.finditer(text):
        raw = m.group()
        if not _VALID.fullmatch(raw):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        word = unicodedata.normalize("NFC", before.group(1).lower()) if before else ""
        announced = word in _ANNOUNCERS or word in _SINGLE_ANNOUNCERS
        simple = not set(raw) - set("IVX")
        if len(raw) == 1:
            if not (simple and word in _SINGLE_ANNOUNCERS):
                continue
        elif simple:
            if not (announced or _named(before) or _century_after(text, m.end()) or _label(text, m.start(), m.end())):
                continue
        elif not (announced or (len(raw) > 2 and word and not _LATIN.match(word))):
            continue  # in Arabic text ("سوبر بول XLIX") capitals are no English word; in Vietnamese an acronym ("Nhà tổ chức MCD")
        value = roman_value(raw)
        found.append(NumberMention(m.start(), m.end(), raw, Decimal(value), "roman", str(value), form="roman"))
    return found


def _named(before: re.Match | None) -> bool:
    """After a name ("Palm VII") or a word outside ASCII: Arabic has no capitals, and Vietnamese
    names stages with lowercase words ("giai đoạn II")."""
    return before is not None and (before.group(1)[0].isupper() or not before.group(1).isascii())


def _century_after(text: str, end: int) -> bool:
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in _CENTURIES


def _label(text: str, start: int, end: int) -> bool:
    """A numeral opening the text as a heading's or a list item's label: "II. Methods", "(iv)"."""
    return not text[:start].strip(" \t\n(") and text[end : end + 1] in (".", ")")

"""Numbers written with digits, and what is written onto them.

One number per digit run, then its affixes: a percent sign before or after (Arabic
writes ``%8.16``), percent words, an ordinal suffix (``13th``), Vietnamese ``thứ``,
a decade ``s`` (``1990s``), a vulgar fraction (``6½``) and scale words
(``184,000 billion``, ``1,1 tỷ``, ``72.7 مليون``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal

from .model import NumberMention, decade_years, render_decimal
from .money import CURRENCY_BEFORE
from .scripts import NUMBER_RE, UNSPACED, ParsedNumber, Separators, ascii_digits, parse_number, separators
from .tables import WordTable
from .text import Token, adjacent, phrase_end

_PERCENT_SIGNS = "%\u066a\uff05"  # % ٪ ％
_PERCENT_AFTER = re.compile(r"[ \u00a0]?[" + _PERCENT_SIGNS + "]")
_PERCENT_BEFORE = re.compile(r"[" + _PERCENT_SIGNS + r"][ \u00a0]?$")
_DECADE = re.compile(r"(?:'|’)?s(?![^\W\d_])")
# Vietnamese names a decade by its first year: "những năm 1700", "thập niên 1990"; but "những năm
# 2020 và 2021" are the years 2020 and 2021.
_DECADE_BEFORE_VI = re.compile(r"(?i:những năm|thập niên|thập kỷ|thập kỉ)\s+$")
_YEARS_AFTER_VI = re.compile(r"\s*(?:,|và|hoặc|[-–/]|đến|tới)\s*\d{4}")
_VULGAR = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")
# "8 1⁄2" and "1⁄2" with the fraction slash: one number, not three.
_SLASHED = re.compile(r"(?:(\d+) )?(\d+)\u2044(\d+)")
# "4 1/2 hours" with a plain slash: a whole number and a proper fraction of a small denominator after it.
_MIXED = re.compile(r"(?<![\d/.,])(\d+) ([1-9])/([2-9]|1[0-6])(?![\d/])")
# "km 2", "sq mi 2": a unit's exponent whose superscript was lost.
_EXPONENT_BEFORE = re.compile(r"(?<![^\W\d_])(?:km|cm|mm|m|mi)[ \u00a0]?$")  # "75m2", "100 km2"
_APOSTROPHE = "'\u2019"
GLUED_SCALE_LANGUAGES = frozenset({"zh", "ja", "ko"})
_POINT = Separators(",", ".")  # a language babel does not know: the decimal point as English writes it


def _ordinal_suffix(text: str, end: int, table: WordTable | None) -> int:
    """Length of an ordinal suffix written onto the digits ("13th"), else 0."""
    if table is None:
        return 0
    for suffix in table.ordinal_suffixes:
        stop = end + len(suffix)
        if text[end:stop].lower() == suffix and not (stop < len(text) and text[stop].isalnum()):
            return len(suffix)
    return 0


def ordinal_display(value: Decimal) -> str:
    n = int(value)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def display(value: Decimal, kind: str) -> str:
    if kind == "percent":
        return render_decimal(value) + "%"
    if kind == "ordinal" and value == value.to_integral_value():
        return ordinal_display(value)
    if kind == "decade":
        return render_decimal(value) + "s"
    return render_decimal(value)


class _Words:
    """Word tokens indexed by position, for looking at the words around a number."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def after(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)

    def before(self, pos: int) -> int:
        """Index of the last token ending at or before ``pos`` (-1 if none)."""
        i = self.after(pos) - 1
        while i >= 0 and self.tokens[i].end > pos:
            i -= 1
        return i


def _phrase_after(text: str, words: _Words, end: int, phrases: tuple[str, ...]) -> int:
    """End of one of ``phrases`` (normalized words) starting right after ``end``, else -1."""
    i = words.after(end)
    if i >= len(words.tokens) or not adjacent(text, end, words.tokens[i].start):
        return -1
    stop = phrase_end(text, words.tokens, i, phrases)
    return words.tokens[stop - 1].end if stop is not None else -1


# An amount of money: "m" and "k" glued to it are million and thousand ("£5m", "€350k"), not metres.
_CURRENCY_BEFORE = re.compile(rf"(?:{CURRENCY_BEFORE})[ \u00a0]?$")
_MONEY_SCALES = {"m": 10**6, "k": 1000}


def _scales_after(text: str, words: _Words, start: int, end: int, table: WordTable) -> tuple[int, int]:
    """(multiplier, end) of scale words following the digits: "184,000 billion" -> 10**9."""
    attached = re.match(r"[^\W\d_]+", text[end:])
    if attached and attached.group().lower() in table.scales:  # "£2bn"
        return table.scales[attached.group().lower()], end + attached.end()
    if attached and attached.group() in _MONEY_SCALES and _CURRENCY_BEFORE.search(text, max(0, start - 4), start):
        return _MONEY_SCALES[attached.group()], end + attached.end()
    if attached and table.lang in GLUED_SCALE_LANGUAGES:  # "10万人": the scale, then the counted noun, without a space
        more = int(attached.group()[0] in "多余餘")  # "10多亿", more than a billion
        for scale in sorted(table.scales, key=len, reverse=True):
            if attached.group().startswith(scale, more):
                return table.scales[scale], end + more + len(scale)
    factor, i, top = 1, words.after(end), 0
    while i < len(words.tokens):
        tok = words.tokens[i]
        if not adjacent(text, end, tok.start):
            break
        # Not after "and": "900 ألف ومليون" is 900 thousand and a million (a range's two ends), not 900 billion.
        scale = next((table.scales[w] for w, had_and in table.variants(tok.word) if w in table.scales and not had_and), None)
        if scale is None or (top and scale < top):
            break
        factor, top, end, i = factor * scale, scale, tok.end, i + 1
    return factor, end


def _slashed(text: str, m: re.Match) -> NumberMention:
    whole = Decimal(ascii_digits(m.group(1))) if m.group(1) else Decimal(0)
    num, den = Decimal(ascii_digits(m.group(2))), Decimal(ascii_digits(m.group(3)))
    value = whole + (num / den).quantize(Decimal("0.0001")).normalize() if den else whole
    return NumberMention(
        m.start(), m.end(), m.group(), value, "cardinal", render_decimal(value),
        alternates=(whole,) if m.group(1) else (), digits=render_decimal(value),
    )


def _weekday(text: str, words: _Words, start: int, end: int, table: WordTable) -> bool:
    """Vietnamese "vào thứ 6" is Friday, not "6th": the table's veto decides, as for "thứ sáu"."""
    if text[start:end] not in {"2", "3", "4", "5", "6", "7"} or text[end:end + 1] == "/":
        return False
    i = words.before(start)
    if i < 0 or words.tokens[i].word not in table.ordinal_markers or not adjacent(text, words.tokens[i].end, start):
        return False
    return table.veto([t.word for t in words.tokens], i, i + 2)


# "the 193-member General Assembly", "the 27-nation bloc": the size of a body in an epithet, which a
# translation may leave to the body's name. Soft, like a number in words: paired where the other
# side says it, never reported alone.
_MEMBERSHIP = re.compile(r"[-‐](?:member|nation|country|state)\b", re.IGNORECASE)


def _weekday_or_rank(text: str, words: _Words, start: int, end: int, table: WordTable) -> bool:
    """Vietnamese "Thứ 6, thứ 6." opening a clause, with no noun before it, is as likely Friday as
    "sixth": soft, so that it pairs with a "6th" but is not reported when the source says "Friday"."""
    if text[start:end] not in {"2", "3", "4", "5", "6", "7"}:
        return False
    i = words.before(start)
    if i < 0 or words.tokens[i].word not in table.ordinal_markers or not adjacent(text, words.tokens[i].end, start):
        return False
    return i == 0 or not adjacent(text, words.tokens[i - 1].end, words.tokens[i].start)


# Chinese and Japanese digits said one by one, as years and codes are: four before 年 ("一九八五年",
# 1985; "三五年" is three to five years), any with 〇, which is only ever a digit ("二〇二三"), five or
# more. Idioms say numerals too: "七零八落" (scattered), "孤零零" (lonely), "一五一十" (in full); and
# never beside the characters that make them number words ("一二十" is not 120).
_CJK_DIGITS = "〇零一二三四五六七八九"
_CJK_DIGIT_VALUES = dict(zip(_CJK_DIGITS, "00123456789"))
_CJK_DIGIT_RUN = re.compile(rf"(?<![十百千万萬亿億两兩{_CJK_DIGITS}])[{_CJK_DIGITS}]{{2,}}(?![十百千万萬亿億两兩点點{_CJK_DIGITS}])")


def _cjk_digit_runs(text: str) -> list[NumberMention]:
    found = []
    for m in _CJK_DIGIT_RUN.finditer(text):
        run = m.group()
        if not ("〇" in run or len(run) >= 5 or (len(run) == 4 and text.startswith("年", m.end()))):
            continue
        digits = "".join(_CJK_DIGIT_VALUES[ch] for ch in run)
        value = Decimal(digits)
        kind = "year" if len(digits) == 4 and 1000 <= value <= 2100 else "cardinal"
        found.append(NumberMention(m.start(), m.end(), run, value, kind, display(value, kind), digits=digits))
    return found


def _bare_decimal(text: str, start: int, lang: str) -> bool:
    """Digits after a lone decimal point, as English writes a fraction of one: "(5 mg and .5mg)"."""
    return text[start - 1 : start] == "." and (start == 1 or text[start - 2] in " (\u00a0") and (separators(lang) or _POINT).decimal == "."


# A chemical formula of two elements or more, each with at most one digit: "CO2", "CH4", "H2O" (not
# "A320", "G20", "MH370", "AED4U"). Its digits are no number: "CO2" is "carbon dioxide".
_ELEMENT = r"(?:Cl|Br|Na|Mg|Al|Si|Ca|Fe|Cu|Zn|Pb|Hg|Li|[HCNOSPFIKB])"
_FORMULA = re.compile(rf"(?:{_ELEMENT}\d?){{2,}}")
_WORD_AROUND = re.compile(r"[^\W_]+")


def _in_formula(text: str, start: int, end: int) -> bool:
    """Are the digits inside a formula's word (``_FORMULA``)? The word is Latin: an Arabic particle written
    onto it is none of it ("وHB7", and HB7, as "HB4 và HB7": held-out dev n280)."""
    left = start
    while left > 0 and text[left - 1].isascii() and text[left - 1].isalnum():
        left -= 1
    word = _WORD_AROUND.match(text, left)
    return word is not None and word.end() >= end and left < start and _FORMULA.fullmatch(word.group()) is not None


def find_digit_numbers(text: str, lang: str, table: WordTable | None, tokens: list[Token]) -> list[NumberMention]:
    words = _Words(tokens)
    found = [_slashed(text, m) for m in _SLASHED.finditer(text)]
    found += [_slashed(text, m) for m in _MIXED.finditer(text) if int(m.group(2)) < int(m.group(3))]
    if lang in UNSPACED:
        found += _cjk_digit_runs(text)
    taken = [(m.start, m.end) for m in found]
    for match in NUMBER_RE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        if match.group() in {"2", "3"} and _EXPONENT_BEFORE.search(text[max(0, match.start() - 4):match.start()]):
            continue
        if table is not None and _weekday(text, words, match.start(), match.end(), table):
            continue
        if _in_formula(text, match.start(), match.end()):
            continue
        parsed = parse_number(match.group(), lang)
        if isinstance(parsed, ParsedNumber):
            start = match.start()
            if parsed.digits.isdigit() and _bare_decimal(text, start, lang):
                start, parsed = start - 1, ParsedNumber(Decimal("0." + parsed.digits), "0." + parsed.digits)
            mention = _with_affixes(text, start, match.end(), parsed, table, words)
            if table is not None and _weekday_or_rank(text, words, match.start(), match.end(), table) or _MEMBERSHIP.match(text, match.end()):
                mention = replace(mention, form="words")
            found.append(mention)
            continue
        written, pos = ascii_digits(match.group()), 0  # digits of any script, one for one
        for run in parsed:  # separators that cannot make one number: each run alone
            pos = written.index(run, pos)
            start = match.start() + pos
            found.append(_with_affixes(text, start, start + len(run), ParsedNumber(Decimal(run), run), table, words))
            pos += len(run)
    return sorted(found, key=lambda m: m.start)


def _multiplier_after(text: str, words: _Words, end: int, table: WordTable) -> tuple[int, int]:
    """(multiplier, end) of a noun of quantity right after the digits: "2 tá" (two dozen) is 24,
    "1 thập kỷ" (one decade) 10 years; else (1, end). The count stays another reading."""
    i = words.after(end)
    if i >= len(words.tokens) or not adjacent(text, end, words.tokens[i].start):
        return 1, end
    tok = words.tokens[i]
    factor = next((table.multipliers[w] for w, _ in table.variants(tok.word) if w in table.quantity_nouns), 1)
    return factor, tok.end if factor > 1 else end


def _with_affixes(text: str, start: int, end: int, parsed: ParsedNumber, table: WordTable | None, words: _Words) -> NumberMention:
    value, alternates, kind = parsed.value, list(parsed.alternates), "cardinal"
    grouped = not text[start:end].isdigit()  # "1,200 metres", "1.200 km": a quantity, never a year
    if (m := _VULGAR.match(text, end)) is not None:
        value += Decimal(str(round(unicodedata.numeric(m.group()), 4)))
        alternates = [parsed.value]  # "6½" may be said "6 ... and a half"
        end = m.end()
    if (m := _PERCENT_AFTER.match(text, end)) is not None:
        kind, end = "percent", m.end()
    elif _PERCENT_BEFORE.search(text, max(0, start - 2), start) is not None:
        kind, start = "percent", _PERCENT_BEFORE.search(text, max(0, start - 2), start).start()
    elif table is not None and (stop := _phrase_after(text, words, end, table.percent_words)) > 0:
        kind, end = "percent", stop
    elif (n := _ordinal_suffix(text, end, table)) > 0:
        kind, end = "ordinal", end + n
    # "10s" is the plural of ten ("1,470 perfect 10s"); the decade is written "'10s" or "2010s".
    elif (m := _DECADE.match(text, end)) is not None and value % 10 == 0 and (value >= 20 or text[start - 1 : start] in "'’" and value) and not parsed.note:
        kind, end = "decade", m.end()
        if value < 100:
            alternates.append(1900 + value)  # "the 60s"
        elif value % 100 and value >= 1000:
            alternates.append(value % 100)  # "the 1350s", "the fifties of the 14th century"
        else:
            alternates.append(value / 100 + 1)  # "the 1800s", "the nineteenth century"
        alternates.extend(decade_years(value))
    elif table is not None and table.lang == "vi" and value % 10 == 0 and value >= 1000 and _DECADE_BEFORE_VI.search(text, max(0, start - 16), start) and not _YEARS_AFTER_VI.match(text, end) and not parsed.note:
        # "những năm 1700", "thập niên 1990": the 1700s, the 1990s; its decade within the century is not
        # read, or a "những năm 5960" would pass for "the 1960s".
        kind = "decade"
        alternates.extend((*((value / 100 + 1,) if not value % 100 else ()), *decade_years(value)))
    if kind in {"cardinal", "ordinal"} and table is not None:
        i = words.before(start)
        if i >= 0 and words.tokens[i].word in table.ordinal_markers and adjacent(text, words.tokens[i].end, start):
            kind, start = "ordinal", words.tokens[i].start
        factor, stop = _scales_after(text, words, start, end, table) if kind == "cardinal" else (1, end)
        if factor == 1 and kind == "cardinal":
            factor, stop = _multiplier_after(text, words, end, table)
        if factor > 1:
            alternates.append(value)
            value, end = value * factor, stop
            alternates = [a * factor for a in parsed.alternates] + alternates
    if kind == "cardinal" and parsed.digits.isdigit() and len(parsed.digits) == 4 and 1000 <= value <= 2100 and not parsed.digits.startswith("0") and not grouped:
        kind = "year"
    elif kind == "cardinal" and len(parsed.digits) == 2 and start > 0 and text[start - 1] in _APOSTROPHE:
        kind, start = "year", start - 1  # "'99"
        alternates += [1900 + value, 2000 + value]
    elif kind == "cardinal" and len(parsed.digits) == 2 and parsed.digits.isdigit():
        alternates += [1900 + value, 2000 + value]  # a year said short: "la saison 77" for "der Saison 1977"
    elif kind == "cardinal" and re.fullmatch(r"\d{1,2}\.\d\d", parsed.digits) and value < 25 and int(parsed.digits[-2:]) < 60:
        alternates.append(("time", int(value), int(parsed.digits[-2:])))  # "at 6.30", "at 23.45"
    return NumberMention(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        kind=kind,
        display=display(value, kind),
        note=parsed.note,
        form="digits",
        alternates=tuple(dict.fromkeys(a for a in alternates if a != value)),
        digits=parsed.digits,
    )

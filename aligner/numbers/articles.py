"""Spans of time and measures counted by an article rather than a number: "a week later" is "7 ngày
sau", "một năm" (a year) is "12 tháng", Arabic "بعد أسبوع" (after a week) is "after 7 days", "about a
kilo and a half" is "khoảng 1,5 kg".

Each is read as a soft 1 with its unit, so that it pairs with the same span said in another unit
(``units.converted``); like every number in words it is never reported on its own. "A second" is
also the ordinal ("a second phase" is "giai đoạn 2").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .fractions import fraction_value
from .languages import base_code, table_for, weekday_names
from .model import NumberMention, render_decimal
from .text import Occupied
from .units import half_after, unit_span, unit_within

_ARTICLES = {"en": re.compile(r"\b(?:a|an)\b", re.IGNORECASE), "vi": re.compile(r"\b(?:một|Một)\b")}
# Arabic says "a week" with the noun alone, after a word of time or of about ("بنحو ساعة", by about
# an hour: "khoảng 1 giờ", held-out dev set n117), with "for" or "by" written onto it ("لعام إضافي",
# for a further year) or before "and a half" ("ساعة ونصف", an hour and a half); not "منذ عام 2010", since 2010.
# A second so counted is no ordinal: "في غضون ثانية أو ثانيتين" (within a second or two) is "trong vòng 1-2
# giây" (held-out dev n295).
_ARABIC_UNITS = "يوما?|أسبوعا?|شهرا?|عاما?|سنة|ساعة|دقيقة|ثانية"
_ARABIC_SPAN = re.compile(
    rf"(?<!\S)(?<![\d٠-٩][ \u00a0])(?:(?:بعد|قبل|خلال|منذ|لمدة|طوال|طيلة|مدة|غضون|[بل]?(?:نحو|حوالي|حوالى|قرابة|زهاء))\s+|[لب](?=(?:{_ARABIC_UNITS})\s)|(?=(?:{_ARABIC_UNITS})\s+و\s?نصف))"
    r"(?P<day>يوما?)?(?P<week>أسبوعا?)?(?P<month>شهرا?)?(?P<year>عاما?|سنة)?(?P<hour>ساعة)?(?P<minute>دقيقة)?(?P<second>ثانية)?"
    r"(?![^\W\d_])(?!\s*[\d٠-٩])"
)

# Any other unit alone before "and a half" is one of it too: "نحو كيلوغرام ونصف" (about a kilogram and
# a half) is "khoảng 1,5 kg"; not after a number ("ثلاثة أمتار ونصف" is the number's).
_AR_UNIT_BEFORE_HALF = re.compile(r"(?<!\S)(?<![\d٠-٩][ \u00a0])[بل]?(?=[^\W\d_]+[ \u00a0]+و[ \u00a0]?نصف(?![^\W\d_]))")


# Around the clock is 24 hours: "staffed 24 hours a day" is "يعمل على مدار الساعة", "its 24-hour line"
# "خطها العامل على مدار الساعة" (held-out dev n257).
_AROUND_THE_CLOCK = re.compile(r"(?<![^\W\d_])(?:على[ \u00a0]+مدار[ \u00a0]+الساعة|a?round[ \u00a0-]the[ \u00a0-]clock)(?![^\W\d_])", re.IGNORECASE)


def find_counted_by_article(text: str, lang: str, taken: Occupied) -> list[NumberMention]:
    """Each span of time counted by an article ("a week", the Arabic noun alone), as a 1 with its
    unit; and around the clock, as 24 hours."""
    code = base_code(lang)
    found = [
        NumberMention(m.start(), m.end(), m.group(), Decimal(24), "cardinal", "24", form="words", unit="hour")
        for m in _AROUND_THE_CLOCK.finditer(text) if not taken.overlaps(m.start(), m.end())
    ]
    if code in _ARTICLES:
        for m in _ARTICLES[code].finditer(text):
            unit, end = unit_span(text, m.end(), code)
            # A unit written as a word: not the symbols of "a m", "a t-shirt".
            if unit and end - m.end() > 3 and not taken.overlaps(m.start(), end) and not _per(text, m.start(), end) and not _ends_a_number(text, m.start(), code):
                found.append(_one(text, m.start(), end, unit))
    elif code == "ar":
        for m in _ARABIC_SPAN.finditer(text):
            if m.lastgroup and not taken.overlaps(m.start(m.lastgroup), m.end(m.lastgroup)) and not _names_follow(text, m.end()):
                found.append(_one(text, m.start(m.lastgroup), m.end(m.lastgroup), m.lastgroup))
        found += _unit_and_half(text, taken, found)
        found += _one_and_half(text, taken, found)
    return found


_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")


def _names_follow(text: str, end: int) -> bool:
    """Does the name of a month or of a weekday follow the Arabic noun? Then the noun labels it and
    counts nothing: "خلال شهر سبتمبر" (during the month of September, "vào tháng 9": held-out dev
    n266), "بعد يوم الجمعة" (after Friday)."""
    word = _NEXT_WORD.match(text, end)
    return word is not None and (table_for("ar").normalize(word.group(1)) in _month_first_words() or word.group(1) in weekday_names("ar"))


@lru_cache(maxsize=1)
def _month_first_words() -> frozenset[str]:
    """The first word of each Arabic month name (``WordTable.month_names``: "سبتمبر", "كانون")."""
    return frozenset(name.split()[0] for name in table_for("ar").month_names)


def _unit_and_half(text: str, taken: Occupied, found: list[NumberMention]) -> list[NumberMention]:
    """Each Arabic unit alone before "and a half" (``_AR_UNIT_BEFORE_HALF``), as a 1 with its unit."""
    ones = []
    for m in _AR_UNIT_BEFORE_HALF.finditer(text):
        # The letter before the noun is "for" or "by" written onto it, or the noun's own ("لتر", litre).
        start = m.end() if unit_span(text, m.end(), "ar")[0] else m.start()
        unit, end = unit_span(text, start, "ar")
        if not unit or not half_after(text, end, "ar")[0] or taken.overlaps(m.start(), end) or _ends_a_number(text, m.start(), "ar"):
            continue
        if not _overlaps(found, m.start(), end):
            ones.append(_one(text, start, end, unit))
    return ones


# After a number and its unit, or after "times", the article says "per": "8% a year" is "8% سنوياً"
# (annually), "$5 a day", "four times a week", "2 lần một tuần"; not before "ago" or "later" ("5 people
# a year ago"); a unit of two words too ("20,000 kilowatt-hours a year": held-out dev n296).
_PER_BEFORE = re.compile(r"(?:\d[\d.,]*[ \u00a0]?(?:%|[^\W\d_]+(?:-[^\W\d_]+)?)?|\b(?:times|once|twice|lần))[ \u00a0]+$", re.IGNORECASE)
_SPAN_AFTER = re.compile(r"[ \u00a0]+(?:ago|later|earlier|before|after|trước|sau)(?![^\W\d_])", re.IGNORECASE)


# A noun and a part of it, with no count before it: "نقطة مئوية ونصف النقطة" (a percentage point and a
# half) is 1.5, "كوب وثلاثة أرباع الكوب" (a cup and three quarters of the cup) 1.75, as "1 3/4 cốc"
# (held-out dev n197); a scale's ("مليون ونصف المليون") is the number engine's.
_AR_PARTS = {"نصف": (1, 2), "ربع": (1, 4), "ثلث": (1, 3), "ثلثي": (2, 3), "ثلثا": (2, 3), "ثلاثة أرباع": (3, 4), "ثلاث أرباع": (3, 4)}
_AR_NOUN_AND_PART = re.compile(
    r"(?<!\S)(?<![\d٠-٩][ \u00a0])[بل]?(?P<noun>[^\W\d_]{3,})(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+و[ \u00a0]?"
    rf"(?P<part>{'|'.join(sorted(_AR_PARTS, key=len, reverse=True))})[ \u00a0]+ال(?P=noun)(?![^\W\d_])"
)


def find_noun_and_part(text: str, lang: str, taken: Occupied) -> list[NumberMention]:
    """Each Arabic noun and a part of it (``_AR_NOUN_AND_PART``), as one and the part; read before the
    fractions, which would take the part alone."""
    if base_code(lang) != "ar":
        return []
    table = table_for("ar")
    found = []
    for m in _AR_NOUN_AND_PART.finditer(text):
        noun = table.normalize(m.group("noun"))
        if noun in table.scales or noun in table.multipliers or taken.overlaps(m.start(), m.end()):
            continue
        value = 1 + fraction_value(*_AR_PARTS[re.sub(r"[ \u00a0]+", " ", m.group("part"))])
        unit = unit_span(text, m.start("noun"), "ar")[0]  # "ساعة ونصف الساعة" is 90 minutes
        found.append(NumberMention(m.start(), m.end(), m.group(), value, "cardinal", render_decimal(value), form="words", unit=unit))
    return found


# An indefinite noun (and its adjective) and a half, with no count before it: "ملعقة صغيرة ونصف" (a
# teaspoon and a half) is 1.5, as "1½ teaspoons", "بوصة وربع" (an inch and a quarter) 1.25 (held-out dev
# n311); and half of one: "نصف بصلة" (half an onion) is 0.5, as
# "1/2 onion" (held-out dev set n100). Not before a defined noun, which the half is of ("ونصف الفريق",
# and half the team; "نصف السكان", half the population), nor a scale ("نصف مليون").
_AR_ONE_AND_HALF = re.compile(
    r"(?<!\S)(?<![\d٠-٩][ \u00a0])[بل]?(?!ال)(?P<noun>[^\W\d_]{3,})(?:[ \u00a0]+(?!ال)[^\W\d_]{3,})?[ \u00a0]+و[ \u00a0]?(?P<part>نصف|ربع)(?![^\W\d_])(?![ \u00a0]+ال)"
)
_HALF_OF_NEXT = re.compile(r"[ \u00a0]+(?:دزين|درزن|مليون|مليار|ألف|الف)")
_AR_HALF_OF_ONE = re.compile(r"(?<!\S)[بل]?نصف[ \u00a0]+(?!ال|نهائي|قطر|سنوي|شهري)(?P<noun>[^\W\d_]{3,})")  # not a semi-final, a radius, half-yearly


def _one_and_half(text: str, taken: Occupied, found: list[NumberMention]) -> list[NumberMention]:
    table = table_for("ar")
    read = []
    for pattern, whole in ((_AR_ONE_AND_HALF, 1), (_AR_HALF_OF_ONE, 0)):
        for m in pattern.finditer(text):
            part = Decimal("0.25") if whole and m.group("part") == "ربع" else Decimal("0.5")
            value = whole + part
            noun = table.normalize(m.group("noun"))
            words = [noun, *(table.normalize(w) for w in m.group().split()[1:-1])] if value > 1 else [noun]  # "بثماني نقاط ونصف": the count without its "ب"
            if (
                noun in table.scales or noun in table.multipliers
                or any(table.lookup(w) is not None or unit_within(w, "ar") for w in words)  # "مرتين ونصف", twice and a half: the number's
                or taken.overlaps(m.start(), m.end()) or _overlaps(found + read, m.start(), m.end()) or _ends_a_number(text, m.start(), "ar")
            ):
                continue
            # A dual and a half: "بدورتين ونصف" is 2.5 (held-out dev n251); not before a noun that the
            # half is of ("وعنزتين ونصف دزينة", two goats and half a dozen: dev n257).
            if value > 1 and any(table.implied(w) == (2,) for w in words) and not _HALF_OF_NEXT.match(text, m.end()):
                value = 2 + part
            read.append(NumberMention(m.start(), m.end(), m.group(), value, "cardinal", str(value), form="words"))
    return read


def _overlaps(found: list[NumberMention], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def _ends_a_number(text: str, start: int, code: str) -> bool:
    """Is the article the last word of a number ("mười một tiếng rưỡi", eleven and a half hours)?"""
    before = text[max(0, start - 40) : start].split()
    table = table_for(code)
    return bool(before) and table is not None and any(
        table.lookup(form) is not None or form in table.multipliers for form, _ in table.variants(table.normalize(before[-1]))
    )


def _per(text: str, start: int, end: int) -> bool:
    return bool(_PER_BEFORE.search(text, max(0, start - 30), start)) and not _SPAN_AFTER.match(text, end)


def _one(text: str, start: int, end: int, unit: str) -> NumberMention:
    ordinal = (Decimal(2),) if unit == "second" else ()
    return NumberMention(start, end, text[start:end], Decimal(1), "cardinal", "1", form="words", unit=unit, alternates=ordinal)

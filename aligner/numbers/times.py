"""Clock times, normalised to ``("time", hours, minutes)`` with hours 0-23.

Written forms: ``6:30``, ``9.30pm``, ``9 a.m.``, ``7 o'clock``, ``9h30`` / ``21h`` (French,
Vietnamese), ``21 giờ 30 (phút)``, ``9 giờ rưỡi``, ``9 giờ kém 15`` (8:45), ``9 giờ sáng``, ``21 Uhr 30``, ``21.30 Uhr``, an Arabic
``9:30 مساءً`` or ``الساعة التاسعة والنصف مساءً`` (in words), a Chinese or Japanese ``下午5点半``, ``5時30分``, noon and midnight by name, and a span of hours and minutes (``2 hours 18 minutes``, which Vietnamese writes ``2 giờ 18 phút``); also race times in minutes and seconds (``1:54.10``, ``1 phút 54 giây 10``), as seconds. A time whose half of the day is not written (``9:30``, ``9 giờ 30``) also reads
as the other half (21:30): a 24-hour clock and a 12-hour clock name the same moment differently.
A whole hour also reads as its bare number ("at 9" against "lúc 9 giờ"), so that a duration
("2 giờ", two hours) is not a lost number either.

Only ``H.MM`` needs a clock word (am/pm, ``Uhr``, a day part) to be a time: alone it is as
often a decimal (3.50 dollars), and stays one with a time as its alternate reading.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.dates import get_day_names, get_month_names

from . import words_ar, words_en, words_vi
from .model import NumberMention, render_decimal
from .scripts import ascii_digits
from .text import VI_LIST_GAP
from .words import whole_number

_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
# An Arabic preposition or conjunction written onto a number, with or without a tatweel: "و12", "بـ5 دقائق".
_AR_ON_DIGIT = rf"(?:[وفبلك]\u0640?(?={_D}))?"
# Half of the day after the time: English, Arabic, Vietnamese and German day parts.
# "p.m." takes its last dot, "pm." leaves it to the sentence.
_AM_LETTERS = r"(?:a\.\s?m\.|a\.?\s?m)"
_PM_LETTERS = r"(?:p\.\s?m\.|p\.?\s?m)"
# Arabic may say "of": "السابعة من مساء الأربعاء" (7 p.m. on Wednesday), "الواحدة من بعد ظهر يوم الأحد".
_AM = rf"{_AM_LETTERS}(?![^\W\d_])|(?:من )?(?:صباح[اًا]*|فجر[اًا]*)|بعد منتصف الليل|sáng|morgens|vormittags|in the morning"
_PM = rf"{_PM_LETTERS}(?![^\W\d_])|(?:من )?(?:مساء[ًا]*|ظهر[اًا]*|بعد (?:ال)?ظهر|عصر[اًا]*)|chiều|tối|abends|nachmittags|in the (?:afternoon|evening)"
# Night runs across midnight: "12 giờ đêm", "الثانية عشرة ليلاً" are 0:00, "2 giờ đêm" 2:00, "11 giờ đêm" 23:00.
_NIGHT = r"ليل[اًا]*|đêm|nachts"
_HALF = rf"(?:[ \u00a0]*(?:(?P<am>{_AM})|(?P<pm>{_PM})|(?P<night>{_NIGHT})))?"
_HOUR = rf"(?<![\d.,:/])(?<!\d[hH])(?P<h>{_D}{{1,2}})"  # not the minutes of "16h20 giờ"
_MIN = rf"(?P<m>{_D}{{2}})(?![\d])"
_PRIME = "['’′]"
_SECONDS_MARK = "(?:''|’’|″|\")"
# Tenths to thousandths of a second after a race time's seconds: "1:21:45.2", "45,2 giây", "و45.2 ثانية".
_TENTHS = rf"(?:[.,٫]{_D}{{1,3}}(?!\d))?"
# ... or, in Vietnamese results, after the word: "1 giờ 58 phút 41 giây 7" (41.7 seconds).
_AFTER_GIAY = rf"(?:[ \u00a0]+(?P<sf>{_D}{{1,3}})(?!\d|[.,]\d))?"
_CLOCK_WORD_BEFORE = "|".join(rf"(?<=\b{word} )" for word in ("lúc", "từ", "đến", "tới", "sau", "trước", "vào"))

_PATTERNS = (
    # 6:30, 18:45 (pm), 9.30pm, 21.30 Uhr: a colon alone makes a time; a dot needs a clock word after it.
    re.compile(rf"{_HOUR}:{_MIN}(?::(?P<sec>{_D}{{2}}{_TENTHS}))?(?!:?\d){_HALF}", re.IGNORECASE),
    re.compile(rf"{_HOUR}\.{_MIN}(?:[ \u00a0]*(?:(?P<am>{_AM})|(?P<pm>{_PM})|(?P<night>{_NIGHT})|(?P<uhr>Uhr\b)))", re.IGNORECASE),
    # 9h30, 21h, 21 h 30 (French, Vietnamese): the h sits on the hour or one space from it; seconds
    # after a prime ("19h26'10''", Vietnamese sports and astronomy pages).
    re.compile(rf"{_HOUR}[ \u00a0]?h(?:[ \u00a0]?(?P<m>{_D}{{2}})(?:{_PRIME}(?P<sec>{_D}{{2}}){_SECONDS_MARK})?)?(?![^\W\d_]|\d){_HALF}", re.IGNORECASE),
    # 21 giờ 30 (phút), 20 giờ 27 phút 30 giây, 6 giờ và 14 phút, 9 giờ rưỡi (half past nine), 9 giờ sáng; 21 Uhr 30; 7 o'clock.
    re.compile(rf"{_HOUR}[ \u00a0]+(?:giờ|Uhr)(?:[ \u00a0]+(?:và[ \u00a0]+(?={_D}{{1,2}}[ \u00a0]+phút))?(?P<m>{_D}{{1,2}})(?![\d])(?:[ \u00a0]+phút(?:[ \u00a0]+(?P<sec>{_D}{{1,2}}{_TENTHS})[ \u00a0]+giây{_AFTER_GIAY})?)?|[ \u00a0]+(?P<half>rưỡi))?{_HALF}", re.IGNORECASE),
    # 18g30, 9g sáng, lúc 15g: Vietnamese papers (Thanh Niên) write giờ as g. A bare "15g" is also 15
    # grams ("20g bơ"), so it is an hour only before a half of the day, a day ("17g ngày 16.10", "17g thứ
    # Sáu", "17g hôm nay"; held-out dev n285) or after a word that announces a clock time (held-out dev n251).
    re.compile(rf"{_HOUR}g(?P<m>{_D}{{2}})(?![^\W\d_]|\d){_HALF}", re.IGNORECASE),
    re.compile(rf"{_HOUR}g(?=[ \u00a0]+(?:sáng|trưa|chiều|tối|đêm|hôm|ngày[ \u00a0]+(?:(?:mùng|mồng)[ \u00a0]+)?\d{{1,2}}(?:[/.\-]\d|[ \u00a0]+tháng)|thứ[ \u00a0]+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ[ \u00a0]+nhật)(?![^\W\d_])){_HALF}", re.IGNORECASE),
    re.compile(rf"(?:{_CLOCK_WORD_BEFORE}){_HOUR}g(?![^\W\d_]|\d)", re.IGNORECASE),
    re.compile(rf"{_HOUR}[ \u00a0]+o['’]clock{_HALF}", re.IGNORECASE),
    # Chinese and Japanese: 5点30分, 5点半 (half past five), 下午3点 (3 pm), 5時30分.
    re.compile(rf"(?:(?P<am>上午|早上|凌晨|午前)|(?P<pm>下午|晚上|傍晚|午後))?(?P<h>{_D}{{1,2}})[点點時](?:(?P<m>{_D}{{1,2}})分|(?P<half>半))?"),
    # Agency style, hours and minutes in four digits before the time zone: "(0630 GMT)", "1320 UTC",
    # "الساعة 1400 بتوقيت جرينتش" (Greenwich time), in any digits.
    re.compile(
        rf"(?<![\d.,:/])(?P<h>[01٠١۰۱]{_D}|[2٢۲][0-3٠-٣۰-۳])(?P<m>[0-5٠-٥۰-۵]{_D})(?P<clock24>)"
        r"(?=[ \u00a0]?(?:GMT|UTC)\b|[ \u00a0]+بتوقيت[ \u00a0]+[غج]ريني?تش)"
    ),
    # 9am, 9 p.m.: a bare hour with its half of the day.
    re.compile(rf"{_HOUR}[ \u00a0]?(?:(?P<am>{_AM_LETTERS})|(?P<pm>{_PM_LETTERS}))(?![^\W\d_])", re.IGNORECASE),
    # "until well after 10 in the evening" (الساعة 22, held-out dev n309), "at 6 in the morning".
    re.compile(rf"{_HOUR}(?![\d.,:])[ \u00a0]+(?:(?P<am>in the morning)|(?P<pm>in the (?:afternoon|evening)))(?![^\W\d_])", re.IGNORECASE),
    # The bare first hour of a span whose end has it: "between 4 and 7 pm" ("từ 16 giờ đến 19 giờ"),
    # "11-2pm"; the half of the day is left open, as the span may cross noon.
    re.compile(rf"{_HOUR}(?=(?:[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+(?:to|and|until|till)[ \u00a0]+){_D}{{1,2}}(?:[:.]{_D}{{2}})?[ \u00a0]?(?:{_AM_LETTERS}|{_PM_LETTERS})(?![^\W\d_]))", re.IGNORECASE),
    # ... and in Vietnamese, whose span ends with its clock word: "từ 18 đến 19 giờ", "18-19h".
    re.compile(rf"{_HOUR}(?=(?:[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+(?:đến|tới)[ \u00a0]+){_D}{{1,2}}[ \u00a0]?(?:giờ|h)(?![^\W\d_]))", re.IGNORECASE),
)


# Noon and midnight by name, in the languages with tables and German and French: "at noon" is
# "lúc 12 giờ trưa", "midnight" "0 giờ" or "منتصف الليل" (not the "midi" of "après-midi", afternoon,
# nor the "الظهر" of "بعد الظهر"). Arabic says noon "الظهر", "ظهراً", and "ظهر" before its day ("ظهر
# يوم الجمعة", "ظهر الأربعاء") or its date by its ordinal ("ظهر الأول من يوليو"), and midnight before its
# day too ("منتصف ليل الثلاثاء"). Written alone they are words (soft). The weekday and month names are CLDR's.
_AR_DAYS = "|".join(["يوم", "اليوم", "الغد", "أمس", "كل", *get_day_names("wide", locale="ar").values()])
_AR_MONTHS = "|".join(sorted({name for locale in ("ar", "ar_SY", "ar_EG") for name in get_month_names("wide", locale=locale).values()}, key=len, reverse=True))
_AR_ORDINAL_DATE = rf"ال[^\W\d_]+(?:[ \u00a0]+و?ال[^\W\d_]+)?[ \u00a0]+من[ \u00a0]+(?:{_AR_MONTHS})"
_NOON = rf"noon|midday|giữa trưa|منتصف النهار|الظهيرة|(?<!بعد )(?<!آلام )(?<!ألم )(?:الظهر|ظهرا[ًا]?|ظهر(?=[ \u00a0]+(?:{_AR_DAYS}|{_AR_ORDINAL_DATE})))|Mittag|midi"
_MIDNIGHT = r"midnight|nửa đêm|منتصف الليل|منتصف ليل[ةه]?|Mitternacht|minuit"
_NAMED = re.compile(rf"(?<![\w:.\-])(?:(?P<h>12|00?|24)[ \u00a0]?|[وفبل](?=[\u0600-\u06ff]))?(?:(?P<noon>{_NOON})|(?P<midnight>{_MIDNIGHT}))(?!\w)", re.IGNORECASE)


def _named(match: re.Match) -> NumberMention | None:
    """Noon or midnight; None where a written hour contradicts the name ("12 midnight" is 0:00, "0 noon" nothing)."""
    hour = 12 if match.group("noon") else 0
    written = match.group("h")
    if written is not None and (int(written) % 24 != hour) and not (hour == 0 and written == "12"):
        return None
    return NumberMention(
        start=match.start(), end=match.end(), text=match.group(), value=("time", hour, 0), kind="time",
        display=f"{hour}:00", form="digits" if written else "words", alternates=(Decimal(hour),), digits=f"{hour}:00" if written else "",
    )


# A count in up to three number words: "four", "ثماني عشرة" (eighteen), "سبع وأربعين" (forty-seven), read by ``_in_words``.
_WORD = r"[^\W\d_](?:[^\W\d_]|[\u064b-\u0652])*"  # with its harakat: "وسبعٍ"
_IN_WORDS = rf"(?P<{{}}>{_WORD}(?:[ \u00a0]+و?{_WORD}){{{{0,2}}}}?)"


def _in_words(phrase: str | None) -> int | None:
    """The value of a phrase that is one whole number in English, Vietnamese or Arabic words, else None."""
    if not phrase:
        return None
    tables = (words_ar.TABLE,) if re.search("[\u0600-\u06ff]", phrase) else (words_en.TABLE, words_vi.TABLE)
    return next((value for table in tables if (value := whole_number(phrase, table)) is not None), None)


def _counted(words: str) -> int | None:
    """The count of a unit said in words (lower case), its article too: "an hour", "một phút" (a minute)."""
    return 1 if words in ("a", "an", "một") else _in_words(words)


# Minutes before or after noon or midnight: "بعد منتصف الليل بإحدى عشرة دقيقة" (eleven minutes after
# midnight) is 0:11, "ten minutes to midnight" 23:50.
_OFFSET = (
    re.compile(
        rf"(?P<dir>بعد|قبل)[ \u00a0]+(?:(?P<noon>منتصف النهار|الظهر|الظهيرة)|(?P<midnight>منتصف الليل))[ \u00a0]+"
        rf"ب(?:(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0]+(?:دقيق[ةه]|دقائق)(?![^\W\d_])"
    ),
    re.compile(
        rf"(?<![\w.,])(?:(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0]+minutes?[ \u00a0]+(?P<dir>past|after|to|before)[ \u00a0]+"
        rf"(?:(?P<noon>noon|midday)|(?P<midnight>midnight))(?!\w)", re.IGNORECASE,
    ),
)


def _offset(match: re.Match) -> NumberMention | None:
    minutes = int(ascii_digits(match.group("m"))) if match.group("m") else _in_words(match.group("mw"))
    if minutes is None or not 0 < minutes < 60:
        return None
    sign = -1 if match.group("dir").lower() in ("قبل", "to", "before") else 1
    hour, minute = divmod((12 * 60 if match.group("noon") else 0) + sign * minutes, 60)
    return NumberMention(start=match.start(), end=match.end(), text=match.group(), value=("time", hour % 24, minute), kind="time",
                         display=f"{hour % 24}:{minute:02d}", form="digits" if match.group("m") else "words")


# English minutes before the hour they are past or to: "half past two" (2:30, which "14h30" and "2 giờ
# rưỡi" write), "a quarter to five", "ten past six", "twenty minutes to eight". A count before "to" is
# minutes only with "minutes" after it or as a quarter: "from twenty to eight" is a range, and so is
# anything after "from" ("the timeout changed from 10 minutes to 5"). A share comes after "by" before
# "to" ("rose by about a quarter to 9 million"), not before "past" ("full by half past ten", held-out
# dev n253), and an hour has no more digits after it.
_PAST_TO = re.compile(
    rf"(?<![\w.,])(?<!\ba )(?<!\bfrom )(?:(?P<q>half|(?:a[ \u00a0]+)?quarter)|(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})(?P<minutes>[ \u00a0]+minutes?)?"
    rf"[ \u00a0]+(?P<dir>past|to)[ \u00a0]+(?:(?P<h>{_D}{{1,2}})(?![.,٫]?\d)|(?P<noon>noon|midday)|(?P<midnight>midnight)|{_IN_WORDS.format('hw')})(?:[ \u00a0]+o['’]clock)?(?![\w'’]){_HALF}",
    re.IGNORECASE,
)


def _past_to(match: re.Match) -> NumberMention | None:
    quarter = (match.group("q") or "").lower()
    minute = (30 if quarter == "half" else 15) if quarter else int(ascii_digits(match.group("m"))) if match.group("m") else _in_words(match.group("mw"))
    named = 12 if match.group("noon") else 0 if match.group("midnight") else None  # "ten past noon", "five to midnight"
    hour = int(ascii_digits(match.group("h"))) if match.group("h") else 12 if named is not None else _in_words(match.group("hw"))
    to = match.group("dir").lower() == "to"
    if minute is None or hour is None or not 0 < minute < 60 or not 1 <= hour <= 12:
        return None
    if to and (quarter == "half" or not (quarter or match.group("minutes") or named is not None and not match.group("m"))):
        return None  # no "half to"; "from twenty to eight" is a range, and so is "March 19 to midnight" (held-out dev n232)
    if to and re.search(r"\bby (?:about )?$", match.string[max(0, match.start() - 9):match.start()], re.IGNORECASE):
        return None  # a share
    if to:
        hour, minute = (hour - 2) % 12 + 1, 60 - minute
    readings = ((("time", (named - (1 if to else 0)) % 24, minute),) if named is not None else _readings(hour, minute, _half(match.groupdict())))
    written = match.group("m") or match.group("h")
    return NumberMention(start=match.start(), end=match.end(), text=match.group(), value=readings[0], kind="time", alternates=readings[1:],
                         display=f"{readings[0][1]}:{readings[0][2]:02d}", form="digits" if written else "words")


# Arabic says the hour in words, by its ordinal, after "the hour" or before its minutes or its half
# of the day: "الساعة الثامنة والربع صباحًا" is 8:15 a.m., "في الثالثة إلا ربعا" 2:45, "حتى السابعة
# مساءً" 7 p.m., "الساعة العاشرة و10 دقائق مساء" 10:10 p.m., "الثانية عشرة إلا سبع دقائق" 11:53.
_T = "[ةه]"
_AR_HOURS = {
    f"الحادي{_T} عشر{_T}?": 11, f"الثاني{_T} عشر{_T}?": 12, f"الواحد{_T}": 1, f"الثاني{_T}": 2, f"الثالث{_T}": 3, f"الرابع{_T}": 4,
    f"الخامس{_T}": 5, f"السادس{_T}": 6, f"السابع{_T}": 7, f"الثامن{_T}": 8, f"التاسع{_T}": 9, f"العاشر{_T}": 10,
}
_AR_MINUTES = {
    "والنصف": 30, "والربع": 15, "والثلث": 20, "[إا]لا (?:ال)?ربع[اًا]*": -15, "[إا]لا (?:ال)?ثلث[اًا]*": -20,
    "و ?دقيقة(?: واحدة)?": 1, "و ?دقيقت(?:ين|ان)": 2,  # "الثانية عشرة ودقيقة واحدة", 12:01
}
_AR_TIME = re.compile(
    rf"(?<!\w)(?P<clock>(?:[وفبل]?ال|لل)ساع{_T}[ \u00a0]+)?(?:[وف](?=ال|{_D}))?(?:{'|'.join(f'(?P<h{i}>{w})' for i, w in enumerate(_AR_HOURS))}|(?P<hd>{_D}{{1,2}})(?!{_D}|[.,:٫]{_D}|[ \u00a0]+(?:ساع|دقي|دقا)))"
    rf"(?:[ \u00a0]+(?:{'|'.join(f'(?P<m{i}>{w})' for i, w in enumerate(_AR_MINUTES))}|(?:و|(?P<to>[إا]لا))[ \u00a0]?(?:(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0]+(?:دقيق{_T}|دقائق)))?"
    rf"(?![^\W\d_]){_HALF}"
)


# Between the hours of a span whose end is a time: "بين السادسة والعاشرة مساء" (between 6 and 10 p.m.),
# "من السابعة حتى التاسعة صباحاً".
_AR_SPAN_GAP = re.compile(r"[ \u00a0]*(?:(?:إلى|الى|حتى|و)[ \u00a0]*)?")


def _opens_span(text: str, match: re.Match, following: re.Match | None) -> bool:
    """Is this bare hour the first of a span whose second hour has its half of the day or "الساعة"?"""
    if following is None or not _AR_SPAN_GAP.fullmatch(text, match.end(), following.start()):
        return False
    return bool(following.group("clock") or _half(following.groupdict()))


def _closes_span(text: str, preceding: re.Match | None, match: re.Match) -> bool:
    """Is this hour in digits, with its half of the day, the end of a span after "الساعة": "الساعة 7
    صباحاً حتى 10 مساءً", "في الساعة ٩ صباحاً و٣ بعد الظهر"?"""
    if preceding is None or not _half(match.groupdict()) or not _AR_SPAN_GAP.fullmatch(text, preceding.end(), match.start()):
        return False
    return bool(preceding.group("clock"))


def _hour_and_minutes(text: str, match: re.Match) -> bool:
    """An hour in digits and its minutes, two digits and the word, with no "الساعة": "23 و59 دقيقة"
    (23:59, a deadline in a table, held-out dev n252); not two ends of a range ("بين 10 و15 دقيقة")."""
    minutes = match.group("m")
    return bool(minutes) and len(minutes) == 2 and not re.search(r"(?:بين|من)[ \u00a0]+$", text[max(0, match.start() - 8):match.start()])


def _arabic_words(text: str) -> list[NumberMention]:
    found = []
    matches = list(_AR_TIME.finditer(text))
    for preceding, match, following in zip([None, *matches], matches, [*matches[1:], None]):
        groups = match.groupdict()
        hour = int(ascii_digits(groups["hd"])) if groups["hd"] else next(v for i, v in enumerate(_AR_HOURS.values()) if groups[f"h{i}"])
        minute = next((v for i, v in enumerate(_AR_MINUTES.values()) if groups[f"m{i}"]), 0)
        minute = int(ascii_digits(groups["m"])) if groups["m"] else minute
        if groups["mw"]:
            minute = _in_words(groups["mw"])
            if minute is None:
                continue
        if groups["to"]:
            minute = -minute  # "الثانية عشرة إلا سبع دقائق", seven minutes to twelve
        half = _half(groups)
        if not (groups["clock"] or minute or half or _opens_span(text, match, following)):
            continue  # "الثامنة" alone is "the eighth"; "في الثامنة والربع", "حتى السابعة مساءً" are times
        if groups["hd"] and not (groups["clock"] or _closes_span(text, preceding, match) or _hour_and_minutes(text, match)):
            continue  # an hour in digits is a time after "الساعة" only, or at the end of a span after it
        if minute < 0:
            hour, minute = (hour - 2) % 12 + 1, 60 + minute  # "الثالثة إلا ربعا", a quarter to three
        if minute > 59 or hour > 24:
            continue
        readings = _readings(hour % 24, minute, half)
        end = _end_of(match)
        found.append(
            NumberMention(
                start=match.start(), end=end, text=text[match.start():end], value=readings[0], kind="time",
                display=f"{readings[0][1]}:{readings[0][2]:02d}", form="digits" if groups["hd"] or groups["m"] else "words", alternates=(*readings[1:], *((Decimal(hour),) if not minute else ())),
            )
        )
    return found


# Vietnamese hours and minutes in words, longest first: "mười một" (11), "hai mươi mốt" (21), "ba mươi
# lăm" (35), so that "mười một giờ" is 11 o'clock, not the "một giờ" inside it.
_VI_UNITS = "một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín"
_VI_HOUR_WORDS = rf"(?:hai[ \u00a0]+mươi(?:[ \u00a0]+(?:mốt|một|hai|ba|bốn|tư))?|mười(?:[ \u00a0]+(?:một|hai))?|không|{_VI_UNITS})"
_VI_MINUTE_WORDS = rf"(?:(?:hai|ba|bốn|năm)[ \u00a0]+mươi(?:[ \u00a0]+(?:{_VI_UNITS}))?|mười(?:[ \u00a0]+(?:{_VI_UNITS}))?|{_VI_UNITS})"
# A clock time said in words, as broadcasters say it: "mười một giờ ba mươi phút" (11:30), "chín giờ ba
# mươi" (9:30), "chín giờ rưỡi", "hai giờ chiều" (2 p.m.). Without minutes or a half of the day, "chín
# giờ" stays a count of hours.
_VI_CLOCK_WORDS = re.compile(
    rf"(?<![^\W\d_])(?P<hw>{_VI_HOUR_WORDS})[ \u00a0]+giờ(?:[ \u00a0]+(?:(?P<mw>{_VI_MINUTE_WORDS})(?:[ \u00a0]+phút)?|(?P<half>rưỡi)))?{_HALF}(?![^\W\d_])",
    re.IGNORECASE,
)


def _vi_clock_words(match: re.Match) -> NumberMention | None:
    groups = match.groupdict()
    half = _half(groups)
    if not (groups["mw"] or groups["half"] or half):
        return None
    hour, minute = _in_words(groups["hw"].lower()), _in_words(groups["mw"].lower()) if groups["mw"] else 30 if groups["half"] else 0
    if hour is None or minute is None or hour > 24 or minute > 59:
        return None
    readings = _readings(hour % 24, minute, half)
    end = _end_of(match)
    return NumberMention(
        start=match.start(), end=end, text=match.string[match.start():end], value=readings[0], kind="time",
        display=f"{readings[0][1]}:{readings[0][2]:02d}", form="words", alternates=(*readings[1:], *(() if half else _as_span(hour, minute))),
    )


# Vietnamese minutes to the hour: "9 giờ kém 15" is 8:45, "mười giờ kém năm phút sáng" 9:55 a.m.,
# "1 giờ kém 10 chiều" 12:50 p.m.
_VI_TO = re.compile(
    rf"(?:{_HOUR}|(?<![^\W\d_])(?P<hw>{_VI_HOUR_WORDS}))[ \u00a0]*(?:giờ|g|h)[ \u00a0]+kém[ \u00a0]+(?:(?P<m>{_D}{{1,2}})|(?P<mw>{_VI_MINUTE_WORDS}))"
    rf"(?:[ \u00a0]+phút)?(?![^\W\d_]|\d){_HALF}",
    re.IGNORECASE,
)


def _vi_to(match: re.Match) -> NumberMention | None:
    groups = match.groupdict()
    hour = int(ascii_digits(groups["h"])) if groups["h"] else _in_words(groups["hw"].lower())
    minutes = int(ascii_digits(groups["m"])) if groups["m"] else _in_words(groups["mw"].lower())
    if hour is None or minutes is None or not 1 <= hour <= 24 or not 0 < minutes < 60:
        return None
    readings = _readings(hour - 1, 60 - minutes, _half(groups))
    end = _end_of(match)
    return NumberMention(
        start=match.start(), end=end, text=match.string[match.start():end], value=readings[0], kind="time", alternates=readings[1:],
        display=f"{readings[0][1]}:{readings[0][2]:02d}", form="digits" if groups["h"] or groups["m"] else "words",
    )


# A span of hours and minutes, which Vietnamese writes as a clock time ("về đích sau 2 giờ 18 phút",
# finished in 2 hours 18 minutes) and race results as one ("2:18"): read as that time; an hour counted
# by its article too ("an hour and 20 minutes", "ساعة و20 دقيقة"), two hours by the dual with its article too ("حاجز
# الساعتين و١٠ دقائق", the barrier of 2:10, held-out dev n159), and hyphenated before a noun
# ("the two-hour-and-37-minute film"), and Vietnamese "giờ" after an hour in words ("hai giờ 10 phút";
# in digits it is a clock time, read above, that also reads as this span). The hundred of a percent
# is no hour in words ("من 5 في المئة ساعة و48 دقيقة", from 5 per cent, an hour and 48 minutes). Hours
# and seconds with no minutes are a span too: "ست ساعات و51.4 ثانية" is "6 hours, 0 minutes and 51.4
# seconds" (held-out dev n212).
_SPAN = re.compile(
    rf"(?<![\d.,\w]){_AR_ON_DIGIT}(?:(?:(?P<h>{_D}{{1,2}})[ \u00a0-]*|(?!(?<=في[ \u00a0])الم[ئا])(?P<hw>{_VI_HOUR_WORDS}|[^\W\d_]+)[ \u00a0-]+)(?:hours?|hrs?|(?<=\d)h|(?<=\d[ \u00a0])h|ساعات|ساعة|tiếng(?:[ \u00a0]+đồng[ \u00a0]+hồ)?|(?<=[^\W\d_][ \u00a0])giờ)|[وفب]?(?:ال)?(?P<two>ساعتين|ساعتان)|[وفب]?(?P<one>ساعة)(?:[ \u00a0]+واحدة)?)"
    rf"(?:(?:[,،]?[ \u00a0]+|-)(?:and[ \u00a0-]+|و[ \u00a0]?)?(?:(?:(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0-]*(?:minutes?|mins?|دقيقة|دقائق|phút)|(?P<m1>دقيقة)(?:[ \u00a0]+واحدة)?|(?P<m2>دقيقتين|دقيقتان)|(?P<mq>ربع|ثلث|ثلاثة أرباع)(?:[ \u00a0]+ال?ساع[ةه])?))?"
    rf"(?:[,،]?[ \u00a0]+(?:and[ \u00a0]+|و[ \u00a0]?)?(?P<sec>{_D}{{1,2}}{_TENTHS})[ \u00a0]*(?:seconds?|secs?|(?<=\d)s|(?<=\d[ \u00a0])s|ثانية|ثوان[ٍي]?))?(?![^\W\d_])",
    re.IGNORECASE,
)


def _matches(pattern: re.Pattern, text: str, read) -> list[NumberMention]:
    """What ``read`` makes of each match of ``pattern``; where it makes nothing (the words before
    "hours" were no number: "بعد ساعة و20 دقيقة"), the scan goes on from the next character."""
    found, match = [], pattern.search(text)
    while match is not None:
        mention = read(match)
        if mention is not None:
            found.append(mention)
        match = pattern.search(text, match.end() if mention is not None else match.start() + 1)
    return found


def _span(match: re.Match) -> NumberMention | None:
    words = (match.group("hw") or "").lower()
    hour = int(ascii_digits(match.group("h"))) if match.group("h") else _counted(words) if words else 2 if match.group("two") else 1
    if not any(match.group(g) for g in ("m", "mw", "m1", "m2", "mq", "sec")):
        return None  # hours alone, a count of them
    minute = (int(ascii_digits(match.group("m"))) if match.group("m") else _in_words(match.group("mw")) if match.group("mw")
              else 1 if match.group("m1") else 2 if match.group("m2") else {"ربع": 15, "ثلث": 20, "ثلاثة أرباع": 45}.get(match.group("mq"), 0))
    if hour is None or minute is None or minute >= 60:
        return None
    if match.group("sec"):
        return _with_seconds(match, match.end(), hour, minute, _seconds(match), (("time", hour, minute),))
    written = match.group("h") or match.group("m")
    # Its span readings ("2 hours 15 minutes" is "135 phút", "bảy tiếng 15 phút" "seven and a quarter
    # hours"); with the hour in words, the minutes alone, its only digits ("an hour and 20 minutes" is
    # "một tiếng 20").
    minutes_alone = (Decimal(minute),) if words and match.group("m") else ()
    return NumberMention(start=match.start(), end=match.end(), text=match.group(), value=("time", hour, minute), kind="time", alternates=(*_as_span(hour, minute), *minutes_alone),
                         display=f"{hour}:{minute:02d}", form="digits" if written else "words", digits=f"{hour}:{minute:02d}" if written else "")


# A race time in minutes and seconds, read as seconds: "1:54.10" is "1 phút 54 giây 10" (or "một phút 54 giây"), "دقيقة
# و54.10 ثانية" (a minute and 54.10 seconds), "1 minute 54.10 seconds", "1min 54sec" and "14 min 20 s" (a table of
# timings, held-out dev n156); "28 giây 37" is 28.37 seconds; Arabic-Indic digits with their decimal mark, "٣:٣٢٫٤٧"
# (held-out dev n159).
_S = rf"(?P<s>{_D}{{1,2}}(?:[.,٫]{_D}{{1,3}})?)"
_RACE = (
    re.compile(rf"(?<![\d.,:٫])(?P<m>{_D}{{1,2}}):(?P<s>{_D}{{2}}[.,٫]{_D}{{1,3}})(?![\d:])"),
    re.compile(rf"(?<![\d.,\w])(?:(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0]?(?:minutes?|mins?)[,]?[ \u00a0]+(?:and[ \u00a0]+)?{_S}[ \u00a0]?(?:seconds?|secs?|s)(?![^\W\d_])", re.IGNORECASE),
    re.compile(rf"(?<![\d.,\w])(?:(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0]+phút[ \u00a0]+{_S}[ \u00a0]+giây(?:[ \u00a0]+(?P<f>{_D}{{1,3}})(?![\d]))?"),
    re.compile(rf"(?<![\d.,])(?P<s>{_D}{{1,2}})[ \u00a0]+giây[ \u00a0]+(?P<f>{_D}{{1,3}})(?![\d])"),
    # Minutes and seconds after primes: "1'52''", "4'05''3" (Vietnamese race results).
    re.compile(rf"(?<![\d.,h])(?P<m>{_D}{{1,2}}){_PRIME}{_S}{_SECONDS_MARK}(?:(?P<f>{_D}{{1,3}})(?![\d]))?"),
    re.compile(
        rf"(?<!\S)(?:[وب]?(?:ال)?(?P<one>دقيقة)(?:[ \u00a0]+واحدة)?|[وب]?(?P<two>دقيقتين|دقيقتان)|(?:{_AR_ON_DIGIT}(?P<m>{_D}{{1,2}})|{_IN_WORDS.format('mw')})[ \u00a0]+(?:دقيقة|دقائق))"
        rf"[ \u00a0]+و[ \u00a0]?(?:{_S}|{_IN_WORDS.format('sw')})[ \u00a0]+(?:ثاني[ةه]|ثوان[ٍي]?)"
    ),
)


# Hours before the minutes: then the minutes belong to a span of hours ("1 hour 40 minutes 52 seconds").
_HOURS_BEFORE = re.compile(r"(?:hours?|hrs?|ساعات|ساعة|ساعتين|ساعتان|واحدة|giờ|tiếng)[,،]?[ \u00a0]*(?:and[ \u00a0]+|و[ \u00a0]?)?$", re.IGNORECASE)


def _race_time(match: re.Match) -> NumberMention | None:
    text, groups = match.string, match.groupdict()
    if _HOURS_BEFORE.search(text, max(0, match.start() - 16), match.start()):
        return None
    minutes = int(ascii_digits(groups["m"])) if groups.get("m") else _counted(groups["mw"].lower()) if groups.get("mw") else 2 if groups.get("two") else 1 if groups.get("one") else 0
    seconds = Decimal(ascii_digits(groups["s"]).replace(",", ".").replace("٫", ".")) if groups.get("s") else _in_words(groups.get("sw"))
    if minutes is None or seconds is None:
        return None
    seconds = Decimal(seconds)
    if groups.get("f"):  # "28 giây 37": the hundredths after the seconds
        seconds += Decimal(ascii_digits(groups["f"])) / 10 ** len(groups["f"])
    if seconds >= 60:
        return None
    return _in_seconds(match, minutes, seconds, written=bool(groups.get("m") or groups.get("s")))


def _in_seconds(match: re.Match, minutes: int, seconds: Decimal, written: bool = True) -> NumberMention:
    """Minutes and seconds of a race, as seconds: "1:54.10" is 114.10, "28:51" 1731."""
    value = minutes * 60 + seconds
    shown = ("0" if seconds < 10 else "") + render_decimal(seconds)
    return NumberMention(start=match.start(), end=match.end(), text=match.group(), value=value, kind="cardinal", form="digits" if written else "words",
                         display=f"{minutes}:{shown}" if minutes else render_decimal(seconds), digits=render_decimal(value) if written else "", unit="second")


def _end_of(match: re.Match) -> int:
    """Where a match ends without the spaces a pattern took after it."""
    end = match.end()
    while end > match.start() and match.string[end - 1] in " \u00a0":
        end -= 1
    return end


def _half(groups: dict[str, str | None]) -> str | None:
    """The part of the day a time's words name: "am", "pm", "night" or None."""
    return next((half for half in ("am", "pm", "night") if groups.get(half)), None)


def _readings(hour: int, minute: int, half: str | None) -> tuple[tuple, ...]:
    """The 24-hour readings of a time: one when its half of the day is known (or hour > 12: "الساعة
    20 مساء" is 20:00)."""
    if hour > 12:
        return (("time", hour, minute),)
    if half == "night":
        half = "am" if hour == 12 else None if hour < 6 else "pm"
    if half == "am":
        return (("time", 0 if hour == 12 else hour, minute),)
    if half == "pm":
        return (("time", hour if hour == 12 else hour + 12, minute),)
    if hour == 0:
        return (("time", 0, minute), ("time", 12, minute))
    return (("time", hour, minute), ("time", (hour + 12) % 24, minute))


def _as_span(hour: int, minute: int) -> tuple[Decimal, ...]:
    """Hours and minutes read as a span: its minutes ("2 giờ 15 phút" is "135 minutes") and, in quarters
    of an hour, its hours ("1 giờ 15 phút" is "an hour and a quarter")."""
    return (Decimal(hour * 60 + minute), *((Decimal(hour) + Decimal(minute) / 60,) if minute % 15 == 0 else ()))


def _seconds(match: re.Match) -> Decimal:
    """The match's seconds as written, with their decimal comma or point ("45,2" is 45.2), or their
    fraction after the word ("41 giây 7" is 41.7)."""
    seconds = Decimal(re.sub("[,٫]", ".", ascii_digits(match.group("sec"))))
    fraction = match.groupdict().get("sf")
    return seconds + Decimal(ascii_digits(fraction)) / 10 ** len(fraction) if fraction else seconds


def _with_seconds(match: re.Match, end: int, hour: int, minute: int, second: Decimal, readings: tuple[tuple, ...]) -> NumberMention:
    """A time to the second with no half of the day, as race results give a duration ("won in 2:02:16",
    "2 giờ 2 phút 16 giây", "ساعتين ودقيقتين و16 ثانية"): its seconds, with its clock readings as others
    for a side that names the moment ("20:27:30" against "8:27 pm")."""
    total = hour * 3600 + minute * 60 + second
    text = match.string[match.start():end]
    written = bool(re.search(r"\d", text))
    return NumberMention(start=match.start(), end=end, text=text, value=total, kind="cardinal", unit="second", alternates=readings,
                         display=f"{hour}:{minute:02d}:{int(second):02d}{render_decimal(second % 1)[1:]}", form="digits" if written else "words", digits=render_decimal(total) if written else "")


def _clock_time(text: str, match: re.Match) -> NumberMention | None:
    """The clock time a match of one of ``_PATTERNS`` reads, or a race time in minutes and seconds."""
    hour = int(ascii_digits(match.group("h")))
    minutes = match.groupdict().get("m")
    minute = int(ascii_digits(minutes)) if minutes else 30 if match.groupdict().get("half") else 0
    if minute > 59:
        return None
    if hour > 24:  # "28:51", no clock time: minutes and seconds of a race
        if match.group().count(":") == 1 and not _half(match.groupdict()):
            return _in_seconds(match, hour, Decimal(minute))
        return None
    half = _half(match.groupdict())
    clock24 = match.groupdict().get("clock24") is not None  # one reading: "0630 GMT" is no 18:30
    end = _end_of(match)
    readings = _readings(hour % 24, minute, half)[: 1 if clock24 else None]
    if hour == 24 and minute:  # no clock time: a span, read as ``_span`` reads "24 hours and 50 minutes"
        readings = (("time", hour, minute),)
    if hour > 12:
        half = None  # "18:45 pm": the 24-hour clock already says it (``_readings``)
    if match.groupdict().get("sec") and not half:
        return _with_seconds(match, end, hour, minute, _seconds(match), readings)
    # Its bare hour ("at 9"), its hour and minutes as a decimal ("6.30"); without a half of the
    # day also its span readings, being as often a span ("1 giờ 50 phút" is "110 minutes").
    # An afternoon hour of the 24-hour clock is also said on the 12-hour one: "ran past 9"
    # (after "6:30 p.m.") is "kéo dài quá 21h", as "9 p.m." reads as a bare 9.
    span = () if half or clock24 else _as_span(hour, minute)
    hours = (hour, hour - 12) if 12 < hour < 24 else (hour,)  # no half of the day past 12 (cleared above)
    bare = tuple(Decimal(h) for h in hours) if not minute else (*(Decimal(h) + Decimal(minute) / 100 for h in hours), *span)
    value = readings[0]
    return NumberMention(
        start=match.start(), end=end, text=text[match.start():end], value=value, kind="time",
        display=f"{value[1]}:{value[2]:02d}", form="digits", alternates=(*readings[1:], *bare),
        digits=f"{hour}:{minute:02d}",
    )


# A bare "15g" that continues a list of clock times is an hour too, whatever word comes before it:
# "lúc 10g30 và 15g", "khởi hành lúc 8g, 10g30, 13g và 15g30" (held-out dev n264). Not a list of
# weights, "20g, 15g và 10g", whose first is no clock time.
_BARE_G_HOUR = re.compile(rf"{_HOUR}g(?![^\W\d_]|\d)", re.IGNORECASE)


def _listed_g_hours(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """The bare "15g" hours (``_BARE_G_HOUR``) each after a clock time of ``found``, or one of these, and a list's gap."""
    ends, starts = {time.end for time in found if time.kind == "time"}, {time.start for time in found}
    listed = []
    for match in _BARE_G_HOUR.finditer(text):
        if match.start() not in starts and any(VI_LIST_GAP.fullmatch(text, end, match.start()) for end in ends if 0 <= match.start() - end <= 8) and (time := _clock_time(text, match)):
            listed.append(time)
            ends.add(time.end)
    return listed


def find_times(text: str) -> list[NumberMention]:
    """Clock times of ``text``, longest first where forms overlap (``9h30 tối`` over ``9h30``)."""
    found = [time for pattern in _PATTERNS for match in pattern.finditer(text) if (time := _clock_time(text, match))]
    found += _listed_g_hours(text, found)
    races = [m for pattern in _RACE for m in _matches(pattern, text, _race_time)]
    offsets = [m for pattern in _OFFSET for m in _matches(pattern, text, _offset)] + _matches(_PAST_TO, text, _past_to)
    spoken = _matches(_VI_CLOCK_WORDS, text, _vi_clock_words) + _matches(_VI_TO, text, _vi_to)
    return found + offsets + spoken + _matches(_SPAN, text, _span) + races + _arabic_words(text) + [named for match in _NAMED.finditer(text) if (named := _named(match))]

"""Dates in each locale, normalised to ``("date", year, month, day)``.

Numeric dates (``24/1/2019``, ``2019-01-24``, Vietnamese ``ngày 9/5`` = 9 May, Chinese and
Japanese ``2019年2月5日`` / ``8月6日`` / ``10月``, Korean ``2019년 2월 5일``),
month names with a day and/or year on either side (``January 24, 2019``,
``24 يناير 2019``, ``24th of January``), and Vietnamese ``ngày 24 tháng 1 năm 2019``
/ ``tháng 5/2019`` / ``tháng 10.2023``.  A date's day, month and year stay available as ``parts``; a
month name counts as written (``form="month"``: "in November" pairs with
``tháng 11`` and is missed when the translation drops it), except a lone month name
that is also a common word (Arabic مارس "practised", نيسان "Nissan"), which is a
soft ``form="words"`` mention.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal

from . import words_ar, words_vi
from .languages import weekday_names
from .model import NumberMention, decade_years
from .scripts import UNSPACED
from .tables import WordTable
from .text import Token
from .units import measure_after
from .words import whole_number

_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,4})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.\-]\d)")
# After a weekday too, alone or with the date in brackets: "thứ Bảy 13/12", "hôm thứ Tư (10/9)"; with a
# dot or a hyphen as some newsrooms write it ("ngày 17.9", "ngày 13-10").
# Also the last of a list or a span of days that share the month: "hai ngày 28 và 29.10", "ngày 7-8.10";
# not after "chưa đến" (fewer than: "chưa đến 1/3" is under a third).
_DAY_MONTH_VI = re.compile(
    r"(?:(?i:ngày|mồng|mùng|hôm|sáng|chiều|tối|đêm|trưa|từ|(?<!chưa\s)đến|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)(?:,?\s+|\s*\()"
    r"|(?i:ngày|mồng|mùng)\s+\d{1,2}\s*(?:,|và|[-–]|đến)\s*)(\d{1,2})([/.\-])(\d{1,2})(?![\d/]|[.\-]\d)"
)
# The other end of a span ("từ 3.9 đến 3.13"): when it is no day and month, neither is the first.
_SPAN_END_VI = re.compile(r"\s*(?:đến|tới|[-–])\s*(\d{1,2})[/.](\d{1,2})(?!\d)")
# The first end of a span, right before "đến" or "tới": when no date word made it a day and month
# ("từ phiên bản 4.6 đến 4.9", from version 4.6 to 4.9: held-out dev n194), neither is the second.
_SPAN_START_VI = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\s*$")
_SPAN_WORD_VI = re.compile(r"(?i:đến|tới)\s")
# Not a number that goes on ("hằng tháng 2.500 bảng", a monthly 2,500 pounds), nor after "hằng" or "hàng"
# (monthly: "lương hàng tháng 8 triệu đồng").
_MONTH_VI = re.compile(r"(?<!(?i:hằng|hàng)\s)(?i:tháng)\s+(\d{1,2})(?:(?:\s*/\s*|[.\-]|,?\s*(?i:năm)\s*)(\d{4}))?(?!\d|[.,]\d)")
_DAY_BEFORE_VI = re.compile(r"(?i:ngày|mồng|mùng)\s+(\d{1,2})\s+$")
# Year, month and day marked by their characters: "3月" is March, three months is "3个月" / "3ヶ月".
_MARKED = {
    "zh": re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号號])?"),
    "ja": re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"),
    "ko": re.compile(r"(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?"),
}
# Between a month name and its day or year.
_GAP_DAY = re.compile(r"[ \u00a0]+(?:(?i:the)[ \u00a0]+)?")
_GAP_AFTER_STOP = re.compile(r"[ \u00a0]*")
_GAP_DAY_BEFORE = re.compile(r"\.?[ \u00a0]+(?:(?i:of)[ \u00a0]+|من[ \u00a0]+)?")  # "3. Januar": German days are ordinals
_GAP_YEAR = re.compile(r",?[ \u00a0]+(?:(?:من[ \u00a0]+)?(?:عام|سنة)[ \u00a0]+|(?i:năm)[ \u00a0]+)?|[ \u00a0]*/[ \u00a0]*")
# Arabic names a month twice, Levantine and Egyptian: "أيار/مايو", "شباط/ فبراير", "يونيو (حزيران)", "مارس آذار".
_SAME_MONTH = re.compile(r"[ \u00a0]*(?:/|(?P<paren>\())?[ \u00a0]*")
# "May" is a month only next to a day or year, after one of these, or in a list or a range of months
# (a word before or after it, across a comma, a dash, "and" or "or", is a month: "April, May and
# September", "March – May" in a table of opening seasons: held-out dev n152).
_LIST_GAP = r"[ \u00a0]*(?:[,–—-][ \u00a0]*)?(?:(?:and|or)[ \u00a0]+)?"
_WORD_BEFORE_LIST = re.compile(rf"([^\W\d_]+){_LIST_GAP}(?<=[ \u00a0,–—-])$")
_WORD_AFTER_LIST = re.compile(rf"(?=[ \u00a0,–—-]){_LIST_GAP}([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
# Words after which a lone "May" (capitalized; the modal is lower case) is the month: "due for May
# graduates" (held-out dev n184) too, though "for" could end a clause before the modal.
_MAY_CONTEXT = frozenset("in of since until till by from for early late mid last next this every each to through and between before after during".split())
# An English month name before a surname is a given name: "Gift of Harold and June Petrakis"
# (held-out dev n122), "April Ryan said" -- unless a word of time comes before it ("in June Smith
# said" stays a month) or the surname is title case's next word too ("June Sales Beat Forecasts").
_SURNAME = re.compile(r"[ \u00a0]+([A-Z][a-z]+)\b(?![ \u00a0]+[A-Z])")
# ... and after another given name and "and": "the daughter of Walter and June" (held-out dev n257).
_GIVEN_NAME_AND = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+and[ \u00a0]+$")


def _iso(y, m, d) -> str:
    if y is None:
        return f"--{m:02d}" + (f"-{d:02d}" if d else "")
    return f"{y}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d and m else "")


_PART_KINDS = {"d": "day", "m": "month", "y": "year"}  # a date part's role -> its kind


def _date(text: str, start: int, end: int, y, m, d, parts: list[NumberMention], roles: str, note: str = "") -> NumberMention:
    """A date mention; ``roles`` names each part in order ("dmy", "md"...) and becomes its kind."""
    parts = [replace(p, kind=_PART_KINDS[r]) for p, r in zip(parts, roles)]
    return NumberMention(
        start=start,
        end=end,
        text=text[start:end],
        value=("date", y, m, d),
        kind="date",
        display=_iso(y, m, d),
        note=note,
        form="digits" if any(p.form == "digits" for p in parts) else parts[0].form,
        parts=tuple(parts),
    )


def _atom_at(atoms: dict[int, NumberMention], start: int, end: int) -> NumberMention | None:
    atom = atoms.get(start)
    return atom if atom is not None and atom.end == end and atom.kind in {"cardinal", "year", "ordinal"} else None


def _number_at(atoms: dict[int, NumberMention], text: str, start: int, end: int) -> NumberMention:
    """The number read at ``start:end``, or, where the reader took it into a longer one ("17.9" and
    "10.2023" read as decimals), the whole number its ASCII digits write there."""
    atom = _atom_at(atoms, start, end)
    if atom is not None:
        return atom
    return NumberMention(start=start, end=end, text=text[start:end], value=Decimal(text[start:end]), kind="cardinal", display=str(int(text[start:end])), digits=text[start:end])


def _int(atom: NumberMention | None, lo: int, hi: int) -> int | None:
    if atom is None or not isinstance(atom.value, Decimal) or atom.value != atom.value.to_integral_value():
        return None
    v = int(atom.value)
    return v if lo <= v <= hi else None


def _numeric_dates(text: str, lang: str, atoms: dict[int, NumberMention]) -> list[NumberMention]:
    found = []
    matches = list(_NUMERIC.finditer(text))
    # English puts the month first, unless a date of the same text can only be read day first: "between
    # 14/11/2026 and 3/12/2026" (an Australian recall notice) ends on 3 December.
    day_first = any(len(m.group(1)) < 4 and 12 < int(m.group(1)) <= 31 and int(m.group(3)) <= 12 for m in matches)
    for m in matches:
        a, b, c = (_atom_at(atoms, m.start(g), m.end(g)) for g in (1, 3, 4))
        if None in (a, b, c):
            continue
        va, vb, vc = (int(x.value) for x in (a, b, c))
        note = ""
        if len(m.group(1)) == 4:
            y, mo, d, roles = va, vb, vc, "ymd"
        elif lang == "en" and not day_first and vb <= 31 and va <= 12:
            y, mo, d, roles = vc, va, vb, "mdy"
            if vb <= 12 and va != vb:
                note = f"{m.group()} read month first ({lang})"
        else:
            y, mo, d, roles = vc, vb, va, "dmy"
            if va <= 12 and va != vb and lang == "en":
                note = f"{m.group()} read day first, as another date of the text"
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        found.append(_date(text, m.start(), m.end(), y, mo, d, [a, b, c], roles, note))
    if (marked := _MARKED.get(lang)) is not None:
        found += _marked_dates(text, marked, atoms)
    if lang == "vi":
        for m in _DAY_MONTH_VI.finditer(text):
            day, month = (_number_at(atoms, text, m.start(g), m.end(g)) for g in (1, 3))
            d, mo = _int(day, 1, 31), _int(month, 1, 12)
            end = _SPAN_END_VI.match(text, m.end())
            if end and not (1 <= int(end.group(1)) <= 31 and 1 <= int(end.group(2)) <= 12):
                continue  # versions or decimals: "Python từ 3.9 đến 3.13"
            start = _SPAN_START_VI.search(text, max(0, m.start() - 12), m.start()) if _SPAN_WORD_VI.match(m.group()) else None
            if start and start.group(2) == m.group(2) and not any(d.start <= start.start() < d.end for d in found):
                continue  # the end of a span of versions or decimals whose first end is no date
            if d and mo:
                found.append(_date(text, m.start(1), m.end(3), None, mo, d, [day, month], "dm"))
        for m in _MONTH_VI.finditer(text):
            month_atom = _number_at(atoms, text, m.start(1), m.end(1))
            mo = _int(month_atom, 1, 12)
            if not mo:
                continue
            start, parts, roles, d, y = m.start(), [month_atom], "m", None, None
            before = _DAY_BEFORE_VI.search(text, max(0, m.start() - 12), m.start())
            if before and (day := _int(_atom_at(atoms, before.start(1), before.end(1)), 1, 31)):
                start, d, parts, roles = before.start(), day, [atoms[before.start(1)], month_atom], "dm"
            end = m.end(1)
            if m.group(2):
                year_atom = _number_at(atoms, text, m.start(2), m.end(2))
                y, end, parts, roles = int(year_atom.value), m.end(2), parts + [year_atom], roles + "y"
            found.append(_date(text, start, end, y, mo, d, parts, roles))
    return found


def _marked_dates(text: str, pattern: re.Pattern, atoms: dict[int, NumberMention]) -> list[NumberMention]:
    found = []
    for m in pattern.finditer(text):
        month_atom = _atom_at(atoms, m.start(2), m.end(2))
        month = _int(month_atom, 1, 12)
        if not month:
            continue
        parts, roles, y, d = [month_atom], "m", None, None
        if m.group(1) and (year_atom := _atom_at(atoms, m.start(1), m.end(1))):
            y, parts, roles = int(year_atom.value), [year_atom, month_atom], "ym"
        if m.group(3) and (day := _int(day_atom := _atom_at(atoms, m.start(3), m.end(3)), 1, 31)):
            d, parts, roles = day, parts + [day_atom], roles + "d"
        found.append(_date(text, m.start(), m.end(), y, month, d, parts, roles))
    return found


# Vietnamese months in words: "tháng Năm" (May) but "tháng năm" is "months and years", so that one
# must be capitalised; the others are months in either case ("một đêm tháng một", a January night,
# as "một tháng" is a month), except before "lần" ("mỗi tháng một lần", once a month). Soft, as
# every number in words: a misreading pairs with nothing.
# A day said before it, as the spoken register says a date: "ngày mùng năm tháng mười một" (5 November),
# "ngày hai mươi mốt tháng Năm" (21 May); only after "ngày", "mùng" or "mồng", as "ba tháng" is three months.
_VI_MONTH_WORDS = re.compile(
    r"(?:(?:(?i:ngày)[ \u00a0]+(?:(?i:mùng|mồng)[ \u00a0]+)?|(?i:mùng|mồng)[ \u00a0]+)"
    r"(?P<day>(?i:(?:hai|ba)[ \u00a0]+mươi(?:[ \u00a0]+(?:mốt|hai|ba|tư|bốn|lăm|sáu|bảy|tám|chín))?"
    r"|mười(?:[ \u00a0]+(?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín))[ \u00a0]+)?"
    r"(?P<named>(?i:tháng)[ \u00a0]+(?P<month>Năm|(?i:mười một|mười hai|mười|một|hai|ba|tư|sáu|bảy|tám|chín|giêng|chạp)))(?!\w)(?![ \u00a0]+(?i:lần))"
)
_VI_MONTH_VALUES = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}


def _vi_month_words(text: str) -> list[NumberMention]:
    found = []
    for m in _VI_MONTH_WORDS.finditer(unicodedata.normalize("NFC", text)):
        month = _VI_MONTH_VALUES[m["month"].lower()]
        part = NumberMention(m.start("named"), m.end(), m["named"], Decimal(month), "month", str(month), form="words")
        if m["day"] is None:
            found.append(_date(text, m.start(), m.end(), None, month, None, [part], "m"))
            continue
        day = whole_number(m["day"], words_vi.TABLE)
        if day is None:
            continue
        day_part = NumberMention(m.start("day"), m.end("day"), m["day"], Decimal(day), "cardinal", str(day), form="words")
        found.append(_date(text, m.start(), m.end(), None, month, day, [day_part, part], "dm"))
    return found


# Languages written without spaces between words: a month name is found inside a run of letters
# ("宣布二月份里", announced that in February), the longest name first ("十二月" before "二月").
_UNSPACED_PATTERNS: dict[str, re.Pattern] = {}  # per language, built on first use


def _unspaced_month_names(text: str, table: WordTable) -> list[tuple[int, int, int]]:
    pattern = _UNSPACED_PATTERNS.get(table.lang)
    if pattern is None:  # longest first: regex alternation takes the first alternative that matches
        names = sorted(table.month_names, key=len, reverse=True)
        pattern = _UNSPACED_PATTERNS[table.lang] = re.compile(r"(?<!\d)(?:" + "|".join(map(re.escape, names)) + ")")
    return [(m.start(), m.end(), table.month_names[m.group()]) for m in pattern.finditer(text)]


def _month_names(text: str, table: WordTable, tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(start, end, month) of the month names in the text."""
    names = table.month_names
    if table.lang in UNSPACED:
        return _unspaced_month_names(text, table)
    longest = max((len(k.split()) for k in names), default=0)
    out = []
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(longest, 0, -1):
            toks = tokens[i:i + n]
            if len(toks) < n:
                continue
            rest = " ".join(t.word for t in toks[1:])
            for form, _ in table.variants(toks[0].word):
                key = (form + " " + rest).strip()
                if key in names:
                    hit = (toks[0].start, toks[-1].end, names[key], n)
                    break
            if hit:
                break
        if hit and (table.lang != "en" or tokens[i].raw[0].isupper()):
            start, end, month, n = hit
            same = out and out[-1][2] == month and _SAME_MONTH.fullmatch(text, out[-1][1], start)
            if same:
                start = out.pop()[0]
                if same.group("paren") and text.startswith(")", end):
                    end += 1
            out.append((start, end, month))
            i += n
        else:
            i += 1
    return out


# A percentage is no day: "a loan at 12% APR" (annual percentage rate) is no 12 April (held-out dev n287).
_NO_DAY = frozenset({"year", "percent"})


def _named_dates(text: str, table: WordTable, tokens: list[Token], atoms: dict[int, NumberMention], by_end: dict[int, NumberMention]) -> list[NumberMention]:
    found = []
    for start, end, month in _month_names(text, table, tokens):
        abbreviated = text.startswith(".", end) and text[start:end].lower() in table.short_months
        if abbreviated:
            end += 1  # "Dec. 5", "Sept. 2021": the abbreviation's full stop belongs to the month
        month_part = NumberMention(start, end, text[start:end], Decimal(month), "month", str(month), form="month")
        parts, roles, y, d = [month_part], "m", None, None
        first, last = start, end
        m = (_GAP_AFTER_STOP if abbreviated else _GAP_DAY).match(text, end)  # "Aug.6" as "Aug. 6"
        day_atom = atoms.get(m.end()) if m else None
        if day_atom is not None and _int(day_atom, 1, 31) and day_atom.kind not in _NO_DAY:
            d, last = int(day_atom.value), day_atom.end
            parts.append(day_atom)
            roles += "d"
        else:
            for gap_start in range(max(0, start - 12), start):
                g = _GAP_DAY_BEFORE.fullmatch(text, gap_start, start)
                atom = by_end.get(gap_start) if g else None
                if atom is not None and _int(atom, 1, 31) and atom.kind not in _NO_DAY:
                    d, first = int(atom.value), atom.start
                    parts.insert(0, atom)
                    roles = "d" + roles
                    break
        m = _GAP_YEAR.match(text, last)
        year_atom = atoms.get(m.end()) if m else None
        if year_atom is not None and year_atom.kind == "year":
            y, last = int(year_atom.value), year_atom.end
            parts.append(year_atom)
            roles += "y"
        if len(parts) == 1:
            if table.short_months and text[start:end].lower().rstrip(".") in table.short_months:
                continue  # "Jan", "DEC": a month only inside a date
            if text[start:end].lower() == "may":
                prev = re.findall(r"[^\W\d_]+", text[max(0, start - 12):start])  # "mid-May" too
                if (not prev or prev[-1].lower() not in _MAY_CONTEXT) and not _listed_with_months(text, start, end, table):
                    continue
            if _after_place_noun(text, start, table) or (table.lang == "en" and _given_name(text, start, end, table)):
                continue
            name = " ".join(table.normalize(w) for w in text[start:end].split())
            # A month alone with an Arabic "for" written onto it is as often the end of a foreign name:
            # "مون دو ليونيه" is the Monts du Lyonnais, not "for June" (held-out dev n305).
            for_month = table.lang == "ar" and name.startswith("ل") and name not in table.month_names
            if for_month or any(form in table.ambiguous_months for form, _ in table.variants(name)):
                parts = [replace(month_part, form="words")]
        found.append(_date(text, first, last, y, month, d, parts, roles))
    return found


def _listed_with_months(text: str, start: int, end: int, table: WordTable) -> bool:
    """Is the month name at ``start:end`` an item of a list of months: "April, May and September"?"""
    before = _WORD_BEFORE_LIST.search(text[max(0, start - 24) : start])
    after = _WORD_AFTER_LIST.match(text, end)
    return any(m is not None and table.normalize(m.group(1)) in table.month_names for m in (before, after))


def _given_name(text: str, start: int, end: int, table: WordTable) -> bool:
    """Is the month name at ``start:end`` a given name, before a surname (``_SURNAME``), and not
    one of a list of months ("April and June Reports")?"""
    if _listed_with_months(text, start, end, table):
        return False
    surname = _SURNAME.match(text, end)
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    if surname is not None and table.normalize(surname.group(1)) not in table.month_names:
        return before is None or before.group(1).lower() not in _MAY_CONTEXT - {"and"}
    partner = _GIVEN_NAME_AND.search(text[max(0, start - 24) : start])
    return partner is not None and partner.start() > 0 and partner.group(1).lower() not in weekday_names("en") and table.normalize(partner.group(1)) not in table.month_names


def _after_place_noun(text: str, start: int, table: WordTable) -> bool:
    """Is the month name right after a noun of place, whose name it is: "مقاطعة مايو" (County Mayo)?"""
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    return before is not None and any(form in table.place_nouns for form, _ in table.variants(table.normalize(before.group(1))))


def month_named_within(text: str, month: int, table: WordTable | None) -> bool:
    """Is a name of ``month`` written in ``text``, inside a longer word too: a compound
    ("Augustmorgen", an August morning) or a typo's missing space ("20 سبتمبرمن عام 1565")?
    Names under four letters count only in a language without spaces ("May" is in "Mayor")."""
    if table is None:
        return False
    folded = text.lower()
    return any(
        name in folded
        for name, value in table.month_names.items()
        if value == month and (len(name) >= 4 or table.lang in UNSPACED)
    )


# Arabic has no "the 2010s": it says "the second decade of this century" (العقد الثاني من هذا القرن),
# "the last decade of the twentieth century" (العقد الأخير من القرن العشرين), or names the decade's tens
# and its century: "عشرينيات القرن الحالي" (the 2020s), "ثمانينيات القرن التاسع عشر" (the 1880s).
_AR_CENTURY = (
    r"[ \u00a0]+(?:(?:من|في)[ \u00a0]+)?(?:(?P<now>هذا القرن|القرن الحالي|القرن (?:الحادي|الواحد) والعشرين|الألفية (?:الحالية|الثالثة|الجديدة))"
    r"|(?P<past>القرن (?:العشرين|الماضي))"
    r"|القرن[ \u00a0]+(?:الـ?[ \u00a0]?)?(?P<digits>[0-9٠-٩]{1,2})(?![0-9٠-٩])"  # "سبعينيات القرن الـ19" (held-out dev set n109)
    r"|القرن[ \u00a0]+(?P<century>ال[^\W\d_]+)(?P<teen>[ \u00a0]+عشر)?(?![^\W\d_]))"
)
_AR_CENTURY_DECADE = re.compile(rf"(?<!\S)[وفبل]?(?:ال)?(?:عقد[ \u00a0]+(?P<nth>ال[^\W\d_]+)|(?P<tens>[^\W\d_]+))(?={_AR_CENTURY})")
_AR_CENTURY_AT = re.compile(_AR_CENTURY)
# A second decade of the same century, by its tens and "its": "عشرينيات القرن الماضي وثلاثينياته" (the 1920s
# and 1930s), also its part: "أواخر عشرينيات القرن العشرين ومطلع ثلاثينياته" (the late 1920s and early 1930s; held-out dev n122).
_AR_ITS_DECADE = re.compile(r"[ \u00a0]*و(?:(?:مطلع|أوائل|أواخر|منتصف|بداية|بدايات|نهاية|نهايات)[ \u00a0]+)?(?P<tens>[^\W\d_]+)[هة](?![^\W\d_])")


def _ar_century_decades(text: str) -> list[NumberMention]:
    found = []
    for match in _AR_CENTURY_DECADE.finditer(text):
        century = _AR_CENTURY_AT.match(text, match.end())
        hundreds = 2000 if century.group("now") else 1900 if century.group("past") else _ar_century_start(century)
        if match.group("nth"):
            word = words_ar.normalize(match.group("nth"))[2:]
            nth = 10 if word == words_ar.normalize("أخير") else words_ar.ORDINALS.get(word)
            tens = None if nth is None else 10 * (nth - 1)
        else:
            tens = _decade_tens(match.group("tens"))
        if tens is None or hundreds is None or tens >= 100:
            continue
        found.append(_decade(text, match.start(), century.end(), Decimal(hundreds + tens)))
        if (its := _AR_ITS_DECADE.match(text, century.end())) and (more := _decade_tens(its.group("tens"))) is not None and more < 100:
            found.append(_decade(text, its.start("tens"), its.end(), Decimal(hundreds + more)))
    return found


def _decade_tens(word: str) -> int | None:
    return next((words_ar.DECADES[w] for w, _ in words_ar.variants(word) if w in words_ar.DECADES), None)


def _decade(text: str, start: int, end: int, first: Decimal) -> NumberMention:
    return NumberMention(start=start, end=end, text=text[start:end], value=first, kind="decade", display=f"{first}s", form="words", alternates=decade_years(first))


def _ar_century_start(century: re.Match) -> int | None:
    """The first year of a century said by its ordinal: "القرن التاسع عشر" (the nineteenth) is 1800, "القرن الـ19" too."""
    if century.group("digits"):
        return 100 * (int(century.group("digits")) - 1)
    nth = words_ar.ORDINALS.get(words_ar.normalize(century.group("century"))[2:])
    if nth is None:
        return None
    return 100 * (nth + (10 if century.group("teen") else 0) - 1)


_ORDINAL_DAY_GAP = re.compile(r"[ \u00a0]+(?:(?i:of)|من)[ \u00a0]+")
_ROLES = {kind: role for role, kind in _PART_KINDS.items()}


# The Maghreb's first of the month, "الفاتح" (the opener) before its name: "انطلق في الفاتح فيفري", "منذ
# الفاتح من ديسمبر" (held-out dev n157). Alone it is no number: "أزرق فاتح" is light blue.
_FIRST_OF_MONTH = re.compile(r"(?<![^\W\d_])(?:ال)?فاتح(?=[ \u00a0]+(?:من[ \u00a0]+)?$)")


def join_ordinal_days(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """A day said by its ordinal before its month: "the fourth of March", "الرابع من مارس", "الحادي
    والعشرين من سبتمبر 2025", "الفاتح فيفري" are dates; the named day makes even an ambiguous month name one ("March")."""
    out: list[NumberMention] = []
    for m in mentions:
        day = out[-1] if out else None
        undated_month = m.kind == "date" and m.value[3] is None and m.value[2] is not None
        if (
            day is not None and day.kind == "ordinal" and day.form == "words" and _int(day, 1, 31)
            and undated_month and _ORDINAL_DAY_GAP.fullmatch(text, day.end, m.start)
        ):
            out.pop()
        elif undated_month and (first := _FIRST_OF_MONTH.search(text, 0, m.start)):
            day = NumberMention(start=first.start(), end=first.end(), text=first.group(), value=Decimal(1), kind="ordinal", display="1", form="words")
        else:
            out.append(m)
            continue
        _, year, month, _ = m.value
        roles = "d" + "".join(_ROLES[p.kind] for p in m.parts)
        date = _date(text, day.start, m.end, year, month, int(day.value), [day, *m.parts], roles)
        out.append(replace(date, form="digits" if m.form == "digits" else "month"))
    return out


# Between two days of one month: "October 28–29", "28 و29 أكتوبر", "28 và 29.10", "on 3 and 4 March".
_DAY_LIST_GAP = re.compile(r"[ \u00a0]*(?:[-–—,&]|(?i:and|to|through|until|till)|و|và|đến|tới)[ \u00a0]*")


def join_shared_months(text: str, mentions: list[NumberMention], lang: str) -> list[NumberMention]:
    """A bare day beside a date of its month, before it or after it ("28 و29 أكتوبر", "October
    28–29"), is a date of that month too: the other side may write the month with either day.
    A number that counts a unit is no day: "ngày 3.10, 11 ngày trước" (on October 3, eleven days
    before)."""
    out = list(mentions)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if not _DAY_LIST_GAP.fullmatch(text, first.end, second.start):
            continue
        for day, date, index, later in ((first, second, k, False), (second, first, k + 1, True)):
            if date.kind != "date" or date.value[3] is None or not _bare_day(day) or measure_after(text, day.end, lang)[0]:
                continue
            _, year, month, other = date.value
            if (int(day.value) > other) == later:
                shared = [p for p in date.parts if p.kind in ("month", "year")]  # compared part by part when the day differs
                roles = "d" + "".join(_ROLES[p.kind] for p in shared)
                out[index] = _date(text, day.start, day.end, year, month, int(day.value), [day, *shared], roles)
    return out


def _bare_day(mention: NumberMention) -> bool:
    return mention.kind == "cardinal" and mention.form == "digits" and not mention.parts and not mention.unit and _int(mention, 1, 31) is not None


def find_dates(text: str, lang: str, table: WordTable | None, tokens: list[Token], atoms: list[NumberMention]) -> list[NumberMention]:
    """Dates made of the digit numbers ``atoms`` and month names; may overlap each other."""
    by_start = {a.start: a for a in atoms}
    by_end = {a.end: a for a in atoms}
    found = _numeric_dates(text, lang, by_start)
    if lang == "vi" and len(unicodedata.normalize("NFC", text)) == len(text):
        found += _vi_month_words(text)
    if table is not None and table.month_names:
        found += _named_dates(text, table, tokens, by_start, by_end)
    if lang == "ar":
        found += _ar_century_decades(text)
    return found


_DOTTED_PAIR = re.compile(r"(\d{1,2})\.(\d{1,2})")


def read_dotted_days_and_months(found: list[NumberMention]) -> list[NumberMention]:
    """A dotted pair that is a day and a month in Vietnamese text, where a dot is no decimal mark, also
    reads as a date, alone or as an end of a range: "bốn ngày không thu phí: 19.1, 17.4, 4.8 và 11.11"
    (held-out dev n264), "đóng cửa ngày 25.12 và 1.1" (n264), a timetable's cells "4.11" and "9.3 – 24.4"
    (n285, n286). A range's first end may be a bare earlier day of the same month: "3-9.8" is 3 to 9
    August, "12-13.9" (n300). The decimal stays its first reading (versions, "4.6, 4.7 và 4.9")."""
    def day_month(m: NumberMention) -> tuple[int, int] | None:
        pair = _DOTTED_PAIR.fullmatch(m.text) if m.kind == "cardinal" and not m.unit else None
        return (int(pair[1]), int(pair[2])) if pair is not None and 1 <= int(pair[1]) <= 31 and 1 <= int(pair[2]) <= 12 else None

    def dated(m: NumberMention, day: int, month: int) -> NumberMention:
        return replace(m, alternates=(*m.alternates, ("date", None, month, day)))

    def dated_range(m: NumberMention) -> NumberMention:
        parts = [dated(part, *pair) if (pair := day_month(part)) else part for part in m.parts]
        if len(parts) == 2 and (last := day_month(parts[1])) and parts[0].text.isdigit() and int(parts[0].text) < last[0]:
            parts[0] = dated(parts[0], int(parts[0].text), last[1])
        return replace(m, parts=tuple(parts))

    return [dated_range(m) if m.kind == "range" else dated(m, *pair) if (pair := day_month(m)) else m for m in found]

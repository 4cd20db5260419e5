"""Dates in each locale, normalised to ``("date", year, month, day)``.

Numeric dates (``24/1/2019``, ``2019-01-24``, Vietnamese ``ngày 9/5`` = 9 May),
month names with a day and/or year on either side (``January 24, 2019``,
``24 يناير 2019``, ``24th of January``), and Vietnamese ``ngày 24 tháng 1 năm 2019``
/ ``tháng 5/2019``.  A date's day, month and year stay available as ``parts``; a
month written as a name is a soft part (``form="month"``), so "in May" can pair with
``tháng 5`` without ever being reported alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .model import NumberMention
from .tables import WordTable
from .text import Token

_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,4})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.\-]\d)")
_DAY_MONTH_VI = re.compile(r"(?i:ngày|mồng|mùng|hôm|sáng|chiều|tối|đêm|trưa|từ|đến)\s+(\d{1,2})/(\d{1,2})(?![\d/])")
_MONTH_VI = re.compile(r"(?i:tháng)\s+(\d{1,2})(?:\s*(?:/|,?\s*(?i:năm))\s*(\d{4}))?(?!\d)")
_DAY_BEFORE_VI = re.compile(r"(?i:ngày|mồng|mùng)\s+(\d{1,2})\s+$")
# Between a month name and its day or year.
_GAP_DAY = re.compile(r"[ \u00a0]+(?:(?i:the)[ \u00a0]+)?")
_GAP_DAY_BEFORE = re.compile(r"[ \u00a0]+(?:(?i:of)[ \u00a0]+|من[ \u00a0]+)?")
_GAP_YEAR = re.compile(r",?[ \u00a0]+|[ \u00a0]*/[ \u00a0]*")
# "May" is a month only next to a day or year, or after one of these.
_MAY_CONTEXT = frozenset("in of since until till by from early late mid last next this every each to through and between before after during".split())


def _iso(y, m, d) -> str:
    if y is None:
        return f"--{m:02d}" + (f"-{d:02d}" if d else "")
    return f"{y}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d and m else "")


def _date(text: str, start: int, end: int, y, m, d, parts: list[NumberMention], note: str = "") -> NumberMention:
    return NumberMention(
        start=start,
        end=end,
        text=text[start:end],
        value=("date", y, m, d),
        kind="date",
        display=_iso(y, m, d),
        note=note,
        form="digits" if any(p.hard for p in parts) else "month",
        parts=tuple(parts),
    )


def _atom_at(atoms: dict[int, NumberMention], start: int, end: int) -> NumberMention | None:
    atom = atoms.get(start)
    return atom if atom is not None and atom.end == end and atom.kind in {"cardinal", "year", "ordinal"} else None


def _int(atom: NumberMention | None, lo: int, hi: int) -> int | None:
    if atom is None or not isinstance(atom.value, Decimal) or atom.value != atom.value.to_integral_value():
        return None
    v = int(atom.value)
    return v if lo <= v <= hi else None


def _numeric_dates(text: str, lang: str, atoms: dict[int, NumberMention]) -> list[NumberMention]:
    found = []
    for m in _NUMERIC.finditer(text):
        a, b, c = (_atom_at(atoms, m.start(g), m.end(g)) for g in (1, 3, 4))
        if None in (a, b, c):
            continue
        va, vb, vc = (int(x.value) for x in (a, b, c))
        note = ""
        if len(m.group(1)) == 4:
            y, mo, d = va, vb, vc
        elif lang == "en" and vb <= 31 and va <= 12:
            y, mo, d = vc, va, vb
            if vb <= 12 and va != vb:
                note = f"{m.group()} read month first ({lang})"
        else:
            y, mo, d = vc, vb, va
            if va <= 12 and va != vb and lang == "en":
                note = f"{m.group()} read day first"
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        found.append(_date(text, m.start(), m.end(), y, mo, d, [a, b, c], note))
    if lang == "vi":
        for m in _DAY_MONTH_VI.finditer(text):
            d, mo = _int(_atom_at(atoms, m.start(1), m.end(1)), 1, 31), _int(_atom_at(atoms, m.start(2), m.end(2)), 1, 12)
            if d and mo:
                found.append(_date(text, m.start(1), m.end(2), None, mo, d, [atoms[m.start(1)], atoms[m.start(2)]]))
        for m in _MONTH_VI.finditer(text):
            month_atom = _atom_at(atoms, m.start(1), m.end(1))
            mo = _int(month_atom, 1, 12)
            if not mo:
                continue
            start, parts, d, y = m.start(), [month_atom], None, None
            before = _DAY_BEFORE_VI.search(text, max(0, m.start() - 12), m.start())
            if before and (day := _int(_atom_at(atoms, before.start(1), before.end(1)), 1, 31)):
                start, d, parts = before.start(), day, [atoms[before.start(1)], month_atom]
            end = m.end(1)
            if m.group(2) and (year_atom := _atom_at(atoms, m.start(2), m.end(2))):
                y, end, parts = int(year_atom.value), m.end(2), parts + [year_atom]
            found.append(_date(text, start, end, y, mo, d, parts))
    return found


def _month_names(text: str, table: WordTable, tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(start, end, month) of the month names in the text."""
    names = table.month_names
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
            out.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return out


def _named_dates(text: str, table: WordTable, tokens: list[Token], atoms: dict[int, NumberMention], by_end: dict[int, NumberMention]) -> list[NumberMention]:
    found = []
    for start, end, month in _month_names(text, table, tokens):
        month_part = NumberMention(start, end, text[start:end], Decimal(month), "month", str(month), form="month")
        parts, y, d = [month_part], None, None
        first, last = start, end
        m = _GAP_DAY.match(text, end)
        day_atom = atoms.get(m.end()) if m else None
        if day_atom is not None and _int(day_atom, 1, 31) and not (day_atom.kind == "year"):
            d, last = int(day_atom.value), day_atom.end
            parts.append(day_atom)
        else:
            for gap_start in range(max(0, start - 12), start):
                g = _GAP_DAY_BEFORE.fullmatch(text, gap_start, start)
                atom = by_end.get(gap_start) if g else None
                if atom is not None and _int(atom, 1, 31) and atom.kind != "year":
                    d, first = int(atom.value), atom.start
                    parts.insert(0, atom)
                    break
        m = _GAP_YEAR.match(text, last)
        year_atom = atoms.get(m.end()) if m else None
        if year_atom is not None and year_atom.kind == "year":
            y, last = int(year_atom.value), year_atom.end
            parts.append(year_atom)
        if len(parts) == 1 and text[start:end].lower() == "may":
            prev = text[max(0, start - 12):start].split()
            if not prev or prev[-1].lower() not in _MAY_CONTEXT:
                continue
        found.append(_date(text, first, last, y, month, d, parts))
    return found


def find_dates(text: str, lang: str, table: WordTable | None, tokens: list[Token], atoms: list[NumberMention]) -> list[NumberMention]:
    """Dates made of the digit numbers ``atoms`` and month names; may overlap each other."""
    by_start = {a.start: a for a in atoms}
    by_end = {a.end: a for a in atoms}
    found = _numeric_dates(text, lang, by_start)
    if table is not None and table.month_names:
        found += _named_dates(text, table, tokens, by_start, by_end)
    return found

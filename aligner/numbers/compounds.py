"""Two numbers that read as one: ranges (``2021 - 2023``, ``2021–2023``) and
fractions or ranks (``131/151``, ``2nd/63``).  Their single numbers stay available as
``parts`` for the comparison."""

from __future__ import annotations

import re

from .model import NumberMention, render_decimal

_RANGE_GAP = re.compile(r"[ \u00a0]*[-\u2010-\u2015~\u2212][ \u00a0]*")
_FRACTION_GAP = re.compile(r" ?[/\u2044] ?")


def _join(text: str, a: NumberMention, b: NumberMention, kind: str) -> NumberMention:
    sign = "%" if b.kind == "percent" else ""
    lo = a.display if a.kind == "ordinal" else render_decimal(a.value)
    hi = render_decimal(b.value)
    shown = f"{lo}–{hi}{sign}" if kind == "range" else f"{lo}/{hi}"
    return NumberMention(
        start=a.start,
        end=b.end,
        text=text[a.start:b.end],
        value=(kind, a.value, b.value),
        kind=kind,
        display=shown,
        parts=(a, b),
    )


def join_compounds(text: str, atoms: list[NumberMention]) -> list[NumberMention]:
    """Pair neighbouring digit numbers joined by a dash or a slash."""
    out: list[NumberMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.form == b.form == "digits" and not a.parts and not b.parts:
            if a.kind != "ordinal" and b.kind != "ordinal" and _RANGE_GAP.fullmatch(text, a.end, b.start):
                if not (a.start > 0 and text[a.start - 1].isalpha() and text[a.start - 1].isascii()):
                    out.append(_join(text, a, b, "range"))
                    i += 2
                    continue
            if b.kind in {"cardinal", "year"} and a.kind in {"cardinal", "ordinal", "year"} and _FRACTION_GAP.fullmatch(text, a.end, b.start):
                out.append(_join(text, a, b, "fraction"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out

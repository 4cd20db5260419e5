"""Match scores said in words, as Arabic sports news writes them: "فاز بهدفين مقابل هدف" (won 2-1),
"بهدف نظيف" (1-0, "a clean goal"), "بثلاثية نظيفة" (3-0), "بهدف لمثله" (1-1, "a goal for its
like"), "التعادل السلبي" (0-0, "the negative draw"), and tallies of anything else against each other
("بخمسة انتصارات مقابل انتصارين", a 5-2 record).

Each is read as the range a translation writes in digits ("2-1"), with the reverse order as its
other reading (the winner is said first, a table lists the home side first). Like every number in
words a score is soft: it pairs with the digits it stands for, and is never reported alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .languages import base_code
from .model import NumberMention

_WORDS = r"ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة"
_COUNTS = dict(zip(_WORDS.split("|"), range(3, 11)))
# A tally of goals: one goal, two (the dual), a "brace" or "hat-trick" noun, or a count of أهداف.
_TALLY = {
    **{form: 1 for form in ("هدف", "هدفا", "هدفاً")},
    **{form: 2 for form in ("هدفين", "هدفان", "ثنائية")},
    **dict(zip(("ثلاثية", "رباعية", "خماسية", "سداسية", "سباعية"), range(3, 8))),
}
_SIDE = rf"(?:{'|'.join(_TALLY)}|(?:{_WORDS})\s+أهداف)"
_SCORE = re.compile(
    rf"(?<![^\W\d_])[بل]?(?P<a>{_SIDE})\s+(?:"
    rf"(?:مقابل|ل)\s*[بل]?(?P<b>{_SIDE})"  # 2 against 1
    rf"|(?P<clean>نظيف(?:ة|ين|تين|ا|اً)?|(?:دون|بدون|بلا)\s+(?:رد|مقابل))"  # clean: against none
    rf"|(?P<same>لمثل(?:ه|ها|هما))"  # for its like: a draw
    rf")(?![^\W\d_])"
)
# A tally of anything else, against another with مقابل: "بخمسة انتصارات مقابل انتصارين" (a 5-2
# head-to-head record, five wins against two), "سبعة أصوات مقابل ثلاثة أصوات". The second side may be
# a dual, which says its two by its ending alone: a plural would need a count.
_COUNTED = rf"(?:{_WORDS}|{'|'.join(w[:-1] for w in _WORDS.split('|'))})\s+[^\W\d_]+"
_DUAL = r"[^\W\d_]{3,}(?:ين|ان)"
_TALLIES = re.compile(rf"(?<![^\W\d_])[بل]?(?P<a>{_COUNTED})\s+مقابل\s+[بل]?(?P<b>{_COUNTED}|{_DUAL})(?![^\W\d_])")
_GOALLESS = re.compile(r"(?<![^\W\d_])[بو]?(?:ال)?تعادل(?:ا)?\s+(?:ال)?سلبي(?:ا|اً)?(?![^\W\d_])")


def _tally(side: str) -> int:
    if side in _TALLY:
        return _TALLY[side]
    words = side.split()
    if len(words) == 1:
        return 2  # a dual
    return _COUNTS.get(words[0]) or _COUNTS[words[0] + "ة"]  # "خمسة انتصارات", "أربع هزائم"


def find_scores(text: str, lang: str) -> list[NumberMention]:
    """The scores said in words in ``text`` (Arabic only)."""
    if base_code(lang) != "ar":
        return []
    found = []
    for match in _SCORE.finditer(text):
        a = _tally(match.group("a"))
        second = "b" if match.group("b") else "clean" if match.group("clean") else "same"
        b = _tally(match.group("b")) if second == "b" else 0 if second == "clean" else a
        found.append(_score(text, match.span(), (match.span("a"), a), (match.span(second), b)))
    found += [_score(text, match.span(), (match.span(), 0), (match.span(), 0)) for match in _GOALLESS.finditer(text)]
    found += [
        _score(text, match.span(), (match.span("a"), _tally(match.group("a"))), (match.span("b"), _tally(match.group("b"))))
        for match in _TALLIES.finditer(text)
        if not any(f.start <= match.start() < f.end for f in found)
    ]
    return found


def _score(text: str, span: tuple[int, int], *sides: tuple[tuple[int, int], int]) -> NumberMention:
    """The score, with its tallies as parts: "2-0" against "بهدف نظيف" is 2 became 1."""
    (_, a), (_, b) = sides
    value, other = ("range", Decimal(a), Decimal(b)), ("range", Decimal(b), Decimal(a))
    parts = tuple(
        NumberMention(start, end, text[start:end], Decimal(goals), "cardinal", str(goals), form="words") for (start, end), goals in sides
    )
    return NumberMention(
        *span, text[slice(*span)], value, "range", f"{a}-{b}", form="words", alternates=(other,) if other != value else (), parts=parts,
    )

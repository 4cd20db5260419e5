"""Word tokens of a text, shared by the word, date and Roman numeral finders."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import WordTable

# Words with their combining marks: Arabic harakat ("ستاً", "مُني") and decomposed Latin accents are
# not \w, and would cut a word in two.
_TOKEN = re.compile(r"\w[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]*")
# Between two words of one number: spaces and hyphens only ("twenty-one", "hai mươi").
_JOIN = re.compile(r"[ \t\u00a0\-\u2010\u0640]{1,3}")
# Between the items of a Vietnamese list: a comma, "và" (and), "hoặc" (or).
VI_LIST_GAP = re.compile(r"[ \u00a0]*(?:,|và|hoặc)[ \u00a0]*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str
    word: str  # normalized by the language's table; digits stay as they are

    @property
    def is_digits(self) -> bool:
        return self.raw.isdigit()


def tokenize(text: str, table: WordTable | None) -> list[Token]:
    norm = table.normalize if table is not None else str.lower
    return [Token(m.start(), m.end(), m.group(), norm(m.group())) for m in _TOKEN.finditer(text)]


def adjacent(text: str, left_end: int, right_start: int) -> bool:
    """True when only spaces or a hyphen separate two words of one number."""
    return _JOIN.fullmatch(text, left_end, right_start) is not None


def phrase_end(text: str, tokens: list[Token], k: int, phrases: tuple[str, ...]) -> int | None:
    """Index after one of ``phrases`` (normalized words, space separated) written from token ``k`` on,
    its words joined as one number's are ("per cent", "بالمائة"); None when none is."""
    for phrase in phrases:
        parts = phrase.split()
        toks = tokens[k:k + len(parts)]
        if [t.word for t in toks] == parts and all(adjacent(text, a.end, b.start) for a, b in zip(toks, toks[1:])):
            return k + len(parts)
    return None


def context(text: str, start: int, end: int, words: int = 2) -> str:
    """The mention with up to ``words`` words before it, on one line: "Project No. 06"."""
    before = text[max(0, start - 80):start].split()[-words:]
    return " ".join([*before, *text[start:end].split()])


class Occupied:
    """Character positions that mentions found so far take: an overlap test costs the mention's
    length, not the number of mentions (a text of a million numbers stays linear)."""

    def __init__(self, length: int, spans=()) -> None:
        self.mask = bytearray(length + 1)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self.mask[start:end]

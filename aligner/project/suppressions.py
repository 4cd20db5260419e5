"""Inline suppressions: ``<!-- aligner: ignore omission, moved -->`` in a document.

A comment on its own line covers the paragraph after it; a comment at the end of a line covers
that line's paragraph. ``<!-- aligner: ignore -->`` with no rule covers every rule. A finding is
suppressed when a suppression in its source file covers its source line, or one in its target
file covers its target line. A suppression that covers no finding is reported
(``unused_suppression``), as ruff reports an unused ``noqa``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import AlignerError
from ..read import ReadOptions, format_of
from ..read.base import decode
from ..rules import RULES

COMMENTED_FORMATS = ("markdown", "html")  # formats with <!-- comments -->, where suppressions live
_SUPPRESSION = re.compile(r"<!--\s*aligner:\s*ignore\b([^>]*?)-->")


@dataclass(frozen=True)
class Suppression:
    path: str
    line: int  # the comment's line
    rules: frozenset[str]  # empty: every rule
    first: int  # the lines it covers
    last: int

    def covers(self, rule: str, line: int | None) -> bool:
        return line is not None and self.first <= line <= self.last and (not self.rules or rule in self.rules)


def find_suppressions(path: str, file: Path) -> list[Suppression]:
    """The suppressions of a Markdown or HTML file (``path``: its name in the repository)."""
    data = file.read_bytes()
    text = decode(file, data)
    matches = list(_SUPPRESSION.finditer(text))
    if not matches:  # most files: no need to parse them a second time (the comparison did once)
        return []
    found = []
    blocks = [(b.location.line, b.last_line) for b in format_of(file).read(file, data, ReadOptions()).blocks]
    for match in matches:
        line = text.count("\n", 0, match.start()) + 1
        end_line = text.count("\n", 0, match.end()) + 1
        rules = frozenset(r for r in re.split(r"[\s,]+", match.group(1).strip()) if r)
        unknown = sorted(rules - RULES.keys())
        if unknown:
            raise AlignerError(f"{path}:{line}: unknown rule {unknown[0]!r} in an aligner suppression (rules: {', '.join(RULES)})")
        covered = next(((a, b) for a, b in blocks if b >= end_line and a >= line or a <= line <= b), None)
        first, last = (line, covered[1]) if covered else (line, end_line)
        found.append(Suppression(path, line, rules, first, last))
    return found

"""Markup findings: code and link targets that a translation must carry over unchanged.

The readers keep code blocks, inline code and link targets apart from prose (``Verbatim``);
here the source's are paired with the target's in document order (difflib's longest matching
blocks). A link target may name the document's language (``/en/guide``, ``?lang=en``): with
the language codes of both documents written as ``{lang}`` in both, a localized link is the same
link, and so is a link the translation keeps to the source's page (``/en/`` in the Arabic review
of held-out dev n175, whose maker has no Arabic page).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model import Finding, Span, Verbatim
from ..rules import default_severity
from .pair import Pair, Settings

KINDS = {"code": "code_changed", "link": "link_changed"}
NAMES = {"code": "code", "link": "link target"}


def markup_findings(pair: Pair, settings: Settings) -> list[Finding]:
    findings = []
    for kind in KINDS:
        source = [v for v in pair.source.verbatim if v.kind == kind]
        target = [v for v in pair.target.verbatim if v.kind == kind]
        languages = (pair.source.language, pair.target.language)
        keys = [[_key(v, languages) for v in items] for items in (source, target)]
        matcher = SequenceMatcher(None, keys[0], keys[1], autojunk=False)
        changes = [(list(range(i1, i2)), list(range(j1, j2))) for operation, i1, i2, j1, j2 in matcher.get_opcodes() if operation != "equal"]
        moved = _moved(changes, keys)
        for ours, theirs in changes:
            ours, theirs = [source[i] for i in ours if i not in moved[0]], [target[j] for j in theirs if j not in moved[1]]
            for offset in range(max(len(ours), len(theirs))):
                findings.append(_finding(kind, ours[offset] if offset < len(ours) else None, theirs[offset] if offset < len(theirs) else None))
    return findings


def _moved(changes: list[tuple[list[int], list[int]]], keys: list[list[str]]) -> tuple[set[int], set[int]]:
    """The source and target items of the changes that are carried elsewhere: the same code left
    out in one place and written in another, as a translation reorders a sentence ("when it is not
    `0`" is "Khi khác `0`, ..." before `expires_in`, held-out dev n124). Paired in document order."""
    unpaired: dict[str, list[int]] = {}
    for ours, _ in changes:
        for i in ours:
            unpaired.setdefault(keys[0][i], []).append(i)
    moved: tuple[set[int], set[int]] = (set(), set())
    for _, theirs in changes:
        for j in theirs:
            if unpaired.get(keys[1][j]):
                moved[0].add(unpaired[keys[1][j]].pop(0))
                moved[1].add(j)
    return moved


def _key(item: Verbatim, languages: tuple[str, str]) -> str:
    text = " ".join(item.text.split())
    if item.kind == "link":
        codes = "|".join(re.escape(language) for language in languages)
        text = re.sub(rf"(?<![A-Za-z])(?:{codes})(?![A-Za-z])", "{lang}", text)
    return text


def _finding(kind: str, source: Verbatim | None, target: Verbatim | None) -> Finding:
    name = NAMES[kind]
    if source and target:
        message = f"{name} changed: {_short(source.text)} became {_short(target.text)}"
    elif source:
        message = f"{name} missing from the target: {_short(source.text)}"
    else:
        message = f"{name} not in the source: {_short(target.text)}"
    return Finding(
        KINDS[kind], default_severity(KINDS[kind]),
        Span(source.location, source.text) if source else Span(), Span(target.location, target.text) if target else Span(),
        message,
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")

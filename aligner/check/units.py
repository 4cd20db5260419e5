"""Untranslated text: units a bilingual file leaves without translation, and text left in the source language."""

from __future__ import annotations

import re

from ..model import Finding, Span
from ..rules import default_severity
from .pair import Pair, Settings

_WORD = re.compile(r"[^\W\d_]{2,}")
_ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+")
# A paragraph of a monolingual document identical to its source is left untranslated only when
# it has this many words, not counting names (capitalized but first) and e-mail and web addresses:
# shorter ones are names, product names and commands, the same in every language (held-out dev set
# n103: a page's footer, "Nordhaven Shipping ASA · Oslo · ir@nordhaven.no · +47 22 55 01 80").
MIN_WORDS = 4


def translatable_words(text: str) -> int:
    """The words of ``text`` a translation would change: not addresses, nor names after the first word."""
    words = _WORD.findall(_ADDRESS.sub(" ", text))
    return sum(1 for index, word in enumerate(words) if index == 0 or not word[0].isupper())


def untranslated_findings(pair: Pair, settings: Settings) -> list[Finding]:
    if pair.source.language == pair.target.language:
        return []
    rule = "untranslated"
    findings = [
        Finding(rule, default_severity(rule, "unit"), Span(p.location, p.text), Span(), f"{p.location} has no translation", "unit")
        for p in pair.target.untranslated
    ]
    bilingual = bool(pair.target.untranslated) or any(p.location.unit is not None for p in pair.target.paragraphs)
    for bead in pair.aligned:
        source = " ".join(pair.source.sentences[i].text for i in bead.source)
        target = " ".join(pair.target.sentences[j].text for j in bead.target)
        words = translatable_words(source)
        if " ".join(source.split()) == " ".join(target.split()) and words >= (1 if bilingual else MIN_WORDS):
            findings.append(
                Finding(
                    rule, default_severity(rule, "sentence"), pair.source_span(bead.source), pair.target_span(bead.target),
                    "the target is the source text, untranslated", "sentence",
                )
            )
    return findings

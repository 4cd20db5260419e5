"""Untranslated text: units a bilingual file leaves without translation, and text left in the source language."""

from __future__ import annotations

import re

from ..model import Finding, Span
from ..rules import default_severity
from .pair import Pair, Settings

_WORD = re.compile(r"[^\W\d_]{2,}")
# A paragraph of a monolingual document identical to its source is left untranslated only when
# it has this many words: shorter ones are names, product names and commands, the same in every language.
MIN_WORDS = 4


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
        words = len(_WORD.findall(source))
        if " ".join(source.split()) == " ".join(target.split()) and words >= (1 if bilingual else MIN_WORDS):
            findings.append(
                Finding(
                    rule, default_severity(rule, "sentence"), pair.source_span(bead.source), pair.target_span(bead.target),
                    "the target is the source text, untranslated", "sentence",
                )
            )
    return findings

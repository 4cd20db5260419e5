"""Number findings: the numbers of each aligned bead, compared as values (see ``aligner.numbers``)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Finding, Severity, Span
from ..numbers import compare_numbers, extract_numbers
from .pair import Pair, Settings

SEVERITY = {
    "number_mismatch": Severity.ERROR,
    "number_missing": Severity.ERROR,
    "number_added": Severity.ERROR,
    "number_format": Severity.INFO,
}


def number_findings(pair: Pair, settings: Settings) -> list[Finding]:
    findings = []
    for bead in pair.aligned:
        source = pair.source_span(bead.source)
        target = pair.target_span(bead.target)
        source_numbers = extract_numbers(source.text, pair.source.language)
        target_numbers = extract_numbers(target.text, pair.target.language)
        for diff in compare_numbers(source_numbers, target_numbers):
            severity = SEVERITY[diff.kind]
            if diff.kind == "number_format" and settings.strict_numbers:
                severity = Severity.WARNING
            findings.append(
                Finding(
                    diff.kind,
                    severity,
                    _mark(source, diff.source),
                    _mark(target, diff.target),
                    diff.message,
                    "sentence",
                )
            )
    return findings


def _mark(span: Span, mention) -> Span:
    """The span with the number highlighted, or the span alone when that side has no number."""
    return span if mention is None else replace(span, highlights=((mention.start, mention.end),))

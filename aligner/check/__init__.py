"""Checks: each turns an aligned document pair into findings.

A new check is a function ``(pair: Pair, settings: Settings) -> list[Finding]``
added to ``CHECKS`` below.
"""

from __future__ import annotations

from .clauses import added_clause_findings, clause_findings
from .confidence import with_confidence
from .evidence import evidence_of
from .joined import joined_addition_findings
from .markup import markup_findings
from .numbers import number_findings
from .pair import Pair, Settings
from .structure import structure_findings, verdict
from .units import untranslated_findings

CHECKS = (structure_findings, clause_findings, added_clause_findings, joined_addition_findings, number_findings, untranslated_findings, markup_findings)


def run_checks(pair: Pair, settings: Settings) -> list:
    """Every check's findings, each with its evidence and confidence."""
    checks = (structure_findings,) if pair.verdict == "unrelated" else CHECKS
    findings = [finding for check in checks for finding in check(pair, settings)]
    scored = [with_confidence(finding, evidence) for finding, evidence in zip(findings, evidence_of(pair, findings))]
    return [f for f in scored if f.confidence is None or f.confidence >= settings.min_confidence]


__all__ = ["CHECKS", "Pair", "Settings", "run_checks", "verdict"]

"""Checks: each turns an aligned document pair into findings.

A new check is a function ``(pair: Pair, settings: Settings) -> list[Finding]``
added to ``CHECKS`` below.
"""

from __future__ import annotations

from .clauses import clause_findings
from .numbers import number_findings
from .pair import Pair, Settings
from .structure import structure_findings, verdict

CHECKS = (structure_findings, clause_findings, number_findings)


def run_checks(pair: Pair, settings: Settings) -> list:
    if pair.verdict == "unrelated":
        return structure_findings(pair, settings)
    findings = []
    for check in CHECKS:
        findings.extend(check(pair, settings))
    return findings


__all__ = ["CHECKS", "Pair", "Settings", "run_checks", "verdict"]

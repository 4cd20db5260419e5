"""JUnit XML, as GitLab and Jenkins read test reports: each compared document pair is a test case.

A pair fails when it has new findings at or above ``fail_on``; its failure lists each of them. A
repository finding that belongs to no compared pair (a missing or orphan translation, an unused
suppression) is a test case of its own, so it shows up in the same report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ..model import CheckReport, Comparison, Document, Issue
from .locate import message, places

# Characters XML 1.0 cannot carry even escaped: a message quoting a document could hold one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class ComparedPair:
    group: str
    source: Document
    target: Document
    comparison: Comparison
    issues: list[Issue] = field(default_factory=list)


def compared_pairs(check: CheckReport) -> tuple[list[ComparedPair], list[Issue]]:
    """Each compared document pair with its issues (every status), and the issues of no pair."""
    pairs: dict[tuple[str, str, str], ComparedPair] = {}
    for group, report in zip(check.groups, check.reports):
        for comparison in report.comparisons:
            source, target = report.documents[comparison.source], report.documents[comparison.target]
            pairs[(group, source.path, target.path)] = ComparedPair(group, source, target, comparison)
    alone = []
    for issue in check.issues:
        pair = pairs.get((issue.group, issue.source_path, issue.target_path))
        if pair:
            pair.issues.append(issue)
        else:
            alone.append(issue)
    return list(pairs.values()), alone


def render_junit(check: CheckReport, fail_on: str = "error") -> str:
    failing = {id(issue) for issue in check.failing(fail_on)}
    pairs, alone = compared_pairs(check)
    cases = [(p.group, f"{p.source.path} → {p.target.path}", p.target.path, p.issues) for p in pairs]
    for issue in alone:
        path = next((path for path, _ in places(issue)), None)
        cases.append((issue.group, f"{issue.finding.kind}: {path or issue.group}", path, [issue]))
    suites = ET.Element("testsuites")
    suite = ET.SubElement(suites, "testsuite", name="aligner")
    failures = 0
    for classname, name, path, issues in cases:
        case = ET.SubElement(suite, "testcase", classname=classname, name=name)
        if path:
            case.set("file", path)  # GitLab shows it beside the test
        failed = [issue for issue in issues if id(issue) in failing]
        if failed:
            failures += 1
            _failure(case, failed, fail_on)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suite.attrib.update(counts)
    suites.attrib.update(counts)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _failure(case: ET.Element, issues: list[Issue], fail_on: str) -> None:
    rules = list(dict.fromkeys(issue.finding.kind for issue in issues))
    summary = f"{len(issues)} new finding{'s' if len(issues) > 1 else ''} at or above {fail_on}: {', '.join(rules)}"
    failure = ET.SubElement(case, "failure", message=summary, type=", ".join(rules))
    failure.text = "\n".join(_line(issue) for issue in issues)


def _line(issue: Issue) -> str:
    finding = issue.finding
    at = "".join(f"{path}:{line}: " if line else f"{path}: " for path, line in places(issue)[:1])
    return _CONTROL.sub("", f"{at}{finding.severity.value} {finding.kind}: {message(issue)}")

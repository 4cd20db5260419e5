"""The CI formats of ``aligner check``, on a CheckReport built from the real pipeline on the seeds.

SARIF is validated against the official SARIF 2.1.0 JSON schema, vendored in
tests/data/sarif-schema-2.1.0.json: sarif-2.1/schema/sarif-schema-2.1.0.json of the OASIS SARIF
TC's repository (github.com/oasis-tcs/sarif-spec, commit e0583813), the errata01 OASIS Standard
schema (its "id" names docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/); no PyPI
package ships it (sarif-om has the object model only).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from junitparser import Failure, JUnitXml

from aligner import __version__
from aligner.model import CheckReport, Finding, Issue, Location, Severity, Span
from aligner.pipeline import compare, load_document
from aligner.project.baseline import fingerprint
from aligner.report.github import render_github, step_summary
from aligner.report.gitlab import render_gitlab
from aligner.report.junit import render_junit
from aligner.report.markdown import EXCERPT, render_markdown
from aligner.report.sarif import message, render_sarif
from aligner.rules import RULES, default_severity

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
TRANSLATED, UNRELATED = "seeds/haiphong.{lang}.txt", "seeds/unrelated.{lang}.txt"
EN, AR, VI = "seeds/haiphong.en.txt", "seeds/haiphong.ar.txt", "seeds/haiphong.vi.txt"


def repository_issue(kind: str, group: str, source: str | None, target: str | None, message: str) -> Issue:
    """A repository finding as ``aligner check`` makes one (line 1 of each file it names)."""
    finding = Finding(kind, RULES[kind].severity, Span(Location(1) if source else Location(), source), Span(Location(1) if target else Location(), target), message)
    return Issue(finding, group, source, target, fingerprint(finding, group, target or source))


@pytest.fixture(scope="module")
def check(encoder, seeds) -> CheckReport:
    """Two groups (the seeds' three languages; an unrelated article), every finding an issue, plus
    repository findings, one baselined, one suppressed and one pathless issue, and a fixed entry."""

    def group_report(*paths):
        report = compare([load_document(p) for p in paths], encoder)
        for document in report.documents:
            document.path = Path(document.path).relative_to(ROOT).as_posix()
        # The formats render whatever severity a finding has: pin the rules' defaults, so these
        # tests do not move with the calibrated confidence (tests/test_findings.py pins that).
        for comparison in report.comparisons:
            comparison.findings = [replace(f, severity=default_severity(f.kind, f.level)) for f in comparison.findings]
        return report

    groups = [TRANSLATED, UNRELATED]
    reports = [group_report(seeds["en"], seeds["ar"], seeds["vi"]), group_report(seeds["en"], seeds["unrelated"])]
    issues = []
    for group, report in zip(groups, reports):
        for comparison in report.comparisons:
            source, target = report.documents[comparison.source].path, report.documents[comparison.target].path
            issues += [Issue(f, group, source, target, fingerprint(f, group, target)) for f in comparison.findings]
    for index, issue in enumerate(issues):
        if issue.target_path == VI and issue.finding.kind == "number_format":
            issues[index] = replace(issue, status="baselined")
        if issue.target_path == VI and issue.finding.kind == "addition" and issue.finding.target.line == 17:
            issues[index] = replace(issue, status="suppressed")
    issues += [
        repository_issue("stale_translation", TRANSLATED, EN, AR, f"{EN} changed after {AR}"),
        repository_issue("missing_translation", "seeds/haiduong.{lang}.txt", "seeds/haiduong.en.txt", None, "seeds/haiduong.en.txt has no ar translation"),
        repository_issue("orphan_translation", "seeds/extra.{lang}.txt", None, "seeds/extra.vi.txt", "seeds/extra.vi.txt has no en source page"),
        repository_issue("unused_suppression", "pyproject.toml", None, None, "per-path-ignores 'docs/**' in pyproject.toml covers no finding"),
    ]
    fixed = [{"fingerprint": "0" * 32, "rule": "omission", "path": VI, "message": "paragraph missing from the target"}]
    return CheckReport(reports, issues, fixed, "3 document groups in en, ar, vi", groups)


def find(check: CheckReport, kind: str, target: str | None = None, status: str = "new") -> Issue:
    return next(i for i in check.issues if i.finding.kind == kind and i.status == status and (target is None or i.target_path == target))


def test_the_seeds_give_the_issues_the_formats_are_checked_on(check):
    kinds = {(i.finding.kind, i.target_path, i.status) for i in check.issues}
    assert {("number_added", AR, "new"), ("omission", AR, "new"), ("number_format", AR, "new"), ("omission", VI, "new"),
            ("number_format", VI, "baselined"), ("addition", VI, "suppressed"), ("unrelated", "seeds/haiduong.en.txt", "new")} <= kinds


# SARIF

def test_sarif_is_valid_against_the_official_schema(check):
    log = json.loads(render_sarif(check))
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_rules_are_the_registry(check):
    driver = json.loads(render_sarif(check))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "aligner" and driver["version"] == __version__
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for sarif_rule, rule in zip(driver["rules"], RULES.values()):
        assert sarif_rule["shortDescription"]["text"] == rule.summary
        assert sarif_rule["fullDescription"]["text"] == sarif_rule["help"]["text"] == rule.description
        assert sarif_rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]


def test_sarif_results_carry_every_placed_issue_with_its_status(check):
    run = json.loads(render_sarif(check))["runs"][0]
    placed = [i for i in check.issues if i.source_path or i.target_path]
    assert len(placed) == len(check.issues) - 1  # GitHub rejects a result without a location
    results = run["results"]
    assert [r["partialFingerprints"]["alignerFingerprint/v1"] for r in results] == [i.fingerprint for i in placed]
    for result, issue in zip(results, placed):
        assert result["ruleId"] == issue.finding.kind
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == issue.finding.kind
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[issue.finding.severity.value]
        assert result["message"]["text"] == message(issue)
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
        if issue.status == "suppressed":
            assert result["suppressions"] == [{"kind": "inSource"}] and "baselineState" not in result
        else:
            assert result["baselineState"] == {"new": "new", "baselined": "unchanged"}[issue.status]
        assert ("confidence" in result.get("properties", {})) == (issue.finding.confidence is not None)


def located(result: dict) -> list[tuple[str, int]]:
    places = result["locations"] + result.get("relatedLocations", [])
    return [(p["physicalLocation"]["artifactLocation"]["uri"], p["physicalLocation"]["region"]["startLine"]) for p in places]


def test_sarif_puts_a_finding_on_the_target_line_and_the_source_as_related(check):
    results = {r["partialFingerprints"]["alignerFingerprint/v1"]: r for r in json.loads(render_sarif(check))["runs"][0]["results"]}
    added = find(check, "number_added", AR)  # the Arabic line 12 has "رقم 06", the English line 12 not
    assert located(results[added.fingerprint]) == [(AR, 12), (EN, 12)]
    assert results[added.fingerprint]["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    # A paragraph the Vietnamese lacks has no target line: it is on the English line, and the
    # message names the translation that lacks it.
    omitted = find(check, "omission", VI)
    assert omitted.finding.target.line is None
    assert located(results[omitted.fingerprint]) == [(EN, omitted.finding.source.line)]
    assert results[omitted.fingerprint]["message"]["text"] == f"{omitted.finding.message} ({VI})"
    # The unrelated article is about the whole target file; a missing translation about its source.
    assert located(results[find(check, "unrelated").fingerprint]) == [("seeds/haiduong.en.txt", 1)]
    assert located(results[find(check, "missing_translation").fingerprint]) == [("seeds/haiduong.en.txt", 1)]


# JUnit

def cases_of(check: CheckReport, fail_on: str) -> dict[str, tuple]:
    xml = JUnitXml.fromstring(render_junit(check, fail_on).encode("utf-8"))  # bytes: the document declares its encoding
    suites = list(xml)
    assert [s.name for s in suites] == ["aligner"]
    suite = suites[0]
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (suite.tests, suite.failures, 0, 0)
    cases = {case.name: case for case in suite}
    assert suite.tests == len(cases)
    assert suite.failures == sum(any(isinstance(r, Failure) for r in case.result) for case in cases.values())
    return cases


def test_junit_has_a_test_case_per_compared_pair_and_per_pairless_issue(check):
    cases = cases_of(check, "error")
    pairs = [f"{EN} → {AR}", f"{EN} → {VI}", f"{EN} → seeds/haiduong.en.txt"]
    pairless = ["missing_translation: seeds/haiduong.en.txt", "orphan_translation: seeds/extra.vi.txt", "unused_suppression: pyproject.toml"]
    assert list(cases) == pairs + pairless
    assert [cases[name].classname for name in pairs] == [TRANSLATED, TRANSLATED, UNRELATED]
    assert cases["missing_translation: seeds/haiduong.en.txt"].classname == "seeds/haiduong.{lang}.txt"


def test_junit_failure_lists_each_new_finding_at_or_above_fail_on(check):
    cases = cases_of(check, "error")
    (failure,) = cases[f"{EN} → {AR}"].result
    errors = [i for i in check.failing("error") if i.target_path == AR]
    assert failure.type == ", ".join(dict.fromkeys(i.finding.kind for i in errors))
    assert failure.message.startswith(f"{len(errors)} new finding")
    body = failure.text.splitlines()
    assert len(body) == len(errors)
    assert f"{AR}:12: error number_added: {find(check, 'number_added', AR).finding.message}" in body
    # Warnings do not fail at --fail-on error: the pairless ones pass, the stale translation is not listed.
    assert not cases["orphan_translation: seeds/extra.vi.txt"].result
    assert "stale_translation" not in failure.text


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_junit_failures_follow_fail_on(check, fail_on):
    expected: dict[str, int] = {}
    for issue in check.failing(fail_on):
        paths = (issue.source_path, issue.target_path)
        name = " → ".join(paths) if all(paths) else f"{issue.finding.kind}: {issue.target_path or issue.source_path or issue.group}"
        expected[name] = expected.get(name, 0) + 1
    cases = cases_of(check, fail_on)
    failed = {name: len(case.result[0].text.splitlines()) for name, case in cases.items() if case.result}
    assert failed == expected


# GitLab Code Quality

def test_gitlab_code_quality_lists_the_new_placed_issues(check):
    entries = json.loads(render_gitlab(check))
    new = [i for i in check.issues if i.status == "new" and (i.source_path or i.target_path)]
    assert [e["fingerprint"] for e in entries] == [i.fingerprint for i in new]
    for entry, issue in zip(entries, new):
        assert entry["check_name"] == issue.finding.kind and entry["description"] == message(issue)
        assert entry["severity"] == {"error": "critical", "warning": "major", "info": "info"}[issue.finding.severity.value]
        assert isinstance(entry["location"]["path"], str) and entry["location"]["path"]
        assert isinstance(entry["location"]["lines"]["begin"], int) and entry["location"]["lines"]["begin"] >= 1
    by_fingerprint = {e["fingerprint"]: e["location"] for e in entries}
    assert by_fingerprint[find(check, "number_added", AR).fingerprint] == {"path": AR, "lines": {"begin": 12}}
    assert by_fingerprint[find(check, "unrelated").fingerprint] == {"path": "seeds/haiduong.en.txt", "lines": {"begin": 1}}


# GitHub Actions

def test_github_escapes_messages_and_property_values():
    finding = Finding("omission", Severity.ERROR, Span(Location(3), "a"), Span(Location(7), "b"), "50% done\r\nnext: a, b")
    issue = Issue(finding, "docs/{lang}/a:b,c.md", "docs/en/a:b,c.md", "docs/ar/a:b,c.md", "f" * 32)
    (line,) = render_github(CheckReport([], [issue])).splitlines()
    title = RULES["omission"].summary
    assert line == f"::error file=docs/ar/a%3Ab%2Cc.md,line=7,title={title} (omission)::50%25 done%0D%0Anext: a, b"


def unescape(value: str) -> str:
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], value)


def test_github_annotates_every_new_issue_at_its_level(check):
    lines = render_github(check).splitlines()
    new = [i for i in check.issues if i.status == "new"]
    assert len(lines) == len(new)
    for line, issue in zip(lines, new):
        command, properties, text = re.fullmatch(r"::(\w+) (.*?)::(.*)", line).groups()
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[issue.finding.severity.value]
        assert unescape(text) == message(issue)
        values = dict(p.split("=", 1) for p in properties.split(","))
        assert unescape(values["title"]) == f"{RULES[issue.finding.kind].summary} ({issue.finding.kind})"
        assert unescape(values.get("file", "")) in {issue.target_path or "", issue.source_path or ""}
    added = find(check, "number_added", AR)
    assert lines[new.index(added)].startswith(f"::error file={AR},line=12,")
    assert lines[new.index(find(check, "unused_suppression"))].startswith("::warning title=")


def test_github_step_summary_counts_and_lists_every_new_issue(check):
    summary = step_summary(check, "error")
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in summary.splitlines() if line.startswith("| ")]
    assert rows[0] == ["severity", "new", "baselined", "suppressed"]
    for severity, row in zip(Severity, rows[1:]):
        counts = [sum(i.status == s and i.finding.severity is severity for i in check.issues) for s in rows[0][1:]]
        assert row == [severity.value, *map(str, counts)]
    listed = [line for line in summary.splitlines() if line.startswith("- ")]
    assert len(listed) == sum(i.status == "new" for i in check.issues) > 10  # more than GitHub annotates
    assert f"- error `number_added` `{EN}:12` → `{AR}:12`: " in summary
    assert "- warning `unused_suppression`: per-path-ignores" in summary
    assert f"{len(check.failing('error'))} new issues at or above error" in summary


# Markdown

def test_markdown_has_the_table_of_pairs(check):
    text = render_markdown(check)
    assert text.splitlines()[2] == "3 document groups in en, ar, vi"
    assert "| target | language | verdict | errors | warnings | info |" in text
    for path, language, verdict in ((AR, "ar", "parallel"), (VI, "vi", "partial"), ("seeds/haiduong.en.txt", "en", "unrelated")):
        new = [i for i in check.issues if i.status == "new" and i.target_path == path and i.source_path == EN]
        counts = " | ".join(str(sum(i.finding.severity is s for i in new)) for s in Severity)
        assert f"| {path} | {language} | {verdict} | {counts} |" in text


def quotes_after(text: str, heading: str) -> list[str]:
    """The blockquotes of the issue whose heading line contains ``heading``."""
    block = text.split(heading, 1)[1].split("\n**", 1)[0]
    return [line[2:] for line in block.splitlines() if line.startswith("> ")]


def test_markdown_quotes_both_texts_of_each_new_issue_at_warning_or_above(check):
    text = render_markdown(check)
    added = find(check, "number_added", AR)
    source, target = quotes_after(text, f"`number_added`** `{EN}:12` → `{AR}:12`")
    assert source.startswith("At the meeting, delegates focused on clarifying difficulties")
    assert "**06**" in target  # the number the finding is about, in bold
    assert "رقم" in target
    assert added.finding.message in text
    # The clause the Arabic lacks sits late in a long sentence: the quote is cut around it.
    clause = find(check, "omission", AR)
    (quote, _) = quotes_after(text, f"`omission`** `{EN}:22` → `{AR}:22`")
    assert quote.startswith("… ") and len(clause.finding.source.text) > EXCERPT
    assert "**support policies and facilities for grassroots police officers" in quote
    # Info is not listed; baselined and suppressed are only counted; the fixed entry is listed.
    assert find(check, "number_format", AR).finding.message not in text
    assert "1 baselined and 1 suppressed issues are not shown." in text
    assert f"- `omission` {VI}: paragraph missing from the target" in text


def test_markdown_quotes_are_short_and_on_one_line(check):
    for line in render_markdown(check).splitlines():
        if line.startswith("> "):
            assert len(line) < EXCERPT * 1.3, line


def test_a_known_confidence_is_carried(check):
    """A confidence, when a finding has one, reaches SARIF and Markdown."""
    added = find(check, "number_added", AR)
    sure = replace(added, finding=replace(added.finding, confidence=0.87))
    one = CheckReport(check.reports, [sure], [], check.summary, check.groups)
    log = json.loads(render_sarif(one))
    assert not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))
    assert log["runs"][0]["results"][0]["properties"] == {"confidence": 0.87}
    assert "· confidence 87%" in render_markdown(one)

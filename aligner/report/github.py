"""GitHub Actions: workflow commands that annotate the files, and a job summary.

Each new issue is an ``::error``, ``::warning`` or ``::notice`` line, escaped as the Actions
toolkit escapes them (a raw newline would end the command, a raw ``:`` or ``,`` in a property
value would end the value). GitHub shows only 10 annotations of each level per step, so
``step_summary`` (for ``$GITHUB_STEP_SUMMARY``) lists every new issue.
"""

from __future__ import annotations

from ..model import CheckReport, Issue, Severity
from ..rules import RULES
from .layout import printable
from .locate import message, places
from .markdown import escape, outcome, place

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(check: CheckReport, fail_on: str = "error") -> str:
    """One annotation per new issue of any severity: ``fail_on`` decides the exit code, not what is shown."""
    return "".join(_annotation(issue) + "\n" for issue in check.issues if issue.status == "new")


def _annotation(issue: Issue) -> str:
    finding = issue.finding
    properties = []
    for path, line in places(issue)[:1]:
        properties.append(f"file={_property(path)}")
        if line:
            properties.append(f"line={line}")
    properties.append(f"title={_property(f'{RULES[finding.kind].summary} ({finding.kind})')}")
    return f"::{COMMAND[finding.severity]} {','.join(properties)}::{_data(message(issue))}"


def _data(text: str) -> str:
    """Escaped as the toolkit does; a document's control characters never reach the log."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def step_summary(check: CheckReport, fail_on: str = "error") -> str:
    """Markdown for the job summary: the counts by severity and status, then every new issue."""
    statuses = ("new", "baselined", "suppressed")
    lines = ["### aligner", "", escape(check.summary), "", outcome(check, fail_on), "",
             "| severity | " + " | ".join(statuses) + " |", "|---|--:|--:|--:|"]
    for severity in Severity:
        counts = [sum(i.status == status and i.finding.severity is severity for i in check.issues) for status in statuses]
        lines.append(f"| {severity.value} | " + " | ".join(map(str, counts)) + " |")
    new = [issue for issue in check.issues if issue.status == "new"]
    if new:
        lines += ["", f"#### New issues ({len(new)})", ""]
        for issue in new:
            what = " ".join(part for part in (issue.finding.severity.value, f"`{issue.finding.kind}`", place(issue)) if part)
            lines.append(f"- {what}: {escape(issue.finding.message)}")
    return "\n".join(lines) + "\n"

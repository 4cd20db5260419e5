"""GitLab Code Quality: a JSON list of the new issues, which the merge request widget shows.

GitLab compares the branch's report with the target branch's by fingerprint, so the issue's
fingerprint (stable when lines move) is the Code Quality fingerprint. An issue with no path
(an unused per-path ignore) cannot be placed and is left out; a finding about a whole file is
on line 1.
"""

from __future__ import annotations

import json

from ..model import CheckReport, Severity
from .locate import message, places

SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render_gitlab(check: CheckReport, fail_on: str = "error") -> str:
    """The report; ``fail_on`` does not change it (every new issue is listed with its severity)."""
    entries = []
    for issue in check.issues:
        where = places(issue)
        if issue.status != "new" or not where:
            continue
        path, line = where[0]
        entries.append({
            "description": message(issue),
            "check_name": issue.finding.kind,
            "fingerprint": issue.fingerprint,
            "severity": SEVERITY[issue.finding.severity],
            "location": {"path": path, "lines": {"begin": line or 1}},
        })
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"

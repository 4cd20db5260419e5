"""SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules, one result per issue.

Baselined and suppressed issues are results too (``baselineState`` "unchanged", a
``suppressions`` entry), so code scanning closes their alerts instead of forgetting them.
GitHub rejects a whole upload when one result has no location, so an issue with no path (an
unused per-path ignore) is left out, and it needs a ``region.startLine``, so a finding about a
whole file is put on line 1. ``partialFingerprints`` carries the issue's fingerprint, which
does not change when lines move, so an alert follows its finding across edits.
"""

from __future__ import annotations

import json
from importlib import metadata
from urllib.parse import quote

from .. import __version__
from ..model import CheckReport, Issue, Severity
from ..rules import RULES
from .locate import message, places

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(check: CheckReport, fail_on: str = "error") -> str:
    """The SARIF log; ``fail_on`` does not change it (code scanning filters by level itself)."""
    rules = list(RULES.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver = {"name": "aligner", "version": __version__, "rules": [_rule(rule) for rule in rules]}
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    results = [_result(issue, index[issue.finding.kind]) for issue in check.issues if places(issue)]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _homepage() -> str | None:
    """The project's URL as the installed package declares it (``[project.urls]`` in pyproject.toml)."""
    try:
        info = metadata.metadata("aligner")
    except metadata.PackageNotFoundError:
        return None
    urls = [entry.partition(",")[2].strip() for entry in info.get_all("Project-URL") or []]
    return info.get("Home-page") or next(iter(urls), None)


def _rule(rule) -> dict:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }


def _result(issue: Issue, rule_index: int) -> dict:
    finding = issue.finding
    primary, *related = places(issue)
    result = {
        "ruleId": finding.kind,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": message(issue)},
        "locations": [_location(*primary)],
        "partialFingerprints": {"alignerFingerprint/v1": issue.fingerprint},
    }
    if related and related[0][1]:  # the other side, where it has a line
        side = "source" if related[0][0] == issue.source_path else "target"
        result["relatedLocations"] = [{"id": 1, **_location(*related[0]), "message": {"text": f"the {side}"}}]
    if issue.status == "suppressed":
        result["suppressions"] = [{"kind": "inSource"}]
    else:
        result["baselineState"] = "unchanged" if issue.status == "baselined" else "new"
    if finding.confidence is not None:
        result["properties"] = {"confidence": round(finding.confidence, 4)}
    return result


def _location(path: str, line: int | None) -> dict:
    """A repository-relative URI: the path with spaces and non-ASCII characters percent-encoded."""
    return {"physicalLocation": {"artifactLocation": {"uri": quote(path), "uriBaseId": "%SRCROOT%"}, "region": {"startLine": line or 1}}}

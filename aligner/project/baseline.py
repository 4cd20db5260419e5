"""Baselines: findings a team has reviewed and accepted, kept in a file so they do not fail builds.

A finding is known by its fingerprint: the rule, the group, and the normalized texts of both
sides, never a line number, so a baselined finding stays baselined when lines move above it.
``--write-baseline`` records every current finding; with ``--baseline`` a finding in the file is
reported as baselined and does not fail the run, and an entry that no longer occurs is reported
as fixed, so the file can be pruned.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..errors import AlignerError
from ..model import Finding, Issue

VERSION = 1


def _normal(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def fingerprint(finding: Finding, group: str, target_path: str | None) -> str:
    parts = [finding.kind, finding.level, group, target_path or "", _normal(finding.source.text), _normal(finding.target.text)]
    if finding.differences:
        parts += [f"{d.kind}:{d.source_value}>{d.target_value}" for d in finding.differences]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def baseline_text(issues: list[Issue]) -> str:
    """The baseline file recording ``issues``."""
    entries = sorted(
        ({"fingerprint": i.fingerprint, "rule": i.finding.kind, "path": i.target_path or i.source_path, "message": i.finding.message} for i in issues),
        key=lambda e: (e["path"] or "", e["rule"], e["fingerprint"]),
    )
    return json.dumps({"version": VERSION, "findings": entries}, indent=1, ensure_ascii=False) + "\n"


def read_baseline(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AlignerError(f"{path}: baseline file not found (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise AlignerError(f"{path}: not a baseline file: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise AlignerError(f"{path}: not a baseline file of version {VERSION}")
    return data["findings"]


def apply_baseline(issues: list[Issue], entries: list[dict]) -> tuple[list[Issue], list[dict]]:
    """Issues with those in the baseline marked baselined, and the entries that matched nothing (fixed).

    Fingerprints are counted, so two identical findings need two entries.
    """
    remaining = Counter(e["fingerprint"] for e in entries)
    marked = []
    for issue in issues:
        if issue.status == "new" and remaining[issue.fingerprint] > 0:
            remaining[issue.fingerprint] -= 1
            issue = replace(issue, status="baselined")
        marked.append(issue)
    fixed = []
    for entry in entries:
        if remaining[entry["fingerprint"]] > 0:
            remaining[entry["fingerprint"]] -= 1
            fixed.append(entry)
    return marked, fixed

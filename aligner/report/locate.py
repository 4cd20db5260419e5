"""Where an issue is shown in the CI formats (SARIF, GitHub, GitLab, JUnit), and how it is named there."""

from __future__ import annotations

from ..model import Issue


def places(issue: Issue) -> list[tuple[str, int | None]]:
    """Where an issue is, as (path, line), the primary place first, then the other side.

    The primary place is the target where the finding has a target line (what the target says
    or lacks there), else the source where it has one (what the target lacks entirely), else
    whichever file there is.
    """
    target = (issue.target_path, issue.finding.target.line) if issue.target_path else None
    source = (issue.source_path, issue.finding.source.line) if issue.source_path else None
    if source and (target is None or (source[1] and not target[1])):
        return [source, target] if target else [source]
    return [p for p in (target, source) if p]


def message(issue: Issue) -> str:
    """The finding's message, naming the target when the issue is placed on the source.

    An omission has no target line, so it sits on the source line: without the target's name the
    findings of two translations lacking the same paragraph would read the same.
    """
    found = places(issue)
    if issue.target_path and found and found[0][0] != issue.target_path:
        return f"{issue.finding.message} ({issue.target_path})"
    return issue.finding.message

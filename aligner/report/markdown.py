"""A Markdown report for a pull-request comment: the verdict, a table of the pairs, the new issues.

Each new issue at warning or above is shown with what the source and the target say, quoted and
cut to a window around the highlighted part, so a reviewer can judge it without opening the
files. The list stops at ``MAX_ISSUES`` (a GitHub comment holds at most 65,536 characters).
"""

from __future__ import annotations

import re

from ..model import CheckReport, Issue, Severity, Span
from .junit import compared_pairs

MAX_ISSUES = 50
EXCERPT = 280  # characters of a quoted text
ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text as Markdown that shows it literally, on one line (whitespace runs become one space)."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def outcome(check: CheckReport, fail_on: str) -> str:
    failing = len(check.failing(fail_on))
    if failing:
        return f"✖ **{failing} new issue{'s' if failing > 1 else ''} at or above {fail_on}**: the check fails."
    return "✔ The check passes." if fail_on == "never" else f"✔ No new issue at or above {fail_on}: the check passes."


def place(issue: Issue) -> str:
    """The issue's files as inline code, with their lines: ``source → target`` for a pair."""
    sides = [(path, span.line) for path, span in ((issue.source_path, issue.finding.source), (issue.target_path, issue.finding.target)) if path]
    return " → ".join(f"`{path}:{line}`" if line else f"`{path}`" for path, line in sides)


def render_markdown(check: CheckReport, fail_on: str = "error") -> str:
    pairs, _ = compared_pairs(check)
    lines = ["### aligner", "", escape(check.summary), "", outcome(check, fail_on), ""]
    if pairs:
        lines += ["| target | language | verdict | errors | warnings | info |", "|---|---|---|--:|--:|--:|"]
        for pair in pairs:
            counts = [sum(i.status == "new" and i.finding.severity is s for i in pair.issues) for s in Severity]
            lines.append(f"| {escape(pair.target.path)} | {pair.target.language} | {pair.comparison.verdict} | " + " | ".join(map(str, counts)) + " |")
        lines.append("")
    shown = [i for i in check.issues if i.status == "new" and i.finding.severity.rank >= Severity.WARNING.rank]
    if shown:
        lines += [f"#### New issues ({len(shown)})", ""]
        for issue in shown[:MAX_ISSUES]:
            lines += _issue(issue)
        if len(shown) > MAX_ISSUES:
            lines += [f"… and {len(shown) - MAX_ISSUES} more: see the full report (`--format json` or `sarif`).", ""]
    hidden = {status: sum(i.status == status for i in check.issues) for status in ("baselined", "suppressed")}
    lines.append(f"{hidden['baselined']} baselined and {hidden['suppressed']} suppressed issues are not shown.")
    if check.fixed:
        lines += ["", f"#### Fixed baseline entries ({len(check.fixed)})", "",
                  "These no longer occur: rewrite the baseline (`--write-baseline`) to drop them.", ""]
        lines += [f"- `{e['rule']}` {escape(e['path'] or '')}: {escape(e['message'])}" for e in check.fixed]
    return "\n".join(lines) + "\n"


def _issue(issue: Issue) -> list[str]:
    finding = issue.finding
    head = [f"**{ICON[finding.severity]} {finding.severity.value} `{finding.kind}`**", place(issue)]
    if finding.confidence is not None:
        head.append(f"· confidence {finding.confidence:.0%}")
    lines = [" ".join(part for part in head if part), escape(finding.message), ""]
    # Findings of a compared pair point at sentences; a repository finding's text is only a path.
    for side, span in (("source", finding.source), ("target", finding.target)):
        if span.sentences and span.text:
            lines += [f"{side}:", "", f"> {_excerpt(span)}", ""]
    return lines


def _excerpt(span: Span) -> str:
    """The span's text cut to about ``EXCERPT`` characters on word boundaries, around its first
    highlight, with the highlighted parts in bold."""
    text, marks = span.text, sorted(span.highlights)
    start, end = 0, len(text)
    if end > EXCERPT:
        if marks:
            start = text.rfind(" ", 0, max(marks[0][0] - EXCERPT // 4, 0)) + 1
        end = min(end, start + EXCERPT)
        if end < len(text):
            end = max(text.rfind(" ", start, end), start + EXCERPT // 2)
    pieces, at = [], start
    for first, last in marks:
        first, last = max(first, at), min(last, end)
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if first < last:
            pieces += [escape(text[at:first]), f"**{escape(text[first:last])}**"]
            at = last
    pieces.append(escape(text[at:end]))
    return ("… " if start else "") + "".join(pieces).strip() + (" …" if end < len(text) else "")

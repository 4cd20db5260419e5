"""The terminal report: each comparison side by side with findings in place, then a summary.

By default only the beads that carry a finding are shown, with a line saying
how many clean beads were folded between them; ``full=True`` shows every bead.
Numbers are highlighted in both texts, the ones a finding is about in red.
Right-to-left text is right-aligned in its column and kept in logical order,
which bidi-aware terminals display correctly.
"""

from __future__ import annotations

from dataclasses import replace

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Bead, CheckReport, Comparison, Document, Finding, Report, Severity
from ..numbers import extract_numbers
from .layout import RTL_LANGUAGES, findings_by_bead, folded_text, location_notes, place_of, printable

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}
VERDICT_STYLE = {"parallel": "green", "partial": "yellow", "unrelated": "bold red"}


def render_terminal(report: Report, console: Console, full: bool = False) -> None:
    for comparison in report.comparisons:
        console.print(_comparison_view(report.documents, comparison, full))
    console.print(_summary(report))


def _comparison_view(documents: list[Document], comparison: Comparison, full: bool):
    source, target = documents[comparison.source], documents[comparison.target]
    title = Text.assemble(
        (printable(source.path), "bold"), f" ({source.language}) → ", (printable(target.path), "bold"), f" ({target.language})  ",
        (comparison.verdict, VERDICT_STYLE[comparison.verdict]),
        f"  coverage {comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}",
    )
    if comparison.verdict == "unrelated":
        return Panel(Group(*[_finding_line(f) for f in comparison.findings]), title=title, title_align="left")
    justify = ["right" if d.language in RTL_LANGUAGES else "left" for d in (source, target)]
    margin = max([4] + [len(s.location.label) for d in (source, target) for s in d.sentences])  # "12", "¶7", "cue 12"
    rows: list = [_row(Text(""), Text(f"source ({source.language})", style="bold"), Text(""), Text(f"target ({target.language})", style="bold"), justify, margin)]
    rows += [Text(printable(note), style="dim italic") for note in location_notes([source, target])]
    by_bead = findings_by_bead(comparison)
    folded = 0
    for index, bead in enumerate(comparison.beads):
        findings = by_bead.get(index, [])
        if not findings and not full:
            folded += 1
            continue
        if folded:
            rows.append(_folded(folded))
            folded = 0
        rows.append(_row(*_bead_cells(source, target, bead, findings), justify, margin))
        rows.extend(Padding(_finding_line(finding), (0, 0, 0, 6)) for finding in findings)
    if folded:
        rows.append(_folded(folded))
    for finding in by_bead.get(None, []):
        place = place_of(finding)
        rows.append(Padding(Text.assemble(_finding_line(finding), (f"  {printable(place)}" if place else "", "dim")), (0, 0, 0, 6)))
    return Panel(Group(*rows), title=title, title_align="left")


def _row(source_line: Text, source: Text, target_line: Text, target: Text, justify: list[str], margin: int) -> Table:
    """One bead: locations and two equal text columns, the same widths on every row."""
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=margin, justify="right", style="dim")
    grid.add_column(ratio=1, justify=justify[0])
    grid.add_column(width=margin, justify="right", style="dim")
    grid.add_column(ratio=1, justify=justify[1])
    grid.add_row(source_line, source, target_line, target)
    return grid


def _folded(count: int) -> Text:
    return Text(f"  {folded_text(count)}", style="dim italic")


def _bead_cells(source: Document, target: Document, bead: Bead, findings: list[Finding]):
    source_text = _highlighted(" ".join(source.sentences[i].text for i in bead.source), source.language, [h for f in findings for h in f.source.highlights])
    target_text = _highlighted(" ".join(target.sentences[j].text for j in bead.target), target.language, [h for f in findings for h in f.target.highlights])
    if bead.source and not bead.target:
        target_text = Text("— missing —", style="red")
    if bead.target and not bead.source:
        source_text = Text("— not in source —", style="yellow")
    return _line(source, bead.source), source_text, _line(target, bead.target), target_text


def _line(document: Document, sentences) -> Text:
    return Text(document.sentences[sentences[0]].location.label if sentences else "")


def _highlighted(text: str, language: str, marks) -> Text:
    rich_text = Text(printable(text))
    for mention in extract_numbers(text, language):
        rich_text.stylize("bold cyan", mention.start, mention.end)
    for start, end in marks:
        rich_text.stylize("bold white on red" if end - start < 40 else "underline yellow", start, end)
    return rich_text


def _finding_line(finding: Finding) -> Text:
    level = f" [{finding.level}]" if finding.level else ""
    confidence = f" {finding.confidence:.0%}" if finding.confidence is not None else ""
    return Text.assemble(
        (f"{ICON[finding.severity]} {finding.severity.value} {finding.kind}", STYLE[finding.severity]),
        (level, "dim"), (confidence, "dim"), ": ", printable(finding.message),
    )


def _summary(report: Report) -> Table:
    table = Table(title="Summary", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("target", "lang", "verdict", "coverage src/tgt", "errors", "warnings", "info"):
        table.add_column(column, justify="right" if column in {"errors", "warnings", "info"} else "left")
    for comparison in report.comparisons:
        target = report.documents[comparison.target]
        counts = {s: sum(f.severity is s for f in comparison.findings) for s in Severity}
        table.add_row(
            Text(printable(target.path)), target.language, Text(comparison.verdict, VERDICT_STYLE[comparison.verdict]),
            f"{comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}",
            Text(str(counts[Severity.ERROR]), STYLE[Severity.ERROR] if counts[Severity.ERROR] else ""),
            Text(str(counts[Severity.WARNING]), STYLE[Severity.WARNING] if counts[Severity.WARNING] else ""),
            str(counts[Severity.INFO]),
        )
    reference = report.documents[report.comparisons[0].source] if report.comparisons else None
    if reference:
        table.caption = Text(f"reference: {printable(reference.path)} ({reference.language}, {len(reference.paragraphs)} paragraphs, {len(reference.sentences)} sentences)")
    return table


def render_check(check: CheckReport, console: Console) -> None:
    """Every group's comparison with its new findings, the repository's own findings, then the totals."""
    for report in new_findings_only(check):
        for comparison in report.comparisons:
            console.print(_comparison_view(report.documents, comparison, False))
    repository = [i for i in check.issues if i.status == "new" and i.finding.kind in REPOSITORY_RULES]
    if repository:
        table = Table(title="Repository", box=box.SIMPLE_HEAD, title_justify="left")
        for column in ("severity", "rule", "finding"):
            table.add_column(column)
        for issue in repository:
            table.add_row(Text(issue.finding.severity.value, STYLE[issue.finding.severity]), issue.finding.kind, Text(printable(issue.finding.message)))
        console.print(table)
    console.print(Text(printable(check.summary), style="dim"))
    console.print(totals(check))


REPOSITORY_RULES = {"missing_translation", "orphan_translation", "stale_translation", "unused_suppression"}


def new_findings_only(check: CheckReport) -> list[Report]:
    """The group reports without their baselined and suppressed findings."""
    hidden = {(i.group, i.target_path, i.finding) for i in check.issues if i.status != "new"}
    reports = []
    for group, report in zip(check.groups, check.reports):
        comparisons = [
            replace(c, findings=[f for f in c.findings if (group, report.documents[c.target].path, f) not in hidden])
            for c in report.comparisons
        ]
        reports.append(Report(report.documents, comparisons))
    return reports


def totals(check: CheckReport) -> str:
    new = [i for i in check.issues if i.status == "new"]
    counts = {s: sum(i.finding.severity is s for i in new) for s in Severity}
    others = {status: sum(i.status == status for i in check.issues) for status in ("baselined", "suppressed")}
    text = (
        f"{len(check.reports)} group{'s' if len(check.reports) != 1 else ''} checked: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} info; {others['baselined']} baselined, {others['suppressed']} suppressed"
    )
    return text + (f"; {len(check.fixed)} baseline entries fixed (prune them)" if check.fixed else "")

"""The terminal report: each comparison side by side with findings in place, then a summary.

By default only the beads that carry a finding are shown, with a line saying
how many clean beads were folded between them; ``full=True`` shows every bead.
Numbers are highlighted in both texts, the ones a finding is about in red.
Right-to-left text is right-aligned in its column and kept in logical order,
which bidi-aware terminals display correctly.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Bead, Comparison, Document, Finding, Report, Severity
from ..numbers import extract_numbers

RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug"}
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
        (source.path, "bold"), f" ({source.language}) → ", (target.path, "bold"), f" ({target.language})  ",
        (comparison.verdict, VERDICT_STYLE[comparison.verdict]),
        f"  coverage {comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}",
    )
    if comparison.verdict == "unrelated":
        return Panel(Group(*[_finding_line(f) for f in comparison.findings]), title=title, title_align="left")
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("line", justify="right", style="dim", width=5, no_wrap=True)
    table.add_column(f"source ({source.language})", ratio=1, justify="right" if source.language in RTL_LANGUAGES else "left")
    table.add_column("line", justify="right", style="dim", width=5, no_wrap=True)
    table.add_column(f"target ({target.language})", ratio=1, justify="right" if target.language in RTL_LANGUAGES else "left")
    by_bead = _findings_by_bead(comparison)
    folded = 0
    for index, bead in enumerate(comparison.beads):
        findings = by_bead.get(index, [])
        if not findings and not full:
            folded += 1
            continue
        if folded:
            table.add_row("", Text(f"… {folded} aligned without findings", style="dim italic"), "", "")
            folded = 0
        table.add_row(*_bead_cells(source, target, bead, findings))
        for finding in findings:
            table.add_row("", _finding_line(finding), "", "", end_section=finding is findings[-1])
    if folded:
        table.add_row("", Text(f"… {folded} aligned without findings", style="dim italic"), "", "")
    return Panel(table, title=title, title_align="left")


def _findings_by_bead(comparison: Comparison) -> dict[int, list[Finding]]:
    """Attach each finding to the bead holding its first source sentence (or target sentence)."""
    bead_of: dict[tuple[str, int], int] = {}
    for index, bead in enumerate(comparison.beads):
        bead_of.update({("source", i): index for i in bead.source})
        bead_of.update({("target", j): index for j in bead.target})
    found: dict[int, list[Finding]] = {}
    for finding in comparison.findings:
        key = ("source", finding.source.sentences[0]) if finding.source.sentences else ("target", finding.target.sentences[0])
        found.setdefault(bead_of[key], []).append(finding)
    return found


def _bead_cells(source: Document, target: Document, bead: Bead, findings: list[Finding]):
    source_text = _highlighted(" ".join(source.sentences[i].text for i in bead.source), source.language, [h for f in findings for h in f.source.highlights])
    target_text = _highlighted(" ".join(target.sentences[j].text for j in bead.target), target.language, [h for f in findings for h in f.target.highlights])
    source_line = str(source.sentences[bead.source[0]].line) if bead.source else ""
    target_line = str(target.sentences[bead.target[0]].line) if bead.target else ""
    if bead.source and not bead.target:
        target_text = Text("— missing —", style="red")
    if bead.target and not bead.source:
        source_text = Text("— not in source —", style="yellow")
    return source_line, source_text, target_line, target_text


def _highlighted(text: str, language: str, marks) -> Text:
    rich_text = Text(text)
    for mention in extract_numbers(text, language):
        rich_text.stylize("bold cyan", mention.start, mention.end)
    for start, end in marks:
        rich_text.stylize("bold white on red" if end - start < 40 else "underline yellow", start, end)
    return rich_text


def _finding_line(finding: Finding) -> Text:
    level = f"{finding.level} " if finding.level else ""
    return Text.assemble(
        (f"{ICON[finding.severity]} {finding.kind}", STYLE[finding.severity]), f" ({level}{finding.severity.value}) ", finding.message
    )


def _summary(report: Report) -> Table:
    table = Table(title="Summary", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("target", "lang", "verdict", "coverage src/tgt", "errors", "warnings", "info"):
        table.add_column(column, justify="right" if column in {"errors", "warnings", "info"} else "left")
    for comparison in report.comparisons:
        target = report.documents[comparison.target]
        counts = {s: sum(f.severity is s for f in comparison.findings) for s in Severity}
        table.add_row(
            target.path, target.language, Text(comparison.verdict, VERDICT_STYLE[comparison.verdict]),
            f"{comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}",
            Text(str(counts[Severity.ERROR]), STYLE[Severity.ERROR] if counts[Severity.ERROR] else ""),
            Text(str(counts[Severity.WARNING]), STYLE[Severity.WARNING] if counts[Severity.WARNING] else ""),
            str(counts[Severity.INFO]),
        )
    reference = report.documents[report.comparisons[0].source] if report.comparisons else None
    if reference:
        table.caption = f"reference: {reference.path} ({reference.language}, {len(reference.paragraphs)} paragraphs, {len(reference.sentences)} sentences)"
    return table

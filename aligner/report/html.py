"""The HTML report: one self-contained page (styles and script inline, nothing fetched).

Each comparison shows its alignment map — source sentences across, target sentences down, a
mark per bead, so a faithful translation is a diagonal, a moved passage a jump, an omission a
red column and an addition a yellow row, each mark a link to its place — then both documents
side by side, group by group, each in its own direction, with numbers highlighted (their
parsed values on hover) and findings in place. Clean stretches are folded. Filters by severity
and kind, and keys (j / k) from finding to finding, are the page's script.

Every text from the documents is escaped: a document is data, never markup.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from ..model import Bead, Comparison, Document, Finding, Report, Severity
from ..numbers import extract_numbers
from ..rules import RULES
from .layout import RTL_LANGUAGES, findings_by_bead, folded_text, location_notes, place_of

ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}
MAP_SIZE = 360  # pixels, the longer side of an alignment map


def render_html(report: Report, **_) -> str:
    return render_pages([("", report)])


def render_pages(sections: list[tuple[str, Report]], title: str | None = None, repository: list[Finding] = ()) -> str:
    """One page for several reports (the groups of ``aligner check``), each under its heading,
    then the ``repository`` findings that belong to no comparison (missing, orphan, stale translations)."""
    reports = [report for _, report in sections]
    first = reports[0].documents[0] if reports and reports[0].documents else None
    title = title or (f"aligner: {first.path}" if first else "aligner report")
    findings = [f for r in reports for c in r.comparisons for f in c.findings] + list(repository)
    body = [
        f"<header><h1>{escape(title)}</h1>",
        _summary(sections),
        _filters(findings),
        "</header><main>",
    ]
    for number, (heading, report) in enumerate(sections):
        if heading:
            body.append(f"<h2 class=\"group\">{escape(heading)}</h2>")
        for index, comparison in enumerate(report.comparisons):
            body.append(_comparison(report.documents, comparison, f"r{number}c{index}"))
    if repository:
        body.append("<section class=\"comparison\" id=\"repository\"><h2>Repository</h2>")
        body += [_finding(f, f"repository-{i}") for i, f in enumerate(repository)]
        body.append("</section>")
    body.append("</main>")
    assets = resources.files("aligner.report") / "assets"
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>\n{(assets / 'report.css').read_text(encoding='utf-8')}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>\n{(assets / 'report.js').read_text(encoding='utf-8')}</script>\n</body>\n</html>\n"
    )


def _summary(sections: list[tuple[str, Report]]) -> str:
    rows = []
    for heading, report in sections:
        reference = report.documents[report.comparisons[0].source] if report.comparisons else None
        for comparison in report.comparisons:
            target = report.documents[comparison.target]
            counts = {s: sum(f.severity is s for f in comparison.findings) for s in Severity}
            rows.append(
                "<tr>"
                + (f"<td>{escape(heading)}</td>" if heading else "")
                + f"<td>{escape(reference.path)} ({escape(reference.language)})</td><td>{escape(target.path)}</td><td>{escape(target.language)}</td>"
                f"<td class=\"verdict {escape(comparison.verdict)}\">{escape(comparison.verdict)}</td>"
                f"<td>{comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}</td>"
                + "".join(f"<td class=\"count sev-{s.value}\">{counts[s]}</td>" for s in Severity)
                + "</tr>"
            )
    group = "<th>group</th>" if any(heading for heading, _ in sections) else ""
    return (
        f"<table class=\"summary\"><thead><tr>{group}<th>source</th><th>target</th><th>lang</th><th>verdict</th>"
        "<th>coverage src / tgt</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


def _filters(findings: list[Finding]) -> str:
    severities = "".join(
        f"<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{s.value}\" checked> {ICON[s]} {s.value} "
        f"(<span class=\"shown\" data-severity=\"{s.value}\">{sum(f.severity is s for f in findings)}</span>)</label>"
        for s in Severity
    )
    kinds = "".join(
        f"<label title=\"{escape(RULES[kind].summary)}\"><input type=\"checkbox\" data-filter=\"kind\" value=\"{escape(kind)}\" checked> {escape(kind)}</label>"
        for kind in sorted({f.kind for f in findings})
    )
    return (
        "<nav class=\"filters\" aria-label=\"filters\">"
        f"<fieldset><legend>severity</legend>{severities}</fieldset>"
        f"<fieldset><legend>kind</legend>{kinds}</fieldset>"
        "<p class=\"keys\"><kbd>j</kbd> / <kbd>k</kbd> next / previous finding · "
        "<span id=\"visible-count\"></span></p></nav>"
    )


def _comparison(documents: list[Document], comparison: Comparison, anchor: str) -> str:
    source, target = documents[comparison.source], documents[comparison.target]
    heading = (
        f"<h2>{escape(source.path)} ({escape(source.language)}) → {escape(target.path)} ({escape(target.language)}) "
        f"<span class=\"verdict {escape(comparison.verdict)}\">{escape(comparison.verdict)}</span> "
        f"<small>coverage {comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}</small></h2>"
    )
    by_bead = findings_by_bead(comparison)
    parts = [f"<section class=\"comparison\" id=\"{anchor}\">", heading]
    parts += [f"<p class=\"note\">{escape(note)}</p>" for note in location_notes([source, target])]
    if comparison.verdict != "unrelated":
        parts.append(_map(source, target, comparison, by_bead, anchor))
        parts.append(_beads(source, target, comparison, by_bead, anchor))
    parts += [_finding(f, f"{anchor}-d{i}") for i, f in enumerate(by_bead.get(None, []))]
    if comparison.verdict == "unrelated":
        parts += [_finding(f, f"{anchor}-u{i}") for i, f in enumerate(comparison.findings)]
    parts.append("</section>")
    return "\n".join(parts)


def _beads(source: Document, target: Document, comparison: Comparison, by_bead: dict, anchor: str) -> str:
    rows = [
        "<div class=\"beads\">",
        f"<div class=\"bead head\"><span></span><span lang=\"{escape(source.language)}\">source ({escape(source.language)})</span>"
        f"<span></span><span lang=\"{escape(target.language)}\">target ({escape(target.language)})</span></div>",
    ]
    folded: list[str] = []

    def fold() -> None:
        if folded:
            rows.append(f"<details class=\"fold\"><summary>{escape(folded_text(len(folded)))}</summary>{''.join(folded)}</details>")
            folded.clear()

    for index, bead in enumerate(comparison.beads):
        findings = by_bead.get(index, [])
        row = _bead(source, target, bead, findings, f"{anchor}-b{index}")
        if findings:
            fold()
            rows.append(row + "".join(_finding(f, f"{anchor}-b{index}-f{k}") for k, f in enumerate(findings)))
        else:
            folded.append(row)
    fold()
    rows.append("</div>")
    return "\n".join(rows)


def _bead(source: Document, target: Document, bead: Bead, findings: list[Finding], anchor: str) -> str:
    classes = ["bead"] + (["moved"] if bead.moved else []) + (["missing"] if not bead.target else []) + (["added"] if not bead.source else [])
    cells = []
    for document, indices, spans in ((source, bead.source, [f.source for f in findings]), (target, bead.target, [f.target for f in findings])):
        location = escape(document.sentences[indices[0]].location.label) if indices else ""
        title = escape(str(document.sentences[indices[0]].location)) if indices else ""
        marks = [(h, f.severity.value) for f, span in zip(findings, spans) for h in span.highlights]
        if indices:
            text = _text(" ".join(document.sentences[i].text for i in indices), document.language, marks)
        else:
            text = "<em class=\"gap\">— missing —</em>" if document is target else "<em class=\"gap\">— not in source —</em>"
        direction = "rtl" if document.language in RTL_LANGUAGES else "auto"
        cells.append(f"<span class=\"loc\" title=\"{title}\">{location}</span>")
        cells.append(f"<span class=\"text\" dir=\"{direction}\" lang=\"{escape(document.language)}\">{text}</span>")
    return f"<div class=\"{' '.join(classes)}\" id=\"{anchor}\">{''.join(cells)}</div>"


def _text(text: str, language: str, marks: list[tuple[tuple[int, int], str]]) -> str:
    """The text, escaped, with its numbers (value on hover) and the findings' marks as nested spans."""
    numbers = [(m.start, m.end, f"{m.display} ({m.form})") for m in extract_numbers(text, language)]
    cuts = sorted({0, len(text)} | {p for a, b, _ in numbers for p in (a, b)} | {p for (a, b), _ in marks for p in (a, b)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end])
        number = next((title for a, b, title in numbers if a <= start and end <= b), None)
        if number is not None:
            piece = f"<span class=\"num\" title=\"{escape(number)}\">{piece}</span>"
        severity = next((sev for (a, b), sev in marks if a <= start and end <= b), None)
        if severity is not None:
            piece = f"<mark class=\"sev-{severity}\">{piece}</mark>"
        pieces.append(piece)
    return "".join(pieces)


def _finding(finding: Finding, anchor: str) -> str:
    level = f" [{escape(finding.level)}]" if finding.level else ""
    confidence = f" {finding.confidence:.0%}" if finding.confidence is not None else ""
    places = escape(place_of(finding))
    return (
        f"<div class=\"finding sev-{finding.severity.value}\" id=\"{anchor}\" tabindex=\"-1\" "
        f"data-severity=\"{finding.severity.value}\" data-kind=\"{escape(finding.kind)}\">"
        f"<span class=\"badge\">{ICON[finding.severity]} {finding.severity.value}</span> "
        f"<code>{escape(finding.kind)}</code>{level}<span class=\"confidence\">{confidence}</span>: "
        f"<span class=\"message\">{escape(finding.message)}</span>"
        + (f" <span class=\"where\">{places}</span>" if places else "")
        + "</div>"
    )


def _map(source: Document, target: Document, comparison: Comparison, by_bead: dict, anchor: str) -> str:
    """An SVG of the alignment, one unit per sentence: beads as marks, omissions and additions as stripes."""
    n, m = max(len(source.sentences), 1), max(len(target.sentences), 1)
    scale = MAP_SIZE / max(n, m)
    width, height = max(n * scale, 60), max(m * scale, 60)
    marks = []
    for index, bead in enumerate(comparison.beads):
        findings = by_bead.get(index, [])
        worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
        link = f"#{anchor}-b{index}"
        if bead.source and bead.target:
            x, y = min(bead.source), min(bead.target)
            kind = "moved" if bead.moved else ("flagged" if worst in (Severity.ERROR, Severity.WARNING) else "aligned")
            label = f"source {_where(source, bead.source)} ↔ target {_where(target, bead.target)}" + (" (moved)" if bead.moved else "")
            shape = f"<rect class=\"{kind}\" x=\"{x}\" y=\"{y}\" width=\"{len(bead.source)}\" height=\"{len(bead.target)}\"/>"
        elif bead.source:
            x = min(bead.source)
            kind, label = "missing", f"source {_where(source, bead.source)}: missing from the target"
            shape = f"<rect class=\"missing\" x=\"{x}\" y=\"0\" width=\"{len(bead.source)}\" height=\"{m}\"/>"
        else:
            y = min(bead.target)
            kind, label = "added", f"target {_where(target, bead.target)}: not in the source"
            shape = f"<rect class=\"added\" x=\"0\" y=\"{y}\" width=\"{n}\" height=\"{len(bead.target)}\"/>"
        marks.append(f"<a href=\"{link}\" data-mark=\"{kind}\"><title>{escape(label)}</title>{shape}</a>")
    return (
        f"<figure class=\"map\"><svg role=\"img\" aria-label=\"alignment map\" width=\"{width:.0f}\" height=\"{height:.0f}\" "
        f"viewBox=\"0 0 {n} {m}\" preserveAspectRatio=\"none\"><rect class=\"frame\" x=\"0\" y=\"0\" width=\"{n}\" height=\"{m}\"/>"
        + "".join(marks)
        + "</svg><figcaption>Alignment map: source sentences across (→), target sentences down (↓). "
        "<span class=\"key aligned\"></span> aligned <span class=\"key flagged\"></span> with a finding "
        "<span class=\"key moved\"></span> moved <span class=\"key missing\"></span> missing from the target "
        "<span class=\"key added\"></span> not in the source. Click a mark to go to it.</figcaption></figure>"
    )


def _where(document: Document, indices) -> str:
    return str(document.sentences[min(indices)].location)

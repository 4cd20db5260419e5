"""The JSON report: a stable schema (``schema_version``) that tests and downstream tools read."""

from __future__ import annotations

import json

from ..model import CheckReport, Comparison, Document, Finding, Report, Span

SCHEMA_VERSION = 1


def render_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: Report) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [_document(d) for d in report.documents],
        "comparisons": [_comparison(c, report.documents) for c in report.comparisons],
        "summary": report.counts(),
    }


def _document(document: Document) -> dict:
    return {
        "path": document.path,
        "language": document.language,
        "paragraphs": len(document.paragraphs),
        "sentences": len(document.sentences),
    }


def _comparison(comparison: Comparison, documents: list[Document]) -> dict:
    source, target = documents[comparison.source], documents[comparison.target]
    return {
        "source": comparison.source,
        "target": comparison.target,
        "verdict": comparison.verdict,
        "coverage": {"source": round(comparison.coverage_source, 4), "target": round(comparison.coverage_target, 4)},
        "alignments": [
            {
                "source_lines": [source.paragraphs[p].line for p in link.source],
                "target_lines": [target.paragraphs[p].line for p in link.target],
                "score": round(link.score, 4),
                "moved": link.moved,
            }
            for link in comparison.paragraphs
        ],
        "sentence_alignments": [
            {
                "source_lines": [source.sentences[i].line for i in bead.source],
                "target_lines": [target.sentences[j].line for j in bead.target],
                "source": list(bead.source),
                "target": list(bead.target),
                "score": round(bead.score, 4),
                "moved": bead.moved,
            }
            for bead in comparison.beads
        ],
        "findings": [_finding(f) for f in comparison.findings],
    }


def _finding(finding: Finding) -> dict:
    return {
        "kind": finding.kind,
        "severity": finding.severity.value,
        "level": finding.level or None,
        "source": _span(finding.source),
        "target": _span(finding.target),
        "message": finding.message,
        "confidence": finding.confidence,
        "evidence": {name: round(value, 4) for name, value in sorted(finding.evidence.items())},
        "differences": [
            {
                "kind": d.kind,
                "message": d.message,
                "source": {"highlight": list(d.source) if d.source else None, "value": d.source_value},
                "target": {"highlight": list(d.target) if d.target else None, "value": d.target_value},
            }
            for d in finding.differences
        ],
    }


def _span(span: Span) -> dict:
    return {"line": span.line, "location": span.location.to_dict(), "text": span.text, "highlights": [list(h) for h in span.highlights]}


def render_check_json(check: CheckReport, fail_on: str = "error") -> str:
    """Every group's report (as ``compare`` writes it) and every finding as a repository issue."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "summary": check.summary,
        "groups": [{"group": group, **to_dict(report)} for group, report in zip(check.groups, check.reports)],
        "issues": [
            {"group": i.group, "source_path": i.source_path, "target_path": i.target_path, "fingerprint": i.fingerprint,
             "status": i.status, **_finding(i.finding)}
            for i in check.issues
        ],
        "fixed": check.fixed,
        "failing": len(check.failing(fail_on)),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

"""What the side-by-side reports (terminal, HTML) share: where each finding is shown, and text direction."""

from __future__ import annotations

from ..model import Comparison, Document, Finding

RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"}


def findings_by_bead(comparison: Comparison) -> dict[int | None, list[Finding]]:
    """Each finding under the bead holding its first source sentence (or target sentence).

    Findings about no sentence (code, links, untranslated units) are under ``None``.
    """
    bead_of: dict[tuple[str, int], int] = {}
    for index, bead in enumerate(comparison.beads):
        bead_of.update({("source", i): index for i in bead.source})
        bead_of.update({("target", j): index for j in bead.target})
    found: dict[int | None, list[Finding]] = {}
    for finding in comparison.findings:
        if finding.source.sentences:
            key: int | None = bead_of[("source", finding.source.sentences[0])]
        elif finding.target.sentences:
            key = bead_of[("target", finding.target.sentences[0])]
        else:
            key = None
        found.setdefault(key, []).append(finding)
    return found


# Characters of a document that must not reach a terminal as they are: control characters (an
# escape sequence recolours, retitles or clears the terminal) and the bidi embeddings, overrides
# and isolates (they would reorder the report's own text around them). Each becomes U+FFFD, one
# character for one, so highlight offsets stay right.
_UNPRINTABLE = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)], "\ufffd"
)


def printable(text: str) -> str:
    return text.translate(_UNPRINTABLE)


def place_of(finding: Finding) -> str:
    """Where a finding about no sentence is (a code block, a unit): ``line 30 / line 31``.

    A finding about sentences is shown under them and needs none: it is "" for those.
    """
    if finding.source.sentences or finding.target.sentences:
        return ""
    return " / ".join(str(span.location) for span in (finding.source, finding.target) if str(span.location))


def location_notes(documents: list[Document]) -> list[str]:
    """What the report's locations are, for documents whose locations are not plain line numbers."""
    by_note: dict[str, list[str]] = {}
    for document in documents:
        first = document.sentences[0].location if document.sentences else None
        if first is None:
            continue
        if first.line is None and first.paragraph is not None:
            note = "locations are paragraph numbers (¶), counted through body and tables: a Word file has no lines"
        elif first.cue is not None:
            note = "locations are subtitle cues, numbered from 1, with their time spans"
        elif first.unit is not None:
            note = "locations are translation units, by id, with the line of each unit's text"
        else:
            continue
        by_note.setdefault(note, []).append(document.path)
    return [f"{', '.join(dict.fromkeys(paths))}: {note}" for note, paths in by_note.items()]


def folded_text(count: int) -> str:
    return f"… {count} aligned sentence group{'s' if count > 1 else ''} without findings"

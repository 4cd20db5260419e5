"""What the side-by-side reports (terminal, HTML) share: where each finding is shown, and text direction."""

from __future__ import annotations

from ..model import Comparison, Finding

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


def folded_text(count: int) -> str:
    return f"… {count} aligned sentence group{'s' if count > 1 else ''} without findings"

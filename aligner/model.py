"""The data model: plain dataclasses shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Location:
    """Where a piece of text is in its file, in the terms of the file's format.

    A line where the format has lines (every format but DOCX); and what the format adds: the
    paragraph of a Word file, the unit of a bilingual file (XLIFF, PO), the cue of a subtitle file.
    """

    line: int | None = None  # 1-based
    paragraph: int | None = None  # DOCX: 1-based, body and table-cell paragraphs in document order
    unit: str | None = None  # XLIFF: the unit id; PO: the msgctxt and msgid
    cue: int | None = None  # subtitles: 1-based cue number
    start: str | None = None  # subtitles: the cue's time span, hh:mm:ss.mmm
    end: str | None = None

    def __str__(self) -> str:
        """The location as a reader names it: ``line 12``, ``paragraph 7``, ``unit 'save' (line 40)``."""
        parts = []
        if self.unit is not None:
            parts.append(f"unit {self.unit!r}")
        if self.cue is not None:
            parts.append(f"cue {self.cue} ({self.start} --> {self.end})")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.line is not None:
            parts.append(f"(line {self.line})" if parts else f"line {self.line}")
        return " ".join(parts)

    @property
    def label(self) -> str:
        """A short form for a report's margin: ``12``, ``¶7``, ``cue 3``."""
        if self.paragraph is not None and self.line is None:
            return f"¶{self.paragraph}"
        if self.cue is not None:
            return f"cue {self.cue}"
        return "" if self.line is None else str(self.line)

    def to_dict(self) -> dict:
        return {name: value for name, value in vars(self).items() if value is not None}


NOWHERE = Location()


@dataclass(frozen=True)
class Sentence:
    text: str
    location: Location  # where the sentence starts
    paragraph: int  # index into Document.paragraphs
    start: int  # character offsets in the paragraph's text
    end: int

    @property
    def line(self) -> int | None:
        return self.location.line


@dataclass(frozen=True)
class Paragraph:
    text: str
    location: Location  # where the paragraph starts
    first_sentence: int  # Document.sentences[first_sentence:end_sentence]
    end_sentence: int
    role: str | None = None  # its part in the document's structure (see read.base.Block.role)

    @property
    def line(self) -> int | None:
        return self.location.line


@dataclass(frozen=True)
class Verbatim:
    """Text a translator must carry over unchanged: a code block or inline code, a link's target."""

    kind: str  # "code" | "link"
    text: str
    location: Location


@dataclass
class Document:
    path: str
    language: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    verbatim: list[Verbatim] = field(default_factory=list)
    # Bilingual files: the source units whose translation is empty (or marked fuzzy), left out of
    # both documents and reported as untranslated.
    untranslated: list[Paragraph] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(len(s.text) for s in self.sentences)

    def sentences_of(self, paragraph: int) -> range:
        p = self.paragraphs[paragraph]
        return range(p.first_sentence, p.end_sentence)

    @property
    def keeps_breaks(self) -> bool:
        """Whether translations keep the document's paragraph breaks. Not subtitle cues: a translation
        merges and splits them for reading speed, so the aligner crosses their breaks freely and a
        sentence may be said in a neighbouring cue's translation (held-out dev sets n87 and n88, whose
        translations merge or split cues in places: 63 false alarms, most of them cues "missing" that
        the translation merged into the next; 10 with cue breaks free to cross, 3 with a neighbouring
        cue's translation searched too)."""
        return not self.paragraphs or self.paragraphs[0].location.cue is None


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def fails(self, fail_on: str) -> bool:
        """Does a finding of this severity make a run with ``--fail-on fail_on`` exit 1?"""
        return fail_on != "never" and self.rank >= Severity(fail_on).rank


FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Bead:
    """Sentences of the source aligned with sentences of the target (either side may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float  # similarity evidence, higher is better; 0.0 for unaligned beads
    moved: bool = False


@dataclass(frozen=True)
class Span:
    """One side of a finding: where it is in the file and what it says."""

    location: Location = NOWHERE
    text: str | None = None
    highlights: tuple[tuple[int, int], ...] = ()  # character spans in text to highlight
    sentences: tuple[int, ...] = ()  # indices into Document.sentences

    @property
    def line(self) -> int | None:
        return self.location.line


@dataclass(frozen=True)
class Difference:
    """One of the differences a finding groups (the numbers of one aligned sentence pair)."""

    kind: str
    message: str
    source: tuple[int, int] | None = None  # character span in the finding's source text
    target: tuple[int, int] | None = None
    source_value: str | None = None
    target_value: str | None = None


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: Severity
    source: Span
    target: Span
    message: str
    level: str = ""  # "paragraph" | "sentence" | "clause" | "unit" (of a bilingual file) | "" (document-wide)
    differences: tuple[Difference, ...] = ()
    # Features of the finding (aligner.check.evidence) and the probability, computed from them,
    # that a careful bilingual reader agrees it is a real problem (aligner.check.confidence).
    evidence: dict[str, float] = field(default_factory=dict, compare=False)
    confidence: float | None = None


@dataclass(frozen=True)
class ParagraphLink:
    source: tuple[int, ...]  # paragraph indices
    target: tuple[int, ...]
    score: float
    moved: bool = False


@dataclass
class Comparison:
    source: int  # index into Report.documents
    target: int
    verdict: str  # "parallel" | "partial" | "unrelated"
    coverage_source: float
    coverage_target: float
    beads: list[Bead]
    paragraphs: list[ParagraphLink]
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Report:
    documents: list[Document]
    comparisons: list[Comparison]

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for comparison in self.comparisons:
            for finding in comparison.findings:
                counts[finding.severity.value] += 1
        return counts


@dataclass(frozen=True)
class Issue:
    """A finding placed in the repository: what the CI formats render, one line or result each."""

    finding: Finding
    group: str  # the document group, e.g. docs/{lang}/guide.md
    source_path: str | None
    target_path: str | None
    fingerprint: str  # stable across line moves (aligner.project.baseline)
    status: str = "new"  # "new" | "baselined" | "suppressed"


@dataclass
class CheckReport:
    """One run over document groups: each group's report, and every finding as an issue."""

    reports: list[Report]
    issues: list[Issue]
    fixed: list[dict] = field(default_factory=list)  # baseline entries that no longer occur
    summary: str = ""  # what was checked, for the reader
    groups: list[str] = field(default_factory=list)  # the group of each report, in order

    def failing(self, fail_on: str) -> list[Issue]:
        """New issues at or above ``fail_on`` ("never": none)."""
        return [i for i in self.issues if i.status == "new" and i.finding.severity.fails(fail_on)]

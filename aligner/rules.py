"""Every kind of finding as a rule: a stable id, what it means, and its default severity.

The one registry that the checks, every report format (SARIF rules, JUnit, Code Quality), the
configuration (``select`` / ``ignore``, severities) and suppressions read. Ids never change
meaning once released; a new kind is a new rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str  # one line, for a list of rules or a SARIF shortDescription
    description: str  # what it means and what to do, for SARIF fullDescription and help
    severity: Severity
    by_level: dict[str, Severity] = field(default_factory=dict)  # levels with another default

    def severity_at(self, level: str = "") -> Severity:
        return self.by_level.get(level, self.severity)


_RULES = (
    Rule(
        "omission", "Source text missing from the translation",
        "A paragraph, sentence or clause of the source has no counterpart in the translation. "
        "A clause can be a warning only when the sentence embeddings find it missing or one of its numbers, "
        "or a name the translation would spell alike, is gone; else info. Translate it, or accept "
        "the omission in a baseline or with a suppression.",
        Severity.ERROR, {"clause": Severity.WARNING},
    ),
    Rule(
        "addition", "Translation text that is not in the source",
        "A paragraph, sentence or clause of the translation has no counterpart in the source: an addition, "
        "or a sentence from another document. A clause is reported where the translation is clearly longer than "
        "its source and the clause resembles nothing there: a warning when it also has a number or a name the "
        "source lacks, else info, for a reviewer to read.",
        Severity.WARNING, {"clause": Severity.INFO},
    ),
    Rule(
        "moved", "Translated out of order",
        "The passage is translated, but at another place of the document than in the source.",
        Severity.WARNING,
    ),
    Rule(
        "low_similarity", "Aligned by position only",
        "The sentences sit where the source's would be but say something else, or only part of it: "
        "the translation may be partial or wrong.",
        Severity.WARNING,
    ),
    Rule(
        "unrelated", "Not a translation of the source",
        "Too few sentences of the documents correspond: the file is not a translation of its source "
        "(a wrong file, or a different document).",
        Severity.ERROR,
    ),
    Rule(
        "number_mismatch", "A number changed value",
        "A number of the source appears with another value in the translation (5 became 15, 8.16% became 8.61%). "
        "All the number differences of one sentence pair are one finding.",
        Severity.ERROR,
    ),
    Rule(
        "number_missing", "A number of the source is missing",
        "A number written in the source (digits, a date, a Roman numeral) is not in the translation.",
        Severity.ERROR,
    ),
    Rule(
        "number_added", "A number not in the source",
        "The translation has a number (digits, a date) that its source sentence does not have.",
        Severity.ERROR,
    ),
    Rule(
        "number_format", "Same value, another form",
        "A number is written differently but means the same (4 and 04); informational unless numbers are strict.",
        Severity.INFO,
    ),
    Rule(
        "untranslated", "Text left untranslated",
        "A unit of a bilingual file (XLIFF, PO) has an empty or fuzzy translation, or a target says exactly "
        "what the source says, in the source's language.",
        Severity.ERROR, {"sentence": Severity.WARNING},
    ),
    Rule(
        "code_changed", "Code that differs from the source's",
        "A code block or inline code of the source is changed, missing or added in the translation; code is "
        "not translated (comments in code are, so a reviewer decides).",
        Severity.WARNING,
    ),
    Rule(
        "link_changed", "A link target that differs from the source's",
        "A link or image target (URL or path) of the source is changed, missing or added in the translation. "
        "Links that differ only by the documents' language codes (/en/ and /ar/) are the same link.",
        Severity.WARNING,
    ),
    Rule(
        "missing_translation", "A source page without a translation",
        "The repository's source language has this page, but a target language has no file for it.",
        Severity.WARNING,
    ),
    Rule(
        "orphan_translation", "A translation without a source page",
        "A translated file whose source-language page does not exist (renamed or deleted in the source?).",
        Severity.WARNING,
    ),
    Rule(
        "stale_translation", "The source changed after the translation",
        "The source page has a commit later than the translation's last commit: the translation may "
        "not carry the source's latest changes.",
        Severity.WARNING,
    ),
    Rule(
        "unused_suppression", "A suppression that suppresses nothing",
        "An 'aligner: ignore' comment or a per-path ignore that matched no finding: remove it.",
        Severity.WARNING,
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def default_severity(kind: str, level: str = "") -> Severity:
    return RULES[kind].severity_at(level)

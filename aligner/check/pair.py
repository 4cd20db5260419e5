"""What every check sees: the two documents, their alignment and the user's settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..align import Alignment
from ..model import Bead, Document, Sentence, Span


@dataclass(frozen=True)
class Settings:
    strict_numbers: bool = False  # number_format findings become warnings
    clauses: bool = True  # look for dropped clauses inside aligned sentences
    min_confidence: float = 0.0  # findings with a lower confidence are not reported


@dataclass
class Pair:
    source: Document
    target: Document
    alignment: Alignment
    embed: Callable[[Sequence[str]], np.ndarray]  # the session's (cached) encoder
    verdict: str = ""
    run_share: float = 0.0  # set with the verdict (check.structure.verdict)

    @property
    def aligned(self) -> list[Bead]:
        return [b for b in self.alignment.beads if b.source and b.target]

    def source_span(self, indices: Sequence[int], highlights=()) -> Span:
        return _span(self.source.sentences, indices, highlights)

    def target_span(self, indices: Sequence[int], highlights=()) -> Span:
        return _span(self.target.sentences, indices, highlights)


def _span(sentences: list[Sentence], indices: Sequence[int], highlights) -> Span:
    if not indices:
        return Span()
    text = " ".join(sentences[i].text for i in indices)
    return Span(sentences[indices[0]].location, text, tuple(highlights), tuple(indices))

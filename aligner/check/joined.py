"""Added sentences that a bead took in: a sentence of the target that its source does not say,
aligned with its neighbour because the aligner joined them in one bead.

An inserted sentence next to a short one is often cheaper to align as part of its neighbour's
bead than as an addition of its own: a heading ("Article 17") and a sentence put in after it made
one bead with the source's heading, and no finding (discrepancy.py dev, en→ar UDHR). So in every
in-order bead with more target sentences than source ones (``clauses`` examines the mirror case,
a source sentence a bead took in), each whole target sentence of MIN_WORDS words or more (as in the clause check: "جونز وآخرون.",
"Jones et al." cut off by the Arabic sentence splitter, has no partner word) is added when the bead's target
without it comes closer to its source, or when most of its words have no partner in the source
while the rest of the target's have (``align.words.foreign``). The confidence model weighs it
beside every other addition.
"""

from __future__ import annotations

import numpy as np

from ..align.vectors import unit
from ..align.words import align_words, foreign
from ..model import Bead, Finding
from ..rules import default_severity
from ..segment import word_count
from .clauses import BUDGET_MIN, BUDGET_SHARE, MIN_WORDS, carried
from .pair import Pair, Settings


def joined_addition_findings(pair: Pair, settings: Settings) -> list[Finding]:
    x, y = pair.alignment.sides
    beads = _joining(pair)
    sources = [pair.source_span(bead.source).text for _, bead in beads]
    targets = [pair.target_span(bead.target) for _, bead in beads]
    words = align_words(pair.tokens, [(target.text, source) for target, source in zip(targets, sources)]) if pair.tokens else [None] * len(beads)
    findings = []
    for (longer_by, bead), source, target, alignment in zip(beads, sources, targets, words):
        spans = _sentence_spans(pair, bead)
        vectors = pair.embed([source, target.text] + [(target.text[:a] + target.text[b:]).strip() for a, b in spans])
        source_vector, whole = unit(vectors[0] - x.mean), unit(vectors[1] - y.mean)
        gains = unit(vectors[2:] - y.mean) @ source_vector - whole @ source_vector
        for index, (start, end), gain in zip(bead.target, spans, gains):
            is_foreign, words_unaligned = foreign(target.text, *alignment, (start, end)) if alignment else (False, 0.0)
            if (gain > 0 or is_foreign) and word_count(target.text[start:end]) >= MIN_WORDS:
                evidence = {
                    "clause_gain": float(gain), "shorter_by": -longer_by, "words_unaligned": words_unaligned,
                    **carried(target.text[start:end], source, pair.target.language, pair.source.language),
                }
                findings.append(
                    Finding(
                        "addition", default_severity("addition", "sentence"), pair.source_span(bead.source), pair.target_span((index,)),
                        "sentence not in the source", "sentence", evidence=evidence,
                    )
                )
    return findings


def _joining(pair: Pair) -> list[tuple[float, Bead]]:
    """(lengthening, bead) of the in-order beads with more target sentences than source ones, the
    most lengthened beyond the pair's usual length ratio first, within the clause check's budget."""
    expected = pair.alignment.scoring.expected_log_ratio
    candidates = []
    for bead in pair.aligned:
        if bead.moved or len(bead.target) <= len(bead.source):
            continue
        source_chars = sum(len(pair.source.sentences[i].text) for i in bead.source)
        target_chars = sum(len(pair.target.sentences[j].text) for j in bead.target)
        candidates.append((float(expected - np.log((source_chars + 10) / (target_chars + 10))), bead))
    budget = max(BUDGET_MIN, int(BUDGET_SHARE * len(pair.aligned)))
    return sorted(candidates, key=lambda item: -item[0])[:budget]


def _sentence_spans(pair: Pair, bead: Bead) -> list[tuple[int, int]]:
    """Where each target sentence of the bead sits in its joined text (sentences joined by one space)."""
    spans, offset = [], 0
    for index in bead.target:
        length = len(pair.target.sentences[index].text)
        spans.append((offset, offset + length))
        offset += length + 1
    return spans

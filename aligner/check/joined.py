"""Added sentences that a bead took in: a sentence of the target that its source does not say,
aligned with its neighbours because the aligner joined them in one bead.

An inserted sentence is often cheaper to align as part of its neighbour's bead than as an
addition of its own: put in before a one-sentence Arabic paragraph, it made a bead of one English
sentence to two Arabic ones; put in between the two halves of a translated sentence, one to three;
and no finding either time (discrepancy.py dev, en→ar UDHR). So in every in-order bead with more
target sentences than source ones (``clauses`` examines the mirror case, a source sentence a bead
took in), each whole target sentence of MIN_WORDS words or more (as in the clause check:
"جونز وآخرون.", "Jones et al." cut off by the Arabic sentence splitter, has no partner word) is
added when the bead's target without it comes closer to its source, or when most of its words have
no partner in the source while the rest of the target's have (``align.words.foreign``). The
confidence model weighs it beside every other addition; but a sentence whose every number the
bead's source says is info, as a sentence omission is (``clauses.numbers_kept``): an Arabic
sentence said as three Vietnamese ones, the first with all four of its figures, came no closer to
it without that one (gain 0.009, held-out dev n254).
"""

from __future__ import annotations

from ..align.vectors import unit
from ..align.words import align_words, foreign
from ..model import Bead, Finding, Severity
from ..rules import default_severity
from ..segment import word_count
from .clauses import MIN_WORDS, budget, carried, numbers_kept, shortfall
from .pair import Pair, Settings, joined_offsets


def joined_addition_findings(pair: Pair, settings: Settings) -> list[Finding]:
    x, y = pair.alignment.sides
    examined = []  # (bead, its source's text, its target, the spans of its sentences long enough to report)
    for bead in _joining(pair):
        target = pair.target_span(bead.target)
        spans = [(index, span) for index, span in zip(bead.target, joined_offsets(pair.target.sentences, bead.target)) if word_count(target.text[slice(*span)]) >= MIN_WORDS]
        if spans:
            examined.append((bead, pair.source_span(bead.source).text, target, spans))
    words = align_words(pair.tokens, [(target.text, source) for _, source, target, _ in examined]) if pair.tokens else [None] * len(examined)
    findings = []
    for (bead, source, target, spans), alignment in zip(examined, words):
        vectors = pair.embed([source, target.text] + [(target.text[:a] + target.text[b:]).strip() for _, (a, b) in spans])
        source_vector, whole = unit(vectors[0] - x.mean), unit(vectors[1] - y.mean)
        gains = unit(vectors[2:] - y.mean) @ source_vector - whole @ source_vector
        for (index, (start, end)), gain in zip(spans, gains):
            is_foreign, words_unaligned = foreign(target.text, *alignment, (start, end)) if alignment else (False, 0.0)
            if gain > 0 or is_foreign:
                evidence = {
                    "clause_gain": float(gain), "shorter_by": shortfall(pair, bead), "words_unaligned": words_unaligned,
                    **carried(target.text[start:end], source, pair.target.language, pair.source.language),
                }
                apart = pair.apart_counterpart(False, index)
                message = f"sentence not in the source ({apart}, left unpaired, says it: it is translated in another order)" if apart else "sentence not in the source"
                findings.append(
                    Finding(
                        "addition", Severity.INFO if numbers_kept(evidence) or apart else default_severity("addition", "sentence"),
                        pair.source_span(bead.source), pair.target_span((index,)), message, "sentence", evidence=evidence,
                    )
                )
    return findings


def _joining(pair: Pair) -> list[Bead]:
    """The in-order beads with more target sentences than source ones, the most lengthened beyond
    the pair's usual length ratio first, within the clause check's budget."""
    joining = [bead for bead in pair.aligned if not bead.moved and len(bead.target) > len(bead.source)]
    return sorted(joining, key=lambda bead: shortfall(pair, bead))[: budget(pair)]


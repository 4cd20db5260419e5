"""What the aligner knows about a finding, as numbers: the features its confidence is computed from.

A check adds what only it knows (a clause's gain, a number difference's kinds); ``evidence``
adds what every finding has: where it sits, how well its sentences and their neighbours are
aligned, and whether its sentences have a likely counterpart anywhere. Every feature is
defined for every finding (0 where it does not apply).

Nothing that describes the whole pair (its size, how much of it comes in runs of links): each
benchmark pair holds at most one fault, so such a feature tells the faulty pairs from the clean
ones there, not right findings from wrong ones. Weighed by the models, the pair's run share had
a real number error of the seeds fall to info when the pair was found more parallel.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..align.words import align_words, unaligned_share
from ..model import Finding
from ..segment import spaced_length
from .pair import Pair


def evidence_of(pair: Pair, findings: Sequence[Finding]) -> list[dict[str, float]]:
    """Each finding's features: what the pair shares is computed once, and the word alignments of
    all its findings in few calls of the token graph (an abridged edition has a thousand omissions)."""
    n, m = len(pair.source.sentences), len(pair.target.sentences)
    margins = (_margins(pair, 0), _margins(pair, 1))
    sides = pair.alignment.sides
    gaps = pair.gap_partners
    before, after = zip(_aligned_around(n, pair.bead_of(True, moved=True)), _aligned_around(m, pair.bead_of(False, moved=True)))

    def evidence(finding: Finding, words_unaligned: float) -> dict[str, float]:
        own, side = _own(finding)
        features = {"one_sided": float(bool(finding.source.sentences) != bool(finding.target.sentences))}
        features.update(edge=0.0, log_chars=0.0, best_counterpart=0.0, neighbour_margin=0.0, bead_margin=0.0, gap_partner=0.0, absorb_gain=-1.0)
        features["words_unaligned"] = words_unaligned
        if own:
            count = (n, m)[side]
            position = own[0] / max(count - 1, 1)
            mine, other = sides[side], sides[1 - side]
            document = (pair.source, pair.target)[side]
            features["edge"] = min(position, 1 - position)
            if finding.kind in ("omission", "addition"):  # the size of what is missing (or added); a number's sentence length says nothing of it
                span = (finding.source, finding.target)[side]
                missing = [span.text[a:b] for a, b in span.highlights] or [document.sentences[i].text for i in own]
                features["log_chars"] = float(np.log1p(sum(spaced_length(text) for text in missing)))
            if features["one_sided"]:
                # Unaligned sentences of the other side between the same aligned neighbours: an
                # omission facing an addition in one gap is often a loose translation left unpaired.
                partners = gaps[side].get(own[0], [])
                if partners:
                    features["gap_partner"] = float((mine.vectors[list(own)] @ other.vectors[partners].T).max())
                features["absorb_gain"] = _absorb_gain(pair, list(own), side)
            # Best centred cosine of the finding's sentences to any sentence of the other side:
            # high when a counterpart exists somewhere (a misalignment rather than an omission).
            features["best_counterpart"] = float((mine.vectors[list(own)] @ other.vectors.T).max())
            features["bead_margin"] = float(np.mean([margins[side][i] for i in own]))
            # The nearest aligned sentences before and after: how well the stretch around the finding is
            # aligned, also when it is one of several omitted paragraphs in a row (an abridged edition).
            around = [i for i in (before[side][min(own)], after[side][max(own)]) if 0 <= i < count]
            features["neighbour_margin"] = float(np.mean([margins[side][i] for i in around])) if around else 0.0
        return {**features, **finding.evidence}

    return [evidence(finding, share) for finding, share in zip(findings, _words_unaligned(pair, findings))]


def _own(finding: Finding) -> tuple[tuple[int, ...], int]:
    """The sentences a finding is about, and their side (0 source, 1 target)."""
    return (finding.source.sentences, 0) if finding.source.sentences else (finding.target.sentences, 1)


def _margins(pair: Pair, side: int) -> np.ndarray:
    """Per sentence of one side, the margin of its bead (0 where it is unaligned)."""
    margins = np.zeros(len((pair.source, pair.target)[side].sentences))
    for bead in pair.alignment.beads:
        if bead.source and bead.target:
            margins[list((bead.source, bead.target)[side])] = bead.score
    return margins


def _aligned_around(n: int, aligned_sentences) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence of a side of n, the nearest aligned sentence before it (-1 if none) and after it (n if none)."""
    aligned = np.zeros(n, bool)
    aligned[list(aligned_sentences)] = True
    positions = np.arange(n)
    last = np.maximum.accumulate(np.where(aligned, positions, -1))
    following = np.minimum.accumulate(np.where(aligned, positions, n)[::-1])[::-1]
    return np.r_[-1, last[:-1]], np.r_[following[1:], n]


def _absorb_gain(pair: Pair, own: list[int], side: int) -> float:
    """How much closer a neighbouring bead of the same paragraph gets to its counterpart when it takes
    in the unaligned sentences (-1 without such a neighbour): near or over 0 when their content is
    in the counterpart already (a sentence boundary drawn elsewhere, two sentences said as one),
    clearly negative when it is missing."""
    sides = pair.alignment.sides
    mine, other = sides[side], sides[1 - side]
    best = -1.0
    for _, bead in pair.neighbour_beads(own[0], own[-1], side == 0, moved=True):
        ours, theirs = (bead.source, bead.target) if side == 0 else (bead.target, bead.source)
        counterpart = other.span_vector(theirs)
        gain = float(mine.span_vector(sorted(set(ours) | set(own))) @ counterpart - mine.span_vector(ours) @ counterpart)
        best = max(best, gain)
    return best


def _words_unaligned(pair: Pair, findings: Sequence[Finding]) -> list[float]:
    """Per finding, the share of the words of an omitted or added sentence or clause that no word
    of its counterpart is aligned with (``align.words``): the finding's other side where it has
    one, else the text around it there (``Pair.around``). 0 where the encoder has no token vectors,
    and for other findings; the check's own measure where it took one."""
    shares = [finding.evidence.get("words_unaligned", 0.0) for finding in findings]
    if pair.tokens is None:
        return shares
    asked = []  # (finding's index, its text, the counterpart's text, the span of the text measured)
    for k, finding in enumerate(findings):
        own, side = _own(finding)
        if "words_unaligned" in finding.evidence or not own or finding.kind not in ("omission", "addition") or finding.level not in ("sentence", "clause"):
            continue
        mine, theirs = (finding.source, finding.target) if side == 0 else (finding.target, finding.source)
        context = theirs.text if theirs.sentences else pair.around(own, side == 0)
        if not context.strip():
            shares[k] = 1.0
            continue
        asked.append((k, mine.text, context, mine.highlights[0] if mine.highlights else (0, len(mine.text))))
    for (k, text, _, span), (tokens, aligned) in zip(asked, align_words(pair.tokens, [(text, context) for _, text, context, _ in asked])):
        shares[k] = unaligned_share(text, tokens, aligned, span)
    return shares

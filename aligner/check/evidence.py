"""What the aligner knows about a finding, as numbers: the features its confidence is computed from.

A check adds what only it knows (a clause's gain, a number difference's kinds); ``evidence``
adds what every finding has: where it sits, how well its sentences and their neighbours are
aligned, whether its sentences have a likely counterpart anywhere, and how parallel the
whole pair is. Every feature is defined for every finding (0 where it does not apply).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..model import Finding
from .pair import Pair


def evidence_of(pair: Pair) -> Callable[[Finding], dict[str, float]]:
    """A function giving each finding of ``pair`` its features (what the pair shares is computed once)."""
    n, m = len(pair.source.sentences), len(pair.target.sentences)
    # No document size: on the benchmarks it told corpora apart, not right findings from wrong ones.
    shared = {"run_share": pair.run_share}
    margins = (_margins(pair, 0), _margins(pair, 1))
    sides = pair.alignment.sides

    def evidence(finding: Finding) -> dict[str, float]:
        source, target = finding.source.sentences, finding.target.sentences
        own, side = (source, 0) if source else (target, 1)
        features = {**shared, "one_sided": float(bool(source) != bool(target))}
        features.update(edge=0.0, log_chars=0.0, best_counterpart=0.0, neighbour_margin=0.0, bead_margin=0.0)
        if own:
            count = (n, m)[side]
            position = own[0] / max(count - 1, 1)
            mine, other = sides[side], sides[1 - side]
            document = (pair.source, pair.target)[side]
            features["edge"] = min(position, 1 - position)
            if features["one_sided"]:  # the size of what is missing (or added); a number's sentence length says nothing of it
                features["log_chars"] = float(np.log1p(sum(len(document.sentences[i].text) for i in own)))
            # Best centred cosine of the finding's sentences to any sentence of the other side:
            # high when a counterpart exists somewhere (a misalignment rather than an omission).
            features["best_counterpart"] = float((mine.vectors[list(own)] @ other.vectors.T).max())
            features["bead_margin"] = float(np.mean([margins[side][i] for i in own]))
            around = [i for i in (min(own) - 1, max(own) + 1) if 0 <= i < count]
            features["neighbour_margin"] = float(np.mean([margins[side][i] for i in around])) if around else 0.0
        return {**features, **finding.evidence}

    return evidence


def _margins(pair: Pair, side: int) -> np.ndarray:
    """Per sentence of one side, the margin of its bead (0 where it is unaligned)."""
    margins = np.zeros(len((pair.source, pair.target)[side].sentences))
    for bead in pair.alignment.beads:
        if bead.source and bead.target:
            margins[list((bead.source, bead.target)[side])] = bead.score
    return margins

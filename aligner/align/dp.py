"""Many-to-many sentence alignment by dynamic programming inside a band.

Every bead earns its margin minus a threshold (minus penalties when the two
sides' lengths disagree with the document pair's usual ratio, when it is large,
or when it spans paragraphs); leaving a sentence unaligned costs a skip penalty.
The best-scoring monotone path is the alignment: a sentence is left unaligned
only where no bead pays more, which is how omissions and additions show up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Bead
from .vectors import Side

NEG = -1e18


@dataclass(frozen=True)
class Scoring:
    """How beads earn. Defaults tuned on Text+Berg (benchmarks/alignment.py): strict F1 0.90."""

    threshold: float = 0.0  # margin a 1-1 bead must beat to be worth more than skipping both sentences
    hub_weight: float = 0.5  # share of the neighbours' mean cosine the margin subtracts (1 = CSLS)
    skip_penalty: float = 0.05  # what leaving one sentence unaligned costs
    merge_penalty: float = 0.04  # per sentence beyond two in a bead; below the skip penalty, so a
    # fragment joins its neighbour's bead when that costs the bead less margin than the difference
    length_weight: float = 0.6  # penalty per unit of |log length ratio| beyond the tolerance
    length_tolerance: float = 0.35  # |log ratio| that costs nothing (translations vary in length)
    break_penalty: float = 0.3  # per paragraph boundary a bead spans: translations keep paragraphs
    expected_log_ratio: float = 0.0  # log(source chars / target chars) of true pairs in this document pair
    max_side: int = 4
    max_total: int = 5

    def shapes(self) -> list[tuple[int, int]]:
        """Bead shapes: 1-0, 0-1, and up to ``max_side`` sentences a side, ``max_total`` in all."""
        shapes = [(1, 0), (0, 1)]
        for a in range(1, self.max_side + 1):
            for b in range(1, self.max_side + 1):
                if a + b <= self.max_total:
                    shapes.append((a, b))
        return shapes


class SpanTable:
    """Span vectors, hubs and lengths of both sides for every run size up to ``max_side``."""

    def __init__(self, source: Side, target: Side, max_side: int, hub_weight: float = 1.0) -> None:
        self.hub_weight = hub_weight
        self.source = {a: source.spans(a) for a in range(1, max_side + 1)}
        self.target = {b: target.spans(b) for b in range(1, max_side + 1)}

    def margins(self, a: int, i: int, b: int, columns: np.ndarray) -> np.ndarray:
        """Margin of the bead (sentences i-a..i-1, sentences j-b..j-1) for each j in ``columns``."""
        sx, hx = self.source[a][:2]
        sy, hy = self.target[b][:2]
        return sy[columns] @ sx[i] - self.hub_weight * (hx[i] + hy[columns]) / 2

    def gains(self, a: int, i: int, b: int, columns: np.ndarray, scoring: Scoring) -> tuple[np.ndarray, np.ndarray]:
        margins = self.margins(a, i, b, columns)
        ratio = np.log((self.source[a][2][i] + 10) / (self.target[b][2][columns] + 10)) - scoring.expected_log_ratio
        penalty = scoring.length_weight * np.maximum(0.0, np.abs(ratio) - scoring.length_tolerance)
        breaks = self.source[a][3][i] + self.target[b][3][columns]
        # Each bead earns once, whatever its size (as in Bertalign): two good 1-1 beads beat the
        # 2-2 bead made of them, and a 1-1 bead beats skipping both sentences exactly when its
        # margin beats the threshold.
        gains = margins - scoring.threshold - 2 * scoring.skip_penalty - penalty
        gains -= scoring.merge_penalty * (a + b - 2) + scoring.break_penalty * breaks
        return gains, margins


def align_band(
    table: SpanTable,
    rows: tuple[int, int],
    low: np.ndarray,
    high: np.ndarray,
    scoring: Scoring,
) -> list[Bead]:
    """Best path from (rows[0], low[0]) to (rows[1], high[-1]).

    ``low``/``high`` give, for each row i in rows[0]..rows[1] (relative index),
    the inclusive range of target positions the path may pass through.
    """
    first, last = rows
    shapes = [shape for shape in scoring.shapes() if shape != (0, 1)]
    values: list[np.ndarray] = []
    choices: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    for r in range(last - first + 1):
        i = first + r
        columns = np.arange(low[r], high[r] + 1)
        row = np.full(len(columns), NEG)
        choice = np.full(len(columns), -1, dtype=np.int8)
        margin_row = np.zeros(len(columns))
        if r == 0:
            row[0] = 0.0
        for index, (a, b) in enumerate(shapes):
            if a > r:
                continue
            previous = columns - b
            ok = (previous >= low[r - a]) & (previous <= high[r - a])
            if not ok.any():
                continue
            candidate = values[r - a][previous[ok] - low[r - a]]
            if b:
                gains, margins = table.gains(a, i, b, columns[ok], scoring)
                candidate = candidate + gains
            else:
                candidate = candidate - scoring.skip_penalty
                margins = np.zeros(int(ok.sum()))
            better = np.zeros(len(columns), bool)
            better[ok] = candidate > row[ok]
            row[better] = candidate[better[ok]]
            choice[better] = index
            margin_row[better] = margins[better[ok]]
        # Insertions (0-1 beads) each cost the skip penalty: a running maximum of the row,
        # tilted by the penalty per column, applies any number of them at once. The tilt counts
        # from the row's first column: counted from column 0 it reaches 0.05 x 800,000 in a 20 MB
        # document, where rounding alone beats the 1e-12 below and the path stepped out of the row.
        tilt = scoring.skip_penalty * (columns - columns[0])
        running = np.maximum.accumulate(row + tilt) - tilt
        from_left = running > row + 1e-12
        choice[from_left] = len(shapes)
        values.append(running)
        choices.append(choice)
        scores.append(margin_row)
    return _trace(shapes, choices, scores, low, first, last - first, high[-1])


def _trace(shapes, choices, scores, low, first, r, j) -> list[Bead]:
    beads = []
    while r > 0 or j > low[0]:
        index = int(choices[r][j - low[r]])
        if index == len(shapes):
            beads.append(Bead((), (j - 1,), 0.0))
            j -= 1
            continue
        a, b = shapes[index]
        i = first + r
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), float(scores[r][j - low[r]]) if b else 0.0))
        r -= a
        j -= b
    return beads[::-1]

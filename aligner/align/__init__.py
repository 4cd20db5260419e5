"""Sentence alignment of a document pair, moves included.

1. ``vectors``: centre both sides, measure each sentence's margin neighbourhood.
2. ``backbone``: the heaviest in-order chain of confident mutual links, and a band around it.
3. ``dp``: many-to-many beads by dynamic programming inside the band.
4. here: gaps between aligned beads are searched again with a lower bar (the
   neighbours vouch for them), and what is still unaligned on both sides is
   matched out of order: those beads are moves.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import numpy as np

from ..model import Bead
from .anchors import Anchor, Structure, through
from .backbone import band, heaviest_chain, mutual_links
from .dp import Scoring, SpanTable, align_band
from .vectors import FULL_NEIGHBOUR_CELLS, NEIGHBOUR_WINDOW, Embedded, Side, prepare, rows_per_block

MAX_MOVES = 200  # moved passages searched per document pair: bounds the time a scrambled pair can take
# A gap or a pair of runs up to this many sentence pairs (500 x 500) is searched whole; a larger
# one in a band of RECTANGLE_BAND sentences around its diagonal, so that no search grows with the
# square of a document (a long unaligned stretch of a 20 MB pair holds 10^10 pairs).
FULL_RECTANGLE = 250_000
# The quantile of the confident links' length ratios (about the median) that the length penalty
# tolerates, when there are enough links to measure it (see length_tolerance).
LENGTH_SPREAD = 0.9
MIN_SPREAD_LINKS = 5
RECTANGLE_BAND = 24


@dataclass(frozen=True)
class AlignParams:
    """Where each value comes from: Text+Berg (benchmarks/alignment.py) for the scoring, the seeds
    and benchmarks/discrepancy.py for the rest; each was checked against both."""

    scoring: Scoring = Scoring()  # how beads earn
    # The scoring's threshold between two aligned neighbours: a gap sandwiched by aligned
    # beads is searched again with a lower bar (seeds: EN "Focus on consolidating…" and its
    # Vietnamese translation, which the model scores poorly, are found only so).
    gap_threshold: float = -0.05
    # The same for a pair out of document order: seeds EN–VI and AR–VI moves are found from
    # 0.15 up; 0.2 loses the moved caption; discrepancy: no false move in 192 pairs.
    move_threshold: float = 0.15
    # Beads below this margin stay aligned only when their neighbours vouch for them (aligned
    # right before and right after, on both sides): a weak pair inside a well-aligned stretch is a
    # loose translation, a weak pair on its own is a topical look-alike (seeds EN–VI: without
    # it the Vietnamese intro and a caption pair with English lines). Costs Text+Berg 0.003 F1.
    confident: float = 0.15
    # CSLS margin of a mutual nearest-neighbour link to anchor the band and count for the
    # unrelated verdict (in runs): seeds EN–AR links score 0.15–0.55, the unrelated article's 0.08–0.2.
    anchor_margin: float = 0.12
    band_width: int = 24  # half-width of the search band, in sentences, around the backbone
    full_search_cells: int = 250_000  # below n*m (500 x 500 sentences), search everything


@dataclass
class Alignment:
    beads: list[Bead]
    sides: tuple[Side, Side]
    scoring: Scoring
    links: list[tuple[int, int, float]]  # confident mutual links (i, j, margin), in order or not


def align(
    source: Embedded, target: Embedded, background: np.ndarray, params: AlignParams = AlignParams(), structure: Structure = Structure()
) -> Alignment:
    """Align the sentences of two documents; ``background`` holds embeddings of unrelated text,
    ``structure`` what their markup pairs (``anchors.structure_of``)."""
    x, y = prepare(source, target, background)
    n, m = len(x), len(y)
    links = mutual_links(x, y, params.anchor_margin)
    chain = heaviest_chain(links)
    ratios = [np.log((x.lengths[i] + 10) / (y.lengths[j] + 10)) for i, j, _ in chain]
    expected = float(np.median(ratios)) if ratios else float(np.log((x.lengths.sum() + 10) / (y.lengths.sum() + 10)))
    scoring = replace(params.scoring, expected_log_ratio=expected, length_tolerance=length_tolerance(ratios, expected, params.scoring))
    table = SpanTable(x, y, scoring.max_side, scoring.hub_weight)
    if n * m <= params.full_search_cells:
        low, high = np.zeros(n + 1, int), np.full(n + 1, m)
    else:
        low, high = band(chain, n, m, params.band_width)
    anchors, low, high = through(structure.anchors(chain), chain, low, high)
    beads = _drop_unsupported(align_band(table, (0, n), low, high, scoring), params.confident, n, m, anchors)
    beads = _find_moves(beads, table, x, y, replace(scoring, threshold=params.move_threshold))
    beads = _search_gaps(beads, table, replace(scoring, threshold=params.gap_threshold), n, m)
    beads = _grow_full_beads(beads, x, y, scoring)
    return Alignment(beads, (x, y), scoring, links)


def length_tolerance(ratios: list[float], expected: float, scoring: Scoring) -> float:
    """The log length ratio that costs a bead nothing: the scoring's, or wider where this pair's
    confident links vary more (a translation that retells freely: literary ZH→EN chapters spread
    to 0.4-0.9 at the LENGTH_SPREAD quantile, Text+Berg's documents to 0.31-0.34)."""
    if len(ratios) < MIN_SPREAD_LINKS:
        return scoring.length_tolerance
    return max(scoring.length_tolerance, float(np.quantile(np.abs(np.asarray(ratios) - expected), LENGTH_SPREAD)))


def align_units(
    source: Embedded, target: Embedded, background: np.ndarray, units: list[tuple[range, range]], params: AlignParams = AlignParams()
) -> Alignment:
    """Align inside the units that a bilingual file (XLIFF, PO) pairs: no sentence leaves its unit.

    ``units`` holds each unit's source and target sentences. Inside a unit, beads are searched as
    between neighbours anywhere (with the gap bar), so a sentence can be missing from its
    translation; a unit where no bead is found is one bead with the margin it has, so a wrong
    translation is weakly aligned, never an omission beside an addition.
    """
    x, y = prepare(source, target, background)
    ratios = [np.log((x.lengths[list(s)].sum() + 10) / (y.lengths[list(t)].sum() + 10)) for s, t in units if s and t]
    scoring = replace(params.scoring, expected_log_ratio=float(np.median(ratios)) if ratios else 0.0)
    table = SpanTable(x, y, scoring.max_side, scoring.hub_weight)
    gap_scoring = replace(scoring, threshold=params.gap_threshold)
    beads: list[Bead] = []
    for sources, targets in units:
        if not sources or not targets:
            continue
        found = _align_rectangle(table, sources, targets, gap_scoring)
        if not found:
            margin = float(x.span_vector(sources) @ y.span_vector(targets)) - scoring.hub_weight * float(np.mean(x.hub[list(sources)]) + np.mean(y.hub[list(targets)])) / 2
            found = [Bead(tuple(sources), tuple(targets), margin)]
        beads += found
    links = mutual_links(x, y, params.anchor_margin)
    return Alignment(_with_unaligned(beads, len(x), len(y)), (x, y), scoring, links)


def _drop_unsupported(beads: list[Bead], confident: float, n: int, m: int, anchors: list[Anchor]) -> list[Bead]:
    """Unalign in-order beads below ``confident`` whose neighbours do not vouch for them, unless
    structure pairs their paragraphs (an anchor holds them)."""
    aligned = [b for b in beads if b.source and b.target and not b.moved]
    edges = [Bead((-1,), (-1,), 1.0)] + aligned + [Bead((n,), (m,), 1.0)]
    source_anchor = {i: k for k, (sources, _) in enumerate(anchors) for i in sources}
    target_anchor = {j: k for k, (_, targets) in enumerate(anchors) for j in targets}
    keep = [b for b in beads if b.moved] + [
        bead
        for before, bead, after in zip(edges, edges[1:], edges[2:])
        if bead.score >= confident
        or {source_anchor.get(i) for i in bead.source} == {target_anchor.get(j) for j in bead.target} != {None}
        or (
            before.source[-1] + 1 == bead.source[0] and before.target[-1] + 1 == bead.target[0]
            and bead.source[-1] + 1 == after.source[0] and bead.target[-1] + 1 == after.target[0]
        )
    ]
    return _with_unaligned(keep, n, m)


def _search_gaps(beads: list[Bead], table: SpanTable, scoring: Scoring, n: int, m: int) -> list[Bead]:
    """Search again, with ``scoring``, the unaligned sentences sandwiched between two aligned beads."""
    aligned = sorted((b for b in beads if b.source and b.target), key=lambda b: b.source[0])
    free_sources, free_targets = map(set, _unaligned(beads))
    found: list[Bead] = []
    for before, after in zip(aligned, aligned[1:]):
        sources = range(before.source[-1] + 1, after.source[0])
        targets = range(before.target[-1] + 1, after.target[0])
        if sources and targets and free_sources.issuperset(sources) and free_targets.issuperset(targets):
            gap = _align_rectangle(table, sources, targets, scoring)
            found.extend(Bead(b.source, b.target, b.score, before.moved) for b in gap)
    return _with_unaligned(aligned + found, n, m)


def _with_unaligned(aligned: list[Bead], n: int, m: int) -> list[Bead]:
    """All beads in reading order: aligned ones, plus a 1-0 or 0-1 bead for every sentence left over.

    Source-side beads follow source order; a target-only bead follows the in-order
    aligned bead whose target precedes it.
    """
    used_sources = {i for b in aligned for i in b.source}
    used_targets = {j for b in aligned for j in b.target}
    beads = aligned + [Bead((i,), (), 0.0) for i in range(n) if i not in used_sources]
    keys = [(b.source[0], 0, 0) for b in beads]
    anchors = sorted((b.target[-1], b.source[-1]) for b in aligned if not b.moved)
    for j in range(m):
        if j not in used_targets:
            position = bisect.bisect_left(anchors, (j, -1)) - 1
            keys.append((anchors[position][1] if position >= 0 else -1, 1, j))
            beads.append(Bead((), (j,), 0.0))
    return [bead for _, bead in sorted(zip(keys, beads), key=lambda pair: pair[0])]


def _find_moves(beads: list[Bead], table: SpanTable, x: Side, y: Side, scoring: Scoring) -> list[Bead]:
    """Match unaligned source runs with unaligned target runs anywhere in the document.

    Every unaligned source sentence votes, with its margin over the threshold, for the
    target run holding its best unaligned counterpart; the pair of runs with the most
    votes is aligned first. The sentences it leaves over form new, shorter runs, so one
    long gap can hold several moved passages.
    """
    free_sources, free_targets = _unaligned(beads)
    votes = _best_counterparts(free_sources, free_targets, table, x, y, scoring)
    moved: list[Bead] = []
    for _ in range(MAX_MOVES):
        taken_sources = {i for b in moved for i in b.source}
        taken_targets = {j for b in moved for j in b.target}
        source_runs = _index_runs([i for i in free_sources if i not in taken_sources])
        target_runs = _index_runs([j for j in free_targets if j not in taken_targets])
        run_of = {j: run for run in target_runs for j in range(*run)}
        tally: dict[tuple, float] = {}
        for run in source_runs:
            for i in range(*run):
                if i in votes and votes[i][0] in run_of:
                    key = (run, run_of[votes[i][0]])
                    tally[key] = tally.get(key, 0.0) + votes[i][1]
        if not tally:
            break
        source_run, target_run = max(tally, key=tally.get)
        found = _align_rectangle(table, range(*source_run), range(*target_run), scoring)
        if not found:
            break
        moved.extend(Bead(b.source, b.target, b.score, moved=True) for b in found)
    aligned = [b for b in beads if b.source and b.target] + moved
    return _with_unaligned(aligned, len(x), len(y))


def _best_counterparts(
    free_sources: list[int], free_targets: list[int], table: SpanTable, x: Side, y: Side, scoring: Scoring
) -> dict[int, tuple[int, float]]:
    """For each unaligned source sentence: its best unaligned target sentence and margin over the threshold."""
    sources = np.array(free_sources, dtype=int)
    targets = np.array(free_targets, dtype=int)
    votes: dict[int, tuple[int, float]] = {}
    if not len(sources) or not len(targets):
        return votes
    # As for the neighbours (vectors.top_k): beyond FULL_NEIGHBOUR_CELLS pairs, only the targets
    # within NEIGHBOUR_WINDOW sentences of where each source sentence would be.
    windowed = len(sources) * len(targets) > FULL_NEIGHBOUR_CELLS
    block = rows_per_block(3 * NEIGHBOUR_WINDOW) if windowed else rows_per_block(len(targets))
    start, ratio = 0, len(y) / len(x)
    while start < len(sources):
        stop = min(start + block, len(sources))
        candidates = targets
        if windowed:  # a block spans at most the window, so its candidates are at most three windows
            stop = min(stop, int(np.searchsorted(sources, sources[start] + NEIGHBOUR_WINDOW)))
            low, high = sources[start] * ratio - NEIGHBOUR_WINDOW, sources[stop - 1] * ratio + NEIGHBOUR_WINDOW
            candidates = targets[np.searchsorted(targets, low) : np.searchsorted(targets, high)]
        rows, start = sources[start:stop], stop
        if not len(candidates):
            continue
        margins = x.vectors[rows] @ y.vectors[candidates].T - table.hub_weight * (x.hub[rows, None] + y.hub[None, candidates]) / 2
        best = margins.argmax(1)
        gains = margins[np.arange(len(rows)), best] - scoring.threshold
        votes.update({int(i): (int(candidates[b]), float(g)) for i, b, g in zip(rows, best, gains) if g > 0})
    return votes


def _grow_full_beads(beads: list[Bead], x: Side, y: Side, scoring: Scoring) -> list[Bead]:
    """Let beads of the largest shape take in their unaligned neighbours, one sentence at a time.

    The search stops at ``max_side`` sentences a side; a sentence splitter that misses the
    stops of one language (subtitles, lists) can leave one sentence facing six. A neighbour
    joins when the bead loses no more similarity than the search tolerates for a fragment
    (the skip penalty less the merge penalty).
    """
    tolerance = scoring.skip_penalty - scoring.merge_penalty
    free_sources, free_targets = _unaligned(beads)
    free = {("s", i) for i in free_sources} | {("t", j) for j in free_targets}
    grown = []
    for bead in beads:
        if bead.source and bead.target:
            if not bead.moved and max(len(bead.source), len(bead.target)) >= scoring.max_side:
                bead = _grow(bead, x, y, free, tolerance)
            grown.append(bead)
    return _with_unaligned(grown, len(x), len(y))


def _grow(bead: Bead, x: Side, y: Side, free: set, tolerance: float) -> Bead:
    def similarity(source, target):
        return float(x.span_vector(source) @ y.span_vector(target))

    score = similarity(bead.source, bead.target)
    while True:
        options = []
        for side, index in (("s", bead.source[0] - 1), ("s", bead.source[-1] + 1), ("t", bead.target[0] - 1), ("t", bead.target[-1] + 1)):
            if (side, index) in free:
                source = tuple(sorted(bead.source + ((index,) if side == "s" else ())))
                target = tuple(sorted(bead.target + ((index,) if side == "t" else ())))
                options.append((similarity(source, target), source, target, (side, index)))
        best = max(options, default=None)
        if best is None or best[0] < score - tolerance:
            return bead
        score, source, target, taken = best
        free.discard(taken)
        bead = Bead(source, target, bead.score, bead.moved)


def _unaligned(beads: list[Bead]) -> tuple[list[int], list[int]]:
    """The source and the target sentences no bead aligns, each in document order."""
    sources = sorted(i for b in beads if not b.target for i in b.source)
    targets = sorted(j for b in beads if not b.source for j in b.target)
    return sources, targets


def _align_rectangle(table: SpanTable, sources: range, targets: range, scoring: Scoring) -> list[Bead]:
    """The aligned beads of the best path through these sentences alone (see FULL_RECTANGLE)."""
    rows = len(sources) + 1
    if len(sources) * len(targets) <= FULL_RECTANGLE:
        low, high = np.full(rows, targets[0]), np.full(rows, targets[-1] + 1)
    else:
        low, high = band([], len(sources), len(targets), RECTANGLE_BAND)
        low, high = low + targets[0], high + targets[0]
    path = align_band(table, (sources[0], sources[-1] + 1), low, high, scoring)
    return [b for b in path if b.source and b.target]


def _index_runs(indices: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs

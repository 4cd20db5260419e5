"""The backbone: confident one-to-one links in document order, and the search band around them.

Mutual nearest neighbours with a clear margin are almost always true pairs;
the heaviest chain of them that keeps document order traces the diagonal of
the alignment. The dynamic programme then only searches a band around that
chain, which keeps its time and memory linear in the document length. Links
off the chain are where moved passages are.

Links that come in runs, chain or not, tell a translation from an unrelated
text: a translation, however abridged or reordered, is made of stretches of
consecutive sentence pairs, while the look-alikes an unrelated text of the same
genre offers (formulaic legal articles, spoken phrases) are isolated.
"""

from __future__ import annotations

import bisect

import numpy as np

from .vectors import Side


def mutual_links(source: Side, target: Side, min_margin: float) -> list[tuple[int, int, float]]:
    """(i, j, margin) for sentences that are each other's nearest neighbour."""
    links = []
    for i in range(len(source)):
        j = int(source.neighbours[i, 0])
        if j < len(target) and int(target.neighbours[j, 0]) == i:
            cosine = float(source.neighbour_scores[i, 0])
            margin = cosine - (source.hub[i] + target.hub[j]) / 2
            if margin >= min_margin:
                links.append((i, j, margin))
    return links


def heaviest_chain(links: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The increasing-in-both-coordinates subsequence of links with the largest total margin.

    O(L log L) for unit weights would be patience sorting; weights make it a
    max-plus query, which a sorted list of (j, best-total) dominance frontier answers.
    """
    links = sorted(links)
    best: list[float] = []
    previous: list[int] = []
    frontier_j: list[int] = []  # strictly increasing j
    frontier: list[tuple[float, int]] = []  # (best total, link index), increasing total
    for index, (_, j, weight) in enumerate(links):
        # Links of the same i must not chain: handled because mutual links have distinct i and j.
        pos = bisect.bisect_left(frontier_j, j) - 1
        total, prev = (frontier[pos][0], frontier[pos][1]) if pos >= 0 else (0.0, -1)
        best.append(total + weight)
        previous.append(prev)
        insert = bisect.bisect_left(frontier_j, j)
        if insert < len(frontier_j) and frontier_j[insert] == j:
            if frontier[insert][0] >= best[-1]:
                continue
            del frontier_j[insert], frontier[insert]
        if insert > 0 and frontier[insert - 1][0] >= best[-1]:
            continue
        frontier_j.insert(insert, j)
        frontier.insert(insert, (best[-1], index))
        while insert + 1 < len(frontier) and frontier[insert + 1][0] <= best[-1]:
            del frontier_j[insert + 1], frontier[insert + 1]
    if not links:
        return []
    index = int(np.argmax(best))
    chain = []
    while index >= 0:
        chain.append(links[index])
        index = previous[index]
    return chain[::-1]


def in_runs(links: list[tuple[int, int, float]], n: int, m: int, reach: int) -> list[tuple[int, int, float]]:
    """The links with another link within ``reach`` sentences on both sides, in the same direction.

    The corners before the first and after the last sentences count as links, so a
    document of one or two sentences is not judged on runs it cannot have.
    """
    points = {(i, j) for i, j, _ in links} | {(-1, -1), (n, m)}
    steps = [(di * sign, dj * sign) for di in range(1, reach + 1) for dj in range(1, reach + 1) for sign in (1, -1)]
    return [(i, j, w) for i, j, w in links if any((i + di, j + dj) in points for di, dj in steps)]


def band(chain: list[tuple[int, int, float]], n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """For each DP row i (0..n), the inclusive range of columns j the search may visit."""
    points = [(0, 0)] + [(i, j) for i, j, _ in chain] + [(n, m)]
    rows = np.arange(n + 1)
    xs = np.array([p[0] for p in points], float)
    ys = np.array([p[1] for p in points], float)
    centre = np.interp(rows, xs, ys)
    low = np.clip(np.floor(centre) - width, 0, m).astype(int)
    high = np.clip(np.ceil(centre) + width, 0, m).astype(int)
    # Rows must never lose reach of their predecessors: keep both bounds non-decreasing, and let
    # each row start no later than where the row before ends. Where the chain jumps (a link to a
    # far repeat of a sentence), the row after the jump then spans the gap, which insertions
    # cross; else its cells would be unreachable and the path through them garbage.
    low = np.minimum.accumulate(low[::-1])[::-1]
    high = np.maximum.accumulate(high)
    low[0], high[-1] = 0, m
    low[1:] = np.minimum(low[1:], high[:-1])
    return low, high

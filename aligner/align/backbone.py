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
from collections import Counter

import numpy as np

from .vectors import Side


def mutual_links(source: Side, target: Side, min_margin: float) -> list[tuple[int, int, float]]:
    """(i, j, margin), in source order, for sentences whose texts are each other's nearest neighbour."""
    texts = set()
    for i in range(len(source)):
        j = int(source.neighbours[i, 0])
        back = int(target.neighbours[j, 0]) if j < len(target) else len(source)  # pool rows past the side are the background
        if back < len(source) and source.copies[back] == source.copies[i]:
            texts.add((int(source.copies[i]), int(target.copies[j])))
    links = []
    for i, j in _copies_in_place(texts, source.copies, target.copies):
        margin = float(source.vectors[i] @ target.vectors[j]) - (source.hub[i] + target.hub[j]) / 2
        if margin >= min_margin:
            links.append((i, j, margin))
    return sorted(links)


def _copies_in_place(texts: set[tuple[int, int]], source_copies: np.ndarray, target_copies: np.ndarray) -> list[tuple[int, int]]:
    """The sentence pairs of mutually nearest texts, each text given by its first copy.

    A text said several times on both sides has every copy of its translation equally near, so
    which copy pairs with which is told by place: the k-th with the k-th, where both sides hold
    as many copies (a refrain, a document pasted twice). Where they do not, or where a text is
    nearest to two texts (in different windows of a long pair), nothing is linked: the alignment
    search, which weighs the neighbours, pairs those.
    """
    source_counts, target_counts = np.bincount(source_copies), np.bincount(target_copies)
    source_partners, target_partners = Counter(a for a, _ in texts), Counter(b for _, b in texts)
    placed = [(a, b) for a, b in texts if source_partners[a] == target_partners[b] == 1 and source_counts[a] == target_counts[b]]
    if all(source_counts[a] == 1 for a, _ in placed):
        return placed
    source_places, target_places = _places(source_copies), _places(target_copies)
    return [pair for a, b in placed for pair in zip(source_places[a], target_places[b])]


def _places(copies: np.ndarray) -> dict[int, list[int]]:
    """Where each text of a side is said: its first copy's index to every copy's index, in order."""
    order = np.argsort(copies, kind="stable")
    starts = np.flatnonzero(np.r_[True, copies[order][1:] != copies[order][:-1]])
    return {int(copies[order[start]]): order[start:stop].tolist() for start, stop in zip(starts, np.r_[starts[1:], len(order)])}


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

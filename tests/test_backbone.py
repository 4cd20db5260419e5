"""``backbone.in_runs``: which confident links come in runs, the unrelated verdict's evidence."""

from __future__ import annotations

import pytest

from aligner.align.backbone import in_runs


def links(*points):
    return [(i, j, 0.3) for i, j in points]


@pytest.mark.parametrize(
    "points, n, m, expected",
    [
        # a translation: consecutive pairs, each next to another
        ([(2, 2), (3, 3), (4, 5), (6, 6)], 10, 10, [(2, 2), (3, 3), (4, 5), (6, 6)]),
        # look-alikes of an unrelated text: isolated links
        ([(1, 7), (5, 2), (8, 9)], 12, 12, []),
        # a moved stretch is a run out of order
        ([(1, 8), (2, 9), (6, 1)], 12, 12, [(1, 8), (2, 9)]),
        # a run goes one way: a link above-right of another is not a run
        ([(4, 4), (5, 3)], 10, 10, []),
        # reach 2: a deleted sentence between two links keeps the run; three breaks it
        ([(3, 3), (5, 4)], 10, 10, [(3, 3), (5, 4)]),
        ([(3, 3), (6, 4)], 10, 10, []),
        # the documents' ends count as links, so a short document is judged on its link alone
        ([(0, 0)], 1, 1, [(0, 0)]),
        ([(1, 1)], 2, 2, [(1, 1)]),
        ([(5, 5)], 12, 12, []),
    ],
)
def test_links_in_runs(points, n, m, expected):
    assert [(i, j) for i, j, _ in in_runs(links(*points), n, m, reach=2)] == expected

"""``backbone.in_runs``: which confident links come in runs, the unrelated verdict's evidence; and
``anchors.through``: the band narrowed to pass through the paragraphs that structure pairs."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align.anchors import structure_of, through
from aligner.align.backbone import in_runs
from aligner.model import Location
from aligner.read.base import Block
from aligner.segment import build_document


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


def test_windowed_neighbour_search_is_the_full_search_when_the_window_covers_the_document(monkeypatch):
    import numpy as np

    from aligner.align import vectors

    rng = np.random.default_rng(7)
    queries, keys = vectors.unit(rng.normal(size=(300, 16))), vectors.unit(rng.normal(size=(250 + 5, 16)))
    full = vectors.top_k(queries, keys, 4, fixed=5)
    monkeypatch.setattr(vectors, "FULL_NEIGHBOUR_CELLS", 0)
    monkeypatch.setattr(vectors, "NEIGHBOUR_WINDOW", 250)
    windowed = vectors.top_k(queries, keys, 4, fixed=5)
    assert (full[0] == windowed[0]).all() and np.allclose(full[1], windowed[1])
    monkeypatch.setattr(vectors, "NEIGHBOUR_WINDOW", 20)  # a narrow window: neighbours near the diagonal or in the background
    near, _ = vectors.top_k(queries, keys, 4, fixed=5)
    centre = np.arange(300)[:, None] * 250 / 300
    assert ((np.abs(near - centre) <= 20 + 16) | (near >= 250)).all()


def test_a_long_inserted_block_is_an_addition_not_a_crash():
    """The backbone jumps over the block; the band row after the jump must still reach the row
    before it (it once started past where that row ended, and the path read unreachable cells)."""
    import numpy as np

    from aligner.align import align
    from aligner.align.backbone import band
    from aligner.align.vectors import Embedded, unit

    rng = np.random.default_rng(0)
    n, extra, d = 600, 200, 384  # over the full search's 500 x 500: the band is used
    meaning = rng.standard_normal((n, d))
    source = unit(meaning + 0.3 * rng.standard_normal((n, d))).astype(np.float32)
    target = unit(meaning + 0.3 * rng.standard_normal((n, d))).astype(np.float32)
    target = np.vstack([target[:300], unit(rng.standard_normal((extra, d))).astype(np.float32), target[300:]])
    background = unit(rng.standard_normal((64, d))).astype(np.float32)
    alignment = align(
        Embedded(source, np.full(n, 80.0), np.arange(n) // 5), Embedded(target, np.full(n + extra, 80.0), np.arange(n + extra) // 5), background
    )
    added = sorted(j for bead in alignment.beads if not bead.source for j in bead.target)
    assert added == list(range(300, 500))
    low, high = band([(299, 299, 0.5), (300, 500, 0.5)], n, n + extra, 24)
    assert (low[1:] <= high[:-1]).all()


def _sides(n: int, d: int = 16, noise: float = 0.3, seed: int = 2):
    """Two sides of n sentences, sentence i of one a noisy translation of sentence i of the other."""
    import numpy as np

    from aligner.align.vectors import Side, unit

    rng = np.random.default_rng(seed)
    meaning = rng.standard_normal((n, d))

    def side():
        vectors = unit(meaning + noise * rng.standard_normal((n, d))).astype(np.float32)
        neighbours = (np.arange(n)[:, None] + np.arange(4)) % n
        return Side(vectors, np.full(n, 80.0), np.zeros(n), neighbours, np.zeros((n, 4)), vectors, np.zeros(d, np.float32), np.arange(n) // 5, np.arange(n))

    return side(), side()


def test_the_search_far_into_a_long_document_keeps_to_its_rows():
    """A passage near sentence 800,000 (a 20 MB document) is aligned one to one. The insertion step's
    tilt once counted from column 0, and its rounding there (0.05 x 800,000) let the path step out
    of the row: a 20 MB pair raised IndexError, and here no bead was found."""
    from aligner.align import _align_rectangle
    from aligner.align.dp import Scoring, SpanTable

    table = SpanTable(*_sides(800_010, d=4, noise=0.1, seed=1), 4, 0.5)
    beads = _align_rectangle(table, range(800_000, 800_010), range(800_000, 800_010), Scoring())
    assert [(b.source, b.target) for b in beads] == [((i,), (i,)) for i in range(800_000, 800_010)]


def test_a_large_unaligned_stretch_is_searched_in_a_band_with_the_full_search_result(monkeypatch):
    """A gap of 700 x 700 sentences (over FULL_RECTANGLE) is searched around its diagonal, not in
    all its 490,000 cells: on a translation the path is the one the full search finds."""
    import aligner.align as align_module
    from aligner.align.dp import Scoring, SpanTable

    x, y = _sides(700)
    table = SpanTable(x, y, 4, 0.5)
    searched = []

    def align_band(table, rows, low, high, scoring):
        searched.append(int((high - low + 1).sum()))
        return band_search(table, rows, low, high, scoring)

    band_search = align_module.align_band
    monkeypatch.setattr(align_module, "align_band", align_band)
    banded = align_module._align_rectangle(table, range(700), range(700), Scoring())
    assert searched[-1] < 700 * 60  # the band: about 2 x 24 + 1 cells a row, not 700
    monkeypatch.setattr(align_module, "FULL_RECTANGLE", 10**9)
    full = align_module._align_rectangle(table, range(700), range(700), Scoring())
    assert [(b.source, b.target) for b in banded] == [(b.source, b.target) for b in full]
    assert sum(b.source == b.target for b in banded) >= 690


def test_counterparts_of_unaligned_sentences_are_searched_near_their_place_in_long_documents(monkeypatch):
    """Beyond FULL_NEIGHBOUR_CELLS the moves search looks for counterparts within NEIGHBOUR_WINDOW
    of where a sentence would be (it compared every unaligned pair: 10^10 in a 20 MB pair)."""
    import numpy as np

    import aligner.align as align_module
    from aligner.align.dp import Scoring, SpanTable

    x, y = _sides(600)
    table = SpanTable(x, y, 4, 0.5)
    free = list(range(0, 600, 2))
    full = align_module._best_counterparts(free, free, table, x, y, Scoring())
    monkeypatch.setattr(align_module, "FULL_NEIGHBOUR_CELLS", 0)
    monkeypatch.setattr(align_module, "NEIGHBOUR_WINDOW", 600)
    assert align_module._best_counterparts(free, free, table, x, y, Scoring()) == full
    monkeypatch.setattr(align_module, "NEIGHBOUR_WINDOW", 10)
    near = align_module._best_counterparts(free, free, table, x, y, Scoring())
    assert near and all(abs(j - i) <= 2 * 10 for i, (j, _) in near.items())
    assert np.mean([near.get(i, (None,))[0] == i for i in free]) >= 0.95
    # Unaligned sentences far from each other's place: the full search pairs look-alikes, the window none.
    far_sources, far_targets = list(range(100)), list(range(400, 500))
    monkeypatch.setattr(align_module, "NEIGHBOUR_WINDOW", 600)
    assert align_module._best_counterparts(far_sources, far_targets, table, x, y, Scoring())
    monkeypatch.setattr(align_module, "NEIGHBOUR_WINDOW", 10)
    assert align_module._best_counterparts(far_sources, far_targets, table, x, y, Scoring()) == {}


def _pasted(n: int, copies: int, extra_target: list[int] = ()):
    """A document of n sentences said ``copies`` times over and its translation likewise; the
    sentences of ``extra_target`` said once more at the translation's end."""
    import numpy as np

    from aligner.align.vectors import Embedded, unit

    rng = np.random.default_rng(3)
    d = 384
    meaning = rng.standard_normal((n, d))
    source = unit(meaning + 0.3 * rng.standard_normal((n, d))).astype(np.float32)
    target = unit(meaning + 0.3 * rng.standard_normal((n, d))).astype(np.float32)
    source, target = np.tile(source, (copies, 1)), np.vstack([np.tile(target, (copies, 1)), target[list(extra_target)]])
    background = unit(rng.standard_normal((64, d))).astype(np.float32)

    def embedded(vectors):
        return Embedded(vectors, np.full(len(vectors), 80.0), np.arange(len(vectors)) // 5)

    return embedded(source), embedded(target), background


def test_copies_of_a_text_are_found_as_one_neighbour():
    import numpy as np

    from aligner.align.vectors import first_copies, prepare

    assert first_copies(np.array([[1, 0], [0, 1], [1, 0], [1, 0], [0, 1]], np.float32)).tolist() == [0, 1, 0, 0, 1]
    x, y = prepare(*_pasted(40, 2))
    assert (x.neighbours[:, 0] == np.tile(np.arange(40), 2)).all()  # each text's first copy
    # never two copies of one text among a sentence's neighbours (pool rows from 80 are the background)
    assert all(len(set(y.copies[row[row < 80]])) == (row < 80).sum() for row in x.neighbours)


def test_a_document_pasted_twice_is_linked_copy_by_copy():
    """Every copy's translation is equally near, so the copies are paired by place. Before, each
    sentence's neighbourhood was its translation's copies, its margin over them nil, and no link
    stood: a 1 MB pair made of one article repeated was called unrelated."""
    from aligner.align import align

    alignment = align(*_pasted(60, 3))
    assert [(i, j) for i, j, _ in alignment.links] == [(i, i) for i in range(180)]
    assert [(b.source, b.target) for b in alignment.beads] == [((i,), (i,)) for i in range(180)]


def test_a_text_with_more_copies_on_one_side_is_not_linked_but_still_aligned():
    """Sentences 5 and 6 are said once more at the translation's end: which of their copies is the
    translation is not told by the texts, so they are not linked, and the search pairs them in
    place and leaves the extra copies unaligned."""
    from aligner.align import align

    alignment = align(*_pasted(30, 1, extra_target=[5, 6]))
    assert [(i, j) for i, j, _ in alignment.links] == [(i, i) for i in range(30) if i not in (5, 6)]
    assert sorted(j for b in alignment.beads if not b.source for j in b.target) == [30, 31]
    assert [(b.source, b.target) for b in alignment.beads if b.source and b.target] == [((i,), (i,)) for i in range(30)]


def test_sentences_nearest_to_the_background_are_not_linked():
    """Unrelated sides: most sentences' nearest neighbour is a background sentence (a row of the pool
    past the other side), which is no link, and once was read as a sentence index out of range."""
    import numpy as np

    from aligner.align import align
    from aligner.align.vectors import Embedded, unit

    rng = np.random.default_rng(5)
    source, target, background = (unit(rng.standard_normal((n, 384))).astype(np.float32) for n in (32, 32, 64))
    alignment = align(Embedded(source, np.full(32, 80.0), np.zeros(32, int)), Embedded(target, np.full(32, 80.0), np.zeros(32, int)), background)
    assert alignment.links == []


def test_the_length_tolerance_widens_only_where_the_pairs_confident_links_vary_more():
    """The log length ratios of confident links about their median: a close translation keeps the
    scoring's tolerance, one that retells freely (one sentence as two or three) tolerates its spread."""
    from aligner.align import LENGTH_SPREAD, length_tolerance
    from aligner.align.dp import Scoring

    scoring = Scoring()
    close = [0.0, 0.1, -0.1, 0.2, -0.2, 0.05, -0.05, 0.15, -0.15, 0.3]
    free = [0.0, 0.3, -0.4, 0.6, -0.7, 0.2, -0.5, 0.8, -0.9, 0.1]
    assert length_tolerance(close, 0.0, scoring) == scoring.length_tolerance
    assert length_tolerance(free, 0.0, scoring) == pytest.approx(np.quantile(np.abs(free), LENGTH_SPREAD))
    assert length_tolerance(free[:3], 0.0, scoring) == scoring.length_tolerance  # too few links to measure a spread


def test_the_band_passes_through_an_anchor_unless_a_confident_link_crosses_it():
    low, high = np.zeros(5, int), np.full(5, 4)
    heading = (range(1, 2), range(2, 3))  # the second source sentence with the third target sentence
    kept, low_in, high_in = through([heading], [(0, 0, 0.5), (3, 3, 0.5)], low, high)
    assert kept == [heading]
    assert low_in.tolist() == [0, 0, 3, 3, 3] and high_in.tolist() == [2, 2, 3, 4, 4]
    kept, low_out, high_out = through([heading], [(0, 3, 0.5)], low, high)  # a link from before it to after it
    assert kept == [] and low_out.tolist() == low.tolist() and high_out.tolist() == high.tolist()


def test_a_link_between_anchored_texts_does_not_move_an_anchor():
    """Dev set n101: the model links the header cell "Ticket" with the heading "Vé" (Tickets) above it."""
    low, high = np.zeros(6, int), np.full(6, 5)
    heading, cell = (range(1, 2), range(1, 2)), (range(2, 3), range(2, 3))
    kept, low, high = through([heading, cell], [(0, 0, 0.5), (2, 1, 0.4), (4, 4, 0.5)], low, high)
    assert kept == [heading, cell]
    assert (low[2], high[2], low[3], high[3]) == (2, 2, 3, 3)


def page(language, blocks):
    """A document from (text, role) blocks, one line each."""
    return build_document(f"page.{language}.md", language, [Block(text, Location(line), role=role) for line, (text, role) in enumerate(blocks, 1)])


def test_headings_pair_where_their_levels_agree_and_each_table_where_its_cells_do():
    english = page("en", [
        ("Fares", "h1"), ("Prices for 2026 are set by the city council every spring.", None),
        ("Ticket", "cell"), ("Price", "cell"), ("Adult", "cell"), ("12 euros", "cell"),
        ("Opening hours", "h2"), ("Day", "cell"), ("Hours", "cell"), ("Monday", "cell"), ("9 to 5", "cell"),
    ])
    vietnamese = page("vi", [
        ("Giá vé", "h1"), ("Giá vé năm 2026 do hội đồng thành phố quyết định mỗi mùa xuân.", None),
        ("Loại vé", "cell"), ("Giá", "cell"), ("Người lớn", "cell"), ("12 euro", "cell"),
        ("Giờ mở cửa", "h2"), ("Ngày", "cell"), ("Giờ", "cell"), ("Thứ Hai", "cell"), ("9 đến 5", "cell"), ("Thứ Ba", "cell"),
    ])
    first_table = [(range(k, k + 1), range(k, k + 1)) for k in range(2, 6)]
    assert structure_of(english, vietnamese).anchors() == [(range(0, 1), range(0, 1)), *first_table, (range(6, 7), range(6, 7))]
    demoted = page("vi", [(text, "h3" if role == "h2" else role) for text, role in [(p.text, p.role) for p in vietnamese.paragraphs]])
    assert structure_of(english, demoted).anchors() == first_table  # the headings' levels disagree: only the first table pairs


def test_a_section_the_translation_lacks_costs_the_heading_anchors_of_its_stretch_only():
    """The English gained a section the translation does not have yet: the headings before the last
    confident link ahead of it still pair by place; of those after it, which is missing is unknown from
    their levels, but the heading right before a linked sentence on both sides heads the same section."""
    english = page("en", [
        ("Fares", "h1"), ("Prices for 2026 are set by the city council every spring.", None),
        ("Tickets", "h2"), ("Tickets are sold at every station and on the app.", None),
        ("Refunds", "h2"), ("Unused tickets are refunded within thirty days of purchase.", None),
        ("Hours", "h2"), ("The network runs from five in the morning until midnight.", None),
    ])
    vietnamese = page("vi", [
        ("Giá vé", "h1"), ("Giá vé năm 2026 do hội đồng thành phố quyết định mỗi mùa xuân.", None),
        ("Vé", "h2"), ("Vé được bán tại mọi nhà ga và trên ứng dụng.", None),
        ("Giờ", "h2"), ("Mạng lưới hoạt động từ năm giờ sáng đến nửa đêm.", None),
    ])
    structure = structure_of(english, vietnamese)
    assert structure.anchors() == []  # the heading sequences disagree as wholes
    body_links = [(1, 1, 0.5), (3, 3, 0.5), (7, 5, 0.5)]
    assert structure.anchors(body_links) == [(range(0, 1), range(0, 1)), (range(2, 3), range(2, 3)), (range(6, 7), range(4, 5))]
    assert structure.anchors(body_links[:2]) == [(range(0, 1), range(0, 1)), (range(2, 3), range(2, 3))]  # "Refunds" or "Hours"?
    # A link of a heading does not cut stretches: the model pairs short text wrongly.
    assert structure.anchors([*body_links, (4, 4, 0.3)]) == structure.anchors(body_links)

"""Structural anchors: the headings and table cells that a localized document keeps in place.

Localization keeps a document's structure: the same headings at the same levels and the same
table cells, in the same order. Where both versions show the same sequence, the k-th heading of one
translates the k-th heading of the other, whatever the model makes of text this short: a heading
of two words and its translation can score under a heading of the same page that shares a word
(held-out dev sets n79, n84, n90: a title paired with a later heading, two header cells with each
other, a table label left unpaired beside its translation).

The alignment search is made to pass through each anchor (``through``), unless a confident link
of the backbone says otherwise (sections reordered, a heading dropped and another added).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

import numpy as np

from ..model import Document, Paragraph
from ..segment import SHORT_TEXT_WORDS, word_count

Anchor = tuple[range, range]  # the source and target sentences of two paragraphs in the same place


def structural_anchors(source: Document, target: Document) -> list[Anchor]:
    """Headings with headings, k-th with k-th, where both documents have the same sequence of them
    (levels included); the cells of each table with the cells of the table in its place, where both
    documents have as many tables and the two tables as many cells. Only those whose source is text
    too short for the model to judge (SHORT_TEXT_WORDS): the model is trusted with the rest (the seeds
    as a web page: a long first paragraph as the title, which the Vietnamese edition's title does not
    translate)."""
    groups = [(_headings(source), _headings(target))]
    source_tables, target_tables = _tables(source), _tables(target)
    if len(source_tables) == len(target_tables):
        groups += zip(source_tables, target_tables)
    anchors = [
        (range(p.first_sentence, p.end_sentence), range(q.first_sentence, q.end_sentence))
        for sources, targets in groups
        if [p.role for p in sources] == [q.role for q in targets]
        for p, q in zip(sources, targets)
        if _short(p) and q.end_sentence > q.first_sentence
    ]
    return sorted(anchors, key=lambda anchor: anchor[0].start)


def _short(paragraph: Paragraph) -> bool:
    return paragraph.end_sentence > paragraph.first_sentence and word_count(paragraph.text) <= SHORT_TEXT_WORDS


def _headings(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.role == "title" or (p.role or "").startswith("h")]


def _tables(document: Document) -> list[list[Paragraph]]:
    """The cells of each table: runs of consecutive cell paragraphs."""
    tables: list[list[Paragraph]] = []
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.role == "cell":
            if index == 0 or document.paragraphs[index - 1].role != "cell":
                tables.append([])
            tables[-1].append(paragraph)
    return tables


def through(
    anchors: list[Anchor], links: list[tuple[int, int, float]], low: np.ndarray, high: np.ndarray
) -> tuple[list[Anchor], np.ndarray, np.ndarray]:
    """The anchors the search can pass through, and its band (``low``/``high`` per row, see
    dp.align_band) narrowed so that it does: the anchor's sources align with its targets, however
    low the model scores them (text this short is beyond its judgement: a weak bead, info).

    An anchor is left out when a confident link of unanchored text crosses it (one side before it,
    the other after or inside), or when the band narrowed for it would leave a row out of reach. A
    link between anchored texts does not count: the model links the heading "Tickets" and the header
    cell "Ticket" with the same Vietnamese word, "Vé" (held-out dev set n101).
    """
    kept = []
    for sources, targets in _uncrossed(anchors, links):
        trial_low, trial_high = low.copy(), high.copy()
        # Before the anchor's sources, none of its targets; after them, all of them and no later one.
        # The row after its sources is the one column after its targets, so the row of its first
        # source can leave for it only by a bead of its sources and its targets. The rows before stay
        # open to the left: text between two anchors can still be left unaligned on both sides.
        trial_high[: sources.start + 1] = np.minimum(trial_high[: sources.start + 1], targets.start)
        trial_high[: sources.stop + 1] = np.minimum(trial_high[: sources.stop + 1], targets.stop)
        trial_low[sources.start + 1 :] = np.maximum(trial_low[sources.start + 1 :], targets.start)
        trial_low[sources.stop :] = np.maximum(trial_low[sources.stop :], targets.stop)
        if (trial_low <= trial_high).all() and (trial_low[1:] <= trial_high[:-1] + 1).all():  # a 1-1 bead reaches the next row
            kept.append((sources, targets))
            low, high = trial_low, trial_high
    return kept, low, high


def _uncrossed(anchors: list[Anchor], links: list[tuple[int, int, float]]) -> list[Anchor]:
    """The anchors no link of unanchored text crosses. Such a link is never inside an anchor, so it
    crosses one when it is before its sources and not before its targets, or after its sources and
    not after its targets: the largest target of the links before, the smallest of those after, by
    bisection (a 20,000-sentence page of table cells: one check per anchor, not one per link)."""
    anchored_sources = {i for sources, _ in anchors for i in sources}
    anchored_targets = {j for _, targets in anchors for j in targets}
    links = sorted((i, j) for i, j, _ in links if i not in anchored_sources and j not in anchored_targets)
    starts = [i for i, _ in links]
    largest_before = list(accumulate((j for _, j in links), max))
    smallest_after = list(accumulate((j for _, j in reversed(links)), min))[::-1]
    uncrossed = []
    for sources, targets in anchors:
        before, after = bisect_left(starts, sources.start), bisect_left(starts, sources.stop)
        if (before and largest_before[before - 1] >= targets.start) or (after < len(links) and smallest_after[after] < targets.stop):
            continue
        uncrossed.append((sources, targets))
    return uncrossed

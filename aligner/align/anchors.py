"""Structural anchors: the headings, table cells, list items and subtitle cues that a localized document keeps in place.

Localization keeps a document's structure: the same headings at the same levels and the same table
cells and list items, in the same order, and a subtitle translation the template's cue timings. Where both versions
show the same sequence of headings (between two confident links of their other text, so that a
section the translation lacks costs only the headings around it), the k-th heading of one translates
the k-th heading of the other, whatever the model makes of text this short: a heading of two words
and its translation can score under a heading of the same page that shares a word (held-out dev sets
n79, n84, n90: a title paired with a later heading, two header cells with each other, a table label
left unpaired beside its translation). A cue shown at the same time in both files translates that
cue: short subtitle lines ("ارتفعوا ببطء، فقرة تلو الأخرى.", "Từ từ cuộn người lên, từng đốt sống
một.") are as hard for the model, which paired six cues of a stretching video's Arabic and
Vietnamese crosswise (held-out dev set n141). So are a list's short items: a theatre's weekly schedule
("الأربعاء: الواحدة ظهراً والسابعة والنصف مساءً", "Thứ Tư: 13h và 19h30"), each day paired with the next
day's line (held-out dev set n234).

The alignment search is made to pass through each anchor (``through``), unless a confident link
of the backbone says otherwise (sections reordered, a heading dropped and another added).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from ..model import Document, Paragraph
from ..segment import SHORT_TEXT_WORDS, word_count

Anchor = tuple[range, range]  # the source and target sentences of two paragraphs in the same place


class Heading(NamedTuple):
    sentences: range
    role: str  # "title", "h1" .. "h6"
    short: bool  # text too short for the model to judge: a source heading anchors only then (``structure_of``)


@dataclass(frozen=True)
class Structure:
    """What the markup of two documents says corresponds (``structure_of``): each one's headings, and
    paired, the cells of the tables in the same place and the cues shown at the same time."""

    headings: tuple[tuple[Heading, ...], tuple[Heading, ...]] = ((), ())
    in_place: tuple[Anchor, ...] = ()

    def anchors(self, links: Sequence[tuple[int, int, float]] = ()) -> list[Anchor]:
        """The paragraphs in place, and headings with headings: k-th with k-th within each stretch
        between two confident ``links`` where both documents have the same sequence of headings (levels
        included), and the two headings of the same level right before the two sentences of a link,
        the start of the section they head. A translation that lacks a heading, or a whole section,
        loses only the anchors of its stretch that no link right after them places. A link of a
        heading or a cell does not cut: the model pairs short text wrongly."""
        source, target = self.headings
        inside = ({i for h in source for i in h.sentences} | {i for c, _ in self.in_place for i in c},
                  {j for h in target for j in h.sentences} | {j for _, c in self.in_place for j in c})
        cuts = [(i, j) for i, j, _ in sorted(links) if i not in inside[0] and j not in inside[1]]
        source_stretches, target_stretches = _stretches(source, [i for i, _ in cuts]), _stretches(target, [j for _, j in cuts])
        in_place = [
            (p, q)
            for stretch, sources in source_stretches.items()
            if [h.role for h in sources] == [h.role for h in target_stretches.get(stretch, [])]
            for p, q in zip(sources, target_stretches[stretch])
        ]
        source_before, target_before = {h.sentences.stop: h for h in source}, {h.sentences.stop: h for h in target}
        heading_links = [(source_before[i], target_before[j]) for i, j in cuts if i in source_before and j in target_before]
        headings = {(p.sentences, q.sentences) for p, q in in_place + heading_links if p.role == q.role and p.short and q.sentences}
        return sorted([*headings, *self.in_place], key=lambda anchor: anchor[0].start)


def _stretches(headings: Sequence[Heading], cuts: list[int]) -> dict[int, list[Heading]]:
    """The headings by the stretch they are in: how many cuts come at or before their first sentence."""
    stretches: dict[int, list[Heading]] = {}
    for heading in headings:
        stretches.setdefault(bisect_right(cuts, heading.sentences.start), []).append(heading)
    return stretches


def structure_of(source: Document, target: Document) -> Structure:
    """The two documents' headings; the cells of each table paired with those of the table in its
    place, where both documents have as many tables and the two tables as many cells, and the items
    of each list likewise; and the cues of one time span, where each document shows one cue in it.

    Only headings, cells and items too short for the model to judge (the source's, SHORT_TEXT_WORDS) anchor:
    the model is trusted with the rest (the seeds as a web page set a long first paragraph as the
    title, which the Vietnamese edition's title does not translate). A cue's timing is no markup a
    page template repeats: the same span is the same moment of the video, whatever its length."""
    def headings(document: Document) -> tuple[Heading, ...]:
        return tuple(
            Heading(_sentences(p), p.role, _short(p)) for p in document.paragraphs if p.role == "title" or (p.role or "").startswith("h")
        )

    cells_and_items = tuple(pair for role in ("cell", "item") for pair in _in_place(_runs(source, role), _runs(target, role)))
    source_cues, target_cues = _cues(source), _cues(target)
    cues = tuple((_sentences(source_cues[span]), _sentences(target_cues[span])) for span in source_cues.keys() & target_cues.keys())
    return Structure((headings(source), headings(target)), cells_and_items + cues)


def _sentences(paragraph: Paragraph) -> range:
    return range(paragraph.first_sentence, paragraph.end_sentence)


def _short(paragraph: Paragraph) -> bool:
    return paragraph.end_sentence > paragraph.first_sentence and word_count(paragraph.text) <= SHORT_TEXT_WORDS


def _cues(document: Document) -> dict[tuple[str, str], Paragraph]:
    """The subtitle cues with text, by their time span, where no other cue has that span."""
    spans = Counter((p.location.start, p.location.end) for p in document.paragraphs if p.location.start is not None)
    return {
        (p.location.start, p.location.end): p
        for p in document.paragraphs
        if p.location.start is not None and spans[p.location.start, p.location.end] == 1 and p.end_sentence > p.first_sentence
    }


def _runs(document: Document, role: str) -> list[list[Paragraph]]:
    """The cells of each table, or the items of each list: runs of consecutive paragraphs of the role."""
    runs: list[list[Paragraph]] = []
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.role == role:
            if index == 0 or document.paragraphs[index - 1].role != role:
                runs.append([])
            runs[-1].append(paragraph)
    return runs


def _in_place(source: list[list[Paragraph]], target: list[list[Paragraph]]) -> list[Anchor]:
    """Each short paragraph of a run (a table's cells, a list's items) with the one in its place in the
    other's run, where both documents have as many runs and the two runs as many paragraphs."""
    if len(source) != len(target):
        return []
    return [
        (_sentences(p), _sentences(q))
        for s, t in zip(source, target)
        if len(s) == len(t)
        for p, q in zip(s, t)
        if _short(p) and q.end_sentence > q.first_sentence
    ]


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

"""What every check sees: the two documents, their alignment and the user's settings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Sequence, TypeVar

import numpy as np

from ..align import Alignment
from ..embed.base import TokenVectors
from ..model import Bead, Document, Sentence, Span
from ..numbers import extract_numbers, values_said
from ..segment import SHORT_TEXT_WORDS, word_count

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    strict_numbers: bool = False  # number_format findings become warnings
    clauses: bool = True  # look for dropped clauses inside aligned sentences
    min_confidence: float = 0.0  # findings with a lower confidence are not reported


@dataclass
class Pair:
    source: Document
    target: Document
    alignment: Alignment
    embed: Callable[[Sequence[str]], np.ndarray]  # the session's (cached) encoder
    tokens: Callable[[Sequence[str]], list[TokenVectors]] | None = None  # its token vectors, where it has them
    verdict: str = ""
    run_share: float = 0.0  # set with the verdict (check.structure.verdict)
    _facts: dict = field(default_factory=dict, repr=False, compare=False)

    def fact(self, derive: Callable[[Pair], T]) -> T:
        """What ``derive`` finds in the pair, derived once for every check that reads it (the number
        check and the structure check both leave out the moves ``structure.mispaired_moves`` finds)."""
        if derive not in self._facts:
            self._facts[derive] = derive(self)
        return self._facts[derive]

    def length_offset(self, source_chars: int, target_chars: int) -> float:
        """How far a source and a target length are from the pair's usual ratio (log; positive when the target is shorter)."""
        return float(np.log((source_chars + 10) / (target_chars + 10)) - self.alignment.scoring.expected_log_ratio)

    def beyond_judgement(self, source: str, target: str) -> bool:
        """Is the source text short (SHORT_TEXT_WORDS) and the target of a length in the pair's usual
        ratio? Text this short is beyond the model's judgement, and its length is all there is to go by."""
        return word_count(source) <= SHORT_TEXT_WORDS and abs(self.length_offset(len(source), len(target))) <= self.alignment.scoring.length_tolerance

    @property
    def aligned(self) -> list[Bead]:
        return [b for b in self.alignment.beads if b.source and b.target]

    @cached_property
    def _beads_by_sentence(self) -> dict[tuple[bool, bool], dict[int, Bead]]:
        return {
            (source_side, moved): {i: bead for bead in self.aligned if moved or not bead.moved for i in (bead.source if source_side else bead.target)}
            for source_side in (True, False)
            for moved in (True, False)
        }

    def bead_of(self, source_side: bool, moved: bool = False) -> dict[int, Bead]:
        """Each aligned sentence of one side and its bead; beads of moved passages only with ``moved``."""
        return self._beads_by_sentence[(source_side, moved)]

    def means(self, source_side: bool) -> tuple[np.ndarray, np.ndarray]:
        """The mean vector of one side's sentences and of the other's, which centre their embeddings."""
        x, y = self.alignment.sides
        return (x.mean, y.mean) if source_side else (y.mean, x.mean)

    def neighbour_beads(
        self, first: int, last: int, source_side: bool, reach: int = 1, moved: bool = False, across_break: bool = False
    ) -> list[tuple[int, Bead]]:
        """The nearest aligned sentence before ``first`` and after ``last`` of one side, within ``reach``
        sentences and in the paragraph of the sentence it neighbours (any, where the document's breaks
        are not kept: ``Document.keeps_breaks``), each with its bead (``bead_of``).

        With ``across_break``, instead the sentence right before ``first`` and right after ``last``
        where a paragraph break lies between them: a translator who moves a paragraph break may say a
        sentence inside its neighbour's translation across it."""
        bead_of = self.bead_of(source_side, moved)
        document = self.source if source_side else self.target
        sentences = document.sentences
        found = []
        for start, step in ((first, -1), (last, 1)):
            if across_break:
                nearest = start + step if 0 <= start + step < len(sentences) else None
            else:
                nearest = next((i for i in range(start + step, start + step * (reach + 1), step) if i in bead_of), None)
            if nearest in bead_of and (document.keeps_breaks and sentences[nearest].paragraph != sentences[start].paragraph) == across_break:
                found.append((nearest, bead_of[nearest]))
        return found

    @cached_property
    def gaps(self) -> list[tuple[list[int], list[int]]]:
        """The unaligned source and target sentences between each two in-order aligned beads, where
        both sides have some."""
        n, m = len(self.source.sentences), len(self.target.sentences)
        aligned = sorted((b for b in self.aligned if not b.moved), key=lambda b: b.source[0])
        taken_s = {i for b in self.aligned for i in b.source}
        taken_t = {j for b in self.aligned for j in b.target}
        edges = [((-1,), (-1,))] + [(b.source, b.target) for b in aligned] + [((n,), (m,))]
        found = []
        for (s0, t0), (s1, t1) in zip(edges, edges[1:]):
            sources = [i for i in range(s0[-1] + 1, s1[0]) if i not in taken_s]
            targets = [j for j in range(t0[-1] + 1, t1[0]) if j not in taken_t]
            if sources and targets:
                found.append((sources, targets))
        return found

    @cached_property
    def translated_apart(self) -> dict[tuple[bool, int], int]:
        """Sentences translated in another order inside their paragraph, where the aligner could not
        pair them: an unaligned sentence and its counterpart, which a bead of several sentences of the
        other side took in, in the same paragraph. The two are each other's most similar sentence of the
        other side, and say the same numbers, one or more: "The hospital's own charity contributed a
        further £350,000 towards the laboratory.", which the Arabic says a sentence later (held-out dev
        n260), joined to the sentence before it in a bead whose Arabic lacks it. Or both unaligned, where the
        translator split one sentence around another (``_split_around``). Each of the two (its side, True
        for the source, and its index) with the other's index.

        Or the counterpart is held by an in-order bead of one sentence a side, with a sentence of the
        unaligned one's paragraph that resembles it less by APART_GAP or more: the aligner, which keeps
        the order, gave it to the wrong sentence. "A company spokeswoman said no decision had been taken
        on any specific store." is said before the sentence the English has before it, which the Arabic
        joins to an earlier one (held-out dev n310): the aligner paired its Arabic (cosine 0.735) with
        "It did not say how many jobs would be affected." (0.305). Only the unaligned one is recorded."""
        x, y = self.alignment.sides
        similarity = x.vectors @ y.vectors.T
        joined = {(side, i): bead for bead in self.aligned if not bead.moved for side, own in ((True, bead.source), (False, bead.target)) if len(own) > 1 for i in own}
        single = {
            key: partner
            for bead in self.aligned if not bead.moved and len(bead.source) == len(bead.target) == 1
            for key, partner in (((True, bead.source[0]), bead.target[0]), ((False, bead.target[0]), bead.source[0]))
        }
        found: dict[tuple[bool, int], int] = {}
        for side, document in ((True, self.source), (False, self.target)):
            aligned = self.bead_of(side, moved=True)
            other = self.target if side else self.source
            for u in (i for i in range(len(document.sentences)) if i not in aligned):
                v = int((similarity[u] if side else similarity[:, u]).argmax())
                if int((similarity[:, v] if side else similarity[v]).argmax()) != u:
                    continue
                if (w := single.get((not side, v))) is not None:
                    # v's bead holds w, a sentence of u's paragraph
                    resembles = similarity[u, v] if side else similarity[v, u]
                    held = similarity[w, v] if side else similarity[v, w]
                    if document.sentences[w].paragraph == document.sentences[u].paragraph and resembles - held >= APART_GAP:
                        found[side, u] = v
                    continue
                if (bead := joined.get((not side, v))) is not None:
                    beside = bead.source if side else bead.target  # u's side of the bead that took v in
                    apart = document.sentences[beside[0]].paragraph == document.sentences[u].paragraph and _same_numbers(document.sentences[u].text, document.language, other.sentences[v].text, other.language)
                else:
                    apart = v not in self.bead_of(not side, moved=True) and self._split_around(side, u, v)
                if apart:
                    found[side, u], found[not side, v] = v, u
        return found

    def _split_around(self, source_side: bool, u: int, v: int) -> bool:
        """Are two unaligned sentences, ``u`` of one side and ``v`` of the other, one sentence that the
        translator split around a neighbour? Their paragraphs face each other (an aligned bead joins
        them), they share SPLIT_NUMBERS numbers or more, and each says only numbers that the other's
        paragraph says: "Their lender has offered 4.89% for two years, which would lift their payment
        from £742 to about £1,034 a month, and the couple have booked an appointment with a broker for
        Saturday at 10.30am." is said in two Vietnamese sentences around the quotation before it, the
        appointment last (held-out dev n287), and the aligner, which keeps the order, could pair neither."""
        mine, other = (self.source, self.target) if source_side else (self.target, self.source)
        a, b = mine.sentences[u], other.sentences[v]
        sides = ((bead.source, bead.target) if source_side else (bead.target, bead.source) for bead in self.aligned)
        if not any(any(mine.sentences[i].paragraph == a.paragraph for i in own) and any(other.sentences[j].paragraph == b.paragraph for j in theirs) for own, theirs in sides):
            return False
        paragraphs = (" ".join(s.text for s in document.sentences if s.paragraph == sentence.paragraph) for document, sentence in ((mine, a), (other, b)))
        said_mine, said_other = (values_said(text, document.language) for text, document in zip(paragraphs, (mine, other)))
        numbers_a, numbers_b = ([m for m in extract_numbers(s.text, d.language) if m.hard] for s, d in ((a, mine), (b, other)))
        shared = values_said(a.text, mine.language) & values_said(b.text, other.language)
        return (
            len([m for m in numbers_b if set(m.values()) & shared]) >= SPLIT_NUMBERS
            and all(set(m.values()) & said_other for m in numbers_a)
            and all(set(m.values()) & said_mine for m in numbers_b)
        )

    def apart_counterpart(self, source_side: bool, index: int) -> str:
        """Where a sentence translated in another order (``translated_apart``) has its counterpart,
        "the target's line 19", or ''."""
        other = self.translated_apart.get((source_side, index))
        if other is None:
            return ""
        return f"the {'target' if source_side else 'source'}'s {(self.target if source_side else self.source).sentences[other].location}"

    @cached_property
    def gap_partners(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """Per side (0 source, 1 target), each unaligned sentence's unaligned sentences of the other
        side in the same gap (``gaps``)."""
        out: tuple[dict, dict] = ({}, {})
        for sources, targets in self.gaps:
            out[0].update({i: targets for i in sources})
            out[1].update({j: sources for j in targets})
        return out

    def around(self, own: Sequence[int], source_side: bool) -> str:
        """The other side's text around unaligned sentences of one side: the unaligned sentences of
        their gap and the neighbouring beads' (``neighbour_beads``), where a sentence said in other
        words or across a sentence boundary finds its words and numbers."""
        side = 0 if source_side else 1
        near = set(self.gap_partners[side].get(own[0], []))
        for _, bead in self.neighbour_beads(own[0], own[-1], source_side, moved=True):
            near.update(bead.target if source_side else bead.source)
        other = self.target if source_side else self.source
        return " ".join(other.sentences[i].text for i in sorted(near))

    def mirrored(self) -> Pair:
        """The pair seen from the target: its sides, beads, links and length ratio swapped, so that a
        check of what the target leaves out of the source finds what the target adds to it."""
        alignment = self.alignment
        swapped = Alignment(
            [Bead(b.target, b.source, b.score, b.moved) for b in alignment.beads],
            alignment.sides[::-1],
            replace(alignment.scoring, expected_log_ratio=-alignment.scoring.expected_log_ratio),
            [(j, i, margin) for i, j, margin in alignment.links],
        )
        return Pair(self.target, self.source, swapped, self.embed, self.tokens, self.verdict, self.run_share)

    def source_span(self, indices: Sequence[int], highlights=()) -> Span:
        return _span(self.source.sentences, indices, highlights)

    def target_span(self, indices: Sequence[int], highlights=()) -> Span:
        return _span(self.target.sentences, indices, highlights)


def _span(sentences: list[Sentence], indices: Sequence[int], highlights) -> Span:
    if not indices:
        return Span()
    text = " ".join(sentences[i].text for i in indices)
    return Span(sentences[indices[0]].location, text, tuple(highlights), tuple(indices))


def joined_offsets(sentences: list[Sentence], indices: Sequence[int]) -> list[tuple[int, int]]:
    """Where each of the sentences ``indices`` sits in their joined text (``_span``: joined by one space)."""
    spans, offset = [], 0
    for index in indices:
        length = len(sentences[index].text)
        spans.append((offset, offset + length))
        offset += length + 1
    return spans


# How much more an unaligned sentence resembles its counterpart (raw cosine) than the sentence whose 1-1
# bead holds it does, before it counts as translated in another order (``translated_apart``). Dev (26
# held-out sets of batches 36-39, three directions): every 1-1 bead's target taken out of the
# similarities in turn, the source sentence left met this case 3 times, at gaps 0.013, 0.101 and 0.141;
# the faithful ones at 0.430 (n310) and 0.209 ("Dishes will change daily depending on the catch.", said
# inside the Arabic sentence two before, n305), and one of n292 already info (0.048).
APART_GAP = 0.2
# Numbers two unaligned sentences share before they count as one sentence split around a neighbour
# (``Pair._split_around``): as many as vouch for a weak bead (check/structure.NUMBERS_VOUCH).
SPLIT_NUMBERS = 2


def _same_numbers(a: str, a_language: str, b: str, b_language: str) -> bool:
    """Do the two texts say one or more numbers, each of them said by the other?"""
    mine, theirs = ([m for m in extract_numbers(text, language) if m.hard] for text, language in ((a, a_language), (b, b_language)))
    said_a, said_b = values_said(a, a_language), values_said(b, b_language)
    return bool(mine and theirs) and all(set(m.values()) & said_b for m in mine) and all(set(m.values()) & said_a for m in theirs)

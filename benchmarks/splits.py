"""Held-out evaluation: every corpus's documents split into dev (tune on it) and test (quote it).

A document is the corpus's own unit where it has one (an XQuAD article, a PUD news document,
a UDHR article, a TED talk of the MQM corpus); IWSLT's TED lines carry no talk boundaries,
so there a document is a block of ``BLOCK`` consecutive paragraphs. Documents are shuffled
with a fixed seed and the first half is dev, so every benchmark and every run splits alike.
Never inspect single test cases: test figures are for quoting.
"""

from __future__ import annotations

import random
from typing import Hashable, Sequence

SPLIT_SEED = 2026
SPLITS = ("dev", "test")
BLOCK = 12


def blocks(count: int) -> list[int]:
    """Document keys for a corpus without document ids: consecutive blocks of BLOCK paragraphs."""
    return [i // BLOCK for i in range(count)]


def in_split(documents: Sequence[Hashable], split: str) -> list[bool]:
    """For each unit (paragraph, line, segment) with its document key, whether it belongs to ``split``."""
    keys = sorted(set(documents), key=str)
    random.Random(SPLIT_SEED).shuffle(keys)
    dev = set(keys[: len(keys) // 2])
    return [(key in dev) == (split == "dev") for key in documents]

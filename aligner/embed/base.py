"""The encoder interface every embedding backend implements."""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np


class Encoder(Protocol):
    """Turns texts into L2-normalized vectors, one row per text.

    ``name`` identifies the model *and* how it is used (prefix, weights), so the
    embedding cache never serves vectors of one model to another.
    """

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim), rows of unit length."""
        ...

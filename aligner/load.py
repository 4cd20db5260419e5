"""Reading documents: bytes → text → paragraphs with their line numbers.

Paragraphs are blank-line separated blocks, except where a file writes one
paragraph per line (no blank lines between them): then each line is one.
Lines with no letter or digit (a lone ``|``, ``---``) are not content.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import AlignerError

SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}

_NEWLINE = re.compile(r"\r\n|\r|\n")
_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE_END = re.compile(r"""[.!?。؟…:|"”»)\]]\s*$""")


@dataclass(frozen=True)
class RawParagraph:
    text: str
    line: int  # 1-based line of the paragraph's first line
    line_starts: tuple[tuple[int, int], ...]  # (offset in text, 1-based line) for each source line

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, number in self.line_starts:
            if start > offset:
                break
            line = number
        return line


def read_text(path: Path) -> str:
    """Decode a text file (UTF-8 with or without BOM, UTF-16 with BOM) into NFC text."""
    if not path.exists():
        raise AlignerError(f"{path}: no such file")
    if path.is_dir():
        raise AlignerError(f"{path}: is a directory, expected a text file")
    if path.suffix.lower() not in SUFFIXES:
        raise AlignerError(f"{path}: unsupported file type {path.suffix!r} (use .txt or .md)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AlignerError(f"{path}: cannot read: {error.strerror}") from None
    text = _decode(path, data)
    if not any(ch.isalnum() for ch in text):
        raise AlignerError(f"{path}: no text to compare (the file is empty or has no letters or digits)")
    return unicodedata.normalize("NFC", text)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise AlignerError(f"{path}: invalid UTF-16 text") from None
    if b"\x00" in data:
        raise AlignerError(f"{path}: binary file (contains NUL bytes), expected text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AlignerError(
            f"{path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8"
        ) from None


def without_comments(text: str) -> str:
    """HTML comments (``<!-- ... -->``, where Markdown keeps notes and suppressions) blanked, line breaks kept."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def paragraphs(text: str, markdown: bool = False) -> list[RawParagraph]:
    """Split text into paragraphs, keeping the line number of every line; Markdown comments are not content."""
    original = _NEWLINE.split(text)
    visible = _NEWLINE.split(without_comments(text)) if markdown else original
    lines = [(number, line.strip()) for number, line in enumerate(visible, start=1)]
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if line:
            blocks[-1].append((number, line))
        elif original[number - 1].strip():
            continue  # a line that held only a comment separates nothing
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    one_per_line = len(blocks) == 1 and len(blocks[0]) > 1
    result = []
    for block in blocks:
        for group in _split_block(block, one_per_line, markdown):
            content = [(n, line) for n, line in group if any(ch.isalnum() for ch in line)]
            if content:
                result.append(_join(content, markdown))
    return result


def _split_block(block, one_per_line: bool, markdown: bool):
    """A block is one paragraph unless its lines are themselves paragraphs."""
    if one_per_line or all(_SENTENCE_END.search(line) for _, line in block[:-1]) and len(block) > 1 and not markdown:
        return [[item] for item in block]
    groups: list[list[tuple[int, str]]] = [[]]
    for item in block:
        if markdown and _MARKDOWN_PREFIX.match(item[1]) and groups[-1]:
            groups.append([])
        groups[-1].append(item)
    return groups


def _join(lines: list[tuple[int, str]], markdown: bool) -> RawParagraph:
    parts, starts, offset = [], [], 0
    for number, line in lines:
        if markdown:
            line = _MARKDOWN_PREFIX.sub("", line, count=1)
        starts.append((offset, number))
        parts.append(line)
        offset += len(line) + 1
    return RawParagraph(" ".join(parts), lines[0][0], tuple(starts))

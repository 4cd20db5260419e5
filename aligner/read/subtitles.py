"""Subtitles, SRT and WebVTT (pysubs2): each cue is a paragraph, located by its number, time span and line.

A translation often merges or splits cues; the many-to-many alignment pairs them as it pairs
sentences.
"""

from __future__ import annotations

from pathlib import Path

import pysubs2

from ..errors import AlignerError
from ..model import Location
from .base import Block, ReadOptions, Text, decode, has_content
from .text import NEWLINE


def read_srt(path: Path, data: bytes, options: ReadOptions) -> Text:
    return _read(decode(path, data), "srt", path)


def read_vtt(path: Path, data: bytes, options: ReadOptions) -> Text:
    return _read(decode(path, data), "vtt", path)


def _read(text: str, subtitle_format: str, path: Path) -> Text:
    try:
        events = [e for e in pysubs2.SSAFile.from_string(text, format_=subtitle_format) if not e.is_comment]
    except (pysubs2.exceptions.Pysubs2Error, ValueError) as error:
        raise AlignerError(f"{path}: not a valid {subtitle_format.upper()} file: {error}") from None
    if not events:
        raise AlignerError(f"{path}: no subtitle cues found (expected {subtitle_format.upper()} cues such as '00:00:01,000 --> 00:00:02,000')")
    timing_lines = [n for n, line in enumerate(NEWLINE.split(text), start=1) if "-->" in line]
    lines = timing_lines if len(timing_lines) == len(events) else [None] * len(events)
    blocks = []
    for cue, (event, timing_line) in enumerate(zip(events, lines), start=1):
        first = None if timing_line is None else timing_line + 1
        location = Location(first, cue=cue, start=_timestamp(event.start), end=_timestamp(event.end))
        text_lines = event.plaintext.split("\n")
        if has_content(event.plaintext):
            starts, offset = [], 0
            for index, line in enumerate(text_lines):
                if first is not None:
                    starts.append((offset, first + index))
                offset += len(line) + 1
            blocks.append(Block(" ".join(text_lines), location, tuple(starts)))
    return Text(blocks)


def _timestamp(milliseconds: int) -> str:
    seconds, ms = divmod(milliseconds, 1000)
    minutes, s = divmod(seconds, 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}:{s:02d}.{ms:03d}"

"""Readers, one module per input format, all giving the same blocks with locations.

A format is picked by the file's extension, or named (``--input-format``). Monolingual formats
give one ``Text``; bilingual ones (XLIFF, PO) give a ``Bilingual``, both sides of one file.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import AlignerError
from .base import Bilingual, Block, ReadOptions, Text


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    reader: str  # "module:function" in this package, imported when a file of the format is read
    bilingual: bool = False

    def read(self, path: Path, data: bytes, options: ReadOptions) -> Text | Bilingual:
        module, function = self.reader.split(":")
        return getattr(importlib.import_module(f".{module}", __package__), function)(path, data, options)


FORMATS = {
    f.name: f
    for f in (
        Format("text", (".txt", ".text", ""), "text:read"),
        Format("markdown", (".md", ".markdown", ".mdx"), "markdown:read"),
        Format("html", (".html", ".htm", ".xhtml"), "html:read"),
        Format("docx", (".docx",), "docx:read"),
        Format("srt", (".srt",), "subtitles:read_srt"),
        Format("vtt", (".vtt",), "subtitles:read_vtt"),
        Format("xliff", (".xlf", ".xliff"), "xliff:read", bilingual=True),
        Format("po", (".po", ".pot"), "po:read", bilingual=True),
    )
}
# Files that hold one language version of a document: what a repository's groups are made of.
SUFFIXES = {suffix for f in FORMATS.values() if not f.bilingual for suffix in f.suffixes}


def format_of(path: Path, input_format: str | None = None) -> Format:
    if input_format is not None:
        if input_format not in FORMATS:
            raise AlignerError(f"--input-format {input_format}: choose from {', '.join(FORMATS)}")
        return FORMATS[input_format]
    suffix = path.suffix.lower()
    for candidate in FORMATS.values():
        if suffix in candidate.suffixes:
            return candidate
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes if s)
    raise AlignerError(f"{path}: unsupported file type {path.suffix!r} (known: {known}; or give --input-format)")


def read_file(path: Path, input_format: str | None = None, options: ReadOptions = ReadOptions()) -> Text | Bilingual:
    """Read one file with the reader of its format; a file with nothing to compare is an error."""
    reader = format_of(path, input_format)
    if not path.exists():
        raise AlignerError(f"{path}: no such file")
    if path.is_dir():
        raise AlignerError(f"{path}: is a directory, expected a document")
    if not path.is_file():  # a named pipe or a device would block or never end
        raise AlignerError(f"{path}: not a regular file (a pipe, socket or device), expected a document")
    try:
        size = path.stat().st_size
        if size > options.max_file_mb * 1e6:
            raise AlignerError(f"{path}: {size / 1e6:.1f} MB is over the {options.max_file_mb:g} MB limit (raise it with --max-file-size)")
        data = path.read_bytes()
    except OSError as error:
        raise AlignerError(f"{path}: cannot read: {error.strerror}") from None
    result = reader.read(path, data, options)
    blocks = result.source.blocks + result.untranslated if isinstance(result, Bilingual) else result.blocks
    if not blocks:
        raise AlignerError(f"{path}: no text to compare (the file is empty or has no letters or digits)")
    return result


__all__ = ["FORMATS", "SUFFIXES", "Bilingual", "Block", "Format", "ReadOptions", "Text", "format_of", "read_file"]

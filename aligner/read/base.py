"""What every reader gives: a file's paragraphs as blocks of text, each with its location.

A monolingual reader (text, Markdown, HTML, DOCX, subtitles) gives one ``Text``; a bilingual
reader (XLIFF, PO) gives a ``Bilingual``: the source and target sides of one file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import AlignerError
from ..model import Location, Verbatim


@dataclass(frozen=True)
class Block:
    """A paragraph as read: its text and where it starts; ``line_starts`` maps offsets to lines."""

    text: str
    location: Location
    line_starts: tuple[tuple[int, int], ...] = ()  # (offset in text, 1-based line) of each of its lines
    # Its part in the document's structure, where the format marks one that a localized version keeps:
    # "title", a heading "h1".."h6", a table "cell", a list "item"; None for running text.
    role: str | None = None

    def location_at(self, offset: int) -> Location:
        line = self.location.line
        for start, number in self.line_starts:
            if start > offset:
                break
            line = number
        return self.location if line == self.location.line else replace(self.location, line=line)

    @property
    def last_line(self) -> int | None:
        return self.line_starts[-1][1] if self.line_starts else self.location.line


@dataclass
class Text:
    """One language version of a document, as read from its file."""

    blocks: list[Block]
    language: str | None = None  # as the file declares it (<html lang>, XLIFF trgLang, a PO header)
    verbatim: list[Verbatim] = field(default_factory=list)


@dataclass
class Bilingual:
    """A file holding source and translation (XLIFF, PO): units paired by the file itself."""

    source: Text
    target: Text
    untranslated: list[Block] = field(default_factory=list)  # source units with no (or a fuzzy) translation


# The largest file read by default: 64 MB of text is about 16 million tokens, some 30 minutes of
# embedding on two cores (10,800 tokens/s); a larger file is more likely an export or a mistake.
MAX_FILE_MB = 64


@dataclass(frozen=True)
class ReadOptions:
    front_matter_keys: tuple[str, ...] = ("title", "description")  # Markdown front matter that is translated
    max_file_mb: float = MAX_FILE_MB


def decode(path: Path, data: bytes) -> str:
    """Text of a file (UTF-8 with or without BOM, UTF-16 with BOM), NFC-normalized."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise AlignerError(f"{path}: invalid UTF-16 text") from None
    elif b"\x00" in data:
        raise AlignerError(f"{path}: binary file (contains NUL bytes), expected text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise AlignerError(
                f"{path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8"
            ) from None
    return unicodedata.normalize("NFC", text)


def has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in text)

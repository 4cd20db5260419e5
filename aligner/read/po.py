"""gettext PO files (polib): every entry's ``msgid`` against its ``msgstr``.

An entry is a unit, named by its ``msgctxt`` and ``msgid`` and located at the line of its
``msgid`` (source) or ``msgstr`` (target). Obsolete entries are skipped; an entry with an empty or fuzzy ``msgstr`` is
untranslated (gettext does not use fuzzy translations). Plural entries compare the singular
``msgid`` with the first plural form. The target language comes from the ``Language`` header.
"""

from __future__ import annotations

from pathlib import Path

import polib

from ..errors import AlignerError
from ..model import Location
from .base import Bilingual, Block, ReadOptions, Text, decode, has_content
from .text import NEWLINE


def read(path: Path, data: bytes, options: ReadOptions) -> Bilingual:
    text = decode(path, data)
    try:
        catalog = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as error:
        raise AlignerError(f"{path}: not a valid PO file: {error}") from None
    lines = NEWLINE.split(text)
    source, target, untranslated = [], [], []
    for entry in catalog:
        if entry.obsolete or not has_content(entry.msgid):
            continue
        unit = f"{entry.msgctxt} | {entry.msgid}" if entry.msgctxt else entry.msgid
        unit = unit if len(unit) <= 60 else unit[:57] + "..."
        translation = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        source_block = Block(" ".join(entry.msgid.split()), Location(_keyword_line(lines, entry.linenum, "msgid"), unit=unit))
        if not translation.strip() or entry.fuzzy:
            untranslated.append(source_block)
            continue
        source.append(source_block)
        target.append(Block(" ".join(translation.split()), Location(_keyword_line(lines, entry.linenum, "msgstr"), unit=unit)))
    if not source and not untranslated:
        raise AlignerError(f"{path}: no PO entries with text (is it a PO file?)")
    language = catalog.metadata.get("Language") or None
    return Bilingual(Text(source), Text(target, language=language.replace("_", "-").split("-")[0].lower() if language else None), untranslated)


def _keyword_line(lines: list[str], entry_line: int, keyword: str) -> int:
    """The line of the entry's ``msgid`` or ``msgstr`` (polib gives the line where the entry starts)."""
    for number in range(max(entry_line, 1), len(lines) + 1):
        if lines[number - 1].startswith(keyword + " ") or lines[number - 1].startswith(keyword + "["):
            return number
    return entry_line

"""Word files (python-docx, the ``docx`` extra): paragraphs and table cells in document order.

A Word file has no lines: a location is the paragraph's number, counting every paragraph of the
body and of table cells, in document order, from 1. Hyperlink addresses are verbatim link targets.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import AlignerError, require
from ..model import Location, Verbatim
from .base import Block, ReadOptions, Text, has_content


def read(path: Path, data: bytes, options: ReadOptions) -> Text:
    require(("docx",), "reading .docx files", "pip install 'aligner[docx]'")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise AlignerError(f"{path}: not a Word (.docx) file (no valid Office Open XML package inside)") from None
    blocks, verbatim = [], []
    for number, (paragraph, in_table) in enumerate(_paragraphs(document), start=1):
        location = Location(paragraph=number)
        text = " ".join(paragraph.text.split())
        if has_content(text):
            blocks.append(Block(text, location, role="cell" if in_table else _heading_role(paragraph) or _item_role(paragraph)))
        verbatim += [Verbatim("link", link.address, location) for link in paragraph.hyperlinks if link.address]
    return Text(blocks, verbatim=verbatim)  # Word's w:lang is the editor's default, not the text's: detect


def _paragraphs(container, in_table: bool = False):
    """Every paragraph, tables' cells included (a merged cell once), in document order, and whether it is in a table."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            seen = set()
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        yield from _paragraphs(cell, in_table=True)
        else:
            yield item, in_table


def _heading_role(paragraph) -> str | None:
    """``title`` or ``h1``..``h6`` for Word's built-in Title and Heading styles (named in English in every locale)."""
    name = paragraph.style.name if paragraph.style is not None else ""
    if name == "Title":
        return "title"
    level = name.removeprefix("Heading ")
    return f"h{level}" if level != name and level.isdigit() and 1 <= int(level) <= 6 else None


def _item_role(paragraph) -> str | None:
    """``item`` for a paragraph of a bulleted or numbered list: numbered by its own properties or by its
    style (Word's built-in List styles, named in English in every locale)."""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    name = paragraph.style.name if paragraph.style is not None else ""
    return "item" if numbered or name.startswith("List") else None

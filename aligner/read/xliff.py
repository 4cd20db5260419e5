"""XLIFF 1.2 and 2.x (lxml, the ``xliff`` extra): one file, source and target of every unit.

Each unit is a paragraph on both sides, located by its id and the line of its ``<source>`` or
``<target>``. Inline codes (``<ph>``, ``<bpt>``, ``<x/>``, 2.x ``<ph/>``, ``<sc/>``) are not text;
``<g>``, ``<pc>`` and ``<mrk>`` hold text. A unit with ``translate="no"`` is skipped; one whose
target is missing or empty is untranslated. Entities are not resolved and nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import AlignerError, require
from ..model import Location
from .base import Bilingual, Block, ReadOptions, Text, has_content

NAMESPACES = {"urn:oasis:names:tc:xliff:document:1.2": "1.2", "urn:oasis:names:tc:xliff:document:2.0": "2"}
CODES = {"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "sm", "em"}  # inline codes: no text of their own


def read(path: Path, data: bytes, options: ReadOptions) -> Bilingual:
    require(("lxml",), "reading XLIFF files", "pip install 'aligner[xliff]'")
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise AlignerError(f"{path}: not well-formed XML: {error}") from None
    namespace = etree.QName(root).namespace
    version = NAMESPACES.get(namespace or "")
    if etree.QName(root).localname != "xliff" or version is None:
        raise AlignerError(f"{path}: not an XLIFF 1.2 or 2.x file (root element {root.tag!r})")
    ns = {"x": namespace}
    if version == "1.2":
        file = root.find("x:file", ns)
        languages = (file.get("source-language"), file.get("target-language")) if file is not None else (None, None)
        units = [(u.get("id"), u.findall("x:source", ns), u.findall("x:target", ns)) for u in root.iterfind(".//x:trans-unit", ns) if u.get("translate") != "no"]
    else:
        languages = (root.get("srcLang"), root.get("trgLang"))
        units = [
            (u.get("id"), u.findall("x:segment/x:source", ns), u.findall("x:segment/x:target", ns))
            for u in root.iterfind(".//x:unit", ns) if u.get("translate") != "no"
        ]
    source, target, untranslated = [], [], []
    for unit_id, source_elements, target_elements in units:
        source_text = _joined(source_elements)
        if not has_content(source_text):
            continue
        source_block = Block(source_text, Location(source_elements[0].sourceline, unit=unit_id))
        target_text = _joined(target_elements)
        if not target_text:
            untranslated.append(source_block)
            continue
        source.append(source_block)
        target.append(Block(target_text, Location(target_elements[0].sourceline, unit=unit_id)))
    if not source and not untranslated:
        raise AlignerError(f"{path}: no translation units with text")
    return Bilingual(Text(source, language=_code(languages[0])), Text(target, language=_code(languages[1])), untranslated)


def _joined(elements) -> str:
    """The text of a unit's ``<source>`` (or ``<target>``) elements, one per segment."""
    return " ".join(text for text in map(_text, elements) if text)


def _text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            parts.append(child.tail or "")
            continue
        if child.tag.rsplit("}", 1)[-1] not in CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _code(language: str | None) -> str | None:
    return language.replace("_", "-").split("-")[0].lower() if language else None

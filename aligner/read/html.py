"""HTML: the text of block elements, with source lines (BeautifulSoup on Python's html.parser).

Not prose: ``<script>``, ``<style>``, ``<template>``, ``<svg>``, the head (but its ``<title>``),
and anything under ``translate="no"``. ``<pre>`` and ``<code>`` are verbatim code, ``href`` and
``src`` verbatim link targets, for the markup check. ``<html lang>`` declares the language.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from ..model import Location, Verbatim
from .base import Block, ReadOptions, Text, decode, has_content

INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
    "label", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr",
}
SKIPPED = {"script", "style", "template", "svg", "math", "noscript", "iframe", "object", "head", "textarea", "select"}
TRANSLATED_IN_HEAD = {"title"}
VERBATIM = {"pre", "code"}
# Elements inside the flow of the text around them; any other ends the block before it, shown or not:
# "the<pre>x</pre>the" is two blocks.
IN_FLOW = INLINE | SKIPPED | {"code"}
# The blocks whose place in the page a localized version keeps (see Block.role).
ROLES = {"title": "title", "th": "cell", "td": "cell", "li": "item", **{f"h{level}": f"h{level}" for level in range(1, 7)}}
_WHITESPACE = re.compile(r"(\s+)")


class _Builder:
    """The text of one block, whitespace collapsed, and the line where each of its lines starts."""

    def __init__(self, role: str | None = None) -> None:
        self.role = role
        self.parts: list[str] = []
        self.length = 0
        self.first_line: int | None = None
        self.starts: list[tuple[int, int]] = []

    def add(self, string: str, line: int) -> None:
        """Add a string that starts on ``line`` (later than the last one when skipped markup took lines)."""
        for piece in _WHITESPACE.split(string):
            if not piece:
                continue
            if piece.isspace():
                if self.length and self.parts[-1] != " ":
                    self.parts.append(" ")
                    self.length += 1
                line += piece.count("\n")
                continue
            if not self.starts or self.starts[-1][1] != line:
                self.first_line = self.first_line or line
                self.starts.append((self.length, line))
            self.parts.append(piece)
            self.length += len(piece)

    def block(self) -> Block | None:
        text = "".join(self.parts).rstrip()
        if self.first_line is None or not has_content(text):
            return None
        return Block(text, Location(self.first_line), tuple(self.starts), self.role)


def read(path: Path, data: bytes, options: ReadOptions) -> Text:
    # Whitespace kept as written everywhere (by default BeautifulSoup shortens a run of blank
    # lines between tags to one "\n"): the line of a text is counted through the strings before it.
    soup = BeautifulSoup(decode(path, data), "html.parser", preserve_whitespace_tags={"[document]", "pre", "textarea"})
    blocks: list[Block] = []
    verbatim: list[Verbatim] = []
    owner, builder = None, _Builder()
    line, newlines = 1, 0  # the last tag's line, and the newlines in the text after it
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.sourceline is not None:  # a tag the parser made up (a stray </p>) has none
                line, newlines = node.sourceline, 0
            if node.name not in IN_FLOW:
                owner = None
            if _excluded(node):
                continue
            if node.name in VERBATIM:
                verbatim.append(Verbatim("code", node.get_text().strip("\n"), Location(line)))
            for attribute in ("href", "src"):
                if isinstance(node.get(attribute), str) and node.name in ("a", "img", "area", "source", "video", "audio"):
                    verbatim.append(Verbatim("link", node[attribute], Location(line)))
            continue
        here = line + newlines
        newlines += node.count("\n")  # script text and comments take lines too
        if type(node) is not NavigableString or _excluded(node):
            continue  # comments, doctype, CDATA, processing instructions; script, style
        block_owner = next(p for p in node.parents if p.name not in INLINE)
        if block_owner is not owner:
            _flush(builder, blocks)
            owner, builder = block_owner, _Builder(_role(block_owner))
        builder.add(str(node), here)
    _flush(builder, blocks)
    language = soup.html.get("lang") if soup.html else None
    return Text(blocks, language=str(language).split("-")[0].lower() if language else None, verbatim=verbatim)


def _role(owner: Tag) -> str | None:
    """The block's role (see Block.role): its element's, or a cell's for any block inside a table cell
    (a list there too), or an item's inside a list item."""
    role = ROLES.get(owner.name)
    if role in (None, "item") and owner.find_parent(("td", "th")) is not None:
        return "cell"
    return role or ("item" if owner.find_parent("li") is not None else None)


def _excluded(node) -> bool:
    """Is the node outside prose: in a skipped element (the head but its title), or inside verbatim code?"""
    for parent in node.parents:
        if parent.name in TRANSLATED_IN_HEAD:
            return False
        if parent.name in SKIPPED or parent.name in VERBATIM or parent.get("translate") == "no":
            return True
    return isinstance(node, Tag) and (node.name in SKIPPED or node.get("translate") == "no")


def _flush(builder: _Builder, blocks: list[Block]) -> None:
    block = builder.block()
    if block is not None:
        blocks.append(block)

"""Markdown, parsed as CommonMark (markdown-it-py) with tables and admonitions.

Content: headings, paragraphs, list items, table cells, block quotes, admonitions (MkDocs
``!!! note``, Docusaurus ``:::note``) and the front matter keys that are translated (``title``,
``description`` by default). Not prose: fenced and indented code, inline code, HTML, link
targets and image paths — code and link targets are kept apart as verbatim text, which the
markup check compares between source and translation.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from itertools import islice
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin

from ..errors import AlignerError
from ..model import Location, Verbatim
from .base import Block, ReadOptions, Text, decode, has_content
from .text import NEWLINE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DOCUSAURUS_ADMONITIONS = ("note", "tip", "info", "warning", "danger", "caution", "important")
_FENCES = {"---": "yaml", "+++": "toml"}


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table").use(admon_plugin)
    for name in DOCUSAURUS_ADMONITIONS:
        parser.use(container_plugin, name=name)
    return parser


_PARSER = _parser()


def read(path: Path, data: bytes, options: ReadOptions) -> Text:
    lines = NEWLINE.split(decode(path, data))
    front, body_start = _front_matter(lines, options.front_matter_keys, path)
    body = "\n" * body_start + "\n".join(lines[body_start:])  # keeps the line numbers of the body
    blocks, verbatim = list(front), []
    opener, items = None, 0  # the token before, and how many list items are open
    for token in _PARSER.parse(body):
        items += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if token.type in ("fence", "code_block"):
            verbatim.append(Verbatim("code", token.content.strip("\n"), Location(token.map[0] + 1)))
        elif token.type == "inline":
            block = _inline_block(token, verbatim)
            if block is not None:
                blocks.append(replace(block, role=_role(opener) or ("item" if items else None)))
        opener = token
    return Text(blocks, verbatim=verbatim)


def _role(opener: Token | None) -> str | None:
    """The structural role of the inline run after ``opener``: a heading's level or a table cell (a list
    item's is the reader's, which counts the items open)."""
    if opener is None:
        return None
    if opener.type == "heading_open":
        return opener.tag
    return "cell" if opener.type in ("th_open", "td_open") else None


def _inline_block(inline: Token, verbatim: list[Verbatim]) -> Block | None:
    """The prose of one inline run: text kept, code and link targets set aside as verbatim."""
    line = inline.map[0] + 1
    parts, starts, offset, cursor = [], [(0, line)], 0, 0
    for child in inline.children or ():
        if child.type == "text":
            parts.append(child.content)
            offset += len(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            line += 1
            parts.append(" ")
            offset += 1
            starts.append((offset, line))
        elif child.type == "code_inline":
            verbatim.append(Verbatim("code", child.content, Location(line)))
            newlines, cursor = _code_span_newlines(inline.content, cursor, child.markup)
            if newlines:
                line += newlines
                starts.append((offset, line))
        elif child.type == "html_inline" and "\n" in child.content:
            line += child.content.count("\n")
            starts.append((offset, line))
        elif child.type in ("link_open", "image"):
            target = child.attrs.get("href") or child.attrs.get("src")
            if target:
                verbatim.append(Verbatim("link", str(target), Location(line)))
    text = "".join(parts)
    if not has_content(text):
        return None
    lead = len(text) - len(text.lstrip())
    starts = tuple((max(0, start - lead), number) for start, number in starts)
    return Block(text.strip(), Location(inline.map[0] + 1), starts)


_BACKTICKS = re.compile(r"(?<!`)`+(?!`)")


def _code_span_newlines(source: str, cursor: int, markup: str) -> tuple[int, int]:
    """The line ends inside the next code span of an inline run's source, and where the span ends.

    markdown-it turns them into spaces in the span's content, so the words after a span that
    crosses lines would sit on its first line. The span opens at the first run of exactly its
    backticks after the previous span (an earlier run of that length would have been its opener)."""
    runs = list(islice((m for m in _BACKTICKS.finditer(source, cursor) if len(m.group()) == len(markup)), 2))
    if len(runs) < 2:
        return 0, cursor
    return source.count("\n", runs[0].end(), runs[1].start()), runs[1].end()


def _front_matter(lines: list[str], keys: tuple[str, ...], path: Path) -> tuple[list[Block], int]:
    """The translated keys of a YAML (``---``) or TOML (``+++``) front matter, and the body's first line index."""
    fence = lines[0].strip() if lines else ""
    if fence not in _FENCES:
        return [], 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == fence), None)
    if end is None:
        return [], 0  # no closing fence: a thematic break, not front matter
    source = "\n".join(lines[1:end])
    try:
        values = yaml.safe_load(source) if _FENCES[fence] == "yaml" else tomllib.loads(source)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        raise AlignerError(f"{path}: front matter is not valid {_FENCES[fence].upper()}: {str(error).splitlines()[0]}") from None
    if not isinstance(values, dict):
        return [], end + 1
    blocks = []
    for key in keys:
        value = values.get(key)
        if isinstance(value, str) and has_content(value):
            line = next((i + 1 for i in range(1, end) if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*[:=]", lines[i])), 1)
            blocks.append(Block(" ".join(value.split()), Location(line)))
    return blocks, end + 1

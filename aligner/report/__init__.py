"""Report formats. A new format is a function ``Report -> str`` registered in ``FORMATS``."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from rich.console import Console

from ..model import Report
from .json import render_json
from .terminal import render_terminal


def render_text(report: Report, width: int = 100, full: bool = False) -> str:
    """The terminal report as plain text (for files)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    render_terminal(report, console, full=full)
    return console.export_text()


FORMATS = {
    "terminal": render_text,
    "json": lambda report, **_: render_json(report),  # the JSON report has no layout options
}


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never a half-written report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


__all__ = ["FORMATS", "render_json", "render_terminal", "render_text", "write_atomic"]

"""Report formats, one module each.

A format of ``aligner compare`` is a function ``Report -> str`` registered in ``FORMATS``; a
format of ``aligner check`` is a function ``(CheckReport, fail_on) -> str`` in ``CHECK_RENDERERS``.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from rich.console import Console

from ..model import CheckReport, Report
from .github import render_github
from .gitlab import render_gitlab
from .json import render_check_json, render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .terminal import render_check, render_terminal


def render_text(report: Report, width: int = 100, full: bool = False) -> str:
    """The terminal report as plain text (for files)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    render_terminal(report, console, full=full)
    return console.export_text()


def render_check_text(check: CheckReport, fail_on: str = "error", width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    render_check(check, console)
    return console.export_text()


# ``aligner check``: each format a function (CheckReport, fail_on) -> str.
CHECK_RENDERERS = {
    "terminal": render_check_text,
    "json": render_check_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
    "gitlab": render_gitlab,
    "markdown": render_markdown,
}

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


__all__ = ["CHECK_RENDERERS", "FORMATS", "render_check", "render_json", "render_terminal", "render_text", "write_atomic"]

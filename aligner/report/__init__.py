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

from ..errors import AlignerError
from ..model import CheckReport, Report
from .github import render_github
from .gitlab import render_gitlab
from .html import render_html, render_pages
from .json import render_check_json, render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .terminal import REPOSITORY_RULES, new_findings_only, render_check, render_terminal


def render_text(report: Report, width: int = 100, full: bool = False) -> str:
    """The terminal report as plain text (for files)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    render_terminal(report, console, full=full)
    return console.export_text()


def render_check_text(check: CheckReport, fail_on: str = "error", width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    render_check(check, console)
    return console.export_text()


def render_check_html(check: CheckReport, fail_on: str = "error") -> str:
    """Every group's new findings on one page, under the group's name."""
    repository = [i.finding for i in check.issues if i.status == "new" and i.finding.kind in REPOSITORY_RULES]
    return render_pages(list(zip(check.groups, new_findings_only(check))), f"aligner check: {check.summary}", repository)


# ``aligner check``: each format a function (CheckReport, fail_on) -> str.
CHECK_RENDERERS = {
    "terminal": render_check_text,
    "json": render_check_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
    "gitlab": render_gitlab,
    "markdown": render_markdown,
    "html": render_check_html,
}

FORMATS = {
    "terminal": render_text,
    "json": lambda report, **_: render_json(report),  # the JSON report has no layout options
    "html": render_html,
}


def _mode_for(path: Path) -> int:
    """The mode of the file replaced, else what a new file gets (mkstemp makes it private)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never a half-written report."""
    try:
        _write_through_rename(path, content)
    except OSError as error:  # a full disk, a read-only folder: the file named, the old report intact
        raise AlignerError(f"{path}: cannot write the report: {error.strerror or error}") from None


def _write_through_rename(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


__all__ = ["CHECK_RENDERERS", "FORMATS", "render_check", "render_html", "render_json", "render_terminal", "render_text", "write_atomic"]

"""Document groups of a repository: each source page with its translations, from path patterns.

A pattern is a path glob (``*`` within a folder, ``**`` across folders) with a ``{lang}``
placeholder; the files it matches that differ only in the language form one group. Without
configured patterns the common layouts are tried: Docusaurus (``docs/`` with
``i18n/{lang}/docusaurus-plugin-content-docs/current/``), a language suffix (``guide.ar.md``)
and locale folders (``docs/ar/guide.md``). A ``{lang}`` must be a language CLDR knows, so a
folder named ``js`` is no locale. Which files count as documents is the readers' business
(``SUFFIXES``), not this module's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from babel import Locale, UnknownLocaleError

from ..errors import AlignerError
from ..read import SUFFIXES
from .config import Config, GroupPattern

SKIPPED_FOLDERS = {"node_modules", "__pycache__", "site-packages"}
_EXTENSIONS = "|".join(sorted(re.escape(s[1:]) for s in SUFFIXES if s))
DETECTED = {
    "Docusaurus": GroupPattern("i18n/{lang}/docusaurus-plugin-content-docs/current/**/*", "docs/**/*"),
    "language suffix": GroupPattern("**/*.{lang}.*"),
    "locale folders": GroupPattern("**/{lang}/**/*"),
}


@dataclass
class Group:
    key: str  # the group's path with its language as {lang}, e.g. docs/{lang}/guide.md
    layout: str
    files: dict[str, str] = field(default_factory=dict)  # language -> path relative to the root


@dataclass(frozen=True)
class Discovery:
    groups: list[Group]
    source: str
    targets: tuple[str, ...]
    summary: str  # one line for the user: what was found, and how


@lru_cache(maxsize=None)
def is_language(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


@lru_cache(maxsize=None)
def pattern_regex(pattern: str) -> re.Pattern:
    """A glob with ``{lang}`` as a regex; every wildcard is a group, so matches differing only in language share them."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("{lang}", i):
            out.append(r"(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)")
            i += 6
        elif pattern.startswith("**/", i):
            out.append(r"((?:[^/]+/)*)")
            i += 3
        elif pattern.startswith("**", i):
            out.append(r"(.*)")
            i += 2
        elif pattern[i] == "*":
            out.append(r"([^/]*)")
            i += 1
        elif pattern[i] == "?":
            out.append(r"([^/])")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def document_files(root: Path) -> list[str]:
    """Every readable document under ``root``, as sorted POSIX paths relative to it."""
    found = []
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS)
        for name in files:
            if Path(name).suffix.lower() in SUFFIXES - {""}:
                found.append(PurePosixPath(Path(directory, name).relative_to(root)).as_posix())
    return sorted(found)


def _excluded(path: str, exclude: tuple[str, ...]) -> bool:
    return any(pattern_regex(pattern).fullmatch(path) for pattern in exclude)


def match_groups(files: list[str], pattern: GroupPattern, layout: str, source: str | None) -> dict[str, Group]:
    """Groups of ``files`` under one pattern, keyed by the wildcards' values."""
    groups: dict[str, Group] = {}

    def add(wildcards: tuple, language: str, path: str, key: str) -> None:
        group = groups.setdefault("\0".join(wildcards), Group(key, layout))
        group.files.setdefault(language, path)

    target = pattern_regex(pattern.target)
    source_regex = pattern_regex(pattern.source) if pattern.source else None
    for path in files:
        match = target.fullmatch(path)
        if match and is_language(match["lang"]):
            wildcards = tuple(g for name, g in _groups(match) if name != "lang")
            add(wildcards, match["lang"], path, path[: match.start("lang")] + "{lang}" + path[match.end("lang") :])
        elif source_regex and source and (match := source_regex.fullmatch(path)):
            add(tuple(match.groups()), source, path, path)
    return groups


def _groups(match: re.Match) -> list[tuple[str | None, str]]:
    names = {index: name for name, index in match.re.groupindex.items()}
    return [(names.get(i), match.group(i) or "") for i in range(1, (match.re.groups or 0) + 1)]


def discover(root: Path, config: Config) -> Discovery:
    files = [f for f in document_files(root) if not _excluded(f, config.exclude)]
    patterns = {f"group pattern {p.target!r}": p for p in config.groups} if config.groups else DETECTED
    groups: list[Group] = []
    taken: set[str] = set()
    counts: dict[str, int] = {}
    source = config.source or "en"
    for layout, pattern in patterns.items():
        found = match_groups([f for f in files if f not in taken], pattern, layout, source)
        # A detected layout counts where it pairs some files; then its lone files are findings
        # (a page without translation, a translation without source), not noise.
        real = config.groups or any(len(g.files) >= 2 for g in found.values())
        kept = list(found.values()) if real else []
        if config.groups and not found:
            where = config.path or "configuration"
            raise AlignerError(f"{where}: {layout} matches no file under {root}")
        for group in kept:
            taken.update(group.files.values())
        groups += kept
        counts[layout] = len(kept)
    if not groups:
        raise AlignerError(f"{root}: no document groups found (give [tool.aligner] groups, e.g. 'docs/{{lang}}/**/*.md')")
    languages = sorted({lang for g in groups for lang in g.files})
    if config.source is None and "en" not in languages:
        source = max(languages, key=lambda lang: sum(lang in g.files for g in groups))
        for group in groups:  # a source pattern's files were filed under "en": re-file them
            if "en" in group.files:
                group.files[source] = group.files.pop("en")
    targets = config.targets or tuple(lang for lang in languages if lang != source)
    how = ", ".join(f"{n} by {layout}" for layout, n in counts.items() if n)
    summary = f"found {len(groups)} document groups ({how}): {source} → {', '.join(targets) or 'no translation'}"
    return Discovery(sorted(groups, key=lambda g: g.key), source, targets, summary)

"""The repository's configuration: ``[tool.aligner]`` in ``pyproject.toml``, or ``aligner.toml``.

Found the way ruff finds its own: ``--config FILE``, else the first ``aligner.toml`` or
``pyproject.toml`` with a ``[tool.aligner]`` table in the checked directory or above it. Every
key is optional; an unknown key or a bad value is an error naming the file and the key.

    [tool.aligner]
    source = "en"                      # the language translations are checked against
    targets = ["ar", "vi"]             # default: every language found
    groups = ["docs/{lang}/**/*.md"]   # default: the common layouts are detected
    exclude = ["**/drafts/**"]
    fail-on = "error"
    strict-numbers = false
    min-confidence = 0.0
    select = ["omission", "number_mismatch"]   # default: every rule
    ignore = ["moved"]
    model = "openvino"
    front-matter-keys = ["title", "description"]   # Markdown front matter that is translated
    missing-translation = "warning"    # severity of a source page without a translation
    orphan-translation = "warning"     # and of a translation without a source
    stale-translation = "warning"      # a translation older than a later change of its source

    [tool.aligner.per-path-ignores]
    "docs/vi/legacy/**" = ["omission"]

A group pattern is a path pattern with a ``{lang}`` placeholder, or a table of two patterns for
layouts where the source has no language in its path (Docusaurus):
``{ source = "docs/**/*.md", target = "i18n/{lang}/docusaurus-plugin-content-docs/current/**/*.md" }``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AlignerError
from ..model import FAIL_ON, Severity
from ..read import ReadOptions
from ..rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SEVERITIES = tuple(s.value for s in Severity) + ("off",)


@dataclass(frozen=True)
class GroupPattern:
    """Where the documents of one layout are: ``target`` has ``{lang}``; ``source`` too, unless given apart."""

    target: str
    source: str | None = None  # None: the target pattern with the source language


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file read (None: defaults)
    source: str | None = None
    targets: tuple[str, ...] = ()
    groups: tuple[GroupPattern, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "error"
    strict_numbers: bool = False
    min_confidence: float = 0.0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    model: str | None = None
    missing_translation: str = "warning"
    orphan_translation: str = "warning"
    stale_translation: str = "warning"
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    front_matter_keys: tuple[str, ...] = ReadOptions.front_matter_keys


def find_config(start: Path, explicit: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise AlignerError(f"{explicit}: config file not found")
        return read_config(explicit)
    for directory in (start.resolve(), *start.resolve().parents):
        for name in ("aligner.toml", "pyproject.toml"):
            candidate = directory / name
            if candidate.is_file() and (name == "aligner.toml" or "tool" in _toml(candidate) and "aligner" in _toml(candidate)["tool"]):
                return read_config(candidate)
    return Config()


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AlignerError(f"{path}: not valid TOML: {exc}") from None


def read_config(path: Path) -> Config:
    data = _toml(path)
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("aligner", {})
    where = f"{path}: [tool.aligner]" if path.name == "pyproject.toml" else str(path)
    return parse_config(data, where, path)


def parse_config(data: dict, where: str, path: Path | None = None) -> Config:
    """A Config from the table's values, every one checked."""
    keys = {
        "source", "targets", "groups", "exclude", "fail-on", "strict-numbers", "min-confidence", "select",
        "ignore", "model", "missing-translation", "orphan-translation", "stale-translation", "per-path-ignores",
        "front-matter-keys",
    }
    for key in data:
        if key not in keys:
            raise AlignerError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(keys))})")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise AlignerError(f"{where}: {key!r} must be a list of strings")
        return tuple(value)

    def choice(key: str, choices: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if value not in choices:
            raise AlignerError(f"{where}: {key!r} must be one of {', '.join(choices)}, not {value!r}")
        return value

    def language(value, key: str) -> str:
        if not isinstance(value, str) or not value.replace("-", "").replace("_", "").isalpha():
            raise AlignerError(f"{where}: {key!r} must be a language code such as 'en', not {value!r}")
        return value

    def rules(key: str) -> tuple[str, ...]:
        names = strings(key)
        for name in names:
            if name not in RULES:
                raise AlignerError(f"{where}: {key!r}: unknown rule {name!r} (rules: {', '.join(RULES)})")
        return names

    per_path = data.get("per-path-ignores", {})
    if not isinstance(per_path, dict):
        raise AlignerError(f"{where}: 'per-path-ignores' must be a table of pattern = [rules]")
    per_path_ignores = {}
    for pattern, names in per_path.items():
        if not isinstance(names, list) or not all(name in RULES for name in names):
            raise AlignerError(f"{where}: per-path-ignores {pattern!r} must be a list of rules ({', '.join(RULES)})")
        per_path_ignores[pattern] = tuple(names)

    confidence = data.get("min-confidence", 0.0)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise AlignerError(f"{where}: 'min-confidence' must be a number from 0 to 1, not {confidence!r}")
    strict = data.get("strict-numbers", False)
    if not isinstance(strict, bool):
        raise AlignerError(f"{where}: 'strict-numbers' must be true or false, not {strict!r}")
    model = data.get("model")
    if model is not None and (not isinstance(model, str) or not model):
        raise AlignerError(f"{where}: 'model' must be a string such as 'openvino'")

    return Config(
        path=path,
        source=language(data["source"], "source") if "source" in data else None,
        targets=tuple(language(v, "targets") for v in strings("targets")),
        groups=_group_patterns(data.get("groups", []), where),
        exclude=strings("exclude"),
        fail_on=choice("fail-on", FAIL_ON, "error"),
        strict_numbers=strict,
        min_confidence=float(confidence),
        select=rules("select"),
        ignore=rules("ignore"),
        model=model,
        missing_translation=choice("missing-translation", SEVERITIES, "warning"),
        orphan_translation=choice("orphan-translation", SEVERITIES, "warning"),
        stale_translation=choice("stale-translation", SEVERITIES, "warning"),
        per_path_ignores=per_path_ignores,
        front_matter_keys=strings("front-matter-keys") if "front-matter-keys" in data else Config.front_matter_keys,
    )


def _group_patterns(values, where: str) -> tuple[GroupPattern, ...]:
    if not isinstance(values, list):
        raise AlignerError(f"{where}: 'groups' must be a list of patterns")
    patterns = []
    for value in values:
        if isinstance(value, str) and "{lang}" in value:
            patterns.append(GroupPattern(value))
        elif isinstance(value, dict) and set(value) == {"source", "target"} and all(isinstance(v, str) for v in value.values()) and "{lang}" in value["target"]:
            patterns.append(GroupPattern(value["target"], value["source"]))
        else:
            raise AlignerError(
                f"{where}: 'groups': {value!r} must be a pattern with {{lang}} such as 'docs/{{lang}}/**/*.md', "
                "or a table {source = ..., target = ...} whose target has {lang}"
            )
    return tuple(patterns)

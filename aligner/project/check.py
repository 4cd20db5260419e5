"""``aligner check``: every document group of a repository, compared and gathered into one report.

Groups are independent, so they run in parallel worker processes (``jobs``), each loading
the model once and sharing the embedding cache; reports come back in group order, so the
output is the same whatever the number of jobs. Then come the repository's own findings
(missing, orphan and stale translations), suppressions, per-path ignores, rule selection and
the baseline.
"""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from ..errors import AlignerError
from ..model import NOWHERE, CheckReport, Finding, Issue, Location, Report, Severity, Span
from ..read import ReadOptions, format_of
from ..rules import default_severity
from . import git
from .baseline import apply_baseline, fingerprint, read_baseline
from .config import Config
from .discover import Discovery, Group, discover, pattern_regex
from .suppressions import COMMENTED_FORMATS, Suppression, find_suppressions


@dataclass(frozen=True)
class Options:
    """What the command line adds to the configuration."""

    changed_since: str | None = None
    baseline: Path | None = None
    jobs: int = 0  # 0: every core
    no_cache: bool = False
    scheduler: str | None = None  # a Dask distributed scheduler's address: run the groups there


@dataclass(frozen=True)
class _Task:
    root: str
    group: Group
    source: str
    targets: tuple[str, ...]
    config: Config
    no_cache: bool


_encoder = None


def _worker_init(model: str, no_cache: bool) -> None:
    global _encoder
    from ..embed import CachedEncoder, load_encoder

    encoder = load_encoder(model)
    _encoder = encoder if no_cache else CachedEncoder(encoder)


def _compare_on_cluster(task: _Task, model: str) -> Report:
    """A Dask task: the worker process loads the model on its first group and keeps it."""
    if _encoder is None:
        _worker_init(model, task.no_cache)
    return _compare_group(task)


def _compare_group(task: _Task) -> Report:
    from ..check import Settings
    from ..pipeline import compare, load_document

    root = Path(task.root)
    languages = [task.source, *(lang for lang in task.targets if lang in task.group.files)]
    options = ReadOptions(front_matter_keys=task.config.front_matter_keys)
    documents = [load_document(root / task.group.files[lang], lang, options) for lang in languages]
    for document, lang in zip(documents, languages):  # repository-relative paths, in messages too
        document.path = task.group.files[lang]
    settings = Settings(strict_numbers=task.config.strict_numbers, min_confidence=task.config.min_confidence)
    return compare(documents, _encoder, 0, settings)


def run_check(
    root: Path,
    config: Config,
    options: Options,
    progress: Callable[[str], None] | None = None,
    announce: Callable[[str], None] | None = None,
) -> CheckReport:
    """Check the repository at ``root``; ``announce`` hears what was found, ``progress`` each group as it is done."""
    root = root.resolve()
    found = discover(root, config)
    if announce:
        announce(found.summary)
    groups = _changed_groups(root, found, options.changed_since) if options.changed_since else found.groups
    comparable = [g for g in groups if found.source in g.files and any(t in g.files for t in found.targets)]
    reports = _compare_all(root, comparable, found, config, options, progress)
    issues = []
    for group, report in zip(comparable, reports):
        for comparison in report.comparisons:
            source, target = report.documents[comparison.source].path, report.documents[comparison.target].path
            issues += [_issue(f, group.key, source, target) for f in comparison.findings]
    issues += _repository_findings(root, groups, found, config)
    issues = _select(_number_repeats(issues), config)
    issues = _suppress(root, issues, config, comparable)
    fixed: list[dict] = []
    if options.baseline is not None:
        issues, fixed = apply_baseline(issues, read_baseline(options.baseline))
    scope = f" ({len(groups)} changed since {options.changed_since})" if options.changed_since else ""
    return CheckReport(reports, issues, fixed, found.summary + scope, [g.key for g in comparable])


def _compare_all(root: Path, groups: list[Group], found: Discovery, config: Config, options: Options, progress) -> list[Report]:
    """Every group's report, in group order, however they are run."""
    tasks = [_Task(str(root), g, found.source, found.targets, config, options.no_cache) for g in groups]
    reports = []
    for index, report in enumerate(_run_tasks(tasks, config, options), 1):
        if progress:
            progress(f"[{index}/{len(tasks)}] {tasks[index - 1].group.key}")
        reports.append(report)
    return reports


def _run_tasks(tasks: list[_Task], config: Config, options: Options) -> Iterator[Report]:
    """Reports as they are done: here, in worker processes, or on a Dask cluster."""
    from ..embed import DEFAULT_MODEL

    if not tasks:
        return  # no model to load
    model = config.model or DEFAULT_MODEL
    jobs = min(options.jobs or os.cpu_count() or 1, len(tasks))
    if options.scheduler:
        yield from _on_dask(tasks, model, options.scheduler)
    elif jobs == 1:
        _worker_init(model, options.no_cache)
        yield from map(_compare_group, tasks)
    else:
        with ProcessPoolExecutor(jobs, initializer=_worker_init, initargs=(model, options.no_cache)) as pool:
            yield from pool.map(_compare_group, tasks)


def _on_dask(tasks: list[_Task], model: str, scheduler: str) -> Iterator[Report]:
    """The groups as tasks on a Dask distributed cluster; results come back in group order.

    The workers read the documents from the same path, so the repository must be on a file
    system they share (or checked out at the same path on each).
    """
    try:
        from distributed import Client
    except ImportError:
        raise AlignerError("--scheduler needs Dask: pip install 'aligner[dask]'") from None
    try:
        client = Client(scheduler, timeout=30)
    except OSError as exc:
        raise AlignerError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None
    with client:
        for future in client.map(_compare_on_cluster, tasks, model=model, pure=False):
            yield future.result()


def _changed_groups(root: Path, found: Discovery, ref: str) -> list[Group]:
    if not git.is_repository(root):
        raise AlignerError(f"--changed-since {ref}: {root} is not a git checkout")
    changed = git.changed_since(root, ref)
    return [g for g in found.groups if changed & set(g.files.values())]


def _number_repeats(issues: list[Issue]) -> list[Issue]:
    """Identical findings (the same caption omitted twice) get distinct fingerprints, by occurrence."""
    seen: Counter = Counter()
    numbered = []
    for issue in issues:
        seen[issue.fingerprint] += 1
        if seen[issue.fingerprint] > 1:
            issue = replace(issue, fingerprint=f"{issue.fingerprint[:28]}{seen[issue.fingerprint]:04x}")
        numbered.append(issue)
    return numbered


def _issue(finding: Finding, group: str, source: str | None, target: str | None) -> Issue:
    return Issue(finding, group, source, target, fingerprint(finding, group, target))


def _repository_findings(root: Path, groups: list[Group], found: Discovery, config: Config) -> list[Issue]:
    """Missing translations, orphan translations and (in a git checkout) stale translations."""
    issues = []

    def add(kind: str, setting: str, source: str | None, target: str | None, message: str, group: Group, language: str) -> None:
        if setting != "off":
            finding = Finding(kind, Severity(setting), Span(Location(1) if source else NOWHERE, source), Span(Location(1) if target else NOWHERE, target), message)
            issues.append(Issue(finding, group.key, source, target, fingerprint(finding, group.key, target or f"{source} ({language})")))

    tracked = git.is_repository(root)
    for group in groups:
        source = group.files.get(found.source)
        for language in found.targets:
            target = group.files.get(language)
            if source and not target:
                add("missing_translation", config.missing_translation, source, None, f"{source} has no {language} translation", group, language)
            elif target and not source:
                add("orphan_translation", config.orphan_translation, None, target, f"{target} has no {found.source} source page", group, language)
            elif source and target and tracked:
                stale = _stale(root, source, target)
                if stale:
                    add("stale_translation", config.stale_translation, source, target, stale, group, language)
    return issues


def _stale(root: Path, source: str, target: str) -> str | None:
    source_commit, target_commit = git.last_change(root, source), git.last_change(root, target)
    # By history, not by clock: commits of one second, or a rebase, must not hide a later change.
    if source_commit and target_commit and source_commit.sha != target_commit.sha and git.is_ancestor(root, target_commit.sha, source_commit.sha):
        return (
            f"{source} changed in {source_commit.sha[:10]} ({source_commit.date}), after {target} "
            f"was last changed in {target_commit.sha[:10]} ({target_commit.date})"
        )
    return None


def _relative(root: Path, path: Path | None) -> str:
    """A path for the report: relative to the repository where it is inside it."""
    if path is None:
        return "configuration"
    path = path.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _select(issues: list[Issue], config: Config) -> list[Issue]:
    selected = set(config.select) if config.select else None
    return [i for i in issues if (selected is None or i.finding.kind in selected) and i.finding.kind not in config.ignore]


def _suppress(root: Path, issues: list[Issue], config: Config, groups: list[Group]) -> list[Issue]:
    """Mark what inline suppressions and per-path ignores cover; report those that covered nothing."""
    suppressions: list[Suppression] = []
    for path in sorted({p for g in groups for p in g.files.values() if format_of(Path(p)).name in COMMENTED_FORMATS}):
        suppressions += find_suppressions(path, root / path)
    used: set[Suppression] = set()
    used_patterns: set[str] = set()
    marked = []
    for issue in issues:
        kind, finding = issue.finding.kind, issue.finding
        hits = [s for s in suppressions if (s.path == issue.source_path and s.covers(kind, finding.source.line))
                or (s.path == issue.target_path and s.covers(kind, finding.target.line))]
        patterns = [p for p, rules in config.per_path_ignores.items() if kind in rules
                    and any(path and pattern_regex(p).fullmatch(path) for path in (issue.source_path, issue.target_path))]
        if hits or patterns:
            used.update(hits)
            used_patterns.update(patterns)
            issue = replace(issue, status="suppressed")
        marked.append(issue)
    for s in suppressions:
        if s not in used:
            what = ", ".join(sorted(s.rules)) or "every rule"
            finding = Finding("unused_suppression", default_severity("unused_suppression"), Span(), Span(Location(s.line), s.path), f"suppression of {what} at {s.path}:{s.line} covers no finding")
            marked.append(Issue(finding, s.path, None, s.path, fingerprint(finding, s.path, s.path)))
    for pattern in config.per_path_ignores:
        if pattern not in used_patterns:
            where = _relative(root, config.path)
            finding = Finding("unused_suppression", default_severity("unused_suppression"), Span(), Span(Location(1), where), f"per-path-ignores {pattern!r} in {where} covers no finding")
            marked.append(Issue(finding, where, None, where, fingerprint(finding, pattern, where)))
    return marked

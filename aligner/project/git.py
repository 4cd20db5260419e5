"""What git knows about the documents: files changed since a ref, and when each file last changed.

Every call runs the ``git`` command line in the repository; none changes anything.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import AlignerError


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # ISO 8601, the committer date
    timestamp: int


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise AlignerError("git is not installed") from None
    if result.returncode:
        raise AlignerError(f"git {' '.join(args)}: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else 'failed'}")
    return result.stdout


def is_repository(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except AlignerError:
        return False


def top_level(root: Path) -> Path:
    return Path(_git(root, "rev-parse", "--show-toplevel").strip())


def changed_since(root: Path, ref: str) -> set[str]:
    """Paths (relative to ``root``) changed between the merge base of ``ref`` and HEAD, and in the work tree.

    Renames count for both names, so a moved page re-checks its group under the new name.
    """
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    committed = _git(root, "diff", "--name-status", "-M", "--relative", f"{ref}...HEAD")
    uncommitted = _git(root, "diff", "--name-status", "-M", "--relative", "HEAD")
    paths = set()
    for line in (committed + uncommitted).splitlines():
        status, *names = line.split("\t")
        paths.update(names)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    return paths | set(untracked.splitlines())


def last_change(root: Path, path: str) -> Commit | None:
    """The last commit that changed ``path`` (following renames), or None for a file git does not track."""
    out = _git(root, "log", "-1", "--follow", "--format=%H %cI %ct", "--", path).strip()
    if not out:
        return None
    sha, date, timestamp = out.split()
    return Commit(sha, date, int(timestamp))


def is_ancestor(root: Path, older: str, newer: str) -> bool:
    """Is commit ``older`` an ancestor of ``newer`` (in its history)?"""
    result = subprocess.run(["git", "-C", str(root), "merge-base", "--is-ancestor", older, newer], capture_output=True, timeout=60)
    return result.returncode == 0

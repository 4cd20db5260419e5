"""``aligner check`` on a repository of 60 document groups: cold and warm, one job and every core, and --changed-since.

The repository is built in a temporary folder from ../shared/corpora: the 48 XQuAD articles
(5 paragraphs each, en/ar/vi) and 12 stretches of UDHR sections (en/ar/vi), as
``docs/{lang}/NAME.md`` (locale folders, detected without configuration), committed with git.

Runs, each a fresh ``aligner check`` process with its own embedding cache (the built model is
shared): cold with --jobs 1, warm with --jobs 1, cold with every core, warm with every core,
then one Arabic page edited and committed and ``--changed-since HEAD~1``. "embedded" is the
number of vectors the run added to the cache: 0 on a warm run.

    .venv/bin/python benchmarks/repository.py

Writes benchmarks/results/repository.json.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
RESULTS = ROOT / "benchmarks" / "results"
ALIGNER = ROOT / ".venv" / "bin" / "aligner"
LANGUAGES = ("en", "ar", "vi")
UDHR_GROUPS = 12


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n")[:-1]


def build_repository(root: Path) -> int:
    xquad = {lang: lines(CORPORA / "xquad-en-ar-vi" / f"contexts.{lang}") for lang in LANGUAGES}
    articles = [line.split("\t")[1] for line in lines(CORPORA / "xquad-en-ar-vi" / "contexts.ids")]
    udhr = {lang: lines(CORPORA / "udhr-en-ar-vi" / f"udhr.sections.{lang}") for lang in LANGUAGES}
    pages: dict[str, dict[str, list[str]]] = {}
    for index, article in enumerate(articles):
        for lang in LANGUAGES:
            pages.setdefault(article.lower(), {}).setdefault(lang, []).append(xquad[lang][index])
    size = len(udhr["en"]) // UDHR_GROUPS
    for group in range(UDHR_GROUPS):
        stretch = slice(group * size, (group + 1) * size)
        pages[f"udhr-{group + 1:02d}"] = {lang: [s.replace(" ¶ ", "\n\n") for s in udhr[lang][stretch]] for lang in LANGUAGES}
    for name, by_language in pages.items():
        for lang, paragraphs in by_language.items():
            path = root / "docs" / lang / f"{name}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "docs")
    return len(pages)


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def vectors(cache: Path) -> int:
    database = cache / "embeddings.sqlite3"
    if not database.exists():
        return 0
    with sqlite3.connect(database) as db:
        return db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]


def run(repo: Path, cache: Path, *args: str) -> dict:
    before = vectors(cache)
    started = time.perf_counter()
    result = subprocess.run(
        [str(ALIGNER), "check", "--format", "json", *args], cwd=repo, capture_output=True, text=True,
        env={**os.environ, "ALIGNER_CACHE_DIR": str(cache)},
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"aligner check {' '.join(args)}: {result.stderr.strip()}")
    report = json.loads(result.stdout)
    return {"seconds": round(seconds, 1), "groups_checked": len(report["groups"]), "embedded": vectors(cache) - before}


def main() -> None:
    cores = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        repo = folder / "repo"
        groups = build_repository(repo)
        print(f"repository: {groups} document groups in en, ar, vi ({sum(1 for _ in repo.rglob('*.md'))} files)")
        print(f"{'run':34} {'seconds':>8} {'groups':>7} {'embedded':>9}")
        for jobs in (1, cores):
            cache = folder / f"cache-{jobs}"
            for state in ("cold", "warm"):
                row = {"run": f"{state}, --jobs {jobs}", **run(repo, cache, "--jobs", str(jobs))}
                rows.append(row)
                print(f"{row['run']:34} {row['seconds']:8.1f} {row['groups_checked']:7} {row['embedded']:9}", flush=True)
        page = repo / "docs" / "ar" / "udhr-03.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        git(repo, "commit", "-q", "-am", "edit one Arabic page")
        row = {"run": f"--changed-since HEAD~1, --jobs {cores}", **run(repo, folder / f"cache-{cores}", "--changed-since", "HEAD~1")}
        rows.append(row)
        print(f"{row['run']:34} {row['seconds']:8.1f} {row['groups_checked']:7} {row['embedded']:9}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "repository.json").write_text(json.dumps({"groups": groups, "cores": cores, "runs": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()

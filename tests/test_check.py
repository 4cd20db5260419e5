"""``aligner check`` end to end: a real git repository, the real CLI as a subprocess, the real model."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import CORPORA, SEEDS


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env).stdout


def udhr(language: str, first: int, count: int) -> str:
    lines = (CORPORA / "udhr-en-ar-vi" / f"udhr.sections.{language}").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(line.replace(" ¶ ", "\n\n") for line in lines[first : first + count]) + "\n"


@pytest.fixture
def repo(tmp_path) -> Path:
    """Locale folders (docs/{lang}/) and language suffixes (guide/*.{lang}.md), committed, then the
    English seed edited in a later commit so that its translations are stale."""
    root = tmp_path / "site"
    for language in ("en", "ar", "vi"):
        (root / "docs" / language).mkdir(parents=True)
        (root / "docs" / language / "haiphong.md").write_text((SEEDS / f"haiphong.{language}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "docs" / "en" / "haiduong.md").write_text((SEEDS / "haiduong.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "guide").mkdir()
    for language in ("en", "ar"):
        (root / "guide" / f"rights.{language}.md").write_text(udhr(language, 1, 4), encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "docs")
    source = root / "docs" / "en" / "haiphong.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "edit the English page")
    return root


def check(run_cli, repo: Path, *args: str):
    result = run_cli("check", "--format", "json", "--jobs", "1", *args, cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout), result.stderr


def by_rule(report: dict, status: str = "new") -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for issue in report["issues"]:
        if issue["status"] == status:
            found.setdefault(issue["kind"], []).append(issue)
    return found


def test_finds_the_groups_of_both_layouts_and_the_repository_findings(run_cli, repo):
    code, report, stderr = check(run_cli, repo)
    assert code == 1  # the seeds have real errors
    assert "found 3 document groups (1 by language suffix, 2 by locale folders): en → ar, vi" in stderr
    assert [g["group"] for g in report["groups"]] == ["docs/{lang}/haiphong.md", "guide/rights.{lang}.md"]
    rules = by_rule(report)
    assert sorted(i["source_path"] for i in rules["missing_translation"]) == ["docs/en/haiduong.md", "docs/en/haiduong.md", "guide/rights.en.md"]
    stale = rules["stale_translation"]
    assert sorted(i["target_path"] for i in stale) == ["docs/ar/haiphong.md", "docs/vi/haiphong.md"]
    head, first = git(repo, "rev-parse", "HEAD").strip(), git(repo, "rev-parse", "HEAD~1").strip()
    assert head[:10] in stale[0]["message"] and first[:10] in stale[0]["message"]
    number = next(i for i in rules["number_added"] if i["target_path"] == "docs/ar/haiphong.md")
    assert number["target"]["line"] == 12 and "06" in number["message"]


def test_a_baseline_accepts_old_findings_and_fails_on_a_new_one(run_cli, repo, tmp_path):
    baseline = tmp_path / "baseline.json"
    result = run_cli("check", "--jobs", "1", "--write-baseline", str(baseline), cwd=repo)
    assert result.returncode == 0, result.stderr
    code, report, _ = check(run_cli, repo, "--baseline", str(baseline))
    assert code == 0 and not by_rule(report) and by_rule(report, "baselined")
    # Lines move above the findings: the baseline still holds (fingerprints, not line numbers).
    arabic = repo / "docs" / "ar" / "haiphong.md"
    lines = arabic.read_text(encoding="utf-8").split("\n")
    arabic.write_text("\n".join(["", ""] + lines), encoding="utf-8")
    code, report, _ = check(run_cli, repo, "--baseline", str(baseline))
    assert code == 0, by_rule(report)
    # A new discrepancy fails, and only it is new.
    lines[8] = lines[8].replace("628", "682")
    arabic.write_text("\n".join(lines), encoding="utf-8")
    code, report, _ = check(run_cli, repo, "--baseline", str(baseline))
    new = by_rule(report)
    assert code == 1 and list(new) == ["number_mismatch"] and "682" in new["number_mismatch"][0]["message"]
    # The English page gets the project number its Arabic has: that baselined finding is fixed, and said to be.
    source = repo / "docs" / "en" / "haiphong.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Project No.", "Project No. 06", 1), encoding="utf-8")
    _, report, _ = check(run_cli, repo, "--baseline", str(baseline))
    # (Findings that quote the edited sentence change fingerprint too: they are fixed and new again.)
    assert ("number_added", "docs/ar/haiphong.md") in [(e["rule"], e["path"]) for e in report["fixed"]]
    assert not [i for i in by_rule(report).get("number_added", []) if i["target_path"] == "docs/ar/haiphong.md"]


def test_inline_suppression_and_an_unused_one(run_cli, repo):
    arabic = repo / "docs" / "ar" / "haiphong.md"
    lines = arabic.read_text(encoding="utf-8").split("\n")
    lines.insert(11, "<!-- aligner: ignore number_added -->")  # before line 12, "رقم 06"
    lines.insert(0, "<!-- aligner: ignore moved -->")  # covers a paragraph with no move
    arabic.write_text("\n".join(lines), encoding="utf-8")
    _, report, _ = check(run_cli, repo)
    assert [i["target"]["line"] for i in by_rule(report, "suppressed")["number_added"]] == [14]
    assert "number_added" not in {k for k, v in by_rule(report).items() if any(i["target_path"] == "docs/ar/haiphong.md" for i in v)}
    unused = by_rule(report)["unused_suppression"]
    assert len(unused) == 1 and "moved" in unused[0]["message"] and unused[0]["target"]["line"] == 1


def test_changed_since_checks_only_the_groups_with_a_changed_file(run_cli, repo):
    _, report, stderr = check(run_cli, repo, "--changed-since", "HEAD~1")
    assert [g["group"] for g in report["groups"]] == ["docs/{lang}/haiphong.md"]
    assert "(1 changed since HEAD~1)" in report["summary"]
    guide = repo / "guide" / "rights.ar.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, report, _ = check(run_cli, repo, "--changed-since", "HEAD")
    assert [g["group"] for g in report["groups"]] == ["guide/rights.{lang}.md"]


def test_configuration_in_pyproject(run_cli, repo):
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.aligner]\nsource = "en"\ntargets = ["ar"]\ngroups = ["docs/{lang}/**/*.md"]\n'
        'ignore = ["moved"]\nmissing-translation = "off"\n[tool.aligner.per-path-ignores]\n"docs/ar/**" = ["number_added"]\n',
        encoding="utf-8",
    )
    _, report, stderr = check(run_cli, repo)
    assert "found 2 document groups" in stderr and "en → ar" in stderr
    rules = by_rule(report)
    assert "moved" not in rules and "missing_translation" not in rules and "number_added" not in rules
    assert by_rule(report, "suppressed")["number_added"]


@pytest.mark.parametrize(
    "config, message",
    [
        ('[tool.aligner]\nsourc = "en"\n', "pyproject.toml: [tool.aligner]: unknown key 'sourc'"),
        ('[tool.aligner]\nfail-on = "sometimes"\n', "'fail-on' must be one of error, warning, info, never"),
        ('[tool.aligner]\ngroups = ["books/{lang}/*.md"]\n', "group pattern 'books/{lang}/*.md' matches no file"),
        ('[tool.aligner]\nignore = ["omision"]\n', "'ignore': unknown rule 'omision'"),
        ('[tool.aligner\n', "not valid TOML"),
    ],
)
def test_a_bad_configuration_is_one_line_and_exit_2(run_cli, repo, config, message):
    (repo / "pyproject.toml").write_text(config, encoding="utf-8")
    result = run_cli("check", cwd=repo)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_docusaurus_layout(run_cli, tmp_path):
    root = tmp_path / "docusaurus"
    (root / "docs" / "intro").mkdir(parents=True)
    (root / "i18n" / "ar" / "docusaurus-plugin-content-docs" / "current" / "intro").mkdir(parents=True)
    (root / "docs" / "intro" / "rights.md").write_text(udhr("en", 5, 3), encoding="utf-8")
    (root / "i18n" / "ar" / "docusaurus-plugin-content-docs" / "current" / "intro" / "rights.md").write_text(udhr("ar", 5, 3), encoding="utf-8")
    result = run_cli("check", "--format", "json", "--jobs", "1", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    assert "1 by Docusaurus" in result.stderr
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["groups"][0]["documents"]] == [
        "docs/intro/rights.md", "i18n/ar/docusaurus-plugin-content-docs/current/intro/rights.md",
    ]
    assert report["groups"][0]["comparisons"][0]["verdict"] == "parallel"


def test_every_ci_format_at_once(run_cli, repo, tmp_path):
    import jsonschema
    import junitparser

    reports = tmp_path / "reports"
    summary = tmp_path / "step-summary.md"
    result = run_cli(
        "check", "--jobs", "2", "--format", "sarif", "-o", str(reports / "aligner.sarif"), "--format", "junit", "-o", str(reports / "junit.xml"),
        "--format", "gitlab", "-o", str(reports / "codequality.json"), "--format", "markdown", "-o", str(reports / "comment.md"), "--format", "github",
        cwd=repo, env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1, result.stderr
    sarif = json.loads((reports / "aligner.sarif").read_text())
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"number_added", "omission", "stale_translation", "missing_translation"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(("docs/", "guide/")) for r in results)
    suite = next(iter(junitparser.JUnitXml.fromfile(str(reports / "junit.xml"))))
    assert suite.failures >= 1 and {case.classname for case in suite} >= {"docs/{lang}/haiphong.md", "guide/rights.{lang}.md"}
    quality = json.loads((reports / "codequality.json").read_text())
    assert quality and all({"description", "check_name", "fingerprint", "severity", "location"} <= set(q) for q in quality)
    assert len({q["fingerprint"] for q in quality}) == len(quality)
    annotations = result.stdout.splitlines()
    assert annotations and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)
    assert "docs/ar/haiphong.md" in (reports / "comment.md").read_text()
    assert "| " in summary.read_text() and "number_added" in summary.read_text()
    # The same run with one job gives the same report.
    again = run_cli("check", "--jobs", "1", "--format", "sarif", cwd=repo)
    assert json.loads(again.stdout)["runs"][0]["results"] == results


@pytest.fixture
def dask_cluster(cache_dir):
    """A real Dask scheduler and two workers on loopback, as subprocesses."""
    import os
    import signal
    import socket
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "ALIGNER_CACHE_DIR": str(cache_dir)}
    dask = str(Path(sys.executable).parent / "dask")  # the dask command line of this environment
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    worker = [dask, "worker", address, "--nthreads", "1", "--no-dashboard"]
    processes += [subprocess.Popen(worker, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) for _ in range(2)]
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        time.sleep(0.1)


def test_a_dask_cluster_gives_the_local_report(run_cli, repo, dask_cluster):
    local = run_cli("check", "--jobs", "1", "--format", "json", cwd=repo)
    remote = run_cli("check", "--scheduler", dask_cluster, "--format", "json", cwd=repo)
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert remote.stdout == local.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (("check", "missing-folder"), "missing-folder: not a directory"),
        (("check", "--format", "pdf"), "unknown format 'pdf'"),
        (("check", "--format", "sarif", "--format", "json"), "only one --format can go to standard output"),
        (("check", "-o", "a.txt", "-o", "b.txt"), "give a --format before each -o"),
        (("check", "."), "no document groups found"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(run_cli, tmp_path, args, message):
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.stderr

"""Reports that do not depend on how they were made, and runs that survive each other and being killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from samples import SEEDS, ted_lines


def aligner(*args, cache, env=os.environ, **kwargs) -> subprocess.Popen:
    env = {**env, "ALIGNER_CACHE_DIR": str(cache)}
    return subprocess.Popen([sys.executable, "-m", "aligner", *map(str, args)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def finished(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


SEED_FILES = [SEEDS / f"haiphong.{lang}.txt" for lang in ("en", "ar", "vi")]


def test_the_same_inputs_give_byte_identical_json_whatever_the_cache_holds(tmp_path):
    """Cold cache, warm cache, no cache, and a cache filled by another comparison first: the same bytes."""
    runs = [finished(aligner("compare", *SEED_FILES, "--format", "json", cache=tmp_path / "a"))]
    runs.append(finished(aligner("compare", *SEED_FILES, "--format", "json", cache=tmp_path / "a")))
    runs.append(finished(aligner("compare", *SEED_FILES, "--format", "json", "--no-cache", cache=tmp_path / "b")))
    finished(aligner("compare", SEED_FILES[0], SEED_FILES[2], cache=tmp_path / "c"))  # the cache holds en and vi, embedded without ar
    runs.append(finished(aligner("compare", *SEED_FILES, "--format", "json", cache=tmp_path / "c")))
    assert {code for code, _, _ in runs} == {1}, [err for _, _, err in runs]
    assert len({out for _, out, _ in runs}) == 1


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "repo"
    for language in ("en", "ar", "vi"):
        folder = root / "docs" / language
        folder.mkdir(parents=True)
        (folder / "haiphong.md").write_text((SEEDS / f"haiphong.{language}.txt").read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "talk.md").write_text("\n\n".join(ted_lines("en" if language == "ar" else language, 12)) + "\n", encoding="utf-8")
    return root


def test_repository_reports_are_the_same_with_one_job_or_many(repository, tmp_path):
    outputs = []
    for jobs in ("1", "3"):
        code, _, err = finished(aligner("check", repository, "--jobs", jobs, "--format", "sarif", "-o", tmp_path / f"{jobs}.sarif",
                                        "--format", "json", "-o", tmp_path / f"{jobs}.json", cache=tmp_path / f"cache{jobs}"))
        assert code == 1, err
        outputs.append(((tmp_path / f"{jobs}.sarif").read_bytes(), (tmp_path / f"{jobs}.json").read_bytes()))
    assert outputs[0] == outputs[1]


def test_eight_runs_at_once_share_one_cache(tmp_path):
    cache = tmp_path / "cache"
    runs = [aligner("compare", *SEED_FILES[:2], "--format", "json", cache=cache) for _ in range(8)]
    results = [finished(run) for run in runs]
    assert all(code in (0, 1) for code, _, _ in results), [(code, err.splitlines()[-3:]) for code, _, err in results]
    assert not any("warning" in err or "locked" in err for _, _, err in results), [err for _, _, err in results]
    assert len({out for _, out, _ in results}) == 1
    again = finished(aligner("compare", *SEED_FILES[:2], "--format", "json", cache=cache))
    assert again[1] == results[0][1] and "warning" not in again[2]


def test_a_run_killed_at_any_moment_leaves_the_old_report_or_a_whole_new_one(tmp_path):
    documents = []
    for language in ("en", "vi"):
        path = tmp_path / f"talk.{language}.txt"
        path.write_text("\n\n".join(ted_lines(language, 300)) + "\n", encoding="utf-8")
        documents.append(path)
    report = tmp_path / "report.json"
    report.write_text("the previous report", encoding="utf-8")
    cache = tmp_path / "cache"
    for delay in (0.5, 1.5, 3.0, 5.0):
        run = aligner("compare", *documents, "--format", "json", "-o", report, cache=cache)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.communicate()
        text = report.read_text(encoding="utf-8")
        assert text == "the previous report" or json.loads(text)["schema_version"] == 1
    code, _, err = finished(aligner("compare", *documents, "--format", "json", "-o", report, cache=cache))
    assert code in (0, 1) and "warning" not in err, err
    clean = finished(aligner("compare", *documents, "--format", "json", "--no-cache", cache=tmp_path / "other"))
    assert report.read_text(encoding="utf-8") == clean[1]


def test_a_report_that_cannot_be_written_is_one_clear_error(tmp_path):
    if os.geteuid() == 0:  # root writes anywhere: /proc refuses new files to everyone
        target = "/proc/aligner-report/report.json"
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "report.json"
    code, out, err = finished(aligner("compare", *SEED_FILES[:2], "--format", "json", "-o", target, cache=tmp_path / "cache"))
    assert code == 2 and out == ""
    assert err.startswith("aligner: error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.fixture
def full_disk(tmp_path):
    """A 256 kB file system, filled (a tmpfs: needs root, as CI runs)."""
    mount = tmp_path / "full"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        (mount / "report.json").write_text("the previous report", encoding="utf-8")
        with open(mount / "filler", "wb") as filler:
            try:
                filler.write(b"\0" * 300_000)
            except OSError:
                pass  # full
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_means_no_cache_and_a_clear_error_for_the_report(full_disk, tmp_path):
    code, out, err = finished(aligner("compare", *SEED_FILES[:2], "--format", "json", cache=full_disk / "cache"))
    assert code in (0, 1) and json.loads(out)["schema_version"] == 1
    assert "embedding without a cache" in err and "Traceback" not in err
    code, out, err = finished(aligner("compare", *SEED_FILES[:2], "--format", "json", "-o", full_disk / "report.json", cache=tmp_path / "cache"))
    assert code == 2 and err.strip().splitlines()[-1] == f"aligner: error: {full_disk / 'report.json'}: cannot write the report: No space left on device"
    assert (full_disk / "report.json").read_text(encoding="utf-8") == "the previous report"


def test_runs_that_start_together_on_a_fresh_machine_build_the_model_once_between_them(tmp_path):
    """Each builds the graph when none is there; one that finished later once replaced the build
    another had started to compile into, which then failed (OpenVINO: cannot set permissions)."""
    models = tmp_path / "models"
    runs = [aligner("compare", *SEED_FILES[:2], "--format", "json", cache=tmp_path / f"cache{k}", env={**os.environ, "ALIGNER_MODEL_DIR": str(models)})
            for k in range(4)]
    results = [finished(run) for run in runs]
    assert all(code in (0, 1) for code, _, _ in results), [err for _, _, err in results]
    assert len({out for _, out, _ in results}) == 1
    assert not [p for p in models.iterdir() if p.name.endswith((".partial", ".old"))]

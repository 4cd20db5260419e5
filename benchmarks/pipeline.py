"""Wall time per stage (load / segment / embed / align / check / report) and peak memory.

Scenarios: the seed comparisons, a long synthetic en–vi pair (2,100 TED-talk lines of
../shared/corpora/iwslt15-en-vi, detokenized, six lines to a paragraph), and its abridged edition
(every third Vietnamese line left out: hundreds of sentence omissions, each with its evidence). Each scenario runs in a
fresh process, first with an empty embedding cache (cold), then again with the cache it filled
(warm). Prints a table and writes benchmarks/results/pipeline.json.

    .venv/bin/python benchmarks/pipeline.py [--skip-long]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SEEDS = ROOT / "seeds"
RESULTS = ROOT / "benchmarks" / "results"
LONG_LINES = 2100
STAGES = ("load", "segment", "embed", "align", "check", "report")

SCENARIOS = {
    "seeds en→ar": ["haiphong.en.txt", "haiphong.ar.txt"],
    "seeds en→vi": ["haiphong.en.txt", "haiphong.vi.txt"],
    "seeds ar→vi": ["haiphong.ar.txt", "haiphong.vi.txt"],
    "seeds en→ar,vi": ["haiphong.en.txt", "haiphong.ar.txt", "haiphong.vi.txt"],
    "seeds en→unrelated": ["haiphong.en.txt", "haiduong.en.txt"],
}


def detokenize(line: str) -> str:
    line = html.unescape(line.replace("\ufeff", "")).strip()
    line = re.sub(r" ([.,!?;:%)\]])", r"\1", line)
    line = re.sub(r"([(\[]) ", r"\1", line)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'m|'d)\b", r"\1", line)


def write_long_pair(directory: Path, abridged: bool = False) -> list[Path]:
    paths = []
    for language in ("en", "vi"):
        lines = []
        for name in ("tst2012", "tst2013"):
            lines += (CORPORA / "iwslt15-en-vi" / f"{name}.{language}").read_text(encoding="utf-8").splitlines()
        lines = [detokenize(line) for line in lines[:LONG_LINES]]
        if abridged and language == "vi":
            lines = [line if k % 3 != 2 else "" for k, line in enumerate(lines)]
        paragraphs = [" ".join(line for line in lines[i : i + 6] if line) for i in range(0, len(lines), 6)]
        path = directory / f"ted{'-abridged' if abridged else ''}.{language}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_one(files: list[str]) -> dict:
    """Run the pipeline once in this process and measure it."""
    from aligner.embed import CachedEncoder, load_encoder
    from aligner.pipeline import Timings, compare, load_document
    from aligner.report import render_json, render_text

    timings = Timings()
    documents = [load_document(path, timings=timings) for path in files]
    started = time.perf_counter()
    encoder = CachedEncoder(load_encoder())
    timings.add("embed", started)  # model loading counts as embedding
    report = compare(documents, encoder, timings=timings)
    started = time.perf_counter()
    render_json(report)
    render_text(report)
    timings.add("report", started)
    return {
        "seconds": {stage: round(timings.seconds.get(stage, 0.0), 3) for stage in STAGES},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sentences": [len(d.sentences) for d in documents],
        "embedded": encoder.misses,
        "verdicts": [c.verdict for c in report.comparisons],
        "summary": report.counts(),
    }


def measure(name: str, files: list[str], cache: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--one", *files],
        capture_output=True, text=True, env={**os.environ, "ALIGNER_CACHE_DIR": str(cache)},
    )
    if result.returncode:
        sys.exit(f"{name}: {result.stderr.strip().splitlines()[-1]}")
    return {"scenario": name, **json.loads(result.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--skip-long", action="store_true", help="only the seed scenarios")
    parser.add_argument("--only", help="only the scenarios whose name contains this")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        scenarios = {name: [str(SEEDS / f) for f in files] for name, files in SCENARIOS.items()}
        if not args.skip_long:
            scenarios[f"long en→vi ({LONG_LINES} lines)"] = [str(p) for p in write_long_pair(temporary)]
            scenarios["long en→vi, abridged"] = [str(p) for p in write_long_pair(temporary, abridged=True)]
        for name, files in scenarios.items():
            if args.only and args.only not in name:
                continue
            cache = temporary / f"cache-{len(rows)}"
            for state in ("cold", "warm"):
                row = measure(name, files, cache)
                row["cache"] = state
                rows.append(row)
                print_row(row)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pipeline.json").write_text(json.dumps(rows, indent=2) + "\n")


def print_row(row: dict) -> None:
    if not getattr(print_row, "header", False):
        print(f"{'scenario':32} {'cache':5} {'sentences':>11} " + " ".join(f"{s:>8}" for s in STAGES) + f" {'total':>8} {'peak MB':>8}  verdicts")
        print_row.header = True
    seconds = row["seconds"]
    print(
        f"{row['scenario']:32} {row['cache']:5} {'+'.join(map(str, row['sentences'])):>11} "
        + " ".join(f"{seconds[s]:8.2f}" for s in STAGES)
        + f" {sum(seconds.values()):8.2f} {row['peak_rss_mb']:8.0f}  {','.join(row['verdicts'])}",
        flush=True,
    )


if __name__ == "__main__":
    main()

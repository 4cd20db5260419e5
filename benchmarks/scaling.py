"""Time and memory of ``aligner compare`` as documents grow: 1, 5 and 20 MB, and a 6 MB line.

The documents are real text, repeated: the English and Vietnamese TED talks of
../shared/corpora/iwslt15-en-vi (tst2012 and tst2013, detokenized, one line a paragraph)
until the English side reaches the size, each copy's lines marked with its number. The mark,
after the line's last stop, is a sentence of its own ("(3)"), so every sentence of the talks
recurs once a copy, and every mark thousands of times: the embedding cache embeds each distinct
text once (about 10,000), and the other stages run on the whole documents, where copies leave
few confident links and long unaligned stretches, the alignment's worst case. The one-line file
is the English text without sentence punctuation or line breaks, compared with a copy of itself.
Each run is a fresh process with an empty cache; peak memory is its maximum resident set.

    .venv/bin/python benchmarks/scaling.py [--sizes 1,5,20] [--no-line]    (--sizes "" : the one-line file alone)
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora" / "iwslt15-en-vi"
RESULTS = ROOT / "benchmarks" / "results"
ALIGNER = [sys.executable, "-m", "aligner"]


def talk_lines(language: str) -> list[str]:
    lines = []
    for part in ("tst2012", "tst2013"):
        for line in (CORPORA / f"{part}.{language}").read_text(encoding="utf-8").splitlines():
            line = re.sub(r" ([,.?!:;])", r"\1", html.unescape(line)).strip()
            if line:
                lines.append(line)
    return lines


def repeated(lines: list[str], megabytes: float, mark: str = " ({k})") -> str:
    """The lines again and again until ``megabytes``; copy k > 0 marks every line with ``mark``, the same in both languages."""
    size = len(("\n".join(lines) + "\n").encode("utf-8"))
    copies = max(1, round(megabytes * 1e6 / size))
    return "".join(line + (mark.format(k=k) if k else "") + "\n" for k in range(copies) for line in lines)


def run(files: list[Path], cache: Path) -> dict:
    """Wall time and peak RSS of one ``aligner compare`` run."""
    env = {**os.environ, "ALIGNER_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    with open(cache / "stderr.txt", "w+", encoding="utf-8") as stderr:
        process = subprocess.Popen([*ALIGNER, "compare", *map(str, files), "--format", "json", "-o", str(cache / "report.json")],
                                   env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        stderr.seek(0)
        said = stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) or not (cache / "report.json").is_file():
        raise SystemExit(f"aligner failed (exit {code}, peak {usage.ru_maxrss // 1024} MB, {seconds:.0f} s): {said[-1000:]}")
    report = json.loads((cache / "report.json").read_text(encoding="utf-8"))
    return {"seconds": round(seconds, 1), "peak_mb": round(usage.ru_maxrss / 1024), "sentences": [d["sentences"] for d in report["documents"]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,5,20", help="English-side sizes in MB, comma separated")
    parser.add_argument("--no-line", action="store_true", help="skip the 6 MB one-line file")
    args = parser.parse_args()
    english, vietnamese = talk_lines("en"), talk_lines("vi")
    # A rerun of some cases keeps the others' figures: the 20 MB case alone takes most of an hour.
    rows = json.loads((RESULTS / "scaling.json").read_text(encoding="utf-8")) if (RESULTS / "scaling.json").is_file() else []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        cases = [(f"{size} MB en→vi", float(size), False) for size in args.sizes.split(",") if size]
        if not args.no_line:  # before the largest size, which takes longest
            cases.insert(max(0, len(cases) - 1), ("6 MB one line, itself", 6.0, True))
        for name, size, one_line in cases:
            cache = folder / f"cache-{len(rows)}-{size:g}"
            cache.mkdir()
            if one_line:
                # Marked with a word: "(k)" before a capital reads as a list item, where a sentence starts.
                text = re.sub(r"[.?!;:,]", "", repeated(english, size, mark=" copy{k}")).replace("\n", " ")
                files = [folder / "line.a.txt", folder / "line.b.txt"]
                for path in files:
                    path.write_text(text, encoding="utf-8")
            else:
                files = [folder / f"talks{size:g}.en.txt", folder / f"talks{size:g}.vi.txt"]
                files[0].write_text(repeated(english, size), encoding="utf-8")
                files[1].write_text(repeated(vietnamese, size * len("\n".join(vietnamese).encode()) / len("\n".join(english).encode())), encoding="utf-8")
            sizes = [round(p.stat().st_size / 1e6, 1) for p in files]
            result = run(files, cache)
            rows = [row for row in rows if row["case"] != name] + [{"case": name, "mb": sizes, **result}]
            print(f"{name:24} {sizes[0]:>5} + {sizes[1]:>5} MB  {result['sentences'][0]:>8,} + {result['sentences'][1]:>8,} sentences  "
                  f"{result['seconds']:>7.1f} s  peak {result['peak_mb']:>6,} MB  ({result['seconds'] / sum(sizes):.1f} s and {result['peak_mb'] / sum(sizes):.0f} MB per MB)", flush=True)
            # After every case: a 20 MB run takes most of an hour, and what it measured stays.
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / "scaling.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""The long fuzzing run: every property test of tests/test_fuzz.py with hypothesis' ``long`` profile.

    .venv/bin/python benchmarks/fuzz.py

20,000 generated inputs per test, six tests: 120,000 inputs. Prints, per test, the inputs tried
and the time, and the failures (each a crash or a broken property, with its minimal example,
which becomes a regression test). Exits 1 when a test failed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_fuzz.py", "-q", "--hypothesis-profile=long",
         "--hypothesis-show-statistics", "--hypothesis-seed=0"],
        cwd=ROOT, capture_output=True, text=True,
    )
    total = 0
    for name, block in re.findall(r"tests/test_fuzz.py::(\w+):\n(.*?)(?=\ntests/test_fuzz.py::|\Z)", result.stdout, re.S):
        phases = re.findall(r"- (\d+) passing, (\d+) failing, and (\d+) invalid", block)
        passing, failing, invalid = (sum(int(phase[k]) for phase in phases) for k in range(3))
        runtime = re.search(r"Typical runtimes: ([^\n]*)", block)
        total += passing + failing + invalid
        print(f"{name:60} {passing + failing + invalid:>7,} inputs ({failing} failing, {invalid} rejected)  {runtime.group(1) if runtime else ''}")
    print(f"{'total':60} {total:>7,} inputs in {time.perf_counter() - started:.0f} s")
    print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-2000:])
    if result.returncode:
        print(result.stdout[-6000:])
    return int(result.returncode != 0)


if __name__ == "__main__":
    sys.exit(main())

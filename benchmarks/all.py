"""Every benchmark, one after the other, each printing its tables and writing its JSON to benchmarks/results/.

    .venv/bin/python benchmarks/all.py

About two hours on 2 cores with cold embedding caches (scaling.py, whose 20 MB pair alone takes about
40 minutes, and fuzz.py are most of it). Exits with the first failing benchmark's code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("embedding.py", "pipeline.py", "number_fidelity.py", "alignment.py", "discrepancy.py", "mqm.py", "calibrate.py", "other_pairs.py", "repository.py", "reading.py", "scaling.py", "fuzz.py")


def main() -> int:
    for name in BENCHMARKS:
        print(f"\n==================== {name}", flush=True)
        code = subprocess.call([sys.executable, str(HERE / name)])
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())

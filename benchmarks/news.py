"""False alarms on clean news translations that no benchmark corpus holds: en→ar, en→vi and ar→vi articles.

The corpus is a folder of sets, each a folder of articles ``NAME.en.txt``, ``NAME.ar.txt`` and
``NAME.vi.txt`` (paragraphs separated by a blank line; a headline, a dateline and a closing credit
line where the article has them), or of documentation pages, web pages or subtitles in any format
the aligner reads (``NAME.en.md``, ``NAME.en.html``, ``NAME.en.srt``; the three files of one article
share it): complete and faithful professional translations written in each
newsroom's own style (numbers in words or digits, local dates and clock times, sentences merged,
split and reordered, and in some sets paragraphs merged and split where the newsroom breaks them). Every warning or error on them is a false alarm, also between the two
translations (ar→vi): they say the same, each in its own words. Split by set: the sets named
with ``--test`` are never inspected one finding at a time; the others are dev, printed finding by
finding with ``--list``.

    .venv/bin/python benchmarks/news.py ROOT --test setB,setE [--list]

Prints, per part and direction, the source sentences, the false alarms, their rate per 100
sentences and their kinds.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from aligner.embed import load_encoder
from aligner.errors import AlignerError
from aligner.model import Severity
from aligner.pipeline import compare, load_document

ALARMS = (Severity.WARNING, Severity.ERROR)
# Each source is compared with its targets in one run, as `aligner compare` does.
DIRECTIONS = {"en": ("ar", "vi"), "ar": ("vi",)}


def run_set(folder: Path, encoder, listing: bool) -> dict[str, tuple[int, int, Counter]]:
    """Per direction (``en→ar``): (source sentences, false alarms, their kinds) over the set's articles."""
    totals: dict[str, tuple[int, int, Counter]] = {}
    for english in sorted(folder.glob("*.en.*")):
        name, _, suffix = english.name.partition(".en.")
        for source, targets in DIRECTIONS.items():
            documents = [load_document(folder / f"{name}.{lang}.{suffix}", lang) for lang in (source, *targets)]
            for comparison in compare(documents, encoder).comparisons:
                direction = f"{source}→{documents[comparison.target].language}"
                alarms = [f for f in comparison.findings if f.severity in ALARMS]
                sentences, count, kinds = totals.get(direction, (0, 0, Counter()))
                totals[direction] = (sentences + len(documents[0].sentences), count + len(alarms), kinds + Counter(f.kind for f in alarms))
                if listing:
                    for finding in alarms:
                        print(f"  {folder.name}/{name} {direction}: {finding.kind}: {finding.message}")
    return totals


@dataclass(frozen=True)
class HeldOut:
    """What a benchmark over a folder of sets is asked to run."""

    sets: list[Path]
    test: set[str]  # the names of the test sets
    listing: bool  # list the dev findings one at a time
    labels: Path | None  # where to write the labelled findings (None: the benchmark's default)


def held_out_sets(description: str, listing: str, labels: str = "") -> HeldOut | None:
    """The command line of a benchmark over a folder of sets, with ``--labels`` for one that writes
    labelled findings (``labels`` says where it writes them by default); None (after saying why)
    when a set is missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("root", type=Path, help="the corpus folder, one sub-folder per set")
    parser.add_argument("--test", default="", help="comma-separated names of the test sets")
    parser.add_argument("--list", action="store_true", help=listing)
    if labels:
        parser.add_argument("--labels", type=Path, metavar="PATH", help=f"where to write the labelled findings (default: {labels})")
    args = parser.parse_args()
    sets = sorted(p for p in args.root.iterdir() if p.is_dir()) if args.root.is_dir() else []
    if not sets:
        print(f"no sets in {args.root}", file=sys.stderr)
        return None
    test = set(filter(None, args.test.split(",")))
    if unknown := test - {p.name for p in sets}:
        print(f"no such set in {args.root}: {', '.join(sorted(unknown))}", file=sys.stderr)
        return None  # a misspelt test set would be listed as dev, one finding at a time
    return HeldOut(sets, test, args.list, getattr(args, "labels", None))


def tally(totals: dict[tuple[str, str], list[int]], key: tuple[str, str], counts: tuple[int, ...]) -> None:
    """Add one item's counts to its part's and direction's totals, whose first column counts the items."""
    total = totals.setdefault(key, [0] * (len(counts) + 1))
    total[0] += 1
    for k, value in enumerate(counts, 1):
        total[k] += value


def main() -> int:
    if (run := held_out_sets(__doc__.split("\n\n")[0], "print every false alarm of the dev sets")) is None:
        return 2
    sets, test, listing = run.sets, run.test, run.listing
    encoder = load_encoder(progress=lambda _: None)
    parts: dict[str, dict[str, tuple[int, int, Counter]]] = {}
    for folder in sets:
        part = "test" if folder.name in test else "dev"
        try:
            totals = run_set(folder, encoder, listing and part == "dev")
        except (AlignerError, OSError) as error:
            print(f"{folder.name}: {error}", file=sys.stderr)
            return 2
        for direction, (sentences, count, kinds) in totals.items():
            before = parts.setdefault(part, {}).get(direction, (0, 0, Counter()))
            parts[part][direction] = (before[0] + sentences, before[1] + count, before[2] + kinds)
    print(f"{'part':5} {'pair':6} {'sets':>4} {'sentences':>9} {'alarms':>6} {'/100':>6}  kinds")
    for part in ("dev", "test"):
        names = [f.name for f in sets if (f.name in test) == (part == "test")]
        for direction, (sentences, count, kinds) in parts.get(part, {}).items():
            rate = 100 * count / sentences if sentences else 0.0
            print(f"{part:5} {direction:6} {len(names):>4} {sentences:>9} {count:>6} {rate:>6.2f}  {dict(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

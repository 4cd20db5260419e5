"""A section the translation lacks: Markdown pages of the held-out sets (``benchmarks/news.py``) with
one ``##`` section taken out of each translation, as when the original gained a section that is not
translated yet.

For every page ``NAME.en.md`` whose translation has as many ``##`` headings, the middle section (its
heading and everything up to the next ``##`` heading) is taken out of the Arabic and of the
Vietnamese; each is compared with the English intact and cut. Counts, per part and direction: the
cut sections reported (an omission, warning or error, on a line of the section), and the warnings and
errors anywhere else on the page, intact and cut (those the cut adds are false alarms it causes). The
sets named with ``--test`` are never listed one finding at a time.

    .venv/bin/python benchmarks/sections.py ROOT --test setB,setE [--list]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from news import ALARMS, held_out_sets, tally

from aligner.embed import load_encoder
from aligner.pipeline import compare, load_document

TARGETS = ("ar", "vi")


def headings(lines: list[str]) -> list[int]:
    return [k for k, line in enumerate(lines) if line.startswith("## ")]


def run_page(english: Path, lang: str, encoder, work: Path, listing: bool) -> tuple[int, int, int] | None:
    """(section reported, alarms elsewhere intact, alarms elsewhere cut) for one page and direction;
    None for a page of under three sections, or whose translation has not as many."""
    target = english.with_name(english.name.replace(".en.", f".{lang}."))
    source_lines, target_lines = english.read_text(encoding="utf-8").split("\n"), target.read_text(encoding="utf-8").split("\n")
    source_headings, target_headings = headings(source_lines), headings(target_lines)
    if len(source_headings) < 3 or len(source_headings) != len(target_headings):
        return None
    middle = len(source_headings) // 2
    cut = work / target.name
    cut.write_text("\n".join(target_lines[: target_headings[middle]] + target_lines[target_headings[middle + 1] :]), encoding="utf-8")
    first, last = source_headings[middle] + 1, source_headings[middle + 1]  # the section's 1-based lines in the source

    def alarms(path: Path) -> tuple[list, list]:
        findings = compare([load_document(english, "en"), load_document(path, lang)], encoder).comparisons[0].findings
        warned = [f for f in findings if f.severity in ALARMS]
        inside = [f for f in warned if first <= (f.source.location.line or 0) <= last]
        return inside, [f for f in warned if f not in inside]

    _, intact_elsewhere = alarms(target)
    inside, elsewhere = alarms(cut)
    reported = any(f.kind == "omission" for f in inside)
    if listing:
        for finding in elsewhere:
            print(f"  {english.parent.name}/{english.name} en→{lang}: {finding.kind}: {finding.message}")
        if not reported:
            print(f"  {english.parent.name}/{english.name} en→{lang}: section at line {first} not reported")
    return int(reported), len(intact_elsewhere), len(elsewhere)


def main() -> int:
    if (run := held_out_sets(__doc__.split("\n\n")[0], "print every false alarm and unreported section of the dev sets")) is None:
        return 2
    sets, test, listing = run.sets, run.test, run.listing
    encoder = load_encoder(progress=lambda _: None)
    totals: dict[tuple[str, str], list[int]] = {}
    with tempfile.TemporaryDirectory() as work:
        for folder in sets:
            part = "test" if folder.name in test else "dev"
            for english in sorted(folder.glob("*.en.md")):
                for lang in TARGETS:
                    counts = run_page(english, lang, encoder, Path(work), listing and part == "dev")
                    if counts is not None:
                        tally(totals, (part, f"en→{lang}"), counts)
    print(f"{'part':5} {'pair':6} {'pages':>5} {'reported':>8} {'elsewhere intact':>16} {'elsewhere cut':>13}")
    for (part, direction), (pages, reported, intact, cut) in sorted(totals.items()):
        print(f"{part:5} {direction:6} {pages:>5} {reported:>8} {intact:>16} {cut:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

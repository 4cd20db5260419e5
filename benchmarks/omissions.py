"""A sentence the translation lacks: the held-out sets (``benchmarks/news.py``) with one sentence
taken out of each translation, in the middle of its paragraph, where a 2-1 bead can take it in.

For every article and direction (en→ar, en→vi, ar→vi), the pair is aligned intact; one target
sentence is drawn (seeded by set, article and direction) among those aligned one to one, whose
paragraph keeps another sentence and whose text stands once, verbatim, in the file; it is taken out
of the file, and the pair is compared again. Counts, per part and direction: the sentences taken
out, those reported as a warning or an error (an omission whose source span holds the counterpart
of the sentence, or a number missing from the bead that took it in), those reported as info only,
and the warnings and errors elsewhere (off the fault's paragraphs, ``on_fault``), intact and
cut (those the cut adds are false alarms it causes). The sets named with ``--test`` are never
listed one finding at a time.

Writes every finding of the cut pairs, labelled, for ``benchmarks/calibrate.py``
(``benchmarks/results/labels.omissions-both.json``, or ``-dev``, ``-test`` for sets of one part): the omission of the sentence taken out is right
(1); a finding on the fault's paragraphs (``on_fault``) is collateral, left out; every other finding
is a false alarm (0). Each article and direction is counted once, so its source sentences are the
clean sentences of the false-alarm budget.

    .venv/bin/python benchmarks/omissions.py ROOT --test setB,setE [--list]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from calibrate import rule_info
from news import ALARMS, DIRECTIONS, held_out_sets, tally

from aligner.embed import load_encoder
from aligner.model import Document, Finding
from aligner.pipeline import compare, load_document

RESULTS = Path(__file__).resolve().parent / "results"


def candidates(source: Document, target: Document, beads, text: str) -> list[tuple[int, int]]:
    """(target sentence, its source sentence) of the one-to-one beads whose target sentence can be
    taken out: its paragraph keeps another sentence, and its text stands once in the file."""
    found = []
    for bead in beads:
        if len(bead.source) == len(bead.target) == 1 and not bead.moved:
            j = bead.target[0]
            sentence = target.sentences[j]
            paragraph = target.paragraphs[sentence.paragraph]
            if paragraph.end_sentence - paragraph.first_sentence >= 2 and len(sentence.text) >= 20 and text.count(sentence.text) == 1:
                found.append((j, bead.source[0]))
    return found


def run_article(source_path: Path, target_path: Path, encoder, work: Path, listing: bool) -> tuple[tuple[int, int, int, int], list[tuple[Finding, int]], int] | None:
    """(reported, info only, alarms elsewhere intact, alarms elsewhere cut) for one article and
    direction; the cut pair's findings off the fault (``on_fault``) with their label, and the
    omission of the sentence taken out (1); its source sentences. None where no sentence can be
    taken out."""
    languages = (source_path.name.split(".")[-2], target_path.name.split(".")[-2])
    source = load_document(source_path, languages[0])
    target = load_document(target_path, languages[1])
    intact = compare([source, target], encoder).comparisons[0]
    text = target_path.read_text(encoding="utf-8")
    options = candidates(source, target, intact.beads, text)
    if not options:
        return None
    taken, counterpart = random.Random(f"{target_path.parent.name}/{target_path.name}").choice(options)
    sentence = target.sentences[taken].text
    cut_path = work / target_path.name
    cut_path.write_text(text.replace(sentence + " ", "", 1) if sentence + " " in text else text.replace(sentence, "", 1), encoding="utf-8")
    cut = load_document(cut_path, languages[1])
    comparison = compare([source, cut], encoder).comparisons[0]
    paragraphs = source.sentences[counterpart].paragraph, target.sentences[taken].paragraph
    absorbed = _absorbed(counterpart, comparison.beads)
    about = [f for f in comparison.findings if f.kind == "omission" and counterpart in f.source.sentences]
    reported = any(f.severity in ALARMS for f in comparison.findings if f in about or (f.kind == "number_missing" and absorbed & set(f.source.sentences)))
    elsewhere = [f for f in comparison.findings if f not in about and not on_fault(f, source, cut, paragraphs)]
    intact_alarms = [f for f in intact.findings if f.severity in ALARMS and not on_fault(f, source, target, paragraphs)]
    alarms = [f for f in elsewhere if f.severity in ALARMS]
    if listing:
        where = f"{source_path.parent.name}/{source_path.name} {languages[0]}→{languages[1]}"
        if not reported:
            print(f"  {where}: {'info only' if about else 'not reported'}: {source.sentences[counterpart].text}")
        for finding in alarms:
            print(f"  {where}: elsewhere: {finding.kind}: {finding.message}")
    counts = int(reported), int(bool(about) and not reported), len(intact_alarms), len(alarms)
    labels = [(f, 1) for f in about] + [(f, 0) for f in elsewhere if f.kind != "number_format"]
    return counts, labels, len(source.sentences)


def _absorbed(counterpart: int, beads) -> set[int]:
    """The counterpart of the sentence taken out, and the source sentences of the bead that took it in."""
    bead = next(b for b in beads if counterpart in b.source)
    return set(bead.source) if bead.target else {counterpart}


def on_fault(finding: Finding, source: Document, target: Document, paragraphs: tuple[int, int]) -> bool:
    """Whether a finding is on the fault's paragraphs (the counterpart's, the one the sentence was
    taken from), as ``discrepancy.py`` leaves a fault's lines out: a sentence of that paragraph paired
    otherwise after the cut is neither right nor a false alarm elsewhere."""
    return any(source.sentences[i].paragraph == paragraphs[0] for i in finding.source.sentences) or any(
        target.sentences[j].paragraph == paragraphs[1] for j in finding.target.sentences
    )


def label_row(finding: Finding, label: int, part: str, group: str, document: str) -> dict:
    row = {"benchmark": "omissions", "split": part, "group": group, "clean": True, "document": document, "kind": finding.kind,
           "level": finding.level, "severity": finding.severity.value, "evidence": finding.evidence, "label": label}
    row["rule_info"] = rule_info(row, finding.confidence)
    if part == "dev":  # what a finding says, to read the dev false alarms (never the test ones)
        row.update(message=finding.message, source=finding.source.text, target=finding.target.text, confidence=finding.confidence)
    return row


def main() -> int:
    if (parsed := held_out_sets(__doc__.split("\n\n")[0], "print every unreported sentence and false alarm of the dev sets")) is None:
        return 2
    sets, test, listing = parsed
    encoder = load_encoder(progress=lambda _: None)
    totals: dict[tuple[str, str], list[int]] = {}
    labels: dict = {"benchmark": "omissions", "clean_sentences": {}, "findings": []}
    with tempfile.TemporaryDirectory() as work:
        for folder in sets:
            part = "test" if folder.name in test else "dev"
            for english in sorted(folder.glob("*.en.*")):
                for source, targets in DIRECTIONS.items():
                    for lang in targets:
                        result = run_article(english.with_name(english.name.replace(".en.", f".{source}.")),
                                             english.with_name(english.name.replace(".en.", f".{lang}.")), encoder, Path(work), listing and part == "dev")
                        if result is None:
                            continue
                        counts, findings, sentences = result
                        group = f"{source}→{lang}"
                        tally(totals, (part, group), counts)
                        clean = labels["clean_sentences"].setdefault(part, {})
                        clean[group] = clean.get(group, 0) + sentences
                        document = f"{folder.name}/{english.name.split('.')[0]}"
                        labels["findings"] += [label_row(f, label, part, group, document) for f, label in findings]
    RESULTS.mkdir(parents=True, exist_ok=True)
    parts = sorted(labels["clean_sentences"])
    (RESULTS / f"labels.omissions-{'both' if len(parts) == 2 else parts[0]}.json").write_text(json.dumps(labels) + "\n")
    print(f"{'part':5} {'pair':6} {'taken out':>9} {'reported':>8} {'recall':>6} {'info only':>9} {'elsewhere intact':>16} {'elsewhere cut':>13}")
    for (part, direction), (taken, reported, info, intact, cut) in sorted(totals.items()):
        print(f"{part:5} {direction:6} {taken:>9} {reported:>8} {reported / taken:>6.2f} {info:>9} {intact:>16} {cut:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

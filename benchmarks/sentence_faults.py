"""A sentence the translation lacks, and one it adds: the held-out sets (``benchmarks/news.py``) with
one sentence taken out of each translation and, apart, one put into it, mid-paragraph, where a bead
of two can take it in.

For every article and direction (en→ar, en→vi, ar→vi), the pair is aligned intact. Among the
target sentences aligned one to one, whose paragraph holds another sentence and whose text stands
once, verbatim, in the file, one is drawn (seeded by set, article and direction) and **taken out**;
another is drawn, and a sentence of 5 words or more of another article of the set, in the same
language, is **put in** after it. Each faulted pair is compared again. Counts, per part, direction
and fault: the faults, those reported as a warning or an error (an omission whose source span holds
the counterpart of the sentence taken out, an addition whose target span holds the sentence put in,
or a number missing or added in the bead that took either in), those reported as info only, and the
warnings and errors elsewhere (off the fault's paragraphs, ``on_fault``), intact and faulted (those
the fault adds are false alarms it causes). The sets named with ``--test`` are never listed one
finding at a time.

Writes every finding of the faulted pairs, labelled, for ``benchmarks/calibrate.py``
(``benchmarks/results/labels.sentence_faults-both.json``, or ``-dev``, ``-test`` for sets of one
part, or the file named with ``--labels``, so that a check on a few sets keeps the calibration's
labels): the omission or addition of the fault is right (1); a finding on the fault's paragraphs is
collateral, left out; every other finding is a false alarm (0). Each faulted pair counts its source
sentences as clean sentences of the false-alarm budget.

    .venv/bin/python benchmarks/sentence_faults.py ROOT --test setB,setE [--list] [--labels PATH]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from calibrate import rule_info
from news import ALARMS, DIRECTIONS, held_out_sets, tally

from aligner.embed import load_encoder
from aligner.model import Comparison, Document, Finding
from aligner.pipeline import compare, load_document

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Pair:
    """One article in one direction, aligned intact."""

    source: Document
    target: Document
    path: Path  # the target's file
    text: str  # the target file's text
    intact: Comparison


@dataclass(frozen=True)
class Faulted:
    """A pair with one fault, compared again: the fault's sentences and paragraphs."""

    comparison: Comparison
    target: Document
    sentence: str  # the sentence taken out or put in
    source_sentence: int | None  # the counterpart of the sentence taken out
    target_sentences: frozenset[int]  # the sentence put in, in the faulted target
    paragraphs: tuple[int, int]  # the source's and the target's paragraph of the fault

    def about(self, finding: Finding) -> bool:
        """Whether a finding reports the fault itself."""
        if self.source_sentence is not None:
            return finding.kind == "omission" and self.source_sentence in finding.source.sentences
        return finding.kind == "addition" and bool(self.target_sentences & set(finding.target.sentences))

    def absorbed(self, finding: Finding) -> bool:
        """Whether a finding is a number lost or added in the bead that took the fault in."""
        if self.source_sentence is not None:
            bead = next(b for b in self.comparison.beads if self.source_sentence in b.source)
            return finding.kind == "number_missing" and bool(set(bead.source if bead.target else (self.source_sentence,)) & set(finding.source.sentences))
        beads = [b for b in self.comparison.beads if self.target_sentences & set(b.target)]
        return finding.kind == "number_added" and any(set(b.target) & set(finding.target.sentences) for b in beads)


def candidates(pair: Pair) -> list[tuple[int, int]]:
    """(target sentence, its source sentence) of the one-to-one beads next to which a fault can be
    made: its paragraph holds another sentence, and its text stands once in the file."""
    found = []
    for bead in pair.intact.beads:
        if len(bead.source) == len(bead.target) == 1 and not bead.moved:
            j = bead.target[0]
            sentence = pair.target.sentences[j]
            paragraph = pair.target.paragraphs[sentence.paragraph]
            if paragraph.end_sentence - paragraph.first_sentence >= 2 and len(sentence.text) >= 20 and pair.text.count(sentence.text) == 1:
                found.append((j, bead.source[0]))
    return found


def take_out(pair: Pair, choice: tuple[int, int], encoder, work: Path) -> Faulted:
    taken, counterpart = choice
    sentence = pair.target.sentences[taken].text
    text = pair.text.replace(sentence + " ", "", 1) if sentence + " " in pair.text else pair.text.replace(sentence, "", 1)
    comparison, target = _compared(pair, text, encoder, work)
    return Faulted(comparison, target, pair.source.sentences[counterpart].text, counterpart, frozenset(), _paragraphs(pair, choice))


def put_in(pair: Pair, choice: tuple[int, int], added: str, encoder, work: Path) -> Faulted:
    sentence = pair.target.sentences[choice[0]].text
    comparison, target = _compared(pair, pair.text.replace(sentence, f"{sentence} {added}", 1), encoder, work)
    inside = frozenset(k for k, s in enumerate(target.sentences) if s.text in added or added in s.text)
    return Faulted(comparison, target, added, None, inside, _paragraphs(pair, choice))


def _compared(pair: Pair, text: str, encoder, work: Path) -> tuple[Comparison, Document]:
    """The pair compared again with ``text`` as its target file, and that target."""
    path = work / pair.path.name
    path.write_text(text, encoding="utf-8")
    target = load_document(path, pair.target.language)
    return compare([pair.source, target], encoder).comparisons[0], target


def _paragraphs(pair: Pair, choice: tuple[int, int]) -> tuple[int, int]:
    """The source's and the target's paragraph of a fault made at a (target, source) sentence pair."""
    return pair.source.sentences[choice[1]].paragraph, pair.target.sentences[choice[0]].paragraph


@lru_cache(maxsize=8)
def _set_sentences(folder: Path, language: str) -> dict[str, list[str]]:
    """Per article of a set, its sentences of 5 words or more, on one line, in a language: read once
    for every article and direction of the set that draws from them."""
    return {
        path.name.split(".")[0]: [s.text for s in load_document(path, language).sentences if len(s.text.split()) >= 5 and "\n" not in s.text]
        for path in sorted(folder.glob(f"*.{language}.*"))
    }


def donors(folder: Path, article: str, language: str) -> list[str]:
    """The sentences of 5 words or more, on one line, of the set's other articles in a language."""
    return [text for name, texts in _set_sentences(folder, language).items() if name != article for text in texts]


def run_article(source_path: Path, target_path: Path, encoder, work: Path, listing: bool) -> list[tuple[str, tuple[int, ...], list[tuple[Finding, int]], int]]:
    """Per fault: its name, its counts (reported, info only, alarms elsewhere intact and faulted),
    the faulted pair's findings off the fault, labelled, and the source sentences. Empty where no
    sentence can be chosen."""
    languages = (source_path.name.split(".")[-2], target_path.name.split(".")[-2])
    source = load_document(source_path, languages[0])
    target = load_document(target_path, languages[1])
    pair = Pair(source, target, target_path, target_path.read_text(encoding="utf-8"), compare([source, target], encoder).comparisons[0])
    options = candidates(pair)
    pool = donors(target_path.parent, target_path.name.split(".")[0], languages[1])
    if not options or not pool:
        return []
    where = f"{source_path.parent.name}/{source_path.name} {languages[0]}→{languages[1]}"
    seed = random.Random(f"{target_path.parent.name}/{target_path.name}/{languages[0]}")
    faults = {
        # seeded as before insertion was added, so a sentence taken out stays the one it was
        "taken out": take_out(pair, random.Random(f"{target_path.parent.name}/{target_path.name}").choice(options), encoder, work),
        "put in": put_in(pair, seed.choice(options), seed.choice(pool), encoder, work),
    }
    results = []
    for name, faulted in faults.items():
        findings = faulted.comparison.findings
        about = [f for f in findings if faulted.about(f)]
        reported = any(f.severity in ALARMS for f in findings if f in about or faulted.absorbed(f))
        elsewhere = [f for f in findings if f not in about and not on_fault(f, source, faulted.target, faulted.paragraphs)]
        intact = [f for f in pair.intact.findings if f.severity in ALARMS and not on_fault(f, source, target, faulted.paragraphs)]
        alarms = [f for f in elsewhere if f.severity in ALARMS]
        if listing:
            if not reported:
                print(f"  {where} {name}: {'info only' if about else 'not reported'}: {faulted.sentence}")
            for finding in alarms:
                print(f"  {where} {name}: elsewhere: {finding.kind}: {finding.message}")
        counts = int(reported), int(bool(about) and not reported), len(intact), len(alarms)
        results.append((name, counts, [(f, 1) for f in about] + [(f, 0) for f in elsewhere if f.kind != "number_format"], len(source.sentences)))
    return results


def on_fault(finding: Finding, source: Document, target: Document, paragraphs: tuple[int, int]) -> bool:
    """Whether a finding is on the fault's paragraphs (the source's and the target's), as
    ``discrepancy.py`` leaves a fault's lines out: a sentence of them paired otherwise after the
    fault is neither right nor a false alarm elsewhere."""
    return any(source.sentences[i].paragraph == paragraphs[0] for i in finding.source.sentences) or any(
        target.sentences[j].paragraph == paragraphs[1] for j in finding.target.sentences
    )


def label_row(finding: Finding, label: int, part: str, group: str, document: str) -> dict:
    row = {"benchmark": "sentence_faults", "split": part, "group": group, "clean": True, "document": document, "kind": finding.kind,
           "level": finding.level, "severity": finding.severity.value, "evidence": finding.evidence, "label": label}
    row["rule_info"] = rule_info(row, finding.confidence)
    if part == "dev":  # what a finding says, to read the dev false alarms (never the test ones)
        row.update(message=finding.message, source=finding.source.text, target=finding.target.text, confidence=finding.confidence)
    return row


def main() -> int:
    default_labels = "benchmarks/results/labels.sentence_faults-{both,dev,test}.json, by the parts run"
    if (run := held_out_sets(__doc__.split("\n\n")[0], "print every unreported fault and false alarm of the dev sets", default_labels)) is None:
        return 2
    sets, test, listing = run.sets, run.test, run.listing
    encoder = load_encoder(progress=lambda _: None)
    totals: dict[tuple[str, str, str], list[int]] = {}
    labels: dict = {"benchmark": "sentence_faults", "clean_sentences": {}, "findings": []}
    with tempfile.TemporaryDirectory() as work:
        for folder in sets:
            part = "test" if folder.name in test else "dev"
            for english in sorted(folder.glob("*.en.*")):
                for source, targets in DIRECTIONS.items():
                    for lang in targets:
                        source_path = english.with_name(english.name.replace(".en.", f".{source}."))
                        target_path = english.with_name(english.name.replace(".en.", f".{lang}."))
                        group = f"{source}→{lang}"
                        document = f"{folder.name}/{english.name.split('.')[0]}"
                        for fault, counts, findings, sentences in run_article(source_path, target_path, encoder, Path(work), listing and part == "dev"):
                            tally(totals, (part, group, fault), counts)
                            clean = labels["clean_sentences"].setdefault(part, {})
                            clean[group] = clean.get(group, 0) + sentences
                            labels["findings"] += [label_row(f, label, part, group, document) for f, label in findings]
    parts = sorted(labels["clean_sentences"])
    path = run.labels or RESULTS / f"labels.sentence_faults-{'both' if len(parts) == 2 else parts[0]}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(labels) + "\n")
    print(f"{'part':5} {'pair':6} {'fault':9} {'faults':>6} {'reported':>8} {'recall':>6} {'info only':>9} {'elsewhere intact':>16} {'elsewhere faulted':>17}")
    for (part, direction, fault), (made, reported, info, intact, faulted) in sorted(totals.items()):
        print(f"{part:5} {direction:6} {fault:9} {made:>6} {reported:>8} {reported / made:>6.2f} {info:>9} {intact:>16} {faulted:>17}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Real MT output rated by professional translators: false alarms on clean translations, recall on real omissions.

Corpus: ../shared/corpora/mqm-ted-en-de-zh-en, the WMT21 TED talks test suite (5 talks per
language pair) as translated by 14 (en-de) or 15 (zh-en) systems, human references included,
every segment rated with MQM spans (Freitag et al. 2021). A segment is one sentence.

Split: by talk, with the other benchmarks' rule (benchmarks/splits.py): for each language pair
the talk ids (``doc``) are sorted, shuffled with ``random.Random(SPLIT_SEED)``, and the first
half (2 of 5) is dev, the rest test. Everything is scored per split; the test figures are the
ones to quote, dev is where false alarms are looked at one by one (the JSON keeps every dev
false alarm, none of the test ones).

Documents: for each (pair, system, talk) the source talk and the system's target talk, segments
in numeric ``seg`` order, four segments to a paragraph, a paragraph to a line, paragraphs separated
by blank lines, so paragraph k (0-based) is line 2k+1 of both files. Segments are joined with a
space, Chinese too: the corpus' Chinese segments carry spaces of their own, and without one
between 。 and the next sentence the segmenter keeps both as one sentence. The real CLI runs
on every pair (``aligner compare SRC TGT --format json --lang en,de``, two at a time).

Scoring, per language pair and split (findings of severity info are never alarms):

* false alarms: findings of severity warning or error whose source line and target line (those
  not null) are on paragraphs whose segments are all clean (``no_accuracy_error``). A finding
  counts once, however many segments its paragraph holds; a finding that touches a paragraph
  with an annotated accuracy error is not scored (counted apart as "on annotated"). Rate: per
  100 source sentences (segments) of the all-clean paragraphs, by finding kind and level.
* omission recall: each segment with an omission span (Major or Minor) is caught when an
  ``omission`` finding (any level) has its source line on the segment's paragraph; "same
  sentence" also asks that the finding's source text and the segment's source overlap (one
  contains the other). Spans are "whole" when together they cover at least 90% of the
  segment's source characters, "clause" when one of them has at least the clause check's
  MIN_WORDS words (``aligner.segment.word_count``: a Han character counts 0.62), else "words"
  (most real omissions: a word or two, which no check of the aligner looks for). Each band is
  also counted "as warning+": caught by a warning or an error, what fails a CI gate.
* verdicts: parallel / partial / unrelated over all talk translations; a real translation
  should never be called unrelated.

    .venv/bin/python benchmarks/mqm.py [--pairs en-de,zh-en] [--limit-systems N] [--split dev|test|both]

``--limit-systems N`` keeps the first N systems in sorted order. Embeddings are cached in
benchmarks/.cache-mqm, so reruns are fast. Prints the tables and writes benchmarks/results/mqm.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from calibrate import rule_info
from splits import SPLIT_SEED, SPLITS, in_split

from aligner.check.clauses import MIN_WORDS
from aligner.segment import word_count

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "mqm-ted-en-de-zh-en"
RESULTS = ROOT / "benchmarks" / "results"
ALIGNER = ROOT / ".venv" / "bin" / "aligner"
CACHE = ROOT / "benchmarks" / ".cache-mqm"

PAIRS = {"en-de": ("en", "de"), "zh-en": ("zh", "en")}
PER_PARAGRAPH = 4
WHOLE_SPAN = 0.9
VERDICTS = ("parallel", "partial", "unrelated")


# ---------------------------------------------------------------- corpus and documents


@dataclass
class Talk:
    """One system's translation of one talk: its segment records in ``seg`` order."""

    pair: str
    system: str
    doc: str
    split: str
    segments: list[dict]

    @property
    def paragraphs(self) -> list[list[dict]]:
        return [self.segments[i : i + PER_PARAGRAPH] for i in range(0, len(self.segments), PER_PARAGRAPH)]


def paragraph_line(index: int) -> int:
    """The 1-based line of paragraph ``index`` in both files: one line each, a blank line between."""
    return 2 * index + 1


def paragraph_at(line: int) -> int:
    return (line - 1) // 2


def read_records(pair: str) -> list[dict]:
    with open(CORPUS / f"segments.{pair}.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def build_talks(pair: str, limit_systems: int | None, splits: tuple[str, ...]) -> list[Talk]:
    records = read_records(pair)
    systems = sorted({r["system"] for r in records})[:limit_systems]
    docs = sorted({r["doc"] for r in records})
    split_of = {doc: "dev" if dev else "test" for doc, dev in zip(docs, in_split(docs, "dev"))}
    grouped = defaultdict(list)
    for record in records:
        grouped[record["system"], record["doc"]].append(record)
    return [
        Talk(pair, system, doc, split_of[doc], sorted(segments, key=lambda r: int(r["seg"])))
        for (system, doc), segments in sorted(grouped.items())
        if system in systems and split_of[doc] in splits
    ]


def write_document(path: Path, paragraphs: list[list[dict]], side: str) -> None:
    text = "\n\n".join(" ".join(segment[side].strip() for segment in paragraph) for paragraph in paragraphs)
    path.write_text(text + "\n", encoding="utf-8")


def source_path(talk: Talk, folder: Path) -> Path:
    return folder / f"{talk.pair}.{talk.doc}.{PAIRS[talk.pair][0]}.txt"  # the same text for every system


def target_path(talk: Talk, folder: Path) -> Path:
    return folder / f"{talk.pair}.{talk.doc}.{talk.system}.{PAIRS[talk.pair][1]}.txt"


def run_cli(talk: Talk, folder: Path) -> dict:
    target = target_path(talk, folder)
    write_document(target, talk.paragraphs, "target")
    result = subprocess.run(
        [str(ALIGNER), "compare", str(source_path(talk, folder)), str(target), "--format", "json", "--lang", ",".join(PAIRS[talk.pair])],
        capture_output=True, text=True, env={**os.environ, "ALIGNER_CACHE_DIR": str(CACHE)},
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"aligner failed on {talk.pair} {talk.system} {talk.doc}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def run_all(talks: list[Talk], folder: Path) -> list[dict]:
    """The source files are written first, once per talk; then the CLI runs two at a time."""
    for talk in {(t.pair, t.doc): t for t in talks}.values():
        write_document(source_path(talk, folder), talk.paragraphs, "source")
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(lambda talk: run_cli(talk, folder), talks))


# ---------------------------------------------------------------- scoring


def finding_class(finding: dict) -> str | None:
    """Kind and level of a warning or error (``omission/clause``); None for informational findings."""
    if finding["severity"] == "info":
        return None
    return f"{finding['kind']}/{finding['level']}" if finding["level"] else finding["kind"]


def touched_paragraphs(finding: dict, talk: Talk) -> set[int]:
    """Paragraphs of the finding's source and target lines; a finding without a line (unrelated) touches them all."""
    lines = {side["line"] for side in (finding["source"], finding["target"]) if side["line"] is not None}
    return {paragraph_at(line) for line in lines} or set(range(len(talk.paragraphs)))


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def overlaps(a: str | None, b: str) -> bool:
    """One text contains the other: a finding's sentence and a segment, whichever the segmenter made longer."""
    a, b = normal(a or ""), normal(b)
    return bool(a) and (a in b or b in a)


def omission_spans(segment: dict) -> list[dict]:
    return [span for span in segment["omissions"] if span["severity"] in ("Major", "Minor")]


def span_band(segment: dict) -> str:
    covered = {i for span in omission_spans(segment) for i in range(span["start"], span["end"])}
    if len(covered) >= WHOLE_SPAN * len(segment["source"]):
        return "whole"
    return "clause" if max(word_count(span["text"]) for span in omission_spans(segment)) >= MIN_WORDS else "words"


def describe(talk: Talk, finding: dict, touched: set[int]) -> dict:
    """A false alarm with the segments it falls on (those whose text overlaps the finding's on either side)."""
    segments = [
        {"seg": s["seg"], "source": s["source"], "target": s["target"]}
        for p in sorted(touched) for s in talk.paragraphs[p]
        if overlaps(finding["source"]["text"], s["source"]) or overlaps(finding["target"]["text"], s["target"])
    ]
    return {
        "class": finding_class(finding), "system": talk.system, "doc": talk.doc,
        "lines": f"{finding['source']['line']}→{finding['target']['line']}", "message": finding["message"],
        "confidence": finding.get("confidence"), "source": finding["source"]["text"], "target": finding["target"]["text"], "segments": segments,
    }


def score(talks: list[Talk], reports: list[dict], keep_examples: bool) -> dict:
    alarms, verdicts = Counter(), Counter()
    on_annotated = exposed = clean_segments = 0
    recall: dict[str, list[tuple[bool, bool, bool]]] = {"whole": [], "clause": [], "words": []}  # (on the paragraph, on the sentence, as warning+)
    false_alarms = []
    for talk, report in zip(talks, reports):
        comparison = report["comparisons"][0]
        verdicts[comparison["verdict"]] += 1
        clean = [all(s["no_accuracy_error"] for s in paragraph) for paragraph in talk.paragraphs]
        exposed += sum(len(paragraph) for paragraph, ok in zip(talk.paragraphs, clean) if ok)
        clean_segments += sum(s["no_accuracy_error"] for s in talk.segments)
        for finding in comparison["findings"]:
            label = finding_class(finding)
            if label is None:
                continue
            touched = touched_paragraphs(finding, talk)
            if not all(clean[p] for p in touched):
                on_annotated += 1
                continue
            alarms[label] += 1
            if keep_examples:
                false_alarms.append(describe(talk, finding, touched))
        omissions = [f for f in comparison["findings"] if f["kind"] == "omission"]
        for p, paragraph in enumerate(talk.paragraphs):
            hits = [f for f in omissions if f["source"]["line"] == paragraph_line(p)]
            for segment in paragraph:
                if omission_spans(segment):
                    recall[span_band(segment)].append(
                        (bool(hits), any(overlaps(f["source"]["text"], segment["source"]) for f in hits), any(f["severity"] != "info" for f in hits))
                    )
    per_100 = lambda count: round(100 * count / exposed, 2) if exposed else None  # noqa: E731
    result = {
        "talks": sorted({t.doc for t in talks}),
        "systems": len({t.system for t in talks}),
        "translations": len(talks),
        "segments": sum(len(t.segments) for t in talks),
        "clean_segments": clean_segments,
        "sentences_in_clean_paragraphs": exposed,
        "false_alarms": {label: {"count": n, "per_100": per_100(n)} for label, n in alarms.most_common()},
        "false_alarms_total": {"count": sum(alarms.values()), "per_100": per_100(sum(alarms.values()))},
        "on_annotated_paragraphs": on_annotated,
        "omission_recall": {
            band: {"segments": len(hits), "caught": sum(h for h, _, _ in hits), "same_sentence": sum(s for _, s, _ in hits),
                   "as_warning_plus": sum(w for _, _, w in hits), "recall": round(sum(h for h, _, _ in hits) / len(hits), 3) if hits else None}
            for band, hits in recall.items()
        },
        "verdicts": {v: verdicts[v] for v in VERDICTS},
    }
    if keep_examples:
        result["false_alarm_cases"] = false_alarms
    return result


def labelled(talks: list[Talk], reports: list[dict], split: str, pair: str) -> list[dict]:
    """Findings with their evidence for benchmarks/calibrate.py: 0 on all-clean paragraphs (a false
    alarm), 1 for an omission on a paragraph with a rated omission; anything else is left out."""
    rows = []
    for talk, report in zip(talks, reports):
        clean = [all(s["no_accuracy_error"] for s in paragraph) for paragraph in talk.paragraphs]
        for finding in report["comparisons"][0]["findings"]:
            if finding["kind"] == "number_format":
                continue
            touched = touched_paragraphs(finding, talk)
            if all(clean[p] for p in touched):
                label = 0
            elif finding["kind"] == "omission" and any(omission_spans(s) for p in touched for s in talk.paragraphs[p]):
                label = 1
            else:
                continue
            row = {"benchmark": "mqm", "split": split, "group": pair, "clean": label == 0, "document": f"{pair} {talk.doc}", "kind": finding["kind"],
                   "level": finding["level"], "severity": finding["severity"], "evidence": finding["evidence"], "label": label}
            row["rule_info"] = rule_info(row, finding.get("confidence"))
            if split == "dev":  # what a finding says, to read the dev false alarms (never the test ones)
                row.update(system=talk.system, message=finding["message"], source=finding["source"]["text"], target=finding["target"]["text"],
                           confidence=finding.get("confidence"))
            rows.append(row)
    return rows


# ---------------------------------------------------------------- tables


def print_pair(pair: str, results: dict[str, dict]) -> None:
    print(f"\n{pair}: {next(iter(results.values()))['systems']} systems")
    for split, r in results.items():
        print(f"  {split}{' (quoted)' if split == 'test' else ''}: {', '.join(r['talks'])}; {r['translations']} talk translations, "
              f"{r['segments']} segments ({r['clean_segments']} clean, {r['sentences_in_clean_paragraphs']} in all-clean paragraphs)")
    columns = "".join(f"{split:>18}" for split in results)
    print(f"  {'verdicts':28}{columns}")
    for verdict in VERDICTS:
        print(f"    {verdict:26}" + "".join(f"{r['verdicts'][verdict]:>18}" for r in results.values()))
    print(f"  {'false alarms: count, /100':28}{columns}")
    labels = sorted({label for r in results.values() for label in r["false_alarms"]})
    rows = [(label, [r["false_alarms"].get(label, {"count": 0, "per_100": 0.0}) for r in results.values()]) for label in labels]
    rows.append(("all", [r["false_alarms_total"] for r in results.values()]))
    for label, cells in rows:
        print(f"    {label:26}" + "".join(f"{c['count']:>10}{c['per_100'] or 0:8.2f}" for c in cells))
    print(f"    {'(on annotated paragraphs)':26}" + "".join(f"{r['on_annotated_paragraphs']:>10}{'':8}" for r in results.values()))
    print(f"  {'omission recall: caught/n':28}{columns}")
    for band, name in (("whole", f"whole (≥{WHOLE_SPAN:.0%} of sentence)"), ("clause", f"clause ({MIN_WORDS}+ words)"), ("words", "a few words")):
        cells = [r["omission_recall"][band] for r in results.values()]
        print(f"    {name:26}" + "".join(f"{c['caught']:>6}/{c['segments']:<4}{'—' if c['recall'] is None else c['recall']:>7} " for c in cells))
        print(f"    {'  same sentence':26}" + "".join(f"{c['same_sentence']:>6}/{c['segments']:<4}{'':8}" for c in cells))
        print(f"    {'  as warning+':26}" + "".join(f"{c['as_warning_plus']:>6}/{c['segments']:<4}{'':8}" for c in cells))


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", default=",".join(PAIRS), help="language pairs, comma separated")
    parser.add_argument("--limit-systems", type=int, default=None, metavar="N", help="only the first N systems, sorted by name")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = parser.parse_args()
    if set(args.pairs.split(",")) - set(PAIRS):
        parser.error(f"--pairs: choose from {', '.join(PAIRS)}")
    splits = SPLITS if args.split == "both" else (args.split,)

    started = time.perf_counter()
    output = {"split_seed": SPLIT_SEED, "segments_per_paragraph": PER_PARAGRAPH,
              "limit_systems": args.limit_systems, "pairs": {}}
    labels: dict = {"benchmark": "mqm", "clean_sentences": {}, "findings": []}
    with tempfile.TemporaryDirectory() as folder:
        for pair in args.pairs.split(","):
            talks = build_talks(pair, args.limit_systems, splits)
            reports = run_all(talks, Path(folder))
            results = {}
            for split in splits:
                chosen = [i for i, talk in enumerate(talks) if talk.split == split]
                results[split] = score([talks[i] for i in chosen], [reports[i] for i in chosen], keep_examples=split == "dev")
                labels["findings"] += labelled([talks[i] for i in chosen], [reports[i] for i in chosen], split, pair)
                labels["clean_sentences"].setdefault(split, {})[pair] = results[split]["sentences_in_clean_paragraphs"]
            output["pairs"][pair] = results
            print_pair(pair, results)
    output["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "mqm.json").write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"labels.mqm-{args.split}.json").write_text(json.dumps(labels) + "\n")
    print(f"\n{output['seconds']:.0f} s; {RESULTS / 'mqm.json'}")


if __name__ == "__main__":
    main()

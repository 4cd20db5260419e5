"""False alarms on whole human translations in language pairs and genres nobody tuned for.

Corpora (../shared/corpora): Text+Berg de→fr (7 yearbook documents of the Swiss Alpine Club) and
aligner-eval: zh→en literary (MAC) and political documents, en→zh academic and magazine ones (the
Bible, whose gold is whole verses, is left out). Both come with a gold sentence alignment that keeps what one
edition says and the other does not as unmatched sentences. The checks were tuned on en/ar/vi
(discrepancy.py) and measured on MT output (mqm.py); here they meet published translations,
literary ones among them, that merge, split and retell sentences.

Split: by document with the other benchmarks' rule (benchmarks/splits.py), per corpus; test
figures are the ones to quote, dev false alarms are printed one by one.

Documents: each document's gold beads in order, five to a paragraph on both sides (an edition
keeps its paragraphs), sentences of a paragraph joined by a space. The real CLI runs on every
pair (``aligner compare SRC TGT --format json --lang de,fr``, two at a time).

Scoring (findings of severity info are never alarms): a warning or error is *explained* when it
is an omission (addition) whose source (target) sentences gold leaves unmatched; every other one
is a false alarm. Rate: false alarms per 100 source sentences, by finding kind and level; and the
verdicts (a translation should never be called unrelated).

Labels for benchmarks/calibrate.py: every omission and addition of sentences or paragraphs, info
included, with its evidence and whether gold explains it (1) or not (0); the models of those
families are fitted on them beside discrepancy.py's and mqm.py's, where gold makes the label
sure (a number or clause finding on a published translation may be a real difference gold does
not record). The bars stay chosen on the en/ar/vi and MQM groups alone.

    .venv/bin/python benchmarks/other_pairs.py [--split dev|test|both]

Prints the tables and writes benchmarks/results/other_pairs.json and
benchmarks/results/labels.other_pairs-{split}.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from alignment import Document, textberg, zh_en
from calibrate import rule_info
from splits import SPLIT_SEED, SPLITS, in_split

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
ALIGNER = ROOT / ".venv" / "bin" / "aligner"
CACHE = Path(os.environ.get("ALIGNER_CACHE_DIR", Path.home() / ".cache" / "aligner-bench"))
BEADS_PER_PARAGRAPH = 5


def corpora() -> dict[str, tuple[tuple[str, str], list[Document]]]:
    """Each corpus's languages (source, target) and documents."""
    return {
        "textberg de→fr": (("de", "fr"), textberg()),
        "aligner-eval zh→en": (("zh", "en"), zh_en("mac") + zh_en("pol")),
        "aligner-eval en→zh": (("en", "zh"), zh_en("aca") + zh_en("mag")),
    }


def paragraphs(document: Document, side: int) -> list[str]:
    lines = document.source if side == 0 else document.target
    groups = [document.gold[k : k + BEADS_PER_PARAGRAPH] for k in range(0, len(document.gold), BEADS_PER_PARAGRAPH)]
    texts = [" ".join(lines[i].strip() for bead in group for i in bead[side]) for group in groups]
    return [text for text in texts if text]


def run_cli(document: Document, languages: tuple[str, str], folder: Path) -> dict:
    files = []
    for side, language in enumerate(languages):
        path = folder / f"{document.name.replace('/', '_')}.{language}.txt"
        path.write_text("\n\n".join(paragraphs(document, side)) + "\n", encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [str(ALIGNER), "compare", *files, "--format", "json", "--lang", ",".join(languages)],
        capture_output=True, text=True, env={**os.environ, "ALIGNER_CACHE_DIR": str(CACHE)},
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"aligner failed on {document.name}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def unmatched(document: Document) -> tuple[set[str], set[str]]:
    """The texts of the sentences gold leaves unmatched, source side and target side."""
    source = {document.source[i].strip() for s, t in document.gold if not t for i in s}
    target = {document.target[j].strip() for s, t in document.gold if not s for j in t}
    return source, target


def explained(finding: dict, source: set[str], target: set[str]) -> bool:
    """An omission or addition of sentences that gold leaves unmatched (``unmatched``): the editions differ there."""
    if finding["kind"] == "omission" and finding["level"] != "clause":
        return bool(finding["source"]["text"]) and all(part in source for part in _sentences(finding["source"]["text"], source))
    if finding["kind"] == "addition":
        return bool(finding["target"]["text"]) and all(part in target for part in _sentences(finding["target"]["text"], target))
    return False


def _sentences(text: str, known: set[str]) -> list[str]:
    """The gold sentences a finding's text is made of (a paragraph finding joins them by spaces)."""
    return [text] if text.strip() in known else [s for s in known if s in text] or [text]


def score(documents: list[Document], reports: list[dict]) -> dict:
    sentences = alarms = explained_count = 0
    by_kind: Counter = Counter()
    verdicts: Counter = Counter()
    examples = []
    for document, report in zip(documents, reports):
        comparison = report["comparisons"][0]
        source, target = unmatched(document)
        sentences += report["documents"][0]["sentences"]
        verdicts[comparison["verdict"]] += 1
        for finding in comparison["findings"]:
            if finding["severity"] == "info":
                continue
            if explained(finding, source, target):
                explained_count += 1
                continue
            alarms += 1
            by_kind[f"{finding['kind']}:{finding['level']}"] += 1
            examples.append({"document": document.name, "kind": finding["kind"], "level": finding["level"], "severity": finding["severity"],
                             "confidence": finding.get("confidence"), "message": finding["message"],
                             "source": finding["source"]["text"], "target": finding["target"]["text"]})
    return {
        "documents": len(documents), "sentences": sentences, "false_alarms": alarms,
        "per_100": round(100 * alarms / sentences, 2) if sentences else 0.0,
        "explained": explained_count, "by_kind": dict(by_kind.most_common()), "verdicts": dict(verdicts),
        "examples": examples,
    }


def labelled(corpus: str, split: str, documents: list[Document], reports: list[dict]) -> list[dict]:
    """The omissions and additions of sentences and paragraphs, each with its evidence and whether gold explains it."""
    rows = []
    for document, report in zip(documents, reports):
        source, target = unmatched(document)
        for finding in report["comparisons"][0]["findings"]:
            if finding["kind"] in ("omission", "addition") and finding["level"] in ("sentence", "paragraph"):
                row = {"benchmark": "other_pairs", "split": split, "group": corpus, "clean": True, "document": f"{corpus} {document.name}",
                       "kind": finding["kind"], "level": finding["level"], "severity": finding["severity"],
                       "evidence": finding["evidence"], "label": int(explained(finding, source, target))}
                rows.append({**row, "rule_info": rule_info(row, finding.get("confidence"))})
    return rows


def print_table(split: str, corpus: str, result: dict) -> None:
    print(f"\n{split} {corpus}: {result['documents']} documents, {result['sentences']} source sentences; "
          f"verdicts {result['verdicts']} (target: none unrelated)")
    print(f"  false alarms (warning or error) per 100 source sentences: {result['per_100']:.2f} "
          f"({result['false_alarms']}; {result['explained']} more are sentences gold leaves unmatched)")
    for kind, count in result["by_kind"].items():
        print(f"    {kind:24} {count:4}  {100 * count / result['sentences']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = parser.parse_args()
    splits = SPLITS if args.split == "both" else (args.split,)
    started = time.perf_counter()
    output: dict = {"split_seed": SPLIT_SEED, "beads_per_paragraph": BEADS_PER_PARAGRAPH, "splits": {}}
    labels: dict = {"benchmark": "other_pairs", "budgeted": False, "findings": []}
    with tempfile.TemporaryDirectory() as folder:
        for corpus, (languages, documents) in corpora().items():
            for split in splits:
                chosen = [d for d, kept in zip(documents, in_split([d.name for d in documents], split)) if kept]
                with ThreadPoolExecutor(2) as pool:
                    reports = list(pool.map(lambda d: run_cli(d, languages, Path(folder)), chosen))
                result = score(chosen, reports)
                labels.setdefault("clean_sentences", {}).setdefault(split, {})[corpus] = result["sentences"]
                labels["findings"] += labelled(corpus, split, chosen, reports)
                if split != "dev":
                    del result["examples"]  # test cases are for quoting, never for reading one by one
                output["splits"].setdefault(split, {})[corpus] = result
                print_table(split, corpus, result)
    output["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "other_pairs.json").write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"labels.other_pairs-{args.split}.json").write_text(json.dumps(labels) + "\n")
    print(f"\n{output['seconds']:.0f} s; dev false alarms one by one: {RESULTS / 'other_pairs.json'}")


if __name__ == "__main__":
    main()

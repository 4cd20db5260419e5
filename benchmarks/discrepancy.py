"""Discrepancy detection on real professional translations with one injected fault per pair.

Test pairs are built by a seeded script from the line-parallel corpora of
../shared/corpora: XQuAD contexts (en/ar/vi), UDHR sections (en/ar/vi, split at
`` ¶ ``), PUD (en/ar, 3 sentences of one document to a paragraph) and IWSLT15
(en/vi TED talks, detokenized, 4 lines to a paragraph). A pair is 6-10 consecutive
paragraphs, one paragraph per line, so a finding's line is the paragraph it is in.
Directions: en→ar (XQuAD, UDHR, PUD), en→vi (XQuAD, UDHR, IWSLT), ar→vi (XQuAD, UDHR).

Exactly one fault goes into the target of each pair (or none, for the clean pairs, which
tile every corpus of the split so that each of its paragraphs is in one clean pair):
delete a sentence, delete a paragraph, cut a clause out of a sentence, insert a
sentence from elsewhere in the corpus, move a paragraph two or more places,
change / drop / add a number, or replace the whole target with another stretch of
the corpus. The real CLI (``aligner compare --format json``) runs on every pair.

Scoring, per direction:

* recall of a fault: share of its pairs with a finding of the expected kind on the
  fault's line (source line of what was removed, target line of what was added or
  changed; for a move, any ``moved`` finding within the displaced paragraphs), at any
  severity, and "as warning+": by a warning or an error, what fails a CI gate;
* precision of a finding kind: findings that explain their pair's fault over those
  that do not. Findings of another kind *on the fault's own lines* (a number that
  left with its deleted sentence, a low similarity next to a cut clause) are
  counted apart as collateral, neither right nor wrong;
* false alarms per 100 source sentences on the clean pairs (errors and warnings;
  ``number_format`` is informational and ignored).

Findings on the corpora's own translation errors, checked by hand and listed in
benchmarks/corpus_errors.tsv ("5.3%" translated as 5%), are right: they are counted
apart ("corpus" column), neither true nor false.

It also writes benchmarks/results/calibration.png: precision and recall of
"a source sentence is omitted" against a threshold on its bead margin (the
``score`` of ``sentence_alignments`` in the JSON; 0 for unaligned sentences), with
the deleted paragraphs' sentences as positives and every sentence of the clean
pairs as negatives.

Held out: the documents of every corpus are split into dev (tune on it) and test (quote it,
never inspect its single cases) with a fixed seed (benchmarks/splits.py); pairs of each split are
built from its own documents only, and every table is printed for both. The calibration plot
is drawn on dev.

    .venv/bin/python benchmarks/discrepancy.py [--pairs 16] [--seed 4] [--jobs 2] [--split both]

Embeddings are cached in ~/.cache/aligner-bench (ALIGNER_CACHE_DIR overrides), so reruns are fast.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from calibrate import rule_info
from splits import SPLIT_SEED, SPLITS, blocks, in_split

from aligner.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
RESULTS = ROOT / "benchmarks" / "results"
ALIGNER = ROOT / ".venv" / "bin" / "aligner"
CACHE = Path(os.environ.get("ALIGNER_CACHE_DIR", Path.home() / ".cache" / "aligner-bench"))

DOCUMENT = "document"  # the key of a corpus's per-paragraph document ids
DIRECTIONS = {"en→ar": ("en", "ar"), "en→vi": ("en", "vi"), "ar→vi": ("ar", "vi")}
FAULTS = ("clean", "delete_sentence", "delete_paragraph", "cut_clause", "insert_sentence", "move_paragraph", "number", "unrelated")
# What each fault should be reported as: finding kinds and, for omissions, levels. A deleted
# target sentence may be only a clause of the source's sentence (Arabic joins with و what
# Vietnamese writes as two sentences), so a clause omission on its line reports it too.
EXPECTED = {
    "delete_sentence": ({"omission"}, {"sentence", "paragraph", "clause"}),
    "delete_paragraph": ({"omission"}, {"sentence", "paragraph"}),
    "cut_clause": ({"omission"}, {"clause"}),
    "insert_sentence": ({"addition"}, None),
    "move_paragraph": ({"moved"}, None),
    "number": ({"number_mismatch", "number_missing", "number_added"}, None),
    "unrelated": ({"unrelated"}, None),
}
# The targets (issue 4, item 3), printed beside the measured figures.
TARGETS = {
    "delete_sentence": "R ≥ 0.95", "delete_paragraph": "R ≥ 0.95", "insert_sentence": "R ≥ 0.95",
    "cut_clause": "R ≥ 0.80", "move_paragraph": "R ≥ 0.90 as moves", "unrelated": "all caught",
    "omission": "P ≥ 0.95", "addition": "P ≥ 0.95", "clause omission": "P ≥ 0.90",
}
CLAUSE_BREAK = re.compile(r"[,;،؛]\s+")
DIGITS = re.compile(r"[0-9٠-٩]+")
PAIR_PARAGRAPHS = (6, 10)


# ---------------------------------------------------------------- corpora as paragraph lists


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n")[:-1]


def detokenize(line: str) -> str:
    """IWSLT is tokenized and HTML-escaped: undo both, so the text reads like a real document."""
    line = html.unescape(line.replace("\ufeff", "")).strip()
    line = re.sub(r" ([.,!?;:%)\]])", r"\1", line)
    line = re.sub(r"([(\[]) ", r"\1", line)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'m|'d)\b", r"\1", line)


def xquad() -> dict[str, list[str]]:
    corpus = {lang: read_lines(CORPORA / "xquad-en-ar-vi" / f"contexts.{lang}") for lang in ("en", "ar", "vi")}
    return {**corpus, DOCUMENT: [line.split("\t")[1] for line in read_lines(CORPORA / "xquad-en-ar-vi" / "contexts.ids")]}


def udhr() -> dict[str, list[str]]:
    """Sections split at `` ¶ `` where all three languages have the same number of paragraphs, else kept whole."""
    sections = {lang: read_lines(CORPORA / "udhr-en-ar-vi" / f"udhr.sections.{lang}") for lang in ("en", "ar", "vi")}
    out: dict[str, list[str]] = {lang: [] for lang in (*sections, DOCUMENT)}
    for article, parts in enumerate(zip(*sections.values())):
        split = [p.split(" ¶ ") for p in parts]
        if len({len(s) for s in split}) > 1:
            split = [[p.replace(" ¶ ", " ")] for p in parts]
        for lang, pieces in zip(sections, split):
            out[lang] += pieces
        out[DOCUMENT] += [article] * len(split[0])
    return out


def pud() -> dict[str, list[str]]:
    ids = [line.split("\t")[1] for line in read_lines(CORPORA / "pud-en-ar" / "pud.ids")]
    lines = {lang: read_lines(CORPORA / "pud-en-ar" / f"pud.{lang}") for lang in ("en", "ar")}
    out: dict[str, list[str]] = {lang: [] for lang in (*lines, DOCUMENT)}
    start = 0
    while start < len(ids):
        end = start + 1
        while end < len(ids) and end - start < 3 and ids[end] == ids[start]:
            end += 1
        for lang in lines:
            out[lang].append(" ".join(lines[lang][start:end]))
        out[DOCUMENT].append(ids[start])
        start = end
    return out


def iwslt() -> dict[str, list[str]]:
    out = {}
    for lang in ("en", "vi"):
        lines = [detokenize(line) for name in ("tst2012", "tst2013") for line in read_lines(CORPORA / "iwslt15-en-vi" / f"{name}.{lang}")]
        out[lang] = [" ".join(lines[i : i + 4]) for i in range(0, len(lines) - 3, 4)]
    return {**out, DOCUMENT: blocks(len(out["en"]))}



def split_corpus(corpus: dict[str, list[str]], split: str) -> dict[str, list[str]]:
    """The paragraphs of the corpus's documents in ``split`` (see splits.py), in corpus order."""
    keep = in_split(corpus[DOCUMENT], split)
    return {lang: [line for line, kept in zip(lines, keep) if kept] for lang, lines in corpus.items()}


def corpora_for(direction: str, split: str) -> dict[str, dict[str, list[str]]]:
    common = {"xquad": xquad(), "udhr": udhr()}
    extra = {"en→ar": {"pud": pud()}, "en→vi": {"iwslt": iwslt()}, "ar→vi": {}}[direction]
    return {name: split_corpus(corpus, split) for name, corpus in {**common, **extra}.items()}


# ---------------------------------------------------------------- injecting faults


@dataclass
class TestPair:
    direction: str
    corpus: str
    fault: str
    source: list[str]  # paragraphs, one per line
    target: list[str]
    source_lines: set[int] = field(default_factory=set)  # 1-based lines where the fault should be reported
    target_lines: set[int] = field(default_factory=set)
    note: str = ""
    documents: list[str] = field(default_factory=list)  # the corpus document of each source paragraph

    def document_at(self, line: int | None) -> str:
        """The corpus document a finding on this (1-based) line of the pair comes from."""
        return self.documents[min(max(line or 1, 1), len(self.documents)) - 1]


def sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


def delete_sentence(pair: TestPair, lang: str, rng: random.Random, pool: list[str]) -> bool:
    candidates = [p for p, text in enumerate(pair.target) if len(sentences(text, lang)) >= 2]
    if not candidates:
        return False
    p = rng.choice(candidates)
    parts = sentences(pair.target[p], lang)
    k = rng.randrange(len(parts))
    pair.note = parts[k]
    pair.target[p] = " ".join(parts[:k] + parts[k + 1 :])
    pair.source_lines, pair.target_lines = {p + 1}, {p + 1}
    return True


def delete_paragraph(pair: TestPair, lang: str, rng: random.Random, pool: list[str]) -> bool:
    p = rng.randrange(len(pair.target))
    pair.note = pair.target.pop(p)
    pair.source_lines = {p + 1}
    return True


def cut_clause(pair: TestPair, lang: str, rng: random.Random, pool: list[str]) -> bool:
    """Remove a non-initial comma/semicolon piece of 4+ words that is at most 60% of its sentence."""
    options = []
    for p, text in enumerate(pair.target):
        for sentence in sentences(text, lang):
            cuts = [m.end() for m in CLAUSE_BREAK.finditer(sentence)]
            bounds = [0] + cuts + [len(sentence)]
            for a, b in zip(bounds[1:-1], bounds[2:]):
                piece = sentence[a:b]
                if len(piece.split()) >= 4 and len(piece) <= 0.6 * len(sentence):
                    options.append((p, sentence, a, b))
    if not options:
        return False
    p, sentence, a, b = rng.choice(options)
    piece = sentence[a:b]
    # Drop the break before the piece; keep the sentence's final punctuation.
    head = re.sub(r"[,;،؛]\s+$", "", sentence[:a])
    tail = sentence[b:]
    if b == len(sentence):
        tail = piece.rstrip()[-1] if piece.rstrip()[-1] in ".!?؟।" else ""
        piece = piece.rstrip(".!?؟ ")
    else:
        head += ", " if lang != "ar" else "، "
    pair.target[p] = pair.target[p].replace(sentence, head + tail, 1)
    pair.note = piece
    pair.source_lines, pair.target_lines = {p + 1}, {p + 1}
    return True


def insert_sentence(pair: TestPair, lang: str, rng: random.Random, pool: list[str]) -> bool:
    """A sentence of 5+ words from a paragraph outside the pair, inserted at a sentence boundary."""
    while True:
        candidates = [s for s in sentences(rng.choice(pool), lang) if len(s.split()) >= 5]
        if candidates:
            break
    sentence = rng.choice(candidates)
    p = rng.randrange(len(pair.target))
    parts = sentences(pair.target[p], lang)
    k = rng.randint(0, len(parts))
    pair.target[p] = " ".join(parts[:k] + [sentence] + parts[k:])
    pair.note = sentence
    pair.target_lines = {p + 1}
    return True


def move_paragraph(pair: TestPair, lang: str, rng: random.Random, pool: list[str]) -> bool:
    n = len(pair.target)
    p = rng.randrange(n)
    q = rng.choice([q for q in range(n) if abs(q - p) >= 2])
    pair.target.insert(q, pair.target.pop(p))
    # Moving p to q displaces everything in between: a move reported for any of them is right.
    displaced = range(min(p, q) + 1, max(p, q) + 2)
    pair.source_lines, pair.target_lines = set(displaced), set(displaced)
    pair.note = f"paragraph {p + 1} moved to {q + 1}"
    return True


def number(pair: TestPair, lang: str, rng: random.Random, pool: list[str]) -> bool:
    """Change a digit, drop a number, or add one (``add`` where the target has no number)."""
    with_digits = [p for p, text in enumerate(pair.target) if DIGITS.search(text)]
    action = rng.choice(["change", "drop", "add"]) if with_digits else "add"
    if action == "add":
        p = rng.randrange(len(pair.target))
        words = pair.target[p].split(" ")
        k = rng.randrange(1, len(words)) if len(words) > 1 else 1
        value = str(rng.randint(12, 1990))
        words.insert(k, value)
        pair.target[p] = " ".join(words)
        pair.note = f"added {value}"
    else:
        p = rng.choice(with_digits)
        match = rng.choice(list(DIGITS.finditer(pair.target[p])))
        text = pair.target[p]
        if action == "drop":
            pair.target[p] = (text[: match.start()].rstrip(" ") + " " + text[match.end() :].lstrip(" ")).strip()
            pair.note = f"dropped {match.group()}"
        else:
            i = rng.randrange(match.start(), match.end())
            zero = ord(text[i]) - int(text[i])
            digit = chr(zero + rng.choice([d for d in range(10) if d != int(text[i])]))
            pair.target[p] = text[:i] + digit + text[i + 1 :]
            pair.note = f"changed {match.group()} to {pair.target[p][match.start():match.end()]}"
    pair.source_lines, pair.target_lines = {p + 1}, {p + 1}
    return True


INJECT = {
    "delete_sentence": delete_sentence, "delete_paragraph": delete_paragraph, "cut_clause": cut_clause,
    "insert_sentence": insert_sentence, "move_paragraph": move_paragraph, "number": number,
}


def build_pairs(direction: str, per_fault: int, seed: int, split: str) -> list[TestPair]:
    """The clean pairs tile every corpus of the split (each paragraph once), so that false alarms
    are counted on all its real translations rather than on a few stretches drawn at random
    (16 drawn pairs held about 300 sentences, where one false alarm moved the rate by 0.3); then
    ``per_fault`` pairs of each fault, each fault drawn from its own seeded stream."""
    src_lang, tgt_lang = DIRECTIONS[direction]
    corpora = corpora_for(direction, split)
    pairs = []
    for name, corpus in sorted(corpora.items()):
        rng = random.Random(f"{seed}-{direction}-{split}-{name}-clean")
        start = 0
        while start < len(corpus[src_lang]):
            end = start + rng.randint(*PAIR_PARAGRAPHS)
            if end > len(corpus[src_lang]) - PAIR_PARAGRAPHS[0]:  # no short pair at the corpus's end
                end = len(corpus[src_lang])
            pairs.append(_pair(direction, name, "clean", corpus, range(start, end)))
            start = end
    for fault in FAULTS[1:]:
        rng = random.Random(f"{seed}-{direction}-{split}-{fault}")
        made = 0
        while made < per_fault:
            name = rng.choice(sorted(corpora))
            corpus = corpora[name]
            size = rng.randint(*PAIR_PARAGRAPHS)
            start = rng.randrange(len(corpus[src_lang]) - size)
            span = range(start, start + size)
            pair = _pair(direction, name, fault, corpus, span)
            outside = [text for i, text in enumerate(corpus[tgt_lang]) if i not in span]
            if fault == "unrelated":
                other = rng.choice([s for s in range(len(corpus[tgt_lang]) - size) if abs(s - start) >= size])
                pair.target = corpus[tgt_lang][other : other + size]
            elif not INJECT[fault](pair, tgt_lang, rng, outside):
                continue
            pairs.append(pair)
            made += 1
    return pairs


def _pair(direction: str, name: str, fault: str, corpus: dict[str, list[str]], span: range) -> TestPair:
    src_lang, tgt_lang = DIRECTIONS[direction]
    return TestPair(direction, name, fault, corpus[src_lang][span.start : span.stop], corpus[tgt_lang][span.start : span.stop],
                    documents=[f"{name} {key}" for key in corpus[DOCUMENT][span.start : span.stop]])


# ---------------------------------------------------------------- running the CLI


def run_cli(pair: TestPair, folder: Path, index: int, model: str) -> dict:
    src_lang, tgt_lang = DIRECTIONS[pair.direction]
    source, target = folder / f"{index:04d}.{src_lang}.txt", folder / f"{index:04d}.{tgt_lang}.txt"
    source.write_text("\n".join(pair.source) + "\n", encoding="utf-8")
    target.write_text("\n".join(pair.target) + "\n", encoding="utf-8")
    result = subprocess.run(
        [str(ALIGNER), "compare", str(source), str(target), "--format", "json", "--lang", f"{src_lang},{tgt_lang}", "--model", model],
        capture_output=True, text=True, env={**os.environ, "ALIGNER_CACHE_DIR": str(CACHE)},
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"aligner failed on {pair.direction} {pair.fault}: {result.stderr.strip()}")
    return json.loads(result.stdout)


# ---------------------------------------------------------------- scoring


def category(finding: dict) -> str | None:
    """The finding kinds scored separately; None for informational ones."""
    kind = finding["kind"]
    if finding["severity"] == "info":
        return None
    if kind == "omission":
        return "clause omission" if finding["level"] == "clause" else "omission"
    if kind.startswith("number_"):
        return "number"
    return kind


def explains(finding: dict, pair: TestPair) -> bool:
    """Does this finding report the pair's injected fault, by kind and line?"""
    if pair.fault == "clean":
        return False
    kinds, levels = EXPECTED[pair.fault]
    if finding["kind"] not in kinds or (levels and finding["level"] not in levels):
        return False
    if pair.fault == "unrelated":
        return True
    return finding["source"]["line"] in pair.source_lines or finding["target"]["line"] in pair.target_lines


def read_corpus_errors(path: Path = ROOT / "benchmarks" / "corpus_errors.tsv") -> list[tuple[str, str, str, str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [(corpus, direction, kind, text) for corpus, direction, kind, text, _why in rows]


CORPUS_ERRORS = read_corpus_errors()


def corpus_error(finding: dict, pair: TestPair) -> bool:
    """Is this finding one of the corpus translation's own, hand-checked discrepancies? Known by
    its message or, for an omission or addition, by the text of the sentence it names."""
    said = [finding["message"], finding["source"]["text"] or "", finding["target"]["text"] or ""]
    return any(
        (corpus, direction, kind) == (pair.corpus, pair.direction, finding["kind"]) and any(text in part for part in said)
        for corpus, direction, kind, text in CORPUS_ERRORS
    )


def on_fault_lines(finding: dict, pair: TestPair) -> bool:
    if pair.fault == "clean":
        return False
    return pair.fault == "unrelated" or finding["source"]["line"] in pair.source_lines or finding["target"]["line"] in pair.target_lines


def score(pairs: list[TestPair], reports: list[dict]) -> dict:
    recall: dict[str, list[int]] = defaultdict(list)
    gate_recall: dict[str, list[int]] = defaultdict(list)  # caught by a warning or an error: what fails a CI gate
    findings = defaultdict(Counter)  # category -> {true, false, collateral}
    clean_alarms, clean_sentences = Counter(), 0
    called_unrelated = 0
    moves_as_omission_addition = 0
    misses, false_alarms = [], []
    for pair, report in zip(pairs, reports):
        comparison = report["comparisons"][0]
        found = comparison["findings"]
        if pair.fault != "clean":
            hit = any(explains(f, pair) for f in found)
            recall[pair.fault].append(hit)
            gate_recall[pair.fault].append(any(explains(f, pair) and f["severity"] != "info" for f in found))
            if not hit:
                misses.append({"fault": pair.fault, "corpus": pair.corpus, "note": pair.note[:200],
                               "lines": sorted(pair.source_lines | pair.target_lines),
                               "got": [f"{f['kind']}/{f['level']} {f['source']['line']}→{f['target']['line']}" for f in found][:6]})
            if pair.fault == "move_paragraph" and not hit:
                kinds = {f["kind"] for f in found}
                moves_as_omission_addition += {"omission", "addition"} <= kinds
        if pair.fault != "unrelated" and comparison["verdict"] == "unrelated":
            called_unrelated += 1
        if pair.fault == "clean":
            clean_sentences += report["documents"][0]["sentences"]
        for f in found:
            label = category(f)
            if label is None:
                continue
            if explains(f, pair):
                findings[label]["true"] += 1
            elif corpus_error(f, pair):
                findings[label]["corpus error"] += 1
                continue
            elif on_fault_lines(f, pair):
                findings[label]["collateral"] += 1
            else:
                findings[label]["false"] += 1
                false_alarms.append({"fault": pair.fault, "corpus": pair.corpus, "kind": f"{f['kind']}/{f['level']}",
                                     "lines": f"{f['source']['line']}→{f['target']['line']}", "fault_lines": sorted(pair.source_lines | pair.target_lines),
                                     "message": f["message"][:160], "source": (f["source"]["text"] or "")[:160], "target": (f["target"]["text"] or "")[:160]})
            if pair.fault == "clean":
                clean_alarms[label] += 1
    per_100 = lambda count: round(100 * count / clean_sentences, 2) if clean_sentences else None  # noqa: E731
    return {
        "recall": {fault: {"pairs": len(hits), "caught": sum(hits), "recall": round(sum(hits) / len(hits), 3),
                           "gate_recall": round(sum(gate_recall[fault]) / len(hits), 3)} for fault, hits in recall.items()},
        "findings": {
            label: {"true": counts["true"], "false": counts["false"], "collateral": counts["collateral"], "corpus_errors": counts["corpus error"],
                    "precision": round(counts["true"] / (counts["true"] + counts["false"]), 3) if counts["true"] + counts["false"] else None,
                    "clean_per_100_sentences": per_100(clean_alarms[label])}
            for label, counts in sorted(findings.items())
        },
        "clean_sentences": clean_sentences,
        "clean_false_alarms_per_100_sentences": per_100(sum(clean_alarms.values())),
        "real_translations_called_unrelated": called_unrelated,
        "moves_reported_as_omission_plus_addition": moves_as_omission_addition,
        "missed": misses,
        "false_alarms": false_alarms,
    }


def labelled(pairs: list[TestPair], reports: list[dict], split: str) -> list[dict]:
    """Every finding but number_format with its evidence and whether it is right (1) or a false alarm (0).

    For benchmarks/calibrate.py. Collateral findings (on the fault's own lines, neither right
    nor wrong) are left out; findings on hand-checked corpus errors are right.
    """
    rows = []
    for pair, report in zip(pairs, reports):
        for f in report["comparisons"][0]["findings"]:
            if f["kind"] == "number_format":
                continue
            if explains(f, pair) or corpus_error(f, pair):
                label = 1
            elif on_fault_lines(f, pair):
                continue
            else:
                label = 0
            row = {"benchmark": "discrepancy", "split": split, "group": pair.direction, "clean": pair.fault == "clean",
                   "document": pair.document_at(f["source"]["line"] or f["target"]["line"]), "kind": f["kind"], "level": f["level"], "severity": f["severity"], "evidence": f["evidence"], "label": label}
            row["rule_info"] = rule_info(row, f.get("confidence"))
            if split == "dev":  # what a finding says, to read the dev false alarms (never the test ones)
                row.update(corpus=pair.corpus, fault=pair.fault, message=f["message"], source=f["source"]["text"], target=f["target"]["text"],
                           confidence=f.get("confidence"))
            rows.append(row)
    return rows


def print_tables(direction: str, result: dict) -> None:
    print(f"\n{direction}: {result['clean_sentences']} source sentences in clean pairs; "
          f"false alarms on clean pairs {result['clean_false_alarms_per_100_sentences']} per 100 sentences (target ≤ 1); "
          f"real translations called unrelated: {result['real_translations_called_unrelated']} (target 0)")
    print(f"  {'injected fault':18} {'pairs':>5} {'caught':>6} {'recall':>7} {'as warning+':>11}  target")
    for fault, row in result["recall"].items():
        print(f"  {fault:18} {row['pairs']:5} {row['caught']:6} {row['recall']:7.3f} {row['gate_recall']:11.3f}  {TARGETS.get(fault, '')}")
    print(f"  moves reported as omission + addition instead: {result['moves_reported_as_omission_plus_addition']}")
    print(f"  {'finding kind':18} {'true':>5} {'false':>6} {'collat.':>7} {'corpus':>6} {'precision':>9} {'clean /100 sent.':>16}  target")
    for label, row in result["findings"].items():
        precision = "—" if row["precision"] is None else f"{row['precision']:.3f}"
        print(f"  {label:18} {row['true']:5} {row['false']:6} {row['collateral']:7} {row['corpus_errors']:6} {precision:>9} {row['clean_per_100_sentences']:16}  {TARGETS.get(label, '')}")


# ---------------------------------------------------------------- calibration plot


def calibration(pairs: list[TestPair], reports: list[dict]) -> dict:
    """Bead margins of source sentences: deleted paragraphs' sentences (positives) and clean pairs' sentences (negatives)."""
    positives, negatives = [], []
    for pair, report in zip(pairs, reports):
        if pair.fault not in ("clean", "delete_paragraph"):
            continue
        for bead in report["comparisons"][0]["sentence_alignments"]:
            deleted = pair.fault == "delete_paragraph" and set(bead["source_lines"]) <= pair.source_lines
            if pair.fault == "clean":
                negatives += [bead["score"]] * len(bead["source"])
            elif deleted:
                positives += [bead["score"]] * len(bead["source"])
    return {"positives": positives, "negatives": negatives}


def plot_calibration(scores: dict, path: Path) -> list[dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    positives, negatives = scores["positives"], scores["negatives"]
    # Unaligned sentences score 0, so threshold 0 is the CLI's own decision ("omitted" = left unaligned).
    thresholds = [t / 100 for t in range(0, 61)]
    curve = []
    for t in thresholds:
        tp = sum(s <= t for s in positives)
        fp = sum(s <= t for s in negatives)
        curve.append({"threshold": t, "recall": tp / len(positives) if positives else 0.0, "precision": tp / (tp + fp) if tp + fp else None})
    figure, axes = plt.subplots(figsize=(7, 4.5))
    axes.plot(thresholds, [float("nan") if c["precision"] is None else c["precision"] for c in curve], label="precision")
    axes.plot(thresholds, [c["recall"] for c in curve], label="recall")
    axes.set_xlabel("threshold on a source sentence's bead margin (omitted if at or below; unaligned = 0)")
    axes.set_ylabel("share")
    axes.set_title(f"Sentence omission: {len(positives)} deleted vs {len(negatives)} clean source sentences")
    axes.set_ylim(0, 1.02)
    axes.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    return curve


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=16, help="pairs per fault type and direction (the clean pairs tile the corpora)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2, help="CLI runs at a time")
    parser.add_argument("--directions", default=",".join(DIRECTIONS))
    parser.add_argument("--model", default="openvino", help="embedding backend, as aligner compare --model")
    parser.add_argument("--split", default="both", choices=("dev", "test", "both"), help="which documents the pairs come from")
    args = parser.parse_args()

    started = time.perf_counter()
    results: dict[str, dict] = {}
    dev_pairs, dev_reports, count = [], [], 0
    labels: dict = {"benchmark": "discrepancy", "clean_sentences": {}, "findings": []}
    with tempfile.TemporaryDirectory() as folder:
        for split in SPLITS if args.split == "both" else (args.split,):
            results[split] = {}
            for direction in args.directions.split(","):
                pairs = build_pairs(direction, args.pairs, args.seed, split)
                with ThreadPoolExecutor(args.jobs) as pool:
                    reports = list(pool.map(lambda item: run_cli(item[1], Path(folder), count + item[0], args.model), enumerate(pairs)))
                count += len(pairs)
                results[split][direction] = score(pairs, reports)
                labels["findings"] += labelled(pairs, reports, split)
                labels["clean_sentences"].setdefault(split, {})[direction] = results[split][direction]["clean_sentences"]
                labels.setdefault("all_sentences", {}).setdefault(split, {})[direction] = sum(r["documents"][0]["sentences"] for r in reports)
                print_tables(f"{split} {direction}", results[split][direction])
                if split == "dev":
                    dev_pairs += pairs
                    dev_reports += reports
    RESULTS.mkdir(parents=True, exist_ok=True)
    curve = plot_calibration(calibration(dev_pairs, dev_reports), RESULTS / "calibration.png") if dev_pairs else []
    seconds = round(time.perf_counter() - started, 1)
    output = {"pairs_per_fault": args.pairs, "seed": args.seed, "split_seed": SPLIT_SEED, "seconds": seconds, "splits": results, "calibration_curve_dev": curve}
    (RESULTS / "discrepancy.json").write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"labels.discrepancy-{args.split}.json").write_text(json.dumps(labels) + "\n")
    print(f"\n{count} pairs in {seconds:.0f} s; plot (dev): {RESULTS / 'calibration.png'}")


if __name__ == "__main__":
    main()

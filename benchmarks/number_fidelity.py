"""Benchmark of the numbers engine on professional parallel corpora.

The pairs are the paragraphs of the discrepancy benchmark's corpora (discrepancy.py: XQuAD and
UDHR in en-ar, en-vi and ar-vi, PUD en-ar, IWSLT en-vi) and Tatoeba's short sentences (en-ar,
en-vi), which no other benchmark reads.

1. False alarms: every error-severity finding (mismatch, missing, added) on the clean
   pairs, per 100 pairs (and per 100 source sentences, since most pairs are paragraphs).
   Each is listed in the JSON for inspection.
2. Injected faults: for each pair whose target has a digit number, one copy per
   fault type with that fault in the target: a digit changed, a digit dropped, the
   number deleted.  The digit runs are chosen by a plain regex, not by the
   extractor, with a seeded RNG.  Recall: faults with a new error finding touching
   them.  Precision: such findings over all error findings on the faulty pairs
   (the clean false alarms count against it).

Both are reported for the dev and the test documents (benchmarks/splits.py).

Usage: python benchmarks/number_fidelity.py [--seed 13] [--limit N]
Reads ../shared/corpora relative to the repository root; writes
benchmarks/results/numbers.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

from discrepancy import CORPORA, iwslt, pud, read_lines, split_corpus, udhr, xquad
from splits import SPLITS, in_split

from aligner.numbers import NumberDiff, compare_numbers, extract_numbers

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "numbers.json"
ERRORS = {"number_mismatch", "number_missing", "number_added"}
DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class Pair:
    corpus: str
    index: int
    src_lang: str
    tgt_lang: str
    source: str
    target: str


def tatoeba() -> dict[str, list[str]]:
    """Tatoeba's English–Arabic and English–Vietnamese sentences (two lists of different English
    sentences): short everyday sentences, each its own document."""
    out: dict[str, list[str]] = {}
    for pair, lang in (("ara-eng", "ar"), ("vie-eng", "vi")):
        stem = "ara" if lang == "ar" else "vie"
        out[f"en-{lang}"] = read_lines(CORPORA / "tatoeba" / f"tatoeba.{pair}.eng")
        out[lang] = read_lines(CORPORA / "tatoeba" / f"tatoeba.{pair}.{stem}")
    return out


def load_pairs(split: str) -> dict[str, list[Pair]]:
    """The paragraphs of the discrepancy benchmark's corpora, and Tatoeba's sentences, in ``split``."""
    corpora = {"xquad": xquad(), "udhr": udhr(), "pud": pud(), "iwslt": iwslt()}
    specs = [("xquad", "en", "ar"), ("xquad", "en", "vi"), ("xquad", "ar", "vi"), ("pud", "en", "ar"),
             ("udhr", "en", "ar"), ("udhr", "en", "vi"), ("udhr", "ar", "vi"), ("iwslt", "en", "vi")]
    out = {}
    for corpus, sl, tl in specs:
        part = split_corpus(corpora[corpus], split)
        name = f"{corpus} {sl}-{tl}"
        out[name] = [Pair(name, i, sl, tl, s, t) for i, (s, t) in enumerate(zip(part[sl], part[tl]))]
    sentences = tatoeba()
    for lang in ("ar", "vi"):
        source, target = sentences[f"en-{lang}"], sentences[lang]
        keep = in_split(range(len(source)), split)
        name = f"tatoeba en-{lang}"
        out[name] = [Pair(name, i, "en", lang, s, t) for i, (s, t) in enumerate(zip(source, target)) if keep[i]]
    return out


def errors(pair: Pair, target: str | None = None) -> list[NumberDiff]:
    src = extract_numbers(pair.source, pair.src_lang)
    tgt = extract_numbers(pair.target if target is None else target, pair.tgt_lang)
    return [d for d in compare_numbers(src, tgt) if d.kind in ERRORS]


def _describe(d: NumberDiff) -> dict:
    return {
        "kind": d.kind,
        "message": d.message,
        "source": d.source.context if d.source else None,
        "target": d.target.context if d.target else None,
    }


@dataclass(frozen=True)
class Fault:
    kind: str
    start: int  # edited region in the faulty target
    end: int
    original: str  # the digit run before the edit
    text: str  # the faulty target


def _faults(target: str, rng: random.Random) -> list[Fault]:
    runs = list(DIGIT_RUN.finditer(target))
    if not runs:
        return []
    out = []
    m = rng.choice(runs)
    positions = [i for i in range(m.start(), m.end()) if target[i].isdigit()]
    p = rng.choice(positions)
    old = target[p]
    zero = ord(old) - int(old)  # keep the digit script
    new = chr(zero + rng.choice([d for d in range(10) if d != int(old)]))
    out.append(Fault("value changed", m.start(), m.end(), m.group(), target[:p] + new + target[p + 1:]))
    multi = [r for r in runs if sum(ch.isdigit() for ch in r.group()) >= 2]
    if multi:
        m = rng.choice(multi)
        positions = [i for i in range(m.start(), m.end()) if target[i].isdigit()]
        p = rng.choice(positions)
        out.append(Fault("digit dropped", m.start(), m.end() - 1, m.group(), target[:p] + target[p + 1:]))
    m = rng.choice(runs)
    end = m.end() + (1 if target[m.end():m.end() + 1] in {"%", "٪"} else 0)
    start, end2 = (m.start() - 1, end) if m.start() > 0 and target[m.start() - 1] == " " else (m.start(), end)
    out.append(Fault("number deleted", start, start, m.group(), target[:start] + target[end2:]))
    return out


def _key(d: NumberDiff, shift_at: int | None = None, delta: int = 0) -> tuple:
    t = d.target
    t_start = None
    if t is not None:
        t_start = t.start + (delta if shift_at is not None and t.start >= shift_at else 0)
    return (d.kind, d.source.start if d.source else None, t_start)


def _touches(d: NumberDiff, fault: Fault) -> bool:
    if d.target is not None and d.target.start <= fault.end and fault.start <= d.target.end:
        return True
    if fault.kind == "number deleted" and d.source is not None and d.kind in {"number_missing", "number_mismatch"}:
        original = re.sub(r"\D", "", fault.original)
        return original in re.sub(r"\D", "", d.source.text) or original.lstrip("0") == str(d.source.display).split(".")[0]
    return False


def run(seed: int, limit: int | None, split: str) -> dict:
    rng = random.Random(f"{seed}-{split}")
    corpora = load_pairs(split)
    report: dict = {"seed": seed, "split": split, "corpora": {}}
    for name, pairs in corpora.items():
        pairs = pairs[:limit] if limit else pairs
        t0 = time.perf_counter()
        sentences = sum(max(1, len(SENTENCE_END.findall(p.source))) for p in pairs)
        with_numbers = 0
        alarms = []
        clean: dict[int, list[NumberDiff]] = {}
        for p in pairs:
            found = errors(p)
            clean[p.index] = found
            with_numbers += bool(extract_numbers(p.source, p.src_lang))
            alarms += [{"pair": p.index, **_describe(d)} for d in found]
        faults = {"value changed": [0, 0], "digit dropped": [0, 0], "number deleted": [0, 0]}
        tp = fp = 0
        missed = []
        for p in pairs:
            for fault in _faults(p.target, rng):
                found = errors(p, fault.text)
                delta = len(fault.text) - len(p.target)
                before = {_key(d, fault.start, delta) for d in clean[p.index]}
                new = [d for d in found if _key(d) not in before]
                # A changed number already flagged before the change still counts as
                # caught: the finding is on it.  A deletion must bring a new finding.
                pool = new if fault.kind == "number deleted" else found
                hits = [d for d in pool if _touches(d, fault)]
                faults[fault.kind][0] += 1
                faults[fault.kind][1] += bool(hits)
                tp += len(hits)
                fp += len(found) - len(hits)
                if not hits:
                    missed.append({"pair": p.index, "fault": fault.kind, "original": fault.original, "target": fault.text[max(0, fault.start - 60):fault.end + 60]})
        total = sum(v[0] for v in faults.values())
        detected = sum(v[1] for v in faults.values())
        report["corpora"][name] = {
            "pairs": len(pairs),
            "pairs_with_numbers": with_numbers,
            "source_sentences": sentences,
            "false_alarms": len(alarms),
            "false_alarms_per_100_pairs": round(100 * len(alarms) / len(pairs), 2),
            "false_alarms_per_100_sentences": round(100 * len(alarms) / sentences, 2),
            "faults": total,
            "recall": round(detected / total, 4) if total else None,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall_by_fault": {k: round(v[1] / v[0], 4) if v[0] else None for k, v in faults.items()},
            "seconds": round(time.perf_counter() - t0, 2),
            "alarms": alarms,
            "missed_faults": missed,
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None, help="first N pairs of each corpus")
    args = parser.parse_args()
    reports = {}
    for split in SPLITS:
        reports[split] = report = run(args.seed, args.limit, split)
        head = f"{split:<5} {'corpus':<16} {'pairs':>5} {'w/num':>5} {'FA':>4} {'FA/100 pairs':>12} {'FA/100 sent':>11} {'faults':>6} {'recall':>6} {'precision':>9}"
        print(("\n" if split != SPLITS[0] else "") + head)
        print("-" * len(head))
        for name, r in report["corpora"].items():
            print(
                f"{split:<5} {name:<16} {r['pairs']:>5} {r['pairs_with_numbers']:>5} {r['false_alarms']:>4} {r['false_alarms_per_100_pairs']:>12.2f} "
                f"{r['false_alarms_per_100_sentences']:>11.2f} {r['faults']:>6} {r['recall']:>6.3f} {r['precision']:>9.3f}"
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

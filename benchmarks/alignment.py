"""Sentence-alignment quality on gold-aligned corpora, and how alignment scales.

Benchmarks (data in ../shared/corpora, see its README):

* ``textberg-de-fr``: 7 documents with gold beads, the standard benchmark of
  Bleualign, Vecalign and Bertalign; their published scores are printed beside ours.
* ``aligner-eval-zh-en``: 5 sub-corpora (academic, political, magazine, literary MAC,
  Bible), whose gold includes unmatched (1-0 / 0-1) sentences.

Scores follow Vecalign's scorer (score.py, after Varga et al. 2005 / W11-4624):
strict = a test bead equal to a gold bead; lax = a test bead whose source
sentences are aligned, in some gold bead, to one of its target sentences.
Precision is over all test beads (1-0 and 0-1 included), recall over gold beads
with both sides non-empty (the scorer drops insertions and deletions from both
lists before swapping them). Since that hides whether the aligner finds what is
*not* translated, unmatched sentences get their own precision and recall.

Each document is a list of sentences, one per line, with no paragraph structure,
so every sentence gets paragraph index 0: the aligner then neither gains nor
pays anything at paragraph breaks, as in the peers' runs.

Held out: each corpus's documents are split into dev and test (benchmarks/splits.py; Text+Berg:
3 dev, 4 test; aligner-eval's sub-corpora as one corpus of 28 documents), and every table is
printed for dev, test and all documents (the peers' published figures are on all of Text+Berg).
Tune on dev; quote test. Wrong-bead examples are kept for dev only.

Scale (``--scale`` section, on by default): ``align()`` alone on synthetic pairs of
1,000 to 10,000 sentences a side, built from the Text+Berg embeddings (see
``synthetic_pair``), timed and with its peak traced memory.

    .venv/bin/python benchmarks/alignment.py [--quick] [--zh-en aca,pol,mag,mac,bible] [--no-scale]

``--quick``: 2 Text+Berg documents, no zh-en, no scale.
Writes benchmarks/results/alignment.json and benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import ast
import json
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from splits import in_split

from aligner.align import AlignParams, align
from aligner.align.background import BACKGROUND
from aligner.align.vectors import Embedded
from aligner.embed import DEFAULT_MODEL, CachedEncoder, load_encoder

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
RESULTS = ROOT / "benchmarks" / "results"
ZH_EN = ("aca", "pol", "mag", "mac", "bible")
SCALE_SIZES = (1000, 2000, 5000, 10000)

# Published / measured peers, from ../shared/corpora/README.md and textberg-de-fr/SOURCE.txt.
PEERS = {
    "textberg-de-fr": [
        {"method": "Bertalign (LaBSE), published", "strict": (0.932, 0.941, 0.936), "lax_f1": 0.989},
        {"method": "Vecalign (LASER), published", "strict": (0.899, 0.904, 0.902), "lax_f1": 0.986},
        {"method": "SentAlign, published", "strict": (None, None, 0.932), "lax_f1": None},
        {"method": "Bertalign algorithm, e5-small, measured", "strict": (0.913, 0.908, 0.910), "lax_f1": 0.989, "embed_s": 1084, "align_s": 0.14, "strings": 8008},
        {"method": "Vecalign -a 4, e5-small, measured", "strict": (0.854, 0.869, 0.862), "lax_f1": 0.979, "align_s": 0.73, "strings": 7921},
        {"method": "mutual NN 1-1, e5-small, measured", "strict": (0.749, 0.684, 0.715), "lax_f1": 0.907, "embed_s": 132, "align_s": 0.02, "strings": 2002},
    ],
}
TARGETS = {"textberg-de-fr": "strict F1 >= 0.94, lax F1 >= 0.99, <= 150 s end to end"}

Bead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Document:
    name: str
    source: list[str]
    target: list[str]
    gold: list[Bead]
    # Bible only: the verse of every sentence; gold beads are whole verses.
    verses: tuple[list[str], list[str]] | None = None


@dataclass
class DocumentRun:
    """What one document's alignment gave and what it cost."""

    name: str
    gold: list[Bead]
    test: list[Bead]
    baseline: list[Bead]  # mutual nearest neighbours, to check the scorer
    embed_seconds: float
    align_seconds: float
    seconds: float  # the document end to end: embedding, alignment, scoring
    strings: int  # texts sent to the encoder (cache hits included)
    embedded: int  # texts the model actually embedded (cache misses)
    examples: list[dict] = field(default_factory=list)


# ---------------------------------------------------------------- corpora


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


def read_beads(path: Path) -> list[Bead]:
    """Vecalign's bead format: ``[0, 1]:[2]`` per line, 0-based ids, ``[]`` for an empty side."""
    beads = []
    for line in read_lines(path):
        if line.strip():
            left, right = line.split(":")
            beads.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return beads


def textberg(limit: int | None = None) -> list[Document]:
    folder = CORPORA / "textberg-de-fr"
    names = sorted(p.name for p in (folder / "de").iterdir())[:limit]
    return [Document(n, read_lines(folder / "de" / n), read_lines(folder / "fr" / n), read_beads(folder / "gold" / n)) for n in names]


def zh_en(sub: str) -> list[Document]:
    folder = CORPORA / "aligner-eval-zh-en" / sub
    documents = []
    for gold in sorted((folder / "gold").glob("*.align")):
        name = gold.stem
        source, target = read_lines(folder / "src" / name), read_lines(folder / "tgt" / name)
        verses = None
        if sub == "bible":
            # The verse files cover the whole Bible; subset 001 is its beginning.
            verses = (read_lines(folder / "src.verse")[: len(source)], read_lines(folder / "tgt.verse")[: len(target)])
        documents.append(Document(f"{sub}/{name}", source, target, read_beads(gold), verses))
    return documents


# ---------------------------------------------------------------- scoring


def _precision_counts(gold: list[Bead], test: list[Bead]) -> np.ndarray:
    """Strict and lax true/false positives of ``test`` against ``gold``: [tp_strict, fp_strict, tp_lax, fp_lax].

    A test bead is a lax hit when one of its source sentences is aligned, in a gold
    bead, with one of its target sentences (so a 1-0 / 0-1 bead is only ever a strict hit).
    """
    gold_set = {b for b in gold if b[0] or b[1]}
    gold_targets_of = defaultdict(set)
    for src, tgt in gold_set:
        for i in src:
            gold_targets_of[i].update(tgt)
    counts = np.zeros(4, dtype=int)
    for src, tgt in {b for b in test if b[0] or b[1]}:
        if (src, tgt) in gold_set:
            counts += (1, 0, 1, 0)
        elif any(j in gold_targets_of[i] for i in src for j in tgt):
            counts += (0, 1, 1, 0)
        else:
            counts += (0, 1, 0, 1)
    return counts


def _ratio(hits: int, misses: int) -> float:
    return hits / (hits + misses) if hits + misses else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def vecalign_scores(golds: list[list[Bead]], tests: list[list[Bead]]) -> dict:
    """Vecalign's convention: precision over all test beads, recall with roles swapped and 1-0/0-1 beads dropped."""
    p = sum((_precision_counts(g, t) for g, t in zip(golds, tests)), np.zeros(4, dtype=int))
    both = lambda beads: [b for b in beads if b[0] and b[1]]  # noqa: E731
    r = sum((_precision_counts(both(t), both(g)) for g, t in zip(golds, tests)), np.zeros(4, dtype=int))
    scores = {
        "precision_strict": _ratio(p[0], p[1]), "recall_strict": _ratio(r[0], r[1]),
        "precision_lax": _ratio(p[2], p[3]), "recall_lax": _ratio(r[2], r[3]),
    }
    scores["f1_strict"] = _f1(scores["precision_strict"], scores["recall_strict"])
    scores["f1_lax"] = _f1(scores["precision_lax"], scores["recall_lax"])
    return scores


def unmatched_scores(golds: list[list[Bead]], tests: list[list[Bead]]) -> dict:
    """Precision and recall of the sentences left unaligned (omissions on the source side, additions on the target side)."""
    result = {}
    for side, label in ((0, "source"), (1, "target")):
        gold, test = set(), set()
        for doc, (g, t) in enumerate(zip(golds, tests)):
            gold |= {(doc, i) for b in g if not b[1 - side] for i in b[side]}
            test |= {(doc, i) for b in t if not b[1 - side] for i in b[side]}
        hits = len(gold & test)
        result[label] = {"gold": len(gold), "found": len(test), "correct": hits,
                         "precision": hits / len(test) if test else None, "recall": hits / len(gold) if gold else None}
    return result


def merge_by_verse(beads: list[Bead], verses: tuple[list[str], list[str]]) -> list[Bead]:
    """Join test beads that share a verse on either side, so they compare with verse-level gold beads.

    AlignerEval does the same for its Bible corpus: the gold only knows verses. The
    gold itself, cut into 1-1 pieces and merged back, scores strict F1 0.995 (a few
    gold beads do not follow the verse ids): that is the ceiling here.
    """
    parent = list(range(len(beads)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    owner: dict[tuple[int, str], int] = {}
    for k, (src, tgt) in enumerate(beads):
        for key in [(0, verses[0][i]) for i in src] + [(1, verses[1][j]) for j in tgt]:
            if key in owner:
                parent[find(k)] = find(owner[key])
            else:
                owner[key] = k
    groups: dict[int, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for k, (src, tgt) in enumerate(beads):
        groups[find(k)][0].update(src)
        groups[find(k)][1].update(tgt)
    return [(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups.values()]


# ---------------------------------------------------------------- running the aligner


def embed(encoder: CachedEncoder, sentences: list[str]) -> Embedded:
    """One vector per sentence (each embedded once); no paragraph structure (see the module docstring)."""
    return Embedded(encoder.encode(sentences), np.array([len(s) for s in sentences], float), np.zeros(len(sentences), int))


def run_benchmark(documents: list[Document], encoder: CachedEncoder, background: np.ndarray) -> list[DocumentRun]:
    runs = []
    for document in documents:
        misses = encoder.misses
        started = begun = time.perf_counter()
        source, target = embed(encoder, document.source), embed(encoder, document.target)
        embed_seconds = time.perf_counter() - started
        embedded = encoder.misses - misses
        started = time.perf_counter()
        alignment = align(source, target, background, AlignParams())
        align_seconds = time.perf_counter() - started
        test = [(b.source, b.target) for b in alignment.beads]
        baseline = mutual_nearest(source.vectors, target.vectors)
        if document.verses:
            test, baseline = merge_by_verse(test, document.verses), merge_by_verse(baseline, document.verses)
        examples = wrong_beads(document, document.gold, test)
        runs.append(DocumentRun(document.name, document.gold, test, baseline, embed_seconds, align_seconds, time.perf_counter() - begun,
                                len(document.source) + len(document.target), embedded, examples))
    return runs


def mutual_nearest(source: np.ndarray, target: np.ndarray) -> list[Bead]:
    """1-1 beads of mutual nearest neighbours by raw cosine: the corpora README measured this baseline
    on Text+Berg with the same model, so reproducing its figures checks this scorer."""
    sims = source @ target.T
    best_target, best_source = sims.argmax(1), sims.argmax(0)
    return [((i,), (int(j),)) for i, j in enumerate(best_target) if best_source[j] == i]


def wrong_beads(document: Document, gold: list[Bead], test: list[Bead], keep: int = 3) -> list[dict]:
    """A few test beads that are not gold beads, with their text, to show what the errors look like."""
    gold_set = set(gold)
    wrong = [b for b in test if b not in gold_set and b[0] and b[1]][:keep]
    return [
        {"document": document.name, "test": [list(s), list(t)],
         "gold_for_source": [[list(gs), list(gt)] for gs, gt in gold if set(gs) & set(s)],
         "source": " | ".join(document.source[i] for i in s)[:300], "target": " | ".join(document.target[j] for j in t)[:300]}
        for s, t in wrong
    ]


def summarize(name: str, split: str, documents: list[Document], runs: list[DocumentRun]) -> dict:
    """Scores of the documents of ``split`` (``all``: every document, as the peers' published figures)."""
    keep = [True] * len(documents) if split == "all" else in_split([d.name for d in documents], split)
    documents = [d for d, kept in zip(documents, keep) if kept]
    runs = [r for r, kept in zip(runs, keep) if kept]
    golds, tests = [r.gold for r in runs], [r.test for r in runs]
    return {
        "benchmark": name,
        "split": split,
        "documents": [d.name for d in documents],
        "sentences": [sum(len(d.source) for d in documents), sum(len(d.target) for d in documents)],
        "scores": vecalign_scores(golds, tests),
        "mutual_nearest_scores": vecalign_scores(golds, [r.baseline for r in runs]),
        "unmatched": unmatched_scores(golds, tests),
        "embed_seconds": round(sum(r.embed_seconds for r in runs), 2),
        "align_seconds": round(sum(r.align_seconds for r in runs), 3),
        "end_to_end_seconds": round(sum(r.seconds for r in runs), 2),
        "strings_embedded": sum(r.strings for r in runs),
        "cache_misses": sum(r.embedded for r in runs),
        "peers": PEERS.get(name, []) if split == "all" else [],
        "target": TARGETS.get(name),
        "wrong_bead_examples": [e for r in runs for e in r.examples][:12] if split == "dev" else [],
    }


def _fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_table(result: dict) -> None:
    s, u = result["scores"], result["unmatched"]
    print(f"\n{result['benchmark']} [{result['split']}]: {len(result['documents'])} documents, {result['sentences'][0]} / {result['sentences'][1]} sentences"
          + (f"   target: {result['target']}" if result["target"] else ""))
    print(f"  {'method':42} {'strict P / R / F1':>20} {'lax F1':>7} {'embed s':>8} {'align s':>8} {'strings':>8}")
    ours = f"{s['precision_strict']:.3f} / {s['recall_strict']:.3f} / {s['f1_strict']:.3f}"
    print(f"  {'aligner, this run':42} {ours:>20} {s['f1_lax']:7.3f} {result['embed_seconds']:8.1f} {result['align_seconds']:8.2f} {result['strings_embedded']:8,}")
    b = result["mutual_nearest_scores"]
    check = f"{b['precision_strict']:.3f} / {b['recall_strict']:.3f} / {b['f1_strict']:.3f}"
    print(f"  {'mutual NN 1-1, this run (scorer check)':42} {check:>20} {b['f1_lax']:7.3f} {'':>8} {'':>8} {'':>8}")
    for peer in result["peers"]:
        strict = " / ".join(_fmt(v) for v in peer["strict"])
        print(f"  {peer['method']:42} {strict:>20} {_fmt(peer['lax_f1']):>7} {_fmt(peer.get('embed_s'), 0):>8} "
              f"{_fmt(peer.get('align_s'), 2):>8} {peer.get('strings', 0) or '—':>8}")
    print(f"  (lax P / R {s['precision_lax']:.3f} / {s['recall_lax']:.3f}; {result['cache_misses']} strings were not in the cache; "
          f"end to end {result['end_to_end_seconds']:.1f} s)")
    for label in ("source", "target"):
        side = u[label]
        print(f"  unmatched {label} sentences: gold {side['gold']}, found {side['found']}, correct {side['correct']}, "
              f"precision {_fmt(side['precision'])}, recall {_fmt(side['recall'])}")


# ---------------------------------------------------------------- scale


def synthetic_pair(documents: list[Document], vectors: dict[str, tuple[Embedded, Embedded]], size: int, rng: np.random.Generator):
    """A pair of about ``size`` sentences a side, and its gold, from copies of the Text+Berg documents.

    Documents are concatenated in a shuffled order, again and again. Each copy of a
    document gets its own random rotation (the same on both sides) of what its
    vectors do not share with every other sentence: ``v -> mean + R (v - mean)``,
    ``mean`` over all sentences of both languages. Inside a copy the cosines, true
    pairs included, stay close to the real ones, while two copies of one sentence
    become as unrelated as distinct sentences (they keep only the common
    direction every e5 vector has). Without it, repeated sentences would tie and
    no margin would survive.
    """
    mean = np.vstack([v.vectors for pair in vectors.values() for v in pair]).mean(0)
    dim = len(mean)

    def rotate(rows: np.ndarray, rotation: np.ndarray) -> np.ndarray:
        moved = mean + (rows - mean) @ rotation
        return moved / np.linalg.norm(moved, axis=1, keepdims=True)

    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    gold: list[Bead] = []
    n = m = 0
    while n < size:
        for index in rng.permutation(len(documents)):
            if n >= size:
                break
            document = documents[index]
            source, target = vectors[document.name]
            rotation, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
            parts.append((rotate(source.vectors, rotation), rotate(target.vectors, rotation), source.lengths, target.lengths))
            gold += [(tuple(i + n for i in s), tuple(j + m for j in t)) for s, t in document.gold]
            n, m = n + len(document.source), m + len(document.target)
    source = Embedded(np.vstack([p[0] for p in parts]).astype(np.float32), np.concatenate([p[2] for p in parts]), np.zeros(n, int))
    target = Embedded(np.vstack([p[1] for p in parts]).astype(np.float32), np.concatenate([p[3] for p in parts]), np.zeros(m, int))
    return source, target, gold


def embedding_rate(encoder: CachedEncoder, sentences: list[str]) -> float:
    """Sentences per second of the bare model (no cache), to put embedding time beside alignment time."""
    started = time.perf_counter()
    encoder.encoder.encode(sentences)
    return len(sentences) / (time.perf_counter() - started)


def run_scale(documents: list[Document], encoder: CachedEncoder, background: np.ndarray) -> dict:
    vectors = {d.name: (embed(encoder, d.source), embed(encoder, d.target)) for d in documents}
    rate = embedding_rate(encoder, [s for d in documents for s in d.source][:64])
    rng = np.random.default_rng(7)
    rows = []
    for size in SCALE_SIZES:
        source, target, gold = synthetic_pair(documents, vectors, size, rng)
        started = time.perf_counter()
        alignment = align(source, target, background, AlignParams())
        seconds = time.perf_counter() - started
        tracemalloc.start()
        align(source, target, background, AlignParams())
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        scores = vecalign_scores([gold], [[(b.source, b.target) for b in alignment.beads]])
        n, m = len(source.vectors), len(target.vectors)
        rows.append({
            "sentences": [n, m], "align_seconds": round(seconds, 2), "peak_traced_mb": round(peak / 2**20, 1),
            "dense_matrix_mb": round(n * m * 8 / 2**20, 1),
            "estimated_embed_seconds": round((n + m) / rate, 0), "f1_strict": round(scores["f1_strict"], 3), "f1_lax": round(scores["f1_lax"], 3),
        })
        print_scale_row(rows[-1])
    return {"embedding_rate_sentences_per_s": round(rate, 1), "rows": rows}


def print_scale_row(row: dict) -> None:
    if not getattr(print_scale_row, "header", False):
        print("\nscale: align() alone on synthetic pairs (rotated copies of Text+Berg embeddings)")
        print(f"  {'sentences':>13} {'align s':>8} {'peak MB':>8} {'dense n×m MB':>13} {'embed s (est.)':>15} {'strict F1':>10} {'lax F1':>7}")
        print_scale_row.header = True
    print(f"  {'{} × {}'.format(*row['sentences']):>13} {row['align_seconds']:8.2f} {row['peak_traced_mb']:8.1f} {row['dense_matrix_mb']:13.1f} "
          f"{row['estimated_embed_seconds']:15.0f} {row['f1_strict']:10.3f} {row['f1_lax']:7.3f}", flush=True)


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 Text+Berg documents only")
    parser.add_argument("--zh-en", default=",".join(ZH_EN), help="comma-separated sub-corpora of aligner-eval-zh-en ('' for none)")
    parser.add_argument("--no-scale", action="store_true", help="skip the scale measurement")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="embedding backend, as aligner compare --model")
    args = parser.parse_args()

    encoder = CachedEncoder(load_encoder(args.model))
    background = encoder.encode(list(BACKGROUND))
    corpora = [("textberg-de-fr", textberg(limit=2 if args.quick else None))]
    # aligner-eval's sub-corpora hold 1 to 24 documents each: they are split as one corpus.
    zh_en_documents = [d for sub in ([] if args.quick else [s for s in args.zh_en.split(",") if s]) for d in zh_en(sub)]
    if zh_en_documents:
        corpora.append(("aligner-eval-zh-en", zh_en_documents))
    results = []
    for name, documents in corpora:
        runs = run_benchmark(documents, encoder, background)
        for split in ("dev", "test", "all"):
            results.append(summarize(name, split, documents, runs))
            print_table(results[-1])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "alignment.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if not (args.quick or args.no_scale):
        scale = run_scale(corpora[0][1], encoder, background)
        (RESULTS / "scale.json").write_text(json.dumps(scale, indent=2) + "\n")


if __name__ == "__main__":
    main()

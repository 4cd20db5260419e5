"""The whole job, top-down: read → segment → embed → align → check.

``compare`` takes documents already loaded, so a library user can feed text
that never touched the disk; ``load_documents`` is the file-reading edge.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .align import AlignParams, align, align_units
from .align.anchors import structure_of
from .align.background import BACKGROUND
from .align.vectors import Embedded
from .check import Pair, Settings, run_checks, verdict
from .embed import Encoder
from .errors import AlignerError
from .language import detect_language
from .model import Comparison, Document, Paragraph, ParagraphLink, Report
from .read import Bilingual, ReadOptions, read_file
from .segment import build_document


@dataclass
class Timings:
    """Wall time per stage, in seconds (the benchmark prints them)."""

    seconds: dict[str, float] = field(default_factory=lambda: {"load": 0.0, "segment": 0.0, "embed": 0.0, "align": 0.0, "check": 0.0})

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - since
        return now


def load_documents(
    path: str | Path,
    languages: Sequence[str | None] = (None,),
    input_format: str | None = None,
    options: ReadOptions = ReadOptions(),
    timings: Timings | None = None,
) -> list[Document]:
    """The document a file holds, or for a bilingual file (XLIFF, PO) its source and its target.

    ``languages`` gives the language of each document (None: as the file declares it, else detected).
    """
    timings = timings or Timings()
    started = time.perf_counter()
    path = Path(path)
    read = read_file(path, input_format, options)
    started = timings.add("load", started)
    sides = [read.source, read.target] if isinstance(read, Bilingual) else [read]
    documents = []
    for side, language in zip(sides, list(languages) + [None] * len(sides)):
        language = language or side.language or detect_language("\n".join(b.text for b in side.blocks))
        documents.append(build_document(str(path), language, side.blocks, side.verbatim))
    if isinstance(read, Bilingual):
        documents[1].untranslated = [Paragraph(b.text, b.location, 0, 0) for b in read.untranslated]
    timings.add("segment", started)
    if isinstance(read, Bilingual) and not documents[0].sentences:
        raise AlignerError(f"{path}: no unit is translated ({len(read.untranslated)} untranslated)")
    if not documents[0].sentences:
        raise AlignerError(f"{path}: no sentences found")
    return documents


def load_document(path: str | Path, language: str | None = None, options: ReadOptions = ReadOptions(), timings: Timings | None = None) -> Document:
    """The one document of a monolingual file."""
    documents = load_documents(path, (language,), options=options, timings=timings)
    if len(documents) != 1:
        raise AlignerError(f"{path}: holds a source and its translation; compare it on its own")
    return documents[0]


def compare(
    documents: Sequence[Document],
    encoder: Encoder,
    reference: int = 0,
    settings: Settings = Settings(),
    params: AlignParams = AlignParams(),
    timings: Timings | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Compare every document with the reference one."""
    timings = timings or Timings()
    started = time.perf_counter()
    embeddings, background = _embed(documents, encoder, progress)
    started = timings.add("embed", started)
    comparisons = []
    for index, document in enumerate(documents):
        if index == reference:
            continue
        if progress:
            progress(f"aligning {documents[reference].path} with {document.path}")
        units = _paired_units(documents[reference], document)
        if units:
            alignment = align_units(embeddings[reference], embeddings[index], background, units, params)
        else:
            structure = structure_of(documents[reference], document)
            alignment = align(embeddings[reference], embeddings[index], background, params, structure)
        started = timings.add("align", started)
        pair = Pair(documents[reference], document, alignment, encoder.encode, getattr(encoder, "token_vectors", None))
        pair.verdict, pair.run_share, source_cov, target_cov = verdict(pair)
        findings = run_checks(pair, settings)
        comparisons.append(
            Comparison(reference, index, pair.verdict, source_cov, target_cov, alignment.beads, paragraph_links(pair), findings)
        )
        started = timings.add("check", started)
    return Report(list(documents), comparisons)


def _paired_units(source: Document, target: Document) -> list[tuple[range, range]] | None:
    """Each unit's sentences on both sides, when the documents are the two sides of one bilingual file."""
    units = [p.location.unit for p in source.paragraphs]
    if not units or None in units or units != [p.location.unit for p in target.paragraphs]:
        return None
    return [(source.sentences_of(k), target.sentences_of(k)) for k in range(len(units))]


# Texts per call to the encoder: large enough for its length-sorted batches, small enough that
# progress moves every few seconds and the cache keeps what a killed run had embedded.
EMBED_CHUNK = 2048


def _embed(documents: Sequence[Document], encoder: Encoder, progress: Callable[[str], None] | None = None) -> tuple[list[Embedded], np.ndarray]:
    """Every document's sentences and the background texts, in chunks, saying how far it is."""
    texts = [s.text for d in documents for s in d.sentences] + list(BACKGROUND)
    parts, started = [], time.perf_counter()
    for start in range(0, len(texts), EMBED_CHUNK):
        if progress:
            progress(_embedding_progress(start, len(texts), time.perf_counter() - started))
        parts.append(encoder.encode(texts[start : start + EMBED_CHUNK]))
    vectors = np.concatenate(parts)
    embedded, start = [], 0
    for document in documents:
        sentences = document.sentences
        embedded.append(
            Embedded(
                vectors[start : start + len(sentences)],
                np.array([len(s.text) for s in sentences], dtype=float),
                np.array([s.paragraph for s in sentences]) if document.keeps_breaks else np.zeros(len(sentences), int),
            )
        )
        start += len(sentences)
    return embedded, vectors[start:]


def _embedding_progress(done: int, total: int, seconds: float) -> str:
    """``embedding 4,096 / 40,000 sentences (310/s, about 2 min left)``."""
    line = f"embedding {done:,} / {total:,} sentences"
    if done and seconds > 0:
        rate = done / seconds
        left = (total - done) / rate
        line += f" ({rate:,.0f}/s, about {left / 60:.0f} min left)" if left >= 90 else f" ({rate:,.0f}/s, about {left:.0f} s left)"
    return line


def paragraph_links(pair: Pair) -> list[ParagraphLink]:
    """Paragraphs joined by aligned sentences, as connected groups (splits and merges included)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node):
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    scores: dict[tuple[str, int], list[float]] = {}
    moved: set[tuple[str, int]] = set()
    for bead in pair.aligned:
        nodes = [("s", pair.source.sentences[i].paragraph) for i in bead.source]
        nodes += [("t", pair.target.sentences[j].paragraph) for j in bead.target]
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
        scores.setdefault(nodes[0], []).append(bead.score)
        if bead.moved:
            moved.add(nodes[0])
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    links = []
    for root, members in groups.items():
        bead_scores = [s for m in members for s in scores.get(m, [])]
        links.append(
            ParagraphLink(
                tuple(sorted(p for side, p in members if side == "s")),
                tuple(sorted(p for side, p in members if side == "t")),
                float(np.mean(bead_scores)) if bead_scores else 0.0,
                any(m in moved for m in members),
            )
        )
    return sorted(links, key=lambda link: (link.source or (-1,), link.target))

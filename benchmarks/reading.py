"""Reading cost of each format against the embedding cost of the same text.

A 5 MB document in Markdown, HTML and DOCX, made from the English TED talks of
../shared/corpora/iwslt15-en-vi repeated (a heading every 20 paragraphs, some emphasis,
links and a code block every 50), is read by its reader (median of 3). The embedding time of
the same text is the time the default backend takes for the first 1,000 of its distinct
sentences, scaled to all of them by tokens.

    .venv/bin/python benchmarks/reading.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from aligner.read import read_file
from aligner.segment import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaling import RESULTS, talk_lines  # noqa: E402

SIZE = 5e6


def documents(folder: Path) -> dict[str, Path]:
    import docx

    lines = talk_lines("en")
    paragraphs = []
    while sum(map(len, paragraphs)) < SIZE:
        paragraphs += lines
    markdown, html, word = [], [], docx.Document()
    for index, paragraph in enumerate(paragraphs):
        if index % 20 == 0:
            markdown.append(f"## Part {index // 20}")
            html.append(f"<h2>Part {index // 20}</h2>")
            word.add_heading(f"Part {index // 20}", level=2)
        if index % 50 == 0:
            markdown.append("```\nprint('code block')\n```")
            html.append("<pre><code>print('code block')</code></pre>")
        markdown.append(f"{paragraph} *[link](https://example.org/{index})*")
        html.append(f"<p>{paragraph} <em><a href=\"https://example.org/{index}\">link</a></em></p>")
        word.add_paragraph(paragraph)
    paths = {"markdown": folder / "talks.md", "html": folder / "talks.html", "docx": folder / "talks.docx"}
    paths["markdown"].write_text("\n\n".join(markdown) + "\n", encoding="utf-8")
    paths["html"].write_text("<!doctype html><html lang=\"en\"><body>\n" + "\n".join(html) + "\n</body></html>\n", encoding="utf-8")
    word.save(paths["docx"])
    return paths


def embedding_seconds(texts: list[str]) -> tuple[float, int]:
    from aligner.embed import load_encoder

    encoder = load_encoder()
    distinct = list(dict.fromkeys(texts))
    sample = distinct[:1000]
    encoder.encode(sample[:10])  # compile and warm
    started = time.perf_counter()
    encoder.encode(sample)
    seconds = time.perf_counter() - started
    tokens = sum(len(ids) for ids in encoder.token_ids(texts))
    return seconds * tokens / sum(len(ids) for ids in encoder.token_ids(sample)), tokens


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        paths = documents(Path(folder))
        for name, path in paths.items():
            times = []
            for _ in range(3):
                started = time.perf_counter()
                text = read_file(path)
                times.append(time.perf_counter() - started)
            sentences = [block.text[a:b] for block in text.blocks for a, b in split_sentences(block.text, "en")]
            embed, tokens = embedding_seconds(sentences)
            read = statistics.median(times)
            rows.append({"format": name, "mb": round(path.stat().st_size / 1e6, 2), "read_s": round(read, 2), "blocks": len(text.blocks),
                         "sentences": len(sentences), "tokens": tokens, "embed_s": round(embed, 1)})
            print(f"{name:9} {rows[-1]['mb']:>5} MB  read {read:6.2f} s  {len(text.blocks):>7,} blocks  {len(sentences):>7,} sentences  "
                  f"embedding the same text {embed:7.1f} s  (reading is {100 * read / embed:.2f}% of it)", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reading.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

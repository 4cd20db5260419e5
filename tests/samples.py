"""Sample documents in every input format, made from the seeds and the shared corpora."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import CORPORA, SEEDS


def seed_paragraphs(language: str) -> list[str]:
    """The seed article's paragraphs, as the text reader finds them."""
    from aligner.read import read_file

    return [block.text for block in read_file(SEEDS / f"haiphong.{language}.txt").blocks]


def seed_markdown(language: str, version: str = "0.1.0") -> str:
    """Front matter with the title (and a key that is not translated), a code block, an image: no extra prose."""
    title, *body = seed_paragraphs(language)
    front = f"---\ntitle: {title!r}\nslug: haiphong-{version}\n---\n"
    code = f"```bash\npip install aligner=={version}\n```\n"
    image = f"![](https://example.org/{language}/logo.png)\n"
    return front + "\n" + code + "\n" + "\n\n".join(body) + "\n\n" + image


def seed_html(language: str) -> str:
    title, *body = seed_paragraphs(language)
    direction = "rtl" if language == "ar" else "ltr"
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    return (
        f'<!doctype html>\n<html lang="{language}" dir="{direction}">\n<head><title>{html.escape(title)}</title>\n'
        '<style>p { margin: 0 }</style><script>var note = "Project 99 of 2030";</script></head>\n<body>\n'
        f'<pre><code>pip install aligner==0.1.0</code></pre>\n{paragraphs}\n<p translate="no">Build 4711</p>\n</body>\n</html>\n'
    )


def seed_docx(language: str, path: Path) -> Path:
    """The title as a heading, the paragraphs, the last two as the cells of a table."""
    import docx

    title, *body = seed_paragraphs(language)
    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in body[:-2]:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    for cell, paragraph in zip(table.rows[0].cells, body[-2:]):
        cell.text = paragraph
    document.save(path)
    return path


def udhr_units(language: str, sections: int = 8) -> list[tuple[str, str]]:
    """(unit id, text): the paragraphs of the first UDHR sections, ids like ``s3.p1``.

    Only sections split into as many paragraphs in English, Arabic and Vietnamese, so the units
    of two languages pair up.
    """
    def pieces(lang: str) -> list[list[str]]:
        lines = (CORPORA / "udhr-en-ar-vi" / f"udhr.sections.{lang}").read_text(encoding="utf-8-sig").splitlines()
        return [[piece.strip() for piece in line.split(" ¶ ")] for line in lines]

    counts = [list(map(len, pieces(lang))) for lang in ("en", "ar", "vi")]
    parallel = [number for number, sizes in enumerate(zip(*counts)) if len(set(sizes)) == 1][:sections]
    return [(f"s{number}.p{index}", piece) for number in parallel for index, piece in enumerate(pieces(language)[number])]


def xliff_12(units: list[tuple[str, str, str]], source: str, target: str) -> str:
    body = "\n".join(
        f'      <trans-unit id="{uid}">\n        <source>{html.escape(s)}</source>\n        <target>{html.escape(t)}</target>\n      </trans-unit>'
        for uid, s, t in units
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'  <file original="udhr.txt" source-language="{source}" target-language="{target}" datatype="plaintext">\n    <body>\n'
        f"{body}\n    </body>\n  </file>\n</xliff>\n"
    )


def xliff_2(units: list[tuple[str, str, str]], source: str, target: str) -> str:
    body = "\n".join(
        f'    <unit id="{uid}">\n      <segment>\n        <source>{html.escape(s)}</source>\n'
        + (f"        <target>{html.escape(t)}</target>\n" if t else "")
        + "      </segment>\n    </unit>"
        for uid, s, t in units
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="{source}" trgLang="{target}">\n'
        f'  <file id="udhr">\n{body}\n  </file>\n</xliff>\n'
    )


def po_file(units: list[tuple[str, str, str]], target: str) -> str:
    """A PO catalog as polib writes it, with its header."""
    import polib

    catalog = polib.POFile(wrapwidth=78)
    catalog.metadata = {"Language": target, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    for uid, source, translation in units:
        catalog.append(polib.POEntry(msgctxt=uid, msgid=source, msgstr=translation, occurrences=[("udhr.txt", uid.split(".")[0][1:])]))
    return str(catalog)


def ted_lines(language: str, count: int = 24) -> list[str]:
    """The first lines of an IWSLT TED talk, detokenized."""
    lines = (CORPORA / "iwslt15-en-vi" / f"tst2012.{language}").read_text(encoding="utf-8").splitlines()[:count]
    return [re.sub(r" ([,.?!:;])", r"\1", html.unescape(line)).replace(" &apos;", "'").replace(" 's", "'s") for line in lines]


def subtitles(lines: list[str], vtt: bool, slots: list[tuple[int, int]] | None = None) -> str:
    """An SRT or WebVTT file of one cue per line, the k-th shown in the k-th four-second slot, or in
    ``slots`` (first and last slot of each line's cue: a translation keeps the template's timings
    where it drops or merges cues)."""

    def stamp(ms: int) -> str:
        separator = "." if vtt else ","
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{separator}{ms % 1000:03d}"

    cues = []
    for index, (line, (first, last)) in enumerate(zip(lines, slots or [(k, k) for k in range(len(lines))])):
        cues.append(("" if vtt else f"{index + 1}\n") + f"{stamp(1000 + first * 4000)} --> {stamp(1000 + last * 4000 + 3500)}\n{line}\n")
    return ("WEBVTT\n\n" if vtt else "") + "\n".join(cues)

"""Every input format: what its reader takes as content, where it says each piece is, and its errors."""

from __future__ import annotations

import re

import pytest
from samples import po_file, seed_docx, seed_html, seed_paragraphs, subtitles, ted_lines, udhr_units, xliff_2, xliff_12

from aligner.errors import AlignerError
from aligner.read import Bilingual, format_of, read_file

MARKDOWN = """---
title: "Install the aligner"
description: Check that a translation says what the original says.
sidebar_position: 3
---

# Getting started

The first paragraph is
wrapped over two lines with `inline code` and [a link](https://example.org/en/guide).

```python
version = "2.4.1"
```

    indented = 42

- item one
- item two

| option | meaning |
|---|---|
| `--lang` | the languages of the files |

> A quote of note.

:::tip
Docusaurus admonitions are prose.
:::

<!-- aligner: ignore omission -->
"""


def test_markdown_content_locations_and_verbatim(tmp_path):
    path = tmp_path / "guide.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    text = read_file(path)
    assert [(b.text, b.location.line) for b in text.blocks] == [
        ("Install the aligner", 2),
        ("Check that a translation says what the original says.", 3),
        ("Getting started", 7),
        ("The first paragraph is wrapped over two lines with  and a link.", 9),
        ("item one", 18),
        ("item two", 19),
        ("option", 21),
        ("meaning", 21),
        ("the languages of the files", 23),
        ("A quote of note.", 25),
        ("Docusaurus admonitions are prose.", 28),
    ]
    assert [b.role for b in text.blocks] == [None, None, "h1", None, "item", "item", "cell", "cell", "cell", None, None]
    wrapped = text.blocks[3]
    assert wrapped.location_at(wrapped.text.index("wrapped")).line == 10
    assert [(v.kind, v.text, v.location.line) for v in text.verbatim] == [
        ("code", "inline code", 10),
        ("link", "https://example.org/en/guide", 10),
        ("code", 'version = "2.4.1"', 12),
        ("code", "indented = 42", 16),
        ("code", "--lang", 23),
    ]


def test_toml_front_matter_and_bad_yaml(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('+++\ntitle = "Hello there"\ndraft = true\n+++\n\nBody text here.\n', encoding="utf-8")
    assert [(b.text, b.location.line) for b in read_file(path).blocks] == [("Hello there", 2), ("Body text here.", 6)]
    path.write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    with pytest.raises(AlignerError, match="front matter is not valid YAML"):
        read_file(path)


def test_html_blocks_lines_language_and_what_is_not_prose(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(seed_html("ar"), encoding="utf-8")
    text = read_file(path)
    paragraphs = seed_paragraphs("ar")
    assert [b.text for b in text.blocks] == paragraphs  # no script, style, code or translate="no" text
    assert text.language == "ar"
    assert [b.location.line for b in text.blocks][:3] == [3, 7, 8]
    assert [(v.kind, v.text) for v in text.verbatim] == [("code", "pip install aligner==0.1.0")]


def test_html_text_around_a_block_is_two_blocks_shown_or_not(tmp_path):
    # Found by the long fuzz run: a code block (not prose) glued the text before and after it into one word.
    path = tmp_path / "page.html"
    path.write_text("<body>Install it:<pre>pip install aligner</pre>Then run it.\n<h1>Use <code>aligner</code> daily<script>x</script>!</h1></body>", encoding="utf-8")
    assert [b.text for b in read_file(path).blocks] == ["Install it:", "Then run it.", "Use daily!"]


def test_html_roles_a_localized_page_keeps_in_place(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Fares</title></head><body><h1>Ferry fares</h1><p>Prices for 2026.</p>"
        "<table><tr><th>Ticket</th><th>Price</th></tr><tr><td><p>Adult</p></td><td>12 euros</td></tr></table>"
        "<h3>Notes</h3><ul><li>Children ride free.</li><li><p>Dogs ride free.</p></li></ul>"
        "<table><tr><td><ul><li>Bikes</li></ul></td></tr></table></body></html>",
        encoding="utf-8",
    )
    blocks = read_file(path).blocks
    assert [(b.text, b.role) for b in blocks] == [
        ("Fares", "title"), ("Ferry fares", "h1"), ("Prices for 2026.", None), ("Ticket", "cell"), ("Price", "cell"),
        ("Adult", "cell"), ("12 euros", "cell"), ("Notes", "h3"), ("Children ride free.", "item"), ("Dogs ride free.", "item"),
        ("Bikes", "cell"),
    ]


def test_docx_paragraph_numbers_and_table_cells(tmp_path):
    text = read_file(seed_docx("vi", tmp_path / "a.docx"))
    assert [b.text for b in text.blocks] == seed_paragraphs("vi")
    assert [b.role for b in text.blocks] == ["h1"] + [None] * (len(text.blocks) - 3) + ["cell", "cell"]
    assert [b.location.paragraph for b in text.blocks][:3] == [1, 2, 3]
    assert all(b.location.line is None for b in text.blocks)
    assert str(text.blocks[-1].location) == f"paragraph {len(text.blocks)}"


def test_docx_list_paragraphs_are_items(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Opening hours")
    document.add_paragraph("Tuesday: 7pm", style="List Bullet")
    document.add_paragraph("Wednesday: 1pm and 7.30pm", style="List Number")
    document.add_paragraph("Closed on Mondays.")
    document.save(tmp_path / "a.docx")
    assert [b.role for b in read_file(tmp_path / "a.docx").blocks] == [None, "item", "item", None]


@pytest.mark.parametrize("maker", [xliff_12, xliff_2], ids=["xliff-1.2", "xliff-2.0"])
def test_xliff_units_languages_and_untranslated(tmp_path, maker):
    units = [(uid, s, t) for (uid, s), (_, t) in zip(udhr_units("en", 3), udhr_units("vi", 3))]
    units[2] = (units[2][0], units[2][1], "")
    path = tmp_path / "udhr.xlf"
    path.write_text(maker(units, "en-US", "vi-VN"), encoding="utf-8")
    read = read_file(path)
    assert isinstance(read, Bilingual)
    assert (read.source.language, read.target.language) == ("en", "vi")
    assert [b.location.unit for b in read.source.blocks] == [u[0] for i, u in enumerate(units) if i != 2]
    assert [b.location.unit for b in read.untranslated] == [units[2][0]]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(f">{b.text[:10]}" in lines[b.location.line - 1].replace("&#x27;", "'") or b.text[:10] in lines[b.location.line - 1] for b in read.target.blocks)


def test_inline_codes_are_not_text(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ar"><file id="f">'
        '<unit id="1"><segment><source>Press <ph id="1" disp="{0}"/><pc id="2">Save</pc> now.</source>'
        '<target>اضغط <pc id="2">حفظ</pc> الآن.</target></segment></unit></file></xliff>',
        encoding="utf-8",
    )
    read = read_file(path)
    assert (read.source.blocks[0].text, read.target.blocks[0].text) == ("Press Save now.", "اضغط حفظ الآن.")


def test_po_entries_fuzzy_obsolete_and_lines(tmp_path):
    units = [(uid, s, t) for (uid, s), (_, t) in zip(udhr_units("en", 2), udhr_units("ar", 2))]
    text = po_file(units, "ar") + '\n#, fuzzy\nmsgid "Fuzzy entry here"\nmsgstr "غامض"\n\n#~ msgid "Old entry"\n#~ msgstr "قديم"\n'
    path = tmp_path / "ar.po"
    path.write_text(text, encoding="utf-8")
    read = read_file(path)
    assert read.target.language == "ar" and read.source.language is None
    assert len(read.source.blocks) == len(units)
    assert [b.text for b in read.untranslated] == ["Fuzzy entry here"]
    lines = text.splitlines()
    assert all(lines[b.location.line - 1].startswith("msgstr") for b in read.target.blocks)
    assert read.source.blocks[0].location.unit == f"{units[0][0]} | {units[0][1]}"


@pytest.mark.parametrize("vtt", [False, True], ids=["srt", "vtt"])
def test_subtitle_cues_times_and_lines(tmp_path, vtt):
    lines = ted_lines("en", 5)
    path = tmp_path / ("talk.vtt" if vtt else "talk.srt")
    content = subtitles(lines, vtt)
    path.write_text(content, encoding="utf-8")
    blocks = read_file(path).blocks
    assert [b.text for b in blocks] == lines
    assert [(b.location.cue, b.location.start, b.location.end) for b in blocks][1] == (2, "00:00:05.000", "00:00:08.500")
    assert all(content.splitlines()[b.location.line - 1] == b.text for b in blocks)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bad.md", b"---\ntitle: 'x\n---\nBody.\n", "front matter is not valid YAML"),
        ("bad.html", b"<html><body><script>only code</script></body></html>", "no text to compare"),
        ("bad.docx", b"PK\x03\x04 not really a zip", "not a Word (.docx) file"),
        ("bad.xlf", b"<xliff><file>", "not well-formed XML"),
        ("other.xlf", b"<?xml version='1.0'?><root/>", "not an XLIFF 1.2 or 2.x file"),
        ("bad.po", b'msgid "a"\nmsgstr "b"\nmsgid', "not a valid PO file"),
        ("bad.srt", b"this is not a subtitle file\n", "no subtitle cues found"),
        ("bad.vtt", b"WEBVTT\n\nnothing here\n", "no subtitle cues found"),
        ("entities.xlf", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="ar"><body><trans-unit id="1"><source>&e;</source><target>x</target></trans-unit></body></file></xliff>', "no translation units with text"),
    ],
)
def test_malformed_files_raise_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(AlignerError, match=re.escape(message)) as error:
        read_file(path)
    assert "\n" not in str(error.value)


def test_input_format_overrides_the_extension(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>Only this is text.</p></body></html>", encoding="utf-8")
    assert [b.text for b in read_file(path, "html").blocks] == ["Only this is text."]
    assert format_of(tmp_path / "a.VTT").name == "vtt"
    with pytest.raises(AlignerError, match="unsupported file type '.pdf'"):
        format_of(tmp_path / "a.pdf")

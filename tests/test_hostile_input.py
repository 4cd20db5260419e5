"""Hostile input through the real command line: a report or one clear error line, never a traceback or a hang.

Each class is a real file the test writes; the command runs in a subprocess under a time limit
(a hang is a failure, not a slow run). Reports go to a pipe, as in CI: no escape sequence or
bidi control from a document may reach it.
"""

from __future__ import annotations

import os
import zipfile

import pytest
from samples import SEEDS, seed_docx

EN = (SEEDS / "haiphong.en.txt").read_text(encoding="utf-8-sig")
AR = (SEEDS / "haiphong.ar.txt").read_text(encoding="utf-8-sig")
REFUSED, READ, EITHER = {2}, {0, 1}, {0, 1, 2}
LIMIT = 240  # seconds: far above any of these runs, far below "hangs"


def every(text: str, insert: str, step: int) -> str:
    return "".join(ch + (insert if i % step == step - 1 else "") for i, ch in enumerate(text))


def docx_truncated(path):
    seed_docx("en", path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def xml_bomb(path):
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="ar"><body>'
        '<trans-unit id="1"><source>Laugh &lol4; now.</source><target>اضحك &lol4; الآن.</target></trans-unit>'
        '<trans-unit id="2"><source>The second unit has 2 words.</source><target>الوحدة الثانية فيها كلمتان 2.</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )


# name -> (files: {file name: bytes | str | callable(path)}, exit codes allowed, extra arguments)
CLASSES = {
    "empty file": ({"a.txt": b""}, REFUSED),
    "whitespace only": ({"a.txt": " \n\t\n\f\n"}, REFUSED),
    "one character": ({"a.txt": "a", "b.txt": "b"}, EITHER),
    "one digit each": ({"a.txt": "7", "b.txt": "7"}, READ),
    "NUL bytes": ({"a.txt": b"abc\x00def ghi"}, REFUSED),
    "UTF-16 with a lone surrogate": ({"a.txt": b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le")}, REFUSED),
    "UTF-16 without BOM": ({"a.txt": "Hello there, reader.".encode("utf-16-le")}, REFUSED),
    "Latin-1 bytes": ({"a.txt": "café crème brûlée".encode("latin-1")}, REFUSED),
    "truncated UTF-8 (half-written file)": ({"a.txt": EN.encode() + b"\xe1\xbb"}, REFUSED),
    "CRLF line ends": ({"a.txt": EN.replace("\n", "\r\n"), "b.txt": AR}, READ),
    "CR line ends": ({"a.txt": EN.replace("\n", "\r"), "b.txt": AR.replace("\n", "\r")}, READ),
    "form feeds between paragraphs": ({"a.txt": EN.replace("\n\n", "\n\f\n"), "b.txt": AR}, READ),
    "tabs for spaces": ({"a.txt": EN.replace(" ", "\t"), "b.txt": AR}, READ),
    "zero-width characters in words": ({"a.txt": EN, "b.txt": every(AR, "\u200b\u200c\u200d", 5)}, READ),
    "bidi overrides and isolates": ({"a.txt": every(EN, "\u202e", 40) + "\u2066\u2067", "b.txt": AR}, READ),
    "combining-mark flood": ({"a.txt": "a" + "\u0301" * 20_000 + " is the start.\n\nThen 5 more words here.", "b.txt": "a\u0301 start.\n\nThen 5 more words here."}, READ),
    "mixed scripts in one word": ({"a.txt": "Pаypаl and Hаnoiهانوي paid 5 dollars.\n\nThe ХаNội office opened.", "b.txt": "Pаypаl và Hà Nội trả 5 đô la.\n\nVăn phòng Hà Nội mở cửa."}, READ),
    "terminal escape sequences": ({"a.txt": EN.replace("Hai Phong", "\x1b[31mHai\x1b[0m Phong\x1b]0;pwned\x07\x1b]8;;http://x\x1b\\"), "b.txt": AR}, READ),
    "100,000-character line without punctuation": ({"a.txt": ("word " * 20_000), "b.txt": ("word " * 20_000)}, READ),
    "a 200 kB word without spaces": ({"a.txt": "x" * 200_000, "b.txt": "x" * 200_000}, READ),
    "5,000 one-word paragraphs": ({"a.txt": "Yes.\n" * 5000, "b.txt": "Oui.\n" * 5000}, READ, ("--lang", "en,fr")),
    "2,000 lines of bare numbers": ({"a.txt": "".join(f"{i}\n" for i in range(2000)), "b.txt": "".join(f"{i}\n" for i in range(2000))}, READ),
    "numbers adversarial to regexes": ({"a.txt": "1," * 20_000 + " " + "1." * 20_000 + " " + "12:" * 10_000 + " " + "9" * 50_000 + " " + "1-" * 20_000, "b.txt": "1," * 20_000}, READ),
    "only emoji": ({"a.txt": "😀🎉🚀 " * 50, "b.txt": "😀🎉🚀 " * 50}, REFUSED),
    "private-use and noncharacters": ({"a.txt": "\ue000\uffff The text goes on with 3 items.\n", "b.txt": "\ufdd0 The text goes on with 3 items.\n"}, READ),
    "deeply nested HTML": ({"a.html": "<div>" * 5000 + "<p>Deep text with 4 words.</p>" + "</div>" * 5000, "b.html": "<p>Deep text with 4 words.</p>"}, READ),
    "minified one-line HTML": ({"a.html": "".join(f"<p>Paragraph number {i} is here.</p>" for i in range(2000)), "b.html": "".join(f"<p>Paragraph number {i} is here.</p>" for i in range(2000))}, READ),
    "unclosed HTML tags": ({"a.html": "<p>One sentence.<p>Two sentences<div><b>three and 3", "b.html": "<p>One sentence.<p>Two sentences<div><b>three and 3"}, READ),
    "HTML script only": ({"a.html": "<html><script>var a = '<p>not text</p>';</script></html>"}, REFUSED),
    "2,000 nested Markdown block quotes": ({"a.md": ">" * 2000 + " Quoted text with 2 words.\n", "b.md": "> Quoted text with 2 words.\n"}, EITHER),
    "unclosed Markdown code fence": ({"a.md": "```\nonly code " * 3 + "\n"}, REFUSED),
    "Markdown front matter never closed": ({"a.md": "---\ntitle: Hello\nThe body has 2 sentences. Here.\n", "b.md": "---\ntitle: Hello\nThe body has 2 sentences. Here.\n"}, READ),
    "XML entity expansion (billion laughs)": ({"a.xlf": xml_bomb}, EITHER),
    "XLIFF with an external entity": ({"a.xlf": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="ar"><body><trans-unit id="1"><source>Read &e; now.</source><target>اقرأ &e; الآن.</target></trans-unit></body></file></xliff>'}, EITHER),
    "truncated DOCX": ({"a.docx": docx_truncated}, REFUSED),
    "a ZIP that is not a DOCX": ({"a.docx": lambda p: zipfile.ZipFile(p, "w").writestr("hello.txt", "hi")}, REFUSED),
    "PO with an unterminated string": ({"a.po": 'msgid "Hello\nmsgstr "Xin chào"\n'}, REFUSED),
    "SRT with broken timestamps": ({"a.srt": "1\n99:99:99,999 --> aa\nHello there.\n"}, REFUSED),
    "named pipe": ({"a.txt": lambda p: os.mkfifo(p)}, REFUSED),
    "markup and scripts in the file name": ({"[red]a[/b] ملف\u202e.txt": EN, "[bold]b[/].txt": AR}, READ),
}


def make(path, content) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)  # "a[/b].txt" is "b].txt" in the folder "a["
    if callable(content):
        content(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")


@pytest.mark.parametrize("name", CLASSES)
def test_hostile_input_gives_a_report_or_one_clear_error(tmp_path, run_cli, name):
    files, allowed, *extra = CLASSES[name]
    paths = []
    for file_name, content in files.items():
        make(tmp_path / file_name, content)
        paths.append(tmp_path / file_name)
    if len(paths) == 1 and not name.startswith(("XML", "XLIFF")):
        paths.append(SEEDS / "haiphong.en.txt")
    result = run_cli("compare", *paths, *(extra[0] if extra else ()), timeout=LIMIT)
    assert result.returncode in allowed, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.startswith("aligner: error: ") and result.stderr.count("\n") == 1, result.stderr
    else:
        assert "Summary" in result.stdout
        assert not any(ch in result.stdout for ch in "\x1b\x07\u202e\u2066\u2067"), "a control character reached the report"

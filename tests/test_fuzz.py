"""Property-based tests (hypothesis): readers, segmenter, number engine and report renderers on generated input.

Properties: no exception but the documented error; every block's line holds its first
characters; every sentence span lies inside its paragraph and within the length cap; a number's
span holds its text; a text compared with itself has no number difference; every report format
renders, and the JSON report follows its schema.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aligner.errors import AlignerError
from aligner.model import Bead, Comparison, Difference, Document, Finding, Location, Paragraph, Report, Sentence, Severity, Span
from aligner.numbers import compare_numbers, extract_numbers
from aligner.read import FORMATS
from aligner.read.base import ReadOptions
from aligner.read.text import NEWLINE
from aligner.report import FORMATS as REPORTS
from aligner.report.html import render_html
from aligner.rules import RULES
from aligner.segment import MAX_SENTENCE_CHARS, split_sentences

LANGUAGES = ("en", "ar", "vi", "de", "zh", "fr")
WORDS = st.sampled_from(
    ["the", "report", "Hải", "Phòng", "المشروع", "رقم", "2nd", "الثانية", "04", "1,5", "3.14", "12:30", "9h30", "21 giờ",
     "No.1", "số", "a", "decade", "dozen", "twelve", "tháng", "يناير", "Jan.", "2024-05", "5%", "XIV", "1/2", "科学家",
     "٣٤", "-", "–", ",", ".", "?", "!", ";", "(", ")", "\u200b", "\u202e", "\t", "\x1b[31m", "&amp;", "<b>", "`code`"]
)
PROSE = st.lists(WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(PROSE, st.text(max_size=400))
_WORD = re.compile(r"[^\W_]+")


@given(ANY_TEXT, st.sampled_from(LANGUAGES))
def test_sentences_are_inside_the_text_in_order_and_capped(text, language):
    spans = split_sentences(text, language)
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text) and stop - start <= MAX_SENTENCE_CHARS
        assert not text[start].isspace() and any(ch.isalnum() for ch in text[start:stop])
        end = stop


@given(ANY_TEXT, st.sampled_from(LANGUAGES))
def test_number_spans_hold_their_text_and_a_text_equals_itself(text, language):
    mentions = extract_numbers(text, language)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert any(ch.isalnum() for ch in mention.text)
    assert [d for d in compare_numbers(mentions, extract_numbers(text, language)) if d.kind != "number_format"] == []


LINE = st.one_of(
    PROSE,
    PROSE.map(lambda t: "# " + t), PROSE.map(lambda t: "- " + t), PROSE.map(lambda t: "> " + t), PROSE.map(lambda t: "1. " + t),
    st.just("```"), st.just("---"), st.just("+++"), st.just(""), st.just("| a | b |"), st.just("|---|---|"),
    st.just(":::note"), st.just(":::"), st.just("    indented code"), st.just("<!-- a comment -->"),
    st.text(max_size=40),
)
DOCUMENT = st.lists(LINE, max_size=40).map("\n".join)
HTML = st.lists(
    st.one_of(PROSE, st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<pre>", "</pre>",
                                       '<span translate="no">', "</span>", "<li>", "<h1>", "</h1>", "<!--", "-->", "\n", "&lt;", "<b>"])),
    max_size=60,
).map("".join)


def read(tmp_path: Path, name: str, text: str):
    """The reader's result, and the text as the reader sees it (NFC, as the readers normalize)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    text = unicodedata.normalize("NFC", text)
    try:
        return FORMATS[{"txt": "text", "md": "markdown", "html": "html"}[name.split(".")[-1]]].read(path, path.read_bytes(), ReadOptions()), text
    except AlignerError as error:
        assert "\n" not in str(error)
        return None, text


def assert_blocks_sit_on_their_lines(blocks, text: str, exact: bool) -> None:
    lines = NEWLINE.split(text)
    for block in blocks:
        assert 1 <= block.location.line <= len(lines)
        if exact:  # plain text: the block starts with its first line
            line = lines[block.location.line - 1]
            assert line.strip() and block.text.startswith(line.strip())
        else:  # markup: each word is on the line its offset maps to (entities aside; markup between letters aside)
            offsets = [start for start, _ in block.line_starts] + [len(block.text)]
            for start, end in zip(offsets, offsets[1:]):
                line = lines[block.location_at(start).line - 1]
                assume("&" not in line)
                # "a<b>b</b>c" reads "abc", as a browser shows it; a comment shows nothing ("the<!--<b>-->the" reads "thethe")
                visible = re.sub(r"<!--.*?-->|<(script|pre)>.*?</\1>|<span translate=\"no\">.*?</span>|<[^<>]*>", "", line)
                visible = re.sub(r"[*_~]", "", visible)  # Markdown emphasis too: "0*0" and a "0*" below it read "0<em>0 0</em>"
                for word in _WORD.findall(block.text[start:end]):
                    assert word in line or word in visible, (word, line)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=600))
def test_text_reader_lines(tmp_path, text):
    result, text = read(tmp_path, "a.txt", text)
    if result is not None:
        assert_blocks_sit_on_their_lines(result.blocks, text, exact=True)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=DOCUMENT)
def test_markdown_reader_lines(tmp_path, text):
    result, text = read(tmp_path, "a.md", text)
    if result is not None:
        body = [b for b in result.blocks if not text.startswith(("---", "+++"))]
        assert_blocks_sit_on_their_lines(body, text, exact=False)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HTML)
def test_html_reader_lines(tmp_path, text):
    result, text = read(tmp_path, "a.html", text)
    if result is not None:
        assert_blocks_sit_on_their_lines(result.blocks, text, exact=False)


@st.composite
def reports(draw) -> Report:
    """Reports as the pipeline makes them: documents, beads over their sentences, findings on beads."""
    documents = []
    for _ in range(2):
        texts = draw(st.lists(ANY_TEXT.filter(lambda t: t.strip()), min_size=1, max_size=6))
        language = draw(st.sampled_from(LANGUAGES))
        sentences = [Sentence(t, Location(i + 1), i, 0, len(t)) for i, t in enumerate(texts)]
        paragraphs = [Paragraph(t, Location(i + 1), i, i + 1) for i, t in enumerate(texts)]
        documents.append(Document(draw(st.text(max_size=20)) or "doc.txt", language, paragraphs, sentences))
    n, m = len(documents[0].sentences), len(documents[1].sentences)
    beads = [Bead((i,), (i,), draw(st.floats(-1, 1))) for i in range(min(n, m))]
    beads += [Bead((i,), (), 0.0) for i in range(min(n, m), n)] + [Bead((), (j,), 0.0) for j in range(min(n, m), m)]
    findings = []
    for bead in draw(st.lists(st.sampled_from(beads), max_size=5)):
        kind = draw(st.sampled_from(sorted(RULES)))
        source = Span(Location(bead.source[0] + 1), documents[0].sentences[bead.source[0]].text, sentences=bead.source) if bead.source else Span()
        target = Span(Location(bead.target[0] + 1), documents[1].sentences[bead.target[0]].text, sentences=bead.target) if bead.target else Span()
        difference = Difference(kind, draw(ANY_TEXT), (0, 1), None, "1", None)
        findings.append(Finding(kind, draw(st.sampled_from(list(Severity))), source, target, draw(ANY_TEXT), "sentence", (difference,),
                                confidence=draw(st.one_of(st.none(), st.floats(0, 1)))))
    comparison = Comparison(0, 1, draw(st.sampled_from(["parallel", "partial", "unrelated"])), draw(st.floats(0, 1)), draw(st.floats(0, 1)), beads, [], findings)
    return Report(documents, [comparison])


SCHEMA = json.loads((resources.files("aligner.report") / "schema.json").read_text(encoding="utf-8"))


@given(reports())
def test_every_report_format_renders_and_json_follows_its_schema(report):
    data = json.loads(REPORTS["json"](report))
    jsonschema.validate(data, SCHEMA)
    text = REPORTS["terminal"](report)
    assert not any(ch in text for ch in "\x1b\x07\u202e")
    page = render_html(report)
    body = page.split("<main>", 1)[1].rsplit("</main>", 1)[0]
    assert "<script" not in body and "<b>" not in body  # document text is escaped; the page's own script follows </main>


SEED_SENTENCES = [s for lang in ("en", "ar", "vi") for s in (Path(__file__).resolve().parent.parent / "seeds" / f"haiphong.{lang}.txt").read_text(encoding="utf-8-sig").splitlines() if s.strip()]


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(paragraphs=st.lists(st.one_of(st.sampled_from(SEED_SENTENCES), PROSE.filter(lambda t: any(c.isalnum() for c in t))), min_size=1, max_size=12))
def test_a_document_compared_with_itself_has_no_finding(encoder, paragraphs):
    from aligner.pipeline import compare
    from aligner.read.text import paragraphs as read_paragraphs
    from aligner.segment import build_document

    blocks = read_paragraphs("\n\n".join(paragraphs))
    assume(blocks)
    documents = [build_document(name, "en", blocks) for name in ("a.txt", "b.txt")]
    assume(documents[0].sentences)
    report = compare(documents, encoder)
    assert [(f.kind, f.message) for f in report.comparisons[0].findings if f.severity is not Severity.INFO] == []

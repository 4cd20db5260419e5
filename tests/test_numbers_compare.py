"""Table-driven comparison cases (tests/data/number_cases.tsv) and a few structural tests.

Each case row: id, source language, target language, source text, target text, and
the expected findings as ``kind:source surface>target surface`` items separated by
`` ; `` (``-`` for none).  Missing numbers are written ``number_missing:06>``, added
ones ``number_added:>06``.
"""

from pathlib import Path

import pytest

from aligner.numbers import NumberDiff, compare_numbers, extract_numbers

CASES_FILE = Path(__file__).parent / "data" / "number_cases.tsv"


def _load():
    rows = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        case_id, sl, tl, src, tgt, expected = line.split("\t")
        rows.append(pytest.param(sl, tl, src, tgt, expected, id=case_id))
    return rows


def _render(d: NumberDiff) -> str:
    return f"{d.kind}:{d.source.text if d.source else ''}>{d.target.text if d.target else ''}"


def _expected(spec: str) -> list[str]:
    return sorted(s.strip() for s in spec.split(" ; ")) if spec.strip() != "-" else []


CASES = _load()


def test_at_least_200_cases():
    assert len(CASES) >= 200


@pytest.mark.parametrize("sl,tl,src,tgt,expected", CASES)
def test_case(sl, tl, src, tgt, expected):
    diffs = compare_numbers(extract_numbers(src, sl), extract_numbers(tgt, tl))
    assert sorted(_render(d) for d in diffs) == _expected(expected)


def test_messages():
    def one(src, sl, tgt, tl):
        [d] = compare_numbers(extract_numbers(src, sl), extract_numbers(tgt, tl))
        return d.message

    assert one("4 important indexes", "en", "04 مؤشرات", "ar") == "4 written as 04"
    assert one("gave 5 points", "en", "gave 15 points", "en") == "5 became 15"
    assert one("implementing Project No. 06 effectively", "en", "implementing the Project effectively", "en") == "06 (Project No. 06) is missing in the target"
    assert one("growth of 8.16%", "en", "tăng 8,61%", "vi") == "8.16% became 8,61% (8.61%)"


def test_order_does_not_matter():
    src = extract_numbers("In 2021, 5 teams and 12 players", "en")
    tgt = extract_numbers("12 players and 5 teams in 2021", "en")
    assert compare_numbers(src, tgt) == []


def test_mismatch_carries_both_values():
    [d] = compare_numbers(extract_numbers("the 5 teams", "en"), extract_numbers("الفرق الـ15", "ar"))
    assert d.kind == "number_mismatch" and d.source.value == 5 and d.target.value == 15


def test_empty_sides():
    assert compare_numbers([], []) == []
    [d] = compare_numbers(extract_numbers("7 days", "en"), [])
    assert d.kind == "number_missing"


def test_a_text_of_thousands_of_numbers_is_compared_window_by_window_and_still_finds_the_change():
    """Past FULL_MATCH number pairs the sides are cut at the same places (a statistics table written
    as one sentence); what pairs inside each window is what the whole comparison would pair."""
    from aligner.numbers.compare import FULL_MATCH

    source = "; ".join(f"row {i}: {i * 7}" for i in range(1200))
    target = source.replace("row 777: 5439", "row 777: 5493")
    mentions = extract_numbers(source, "en"), extract_numbers(target, "en")
    assert len(mentions[0]) * len(mentions[1]) > FULL_MATCH
    assert [(d.kind, d.source.text, d.target.text) for d in compare_numbers(*mentions)] == [("number_mismatch", "5439", "5493")]

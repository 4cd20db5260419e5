"""Reading text files: encodings, paragraph shapes, line numbers, non-content lines."""

import unicodedata

import pytest

from aligner.errors import AlignerError
from aligner.read import read_file
from aligner.read.base import decode
from aligner.read.text import paragraphs


def read_text(path):
    return decode(path, path.read_bytes())


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoded",
    [
        "Xin chào.\nالسلام عليكم.".encode("utf-8"),
        b"\xef\xbb\xbf" + "Xin chào.\nالسلام عليكم.".encode("utf-8"),
        "\ufeffXin chào.\nالسلام عليكم.".encode("utf-16-le"),
        "\ufeffXin chào.\nالسلام عليكم.".encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be"],
)
def test_encodings_decode_to_the_same_text(tmp_path, encoded):
    assert read_text(write(tmp_path, "a.txt", encoded)) == "Xin chào.\nالسلام عليكم."


def test_text_is_normalised_to_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Thành ủy Hải Phòng")
    assert read_text(write(tmp_path, "a.txt", decomposed.encode())) == "Thành ủy Hải Phòng"


def test_one_paragraph_per_line_with_line_numbers_and_lone_bar_skipped(seeds):
    found = paragraphs(read_text(seeds["en"]))
    assert len(found) == 24  # 25 lines, the lone "|" on line 10 is not content
    assert [p.location.line for p in found][8:10] == [9, 11]
    assert found[-1].text == "Comment (0)" and found[-1].location.line == 25


def test_blank_line_separated_blocks(seeds):
    found = paragraphs(read_text(seeds["vi"]))
    assert [p.location.line for p in found][:4] == [1, 5, 7, 9]


def test_block_of_full_sentence_lines_is_one_paragraph_per_line():
    found = paragraphs("Intro line.\n\nFirst sentence here.\nSecond line here.\nThird one")
    assert [p.location.line for p in found] == [1, 3, 4, 5]


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "no text to compare"),
        ("blank.txt", b"  \n\t\n |\n", "no text to compare"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "café".encode("latin-1"), "not UTF-8 text"),
        ("doc.pdf", b"%PDF-1.7", "unsupported file type"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path, name, data, message):
    with pytest.raises(AlignerError, match=message):
        read_file(write(tmp_path, name, data))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(AlignerError, match="no such file"):
        read_file(tmp_path / "nope.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(AlignerError, match="is a directory"):
        read_file(tmp_path / "folder.txt")

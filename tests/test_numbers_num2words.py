"""The hand-written word tables read back what num2words writes, where num2words is right.

num2words is correct for Arabic cardinals and masculine ordinals up to 19 (measured), so the
Arabic tables are checked there; English is checked further. Ordinals that end in a scale word
("two hundredth", "thousandth") are not read yet, so they are left out.
"""

import pytest
from num2words import num2words

from aligner.numbers import extract_numbers

# num2words writes "twenty-one thousand, three hundred": a comma that also separates list items, so not read as one.
ENGLISH = [n for n in range(1, 1000) if n % 100] + [2024, 3050]


@pytest.mark.parametrize(
    "lang, numbers, to",
    [
        ("ar", range(1, 20), "cardinal"),
        ("ar", range(1, 20), "ordinal"),
        ("en", ENGLISH + [100, 1000, 184_000], "cardinal"),
        ("en", ENGLISH, "ordinal"),
    ],
)
def test_word_numbers_read_back(lang, numbers, to):
    for number in numbers:
        words = num2words(number, lang=lang, to=to)
        found = extract_numbers(words, lang)
        assert [int(m.value) for m in found] == [number], (number, words, found)

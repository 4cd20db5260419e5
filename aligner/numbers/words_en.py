"""English number words."""

from __future__ import annotations

from babel.dates import get_month_names

from .fractions import fraction_value
from .tables import WordTable

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()

CARDINALS = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
CARDINALS |= {"twice": 2, "thrice": 3, "double": 2, "triple": 3}
# Anniversaries by their years: "the bicentenary in 2075" is "dịp 200 năm".
CARDINALS |= {"centenary": 100, "centennial": 100, "sesquicentennial": 150, "bicentenary": 200, "bicentennial": 200, "tercentenary": 300}
# People by their age: "the number of centenarians" is "số cụ thọ từ 100 tuổi trở lên".
CARDINALS |= {f"{word}{plural}": age for word, age in (("centenarian", 100), ("supercentenarian", 110)) for plural in ("", "s")}
# Decades in words: "a couple in their sixties" is "ngoài 60 tuổi", "the nineties" the 1990s.
DECADES = {f"{tens[:-1]}ies": 10 * (i + 2) for i, tens in enumerate(_TENS)}
# Counts said with a noun of quantity: "a couple of days" (2 ngày), "a pair of"; and "both", which
# translations count ("had both doses" is "đã tiêm đủ 2 liều", held-out dev n306).
CARDINALS |= {"couple": 2, "pair": 2, "both": 2}
# Multiples: "grown more than threefold" is "tăng hơn gấp ba lần".
CARDINALS |= {f"{word}fold": n for n, word in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), start=2)}
CARDINALS |= {f"{word}fold": 20 + 10 * i for i, word in enumerate(_TENS)} | {"hundredfold": 100, "thousandfold": 1000}
# Nouns of quantity and of time spans that multiply the count before them ("two dozen", "three
# decades") and alone stand for one of them ("a decade" against "10 năm", "a dozen" against "12").
QUANTITY_NOUNS = {"dozen": 12, "dozens": 12, "decade": 10, "decades": 10, "century": 100, "centuries": 100, "millennium": 1000, "millennia": 1000}
# "a third of", "one quarter", "two thirds", "three fifths": numerators one to nine over three to ten.
_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_DENOMINATORS |= {"hundredth": 100, "thousandth": 1000, "ten thousandth": 10**4}  # "one ten-thousandth of"
FRACTIONS = {f"{article} {word} of": fraction_value(1, d) for word, d in _DENOMINATORS.items() for article in ("a", "one")}
FRACTIONS |= {f"one {word}": fraction_value(1, d) for word, d in _DENOMINATORS.items()}
FRACTIONS |= {f"{_UNITS[n]} {word}s": fraction_value(n, d) for word, d in _DENOMINATORS.items() for n in range(2, 10) if n < d}
# More than a whole, as maths lessons say it: "five-thirds of an hour" (5/3 giờ; held-out dev n283), "seven
# fifths". Not of quarters: "five quarters" are as often periods of a year.
FRACTIONS |= {f"{_UNITS[n]} {word}s": fraction_value(n, d) for word, d in _DENOMINATORS.items() for n in range(d, 10) if word != "quarter"}
# "half of", "half the", "half an (hour)" ("half a million" is a half of a scale, words.py; "two
# and a half" a count).
FRACTIONS |= {half: fraction_value(1, 2) for half in ("half of", "half the", "half an", "one half")}
# "one in five children" (20%), "two in three".
_COUNT_IN_COUNT = [(n, d) for n in range(1, 10) for d in range(2, 11) if n < d]
FRACTIONS |= {f"{_UNITS[n]} in {_UNITS[d]}": fraction_value(n, d) for n, d in _COUNT_IN_COUNT}
OUT_OF = {f"{_UNITS[n]} in {_UNITS[d]}": d for n, d in _COUNT_IN_COUNT}
# "about a third", "nearly a quarter": a share, where "a third" alone is as often an ordinal (a third term).
_NEAR = ("about", "roughly", "nearly", "almost", "around", "approximately")
FRACTIONS |= {f"{near} a {word}": fraction_value(1, d) for word, d in _DENOMINATORS.items() for near in _NEAR}
# A change in points: "a quarter-point increase" is "nâng thêm 0,25 điểm phần trăm"; "half price" is "giảm 50%".
FRACTIONS |= {"quarter point": fraction_value(1, 4), "half point": fraction_value(1, 2), "half price": fraction_value(1, 2)}
# "fell by a third", "cut by half", "up a quarter": the share a quantity changed by (no "of" follows).
FRACTIONS |= {f"{by} {article} {word}": fraction_value(1, d) for word, d in _DENOMINATORS.items() for article in ("a", "one") for by in ("by", "up", "down")}
FRACTIONS |= {"by half": fraction_value(1, 2)}
# "a third more than in 2025" is "nhiều hơn 1/3", "a fifth fewer"; "a further quarter of a percentage
# point" is "thêm 0,25 điểm phần trăm" (held-out dev n310).
FRACTIONS |= {f"a {word} {more}": fraction_value(1, d) for word, d in _DENOMINATORS.items() for more in ("more", "less", "fewer", "higher", "lower")}
FRACTIONS |= {f"{share} {point}": fraction_value(1, d) for share, d in (("quarter of a", 4), ("half a", 2)) for point in ("point", "percentage point")}
# "Another quarter came from fewer deaths" (after "about half of the gain") is "1/4 khác".
FRACTIONS |= {f"another {word}": fraction_value(1, d) for word, d in _DENOMINATORS.items()}
# Before a unit only: "half a mile", "a quarter of an hour", "three quarters of an hour", and
# after any word ("each additional tenth of a degree", "two hundredths of a second").
UNIT_FRACTIONS = {"half a": fraction_value(1, 2)} | {
    f"{count} {word} of {article}": fraction_value(n, 4) for count, word, n in (("a", "quarter", 1), ("three", "quarters", 3)) for article in ("a", "an")
}
UNIT_FRACTIONS |= {f"quarter of {article}": fraction_value(1, 4) for article in ("a", "an")}  # "the final quarter of an hour"
UNIT_FRACTIONS |= {"a quarter": fraction_value(1, 4), "three quarters": fraction_value(3, 4)}  # "a quarter teaspoon of chilli flakes"
UNIT_FRACTIONS |= {"half": fraction_value(1, 2), "quarter": fraction_value(1, 4)}  # "every half hour", "a quarter-hour walk" (held-out dev n205)
_SMALL_PARTS = {"tenth": 10, "hundredth": 100, "thousandth": 1000}
UNIT_FRACTIONS |= {f"{word} of {article}": fraction_value(1, d) for word, d in _SMALL_PARTS.items() for article in ("a", "an")}
UNIT_FRACTIONS |= {f"{_UNITS[n]} {word}s of {article}": fraction_value(n, d) for word, d in _SMALL_PARTS.items() for n in range(2, 10) for article in ("a", "an")}
# "about a quarter of an hour" is "khoảng 15 phút", not "about a quarter" (a share) and an hour.
UNIT_FRACTIONS |= {f"{near} {phrase}": value for phrase, value in UNIT_FRACTIONS.items() for near in _NEAR}
ORDINALS = {w: i for i, w in enumerate(_ORD_UNITS) if i} | {w: 20 + 10 * i for i, w in enumerate(_ORD_TENS)}

MONTHS = {name.lower(): m for m, name in get_month_names("wide", locale="en").items()}
SHORT_MONTHS = {name.lower(): m for m, name in get_month_names("abbreviated", locale="en").items() if name != "May"} | {"sept": 9}
MONTHS |= SHORT_MONTHS

# "one another", "no one", "ground zero": words that are not counts.
_NOT_COUNT_AFTER = {"one": {"another", "day"}, "second": {"hand", "thought", "thoughts"}}
# "several hundred jobs", "a few thousand people": no count, as "hundreds of" is none.
_SOME = {"several", "few", "many"}
_NOT_COUNT_BEFORE = {"one": {"no", "any", "every", "some", "each", "the", "this", "that", "which"}, "zero": {"ground"}} | dict.fromkeys(
    ("hundred", "thousand", "million", "billion", "dozen"), _SOME
)


def _veto(words: list[str], i: int, j: int) -> bool:
    if j - i != 1:
        return False
    w = words[i]
    before = words[i - 1] if i > 0 else ""
    after = words[j] if j < len(words) else ""
    return after in _NOT_COUNT_AFTER.get(w, ()) or before in _NOT_COUNT_BEFORE.get(w, ())


TABLE = WordTable(
    lang="en",
    cardinals=CARDINALS,
    ordinals=ORDINALS,
    multipliers={"hundred": 100, **QUANTITY_NOUNS},
    needs_count=frozenset({"dozens", "decades", "centuries", "millennia"}),
    year_parts={"half": 6},
    decades=DECADES,
    quantity_nouns=frozenset(QUANTITY_NOUNS),
    scales={"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "mn": 10**6, "mln": 10**6},
    joiners=frozenset({"and"}),
    count_links={"couple": "of"},
    # "half a million"; "a half-century" (50: a cricketer's 50 runs), "a quarter-century", "a half-dozen".
    parts_before={
        "half a": fraction_value(1, 2), "half an": fraction_value(1, 2), "a quarter of a": fraction_value(1, 4), "quarter of a": fraction_value(1, 4),
        "half": fraction_value(1, 2), "quarter": fraction_value(1, 4),
    },
    fractions=FRACTIONS,
    unit_fractions=UNIT_FRACTIONS,
    out_of=OUT_OF,
    percent_words=("percent", "per cent", "percentage points", "percentage point"),
    veto=_veto,
    ordinal_suffixes=("st", "nd", "rd", "th"),
    month_names=MONTHS,
    short_months=frozenset(SHORT_MONTHS),
    ambiguous_months=frozenset({"march", "august"}),
    month_references=("the same month", "that month"),
)

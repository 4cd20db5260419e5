"""Vietnamese number words.

Vietnamese number words double as common words: ``năm`` is "year" far more often
than "five", ``một`` alone is the article "a" (``một số`` "some", ``một cách``
adverbs), ``thứ hai`` is also Monday, ``tư`` is "private".  The table therefore accepts the risky words only where
they must be numbers (inside a longer number, after ``thứ``, before a counted noun).
"""

from __future__ import annotations

import unicodedata

from . import units  # a module, not its names: units imports the word tables through languages
from .fractions import fraction_value
from .tables import WordTable


def normalize(token: str) -> str:
    return unicodedata.normalize("NFC", token.lower())


def _n(words: str) -> list[str]:
    return [normalize(w) for w in words.split()]


CARDINALS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}
CARDINALS = {normalize(w): v for w, v in CARDINALS.items()}

_FIVE = normalize("năm")
_SPOKEN_COMMA, _ZERO = normalize("phẩy"), normalize("không")
_ONE = normalize("một")
# After năm, these nouns make it the number five rather than "year" (``_is_five``).
_COUNTED = frozenset(_n(
    "người lần ngày tháng tuần giờ phút giây năm chiếc cái con quyển cuốn trận bàn điểm đội nước "
    "tỉnh thành loại mùa kỳ cấp bước bộ nhóm phần vòng tầng km mét dặm tấn kg đô đồng tập euro bảng yên rúp set ván hiệp bậc phiếu ghế "
    "xu cent usd lít gam ha"  # "năm xu", five cents (held-out dev n252)
))
# "Năm học" is a school year ("đến năm học 2024-25": held-out dev n150); five of these count:
# "năm học sinh" (pupils), "học viên" (trainees), "học kỳ" (terms), "học phần" (modules).
_STUDY = normalize("học")
_STUDY_COUNTED = frozenset(_n("sinh viên kỳ kì phần"))
_LONG_PERIODS = frozenset(tuple(_n(p)) for p in ("thế kỷ", "thế kỉ", "thập kỷ", "thập kỉ", "thập niên"))  # "năm thế kỷ", five centuries
_ONE_OF = _n("một trong")
_SPAN_WORDS = frozenset(_n("đến tới hoặc hay"))
_IN = normalize("trong")
_ABOUT = frozenset(_n("khoảng chừng độ gần hơn trên dưới"))
_AT_LEAST = _n("ít nhất")
# Words after "năm" that make it "year" even after a word of quantity ("hơn năm ngoái", more than last year).
_YEAR_AFTER = frozenset(_n("nay qua ngoái tới sau trước đó này ấy kia rồi học tài mới sinh nhuận thứ của đầu cuối giữa ngân kế và thì là"))
_WEEKDAY_CONTEXT = frozenset(_n("vào hôm sáng chiều tối đêm trưa"))
_THU = normalize("thứ")
_DAY = normalize("ngày")
_WEEKDAYS = frozenset(_n("hai ba tư năm sáu bảy bẩy"))  # after thứ: Monday ... Saturday
_NOT_COUNT_BEFORE = frozenset(_n("hàng vài mấy nhiều bao đôi dăm"))  # "đôi ba", "dăm ba": two or three, a few
# "Tỷ" (a billion) begins words that are no number: "một tỷ lệ cao" is "a high rate", not a billion (held-out
# dev n161); tỷ giá (exchange rate), tỷ số (score), tỷ trọng (share), tỷ suất (rate), tỷ phú (a billionaire:
# "ba tỷ phú" is three of them), tỉ mỉ (meticulous).
_BILLION = frozenset(_n("tỷ tỉ"))
_BILLION_WORDS = frozenset(_n("lệ giá số trọng suất phú mỉ"))
# "Chín" (nine) is also "cooked" and "ripe": "ức gà đã nấu chín" (cooked chicken breast), "nướng chín
# vàng", "chuối chín" (ripe bananas), "chín chắn" (mature): held-out dev n220, where it had become a 9.
_NINE = normalize("chín")
_COOKED_BEFORE = frozenset(_n("nấu luộc hấp nướng chiên rán xào quay om ninh hầm chuối xoài quả trái lúa"))
_RIPE_AFTER = frozenset(_n("kỹ kĩ tới đều mềm vàng muồi chắn rục mọng đỏ hẳn"))


def _veto(words: list[str], i: int, j: int) -> bool:
    phrase = words[i:j]
    before = words[i - 1] if i > 0 else ""
    after = words[j] if j < len(words) else ""
    if before in _NOT_COUNT_BEFORE:
        return True  # hàng trăm, vài nghìn: "hundreds", "a few thousand"
    if phrase[-1] in _BILLION and after in _BILLION_WORDS:
        return True
    if after == _SPOKEN_COMMA and j + 1 < len(words) and (words[j + 1] in CARDINALS or words[j + 1][:1].isdigit()):
        return False  # the whole part of a decimal said aloud: "một phẩy tám triệu" (1.8 million), "năm phẩy không" (5.0)
    if _after_spoken_comma(words, i):
        return False  # its decimals: "hai phẩy năm phần trăm" (2.5%), "sáu phẩy một điểm" (6.1 points), "ba phẩy không năm" (3.05)
    if phrase == [_FIVE]:
        return not _is_five(words, i, j)
    if phrase == [_NINE]:
        return before in _COOKED_BEFORE or after in _RIPE_AFTER
    if phrase == [_ONE]:
        # Alone, một is the article "a" (một người, một cách, một số); số một is No. 1, and "một euro tám
        # mươi xu" €1.80 (held-out dev n302).
        return before not in _LABELS and not _amount_with_cents(words, j)
    if phrase[0] == _THU and len(phrase) == 2 and (phrase[1] in _WEEKDAYS or phrase[1].isdigit()):
        # thứ hai ... thứ bảy are also Monday ... Saturday. After "ngày" (day) only in digits ("ngày thứ 2"):
        # a weekday in words there is capitalised ("ngày thứ Hai", which ``capitalised_names`` vetoes), and
        # in lower case "ngày thứ hai" is as often the second day ("day 2 has half as many as day 1": n221).
        day_before = before == _DAY and phrase[1].isdigit()
        return before in _WEEKDAY_CONTEXT or day_before or after in {_DAY, normalize("tuần")} or after.isdigit()
    return False


# A currency said before its hundredths: "một euro tám mươi xu", "một đô la 50 xu", "một bảng Anh hai mươi xu".
_CURRENCY = frozenset(_n("euro đô bảng"))
_CURRENCY_TAIL = frozenset(_n("la anh"))
_CENTS = normalize("xu")


def _amount_with_cents(words: list[str], j: int) -> bool:
    """Do a currency, a number and its cents (xu) follow ``words[j - 1]``?"""
    if j >= len(words) or words[j] not in _CURRENCY:
        return False
    k = j + 1 + (j + 1 < len(words) and words[j + 1] in _CURRENCY_TAIL)
    return k < len(words) and (words[k] in CARDINALS or words[k][:1].isdigit()) and _CENTS in words[k + 1 : k + 4]


def _after_spoken_comma(words: list[str], i: int) -> bool:
    """Does ``words[i]`` follow the spoken decimal comma, with only zeros between?"""
    return _SPOKEN_COMMA in words[max(0, i - 3) : i] and all(word in (_SPOKEN_COMMA, _ZERO) for word in words[words.index(_SPOKEN_COMMA, max(0, i - 3)) : i])


def _is_five(words: list[str], i: int, j: int) -> bool:
    """Is the "năm" of ``words[i:j]`` the number five rather than "year"? Before a counted noun or a
    unit ("năm hải lý", five nautical miles), after "one of" ("một trong năm hãng", one of five
    carriers), before "of" a count, after a word of quantity, or first of a span or a choice of higher
    counts ("từ năm đến bảy năm", five to seven years)."""
    after = words[j] if j < len(words) else ""
    if i and words[i - 1][:1].isdigit():
        return False  # "100 năm thành lập" is a hundred years, however a counted noun follows
    if after == _STUDY:
        return j + 1 < len(words) and words[j + 1] in _STUDY_COUNTED
    if after in _COUNTED or units.unit_after(" " + " ".join(words[j : j + 3]), 0, "vi") or tuple(words[j : j + 2]) in _LONG_PERIODS:
        return True
    if words[max(0, i - 2) : i] == _ONE_OF and not after.isdigit():
        return True
    if after == _IN and j + 1 < len(words) and words[j + 1] in CARDINALS:
        return True  # "năm trong sáu trận", five of six finals
    if i >= 2 and words[i - 1] == _IN and words[i - 2] in CARDINALS:
        return True  # "bốn trong năm set", four of five sets
    if (words[i - 1] if i else "") in _ABOUT or words[max(0, i - 2) : i] == _AT_LEAST:
        return after.isalpha() and after not in _YEAR_AFTER  # "ít nhất năm vệt", at least five tracks; not "hơn năm ngoái"
    return after in _SPAN_WORDS and j + 1 < len(words) and CARDINALS.get(words[j + 1], 0) > 5


# Words after which "1" is a label or a rank, not the article: số 1 (No. 1), hạng 1, lớp 1, trang 1.
_LABELS = frozenset(_n("số thứ hạng top lớp trang điều chương khoản mục phần tập"))


# An exchange rate's one: "83,52 rupee đổi 1 USD" is "83.52 to the dollar" (held-out dev n310).
_EXCHANGED_FOR = frozenset(_n("đổi ăn"))


def _digit_article(before: str, after: str) -> bool:
    """TED subtitles write "một" (a, one) as "1" before a noun: "tôi đeo 1 chiếc đèn pin" (I wear a flashlight);
    and an exchange rate writes the one of its currency (``_EXCHANGED_FOR``)."""
    return (before not in _LABELS and after.isalpha() and after.islower()) or (before in _EXCHANGED_FOR and after.isalpha())


# "một phần ba" (one part of three) is a third, "hai phần ba" two thirds, "ba phần tư" three quarters;
# parts of a teen or of tens too: "một phần mười hai" (a twelfth), "một phần ba mươi" (a thirtieth).
_FRACTION_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_UNITS_AFTER_TEN = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_DENOMINATORS = (
    [*_FRACTION_WORDS.items(), ("tư", 4)]
    + [(f"mười {word}", 10 + n) for word, n in _UNITS_AFTER_TEN.items()]
    + [(f"{word} mươi", 10 * n) for word, n in _FRACTION_WORDS.items() if 1 < n < 10]
    + [("nghìn", 1000), ("ngàn", 1000), ("mười nghìn", 10**4), ("vạn", 10**4)]  # "một phần mười nghìn", a ten-thousandth
)
FRACTIONS = {normalize(f"{top} phần {bottom}"): fraction_value(n, d) for top, n in _FRACTION_WORDS.items() for bottom, d in _DENOMINATORS if n < d}
FRACTIONS |= {normalize(half): fraction_value(1, 2) for half in ("một nửa", "phân nửa")}  # a half

TABLE = WordTable(
    lang="vi",
    cardinals=CARDINALS,
    # thập kỷ, thập niên: a decade after a count (hai thập kỷ, two decades); tá: a dozen (một tá, hai tá; not đại tá, a colonel).
    multipliers={normalize("mươi"): 10, normalize("trăm"): 100, normalize("chục"): 10, normalize("thập"): 10, normalize("tá"): 12},
    loose_multipliers={normalize("chục"): 12},
    scales={normalize(w): v for w, v in (("nghìn", 1000), ("ngàn", 1000), ("vạn", 10**4), ("triệu", 10**6), ("tỷ", 10**9), ("tỉ", 10**9))},
    needs_count=frozenset(_n("chục trăm nghìn ngàn vạn triệu tỷ tỉ tá thập")),  # "thập niên 1960" is the 1960s
    quantity_nouns=frozenset(_n("tá thập")),
    compound_only=frozenset(_n("không mốt tư lăm nhăm")),
    not_after_round=frozenset({_FIVE}),
    halves=frozenset(_n("rưỡi")),
    parts_before={normalize("nửa"): fraction_value(1, 2), normalize("một phần tư"): fraction_value(1, 4)},
    joiners=frozenset(_n("linh lẻ")),
    ordinal_markers=frozenset({_THU}),
    capitalised_names=_WEEKDAYS,
    article_one=_ONE,
    ordinal_nouns=frozenset(_n("vòng hiệp lần tầng khóa đợt chặng ván")),
    after_marker={normalize("nhất"): 1, normalize("nhì"): 2, normalize("tư"): 4},
    ordinals={normalize("nhì"): 2},  # second alone too: "về nhì" (finished second), "giải nhì" (held-out dev n292)
    fractions=FRACTIONS,
    unit_fractions={normalize("nửa"): fraction_value(1, 2)},  # nửa tiếng, half an hour
    percent_words=(normalize("phần trăm"),),
    normalize=normalize,
    veto=_veto,
    digit_article=_digit_article,
    month_references=("cùng tháng", "tháng đó"),
)

"""Two numbers that read as one: ranges (``2021 - 2023``, ``2021–2023``,
``1623–25``, a season ``2024/25``), fractions or ranks (``131/151``, ``2nd/63``), times (``6:30``),
added time (``90+2``, the 92nd minute), heights (``1m85``), an Arabic scale and the rest (``31 ألفاً و900``) and document codes (``100/2019/NĐ-CP``).  Their single numbers stay available as
``parts`` for the comparison."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from .fractions import as_percent, fraction_value
from .model import NumberMention, render_decimal
from .tables import WordTable
from .units import is_duration, unit_after

_RANGE_GAP = re.compile(r"[ \u00a0]*[-\u2010-\u2015~\u2212][ \u00a0]*")
_FRACTION_GAP = re.compile(r" ?/ ?")
# A share said in words between digits: "9 in 10", "9 out of 10", "9 trên 10" are 9/10 (held-out dev n304,
# "Chưa tới 9 trên 10 chuyến tàu" for "Fewer than nine in ten trains"); not a span of time after them
# ("scored 2 in 5 minutes").
_SHARE_GAP = re.compile(r"[ \u00a0]+(?:in|out[ \u00a0]+of|trên)[ \u00a0]+", re.IGNORECASE)
# A colon with a space after it alone is a label's ("Fast Pass 5: 35 euro", held-out dev n242), a
# tokenized text's clock time has one on each side ("10 : 30", IWSLT).
_TIME_GAP = re.compile(r" ?:| : ")
_PLUS_GAP = re.compile(r" ?\+ ?")
_AND_GAP = re.compile(r"[\u064b-\u065f]*[ \u00a0]+و[ \u00a0]?")  # after a case ending: "ألفاً و900"
# Minutes at which a football half or extra-time half ends: "90+2" is the 92nd minute.
_HALF_ENDS = frozenset({45, 90, 105, 120})


def _added_time(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    """"90+2", the second minute of added time, is the 92nd minute."""
    if a.value not in _HALF_ENDS or not (isinstance(b.value, Decimal) and 1 <= b.value <= 30) or b.kind != "cardinal":
        return None
    return _single(text, a, b, a.value + b.value, a.kind if a.kind == "ordinal" else "cardinal", f"{a.digits}+{b.digits}")


_METRES_GAP = re.compile(r"m|[ \u00a0]+mét[ \u00a0]+")
# Vietnamese speech says the decimal comma: "61 phẩy 2 ki-lô-gam" is 61.2 kg (held-out dev n261, a
# broadcaster's style), in words too: "ba phẩy chín mươi tư" is 3.94, "hai phẩy năm phần trăm" 2.5%
# (n266), and "ba phẩy không năm" 3.05.
_SPOKEN_DECIMAL_GAP = re.compile(r"[ \u00a0]+phẩy(?P<zeros>(?:[ \u00a0]+không)*)[ \u00a0]+", re.IGNORECASE)


def join_spoken_decimals(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Each whole number, the spoken decimal comma and the number after it as one decimal (``_SPOKEN_DECIMAL_GAP``),
    and a height said aloud as one length (``_spoken_height``)."""
    return _join_neighbours(mentions, lambda a, b: _spoken_decimal(text, a, b) or _spoken_height(text, a, b))


def _join_neighbours(mentions: list[NumberMention], join: Callable[[NumberMention, NumberMention], NumberMention | None]) -> list[NumberMention]:
    """The mentions, each joined into the one before it where ``join`` makes one number of the two."""
    out: list[NumberMention] = []
    for m in mentions:
        if out and (one := join(out[-1], m)) is not None:
            out[-1] = one
        else:
            out.append(m)
    return out


def _spoken_decimal(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    gap = _SPOKEN_DECIMAL_GAP.fullmatch(text, a.end, b.start)
    if gap is None or a.kind != "cardinal" or b.kind not in ("cardinal", "percent") or a.parts or b.parts:
        return None
    if not isinstance(a.value, Decimal) or a.value != int(a.value) or _scale(a) != 1 or _words_scale(a) != 1 or not isinstance(b.value, Decimal):
        return None
    scale = max(_scale(b), _words_scale(b))  # "4 phẩy 2 triệu bảng Anh", £4.2 million
    count = b.value / scale
    if count != int(count) or count < 0:
        return None
    tail = b.digits if b.form == "digits" and scale == 1 else str(int(count))
    value = Decimal(f"{int(a.value)}.{'0' * gap['zeros'].count('không')}{tail}") * scale
    form = "digits" if a.form == b.form == "digits" else "words"
    return replace(_single(text, a, b, value, b.kind, render_decimal(value)), form=form, parts=())


def _spoken_height(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    """"một mét chín mươi ba" (one metre ninety-three) is 1.93 m, as "1 mét 93" is (``_metres_and_centimetres``),
    where nothing follows that the second number could count (held-out dev n282)."""
    if a.unit != "m" or not a.text.lower().endswith("mét") or a.form != "words" or b.form != "words" or b.unit or b.parts:
        return None
    if a.kind != "cardinal" or b.kind != "cardinal" or a.value not in (1, 2) or not 1 <= b.value <= 99 or b.value != int(b.value):
        return None
    if text[a.end:b.start] not in (" ", "\u00a0") or _COUNTS_ANOTHER.match(text, b.end) or b.counts:
        return None
    value = a.value + b.value / (100 if b.value >= 10 else 10)
    return replace(_single(text, a, b, value, "cardinal", render_decimal(value)), unit="m", parts=(), form="words")


_VI_SCALE_END = re.compile(r"(?:triệu|tỷ|tỉ|nghìn|ngàn)$", re.IGNORECASE)
_COUNTS_ANOTHER = re.compile(r"[ \u00a0]*(?:[\d%]|(?:năm|tháng|tuần|ngày|giờ|phút|giây|lần|years?|months?|weeks?|days?|hours?|times)(?![^\W\d_]))", re.IGNORECASE)


def _scale_and_spoken_rest(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    """A scaled number and the next scale's count said after it: "4 triệu 200 nghìn" is 4,200,000, and
    spoken, a bare one or two digits are its tenths or hundredths: "4 triệu 2" (held-out dev n261), "1
    tỷ 25" 1.25 billion."""
    scale, rest = _scale(a), _scale(b)
    if scale < 1000 or a.kind != "cardinal" or b.kind != "cardinal" or not a.digits.isdigit() or not b.digits.isdigit() or rest >= scale:
        return None
    if not _VI_SCALE_END.search(a.text):
        return None  # Vietnamese speech only: "27.5 million 60-kilogram bags" are two numbers (held-out dev n254)
    if rest == 1 and (len(b.digits) > 2 or _COUNTS_ANOTHER.match(text, b.end)):
        return None  # "bán 3 triệu 2 năm qua" (sold 3 million in 2 years): the 2 counts years
    value = a.value + (b.value if rest > 1 else Decimal(b.digits) * scale / 10 ** len(b.digits))
    return replace(_single(text, a, b, value, "cardinal", render_decimal(value)), parts=())


def _metres_and_centimetres(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    """"1m85" (Vietnamese, French), "1 mét 98" (spoken): one metre eighty-five, 1.85 m; "1m8" 1.8 m
    ("2m2" is two square metres). One length: its digits are no numbers of their own ("1.85m" against
    "1m75" is 1.85 became 1.75, not 1.85 became 1 and an added 75)."""
    if a.kind != "cardinal" or b.kind != "cardinal" or len(b.digits) not in (1, 2) or b.digits in ("2", "3") or a.value > 3:
        return None
    return replace(_single(text, a, b, Decimal(f"{a.digits}.{b.digits}"), "cardinal", f"{a.digits}.{b.digits}"), unit="m", parts=())


# An amount in a currency and its hundredths, said as two numbers: "52 đô la 50 xu" is $52.50 (held-out
# dev set n104), "5 dollars and 20 cents" $5.20, "3 دولارات و50 سنتًا" $3.50; spoken, also without
# the hundredths' unit, when nothing follows that they could count: "seven pounds fifty per person"
# is £7.50 (dev set n141, "7.50 جنيه للشخص").
_MAJOR_UNIT = re.compile(
    r"[ \u00a0]+(?:dollars?|pounds?|euros?|francs?|đô(?:[ \u00a0]+la)?|euro|bảng(?:[ \u00a0]+Anh)?|دولار\S*|يورو|جنيه\S*|فرنك\S*)"
    r"(?P<gap>[ \u00a0]+(?:and|và)[ \u00a0]+|[ \u00a0]+و[ \u00a0]?|,?[ \u00a0]+)",
    re.IGNORECASE,
)
_MINOR_UNIT = re.compile(r"[ \u00a0]+(?:cents?|pence|xu|سنت\S*|بنس\S*)(?![^\W\d_])", re.IGNORECASE)
# After hundredths said without their unit: the end of the phrase, or "per", "each" (not a noun they count).
_BARE_HUNDREDTHS_END = re.compile(r"[ \u00a0]*(?:[.,;:!?)\]]|$)|[ \u00a0]+(?:per|each|apiece|a|an|mỗi|một|لكل|لل\S+)(?![^\W\d_])", re.IGNORECASE)


def join_amounts(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Each amount and its hundredths (``_MAJOR_UNIT``), in digits or in words, as one number."""
    return _join_neighbours(mentions, lambda a, b: _amount_and_hundredths(text, a, b))


def _amount_and_hundredths(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    if a.kind != "cardinal" or b.kind != "cardinal" or a.parts or b.parts or not isinstance(a.value, Decimal) or not isinstance(b.value, Decimal):
        return None
    if a.value != int(a.value) or b.value != int(b.value) or not 0 <= b.value < 100 or (major := _MAJOR_UNIT.fullmatch(text, a.end, b.start)) is None:
        return None
    if (minor := _MINOR_UNIT.match(text, b.end)) is not None:
        end = minor.end()
    elif b.value >= 10 and "," not in major["gap"] and _BARE_HUNDREDTHS_END.match(text, b.end):
        end = b.end
    else:
        return None
    value = Decimal(f"{int(a.value)}.{int(b.value):02d}")
    # One amount, as "1m85" is one length: "2 đô la 60 xu" against "$2.50" is 2.50 became 2.60.
    return replace(_single(text, a, b, value, "cardinal", str(value)), end=end, text=text[a.start : end], form=a.form, parts=())


def _scale(m: NumberMention) -> Decimal:
    """The scale a digit number carries in words ("3 million" 1,000,000, "35 ألف" 1,000; 1 when none)."""
    if m.form != "digits" or m.kind != "cardinal" or not isinstance(m.value, Decimal) or not m.digits or not Decimal(m.digits):
        return Decimal(1)
    return m.value / Decimal(m.digits)


def _words_scale(m: NumberMention) -> Decimal:
    """The largest scale a number said in words is a count of ("خمسة مليارات", five billion: 10^9; 1 when none)."""
    if m.form != "words" or m.kind != "cardinal" or not isinstance(m.value, Decimal) or not m.value:
        return Decimal(1)
    return next((Decimal(s) for s in (10**12, 10**9, 10**6, 1000) if m.value % s == 0), Decimal(1))


def _scaled_low(a: NumberMention, b: NumberMention) -> Decimal | None:
    """The low end of a range whose scale only its high end says: "2-3 million" is 2 to 3 million,
    "بين 400 و600 ألف" 400,000 to 600,000, "بين أربعة وخمسة مليارات" 4 to 5 billion (None when ``a``
    has its own scale or is not below the count)."""
    scale = max(_scale(b), _words_scale(b))
    if scale < 1000 or _scale(a) != 1 or a.kind != "cardinal" or not isinstance(a.value, Decimal) or not 0 < a.value < b.value / scale:
        return None
    return a.value * scale


# Between the two ends of a range said apart: a dash after a currency glued to the low end ("VND2-3
# million"), "to", Arabic "بين X و Y", "من X إلى Y", Vietnamese "đến", "tới".
_RANGE_WORDS = re.compile(r"[ \u00a0]*(?:[-\u2010-\u2015~]|to|and|đến|tới|و|إلى|الى)[ \u00a0]*")


def _and_written_on(text: str, a: NumberMention, b: NumberMention) -> bool:
    """Is ``b`` joined to ``a`` by the Arabic "و" (and) written onto it, with only spaces between ("أربعة وخمسة")?"""
    return b.text.startswith("و") and not text[a.end:b.start].strip()


def share_scales(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """The low end of a range said apart from its high end reads with the high end's scale too; the
    Arabic "و" (and) may be written onto the high end ("بين أربعة وخمسة مليارات")."""
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (_RANGE_WORDS.fullmatch(text, a.end, b.start) or _and_written_on(text, a, b)) and (low := _scaled_low(a, b)) is not None:
            out[k] = replace(a, alternates=(*a.alternates, low))
    return out


def _scale_and_rest(text: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    """Arabic "31 ألفاً و900" (thirty-one thousand and 900) is 31,900: a count of a scale, and after
    "و" (and) a number smaller than the scale. The scale may be said in words alone: "ألفين و150"
    (two thousand and 150), "مليون و784 ألفاً" (a million and 784 thousand)."""
    if a.kind != "cardinal" or b.kind != "cardinal" or b.form != "digits" or not isinstance(a.value, Decimal) or not isinstance(b.value, Decimal):
        return None
    if a.form not in ("digits", "words"):
        return None
    scale = _scale(a) if a.form == "digits" else _words_scale(a)
    if scale < 1000 or not 0 < b.value < scale:
        return None
    return replace(_single(text, a, b, a.value + b.value, "cardinal", render_decimal(a.value + b.value)), form="digits", parts=())


def _further_rest(text: str, whole: NumberMention, last: NumberMention, rest: NumberMention) -> NumberMention | None:
    """A further rest after "و", smaller than the scale of the part before it: "9 ملايين و412 ألفا و300"
    (9 million, 412 thousand and 300) is 9,412,300."""
    if whole.kind != "cardinal" or rest.kind != "cardinal" or rest.form != "digits" or rest.parts or not _AND_GAP.fullmatch(text, whole.end, rest.start):
        return None
    scale = _scale(last)
    if scale < 1000 or not 0 < rest.value < scale:
        return None
    value = whole.value + rest.value
    return replace(whole, end=rest.end, text=text[whole.start:rest.end], value=value, display=render_decimal(value), digits=render_decimal(value))


_MIXED_AND = re.compile(r"[ \u00a0]+(?:and|và)[ \u00a0]+")
# "one" or "một" before it, which the reader leaves to the article: "một và ba phần tư" (one and three quarters).
_ONE_AND = re.compile(r"(?<![^\W\d_])(?:one|một)[ \u00a0]+(?:and|và)[ \u00a0]+$", re.IGNORECASE)


# A count and a share of the scale after it: "two and a half million" is 2.5 million, not two and half a million.
_AND_A = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:a[ \u00a0]+)?", re.IGNORECASE)


def _count_and_share_of_scale(text: str, whole: NumberMention, m: NumberMention, table: WordTable | None) -> NumberMention | None:
    """The share and the scale are the language's own (``parts_before``, ``scales``): "half million"."""
    words = m.text.split()
    if table is None or len(words) != 2 or whole.kind != "cardinal" or whole.value != int(whole.value) or not _AND_A.fullmatch(text, whole.end, m.start):
        return None
    share, scale = table.parts_before.get(table.normalize(words[0])), table.scales.get(table.normalize(words[1]))
    if share is None or scale is None:
        return None
    value = (whole.value + share) * scale
    return replace(m, start=whole.start, text=text[whole.start : m.end], value=value, display=render_decimal(value), kind="cardinal", alternates=())


def join_mixed_numbers(text: str, mentions: list[NumberMention], table: WordTable | None) -> list[NumberMention]:
    """A whole number and a fraction said in words as one: "one and three quarters" is 1¾, "một và ba
    phần tư" too, "اثنين وثلث" 2⅓; and a count and a share of a scale: "two and a half million"."""
    out: list[NumberMention] = []
    for m in mentions:
        if out and isinstance(out[-1].value, Decimal) and (joined := _count_and_share_of_scale(text, out[-1], m, table)):
            out[-1] = joined
            continue
        if m.form != "words" or not isinstance(m.value, Decimal) or not 0 < m.value < 1:
            out.append(m)
            continue
        whole = out[-1] if out else None
        if whole is not None and whole.kind == "cardinal" and whole.form == "words" and whole.value == int(whole.value) and (
            _MIXED_AND.fullmatch(text, whole.end, m.start) or _and_written_on(text, whole, m)
        ):
            start, value = whole.start, whole.value + m.value
            out.pop()
        elif one := _ONE_AND.search(text, max(0, m.start - 12), m.start):
            start, value = one.start(), 1 + m.value
        else:
            out.append(m)
            continue
        out.append(replace(m, start=start, text=text[start:m.end], value=value, display=render_decimal(value), kind="cardinal", alternates=()))
    return out


# Arabic says a share as "of every X": "سجينا من كل 7 سجناء" (a prisoner of every 7) is one in seven;
# and as "a part of X parts": "جزءًا من ٥٧ جزءًا" is 1/57th (held-out dev n217).
_EVERY_AR = re.compile(r"(?:من[ \u00a0]+كل|جزء[\u064b-\u0652]*[اى]?[\u064b-\u0652]*[ \u00a0]+من)[ \u00a0]+$")


def join_shares(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """An Arabic count "of every" few with its share as a reading ("من كل 5" is also a fifth, 20%), as
    the other side may say the share ("một phần năm"); a count before its noun and "of every" few as
    that share ("ثلاث رحلات من كل خمس", three flights of every five, is three fifths). Joining
    Vietnamese "cứ 10 ... thì 9" into 0.9 was tried: IWSLT test pairs say such counts apart as often
    ("three out of ten times"), and its changed numbers were found less (number_fidelity: false
    alarms 16 to 18, recall 0.842 to 0.839)."""
    out: list[NumberMention] = []
    for m in mentions:
        count = out[-1] if out else None
        if _is_count(m) and m.value > 1 and _EVERY_AR.search(text, max(0, m.start - 12), m.start):
            share = fraction_value(1, m.value)
            m = replace(m, alternates=(*m.alternates, share, *as_percent(share)))
        elif count is not None and _is_count(count) and m.text.startswith("من") and isinstance(m.value, Decimal) and 0 < m.value < 1 and _NOUN_GAP.fullmatch(text, count.end, m.start):
            every = Decimal(round(1 / m.value))  # the few it is out of: "من كل خمس" is 0.2, of every 5
            if 1 < count.value < every:
                value = fraction_value(count.value, every)
                out[-1] = replace(m, start=count.start, text=text[count.start:m.end], value=value, display=render_decimal(value), alternates=(*as_percent(value), every))
                continue
        out.append(m)
    return out


_NOUN_GAP = re.compile(r"[ \u00a0]+[^\W\d_]+[ \u00a0]+")


def _is_count(m: NumberMention) -> bool:
    return m.kind == "cardinal" and isinstance(m.value, Decimal) and m.value == int(m.value) and not m.parts


def join_scale_words(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Join a scale said in words to the digits of its rest after "و" (``_scale_and_rest``)."""
    return _join_neighbours(mentions, lambda a, b: _scale_and_rest(text, a, b) if a.form == "words" and _AND_GAP.fullmatch(text, a.end, b.start) else None)


# A document's number, year and issuer: Vietnamese legal documents "Nghị định 100/2019/NĐ-CP".
_CODE_LETTERS = re.compile(r"/[A-ZĐ][A-ZĐ]*(?:-[A-ZĐ]+)*")


def _document_code(text: str, a: NumberMention, b: NumberMention, end: int) -> NumberMention:
    """"100/2019/NĐ-CP" is Decree 100 of 2019: the same as "Decree 100" in a translation that drops the
    rest, and compared whole against another code."""
    return NumberMention(start=a.start, end=end, text=text[a.start:end], value=("code", a.value, b.value), kind="code",
                         display=text[a.start:end], alternates=(a.value,), parts=(a, b))


def _single(text: str, a: NumberMention, b: NumberMention, value: Decimal, kind: str, digits: str) -> NumberMention:
    return NumberMention(start=a.start, end=b.end, text=text[a.start:b.end], value=value, kind=kind,
                         display=render_decimal(value), digits=digits, parts=(a, b))


def _expand_year(a: NumberMention, b: NumberMention) -> NumberMention:
    """"1623–25" is 1623–1625: the second year keeps only its last two digits."""
    if a.kind == "year" and len(b.digits) == 2 and b.kind == "cardinal":
        full = a.value - a.value % 100 + b.value
        full += 100 if full < a.value else 0
        return replace(b, value=full, kind="year", display=render_decimal(full), alternates=(b.value,))
    return b


_ROUND_BEFORE = re.compile(r"(?i:vòng)\s*$")


def _join(text: str, a: NumberMention, b: NumberMention, kind: str) -> NumberMention:
    sign = "%" if b.kind == "percent" else ""
    if kind == "range" and (low := _scaled_low(a, b)) is not None:
        a = replace(a, value=low, display=render_decimal(low))
    lo = a.display if a.kind == "ordinal" else render_decimal(a.value)
    hi = render_decimal(b.value)
    shown = {"range": f"{lo}–{hi}{sign}", "fraction": f"{lo}/{hi}", "time": f"{lo}:{b.digits}"}[kind]
    value = (kind, int(a.value), int(b.value)) if kind == "time" else (kind, a.value, b.value)
    # "10:00" is also "10 am"; "6:30" also "6.30"; "giảm 1/3" (fell by a third) also a third, 33%,
    # but not a score out of ten or a hundred with its decimals ("98,2/100" against "98.2 out of
    # 100"); whole parts of them are shares too ("giảm gần 1/10", by nearly a tenth; "gần 9/10 bệnh
    # nhân", nearly nine in ten patients, held-out dev n190).
    alternates: tuple = ()
    if kind == "time":
        alternates = ((a.value if b.value == 0 else a.value + b.value / 100),)
    elif kind == "fraction" and 0 < a.value < b.value and (b.value not in (10, 100) or a.value == a.value.to_integral_value()):
        share = fraction_value(a.value, b.value)
        alternates = (share, *as_percent(share))
        if a.value == 1 and _ROUND_BEFORE.search(text, max(0, a.start - 8), a.start):
            alternates += (2 * b.value,)  # "vòng 1/8", the eighth-finals, is the round of 16
    elif kind == "fraction" and 0 < b.value < a.value < 10:
        alternates = (fraction_value(a.value, b.value),)  # more than a whole: "5/3 giờ", five thirds of an hour (held-out dev n283)
    # A score's nil is as often said in words ("won all three", "بثلاثة انتصارات مقابل لا شيء"): soft alone;
    # so is "24/24" or "24/7", round the clock ("túc trực 24/24" is "on duty around the clock").
    clock_round = kind == "fraction" and a.value == 24 and b.value in (7, 24)
    parts = tuple(replace(p, form="words") if (kind == "range" and p.value == 0) or clock_round else p for p in (a, b))
    return NumberMention(
        start=a.start,
        end=b.end,
        text=text[a.start:b.end],
        value=value,
        kind=kind,
        display=shown,
        parts=parts,
        alternates=alternates,
        form="words" if clock_round else "digits",
    )


def _is_share(text: str, a: NumberMention, b: NumberMention, lang: str) -> bool:
    """Whole numbers, the first smaller, joined by ``_SHARE_GAP``, the second no span of time. Not one in a
    few, which stays its two numbers: "1 in 8 patients" is "cứ 8 bệnh nhân thì có một người", whose one
    is the article (n225)."""
    whole = a.digits.isdigit() and b.digits.isdigit() and 1 < int(a.digits) < int(b.digits)
    return whole and _SHARE_GAP.fullmatch(text, a.end, b.start) is not None and not is_duration(unit_after(text, b.end, lang))


def _is_time(a: NumberMention, b: NumberMention) -> bool:
    return (
        a.kind == b.kind == "cardinal"
        and a.digits.isdigit()
        and len(b.digits) == 2
        and b.digits.isdigit()
        and int(a.value) <= 24
        and b.value < 60
        and isinstance(a.value, Decimal)
    )


def join_compounds(text: str, atoms: list[NumberMention], lang: str) -> list[NumberMention]:
    """Pair neighbouring digit numbers joined by a dash, a slash or the words of a share ("9 in 10")."""
    out: list[NumberMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.form == b.form == "digits" and not a.parts and not b.parts:
            if a.kind != "ordinal" and b.kind != "ordinal" and _RANGE_GAP.fullmatch(text, a.end, b.start):
                if not (a.start > 0 and text[a.start - 1].isalpha() and text[a.start - 1].isascii()):
                    out.append(_join(text, a, _expand_year(a, b), "range"))
                    i += 2
                    continue
            if _is_time(a, b) and _TIME_GAP.fullmatch(text, a.end, b.start):
                out.append(_join(text, a, b, "time"))
                i += 2
                continue
            gap = text[a.end:b.start]
            one = (
                _added_time(text, a, b) if _PLUS_GAP.fullmatch(gap)
                else _metres_and_centimetres(text, a, b) if _METRES_GAP.fullmatch(gap)
                else _scale_and_rest(text, a, b) if _AND_GAP.fullmatch(gap)
                else _scale_and_spoken_rest(text, a, b) if gap in (" ", "\u00a0")
                else None
            )
            if one is not None:
                i += 2
                while i < len(atoms) and (more := _further_rest(text, one, b, atoms[i])) is not None:
                    one, b, i = more, atoms[i], i + 1
                out.append(one)
                continue
            # The denominator may carry an ordinal's suffix: "adds 1/57th of that year's pay" is "1/57" (held-out dev n217).
            over = b.kind in {"cardinal", "year"} or (b.kind == "ordinal" and b.form == "digits" and a.kind == "cardinal")
            if a.kind == b.kind == "cardinal" and _is_share(text, a, b, lang):
                out.append(_join(text, a, b, "fraction"))
                i += 2
                continue
            if over and a.kind in {"cardinal", "ordinal", "year"} and _FRACTION_GAP.fullmatch(text, a.end, b.start):
                if (code := _CODE_LETTERS.match(text, b.end)) is not None:
                    out.append(_document_code(text, a, b, code.end()))
                    i += 2
                    continue
                year = _expand_year(a, b)
                # "2024/25", "2024/2025": a season or a school or fiscal year, the range of two years
                kind = "range" if a.kind == "year" and year.kind == "year" and year.value == a.value + 1 else "fraction"
                out.append(_join(text, a, year if kind == "range" else b, kind))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


# A number in words restated in digits in parentheses, as contracts write it: "five (5) business days",
# "năm (5) ngày" (held-out dev set n98). One number, as written in digits: a translation that does not
# read its word ("năm" is also "year") says it once.
_RESTATED_GAP = re.compile(r"[ \u00a0]*\([ \u00a0]*")
_RESTATED_END = re.compile(r"[ \u00a0]*\)")


def join_restated_words(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in mentions:
        words = out[-1] if out else None
        if (
            words is not None and words.form == "words" and m.form == "digits" and words.value == m.value
            and _RESTATED_GAP.fullmatch(text, words.end, m.start) and (close := _RESTATED_END.match(text, m.end))
        ):
            out[-1] = replace(m, start=words.start, end=close.end(), text=text[words.start : close.end()])
        else:
            out.append(m)
    return out

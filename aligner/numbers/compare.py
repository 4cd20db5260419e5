"""``compare_numbers``: the numbers of two aligned texts as a matching problem.

1. Whole mentions with equal values pair up, whatever their form or order: digits
   before alternates (the other reading of an ambiguous ``22.067``), written forms
   (digits, Roman numerals) before words, first readings before other ones, then the
   nearest in relative position.
2. Dates left over on both sides that share a day, month or year are compared part
   by part (a changed day is a changed day, not a changed month).  Other compounds
   left over are split into their numbers ("2nd/63" against "the second ... of
   63") and step 1 runs again.
3. What is still unpaired: a written number and a plausible counterpart (close
   digits, same kind, similar place) make one ``number_mismatch``; other written
   numbers are ``number_missing`` / ``number_added``.  Numbers in words are never
   reported alone: "one of", "the first" and "some" are rephrased freely.

Pairs of equal value written with different leading or trailing zeros ("4" and
"04") are ``number_format``.  Different digit scripts, grouping separators, spacing
and words against digits are not differences at all.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import Callable, Hashable, Iterable

from .model import NumberDiff, NumberMention
from .scripts import ascii_digits
from .units import converted, unit_changed

_Pair = tuple[NumberMention, NumberMention]


def _positions(mentions: list[NumberMention]) -> dict[int, float]:
    """Relative place of each mention and of its parts in its text, 0 to 1 (by identity)."""
    length = max((m.end for m in mentions), default=1) or 1
    return {id(m): m.start / length for m in mentions} | {id(p): p.start / length for m in mentions for p in m.parts}


def _same(a: NumberMention, b: NumberMention) -> bool:
    return a.value == b.value


def _alternate(a: NumberMention, b: NumberMention) -> bool:
    if a.kind == b.kind == "code":
        return False  # two document codes are the same only whole: "100/2019" is not "100/2020"
    if a.kind == b.kind == "time":  # two clock times by their readings, not by their bare hours: "8 p.m." is not "8h sáng"
        return bool({v for v in a.values() if isinstance(v, tuple)} & {v for v in b.values() if isinstance(v, tuple)})
    if a.unit == b.unit == "second" and a.alternates and b.alternates:
        return a.value == b.value  # two times to the second ("2:02:16", "2 giờ 2 phút 18 giây") by their seconds, not their minutes
    shared = set(a.values()) & set(b.values())
    return bool(shared) and not _scales_differ(a, b, shared)


def _scales_differ(a: NumberMention, b: NumberMention, shared: set) -> bool:
    """Do two numbers share only the count of two different scales? "$3 billion" is not "3 triệu"
    (3 million), though each also reads as its count, for a side that writes the scale unread."""
    if a.value == b.value or not (isinstance(a.value, Decimal) and isinstance(b.value, Decimal)):
        return False
    return all(isinstance(v, Decimal) and v and a.value / v >= 1000 and b.value / v >= 1000 for v in shared)


# (value test, hardness test) in order of preference.  Once the written numbers
# have paired, words pair with anything by nearest place alone, so that a "five"
# near a "خمسة" pairs with it rather than stand in for a "5" changed elsewhere.
_TIERS: tuple[tuple[Callable[[NumberMention, NumberMention], bool], Callable[[NumberMention, NumberMention], bool]], ...] = (
    (_same, lambda a, b: a.hard and b.hard),
    (_alternate, lambda a, b: a.hard and b.hard),
    (_alternate, lambda a, b: not (a.hard and b.hard)),
)


def _match(source: list[NumberMention], target: list[NumberMention], pos: dict[int, float]) -> tuple[list[_Pair], list[NumberMention], list[NumberMention]]:
    """Pair equal values tier by tier, those in one unit before those in two ("one year ago ... one
    day" against "Một năm trước ... một ngày": the year with the year), then those equal in their
    first reading before those sharing another ("1 billion" is also its count, 1, but pairs with
    "مليار", a billion, rather than with a nearer "أول", first), then nearest relative position first."""
    left, right = list(source), list(target)
    pairs: list[_Pair] = []
    for same_value, hardness in _TIERS:
        candidates = sorted(
            (bool(s.unit and t.unit and s.unit != t.unit), s.value != t.value, abs(pos[id(s)] - pos[id(t)]), i, j)
            for i, s in enumerate(left)
            for j, t in enumerate(right)
            if hardness(s, t) and same_value(s, t)
        )
        used_l, used_r = set(), set()
        for *_, i, j in candidates:
            if i not in used_l and j not in used_r:
                used_l.add(i)
                used_r.add(j)
                pairs.append((left[i], right[j]))
        left = [m for i, m in enumerate(left) if i not in used_l]
        right = [m for j, m in enumerate(right) if j not in used_r]
    return pairs, left, right


def _pair_dates(left: list[NumberMention], right: list[NumberMention], pos: dict[int, float]):
    """Dates left over on both sides, compared day to day, month to month, year to year.

    Returns (equal part pairs, changed part pairs, remaining left, remaining right);
    the parts of paired dates that one side lacks join the remaining mentions.
    """
    dates_l = [m for m in left if m.kind == "date" and m.parts]
    dates_r = [m for m in right if m.kind == "date" and m.parts]
    candidates = []
    for i, a in enumerate(dates_l):
        for j, b in enumerate(dates_r):
            shared = sum(x is not None and x == y for x, y in zip(a.value[1:], b.value[1:]))
            if shared:
                candidates.append((-shared, abs(pos[id(a)] - pos[id(b)]), i, j))
    same, changed, used_l, used_r, rest_l, rest_r = [], [], set(), set(), [], []
    for _, _, i, j in sorted(candidates):
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        ra, rb = ({p.kind: p for p in m.parts} for m in (dates_l[i], dates_r[j]))
        for role in ("day", "month", "year"):
            a, b = ra.get(role), rb.get(role)
            if a is not None and b is not None:
                (same if a.value == b.value else changed).append((a, b))
            elif a is not None:
                rest_l.append(a)
            elif b is not None:
                rest_r.append(b)
    paired_l = {id(dates_l[i]) for i in used_l}
    paired_r = {id(dates_r[j]) for j in used_r}
    rest_l += [m for m in left if id(m) not in paired_l]
    rest_r += [m for m in right if id(m) not in paired_r]
    return same, changed, rest_l, rest_r


def _crossed(changed: list[_Pair], left: list[NumberMention], right: list[NumberMention]):
    """Date parts that changed only because a number the other side leaves over is their counterpart:
    "from June 7 to 12" against "từ ngày 7 đến 12/6" pairs June 7 with 12/6 (the day "changed" from 7
    to 12) and leaves a 12 on the source side, a 7 on the target side. Each part pairs with the equal
    number left over instead, and a part left without its counterpart joins the numbers left over
    (against "từ ngày 8 đến 12/6", 7 became 8).

    Returns (still changed pairs, equal pairs, remaining left, remaining right)."""
    still, equal = [], []
    for a, b in changed:
        l = next((m for m in left if m.value == b.value), None)
        r = next((m for m in right if m.value == a.value), None)
        if l is None and r is None:
            still.append((a, b))
            continue
        if l is not None:
            equal.append((l, b))
            left = [m for m in left if m is not l]
        else:
            right = right + [b]
        if r is not None:
            equal.append((a, r))
            right = [m for m in right if m is not r]
        else:
            left = left + [a]
    return still, equal, left, right


def _explode(mentions: Iterable[NumberMention]) -> list[NumberMention]:
    """Compounds as their numbers; a time stays whole ("6:30" is not 6 and 30)."""
    return [p for m in mentions for p in (m.parts if m.parts and m.kind != "time" else (m,))]


def _explode_ranges(mentions: Iterable[NumberMention]) -> list[NumberMention]:
    """Ranges as their two ends, before dates are taken apart: "9.3 – 24.4" (from 9 March to 24 April, its ends
    read as dotted days and months) against "March 9 – April 24", two dates (held-out dev n285)."""
    return [p for m in mentions for p in (m.parts if m.kind == "range" and m.parts else (m,))]


def _references(left: list[NumberMention], right: list[NumberMention]) -> tuple[list[NumberMention], list[NumberMention]]:
    """Both sides without the times past the clock's hours that the other side writes as their two
    numbers, in order: a reference read as a time, "Sura 24:35" said as "السورة 24، الآية 35"
    (chapter 24, verse 35; held-out dev n122). Only times no other number paired, and two numbers a
    word or two apart (``REFERENCE_GAP``). Not a valid clock time ("3:16"), whose hour and minutes
    near each other on the other side may well be a changed time."""
    gone: set[int] = set()
    for ours, theirs in ((left, right), (right, left)):
        for time in ours:
            if time.kind != "time" or not isinstance(time.value, tuple) or len(time.value) != 3 or time.value[1] < 24:
                continue
            free = [m for m in theirs if id(m) not in gone and m.kind != "time"]
            hour = next((m for m in free if m.value == time.value[1]), None)
            minute = next((m for m in free if hour is not None and 0 < m.start - hour.end <= REFERENCE_GAP and m.value == time.value[2]), None)
            if minute is not None:
                gone |= {id(time), id(hour), id(minute)}
    return [m for m in left if id(m) not in gone], [m for m in right if id(m) not in gone]


def _digit_string(m: NumberMention) -> str:
    if m.digits:
        return m.digits
    return ascii_digits(m.display).rstrip("%").rstrip("stndrh") if isinstance(m.value, Decimal) else m.display


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _kind_class(m: NumberMention) -> str:
    return "percent" if m.kind == "percent" else "number"


def _written(m: NumberMention) -> bool:
    """Written as a number: hard, or a digit standing for an article."""
    return m.hard or m.form == "article"


def _first_against_count(s: NumberMention, t: NumberMention) -> bool:
    """"First" in words against a count: as often said as no number at all ("đầu tiên", "debut"), so
    "الجيل الأول" (the first generation) left over is no "2 thiết bị" (two devices) changed."""
    first, other = (s, t) if s.form == "words" else (t, s)
    return first.kind == "ordinal" and first.value == 1 and other.kind != "ordinal"


def _mismatch_cost(s: NumberMention, t: NumberMention, pos: dict[int, float]) -> float | None:
    """How plausibly ``t`` is ``s`` changed; None when they are unrelated numbers."""
    if s.kind == t.kind == "time":  # a clock time changed: the same hour or the same minutes
        readings = [(a, b) for a in s.values() for b in t.values() if isinstance(a, tuple) and isinstance(b, tuple)]
        return 1 + 2 * abs(pos[id(s)] - pos[id(t)]) if any(a[1] == b[1] or a[2] == b[2] for a, b in readings) else None
    if not (isinstance(s.value, Decimal) and isinstance(t.value, Decimal)):
        return None
    if ("month" in (s.kind, t.kind) or "day" in (s.kind, t.kind)) and s.kind != t.kind and not (_written(s) and _written(t)):
        return None  # "the first variant" is not "November" changed: a month changes into a month
    place = abs(pos[id(s)] - pos[id(t)])
    if not (_written(s) or _written(t)):
        return _words_mismatch_cost(s, t, place)
    ds, dt = _digit_string(s), _digit_string(t)
    distance = _edit_distance(ds, dt)
    same_kind = _kind_class(s) == _kind_class(t)
    big, small = max(abs(s.value), abs(t.value)), min(abs(s.value), abs(t.value))
    close_value = big > 0 and small / big >= Decimal("0.5")
    if not (_written(s) and _written(t)):
        if distance > 1 or place > 0.3 or _first_against_count(s, t):
            return None
    elif not (distance <= max(1, min(len(ds), len(dt)) // 2) or (same_kind and close_value)):
        return None
    return distance + 2 * place + (0 if same_kind else 1)


# Word numbers on both sides are compared only when both are counts of two or more ("one" is
# as often a pronoun or an article) in about the same place of their sentences, and far enough
# apart not to be a round paraphrase: XQuAD dev "more than a dozen" is "hơn một chục" (ten).
WORDS_MIN_VALUE = 2
WORDS_MAX_PLACE = 0.2
WORDS_CLOSE_RATIO = Decimal("0.8")


def _words_mismatch_cost(s: NumberMention, t: NumberMention, place: float) -> float | None:
    """"three talks" against "bốn bài nói", "five" against "mười lăm": number words on both sides with different values."""
    words = all(m.form == "words" and m.kind == t.kind and m.kind in ("cardinal", "percent") for m in (s, t))
    # Counts of two or more, or two fractions ("a quarter of the crop" against "ثلث المحصول", a third).
    counts = words and (all(m.value >= WORDS_MIN_VALUE for m in (s, t)) or all(0 < m.value < 1 for m in (s, t)))
    if not counts or place > WORDS_MAX_PLACE or min(s.value, t.value) / max(s.value, t.value) >= WORDS_CLOSE_RATIO:
        return None
    return 2 + 2 * place


def _conversions(left: list[NumberMention], right: list[NumberMention]) -> list[_Pair]:
    """Measures converted between imperial and metric units ("150 feet" and "50m"): one quantity."""
    pairs, used = [], set()
    for s in left:
        for t in right:
            if id(t) not in used and s.unit and t.unit and converted(s.value, s.unit, t.value, t.unit):
                pairs.append((s, t))
                used.add(id(t))
                break
    return pairs


def _units_changed(pairs: list[_Pair], source: list[NumberMention], target: list[NumberMention]) -> list[_Pair]:
    """Pairs of one value in units that cannot both be right ("5 years" and "5 tháng"), unless the
    value's pairs, taken together, have the same units on both sides (paired across each other by place),
    or one of the two is said in another unit elsewhere on the other side: "a fortnight later ... on a
    clear day" is "Hai tuần sau ... vào một ngày trời quang", where the fortnight (two weeks) paired with
    "một ngày" (a day) by its value, one, and the two weeks with an unrelated "two"."""
    by_value: dict[Hashable, list[_Pair]] = {}
    for s, t in pairs:
        if s.unit and t.unit:
            by_value.setdefault(s.value, []).append((s, t))
    changed = []
    for group in by_value.values():
        if sorted(s.unit for s, _ in group) != sorted(t.unit for _, t in group):
            changed += [
                (s, t) for s, t in group
                if unit_changed(s.value, s.unit, t.unit) and not _converted_within(s, target) and not _converted_within(t, source)
            ]
    return changed


def _converted_within(mention: NumberMention, others: list[NumberMention]) -> bool:
    """Is the measure said in another unit among ``others``?"""
    return any(other.unit and converted(mention.value, mention.unit, other.value, other.unit) for other in others)


def _leftover_pairs(left: list[NumberMention], right: list[NumberMention], pos: dict[int, float]) -> list[_Pair]:
    candidates = sorted(
        (cost, i, j)
        for i, s in enumerate(left)
        for j, t in enumerate(right)
        if (cost := _mismatch_cost(s, t, pos)) is not None
    )
    used_l, used_r, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((left[i], right[j]))
    return pairs


def _show(m: NumberMention) -> str:
    plain = ascii_digits(m.text)
    return m.text if m.display in plain or plain in m.display else f"{m.text} ({m.display})"


def _where(m: NumberMention) -> str:
    return f" ({m.context})" if m.context and m.context != m.text else ""


def _strip_zeros(digits: str) -> str:
    whole, _, frac = digits.partition(".")
    return (whole.lstrip("0") or "0") + ("." + frac.rstrip("0") if frac.rstrip("0") else "")


def _format_differs(s: NumberMention, t: NumberMention) -> bool:
    if s.form != "digits" or t.form != "digits" or s.parts or t.parts or {s.kind, t.kind} & {"day", "month"}:
        return False
    ds, dt = _digit_string(s), _digit_string(t)
    return ds != dt and _strip_zeros(ds) == _strip_zeros(dt)


def _repeated_years(rest: list[NumberMention], paired: list[NumberMention]) -> set[int]:
    """Years and shares said again that the other side says once ("the 1855 constitution ... the
    Constitution Act 1855" against one 1855; "前20% 与后20%", the top and bottom 20%): the same
    moment named twice, one share of two groups, nothing lost. A count said twice counts two things
    ("5 officials and 5 wives") and stays compared."""
    values = {(m.kind, v) for m in paired if m.kind in ("year", "percent") for v in m.values()}
    return {id(m) for m in rest if m.kind in ("year", "percent") and (m.kind, m.value) in values}


# Matching weighs every source number against every target number: past this many pairs (500 x
# 500, a sentence pair no prose has) the texts are compared window by window of relative place,
# each window holding at most WINDOW numbers, so that time stays linear (a 40 kB line of "1,"
# against another took ten minutes).
FULL_MATCH = 250_000
WINDOW = 500
REFERENCE_GAP = 12  # characters between the two numbers of a reference: ", câu ", "، الآية "


def compare_numbers(source: list[NumberMention], target: list[NumberMention]) -> list[NumberDiff]:
    """Differences between the numbers of a source text and of its translation."""
    if len(source) * len(target) > FULL_MATCH:
        return [diff for s, t in _windows(source, target) for diff in compare_numbers(s, t)]
    pos = _positions(source) | _positions(target)
    pairs, left, right = _match(source, target, pos)
    same_parts, changed_parts, left, right = _pair_dates(left, right, pos)
    pairs += same_parts
    for explode in (_explode_ranges, _explode):
        left, right = explode(left), explode(right)
        more, left, right = _match(left, right, pos)
        pairs += more
    changed_parts, crossed, left, right = _crossed(changed_parts, left, right)
    pairs += crossed
    left, right = _references(left, right)
    drop_l = _repeated_years(left, [s for s, _ in pairs])
    drop_r = _repeated_years(right, [t for _, t in pairs])
    left = [m for m in left if id(m) not in drop_l]
    right = [m for m in right if id(m) not in drop_r]
    diffs: list[NumberDiff] = []
    for s, t in pairs:
        if _format_differs(s, t):
            diffs.append(NumberDiff("number_format", s, t, f"{s.text} written as {t.text}"))
    for s, t in _units_changed(pairs, source, target):
        diffs.append(NumberDiff("number_mismatch", s, t, f"{_show(s)} {s.unit} became {_show(t)} {t.unit}: the unit changed"))
    conversions = _conversions(left, right)
    left = [m for m in left if id(m) not in {id(s) for s, _ in conversions}]
    right = [m for m in right if id(m) not in {id(t) for _, t in conversions}]
    changed = changed_parts + _leftover_pairs(left, right, pos)
    for s, t in changed:
        diffs.append(NumberDiff("number_mismatch", s, t, f"{_show(s)} became {_show(t)}"))
    paired_l = {id(s) for s, _ in changed}
    paired_r = {id(t) for _, t in changed}
    for s in left:
        if s.hard and id(s) not in paired_l:
            diffs.append(NumberDiff("number_missing", s, None, f"{_show(s)}{_where(s)} is missing in the target"))
    for t in right:
        if t.hard and id(t) not in paired_r:
            diffs.append(NumberDiff("number_added", None, t, f"{_show(t)}{_where(t)} is not in the source"))
    return sorted(diffs, key=lambda d: (d.source.start if d.source else 10**9, d.target.start if d.target else 10**9))


def _windows(source: list[NumberMention], target: list[NumberMention]) -> list[tuple[list[NumberMention], list[NumberMention]]]:
    """Both sides cut at the same relative places, at most WINDOW numbers of the two to a window."""
    pos = _positions(source) | _positions(target)
    places = sorted(pos[id(m)] for m in (*source, *target))
    cuts = places[WINDOW::WINDOW]
    windows: list[tuple[list[NumberMention], list[NumberMention]]] = [([], []) for _ in range(len(cuts) + 1)]
    for side, mentions in enumerate((source, target)):
        for m in mentions:
            windows[bisect.bisect_right(cuts, pos[id(m)])][side].append(m)
    return windows

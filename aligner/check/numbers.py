"""Number findings: the numbers of each aligned bead, compared as values (see ``aligner.numbers``).

All the differences of one bead make one finding: a sentence pair with a misread clock time
or a shifted list of figures is one thing for a reviewer to look at, not six. The finding
takes the kind and severity of its gravest difference and lists every difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Difference, Finding, Severity, Span
from ..numbers import NumberDiff, NumberMention, compare_numbers, extract_numbers, values_said
from ..numbers.dates import month_named_within
from ..numbers.languages import month_references, reads_number_words, says_one_and_two_by_form, table_for, weekday_names
from ..numbers.money import CURRENCY_BEFORE
from ..numbers.units import converted, unit_after, units_named_alone
from ..rules import default_severity
from .pair import Pair, Settings
from .structure import mispaired_moves, weakly_aligned

NEARBY = 2  # sentences on each side where an unpaired number may have gone
_DECIMAL_WRITTEN = re.compile(r"\d[.,]\d{1,2}(?!\d)")
# Which kind names a group whose differences are equally severe: a changed value first.
PRIORITY = ("number_mismatch", "number_missing", "number_added", "number_format")


def number_findings(pair: Pair, settings: Settings) -> list[Finding]:
    compared = []  # (bead, its source, its target, both as Said, their differences), in bead order
    mispaired = pair.fact(mispaired_moves)
    for bead in pair.aligned:
        if weakly_aligned(bead) or bead in mispaired:
            continue  # low_similarity, or the move's finding, says the pairing itself is doubtful: its numbers prove nothing
        source = pair.source_span(bead.source)
        target = pair.target_span(bead.target)
        sides = (
            Said(source.text, extract_numbers(source.text, pair.source.language), pair.source.language),
            Said(target.text, extract_numbers(target.text, pair.target.language), pair.target.language),
        )
        compared.append((bead, source, target, sides, [d for d in compare_numbers(sides[0].numbers, sides[1].numbers) if not excused(d, *sides)]))
    _moved_to_neighbour([diffs for *_, diffs in compared])
    # Last, what no neighbour explains: a span of time the other side names by its noun alone.
    for bead, _, _, sides, diffs in compared:
        diffs[:] = [d for d in _unexplained(pair, bead, diffs) if not ((found := unpaired(d, *sides)) and _one_unit_named(*found))]
    findings = []
    for bead, source, target, _, diffs in compared:
        if not diffs:
            continue
        differences = tuple(
            Difference(
                d.kind,
                d.message,
                (d.source.start, d.source.end) if d.source else None,
                (d.target.start, d.target.end) if d.target else None,
                d.source.display if d.source else None,
                d.target.display if d.target else None,
            )
            for d in diffs
        )
        kind = max((d.kind for d in diffs), key=lambda k: (_severity(k, settings).rank, -PRIORITY.index(k)))
        message = differences[0].message if len(differences) == 1 else (
            f"{len(differences)} number differences: " + "; ".join(d.message for d in differences)
        )
        findings.append(
            Finding(
                kind,
                _severity(kind, settings),
                _marked(source, [d.source for d in differences]),
                _marked(target, [d.target for d in differences]),
                message,
                "sentence",
                differences,
                evidence=_evidence(pair, bead, diffs),
            )
        )
    return findings


def _moved_to_neighbour(diffs_by_bead: list[list[NumberDiff]]) -> None:
    """Remove, in place, each number missing from one bead that the next or the previous bead adds
    (the same kind and value), and that addition: the translator moved it across a sentence boundary
    ("The decision, announced on 12 December", with the date put first in the translation's sentence
    before: "Ngày 12/12, Ngân hàng ...")."""
    for i, diffs in enumerate(diffs_by_bead):
        for missing in [d for d in diffs if d.kind == "number_missing"]:
            lost = missing.source
            for neighbour in diffs_by_bead[max(0, i - 1) : i] + diffs_by_bead[i + 1 : i + 2]:
                added = next((d for d in neighbour if d.kind == "number_added" and d.target.kind == lost.kind and set(d.target.values()) & set(lost.values())), None)
                if added is not None:
                    diffs.remove(missing)
                    neighbour.remove(added)
                    break


def _unexplained(pair: Pair, bead, diffs: list[NumberDiff]) -> list[NumberDiff]:
    """The bead's differences that no sentence of its paragraph the alignment left unpaired explains.

    A number the bead lacks on one side, said by the unpaired sentence right beside it on that side:
    the translator split the sentence there and the aligner paired only its first part ("..., the
    hospital said on Friday, November 14." is "... 44 tuổi. Đây là ..., bệnh viện cho biết hôm thứ Sáu
    (14/11).", fresh news, dev), and the date is no more missing than the second Vietnamese sentence is
    added (which the sentence checks report). Further off in the paragraph, the translator moved a
    clause: "The bill was approved by 118 votes to 79", the last sentence of an English paragraph, opens
    the Arabic one ("وفي الصباح نفسه، أُقرّ بـ118 صوتاً مقابل 79 ..."), three sentences before the
    Vietnamese says it (held-out dev n196). A sentence that far explains the bead only when unpaired
    sentences of the paragraph say every difference left: one number said there by chance is common.
    """
    where = [(diff, _said_unpaired(pair, bead, diff)) for diff in diffs]
    left = [diff for diff, said in where if said != "beside"]
    return left if any(not said for _, said in where) else []


def _said_unpaired(pair: Pair, bead, diff: NumberDiff) -> str:
    """Where a sentence of the bead's paragraph that the alignment left unpaired says a number the bead
    lacks on that side: "beside" the bead, "apart" from it, or '' (nowhere, or another difference)."""
    if diff.kind == "number_missing":
        mention, source_side, own = diff.source, False, bead.target
    elif diff.kind == "number_added":
        mention, source_side, own = diff.target, True, bead.source
    else:
        return ""
    document = pair.source if source_side else pair.target
    paired = pair.bead_of(source_side, moved=True)
    values = set(mention.values())
    beside = [i for i in (min(own) - 1, max(own) + 1) if 0 <= i < len(document.sentences)]  # across a paragraph break too
    apart = [i for p in sorted({document.sentences[i].paragraph for i in own}) for i in document.sentences_of(p) if i not in beside]
    for where, sentences in (("beside", beside), ("apart", apart)):
        # Whole or as a part of a date or a range: the date's month, "November", is in "14/11".
        if any(i not in paired and values & values_said(document.sentences[i].text, document.language) for i in sentences):
            return where
    return ""


def _evidence(pair: Pair, bead, diffs: list[NumberDiff]) -> dict[str, float]:
    """The count, and which kinds are among them (whether, not how many: every fault the benchmarks
    inject changes one number, so a count by kind would teach the models that a sentence with
    several changed numbers is a false alarm); how short the numbers are; and how many of the
    unpaired ones sit in a neighbouring sentence of the other side (a sentence boundary drawn
    elsewhere, not a loss)."""
    unpaired = [(d.source, pair.target, bead.target) if d.kind == "number_missing" else (d.target, pair.source, bead.source)
                for d in diffs if d.kind in ("number_missing", "number_added")]
    nearby = 0
    for mention, document, own in unpaired:
        around = [i for i in range(min(own) - NEARBY, max(own) + NEARBY + 1) if 0 <= i < len(document.sentences) and i not in own]
        values = {v for i in around for m in extract_numbers(document.sentences[i].text, document.language) for v in m.values()}
        nearby += bool(set(mention.values()) & values)
    digits = [len(m.digits or m.display) for d in diffs for m in (d.source, d.target) if m is not None]
    return {
        "differences": float(len(diffs)),
        **{f"has_{k}": float(any(d.kind == k for d in diffs)) for k in PRIORITY},
        "unpaired_nearby": nearby / len(unpaired) if unpaired else 0.0,
        "shortest_number": float(min(digits)) if digits else 0.0,
    }


@dataclass(frozen=True)
class Said:
    """One side of an aligned bead as the excuses below read it."""

    text: str
    numbers: list[NumberMention]
    language: str


def unpaired(diff: NumberDiff, source: Said, target: Said) -> tuple[NumberMention, Said, Said] | None:
    """A missing or added number with the side that says it and the other side (None for other differences)."""
    if diff.kind == "number_missing":
        return diff.source, source, target
    if diff.kind == "number_added":
        return diff.target, target, source
    return None


def excused(diff: NumberDiff, source: Said, target: Said) -> bool:
    """Whether an unpaired number has its counterpart on the other side after all, where the comparison
    could not pair it: unread, restated aside, said once where the other side repeats it, or written
    where the engine does not read it; or a change from words whose written side is said again."""
    if diff.kind == "number_mismatch" and diff.source.hard != diff.target.hard:
        # Words are never reported alone: a change from a number in words is no change when its written
        # side repeats a value the other side says. "Last weekend's number one, ... "Still Waters 2"" is
        # an Arabic that writes the title twice, "ستيل ووترز 2" (Still Waters 2), whose second 2 paired with "one".
        # Nor is a name's number: "one of the highest grades" against the 3 of "WO3" (held-out dev n235).
        written, own, other = (diff.source, source, target) if diff.source.hard else (diff.target, target, source)
        return _said_again(written, other) or _ends_a_name(written, own)
    if diff.kind == "number_mismatch" and not (diff.source.hard or diff.target.hard):
        # Words against words, where one is a one or two counting a noun against Arabic, which says them by
        # the noun's form: "hai phiếu chống" paired with "خمسة" (five) left over, its own two the dual "صوتين".
        return _dual_counterpart(diff.source, target) or _dual_counterpart(diff.target, source)
    found = unpaired(diff, source, target)
    if found is None:
        return False
    mention, own, other = found
    return (
        _unreadable_counterpart(mention, other) or _restated_aside(mention, own, other) or _said_again(mention, other)
        or _written_unread(mention, other) or _month_by_reference(mention, other)
        or (diff.kind == "number_added" and (_ends_a_name(mention, own) or _dates_a_weekday(mention, own, other)))
    )


_LEADING_NUMBER = re.compile(r"[\d.,]+")


def _one_unit_named(mention: NumberMention, own: Said, other: Said) -> bool:
    """Is the unpaired number a span of time that makes one of a unit the other side names by its noun
    alone ("12 tháng" against "the year to March", "1 giờ" against "the last hour": ``units_named_alone``)?
    Asked after a neighbouring bead has had its chance to pair the number: the noun may be another span
    ("this year")."""
    digits = _LEADING_NUMBER.match(mention.text)
    unit = mention.unit or (unit_after(own.text, mention.start + digits.end(), own.language) if digits else "")
    if not unit:
        return False
    named = units_named_alone(other.text, other.language, [(m.start, m.end) for m in other.numbers])
    values = [v for v in mention.values() if isinstance(v, Decimal)]
    return any(v == 1 and unit == one or converted(v, unit, Decimal(1), one) for one in named for v in values)


# Between a weekday and its date: a comma, a parenthesis or a dash, and the word for "day" ("thứ Ba, ngày 25/11").
_WEEKDAY_TO_DATE = re.compile(r"[\s,،(\-–—]*(?:ngày|hôm|يوم)?[\s(]*", re.IGNORECASE)


def _dates_a_weekday(mention: NumberMention, own: Said, other: Said) -> bool:
    """Is the added number a date, or a part of one, written right after a weekday that the source
    names too? Newsrooms date a weekday their source names alone: "said on Tuesday" is "hôm thứ Ba
    (25/11)" or "يوم الثلاثاء (25 نوفمبر)"; the day is the same, said twice. Only a date the source
    says nothing of ("الخميس 9 من الشهر", the 9th of the month, against "Thursday, October 9"); a date
    the translation drops is still missing: its reader has the weekday alone. Where the source says the
    day too, the month a translation adds is the same date's: "Wednesday the 20th" is "thứ Tư (20/11)"
    (held-out dev n277)."""
    date = next((m for m in own.numbers if m.kind == "date" and (m is mention or any(p is mention for p in m.parts))), None)
    if date is None or (mention.kind != "month" and any(_said_again(part, other) for part in date.parts if part.kind == "day")):
        return False
    before = own.text[max(0, date.start - 40) : date.start].lower()
    mine, theirs = weekday_names(own.language), weekday_names(other.language)
    named = {day for name, day in mine.items() if (at := before.rfind(name)) >= 0 and _WEEKDAY_TO_DATE.fullmatch(before, at + len(name))}
    said = other.text.lower()
    return any(day in named for name, day in theirs.items() if name in said)


# Latin letters written onto the digits, with or without a hyphen, at a word's start: "Covid-19", "G7", "A320".
_NAME_BEFORE = re.compile(r"(?<![^\W\d_])[A-Za-z]+[-‐]?\Z")


def _ends_a_name(mention: NumberMention, own: Said) -> bool:
    """Is the added number the end of a name ("Covid-19", "G7", "MH17")? A translation names what its source
    describes: "during the coronavirus pandemic" is "trong đại dịch Covid-19" (news, batch 11). A name's
    number the target lacks is still reported: making such numbers soft on both sides lost deleted numbers
    that number_fidelity.py injects (the 2 of "O2"), xquad en→ar test recall 0.89 → 0.84."""
    return mention.kind == "cardinal" and not mention.parts and _NAME_BEFORE.search(own.text[max(0, mention.start - 12) : mention.start]) is not None


def _dual_counterpart(mention: NumberMention, other: Said) -> bool:
    """A lone 1 or 2 counting a noun, against a language that says them by the noun's form (Arabic duals)."""
    return says_one_and_two_by_form(other.language) and mention.kind == "cardinal" and mention.counts and mention.value in (1, 2)


def _article_counterpart(mention: NumberMention, other: Said) -> bool:
    """A lone 1 counting a noun, against a side whose word for one, where the engine reads it as no
    number, is its article: "1 in 8 patients" is "cứ 8 bệnh nhân thì có một người" (held-out dev n225)."""
    table = table_for(other.language)
    if table is None or not table.article_one or not (mention.kind == "cardinal" and mention.counts and mention.value == 1):
        return False
    words = re.finditer(rf"(?<!\w){re.escape(table.article_one)}(?=\s+\w)", other.text, re.IGNORECASE)
    return any(not any(m.start <= word.start() < m.end for m in other.numbers) for word in words)


def _unreadable_counterpart(mention: NumberMention, other: Said) -> bool:
    """A whole number, percentage or Roman numeral missing on a side whose language's number words the
    engine cannot read, a lone 1 or 2 against a language that says them by the noun's form (Arabic duals),
    or a lone 1 against a language's article (``_article_counterpart``).

    "10 years" is "zehn Jahre", "100000 years" is "十万年", "Australian II" is "澳大利亚二队", a clock
    time "um 18.00 Uhr" is "à dix-huit heures": the counterpart is there, unread. Years, dates,
    decimals and ranges are written in digits everywhere and stay compared.
    """
    if _dual_counterpart(mention, other) or _article_counterpart(mention, other):
        return True  # "2 drummers" is قارعَي طبول, a dual; "Article 2" is a label, and stays compared
    if reads_number_words(other.language):
        return False
    if mention.kind == "time":
        return True
    whole = isinstance(mention.value, Decimal) and mention.value == mention.value.to_integral_value()
    decimal_written = _DECIMAL_WRITTEN.search(mention.text)  # "3.5 million" is whole, but written in digits
    return mention.kind in ("cardinal", "ordinal", "percent", "roman") and not mention.parts and whole and not decimal_written


def _written_unread(mention: NumberMention, other: Said) -> bool:
    """Is the unpaired Roman numeral or month name written on the other side where the engine does
    not read it: glued onto a word ("PalmVII", "سبتمبرمن"), inside a compound ("Augustmorgen")?"""
    if mention.form == "roman":
        return mention.text in other.text
    return mention.kind == "month" and month_named_within(other.text, int(mention.value), table_for(other.language))


def _month_by_reference(mention: NumberMention, other: Said) -> bool:
    """Is the unpaired number a date's month that the other side names by reference to a month said
    before? "on Thursday, October 9" is "الخميس 9 من الشهر نفسه" (Thursday the 9th of the same month)."""
    if mention.kind != "month":
        return False
    written = other.text.lower()
    return any(phrase in written for phrase in month_references(other.language))


def _said_again(mention: NumberMention, other: Said) -> bool:
    """Is the unpaired number a repetition of a value the other side says too, whole or as a part of
    a date? "She had 10 children. My mom was the youngest of her 10 kids." is "bà có đến 10 đứa con.
    Mẹ tôi là con út"; "Saturday, December 13, into Sunday the 14th" is "thứ Bảy 13/12 đến Chủ nhật
    14/12": the value is kept, one side only says it once."""
    return any(set(mention.values()) & set(said.values()) for number in other.numbers for said in (number, *number.parts))


# An amount said again in another currency or unit, or a clock time in another time zone, in
# parentheses right after it: "VND1.5 trillion ($59 million)", "50,000 yen (US$340)", "150 feet (46
# m)", "15h giờ địa phương (tức 20h giờ Hà Nội)". Translators for another market drop the restatement
# or add their own; the amount or time itself stays compared.
_CURRENCY = re.compile(CURRENCY_BEFORE + r"|\b(?:dollars?|euros?|yen|pounds?|đô la|đồng|دولار\w*|يورو)\b", re.IGNORECASE)
_ASIDE_GAP = re.compile(
    r"[^\d()]{0,20}?\(\s*(?:about|around|approximately|some|roughly|nearly|almost|khoảng|gần|حوالي|نحو|i\.e\.,?|tức(?: là)?|أي)?\s*", re.IGNORECASE
)
_WORDS_IN_PARENTHESES = re.compile(r"\(([^\d()]{1,20})\)")


def _restated_aside(mention: NumberMention, own: Said, other: Said) -> bool:
    """Is the unpaired number one of an amount and its restatement in parentheses ("A (B)"), and
    not emptied on the other side: "25 ميلاً (40 كم)" may become "25 dặm", not "25 dặm ( km)"."""
    return _in_aside(mention, own) and not _emptied_aside(mention.unit, other)


def _in_aside(mention: NumberMention, own: Said) -> bool:
    text, mentions = own.text, own.numbers
    index = next((i for i, m in enumerate(mentions) if m is mention), None)
    if index is None:
        return False  # a part of a range or date that the other side does not split alike
    for first, second in ((index - 1, index), (index, index + 1)):
        if 0 <= first and second < len(mentions):
            a, b = mentions[first], mentions[second]
            if _ASIDE_GAP.fullmatch(text, a.end, _currency_start(text, b.start)):
                both = text[a.start : text.find(")", b.end) + 1 or len(text)]
                return bool(a.unit and b.unit) or a.kind == b.kind == "time" or _CURRENCY.search(both) is not None
    return False


def _emptied_aside(unit: str, other: Said) -> bool:
    """Does the other side keep parentheses with the unit and no number in them ("( km)")?"""
    return bool(unit) and any(unit_after(" " + inside.strip(), 0, other.language) == unit for inside in _WORDS_IN_PARENTHESES.findall(other.text))


def _currency_start(text: str, start: int) -> int:
    """Where a currency sign or code written before the amount begins ("$59", "US$ 59", "USD 59")."""
    match = re.search(rf"(?:{CURRENCY_BEFORE})\s?$", text[max(0, start - 5) : start])
    return start - len(match.group()) if match else start


def _severity(kind: str, settings: Settings) -> Severity:
    if kind == "number_format" and settings.strict_numbers:
        return Severity.WARNING
    return default_severity(kind)


def _marked(span: Span, highlights) -> Span:
    return replace(span, highlights=tuple(h for h in highlights if h is not None))

"""Arabic number words: masculine and feminine, with and without ال, case endings,
ordinals, duals, decades, and the particles written onto the word (و ف ب ل ك).

num2words gives correct Arabic cardinals and masculine ordinals up to 19 only, so the
table is written out here; tests check it against num2words where num2words is right.
"""

from __future__ import annotations

import re
from typing import Iterator

from babel.dates import get_month_names

from .fractions import fraction_value
from .tables import WordTable

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


# The alif that carries an accusative tanween, where it is written: "ألفاً" is a thousand, where the
# bare "ألفا" may be the dual "two thousand" ("ألفا جندي").
_TANWEEN_ALIF = re.compile("(?:\u064b\u0627|\u0627\u064b)$")


def normalize(token: str) -> str:
    """Spelling-neutral form: no diacritics or tatweel (nor an alif of tanween), one alef, ي for ى, ه for ة."""
    return _MARKS.sub("", _TANWEEN_ALIF.sub("", token)).translate(_LETTERS)


def _n(words: str) -> list[str]:
    return [normalize(w) for w in words.split()]


def _forms(value: int, words: str) -> dict[str, int]:
    return {w: value for w in _n(words)}


CARDINALS: dict[str, int] = {}
for _value, _words in {
    0: "صفر",
    1: "واحد واحدة أحد إحدى",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي ثنتان ثنتين",
    3: "ثلاثة ثلاث",
    4: "أربعة أربع",
    5: "خمسة خمس",
    6: "ستة ست",
    7: "سبعة سبع",
    8: "ثمانية ثماني ثمان",
    9: "تسعة تسع",
    10: "عشرة عشر",
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
    100: "مائة مئة",
    200: "مائتان مائتين مئتان مئتين مائتا مئتا مائتي مئتي",
    2000: "ألفان ألفين ألفا ألفي",
    2 * 10**6: "مليونان مليونين",
    2 * 10**9: "ملياران مليارين",
}.items():
    CARDINALS |= _forms(_value, _words)
for _unit, _stem in enumerate("ثلاث أربع خمس ست سبع ثمان تسع".split(), start=3):
    CARDINALS |= _forms(_unit * 100, f"{_stem}مائة {_stem}مئة")
CARDINALS |= _forms(800, "ثمانيمائة ثمانيمئة")
# Accusative units of a compound number ("ستاً وتسعين حالة", 96 cases; "واحداً وخمسين عاماً", 51 years).
CARDINALS |= _forms(1, "واحدا") | _forms(0, "صفرا")  # and zero alone: "إلى منحه صفرا" (a mark of zero; held-out dev n286)
for _unit, _word in enumerate("ثلاثا أربعا خمسا ستا سبعا ثمانيا تسعا".split(), start=3):
    CARDINALS |= _forms(_unit, _word)
# Duals of counted nouns carry the number two in the noun itself.
CARDINALS |= _forms(2, "عامين عامان سنتين سنتان شهرين شهران يومين يومان مرتين مرتان أسبوعين ساعتين دقيقتين درجتين درجتان")
# Measures in the dual: "تلسكوب ثان من فئة مترين" (a second, 2-metre telescope: held-out dev n165), "رطلين" (two pounds, n305).
CARDINALS |= _forms(2, "مترين متران كيلومترين كيلومتران غرامين غرامان جرامين جرامان كيلوغرامين كيلوغرامان كيلوجرامين كيلوجرامان لترين لتران هكتارين هكتاران رطلين رطلان ميلين ميلان")
# Currencies in the dual: يوروين (two euros), دولارين, جنيهين.
CARDINALS |= _forms(2, "دولارين دولاران يوروين يوروان جنيهين جنيهان دينارين ديناران درهمين درهمان ريالين ريالان")
CARDINALS |= _forms(2 * 10**6, "مليوني") | _forms(2 * 10**9, "ملياري")  # construct duals: ملياري جنيه
# Adjectives of number: ثنائي (dual, bi-), ثلاثي (triple, 3-), ... Not their plurals, though a cricket
# innings's "ثلاث رباعيات" is "3 cú ăn 4" (three fours, held-out dev n219): read as numbers, they added a
# false alarm to number_fidelity.py's XQuAD en-ar test part (not read; plurals also name trilogies,
# quatrains, duos).
for _value, _stem in enumerate("ثنائي ثلاثي رباعي خماسي سداسي سباعي ثماني تساعي عشاري".split(), start=2):
    CARDINALS |= _forms(_value, f"{_stem} {_stem}ة {_stem}ه")

ORDINALS: dict[str, int] = {}
for _value, _words in {
    1: "أول أولى حادي حادية",
    2: "ثاني ثانية",
    3: "ثالث ثالثة",
    4: "رابع رابعة",
    5: "خامس خامسة",
    6: "سادس سادسة",
    7: "سابع سابعة",
    8: "ثامن ثامنة",
    9: "تاسع تاسعة",
    10: "عاشر عاشرة",
}.items():
    ORDINALS |= _forms(_value, _words)
# Accusative, after an indefinite noun: "عضوا عاشرا" (a tenth member), "هدفا ثانيا" (a second goal).
for _value, _word in enumerate("ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا".split(), start=2):
    ORDINALS |= _forms(_value, _word)

DECADES: dict[str, int] = {}
# With "his" or "her", the decade of an age: "حتى وقت متقدم من ثمانينياته" (well into his 80s; held-out dev n174).
for _tens, _stem in enumerate("عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين".split(), start=2):
    DECADES |= _forms(10 * _tens, " ".join(f"{_stem}{plural}{own}" for plural in ("يات", "ات") for own in ("", "ه", "ها")))
DECADES |= _forms(2000, "ألفية")  # "بداية الألفية", the early 2000s

MONTHS: dict[str, int] = {}
for _locale in ("ar", "ar_SY", "ar_IQ", "ar_MA", "ar_DZ", "ar_TN", "ar_EG"):
    for _m, _name in get_month_names("wide", locale=_locale).items():
        MONTHS[" ".join(_n(_name))] = _m
MONTHS |= {normalize(w): m for w, m in (("إبريل", 4), ("يونيه", 6), ("يوليه", 7), ("أغسطس", 8))}

# ثلث a third, ثلثا/ثلثي two thirds, ثلاثة أرباع three quarters. Left out: ربع, a quarter, which is
# as often a period ("الربع الثاني", the second quarter), and خمس, a fifth, spelt as خمس, five.
FRACTIONS = {normalize("ثلث"): fraction_value(1, 3)} | {w: fraction_value(2, 3) for w in _n("ثلثا ثلثي")}
FRACTIONS |= {f"{w} {normalize('أرباع')}": fraction_value(3, 4) for w in _n("ثلاثة ثلاث")}
# A quarter, a half or tenths of a point, which is no period: "ربع نقطة مئوية" (a quarter-point),
# "عُشر نقطة" (a tenth of a point), "عُشرَي نقطة" (two tenths).
FRACTIONS |= {f"{normalize('ربع')} {normalize('نقطة')}": fraction_value(1, 4), f"{normalize('نصف')} {normalize('نقطة')}": fraction_value(1, 2)}
FRACTIONS |= {f"{normalize('عشر')} {normalize('نقطة')}": fraction_value(1, 10)} | {f"{w} {normalize('نقطة')}": fraction_value(2, 10) for w in _n("عشري عشرا")}
# Fifths and tenths counted: "ثلاثة أخماس" (three fifths), "ثلاثة أعشار(ها)" (three tenths (of it)).
for _count, _words in {3: "ثلاثة ثلاث", 4: "أربعة أربع", 6: "ستة ست", 7: "سبعة سبع", 8: "ثمانية ثماني", 9: "تسعة تسع"}.items():
    for _word in _n(_words):
        FRACTIONS |= {f"{_word} {w}": fraction_value(_count, 10) for w in _n("أعشار أعشارها")}
        if _count < 5:
            FRACTIONS |= {f"{_word} {w}": fraction_value(_count, 5) for w in _n("أخماس أخماسها")}
# Thirds more than a whole: "خمسة أثلاث الساعة" (five thirds of an hour; held-out dev n283).
for _count, _words in {4: "أربعة", 5: "خمسة", 7: "سبعة", 8: "ثمانية"}.items():
    FRACTIONS |= {f"{normalize(_words)} {normalize('أثلاث')}": fraction_value(_count, 3)}
# One part of ten, a hundred or a thousand, as Arabic says a tenth, a hundredth, a thousandth:
# "جزء من مئة من المليمتر" (a hundredth of a millimetre, "0,01 mi-li-mét"; held-out dev n128).
# With the article and counted: "بجزء واحد من المائة من الثانية" (by one hundredth of a second), "بفارق خمسة
# أجزاء من المائة" (by five hundredths; held-out dev n292).
_PARTS = {1: ("جزء", "جزءا", "جزء واحد", "جزءا واحدا"), 2: ("جزأين", "جزءين", "جزآن")} | {
    _count: tuple(f"{word} أجزاء" for word in _words.split())
    for _count, _words in {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة"}.items()
}
for _whole, _words in {10: "عشرة العشرة", 100: "مئة مائة المئة المائة", 1000: "ألف الألف"}.items():
    for _count, _parts in _PARTS.items():
        FRACTIONS |= {f"{' '.join(_n(part))} {normalize('من')} {w}": fraction_value(_count, _whole) for part in _parts for w in _n(_words)}
# Once and a half: "أعلى بمرة ونصف" (one and a half times higher).
FRACTIONS |= {f"{normalize('مرة')} {normalize('ونصف')}": fraction_value(3, 2)}
# A quarter, a fifth or a tenth after a word of approximation, where it is no period nor "five" or
# "ten": "نحو ربع الحركة" (about a quarter of the traffic), "بنحو الخمس" (by about a fifth), "بما
# يقارب العُشر" (by nearly a tenth).
for _about in _n("نحو حوالي قرابة زهاء يقارب يناهز"):
    FRACTIONS |= {f"{_about} {w}": fraction_value(1, 4) for w in _n("ربع الربع")} | {f"{_about} {normalize('الخمس')}": fraction_value(1, 5)}
    FRACTIONS |= {f"{_about} {normalize('العشر')}": fraction_value(1, 10)}
# A fraction with the pronoun of what it is a fraction of, which a period does not take: "نحو ربعها"
# (about a quarter of it, "khoảng 1/4": held-out dev n277), "نصفهم" (half of them), "ثلثاها" (two
# thirds of it). Not "نصفه", as often "we describe him".
FRACTIONS |= {normalize(stem + pronoun): fraction_value(1, d) for stem, d in (("ربع", 4), ("ثلث", 3)) for pronoun in ("ها", "ه", "هم", "هما")}
FRACTIONS |= {normalize("نصف" + pronoun): fraction_value(1, 2) for pronoun in ("ها", "هم", "هما")}
FRACTIONS |= {normalize(stem + pronoun): fraction_value(2, 3) for stem in ("ثلثا", "ثلثي") for pronoun in ("ها", "ه", "هم", "هما")}

# One in every few: "قرابة شركة من كل خمس" (nearly one company in five) is a fifth, or its five;
# "أربعة من كل خمسة" (four in every five) four fifths.
_EVERY = {f"{normalize('من')} {normalize('كل')} {w}": d for w, d in CARDINALS.items() if 2 < d <= 10}
_SHARES = {every: (1, d) for every, d in _EVERY.items()} | {f"{w} {every}": (n, d) for every, d in _EVERY.items() for w, n in CARDINALS.items() if 1 < n < d}
OUT_OF = {phrase: d for phrase, (_, d) in _SHARES.items()}
FRACTIONS |= {phrase: fraction_value(n, d) for phrase, (n, d) in _SHARES.items()}

# Nouns of time spans, counted like "three decades": ثلاثة عقود (30 years), 3 قرون, نصف قرن (50).
# They need a count: alone, عقد is as often a contract (or "he held") and قرن a horn.
QUANTITY_NOUNS = _forms(10, "عقد عقود عقدا") | _forms(100, "قرن قرون قرنا")
# Their duals count two of them: عقدين is 20 years (or two contracts: 2 is another reading).
DUAL_NOUNS = _forms(10, "عقدين عقدان") | _forms(100, "قرنين قرنان")

_SCALES = (
    _forms(1000, "ألف آلاف ألفا") | _forms(10**6, "مليون ملايين مليونا") | _forms(10**9, "مليار مليارات بليون بلايين مليارا بليونا")
    | _forms(10**12, "تريليون تريليونات تريليونا")
)
_COMPOUND_ONLY = frozenset(_n("حادي حادية اثنا اثني اثنتا اثنتي"))
# Weekdays named after numbers: يوم الاثنين (Monday), يوم الأحد (Sunday), and with the article alone
# ("صباح الاثنين", Monday morning; "الأحد 1 يونيو"), where "the one" and "the two" are seldom said:
# "أحد" without it is "one of", and "الأحد عشر" the eleven.
_DAY = normalize("يوم")
_WEEKDAY_WORDS = frozenset(_n("اثنين احد"))
_ARTICLES = ("ال", "وال", "فال", "بال", "لل")
_TEEN = frozenset(_n("عشر عشرة"))


# Six is the one number word of two letters: a preposition is taken off a word of four letters or
# more, and off "بست" ("بست تهم", on six counts; held-out dev n172), but not off "لست" ("I am not").
_WITH_SIX = normalize("بست")


def variants(token: str) -> Iterator[tuple[str, bool]]:
    """The word with the particles written onto it removed, least stripping first.

    و/ف (and), then ب/ل/ك (with, for, like), then the article ال; لل is ل + ال.
    """
    word = normalize(token)
    conj = [(word, False)]
    if len(word) > 2 and word[0] in "وف":
        conj.append((word[1:], True))
    for base, had_and in conj:
        preps = [base]
        if (len(base) > 3 and base[0] in "بلك") or base == _WITH_SIX:
            preps.append(base[1:])
        if base.startswith("لل") and len(base) > 4:
            preps.append(base[2:])
        for form in preps:
            yield form, had_and
            if form.startswith("ال") and len(form) > 3:
                yield form[2:], had_and


# Names and loanwords that end as a feminine dual does: Argentina, Putin, Martin, Justin, Austin,
# Quentin, Dustin, Christine, Valentine; protein, routine, nicotine, keratin, gelatin, carotene.
_NOT_DUALS = frozenset(_n("أرجنتين بوتين مارتين جاستين أوستين كوينتين دستين كريستين فالنتين بروتين روتين نيكوتين كيراتين جيلاتين كاروتين"))


def _dual(word: str) -> tuple[int, ...] | None:
    """Feminine duals (نقطتين, two points; حملتان, two campaigns) say "two" by their ending; the dual of
    an adjective of number is also its number ("ثلاثيتان متتاليتان" are "back-to-back three-pointers",
    held-out dev set n108)."""
    if len(word) < 5 or not word.endswith(("تين", "تان")) or word[-4] == "ا":
        return None
    if any(form in _NOT_DUALS for form, _ in variants(word)):
        return None
    own = CARDINALS.get(normalize(word[:-3] + "ة"))
    return (2,) if own is None else (2, own)


_SHADDA = "\u0651"
_OTHER_MARKS = re.compile("[\u0610-\u061a\u064b-\u0650\u0652-\u065f\u0670\u06d6-\u06ed\u0640]")


def _not_a_number(raw: str) -> bool:
    """A shadda where no number word has one: the verbs made from number roots ("ألّف", he wrote;
    "ثلّث", he tripled). Number words double only the sun letter after the article ("الثّالث") and
    the ت of six ("ستّة")."""
    word = _OTHER_MARKS.sub("", raw)
    for at in (k for k, char in enumerate(word) if char == _SHADDA):
        if word[max(0, at - 3):at - 1] not in ("ال", "لل") and word[max(0, at - 2):at] != "ست":
            return True
    return False


def _continues(word: str) -> bool:
    """A word read only once a preposition (ب ل ك) is taken off it starts a number of its own."""
    base = word[1:] if len(word) > 2 and word[0] in "وف" else word
    return base[:1] not in "بلك" or base in CARDINALS or base in ORDINALS or base in _SCALES


# The centenary, "الذكرى المئوية" ("kỷ niệm 100 năm"), "الاحتفال بالمئوية"; the same word is the adjective
# of a percentage point, a degree Celsius and a percentage ("نقطة مئوية", "درجة مئوية", "النسبة المئوية"),
# and a cricketer's "نصف مئوية" is his half-century, 50; "الذكرى المئوية الثانية" the bicentenary (neither read).
_CENTENARY = normalize("مئوية")
CARDINALS[_CENTENARY] = 100
# Its fifty: a cricketer's "خمسينية" is a half-century ("رابع خمسينية له", his fourth, "lần thứ tư cán mốc
# 50 run": held-out dev n219), "الذكرى الخمسينية" the fiftieth anniversary.
CARDINALS |= _forms(50, "خمسينية")
_NOT_CENTENARY_AFTER = frozenset(_n("نقطة نقاط درجة درجات نسبة نصف ربع"))


# "متر في الثانية" (metres per second): a rate, no second place.
_PER = normalize("في")
_SECOND = normalize("الثانية")
_RATE_UNITS = frozenset(_n("متر مترا أمتار كيلومتر كيلومترا كيلومترات كم ميل ميلا أميال لتر لترا لترات"))


def _veto(words: list[str], i: int, j: int) -> bool:
    if j - i == 1 and words[i] == _SECOND and i > 1 and words[i - 1] == _PER and words[i - 2] in _RATE_UNITS:
        return True
    if j - i == 1 and any(form == _CENTENARY for form, _ in variants(words[i])):
        after_word = i > 0 and any(form in _NOT_CENTENARY_AFTER for form, _ in variants(words[i - 1]))
        return after_word or (j < len(words) and any(form in ORDINALS for form, _ in variants(words[j])))
    if j - i != 1 or not any(form in _WEEKDAY_WORDS for form, _ in variants(words[i])):
        return False
    teen = i + 1 < len(words) and words[i + 1] in _TEEN
    return (i > 0 and words[i - 1] == _DAY) or (words[i].startswith(_ARTICLES) and not teen)


TABLE = WordTable(
    lang="ar",
    cardinals=CARDINALS,
    ordinals=ORDINALS,
    multipliers={normalize("مائة"): 100, normalize("مئة"): 100, **QUANTITY_NOUNS},
    # With the accusative ending of a counted noun after 11 to 99 ("أكثر من 30 ألفا", more than
    # 30,000; "مليونا", a million) as well; "ألفا" with no count before it is two thousand ("ألفا جندي").
    scales=_SCALES,
    needs_count=frozenset(_n("آلاف ملايين مليارات بلايين تريليونات ألفا")) | frozenset(QUANTITY_NOUNS),
    # Alone, "مليونا" is a million ("بلغ مليونا"), or the dual before its noun ("مليونا دولار", two million).
    lone_duals=_forms(2 * 10**6, "مليونا") | _forms(2 * 10**9, "مليارا بليونا"),
    year_parts={normalize("نصف"): 6},
    quantity_nouns=frozenset(QUANTITY_NOUNS),
    dual_nouns=DUAL_NOUNS,
    compound_only=_COMPOUND_ONLY,
    joiners=frozenset({"و"}),
    halves=frozenset(_n("ونصف")),
    parts_before={normalize("نصف"): fraction_value(1, 2), normalize("ربع"): fraction_value(1, 4), f"{normalize('ثلاثة')} {normalize('أرباع')}": fraction_value(3, 4)},
    decades=DECADES,
    fractions=FRACTIONS,
    out_of=OUT_OF,
    unit_fractions={normalize("نصف"): fraction_value(1, 2), normalize("ربع"): fraction_value(1, 4)},  # نصف ساعة, ربع ساعة
    ordinal_beyond={" ".join(_n(phrase)): added for phrase, added in (("بعد المائة", 100), ("بعد المئة", 100), ("بعد المائتين", 200), ("بعد المئتين", 200), ("بعد الألف", 1000))},
    percent_words=tuple(" ".join(_n(p)) for p in ("في المائة", "في المئة", "بالمائة", "بالمئة", "بالمية", "نقطة مئوية", "نقاط مئوية")),
    units_before_tens=True,
    normalize=normalize,
    variants=variants,
    veto=_veto,
    continues=_continues,
    not_a_number=_not_a_number,
    implied=_dual,
    month_names=MONTHS,
    # مارس "practised", آب "father", نيسان "Nissan", أغسطس "Augustus", جوان "Joan"...
    ambiguous_months=frozenset(_n("مارس آب ماي نيسان تموز أغسطس جوان جانفي أوت")),
    # Not a river: "نهر مايو" is "the River of May" (XQuAD), a month in English too.
    # And the first word of a foreign place name: "بورت أفريل" is Port Averill (held-out dev n180), "سانت" Saint, "فورت" Fort.
    place_nouns=frozenset(_n("مقاطعة محافظة ولاية إقليم منطقة مدينة بلدة قرية جزيرة مستشفى عيادة بورت فورت سانت سان")),
    month_references=("الشهر نفسه", "الشهر ذاته", "نفس الشهر", "ذات الشهر", "الشهر الجاري", "الشهر الحالي"),
)

"""Units of measure written after a number, for conversions between imperial and metric units and within a system (km and m, units of time).

A translation often converts what it measures ("150 feet down" becomes "gần 50m", nearly 50 m;
"10 miles" becomes "16 km"): the numbers differ and nothing is wrong. ``unit_after`` reads the
unit that follows a number (English, Vietnamese, Arabic and the symbols every language writes),
and ``converted`` says whether two measured numbers are the same quantity in two systems, within
the rounding translators apply (``TOLERANCE``, or the converted value rounded to one significant
figure), or in two units of one system ("1.5 km" and "1.500 m", "90 minutes" and "1,5 giờ"). Degrees without a scale are a temperature in the scale the other side does not name.
Bare ``m`` is a metre only in Vietnamese (English ``£5m`` is five million) and Arabic
``م`` is also the era mark, so neither is read there.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from .languages import base_code

# Share by which a converted value may differ from the exact conversion: "150 feet" (45.7 m)
# is "gần 50m" (9%), "10 miles" (16.1 km) "16 km".
TOLERANCE = 0.12

# (dimension, system, factor to the SI unit); temperatures are converted apart.
_UNITS: dict[str, tuple[str, str, float]] = {
    "mm": ("length", "metric", 0.001), "cm": ("length", "metric", 0.01), "m": ("length", "metric", 1.0),
    "km": ("length", "metric", 1000.0),
    "inch": ("length", "imperial", 0.0254), "foot": ("length", "imperial", 0.3048), "yard": ("length", "imperial", 0.9144),
    "mile": ("length", "imperial", 1609.344), "nmi": ("length", "nautical", 1852.0),
    "m2": ("area", "metric", 1.0), "km2": ("area", "metric", 1e6), "ha": ("area", "metric", 1e4),
    "acre": ("area", "imperial", 4046.86), "sqmi": ("area", "imperial", 2.58999e6), "sqft": ("area", "imperial", 0.092903),
    "g": ("mass", "metric", 0.001), "kg": ("mass", "metric", 1.0), "t": ("mass", "metric", 1000.0),
    "oz": ("mass", "imperial", 0.0283495), "lb": ("mass", "imperial", 0.453592),
    "ml": ("volume", "metric", 0.001), "l": ("volume", "metric", 1.0), "gal": ("volume", "imperial", 3.78541),
    # Kitchen measures, in the metric spoons and cup recipes convert them by: "2 tablespoons" is "30 ml".
    "tsp": ("volume", "kitchen", 0.005), "tbsp": ("volume", "kitchen", 0.015), "cup": ("volume", "kitchen", 0.24),
    "kmh": ("speed", "metric", 1.0), "mph": ("speed", "imperial", 1.609344), "kn": ("speed", "nautical", 1.852),
    "C": ("temperature", "metric", 1.0), "F": ("temperature", "imperial", 1.0),
    "deg": ("temperature", "unstated", 1.0),
    # Durations, one system: "18 months" is "1,5 năm", "two weeks" "14 ngày", "90 minutes" "1,5 giờ".
    "second": ("duration", "time", 1.0), "minute": ("duration", "time", 60.0), "hour": ("duration", "time", 3600.0),
    "day": ("duration", "time", 86400.0), "week": ("duration", "time", 604800.0), "fortnight": ("duration", "time", 1209600.0), "month": ("duration", "time", 2629800.0),
    "year": ("duration", "time", 31557600.0),
}
# A quantity said in another unit of its own system is the same quantity exactly ("1.5 km" is
# "1.500 m", "four tonnes" "4.000 kg"), but for the months of unequal length ("3 months" is "90
# days", 1.4% off): no translator rounds "10 days" to "1 week".
SAME_SYSTEM_TOLERANCE = 0.05

_SYMBOLS = [  # every language
    (r"km(?:2|²)", "km2"), (r"m(?:2|²)", "m2"), (r"km/h|kph", "kmh"), (r"mph", "mph"), (r"°\s?C", "C"), (r"°\s?F", "F"),
    (r"mm", "mm"), (r"cm", "cm"), (r"km", "km"), (r"kg", "kg"), (r"ha", "ha"), (r"ml", "ml"),
]
_WORDS = {
    "en": [
        (r"square\s+(?:kilomet(?:re|er)s?|km)", "km2"), (r"square\s+(?:met(?:re|er)s?)", "m2"), (r"square\s+miles?|sq\.?\s?mi", "sqmi"),
        (r"square\s+(?:feet|foot)|sq\.?\s?ft", "sqft"), (r"kilomet(?:re|er)s?(?:\s+(?:an|per)\s+hour)?", "km"),
        (r"millimet(?:re|er)s?", "mm"), (r"centimet(?:re|er)s?", "cm"), (r"met(?:re|er)s?", "m"),
        (r"nautical\s+miles?|nmi", "nmi"), (r"knots?", "kn"),
        (r"inch(?:es)?", "inch"), (r"feet|foot|ft", "foot"), (r"yards?|yd", "yard"), (r"miles?\s+(?:an|per)\s+hour", "mph"),
        (r"miles?|mi", "mile"), (r"hectares?", "ha"), (r"acres?", "acre"), (r"kilo(?:gram(?:me)?)?s?", "kg"),
        (r"grams?|grammes?", "g"), (r"tonnes?|metric\s+tons?", "t"), (r"pounds?|lbs?", "lb"), (r"ounces?|oz", "oz"),
        (r"lit(?:re|er)s?", "l"), (r"millilit(?:re|er)s?", "ml"), (r"gallons?|gal", "gal"), (r"degrees?\s+(?:Celsius|centigrade)", "C"),
        (r"teaspoons?|tsp", "tsp"), (r"tablespoons?|tbsp", "tbsp"), (r"cups?", "cup"),
        (r"degrees?\s+Fahrenheit", "F"), (r"degrees?", "deg"),
        (r"seconds?|secs?", "second"), (r"minutes?|mins?", "minute"), (r"hours?|hrs?", "hour"), (r"days?", "day"),
        (r"weeks?", "week"), (r"fortnights?", "fortnight"), (r"months?", "month"), (r"years?", "year"),
    ],
    "vi": [
        (r"(?:km|ki-?lô-?mét|kilô?mét|kilomet|cây số)\s+vuông", "km2"), (r"(?:m|mét)\s+vuông", "m2"), (r"dặm\s+vuông", "sqmi"),
        (r"km/giờ|km/h", "kmh"), (r"dặm/giờ", "mph"), (r"ki-?lô-?mét|kilô?mét|kilomet|cây số", "km"),
        (r"xen-?ti-?mét|xăng-?ti-?mét|centimet", "cm"), (r"mi-?li-?mét|milimet", "mm"), (r"mét|m", "m"),
        (r"hải\s+lý\s*/\s*giờ|hải\s+lý\s+(?:một|mỗi)\s+giờ", "kn"), (r"hải\s+lý", "nmi"),
        (r"in-?sơ|inch", "inch"), (r"feet|foot|ft", "foot"), (r"thước Anh|yard", "yard"), (r"dặm", "mile"),
        (r"héc-?ta|hecta|hécta", "ha"), (r"mẫu Anh", "acre"), (r"ki-?lô-?gam|kilôgam|kilogam|ký|kí", "kg"), (r"gam|gram", "g"),
        (r"tấn", "t"), (r"pao|pound", "lb"), (r"ao-?xơ|ounce", "oz"), (r"lít", "l"), (r"mi-?li-?lít|mililít", "ml"), (r"ga-?lông|gallon", "gal"),
        (r"(?:thìa|muỗng)\s+(?:cà\s+phê|nhỏ)", "tsp"), (r"(?:thìa|muỗng)\s+(?:canh|súp|lớn)", "tbsp"), (r"cốc", "cup"),
        (r"độ\s+C", "C"), (r"độ\s+F", "F"), (r"độ", "deg"),
        (r"giây", "second"), (r"phút", "minute"), (r"giờ|tiếng(?:\s+đồng\s+hồ)?", "hour"), (r"ngày", "day"), (r"tuần", "week"),
        (r"tháng", "month"), (r"năm", "year"),
    ],
    "ar": [
        (r"(?:كيلومترا?ت?|كيلو\s?متر|كم)\s+مربعا?ً?", "km2"), (r"(?:مترا?|أمتار)\s+مربعة?ا?ً?", "m2"),
        (r"(?:ميلا?|أميال)\s+مربعة?ا?ً?", "sqmi"), (r"كيلومترا?ت?\s+في\s+الساعة|كم/س", "kmh"), (r"ميلا?\s+في\s+الساعة", "mph"),
        (r"كيلومترا?ت?|كيلو\s?مترا?ت?|كم", "km"), (r"سنتيمترا?ت?|سم", "cm"), (r"مليمترا?ت?|ملم", "mm"), (r"مترا?ً?|أمتار|امتار", "m"),
        (r"بوصة|بوصات|إنشا?ت?|انش", "inch"), (r"قدما?ً?|أقدام|اقدام", "foot"), (r"ياردة|ياردات", "yard"),
        (r"(?:ميل(?:اً|ًا|ا)?|أميال)\s+بحري(?:ا|اً|ًا|ة)?", "nmi"), (r"عقدة|عقدات", "kn"),
        (r"ميلا?ً?|أميال|اميال", "mile"), (r"هكتارا?ت?", "ha"), (r"فدانا?|أفدنة", "acre"),
        (r"كيلوغراما?ت?|كيلوجراما?ت?|كغ|كجم", "kg"), (r"غراما?ت?|جراما?ت?", "g"), (r"طنا?|أطنان", "t"),
        (r"رطلا?|أرطال|باوند", "lb"), (r"أونصة|أوقية", "oz"), (r"لترا?ت?|ليترا?ت?", "l"), (r"مل|ملل|مي?لي\s?لترا?ت?", "ml"),
        (r"غالونا?ت?|جالونا?ت?", "gal"),
        (r"(?:ملعقة|ملعقتا?ن?|ملعقتين|ملاعق)\s+صغير(?:ة|تان|تين)", "tsp"), (r"(?:ملعقة|ملعقتا?ن?|ملعقتين|ملاعق)\s+كبير(?:ة|تان|تين)", "tbsp"),
        (r"كوبا?ً?|كوبان|كوبين|أكواب", "cup"),
        (r"درجة\s+مئوية", "C"), (r"درجة\s+فهرنهايت|فهرنهايت", "F"), (r"درجة|درجات", "deg"),
        (r"ثانية|ثوان[يٍ]?", "second"), (r"دقيقة|دقائق", "minute"), (r"ساعة|ساعات", "hour"), (r"يوما?ً?|أيام", "day"),
        (r"أسبوعا?ً?|أسابيع", "week"), (r"شهرا?ً?|أشهر|شهور", "month"), (r"سنة|سنوات|سنين|عاما?ً?|أعوام", "year"),
    ],
    # Chinese writes the unit onto the number, and the next word onto the unit.
    "zh": [
        (r"平方公里|平方千米", "km2"), (r"平方米", "m2"), (r"平方英里", "sqmi"), (r"公里|千米", "km"), (r"厘米|公分", "cm"),
        (r"毫米", "mm"), (r"米|公尺", "m"), (r"英尺|呎", "foot"), (r"英寸|吋", "inch"), (r"英里|哩", "mile"), (r"公斤|千克", "kg"),
        (r"磅", "lb"), (r"公顷", "ha"), (r"英亩", "acre"), (r"摄氏度", "C"), (r"华氏度", "F"), (r"升", "l"), (r"加仑", "gal"),
    ],
}
# Other languages in Latin script (German, French, Spanish, Italian, Portuguese, Dutch).
_LATIN = [
    (r"Quadratkilometer|kilomètres?\s+carrés|kilómetros?\s+cuadrados", "km2"), (r"Quadratmeter|mètres?\s+carrés|metros?\s+cuadrados", "m2"),
    (r"Quadratmeilen?", "sqmi"), (r"Kilometer|kilomètres?|kil[oó]metros?|chilometri|kilometers?", "km"),
    (r"Zentimeter|centimètres?|cent[ií]metros?|centimetri", "cm"), (r"Millimeter|millimètres?|mil[ií]metros?", "mm"),
    (r"Meter|mètres?|metros?|metri|meters?", "m"), (r"Fu(?:ß|ss)|pieds?|pies|piedi|pés|voet", "foot"), (r"Zoll|pouces?|pulgadas?", "inch"),
    (r"Meilen?|milles?|millas?|miglia|milhas?|mijl", "mile"), (r"Kilogramm|Kilo|kilogrammes?|kilos?|kilogramos?|chili", "kg"),
    (r"Pfund|livres?|libras?|libbre", "lb"), (r"Hektar|hectares?|hect[aá]reas?|ettari", "ha"),
    (r"Grad\s+Celsius|degrés?\s+Celsius|grados?\s+(?:Celsius|centígrados)|gradi\s+Celsius", "C"),
    (r"Grad\s+Fahrenheit|degrés?\s+Fahrenheit|grados?\s+Fahrenheit|gradi\s+Fahrenheit", "F"),
    (r"Grad|degrés?|grados?|gradi", "deg"),
    (r"Liter|litres?|litros?|litri", "l"), (r"Gallonen|gallons?|galones", "gal"),
]
_GLUED = frozenset({"zh", "ja"})  # languages whose units are followed by a word without a space


def _compile(lang: str) -> re.Pattern:
    pairs = _WORDS.get(lang, _LATIN) + _SYMBOLS
    alternatives = "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(pairs))
    # The unit follows the number, glued or after one space; a word unit ends at a word end.
    end = "" if lang in _GLUED else r"(?![^\W\d_])"
    return re.compile(rf"[ \u00a0-]?(?:{alternatives}){end}", re.IGNORECASE), [unit for _, unit in pairs]


_COMPILED: dict[str, tuple[re.Pattern, list[str]]] = {}


def unit_after(text: str, end: int, lang: str) -> str:
    """The unit written right after a number ending at ``end`` ("" if none)."""
    return unit_span(text, end, lang)[0]


def unit_span(text: str, end: int, lang: str) -> tuple[str, int]:
    """The unit written right after ``end`` and where it ends (("", end) if none)."""
    code = lang.lower().split("-")[0]
    if code not in _COMPILED:
        _COMPILED[code] = _compile(code)
    pattern, units = _COMPILED[code]
    match = pattern.match(text, end)
    if match is None:
        return "", end
    return units[int(match.lastgroup[1:])], match.end()


# Half a unit more, after the unit ("2 tiếng rưỡi", "an hour and a half", "ثلاثة أمتار ونصف المتر")
# or, in English, before it ("two and a half hours", or hyphenated before its noun: "a two-and-a-half-hour
# set"); in English quarters too ("an hour and a quarter", "an hour and three-quarters").
_HALF_AFTER = {
    "en": re.compile(r"(?P<gap>[ \u00a0]|-)+and(?P=gap)+(?P<part>a(?P=gap)+half|a(?P=gap)+quarter|three[ \u00a0-]quarters)(?![^\W\d_])"),
    "vi": re.compile(r"[ \u00a0]+rưỡi(?![^\W\d_])"),
    "ar": re.compile(r"[ \u00a0]+و[ \u00a0]?نصف(?:ا|اً|ًا)?(?:[ \u00a0]+ال[^\W\d_]+)?(?![^\W\d_])"),
}


# Arabic and Vietnamese say "and a half" after any counted noun: "أربع نجوم ونصف" (four and a half stars),
# also in the accusative ("خمس سنوات ونصفا", five and a half years: held-out dev n295),
# "ستة أضعاف ونصف" (six and a half times), "4 tuổi rưỡi" (four and a half years old); in Arabic not before a
# scale or a defined noun, which the half is of ("ونصف مليون", "ونصف الفريق", and half the team).
_COUNTED_HALF = {
    "ar": re.compile(r"[ \u00a0]+[^\W\d_]+[ \u00a0]+و[ \u00a0]?نصف(?:ا|اً|ًا)?(?![^\W\d_])(?![ \u00a0]+(?:مليون|مليار|ألف|ال))"),
    "vi": re.compile(r"[ \u00a0]+[^\W\d_]+[ \u00a0]+rưỡi(?![^\W\d_])"),
}

# And the same right after the number (held-out dev set n104: "مقاس 41 ونصف", "cỡ 41 rưỡi", size 41.5),
# with the same exceptions ("3 ونصف الطلاب", three and half of the students).
_BARE_HALF = {
    "ar": re.compile(r"[ \u00a0]+و[ \u00a0]?نصف(?:ا|اً|ًا)?(?![^\W\d_])(?![ \u00a0]+(?:مليون|مليار|ألف|ال))"),
    "vi": _HALF_AFTER["vi"],
}

# ... and after a dual, with the article on the dual's own noun: "رطلين ونصف الرطل" (two pounds and half the
# pound) is 2.5 pounds, "مترين ونصف المتر" 2.5 metres (held-out dev n305).
_HALF_OF_ITS_DUAL = re.compile(r"[ \u00a0]+و[ \u00a0]?نصف[ \u00a0]+ال(?P<noun>[^\W\d_]{2,})(?![^\W\d_])")

_PARTS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.75")}


def _part(match: re.Match) -> Decimal:
    """The share of a unit an "and a half" phrase says: its last word names it ("three-quarters" 0.75)."""
    return _PARTS[re.split(r"[ \u00a0-]", match.groupdict().get("part") or "half")[-1]]
_SCALE_AFTER = re.compile(r"[ \u00a0]+(?:hundred|thousand|million|billion|trillion)", re.IGNORECASE)


def measure_after(text: str, end: int, lang: str) -> tuple[str, Decimal, int]:
    """The unit after a number ending at ``end``, the half of it that follows the number or the unit
    (0 or 0.5), and where the two end: "2 tiếng rưỡi" is 2.5 hours, "two and a half hours" too, and
    "two and a half times" 2.5 with no unit."""
    unit, stop = unit_span(text, end, lang)
    if not unit and base_code(lang) == "en" and (before := _HALF_AFTER["en"].match(text, end)):
        unit, stop = unit_span(text, before.end(), lang)
        part = _part(before)
        if unit:
            return unit, part, stop
        # "two and a half times", 2.5; not "three and a half million", which the scale multiplies
        return ("", Decimal(0), end) if _SCALE_AFTER.match(text, before.end()) else ("", part, before.end())
    if not unit and (pattern := _COUNTED_HALF.get(base_code(lang))) and (counted := pattern.match(text, end)):
        return "", Decimal("0.5"), counted.end()  # "أربع نجوم ونصف", four and a half stars
    if not unit and (pattern := _BARE_HALF.get(base_code(lang))) and (half := pattern.match(text, end)):
        return "", Decimal("0.5"), half.end()
    if not unit and base_code(lang) == "ar" and (half := _HALF_OF_ITS_DUAL.match(text, end)) and text.endswith(tuple(half["noun"] + e for e in ("ين", "ان")), 0, end):
        return "", Decimal("0.5"), half.end()
    return (unit, *half_after(text, stop, lang)) if unit else ("", Decimal(0), end)


def half_after(text: str, end: int, lang: str) -> tuple[Decimal, int]:
    """Half (or a quarter of) a unit said after a unit ending at ``end``: (0.5 or 0.25, where it ends), else (0, end)."""
    pattern = _HALF_AFTER.get(base_code(lang))
    match = pattern.match(text, end) if pattern else None
    return (_part(match), match.end()) if match else (Decimal(0), end)


# Words that say their count with their unit: Arabic duals of units of time ("يومين", two days), and of
# a multiple ("مرتين ونصف", two and a half times).
_COUNTED = {
    "ar": re.compile(
        r"[وفبل]?(?:(?P<year>عامين|عامان|سنتين|سنتان)|(?P<month>شهرين|شهران)|(?P<week>أسبوعين|أسبوعان)"
        r"|(?P<day>يومين|يومان)|(?P<hour>ساعتين|ساعتان)|(?P<minute>دقيقتين|دقيقتان)|(?P<times>مرتين|مرتان))"
    ),
}


def unit_within(word: str, lang: str) -> str:
    """The unit a word that counts itself names ("يومين", two days: "day"; "" for any other word),
    so that "48 hours" is "يومين" and "2 years" against "شهرين" (two months) is a changed unit."""
    pattern = _COUNTED.get(base_code(lang))
    match = pattern.fullmatch(word) if pattern else None
    return match.lastgroup if match else ""


def converted(a: Decimal, unit_a: str, b: Decimal, unit_b: str) -> bool:
    """Are ``a unit_a`` and ``b unit_b`` one quantity in two systems of units, as a translator rounds it?"""
    if unit_a not in _UNITS or unit_b not in _UNITS:
        return False
    (dim_a, system_a, factor_a), (dim_b, system_b, factor_b) = _UNITS[unit_a], _UNITS[unit_b]
    x, value = float(a), float(b)
    if dim_a != dim_b:
        return False
    if system_a == system_b:
        exact = x * factor_a / factor_b
        return unit_a != unit_b and abs(exact - value) <= SAME_SYSTEM_TOLERANCE * max(abs(exact), abs(value))
    if dim_a == "temperature":
        # Bare degrees are in the scale the writer's readers use: converted, they face the other one
        # ("temperatures of 130 degrees" in an American talk is "54 độ C").
        if "deg" in (unit_a, unit_b):
            other_scale = {"C": "F", "F": "C"}[unit_b if unit_a == "deg" else unit_a]
            return converted(a, other_scale if unit_a == "deg" else unit_a, b, other_scale if unit_b == "deg" else unit_b)
        exact = x * 9 / 5 + 32 if unit_a == "C" else (x - 32) * 5 / 9
    else:
        exact = x * factor_a / factor_b
    if abs(exact - value) <= TOLERANCE * max(abs(exact), abs(value)):
        return True
    return exact != 0 and round(exact, -math.floor(math.log10(abs(exact)))) == value  # one significant figure


# A unit of time named by its noun alone, in the singular, is one of it: "inflation eased in the year to
# March" is "lạm phát trong 12 tháng tính đến tháng 3" (in the 12 months to March), "for the last hour
# only" "chỉ để trong 1 giờ cuối" (held-out dev n195, n197). Arabic writes its particles and article onto
# the noun ("في العام المنتهي في مارس"); "bây giờ" is "now".
_TIME_NOUNS = {
    "en": [(r"second", "second"), (r"minute", "minute"), (r"hour", "hour"), (r"day", "day"), (r"week", "week"),
           (r"fortnight", "fortnight"), (r"month", "month"), (r"year", "year")],
    "vi": [(r"giây", "second"), (r"phút", "minute"), (r"(?<!bây )giờ|tiếng", "hour"), (r"ngày", "day"), (r"tuần", "week"),
           (r"tháng", "month"), (r"năm", "year")],
    "ar": [(r"ثانية", "second"), (r"دقيقة", "minute"), (r"ساعة", "hour"), (r"يوما?ً?", "day"), (r"أسبوعا?ً?", "week"),
           (r"شهرا?ً?", "month"), (r"سنة|عاما?ً?", "year")],
}
_AR_ONTO_NOUN = r"(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)"
_NUMBER_NEXT = re.compile(r"[ \u00a0/-]*\d")


def units_named_alone(text: str, lang: str, numbers: list[tuple[int, int]]) -> set[str]:
    """The units of time ``text`` names by their noun alone, in the singular (``_TIME_NOUNS``): not
    the unit of a number (``numbers``, their spans) nor a noun that labels one ("năm 2025", "tháng 3")."""
    code = base_code(lang)
    if code not in _TIME_NOUNS:
        return set()
    onto = _AR_ONTO_NOUN if code == "ar" else ""
    named = set()
    for pattern, unit in _TIME_NOUNS[code]:
        for match in re.finditer(rf"(?<![^\W\d_]){onto}(?:{pattern})(?![^\W\d_])", text, re.IGNORECASE):
            start, end = match.span()
            if _NUMBER_NEXT.match(text, end) or any(
                a < end and start < b or (b <= start and not text[b:start].strip(" \u00a0-")) or (end <= a and not text[end:a].strip(" \u00a0"))
                for a, b in numbers
            ):
                continue
            named.add(unit)
    return named


def is_duration(unit: str) -> bool:
    return unit in _UNITS and _UNITS[unit][0] == "duration"


def unit_changed(value: Decimal, unit_a: str, unit_b: str) -> bool:
    """Is one value measured in two units of one dimension that it cannot be in both ("5 years" and
    "5 tháng", months; "3 km" and "3 dặm", miles)? Bare degrees fit either temperature scale."""
    if unit_a == unit_b or unit_a not in _UNITS or unit_b not in _UNITS or "deg" in (unit_a, unit_b):
        return False
    return _UNITS[unit_a][0] == _UNITS[unit_b][0] and not converted(value, unit_a, value, unit_b)

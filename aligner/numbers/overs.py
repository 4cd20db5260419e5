"""Cricket's overs and balls. A score card writes 49 overs and 2 balls as "49.2 overs" (an over has
six balls, so the figure after the point runs from 1 to 5); translations often spell it out: "49 أوفر
وكرتين", "24 أوفر و3 كرات", "49 over và 2 quả bóng", "49 overs and two balls". The spelled-out form
is read as the score card's number, 49.2, so that the two pair: read as two numbers, 49.2 had
"became 49" and the 2 balls were a number not in the source (held-out dev n219, eight alarms)."""

from __future__ import annotations

import re
from decimal import Decimal

from .model import NumberMention
from .scripts import ascii_digits

_BALL_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}
_OVERS = re.compile(
    rf"(?<![\d.,٫])(?P<overs>\d{{1,3}})[ \u00a0]*(?:overs?|أوفرات|أوفر|اوفرات|اوفر)"
    rf"[ \u00a0]+(?:(?:and|và)[ \u00a0]+|و[ \u00a0]?)"
    rf"(?:(?:(?P<balls>[1-5\u0661-\u0665\u06f1-\u06f5])|(?P<words>{'|'.join(_BALL_WORDS)}))[ \u00a0]*(?:balls?|(?:quả[ \u00a0]+)?bóng|quả|كرات|كرة)"
    rf"|(?P<one>كرة)(?:[ \u00a0]+واحدة)?|(?P<two>كرتين|كرتان))(?![^\W\d_])",
    re.IGNORECASE,
)


def find_overs(text: str) -> list[NumberMention]:
    """The overs and balls spelled out in ``text``, each read as one number (49 overs and 2 balls: 49.2)."""
    found = []
    for match in _OVERS.finditer(text):
        if match.group("balls"):
            balls = int(ascii_digits(match.group("balls")))
        else:
            balls = _BALL_WORDS[match.group("words").lower()] if match.group("words") else 1 if match.group("one") else 2
        written = f"{int(ascii_digits(match.group('overs')))}.{balls}"
        found.append(NumberMention(match.start(), match.end(), match.group(), Decimal(written), "cardinal", written, digits=written))
    return found

"""Numbers written as words, composed from a language's ``WordTable``.

One left-to-right pass per number: units and tens add up, a multiplier (hundred,
Vietnamese ``mươi``) multiplies the word before it, a scale (thousand, million)
multiplies everything so far.  Each addition must fill a free decimal slot
("twenty one" is 21, "two three" is two numbers), except that Arabic says units
before tens ("واحد وعشرون", one and twenty) and teens unit first ("ثلاثة عشر").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from . import units  # a module: units imports the word tables, which import this one
from .digits import display
from .model import NumberMention, decade_years
from .tables import WordTable
from .text import Occupied, Token, adjacent, phrase_end, tokenize


@dataclass
class _State:
    total: int = 0
    current: int = 0
    last: int = 0  # the last word's contribution, which a multiplier multiplies
    top_scale: int = 0
    last_scale: int = 0  # the multiplier or scale the last word was, which "and a half" halves
    words: int = 0  # number words used
    ordinal: bool = False
    opened_by_part: bool = False  # began with a compound-only word ("الحادي", "lăm")
    counted: int = 0  # the count before a noun of quantity ("two" of "two dozen"), another reading
    zero: bool = False  # the last word was a zero, which a multiplier may count: "hai nghìn không trăm hai mươi sáu" (2026)

    @property
    def value(self) -> int:
        return self.total + self.current

    def fits(self, v: int, joined: bool, table: WordTable) -> bool:
        cur = self.current
        if cur == 0:
            return self.words == 0 or self.total > 0  # nothing is added to a zero: "صفر ودرجتين" is zero and two
        if table.units_before_tens and 1 <= cur % 100 <= 9:
            if joined and 20 <= v <= 90 and v % 10 == 0:
                return True  # واحد وعشرون
            if v == 10 and not joined:
                return True  # ثلاثة عشر
        if v < 10:
            if table.units_before_tens and not joined:
                return False  # Arabic adds a unit to tens only with و: "العشر الأولى" is the first ten, not the 11th
            return cur % 10 == 0 and not 11 <= cur % 100 <= 19
        if v < 100:
            return cur % 100 == 0
        return cur % 1000 == 0 and v < 1000


def _parse(text: str, tokens: list[Token], free: list[bool], i: int, table: WordTable) -> tuple[int, _State] | None:
    """Longest number starting at token ``i``: (index after its last token, state)."""
    state = _State()
    k, end_k, marker = i, i, False
    if tokens[i].word in table.ordinal_markers:
        marker, k = True, i + 1
    pending_join = False
    while k < len(tokens):
        tok = tokens[k]
        if k > i and not adjacent(text, tokens[k - 1].end, tok.start):
            break
        if tok.is_digits or not free[k] or phrase_end(text, tokens, k, table.percent_words) is not None:
            break
        if k > i and not table.continues(tok.word):
            break
        if state.top_scale and scale_next(text, tokens, k, table) == state.top_scale and any(table.lookup(form) for form, _ in table.variants(tok.word)):
            break  # "ثلاثة آلاف وخمسة آلاف", 3,000 and 5,000: two numbers, each with its scale
        if tok.word in table.not_after_round and state.words and state.current % 10 == 0 and not pending_join and not multiplier_next(text, tokens, k, table):
            break
        if state.words == 1 and tok.word == table.count_links.get(tokens[k - 1].word) and multiplier_next(text, tokens, k, table):
            k += 1  # "a couple of hundred": the count links to its multiplier
            continue
        step = _step(state, tok.word, table, marker and k == i + 1, pending_join)
        if step == "join":
            pending_join = True
            k += 1
            continue
        if step is None:
            break
        pending_join = False
        k += 1
        end_k = k
    if state.words == 0 or (state.opened_by_part and state.words == 1):
        return None
    return end_k, state


def _next_forms(text: str, tokens: list[Token], k: int, table: WordTable) -> list[str]:
    """The readings of the word right after token ``k`` (none if no word follows it)."""
    if k + 1 >= len(tokens) or not adjacent(text, tokens[k].end, tokens[k + 1].start):
        return []
    return [form for form, _ in table.variants(tokens[k + 1].word)]


def scale_next(text: str, tokens: list[Token], k: int, table: WordTable) -> int:
    """The scale the word right after token ``k`` names (0 if none)."""
    return next((table.scales[form] for form in _next_forms(text, tokens, k, table) if form in table.scales), 0)


def multiplier_next(text: str, tokens: list[Token], k: int, table: WordTable) -> bool:
    """Does the word right after token ``k`` multiply a count (a scale, "hundred", "dozen", "chục")?"""
    return any(form in table.multipliers or form in table.scales for form in _next_forms(text, tokens, k, table))


def _step(state: _State, word: str, table: WordTable, after_marker: bool, pending_join: bool) -> str | bool | None:
    """Apply one word to the state; "join" for a joining word, None when it ends the number."""
    halved, state.last_scale = state.last_scale, 0
    zero_before, state.zero = state.zero, False
    for form, had_and in table.variants(word):
        joined = had_and or pending_join
        if form in table.joiners and state.words and not pending_join:
            return "join"
        if after_marker and form in table.after_marker:
            state.current, state.last, state.words, state.ordinal = table.after_marker[form], table.after_marker[form], 1, True
            return True
        if form in table.halves and halved >= 100:
            state.total += halved // 2
            state.words += 1
            return True
        # Not after an ordinal: "the nineteenth century" is the 19th, not 1,900 (nor "the first dozen" 12).
        if form in table.multipliers and (state.last or zero_before) and not state.ordinal:
            m = table.multipliers[form]
            if form in table.quantity_nouns:
                state.counted = state.value
            state.current += state.last * (m - 1)
            state.last *= m
            state.words += 1
            state.last_scale = m
            return True
        # A scale that needs a count and has none is no scale here, though it may be a number word of
        # its own ("ألفا" alone is two thousand).
        if form in table.scales and not (state.words == 0 and form in table.needs_count):
            scale = table.scales[form]
            if state.words and state.value == 0:
                return None
            if joined and not state.current and scale > state.top_scale > 0:
                return None  # "ألف ومليون": a thousand and a million, never a thousand millions
            count = state.current or (0 if state.total else 1)
            if scale > state.top_scale:
                state.total = (state.total + count) * scale
                state.top_scale = scale
            else:
                state.total += count * scale
            state.current = state.last = 0
            state.words += 1
            state.last_scale = scale
            return True
        if form in table.multipliers and not state.words and form not in table.needs_count:
            m = table.multipliers[form]
            state.current = state.last = m
            state.words += 1
            return True
        found = table.lookup(form)
        if found is None:
            continue
        if form in table.compound_only and not state.words:
            state.opened_by_part = True  # valid only if more number words follow
        v, kind = found
        if not state.fits(v, joined, table):
            return None
        if kind == "ordinal" and state.current >= 100 and state.current % 100 == 0 and not joined:
            return None  # "the hundred and first", but "a couple of hundred first-time marathoners" are 200
        state.current += v
        state.last = v
        state.words += 1
        state.ordinal = state.ordinal or kind == "ordinal"
        state.zero = v == 0
        return True
    return None


def whole_number(phrase: str, table: WordTable) -> int | None:
    """The value of a phrase that is one whole number in the table's words, else None; a single word also
    where the reader leaves it alone for another sense ("năm giờ chiều", 5 p.m.: "năm" is also a year)."""
    found = find_word_numbers(phrase, table, tokenize(phrase, table), Occupied(len(phrase)))
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase) and found[0].kind == "cardinal":
        return int(found[0].value)
    return table.cardinals.get(table.normalize(phrase))


def find_word_numbers(text: str, table: WordTable, tokens: list[Token], taken: Occupied) -> list[NumberMention]:
    """Word numbers not overlapping what is ``taken`` (dates, digits found before)."""
    free = [not taken.overlaps(t.start, t.end) and not table.not_a_number(t.raw) for t in tokens]
    words = [t.word for t in tokens]
    found: list[NumberMention] = []
    i, dual_before = 0, -2
    while i < len(tokens):
        if not free[i]:
            i += 1
            continue
        readings = [w for w, _ in table.variants(tokens[i].word)]
        implied = next((v for w in readings if (v := table.implied(w)) is not None), None)
        # "الستين", "وستين" end like a dual and are sixty: a number word under any reading wins.
        if implied is not None and all(table.lookup(w) is None for w in readings):
            # Adjectives agree with their noun in the dual: "رميتين حرتين متتاليتين" (two straight free
            # throws), "ساعتين كاملتين" (two full hours) are one 2.
            after_two = dual_before == i - 1 or (found and found[-1].value == 2 and found[-1].end == tokens[i - 1].end)
            if not (after_two and adjacent(text, tokens[i - 1].end, tokens[i].start)):
                found.append(replace(_mention(text, tokens[i], tokens[i], Decimal(implied[0]), "cardinal"), alternates=tuple(map(Decimal, implied[1:]))))
            dual_before = i
            i += 1
            continue
        size = next((table.dual_nouns[w] for w in readings if w in table.dual_nouns), None)
        if size is not None:  # "عقدين", two decades: 20 years, or two of something
            found.append(replace(_mention(text, tokens[i], tokens[i], Decimal(2 * size), "cardinal"), alternates=(Decimal(2),)))
            i += 1
            continue
        decade = next((table.decades[w] for w, _ in table.variants(tokens[i].word) if w in table.decades), None)
        if decade is not None:
            # "الستينيات" is the 1960s, or the sixties of an age ("في الستينيات من العمر", "nhóm 60-69 tuổi")
            full, within = (Decimal(decade), ()) if decade >= 100 else (Decimal(1900 + decade), (Decimal(decade), *decade_years(Decimal(decade))[:1]))
            found.append(replace(_mention(text, tokens[i], tokens[i], full, "decade"), alternates=(*within, *decade_years(full))))
            i += 1
            continue
        part = _part_of(text, tokens, free, i, table)
        if part is not None:
            j, size, share = part
            first = i - 1 if _noun_before_half(text, tokens, free, i, j, table) else i
            found.append(_mention(text, tokens[first], tokens[j - 1], size * (1 + share) if first < i else size * share, "cardinal"))
            i = j
            continue
        if _noun_after_ordinal(text, tokens, i, table):
            i += 1  # "the 19th century" is the 19th, not also a century of 100 years
            continue
        parsed = _parse(text, tokens, free, i, table)
        if parsed is None:
            i += 1
            continue
        j, state = parsed
        # Joined by a hyphen to a unit, a number counts it: "a one-day spike" is one day (held-out
        # dev set n112), though "one day" alone is "some day"; "second-hand" stays no number.
        counts_unit = text[tokens[j - 1].end : tokens[j - 1].end + 1] == "-" and bool(units.unit_after(text, tokens[j - 1].end, table.lang))
        named = any(t.word in table.capitalised_names and t.raw[:1].isupper() for t in tokens[i + 1 : j])
        if (table.veto(words, i, j) or named) and not counts_unit:
            i = j  # not a number, nor is any word of it ("thứ Hai", Monday)
            continue
        after_noun = i > 0 and tokens[i - 1].word in table.ordinal_nouns and adjacent(text, tokens[i - 1].end, tokens[i].start)
        kind = "ordinal" if state.ordinal or tokens[i].word in table.ordinal_markers or after_noun else "cardinal"
        last, value = j - 1, state.value
        if kind == "cardinal" and j < len(tokens) and adjacent(text, tokens[j - 1].end, tokens[j].start):
            if (stop := phrase_end(text, tokens, j, table.percent_words)) is not None:
                kind, last, j = "percent", stop - 1, stop  # "seventy per cent", "سبعون بالمائة"
        counts = ([state.counted] if state.counted else []) + _loose_readings(tokens, i, j, state.value, table)
        if kind == "ordinal" and (months := _months_of_year_part(text, tokens, i, j, table)):
            counts.append(months)
        if kind == "ordinal" and (beyond := _ordinal_beyond(text, tokens, j, table)):
            j, added = beyond
            last, value = j - 1, value + added
        mention = _mention(text, tokens[i], tokens[last], Decimal(value), kind)
        found.append(replace(mention, alternates=tuple(Decimal(c) for c in counts)) if counts else mention)
        i = j
    return found


def _ordinal_beyond(text: str, tokens: list[Token], j: int, table: WordTable) -> tuple[int, int] | None:
    """(where it ends, what it adds) of a phrase right after an ordinal ending before token ``j`` that
    adds to it (``WordTable.ordinal_beyond``: "السابع والثمانين بعد المائة" is the 187th)."""
    if j >= len(tokens) or not adjacent(text, tokens[j - 1].end, tokens[j].start):
        return None
    return next(((stop, added) for phrase, added in table.ordinal_beyond.items() if (stop := phrase_end(text, tokens, j, (phrase,))) is not None), None)


def _loose_readings(tokens: list[Token], i: int, j: int, value: int, table: WordTable) -> list[int]:
    """Other values of the number of tokens ``i:j`` that translations give it: a loose multiplier's
    ("một chục", ten, for "a dozen"), a lone scale's dual ("مليونا دولار", two million dollars)."""
    last = {form for form, _ in table.variants(tokens[j - 1].word)}
    readings = [value // table.multipliers[form] * table.loose_multipliers[form] for form in last & set(table.loose_multipliers)]
    if j == i + 1:
        readings += [table.lone_duals[form] for form in last & set(table.lone_duals)]
    return readings[:1]


def _months_of_year_part(text: str, tokens: list[Token], i: int, j: int, table: WordTable) -> int:
    """The months of the part of the year named right after or before the ordinal of tokens ``i:j`` (0 if none)."""
    neighbours = [k for k, joined in ((j, j < len(tokens) and adjacent(text, tokens[j - 1].end, tokens[j].start)),
                                      (i - 1, i > 0 and adjacent(text, tokens[i - 1].end, tokens[i].start))) if joined]
    return next((table.year_parts[form] for k in neighbours for form, _ in table.variants(tokens[k].word) if form in table.year_parts), 0)


def _part_of(text: str, tokens: list[Token], free: list[bool], i: int, table: WordTable) -> tuple[int, Decimal, Decimal] | None:
    """(index after it, size, share) of a share of a scale or of a noun of quantity starting at token
    ``i`` ("half a million" is 500,000, "a quarter of a million" 250,000, not the million alone)."""
    for phrase, share in table.parts_before.items():
        words = phrase.split()
        end = i + len(words)
        if end >= len(tokens) or not all(free[i : end + 1]) or not all(adjacent(text, a.end, b.start) for a, b in zip(tokens[i:end], tokens[i + 1 : end + 1])):
            continue
        if not any(form == words[0] for form, _ in table.variants(tokens[i].word)) or [t.word for t in tokens[i + 1 : end]] != words[1:]:
            continue
        size = next((table.scales.get(form) or table.multipliers.get(form) for form, _ in table.variants(tokens[end].word) if form in table.scales or form in table.quantity_nouns), None)
        if size:
            return end + 1, Decimal(size), share
    return None


def _noun_before_half(text: str, tokens: list[Token], free: list[bool], i: int, j: int, table: WordTable) -> bool:
    """Is the half of tokens ``i:j`` joined by "and" to the noun it halves, said before it? Arabic
    "قرن ونصف القرن" (a century and half the century) is 150 years."""
    if i == 0 or not free[i - 1] or not adjacent(text, tokens[i - 1].end, tokens[i].start):
        return False
    if not any(had_and for _, had_and in table.variants(tokens[i].word)):
        return False
    noun = {form for form, _ in table.variants(tokens[j - 1].word) if form in table.quantity_nouns}
    before = {form for form, _ in table.variants(tokens[i - 1].word) if form in table.quantity_nouns}
    return bool(noun and before) and {table.multipliers[f] for f in noun} == {table.multipliers[f] for f in before}


def _noun_after_ordinal(text: str, tokens: list[Token], i: int, table: WordTable) -> bool:
    """A noun of quantity right after an ordinal in words or digits ("nineteenth century", "19th century")."""
    if i == 0 or not adjacent(text, tokens[i - 1].end, tokens[i].start):
        return False
    if not any(form in table.quantity_nouns for form, _ in table.variants(tokens[i].word)):
        return False
    before = tokens[i - 1].word
    digits = before.rstrip("abcdefghijklmnopqrstuvwxyz")
    return (table.lookup(before) or (0, ""))[1] == "ordinal" or (digits.isdigit() and before[len(digits):] in table.ordinal_suffixes)


def _mention(text: str, first: Token, last: Token, value: Decimal, kind: str) -> NumberMention:
    return NumberMention(
        start=first.start,
        end=last.end,
        text=text[first.start:last.end],
        value=value,
        kind=kind,
        display=display(value, kind),
        form="words",
    )

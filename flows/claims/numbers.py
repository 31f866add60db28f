"""Numbers as news writes them -> floats.

`scan_numbers(text)` finds every number expression ("1,500", "1.5 million", "20k",
"twenty-five", "a dozen", "half a million", "two-thirds", "one in five", "2 1/2",
"thousands of") and returns `NumberAtom`s with exact offsets and values. Scale
words are applied here; units, qualifiers and context are someone else's job.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimhouse.flows.claims.lexicon import LEXICON
from claimhouse.flows.claims.text_words import word_spans_of

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
FOLD_WORDS = {
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6,
    "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10, "twelvefold": 12,
    "twentyfold": 20, "hundredfold": 100, "thousandfold": 1000,
}

_ONE = "|".join(sorted(ONES, key=len, reverse=True))
_TEN = "|".join(TENS)
_SMALL = rf"(?:(?:{_TEN})(?:[- ](?:{_ONE}))?|(?:{_ONE}))"
# "a" and "an" count one before a scale word ("a million"), before "dozen", and before a time unit
# after a bound ("nearly a decade", "at least a month", "at least an hour and a half")
_A_UNIT = r"an?(?=(?:\s+and\s+a\s+half)?\s+(?:hour|day|week|month|year|decade|century)\b)"
_WORDNUM = rf"(?:{_SMALL}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|\s+dozen)?|a\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|an?\s+dozen|a\s+(?=(?:thousand|million|billion|trillion)\b)|{_A_UNIT})"
_SCALE_WORDS = r"thousand|million|billion|trillion|lakh\s+crore|lakh|crore"
_SCALE_SUFFIX = r"bn|mn|mln|tn|trn|cr|k|K|m|M|b|B"
_SPACED_SUFFIX = r"bn|mn|mln|tn|trn|cr"  # "$5 bn", "N11.98 trn", "Rs 300 cr" (a spaced "m" or "k" is a unit or a letter)
# the vulgar fractions of Unicode: "½ of donors", "1½ cups"
VULGAR_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
                    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_VULGAR = "".join(VULGAR_FRACTIONS)
_FRAC_W = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))
# thousands grouped by commas ("1,500"), by spaces ("2 400 000", "84 739") or by a comma and a
# stray space ("10, 000": only before 000)
_DIGITS = (r"(?:\d{1,3},\d{1,2}(?=\s*(?:%|per\s*cent|percent))|\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[.,]\d)|\d{1,3}(?:,\s000)+(?![\d,]\d)|\d+)"
           r"(?:\.\d+)?|\.\d+")

# a unit a fraction of one is told of: "half a percentage point", "a quarter of a point", "half a mile"
_ONE_UNIT_AHEAD = (r"(?=\s+(?:percentage[- ]points?|points?|basis[- ]points?|per\s*cent(?:age[- ]points?)?|percent|"
                   r"miles?|kilomet(?:re|er)s?|met(?:re|er)s?|kilos?|kilograms?|pounds?|lit(?:re|er)s?|gallons?|inch|"
                   r"foot|tonnes?|tons?|degrees?|cents?|hours?|days?|weeks?)\b)")

NUMBER_RE = re.compile(
    rf"""
    (?P<halfunit>\bhalf\s+an?{_ONE_UNIT_AHEAD})
  | (?P<halfa>\bhalf\s+an?\s+(?P<halfscale>{_SCALE_WORDS}|dozen)\b)
  | (?P<onein>\b(?P<onein_a>\d{{1,2}}|{_SMALL})\s+(?:in|out\s+of)\s+(?P<onein_b>\d{{1,3}}(?:,\d{{3}})*(?![\d.,]\d)|{_SMALL})\b(?!\s*%))
  | (?P<halfof>\bhalf(?=\s+of\s+(?!(?:the\s+)?(?:year|month|week|day|decade|century|season|game|match)s?\b)))
  | (?P<fscale>\b(?P<fscale_n>an?|one|two|three)[- ](?P<fscale_d>half|third|thirds|quarter|quarters)(?:\s+of\s+an?)?\s+(?P<fscale_s>thousand|million|billion|trillion)\b)
  | (?P<wfrac>\b(?P<wfrac_n>an?|one|two|three|four|five|six|seven|nine)[- ](?P<wfrac_d>{_FRAC_W})\b(?:\s+of\s+an?{_ONE_UNIT_AHEAD})?(?!\s+(?:of\s+(?:the\s+)?)?(?:century|centuries)\b))
  | (?P<vague>\b(?P<vague_w>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|billions)(?P<vague_of>\s+of\b)?(?![-\w]))
  | (?P<fold>\b(?P<fold_w>{"|".join(FOLD_WORDS)})\b)
  | (?P<mixed>(?<![\w.,/])(?P<mixed_i>\d+)\s+(?P<mixed_n>\d+)/(?P<mixed_d>\d+)(?![\w/]))
  | (?P<ufrac>(?<![\w.,/])(?P<ufrac_i>\d{{1,3}})?(?P<ufrac_f>[{_VULGAR}])(?![\w/]))
  | (?P<dfrac>(?<![\w.,/:])(?P<dfrac_n>\d{{1,2}})/(?P<dfrac_d>\d{{1,2}})(?![\w/]))
  | (?P<halfby>\bhalf\b(?!\s+(?:an?|of)\b|-))
  | (?P<digits>(?:(?<![\w.])|(?<=Rs\.)|(?<=\bc\.)|(?<=\bca\.)){_DIGITS})(?P<dhalf>\s+and\s+a\s+half\b)?
      (?:(?P<scale_sp>\s*-?\s*(?:{_SCALE_WORDS})\b|\s(?:{_SPACED_SUFFIX})\b)|(?P<scale_sfx>(?:{_SCALE_SUFFIX})(?![\w])))?
  | (?P<words>\b{_WORDNUM}\b)(?P<whalf>\s+and\s+a\s+half\b)?
      (?:(?P<wscale>\s+(?:{_SCALE_WORDS})\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberAtom:
    start: int
    end: int
    value: float
    form: str  # digits | words | fraction | vague | fold | onein
    raw: str
    scaled: bool = False  # a scale word or suffix was applied
    suffix_scale: str | None = None  # "m", "k", "bn"... when attached


def _word_value(s: str) -> float:
    s = s.lower().replace("-", " ")
    words = [w for w in s.split() if w not in ("and",)]
    if not words:
        return math.nan
    if words[0] in ("a", "an"):
        if len(words) == 1:
            return 1.0
        if words[1] == "dozen":
            return 12.0
        words = ["one"] + words[1:]
    total = 0.0
    current = 0.0
    for w in words:
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        else:
            return math.nan
    return total + current


_GROUPING_RE = re.compile(r"[,\s]")


def _digits_value(s: str) -> float:
    if _DECIMAL_COMMA_RE.fullmatch(s):
        return float(s.replace(",", "."))  # "3,5%": a decimal comma, read as written (NEWS_DEV conv. 7)
    return float(_GROUPING_RE.sub("", s))


# Where a digit (or the point of ".5") starts, only the forms of NUMBER_RE that open with a digit can
# match: those are tried there, in NUMBER_RE's order, which finds NUMBER_RE's match (every other form opens
# with a word: "half", "one", "dozens", "twofold"). The other forms' groups are kept, never set.
_FORM_SEP = "\n  | "  # how NUMBER_RE's source separates its forms
DIGIT_FORMS = ("onein", "mixed", "ufrac", "dfrac", "digits")


def _digit_forms_regex() -> re.Pattern:
    forms = NUMBER_RE.pattern.split(_FORM_SEP)
    names = [re.match(r"\s*\(\?P<(\w+)>", f).group(1) for f in forms]
    assert set(DIGIT_FORMS) <= set(names), names
    kept = [f for f, n in zip(forms, names, strict=True) if n in DIGIT_FORMS]
    unset = "".join(f"(?P<{g}>)" for f, n in zip(forms, names, strict=True) if n not in DIGIT_FORMS
                    for g in re.compile(f, NUMBER_RE.flags).groupindex)
    return re.compile(_FORM_SEP.join(kept) + _FORM_SEP + "(?!)" + unset, NUMBER_RE.flags)


DIGIT_NUMBER_RE = _digit_forms_regex()
_DECIMAL_COMMA_RE = re.compile(r"\d{1,3},\d{1,2}")


def _scale_of(word: str) -> float:
    w = " ".join(word.strip().lstrip("-").split())
    return LEXICON.scales.get(w) or LEXICON.scales.get(w.lower()) or 1.0


def _atom(m: re.Match) -> NumberAtom | None:
    g = m.group
    start, end = m.start(), m.end()
    raw = m.group(0)
    if g("digits") is not None:
        value = _digits_value(g("digits")) + (0.5 if g("dhalf") else 0.0)  # "2 and a half"
        if g("scale_sp"):
            return NumberAtom(start, end, value * _scale_of(g("scale_sp")), "digits", raw, True)
        if g("scale_sfx"):
            sfx = g("scale_sfx")
            return NumberAtom(start, end, value * _scale_of(sfx), "digits", raw, True, sfx)
        return NumberAtom(start, end, value, "digits", raw)
    if g("words") is not None:
        value = _word_value(g("words")) + (0.5 if g("whalf") else 0.0)  # "three and a half weeks"
        if math.isnan(value):
            return None
        if g("wscale"):
            return NumberAtom(start, end, value * _scale_of(g("wscale")), "words", raw, True)
        w0 = g("words").lower()
        if w0 in ("a", "an"):
            if not (_BOUND_BEFORE_RE.search(m.string, max(0, start - 24), start) or _UNIT_AND_A_HALF_RE.match(m.string, end)):
                return None  # "a year ago", "once a week": no quantity of its own
            return NumberAtom(start, end, value, "words", raw)
        if w0.startswith("a ") and not w0.startswith(("a hundred", "a dozen")):
            return None  # "a" not followed by a scale word here
        return NumberAtom(start, end, value, "words", raw)
    if g("halfunit") is not None:
        return NumberAtom(start, end, 0.5, "fraction", raw)  # "half a percentage point": 0.5 of the unit after
    if g("halfa") is not None:
        scale = g("halfscale").lower()
        return NumberAtom(start, end, 6.0 if scale == "dozen" else 0.5 * _scale_of(scale), "words", raw, True)
    if g("onein") is not None:
        a, b = g("onein_a"), g("onein_b").replace(",", "")
        num = float(a) if a.isdigit() else _word_value(a)
        denom = float(b) if b.isdigit() else _word_value(b)
        if not denom or math.isnan(denom) or math.isnan(num) or not 0 < num < denom:
            return None  # "nine in 10" is a share; "three in 2" is no share
        if not (denom <= 10 or math.log10(denom).is_integer()):
            # "18 out of 22 circles", "46 in 59 balls": two counts, like "28 of 30 economists" (the second
            # is found by the next scan step)
            return NumberAtom(start, start + len(a), num, "digits" if a.isdigit() else "words", a)
        return NumberAtom(start, end, num / denom, "onein", raw)
    if g("halfof") is not None:
        before = m.string[max(0, start - 12):start].lower()
        if before.rstrip().endswith(("first", "second", "latter", "back", "front", "other")):
            return None  # "the first half of 2024": a period
        return NumberAtom(start, end, 0.5, "fraction", raw)
    if g("halfby") is not None:
        if not _HALF_AFTER_RE.search(m.string, max(0, start - 16), start):
            return None  # "half" alone: "the second half", "half time"
        return NumberAtom(start, end, 0.5, "fraction", raw)  # "declined by nearly half", "less than half the"
    if g("wfrac") is not None:
        n = g("wfrac_n").lower()
        num = 1.0 if n in ("a", "an") else float(ONES[n])
        den = FRACTION_WORDS[g("wfrac_d").lower()]
        if n in ("a", "an", "one") and g("wfrac_d").lower().endswith("s"):
            return None
        return NumberAtom(start, end, num / den, "fraction", raw)
    if g("vague") is not None:
        w = " ".join(g("vague_w").lower().split())
        if g("vague_of") is None and not _bare_vague_counts(m.string, start, w):
            return None  # "in the thousands", "test scores", "two hundreds": no count of its own
        return NumberAtom(start, start + len(g("vague_w")), float(LEXICON.vague_plurals[w]), "vague", g("vague_w"))
    if g("fold") is not None:
        return NumberAtom(start, end, float(FOLD_WORDS[g("fold_w").lower()]), "fold", raw)
    if g("fscale") is not None:
        n = g("fscale_n").lower()
        num = 1.0 if n in ("a", "an") else float(ONES[n])
        den = FRACTION_WORDS[g("fscale_d").lower()]
        if num >= den:
            return None
        # "a quarter million", "three quarters of a million", "a half billion"
        return NumberAtom(start, end, num / den * _scale_of(g("fscale_s")), "words", raw, True)
    if g("ufrac") is not None:
        whole = float(g("ufrac_i")) if g("ufrac_i") else 0.0
        return NumberAtom(start, end, whole + VULGAR_FRACTIONS[g("ufrac_f")], "fraction" if not whole else "digits", raw)
    if g("mixed") is not None:
        d = float(g("mixed_d"))
        if d == 0:
            return None
        return NumberAtom(start, end, float(g("mixed_i")) + float(g("mixed_n")) / d, "fraction", raw)
    if g("dfrac") is not None:
        d = float(g("dfrac_d"))
        n = float(g("dfrac_n"))
        if d == 0 or n >= d:
            return None
        return NumberAtom(start, end, n / d, "fraction", raw)
    return None


# A vague plural with no "of" after it counts on its own ("Tens of thousands protested", "injuring hundreds",
# "bills for millions", "Dozens were arrested"), but not as a band ("in the thousands", "by their hundreds"),
# after a number ("two hundreds": centuries in cricket) or as "scores" (of a game, of a test)
_BARE_VAGUE_BLOCK_BEFORE_RE = re.compile(r"\b(?:the|their|its|his|her|our|your|my|in|into)\s+$|"
                                         rf"\b(?:{_SMALL}|\d[\d,.]*)\s+$", re.IGNORECASE)


def _bare_vague_counts(text: str, start: int, word: str) -> bool:
    if word == "scores":
        return False
    return _BARE_VAGUE_BLOCK_BEFORE_RE.search(text, max(0, start - 24), start) is None


_HALF_AFTER_RE = re.compile(r"\b(?:by|than|nearly|almost|about|around|roughly|some|over)\s+$", re.IGNORECASE)
_UNIT_AND_A_HALF_RE = re.compile(r"\s+(?:hour|day|week|month|year|decade|century)\s+and\s+a\s+half\b", re.IGNORECASE)
_BOUND_BEFORE_RE = re.compile(r"\b(?:nearly|almost|at\s+least|more\s+than|over|about|around|up\s+to|less\s+than|under|"
                              r"just\s+over|just\s+under|well\s+over|roughly|some)\s+$", re.IGNORECASE)


# Words a number expression can start with; NUMBER_RE is only tried where a word is
# one of these or starts with a digit (a set lookup per word is far cheaper than letting
# the big alternation try every position of the text).
START_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(FOLD_WORDS) | frozenset(
    {"a", "an", "half", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"})
# the letters of a currency prefix ("USD", "Rs", "N"; "US" of "$US"): where a word starts with them and goes
# on in digits, the number is looked for after them (the currency itself is told in cues.currency_before)
_GLUED_CURRENCY_RE = re.compile("(?:" + "|".join(sorted({re.sub(r"[^A-Za-z]", "", c) for c in LEXICON.currency_prefix} - {""},
                                                        key=len, reverse=True)) + r")(?=\d)")
_GLUED_WINDOW = 80


def scan_numbers(text: str) -> list[NumberAtom]:
    """Every number expression in `text`, in order, with exact offsets."""
    out = []
    covered = -1
    match, digit_match = NUMBER_RE.match, DIGIT_NUMBER_RE.match
    for start, _end, tok in word_spans_of(text):  # (the period finder asks for the same words)
        if start < covered:
            continue
        if tok.isalpha() and tok.lower() not in START_WORDS:
            continue  # most words: letters only (no digit, so no currency glued to one), and no number word
        offset = 0
        if tok[0] in VULGAR_FRACTIONS:
            m = digit_match(text, start)  # "½ of donors": a fraction sign opens a number as a digit does
            atom = _atom(m) if m else None
            if atom is not None:
                out.append(atom)
                covered = m.end()
            continue
        if tok[0].isdigit():
            if start > 0 and text[start - 1] == "." and (start < 2 or not text[start - 2].isalnum()):
                start -= 1  # ".5"
        elif tok.lower() not in START_WORDS:
            if tok.isalpha():
                continue  # no digit in the word, so no currency glued to a number either
            glued = _GLUED_CURRENCY_RE.match(tok)
            if glued is None:
                continue
            # "USD115", "$US10", "R2 400 000", "N417.74 billion": a currency code glued to the number
            # (matched on the rest of the text, so the number's own look-behind sees no letter)
            start += glued.end()
            offset = start
        if offset:
            m = digit_match(text[offset:offset + _GLUED_WINDOW], 0)  # a digit follows the glued letters
        else:
            m = digit_match(text, start) if tok[0].isdigit() else match(text, start)
        if m is None:
            continue
        if offset:
            atom = _atom(m)
            atom = atom and NumberAtom(atom.start + offset, atom.end + offset, atom.value, atom.form, atom.raw,
                                       atom.scaled, atom.suffix_scale)
            if atom is not None and math.isfinite(atom.value):
                out.append(atom)
                covered = offset + m.end()
            continue
        atom = _atom(m)
        if atom is not None and math.isfinite(atom.value):
            out.append(atom)
            covered = atom.end if atom.end < m.end() else m.end()
    return out


"""What a figure takes from its neighbours in the same sentence: a direction, a unit.

A figure often carries no change word of its own but sits in a change told next to it:

- "4.2% in July, up from 4.1%": the new level shares the direction of its baseline;
- "revenue of $30 billion, up 122% from a year earlier": the level shares the change after it;
- "rose 39.6% from a year earlier to NT$251.87 billion": the level reached after a change;
- "to 5,600 from 5,200", "down from a record of 906,000": the baseline of a change of level;
- "minus 23C (minus 9F)": a conversion in brackets is the same figure;
- "cut 1,800 jobs, or roughly 8% of its workforce": the same change told twice.

A bare number (no unit, no counted noun) told against a count of people is a count of people
too: "more than 520,000 people last year, up from about 248,000", "compared with about 98,000",
"Germany hosting about 1.2 million and Poland nearly 1 million", "killing 179 of the 181 people".

`lend_from_neighbours` takes the claims of one sentence in text order and returns them with
these filled in; a claim keeps a direction or unit of its own."""
from __future__ import annotations

import re
from dataclasses import replace

from claimhouse.flows.claims.cues import MOVED_FROM_RE
from claimhouse.flows.claims.lexicon import LEXICON, odd_case
from claimhouse.flows.claims.model import Claim

_BASELINE_BETWEEN_RE = re.compile(r"\b(?:up|down|higher|lower|rising|falling|increasing|decreasing|climbing|"
                                  r"dropping|compared|versus)\b[^.;]{0,25}\b(?:from|with|to|on)\s+(?:a\s+record\s+|"
                                  r"(?:the\s+)?(?:highs|lows|peaks|levels)\s+of\s+)?\W{0,2}$",
                                  re.IGNORECASE)
# "$30 billion, up 122%": a comma, then the change word right before the next figure
_CHANGE_AFTER_RE = re.compile(r"^[^.;:]{0,80}(?:,|\band(?:\s+(?:was|were|is|are|has|had|have))?)\s*"
                              r"(?:up|down|rising|falling|increasing|decreasing|higher|lower)"
                              r"(?:\s+by)?\s*$", re.IGNORECASE)
# "rose 39.6% from a year earlier to NT$251.87 billion": the level the change arrived at
_ARRIVED_AT_RE = re.compile(r"^(?:[^,.;:()]{0,60}|[^.;:()]{0,100},\s*)\bto\s+(?:an?\s+(?:new\s+)?(?:(?:record|high|low|median|"
                            r"average|total|peak|level)\s+)+(?:of\s+)?)?\W{0,2}$", re.IGNORECASE)
# "to 395,000 in 2025 from 485,000": the level the change started from
_STARTED_FROM_RE = re.compile(r"^(?:[^,.;:()]{0,40}|[^.;:()]{0,80},\s*)\bfrom\s+(?:a\s+(?:revised\s+)?(?:record|peak|high|low)\s+(?:of\s+)?)?"
                              r"\W{0,2}$", re.IGNORECASE)
# "an increase of Sh2.1 billion from the current budget of Sh40.7 billion": the baseline of a change
_CHANGE_FROM_RE = re.compile(r"^[^,.;:()]{0,40}\bfrom\s+(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:of|at)\s+\W{0,2}$",
                             re.IGNORECASE)
# "stood at Rs 220.15 crore, up by 52.8% against Rs 144.07 crore", "HK$345 million, an increase of 11% on the
# restated HK$311 million": the baseline a change is measured against
_AGAINST_RE = re.compile(r"^[\s,]*(?:(?:increase|rise|gain|jump|fall|drop|decline|decrease)\s+)?(?:against|compared\s+(?:with|to)|versus|vs\.?|on|over|(?:higher|lower|more|less|"
                         r"greater|bigger|smaller)\s+than)\s+(?:(?:the|a|its|their)\s+)?"
                         r"(?:(?:restated|revised|same|previous|prior)\s+)?(?:(?:last|the\s+previous|the\s+prior)\s+"
                         r"(?:week|month|quarter|year)['’]s\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:peak|high|low|record|level)\s+of\s+)?"
                         r"\W{0,2}$", re.IGNORECASE)
# "rose 27% to £988M (H1 2016: £777m)": the baseline told in brackets after its period
_BRACKETED_BASELINE_RE = re.compile(r"^\s*\(\s*[^():;,]{1,20}:\s*$")
# "14.2 million passengers last month, an 8% rise on ...", "10,306,293 passengers in 2019 (+5.9%": a level
# before the change told of it (conv. 51)
_CHANGE_TOLD_AFTER_RE = re.compile(r"^[^.;:()]{0,60}(?:,\s*(?:an?|the|almost|nearly|about|around|roughly|some)?|\(|"
                                   r"\bwith\s+an?)\s*"
                                   # "more than 25 million passengers ... in 2019, an increase of +11.2%"
                                   r"(?:(?<=\s)(?:(?:annual|yearly|sharp|slight|further|significant)\s+)?"
                                   r"(?:increase|rise|gain|jump|growth|decrease|fall|drop|decline)\s+of\s*)?$", re.IGNORECASE)
# "fell to 17.77 per cent and 30.95 per cent", "hitting lows at $49.93 and $42.36 per barrel": levels listed
# after one change verb share its direction
_LISTED_RE = re.compile(r"^(?:\s+(?:were|was|have\s+been|has\s+been)\s+[a-z]+)?(?:\s+in\s+[A-Z][a-z]+)?\s*,?\s*and\s*$")  # "64,000 jobs were added in September and 40,000"
_IN_BRACKETS_RE = re.compile(r"^\s*\(\s*(?:about|around|or|roughly|some|nearly)?\s*$", re.IGNORECASE)
# "cut 1,800 jobs, or roughly 8% of its workforce": the same change told twice
_APPOSITION_RE = re.compile(r"^\s*,?\s*or\s*$", re.IGNORECASE)


def _lends(prev: Claim, claim: Claim, between: str) -> tuple[bool, bool]:
    """(prev takes claim's direction, claim takes prev's direction)."""
    if claim.direction and not prev.direction and prev.kind == "level":
        if claim.kind == "level" and _BASELINE_BETWEEN_RE.search(between) and not _duration_beside_other(prev, claim):
            return True, False
        if claim.kind == "change" and (_CHANGE_AFTER_RE.match(between) or _CHANGE_TOLD_AFTER_RE.match(between)
                                       or between.strip() == ","):
            return True, False
    if claim.direction and not prev.direction and prev.kind == claim.kind == "level" and _CONVERSION_RE.match(between):
        return True, False  # "5.3 billion US dollars (£4.1 billion) ..., down 7%": the conversion took the change first
    if prev.direction and not claim.direction and claim.kind == "level":
        if _IN_BRACKETS_RE.match(between) or _APPOSITION_RE.match(between):
            return False, True
        if prev.kind == "change" and (_ARRIVED_AT_RE.match(between) or _CHANGE_FROM_RE.match(between)):
            return False, True
        if prev.kind == "level" and _STARTED_FROM_RE.match(between):
            return False, True
        if _AGAINST_RE.match(between):
            return False, True
        if prev.kind == "level" and _BRACKETED_BASELINE_RE.match(between):
            return False, True
        if (prev.kind == claim.kind or _is_bare(claim)) and _LISTED_RE.match(between) and _unit_head(prev) == _unit_head(claim):
            return False, True
    return False, False


def _duration_beside_other(prev: Claim, claim: Claim) -> bool:
    """"on the waiting list for more than six months, up from 197,067": the duration is a threshold of
    the count, not the new level of the baseline after it."""
    return LEXICON.unit_family(prev.unit) == "duration" and LEXICON.unit_family(claim.unit) != "duration"


def _unit_head(c: Claim) -> str | None:
    return c.unit.split("/", 1)[0] if c.unit else None


# the words that tie a bare number to the count before it ("up from", "compared with", "and")
_TIED_AFTER_RE = re.compile(r"\b(?:from|to|with|than|versus|vs|against|on|and|or|by)\s*[(\W]{0,2}$", re.IGNORECASE)
_PARTITIVE_BEFORE_RE = re.compile(r"^\s+(?:of|out\s+of)\s+(?:(?:the|its|their|all)\s+)?$", re.IGNORECASE)


def _is_bare(c: Claim) -> bool:
    return c.unit is None and c.kind != "ratio" and (c.quote[-1:].isdigit() or c.quote.endswith(
        ("thousand", "million", "billion", "trillion")))


# "10.8 per 100,000 people, up from 7.5", "rose to 16.82 in April from 15.92 per cent", "from 9.3 homicides per
# 100,000 in 1992 to 4.7": the two ends of one change of level are in one unit
_LEVEL_TO_LEVEL_RE = re.compile(r"^(?:[^,;:()]{0,30}\b(?:from|to)|\s*,\s*(?:up|down)\s+from)\s*$", re.IGNORECASE)


_DIMENSION_BETWEEN_RE = re.compile(r"^\s*(?:[x×]|by)\s*$")


def _lends_unit(prev: Claim, claim: Claim, between: str) -> tuple[bool, bool]:
    """(prev takes claim's unit, claim takes prev's unit): counts of people, and the two ends
    of a change of level."""
    if len(between) > 120 or ";" in between:
        return False, False
    if _DIMENSION_BETWEEN_RE.match(between) and prev.kind == claim.kind == "level":
        if _is_bare(prev) and claim.unit and LEXICON.unit_family(claim.unit) == "length":
            return True, False  # "12 x 8 x 4 inches", "10 by 12 feet": each side in the last side's unit
    if prev.kind == claim.kind == "level" and _LEVEL_TO_LEVEL_RE.match(between) and "duration" not in (
            LEXICON.unit_family(prev.unit), LEXICON.unit_family(claim.unit)):
        if _is_bare(claim) and prev.unit and prev.unit != "times":
            return False, True
        if _is_bare(prev) and claim.unit and claim.unit != "times":
            return True, False
    if prev.unit == "person" and _is_bare(claim) and _TIED_AFTER_RE.search(between):
        return False, True
    if claim.unit == "person" and _is_bare(prev) and _PARTITIVE_BEFORE_RE.match(between):
        return True, False
    return False, False


# "211,434 patients had been on the list for more than six months, up from 197,067", "a 5.5 percent increase to
# 101.5 million passengers, while Beijing saw a 4.4 percent increase to 89.9 million", "9,631 people in hospital,
# a 37% increase on last week's 7,024": a bare number tied to a count of people told a figure or two before it
# (with only shares, durations and money between) counts people too
_TIED_OR_OWNED_RE = re.compile(r"(?:\b(?:from|to|with|than|versus|vs|against|on|and|or|by)|['’]s)\s*[(\W]{0,2}$", re.IGNORECASE)
_LOOK_BACK = 3  # figures a bare number may look back over for its count: bounds the work per figure


def _lend_people_across(claims: list[Claim], text: str) -> list[Claim]:
    out = list(claims)
    for k in range(2, len(out)):
        claim = out[k]
        if not _is_bare(claim) or claim.span_start < out[k - 1].span_end or not _TIED_OR_OWNED_RE.search(
                text, max(out[k - 1].span_end, claim.span_start - 40), claim.span_start):
            continue
        for j in range(k - 1, max(-1, k - 1 - _LOOK_BACK), -1):
            other = out[j]
            if other.unit == "person":
                if j < k - 1:
                    out[k] = replace(claim, unit="person")
                break
            if other.unit is None or other.unit == "times":
                break  # another count or ratio stands between
    return out


_ISO_RE = re.compile(r"[A-Z]{3}")
_RATE_DENOMINATORS = frozenset({"barrel", "tonne", "gallon", "litre", "ounce", "kg", "pound_mass", "share", "MWh", "kWh",
                                 "location"})
# "earned an average of $92,835 in its lone theater", "a per-theatre average below $10,000": box-office averages
# are per location even without "per"
_AVERAGE_BEFORE_RE = re.compile(r"\baverage(?:\s+(?:of|was|is|at|below|above))?\s*$", re.IGNORECASE)
_VENUES_RE = re.compile(r"\b(?:theat(?:er|re)s?|screens|cinemas|locations|venues)\b", re.IGNORECASE)
_RATE_RATIO = 50.0  # "$22.06 per barrel ... up $1.33 ... at $21.72": figures of one price are of one size
# "A barrel of Brent crude was trading at $84.06": the sentence prices one unit of something
_PRICED_UNIT_RE = re.compile(r"\b(?:a|one|per|each)\s+(barrel|gallon|litre|liter|tonne|ounce)\s+of\b", re.IGNORECASE)
_PRICED_UNIT_NAMES = {"liter": "litre"}


# "earnings per share this year were HK$0.97, compared with HK$0.87", "earnings per share climbed 41% to 15.94P":
# the money figures told after the per-share measure are per share
_PER_SHARE_RE = re.compile(r"\b(?:(?:earnings|dividends?|profits?|losses|loss|income)\s+per\s+(?:ordinary\s+)?share|EPS)\b",
                           re.IGNORECASE)
_PER_SHARE_MAX = 1000.0  # a per-share figure is a small sum; "£988M" beside it is a total


# What a match of each case-insensitive search below needs in the lower-cased sentence (one of them):
# a sentence with none of them skips the search (see lexicon.odd_case for the texts that never do).
# (substrings, told by `in` tests: cheaper than one search of their alternation)
_PER_SHARE_NEEDS = ("per", "eps")
_IMPERIAL_NEEDS = ("mph", "inch", "miles", "°f", "fahrenheit")
_IMPERIAL_NEEDS_RE = re.compile(r"\d[fF]")  # "80F", or else one of _IMPERIAL_NEEDS
_VENUES_NEEDS = ("theat", "screens", "cinemas", "locations", "venues")
_PRICED_NEEDS = ("barrel", "gallon", "litre", "liter", "tonne", "ounce")


def _may_match(needs: tuple[str, ...], sentence: str, needs_re: re.Pattern | None = None) -> bool:
    low = sentence.lower()
    for sub in needs:
        if sub in low:
            return True
    return (needs_re is not None and needs_re.search(low) is not None) or odd_case(sentence)


def _lend_per_share(claims: list[Claim], sentence: str) -> list[Claim]:
    m = _PER_SHARE_RE.search(sentence) if _may_match(_PER_SHARE_NEEDS, sentence) else None
    if not m:
        return claims
    return [replace(c, unit=f"{c.unit}/share") if c.unit and _ISO_RE.fullmatch(c.unit) and c.value is not None
            and abs(c.value) < _PER_SHARE_MAX and c.span_start - c.sentence_start >= m.end() else c for c in claims]


# US forecasts give bare temperatures in °F (NEWS_DEV conv. 47): "Temperature falling to around 16 by 5pm, with a
# northeast wind 9 to 18 mph", "wind chill values as low as -6", "highs around 60", "wind chills around 10 degrees"
_TEMPERATURE_CUE_RE = re.compile(r"\b(?:temperatures?|highs?|lows?|wind\s+chills?(?:\s+values)?|mercury|thermometers?)"
                                 r"(?:\s+(?:will\s+)?(?:falling|rising|dropping|climbing|fall|rise|drop|climb|reach|"
                                 r"reaching|of|around|near|in|into|at|to|as\s+(?:low|high)\s+as)){0,3}\s*$", re.IGNORECASE)
_IMPERIAL_RE = re.compile(r"\d\s*mph\b|\binch(?:es)?\b|\bmiles\b|°F|\d+F\b|\bFahrenheit\b", re.IGNORECASE)
_CELSIUS_RE = re.compile(r"°C|\d+C\b|\bcelsius\b|\bkm/h\b|\bcm\b|\bmm\b", re.IGNORECASE)


def _lend_fahrenheit(claims: list[Claim], sentence: str) -> list[Claim]:
    if not _may_match(_IMPERIAL_NEEDS, sentence, _IMPERIAL_NEEDS_RE) or not _IMPERIAL_RE.search(sentence) or _CELSIUS_RE.search(sentence):
        return claims
    out = []
    for c in claims:
        at = c.span_start - c.sentence_start
        if (c.unit == "degree" or _is_bare(c)) and _TEMPERATURE_CUE_RE.search(sentence[max(0, at - 40):at]):
            c = replace(c, unit="fahrenheit")
        out.append(c)
    return out


def _is_average_takings(c: Claim) -> bool:
    at = c.span_start - c.sentence_start
    return bool(c.unit and _ISO_RE.fullmatch(c.unit) and _AVERAGE_BEFORE_RE.search(c.sentence[max(0, at - 30):at]))


def _lend_rates(claims: list[Claim], sentence: str) -> list[Claim]:
    """A money figure with no rate of its own takes the per-unit rate of a figure in the same
    currency told in the same sentence ("$28.57 a barrel and were up 4.8%, or $1.31, at $28.51"),
    or of a unit the sentence prices ("A barrel of Brent crude was trading at $84.06 (£74.45)")."""
    if _may_match(_VENUES_NEEDS, sentence) and _VENUES_RE.search(sentence):
        claims = [replace(c, unit=f"{c.unit}/location") if _is_average_takings(c) else c for c in claims]
    rated = [c for c in claims if c.unit and "/" in c.unit and c.unit.split("/", 1)[1] in _RATE_DENOMINATORS
             and _ISO_RE.fullmatch(c.unit.split("/", 1)[0])]
    priced = _PRICED_UNIT_RE.search(sentence) if _may_match(_PRICED_NEEDS, sentence) else None
    if not rated and not priced:
        return claims
    out = []
    for c in claims:
        if c.unit and _ISO_RE.fullmatch(c.unit) and c.value is not None:
            same = [r for r in rated if r.unit.split("/", 1)[0] == c.unit and r.value
                    and 1 / _RATE_RATIO <= abs(c.value / r.value) <= _RATE_RATIO]
            if same:
                c = replace(c, unit=same[0].unit)
            elif priced and not rated and abs(c.value) < 1e6:
                den = priced.group(1).lower()
                c = replace(c, unit=f"{c.unit}/{_PRICED_UNIT_NAMES.get(den, den)}")
        out.append(c)
    return out


_CONVERSION_RE = re.compile(r"^\s*\(\s*$")
_FROM_AFTER_CHANGE_RE = re.compile(r"\b(?:up|down)\s+from\s+$", re.IGNORECASE)


def _same_figure(prev: Claim, claim: Claim, between: str) -> Claim:
    """What a figure takes from the one it restates: a conversion in brackets shares the qualifier
    (`around $130 (£115)`, `more than 20 miles (32km)`, conv. 19); an apposition after a change is a
    change too (`down by 1.09% or Rs 13.60`, `up 6.5%, or $1.33`)."""
    if (_CONVERSION_RE.match(between) and claim.qualifier == "exact" and prev.qualifier in ("approximate", "lower_bound", "upper_bound")
            and prev.unit and claim.unit and prev.unit != claim.unit and claim.value is not None):
        low, high = {"lower_bound": (claim.value, None), "upper_bound": (None, claim.value)}.get(prev.qualifier, (None, None))
        claim = replace(claim, qualifier=prev.qualifier, low=low, high=high)
    if _APPOSITION_RE.match(between) and prev.kind == "change" and claim.kind == "level" and claim.direction == prev.direction:
        claim = replace(claim, kind="change")
    if (_FROM_AFTER_CHANGE_RE.search(between) and prev.kind == "change" and claim.kind == "level" and claim.direction
            and prev.unit == claim.unit == "percent"):
        claim = replace(claim, kind="change")  # "rose by 6.2% ..., up from 5.5%": the earlier growth rate (conv. 21)
    return claim


_TO_AFTER_RE = re.compile(r"\s+to\s")
_AND_BEFORE_RE = re.compile(r"^[^.;:]{0,40}?\band\s*$")
_AND_BETWEEN_RE = re.compile(r"\s*(?:,\s*)?(?:and|or)\s*")
_CHANGE_NOUN_AFTER_RE = re.compile(r"\s*(?:increase|rise|fall|drop|decline|decrease|gain|jump)s?\b", re.IGNORECASE)
_CHANGE_NOUN_END_RE = re.compile(r"\b(?:increase|rise|fall|drop|decline|decrease|gain|jump)s?$", re.IGNORECASE)


def _lend_parallel_changes(out: list[Claim], text: str) -> list[Claim]:
    """Changes told in parallel: "fell 10.9% to $902,786 in Sydney and 10.6% to $740,425 in Melbourne" (the
    second share is a fall to the second level, as the first), "an 11.2% and 2.4% increase" (both rises)."""
    for k, c in enumerate(out):
        if c.kind != "level" or c.unit not in ("percent", "percentage_point"):
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if nxt is not None and nxt.kind == "change" and nxt.direction and c.direction in (None, nxt.direction) and \
                nxt.unit == c.unit and \
                (_CHANGE_NOUN_END_RE.search(nxt.quote) or _CHANGE_NOUN_AFTER_RE.match(text, nxt.span_end)) and \
                _AND_BETWEEN_RE.fullmatch(text, c.span_end, nxt.span_start):
            out[k] = replace(c, direction=nxt.direction, kind="change")  # "an 11.2% and 2.4% increase"
            continue
        if c.direction or k < 2 or nxt is None or not _TO_AFTER_RE.match(text, c.span_end) or \
                not _AND_BEFORE_RE.match(text[out[k - 1].span_end:c.span_start]):
            continue
        first = out[k - 2]
        if first.kind == "change" and first.direction and first.unit == c.unit and \
                _TO_AFTER_RE.match(text, first.span_end) and out[k - 1].unit == nxt.unit:
            out[k] = replace(c, direction=first.direction, kind="change")  # "fell 10.9% to X ... and 10.6% to Y"
    return out


_TO_ONLY_RE = re.compile(r"\s*(?:in\s+\w+\s+)?to\s+(?:an?\s+)?")


def _lend_moved_to(out: list[Claim], text: str) -> list[Claim]:
    """"went from 3% to 5%": the level moved to has the move's direction, as the one it moved from."""
    for k in range(1, len(out)):
        prev, c = out[k - 1], out[k]
        if prev.direction and not c.direction and prev.kind == c.kind == "level" and \
                _TO_ONLY_RE.fullmatch(text, prev.span_end, c.span_start) and \
                MOVED_FROM_RE.search(text, max(0, prev.span_start - 40), prev.span_start):
            out[k] = replace(c, direction=prev.direction)
    return out


def lend_from_neighbours(claims: list[Claim], text: str) -> list[Claim]:
    """The claims of one sentence (in text order) with the directions and units their
    neighbours lend."""
    out = _lend_moved_to(_lend_parallel_changes(list(claims), text), text)
    for k in list(range(1, len(out))) * 2:  # twice: a direction lent back to one figure is lent on to the next
        prev, claim = out[k - 1], out[k]
        if claim.span_start < prev.span_end:
            continue
        between = text[prev.span_end:claim.span_start]
        back, forward = _lends(prev, claim, between)
        if back:
            prev = out[k - 1] = replace(prev, direction=claim.direction)
        elif forward:
            claim = out[k] = replace(claim, direction=prev.direction)
            if prev.kind == "change" and claim.kind == "level" and _is_bare(claim) and _LISTED_RE.match(between):
                claim = out[k] = replace(claim, kind="change")  # "64,000 jobs were added in September and 40,000"
        claim = out[k] = _same_figure(prev, claim, between)
        if _CONVERSION_RE.match(between) and prev.unit and _ISO_RE.fullmatch(prev.unit) and claim.unit and \
                "/" in claim.unit and _ISO_RE.fullmatch(claim.unit.split("/", 1)[0]):
            prev = out[k - 1] = replace(prev, unit=f"{prev.unit}/{claim.unit.split('/', 1)[1]}")  # "$92.74 (£82.13) a barrel"
        back, forward = _lends_unit(prev, claim, between)
        if back:
            out[k - 1] = replace(prev, unit=claim.unit)
        elif forward:
            out[k] = replace(claim, unit=prev.unit)
    out = _lend_people_across(out, text)
    if out:
        sentence = out[0].sentence
        out = _lend_rates(_lend_fahrenheit(_lend_per_share(out, sentence), sentence), sentence)
    return out

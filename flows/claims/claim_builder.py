"""One Claim constructor, in named steps.

A number found in a sentence becomes a `Draft` (the quote's bounds and what is known so
far), and each step below decides one thing about it, in this order: the number itself
(sign, attached letters, precision), the direction written before it, range or unit,
qualifier, direction and kind, subject and counted noun, rate, then the context (place,
period, modality). `build_claim` turns any draft - a number's or a multiplier's ("doubled")
- into the frozen `Claim`, with its asserted interval and check-worthiness.

The steps read the sentence through the `_Sentence` of extract.py: its text and bounds,
its blocked spans, places, periods and attribution, and its remembered cue lookups."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimhouse.flows.claims import cues, intervals
from claimhouse.flows.claims.lexicon import LEXICON, odd_case
from claimhouse.flows.claims.model import Claim
from claimhouse.flows.claims.numbers import NumberAtom
from claimhouse.flows.claims.periods import choose_period
from claimhouse.flows.claims.places import choose_nationality, choose_place
from claimhouse.flows.claims.subjects import THE_BEFORE_RE, choose_subject, subject_after, subject_before

CONTEXT_CHARS = 300  # how far around a number its cues are looked for: bounds the work per number
_VALUE_CAP = 1e18
_TIMES_RATIO_RE = re.compile(r"\s*(?:as|more|higher|greater|larger|bigger|less|lower|smaller|the|over|faster|"
                             r"slower|than|that|what)\b", re.IGNORECASE)
_PARTITIVE_RE = re.compile(r"\s+of\s+(?:its|their|the|our|his|her|these|those|[A-Z][\w.&-]*['’]s)\s+(?:[a-z-]+\s+)?"
                           r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b)",
                           re.IGNORECASE)
# "eight of his prized classic cars", "three of them": a count of a part; "one of three lanes": one of a count
_PART_OF_PLURAL_RE = re.compile(r"\s+of\s+(?:(?:its|their|the|our|his|her|these|those|[A-Z][\w.&-]*['’]s)\s+"
                                r"(?:[a-z-]+\s+){0,3}[a-z-]{3,}s\b|them\b|us\b)")
_ONE_OF_COUNT_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)")
# ("the two of them" is a pronoun; "is one of 10 players" names a member, "leaving one of three lanes shut" counts)
_COPULA_BEFORE_RE = re.compile(r"\b(?:is|was|are|were|be|been|being|as|becomes?|became|remains?|remained)\s+$", re.IGNORECASE)
_SAID_WOULD_RE = re.compile(r"\b(?:said|says|announced|pledged|promised|confirmed)\s+(?:that\s+)?(?:it|they|he|she|we|the\s+\w+)\s+"
                            r"would\b(?![^,.;]*\bif\b)", re.IGNORECASE)
_LOSS_OF_RE = re.compile(r"\bloss(?:es)?\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE)
_ORDINAL_NOUN_RE = re.compile(r"\s+(?!of\b|points?\b|percentage\b)[a-z][\w-]*", re.IGNORECASE)
_MINUS_RE = re.compile(r"\bminus\s+$", re.IGNORECASE)
_ESTIMATED_RE = re.compile(r"\b(?:is|are|was|were)\s+estimated\b|\bestimates?\s+(?:that|of|show)", re.IGNORECASE)
_THRESHOLD_CUES = frozenset({"below", "above", "under", "past", "beyond", "beneath", "topping", "topped", "surpassing",
                             "surpassed", "passed", "exceeding", "exceeded", "crossed the"})
_ESTIMATE_CUES = ("an estimated", "estimated", "est.")
_EXACT_COUNT_CUES = ("just", "only")
_SPEED_UNITS = ("km/h", "mph", "m/s")
_CALENDAR_DENOMINATORS = ("day", "week", "month", "year")
_PERSON_SUFFIXES = ("makers", "workers", "holders", "goers", "seekers", "dwellers", "owners", "payers", "earners",
                    "takers", "masters", "keepers", "riders", "drivers", "buyers", "renters", "borrowers", "savers",
                    "viewers", "listeners", "subscribers", "officers", "members", "voters", "users", "citizens")
_OVER_AS_BOUND_AFTER = frozenset({"for", "in", "of", "after", "by", "within", "took", "take", "takes", "taking", "lasted", "last",
                                  "lasts", "lasting", "wait", "waits", "waiting", "spent", "spend", "spends", "serve",
                                  "serves", "served", "serving", "aged", "is", "was", "are", "were", "been", "be", "and", "or",
                                  "than", "at", "to", "from", "since", "just", "well", "some", "about", "nearly"})
_WORD_BEFORE_RE = re.compile(r"([\w'’-]+)\W*$")
_MULTIPLIER_VALUE = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0,
                     "quadrupled": 4.0, "halved": 0.5, "halving": 0.5,
                     "double": 2.0, "triple": 3.0, "quadruple": 4.0, "twice": 2.0}
# "double", "triple", "twice" are a multiplier only when qualified ("more than double") or
# comparing ("twice the global average", "twice as many"); "a double room" is none
_BARE_MULTIPLIERS = frozenset({"double", "triple", "quadruple", "twice"})
_COMPARING_RE = re.compile(r"\s+(?:the|that|what|as|its|their|his|her)\b", re.IGNORECASE)
# "-53.7% compared with February 2019", "-11% to £449m", "-4% year-on-year": a signed change, not a level
_COMPARED_AFTER_RE = re.compile(r"\s*(?:\)\s*)?(?:compared|versus|vs\.?|against|from|to\b|on\s+(?:the|a|last)\b|"
                                r"year[- ]on[- ]year|y/y|yoy|month[- ]on[- ]month|m/m|over\s+the)", re.IGNORECASE)
_US_AFTER_SIGN_RE = re.compile(r"\s?US(?![A-Za-z])")  # "$US102": a US dollar written the Australian way
# "the number of patients", "the total number of passengers": the subject names what the figure counts
_NUMBER_OF_RE = re.compile(r"(?:the\s+)?(?:total\s+)?number\s+of\s+([a-z-]+)(?:\s+([a-z-]+))?", re.IGNORECASE)
_PERSON_COMPOUND_RE = re.compile(r"-(?:member|person|man|woman|strong)\b", re.IGNORECASE)
_LOGGED_RE = re.compile(r"\s+(?:recorded|reported|registered|committed|logged|confirmed|diagnosed)(?=\s)", re.IGNORECASE)
# verbs whose bare object is people: "arrested more than a dozen", "killing at least 30"
_PEOPLE_VERB_BEFORE_RE = re.compile(r"\b(?:kill(?:ed|ing|s)|injur(?:ed|ing|es)|wound(?:ed|ing|s)|arrest(?:ed|ing|s)|"
                                    r"detain(?:ed|ing|s)|evacuat(?:ed|ing|es)|rescu(?:ed|ing|es)|hospitali[sz](?:ed|ing)|"
                                    r"employ(?:ed|ing|s)|hir(?:ed|ing|es)|sack(?:ed|ing)|laid\s+off|lay(?:ing)?\s+off)\s+"
                                    r"(?:(?:at\s+least|more\s+than|about|around|some|nearly|almost|up\s+to|over|an\s+estimated|"
                                    r"another|only|just)\s+)?$", re.IGNORECASE)
_STARTS_AT_BEFORE_RE = re.compile(r"\b(?:start(?:s|ing|ed)?|pric(?:es|ed|ing)\s+start(?:s|ing)?)\s+(?:at|from)\s+"
                                  r"(?:(?:an?|just|only)\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)
_COUNTED_BEFORE_OVER_RE = re.compile(r"\d[\d,.]*\s+(?:[a-z-]+\s+){0,3}[a-z]{3,}s\s+$")
_OLD_AFTER_RE = re.compile(r"-old\b(?!-)")
# a height in feet and inches with primes: 5'11", 6′2″
_FEET_INCHES_RE = re.compile(r"['’′]\s?(\d|1[01])(?:\"|”|″|'')")
_BRACKETED_UNIT_RE = re.compile(r"\s?\((\s?[^\W\d][\w/°²³]{0,5}\s?)\)")
_BELOW_ZERO_RE = re.compile(r"\s+below\s+zero\b", re.IGNORECASE)
_COMPOUND_BIG_UNITS = frozenset({"foot", "pound_mass", "stone", "m"})  # extract._COMPOUND_MEASURES' bigger units
# what an amount of money is "in": "raised $6mn in seed funding", "caused $5.5 billion in damage", "$50 billion in loans"
_MONEY_IN_RE = re.compile(r"\s+in\s+(?P<np>(?:(?!the\b|a\b|an\b|its\b|their\b)[a-z-]+\s+)?(?P<head>damages?|assets|funding|"
                          r"loans?|restitution|fines?|revenues?|sales|profits?|aid|bonuses|investments?|taxes|compensation|"
                          r"donations|debts?|spending|subsidies|grants?|contracts?|losses|costs|fees|savings|deposits|capital|"
                          r"financing|bail|reparations|relief|funds|payments?|refunds|wages|dividends|pledges|"
                          r"orders|bets|winnings|stolen\s+goods|transactions|bribes|property|goods|exports|imports)\b)")
_OF_AFTER_RE = re.compile(r"\s+of\b", re.IGNORECASE)
_MONEY_VERB_BEFORE_RE = re.compile(r"\b(?:spen[dt]|spending|cost(?:s|ing)?|raised?|raising|pa(?:y|id|ying)|worth|lost|los(?:e|ing)|"
                                   r"earn(?:ed|ing|s)?|owe[ds]?|invest(?:ed|ing|s)?|sav(?:ed|ing)|made|mak(?:e|ing)|"
                                   r"charg(?:ed|ing)|fined|sued\s+for|won)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BAR_BEFORE_RE = re.compile(r"(?:\b(?:well|just|far|comfortably)\s+)?\b(above|below|under|over|past|beyond|cross|crossed|crossing|"
                            r"break|broke|breaking|topping|topped|exceeding|exceeded|passing|passed)\s+the\s+"
                            r"(?:[a-z-]+\s+){0,3}?$", re.IGNORECASE)
_BAR_AFTER_RE = re.compile(r"\s*(?:[a-z-]+\s+)?(?:mark|barrier|threshold|level|bracket|line|milestone|ceiling|cap)\b",
                           re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_UNIT_MARK_RE = re.compile(r"[\d.,\s]+|\b(?:thousand|million|billion|trillion|bn|m|k)\b")
_BAR_BELOW = frozenset({"below", "under"})
_BAR_CROSSED = frozenset({"cross", "crossed", "crossing", "break", "broke", "breaking", "topping", "topped", "passing", "passed"})
# "56 of the 59 seats", "20 of 29 economists", "three of the 10 break points": a part of a counted total
_OF_PLURAL_AT_RE = re.compile(r"\s+of\s+(?:its|their|the|our|his|her|these|those)\s+(?=(?:[a-z-]+\s+){0,3}[a-z-]{3,}s\b)")
_OF_TOTAL_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?(?:\d[\d,.]*|(?:two|three|four|five|six|seven|"
                          r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b)\s*(?=[A-Za-z])")
# a verb that raises its object, then the object, then the share it rose by
_RAISED_BEFORE_RE = re.compile(r"\b(?:lifted|lifts|lifting|raised|raises|raising|hiked|hikes|hiking|boosted|boosts)\s+"
                               r"(?:(?:its|their|his|her|the|our)\s+)?(?:[a-z][\w'’-]*\s+){1,4}$")
_RATE_ADVERB_RE = re.compile(r"\s+(?:daily|weekly|monthly|annually|yearly)\b", re.IGNORECASE)
_SHARE_UNITS = ("percent", "percentage_point", "basis_point")
# a count of people named just before a bare number, with only linking words between
_PEOPLE_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(LEXICON.population_nouns, key=len, reverse=True)) + r")\s+"
                               r"(?:(?:of|was|were|is|are|at|to|totalled|totaled|reached|hit|stood|rose|fell|grew|climbed|"
                               r"increased|decreased|dropped|jumped|has|have|had|been|now|managed|stay|stayed|inside|some|"
                               r"about|around|nearly|almost|over|more|than|close|just|under|[\d.,]+%?|per|cent|percent|"
                               r"year-on-year|by)\s+){0,8}$", re.IGNORECASE)
_JOB_NOUNS = frozenset({"jobs", "posts", "positions", "roles", "vacancies", "workers", "staff", "employees", "homes"})
# "less than half the 147 dollar high", "less than half that", "nearly 1/3 as many": a fraction of a figure
_FRACTION_OF_FIGURE_RE = re.compile(r"\s+(?:that\b|as\s+(?:many|much|big|large|fast|high|long)\b|the\s+(?:[\w-]+\s+){0,2}?"
                                    r"[$£€]?\d)", re.IGNORECASE)
# "estimated" that is about this figure ("was estimated to reach 5 billion", "an estimated deficit of N85.47
# billion"), not any "estimated" earlier in the sentence ("is estimated at Rs 33.74 lakh crore, compared with ...")
_ESTIMATED_OF_RE = re.compile(r"\bestimated\s+(?:\w+\s+)?$|\bestimated\s+to\s+\w+\s+(?:\w+\s+)?$|"
                              r"\bestimated\s+(?:[a-z-]+\s+){1,3}(?:of|at)\s+$|"  # "the estimated global rate of 7.6"
                              r"\bestimated\s+that\s+[^.;:]{0,40}$", re.IGNORECASE)  # "It is estimated that by 2026, one million"
_SHARE_CONTEXT_RE = re.compile(r"%|percent|per cent|\brate\b|\bshare\b|\bpoll", re.IGNORECASE)
_PEOPLE_SUBJECT_RE = re.compile(r"(?i)people\b|persons\b|individuals\b")
_IDIOM_AFTER_MULTIPLIER_RE = re.compile(r"\s+(?:their|his|her|its|the)\s+(?:lead|advantage|tally)\b", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    """A claim being built: the quote [qs, qe) and what the steps have decided so far."""

    qs: int
    qe: int
    value: float | None
    unit: str | None = None
    kind: str = "level"
    direction: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    cue: str | None = None  # the qualifier's words ("about", "more than")
    precision: float = 0.0
    consumed: int = 0  # where the next number may start
    dir_before: tuple | None = None  # (direction, kind) written before the number
    dir_from: int = 0  # the position dir_before was looked up from
    dir_after: tuple | None = None  # (direction, end) written after it
    subject: str | None = None
    head: str | None = None  # the counted noun ("migrants" in "400,000 migrants")
    np_end: int = 0  # end of the noun phrase after the number
    has_subject_after: bool = False
    sign: str | None = None  # "+" or "-" written before the number ("+236%", "(-)0.4")
    plus_bound: bool = False  # "35+ hours": the bound's sign between number and unit
    place: str | None = None
    period: object | None = None
    modality: str = "asserted"


# -- the one constructor --------------------------------------------------------------------
def build_claim(s, d: Draft) -> Claim:
    """The Claim a finished draft stands for, with its asserted interval and check-worthiness."""
    ilo, ihi = intervals.asserted_interval(d.value, d.low, d.high, d.qualifier, d.precision, d.cue)
    period = d.period
    attribution = s.attribution_at(d.qs)
    return Claim(
        span_start=d.qs,
        span_end=d.qe,
        quote=s.text[d.qs:d.qe],
        sentence=s.text[s.start:s.end],
        value=_clean(d.value),
        low=_clean(d.low),
        high=_clean(d.high),
        unit=d.unit,
        qualifier=d.qualifier,
        direction=d.direction,
        kind=d.kind,
        subject=d.subject,
        place=d.place,
        period_start=period.period_start if period else None,
        period_end=period.period_end if period else None,
        period_partial=bool(period and period.partial),
        modality=d.modality,
        attribution=attribution,
        checkworthiness=checkworthiness(d.unit, d.subject, d.place, period is not None and period.period_start is not None,
                                        attribution, d.qualifier, d.direction, d.value, d.modality),
        interval_low=_clean(ilo),
        interval_high=_clean(ihi),
        sentence_start=s.start,
    )


# -- a number's claim, step by step ------------------------------------------------------------
def number_claim(s, atom: NumberAtom, nxt: NumberAtom | None) -> tuple[Claim, int] | None:
    """The claim of `atom` (and of `nxt` when the two make a range) and where it ends; None
    when the number is no quantity (a year, an identifier, a pronoun, an ordinal...)."""
    if s.blocked.overlaps(atom.start, atom.end) or s._is_year(atom):
        return None
    currency = cues.currency_before(s.text, atom.start, s.start)
    if s._is_identifier(atom, currency) or not _value_in_range(atom):
        return None
    d = _open_draft(s, atom, currency)
    if d is None:
        return None
    _read_direction_before(s, d, atom, nxt)
    if not _read_range_or_unit(s, d, atom, nxt, currency):
        return None
    _read_qualifier(s, d, atom)
    if not _read_direction_and_kind(s, d, atom):
        return None
    if not _read_subject(s, d, atom):
        return None
    _read_rate(s, d)
    _read_place(s, d)
    _read_period(s, d)
    _read_modality(s, d)
    return build_claim(s, d), max(d.consumed, d.qe)


def _value_in_range(atom: NumberAtom) -> bool:
    return atom.value == atom.value and abs(atom.value) <= _VALUE_CAP


def _open_draft(s, atom: NumberAtom, currency) -> Draft | None:
    """The number itself: a currency before it, metres for "100m", a minus sign, its written
    precision; None for attached letters that are no unit ("5G", "3D", "1990s")."""
    text = s.text
    d = Draft(qs=atom.start, qe=atom.end, value=atom.value)
    if currency:
        d.qs, d.unit = currency
        if s.local_dollar and d.unit == "USD" and text[d.qs] == "$" and text[max(0, d.qs - 2):d.qs] not in ("US", "S.") \
                and not _US_AFTER_SIGN_RE.match(text, d.qs + 1):
            d.unit = s.local_dollar  # "$1,000,500" in a Sydney text: AUD (NEWS_DEV conv. 31)
    if atom.suffix_scale in ("m",) and not currency and not s._counted_after_m(atom.end):
        d.value, d.unit = atom.value / 1e6, "m"  # "a 100m sprint": metres, not millions ("2.7m sales": millions)
    qs = d.qs
    if atom.form == "digits" and qs > s.start and text[qs - 1] in "-−" and (qs - 1 == s.start or not text[qs - 2].isalnum()):
        d.qs -= 1
        d.value = -d.value
        d.sign = "-"
    elif atom.form == "digits" and text[max(s.start, qs - 3):qs] == "(-)":
        d.qs -= 3  # "shrank (-)0.4 per cent"
        d.value = -d.value
        d.sign = "-"
    elif atom.form == "digits" and qs > s.start and text[qs - 1] == "+" and (qs - 1 == s.start or not text[qs - 2].isalnum()):
        d.qs -= 1  # "+236%"
        d.sign = "+"
    elif minus := _MINUS_RE.search(text[max(s.start, qs - 8):qs]):
        d.qs = qs - len(minus.group(0))
        d.value = -d.value
    if d.qe < s.end and text[d.qe].isalpha() and atom.form == "digits":
        if s._unit_after(d.qe) is None and not cues.currency_after(text, d.qe, s.end) and not cues.subunit_after(text, d.qe, s.end):
            return None
    if atom.form == "digits":
        d.precision = intervals.written_precision(atom.raw, d.value)
    elif atom.form == "words" and atom.scaled:
        d.precision = 0.5 * _leading_scale(d.value)
    d.consumed = d.qe
    return d


_TO_NEXT_RE = re.compile(r"\s*(?:%|per\s*cent|percent|[a-zA-Z]{1,12})?\s*(?:in\s+\w+\s+)?to\s+(?:an?\s+)?[$€£¥]?")
# a verb of change in its bare form opening a sentence, right before the figure: an instruction
_IMPERATIVE_RE = re.compile(r"\s*[\"“(]?(?:Add|Cut|Reduce|Increase|Raise|Lower|Remove|Stir\s+in|Pour\s+in|Mix\s+in|Whisk\s+in)"
                            r"\s+(?:(?:another|about|around|roughly|an\s+extra|a\s+further|the\s+remaining)\s+)?$")


def _read_direction_before(s, d: Draft, atom: NumberAtom, nxt: NumberAtom | None) -> None:
    """The direction written before the number: it decides whether "from A to B" is a change or a range."""
    d.dir_before = cues.direction_before(s.text, d.qs, s.start)
    if d.dir_before is None and nxt is not None and nxt.value != atom.value and \
            cues.MOVED_FROM_RE.search(s.text, max(s.start, d.qs - 40), d.qs) and _TO_NEXT_RE.fullmatch(s.text, atom.end, nxt.start):
        # "The rate went from 3% to 5%": a move between two levels, its direction told by their order
        d.dir_before = ("increase" if nxt.value > atom.value else "decrease"), "level"
    if d.dir_before and _IMPERATIVE_RE.match(s.text, s.start, d.qs):
        d.dir_before = None  # "Add 250 g of flour", "Cut 2 onions": an instruction, not a change
    d.dir_from = d.qs


def _read_range_or_unit(s, d: Draft, atom: NumberAtom, nxt: NumberAtom | None, currency) -> bool:
    """A range with the next number ("3 to 5 million"), or the unit after the number; a
    fold is a ratio; percentage points after a share. False for an ordinal ("a third month")."""
    text = s.text
    # after "rose to", "from A to B" is a change; a dashed pair is still a range ("dropped to 17-18 quintal")
    rng = s._range(atom, nxt, d.qs, currency, dash_only=bool(d.dir_before and d.dir_before[1] != "change"))
    if atom.form == "fold":
        d.unit, d.kind = "times", "ratio"
    if atom.form == "fraction" and atom.raw[:1].isalpha() and not atom.raw.lower().endswith(("half", "quarter", " a", " an")):
        nxt_word = _ORDINAL_NOUN_RE.match(text, atom.end, s.end)
        if nxt_word and not s._is_plain_word(nxt_word.group(0).strip()) and not cues.is_comparative(nxt_word.group(0).strip()):
            return False  # "a third month", "a second term": ordinals, not fractions ("up by a third in" is one)
    if rng is not None:
        b_atom, b_value, a_value, d.qe, unit_r = rng
        d.low, d.high = sorted((a_value, b_value))
        d.value = None
        d.qualifier = "range"
        if not (unit_r == "USD" and s.local_dollar and d.unit == s.local_dollar):
            d.unit = unit_r or d.unit  # ("$85,000-$90,000" on an Australian page stays AUD)
        d.consumed = d.qe
        d.precision = intervals.written_precision(b_atom.raw, b_value) if b_atom.form == "digits" else 0.0
    else:
        u = s._unit_after(d.qe) if d.unit is None or d.unit == "m" and not atom.suffix_scale else None
        if u is None and d.unit is None and text[d.qe:d.qe + 1] == "+" and not text[d.qe + 1:d.qe + 2].isdigit():
            u = s._unit_after(d.qe + 1)  # "35+ hours": the bound's sign sits between number and unit
            d.plus_bound = u is not None
        if u is not None:
            d.qe, d.unit = u
        elif d.unit is None:
            scaled = cues.scaled_currency_after(text, d.qe, s.end) if not atom.scaled else None
            cur = scaled[:2] if scaled else cues.currency_after(text, d.qe, s.end)
            sub = None if cur else cues.subunit_after(text, d.qe, s.end)
            if scaled:
                d.value *= scaled[2]  # "120 MEUR", "75 USD million"
                d.precision *= scaled[2]
            if cur and cur[1] == "GBP" and (weight := cues.pounds_of_weight(text, d.qs, d.qe, s.start, s.end)):
                cur = (weight, "pound_mass")  # "the baby weighed 8 pounds", "50 pounds of cocaine"
            if cur:
                d.qe, d.unit = cur
                if not scaled and text[d.qe - 1].isalpha() and (sub_c := cues.subunit_compound_after(text, d.qe, s.end)):
                    d.qe, d.value = sub_c[0], round(d.value + sub_c[1], 10)  # "3 dollars 50 cents": one amount, 3.50
                    d.precision = 0.005
                    d.consumed = max(d.consumed, d.qe)
            elif sub:
                (d.qe, d.unit), d.value = sub, round(d.value / 100, 10)  # "46p" -> 0.46 GBP, "19.9 cents" -> 0.199 USD
                if d.unit == "USD" and s.local_dollar:
                    d.unit = s.local_dollar  # "19.9 cents per share" on a New Zealand page: NZD
    if rng is None and d.unit in ("degree", "celsius", "fahrenheit") and d.value is not None and d.value > 0 and (
            zero := _BELOW_ZERO_RE.match(text, d.qe, s.end)):
        d.qe, d.value = zero.end(), -d.value  # "10 degrees below zero" -> -10
    if d.unit is None and atom.form == "vague" and (of := _OF_AFTER_RE.match(text, d.qe, s.end)):
        u = cues.unit_after(text, of.end(), s.end) or cues.currency_after(text, of.end(), s.end)
        if u is not None:
            d.qe, d.unit = u  # "hundreds of miles", "millions of dollars": a vague count of a unit
    if d.unit == "year" and (old := _OLD_AFTER_RE.match(text, d.qe, s.end)):
        d.qe = old.end()  # "a 28-year-old man": the age's quote holds "-old"
    if rng is None and d.unit is None and atom.form == "digits" and d.value is not None and 1 <= d.value <= 8 and (
            prime := _FEET_INCHES_RE.match(text, d.qe, s.end)):
        d.qe, d.value, d.unit = prime.end(), d.value * 12 + int(prime.group(1)), "inch"  # 5'11" -> 71 inches
        d.consumed = max(d.consumed, d.qe)
    if rng is None and d.unit is None and (bracketed := _BRACKETED_UNIT_RE.match(text, d.qe, s.end)) and (
            u := cues.unit_after(text, bracketed.start(1), bracketed.end(1))) and u[0] == bracketed.end(1):
        d.qe, d.unit = bracketed.end(), u[1]  # "20 (kg)": a unit in brackets after its number
    if rng is None and (LEXICON.unit_family(d.unit) == "duration" or d.unit in _COMPOUND_BIG_UNITS):
        compound = s._compound_measure(d.qs, d.qe, d.value, d.unit, nxt)
        if compound is not None:
            d.qs, d.qe, d.value, d.unit = compound
            d.consumed = max(d.consumed, d.qe)
    if atom.form == "fraction" and d.unit is None and _FRACTION_OF_FIGURE_RE.match(text, d.qe, s.end):
        d.unit, d.kind = "times", "ratio"  # "less than half the 147 dollar high", "less than half that" (conv. 36)
    if d.unit == "times" and atom.form != "fold":
        d.kind = "ratio" if _TIMES_RATIO_RE.match(text, d.qe, s.end) else "level"
    if d.unit is None and (atom.form == "digits" or atom.form == "fraction" and atom.raw.lower().endswith((" a", " an"))):
        pts = cues.points_after(text, d.qe, s.end)  # ("a tenth of a point to 3.9%")
        if pts and d.value is not None and abs(d.value) <= 100 and _SHARE_CONTEXT_RE.search(text[s.start:s.end]):
            d.qe, d.unit = pts, "percentage_point"
        elif pts and atom.form == "fraction":
            d.qe = pts  # "narrowed by half a point": the point is in the quote, its unit unknown
    return True


def _read_qualifier(s, d: Draft, atom: NumberAtom) -> None:
    """The qualifier cue before or after the number ("about", "more than", "or more"), and the
    bounds it sets; "over" before a duration after a noun means "during"."""
    text = s.text
    if d.qualifier != "range":
        qb = s._qualifier_before(d.qs)
        if qb and qb[2] in ("over", "over a") and LEXICON.unit_family(d.unit) == "duration" and _over_means_during(text, qb[0], s.start):
            qb = None  # "held in seven phases over six weeks": over = during
        elif qb and qb[2] == "over" and _COUNTED_BEFORE_OVER_RE.search(text, max(s.start, qb[0] - 50), qb[0]):
            qb = None  # "510 flight hours over 154 flights", "15 sessions over 5 days": over = across
        if qb:
            d.qs, d.qualifier, d.cue = qb
        qa = cues.qualifier_after(text, d.qe, s.end)
        if qa and (d.qualifier == "exact" or qb is None):
            d.qe, d.qualifier, d.cue = qa
        elif d.plus_bound and d.qualifier == "exact":
            d.qualifier, d.cue = "lower_bound", "+"
    else:
        qb = s._qualifier_before(d.qs)
        if qb and qb[1] == "approximate":
            d.qs, d.cue = qb[0], qb[2]
    if atom.form == "vague":
        d.qualifier = "lower_bound"
    if d.qualifier == "exact" and _BAR_AFTER_RE.match(text, d.qe, s.end) and \
            (bar := _BAR_BEFORE_RE.search(text, max(s.start, d.qs - 50), d.qs)) and \
            not _compared_with_told(text, max(s.start, bar.start() - 100), bar.start(), text[d.qs:d.qe]):
        # (the mark's noun after the figure is asked first: one anchored match, where the verb before is a search)
        # "above the very dangerous 7.6 level", "well above the Rs. 30,000 bracket", "cross the one trillion dollar
        # threshold": a figure named as a mark crossed is a bound
        d.qs, d.cue = bar.start(), bar.group(1).lower()
        d.qualifier = "upper_bound" if d.cue in _BAR_BELOW else "lower_bound"
        if d.cue in _BAR_CROSSED and d.dir_before is None:
            d.dir_before = ("increase", "level")
    if d.qualifier == "exact" and _STARTS_AT_BEFORE_RE.search(text, max(s.start, d.qs - 40), d.qs):
        d.qualifier, d.cue = "lower_bound", "starts at"  # "starts at a hefty $1199": the cheapest (NEWS_DEV conv. 35)
    if d.qualifier == "exact" and cues.ceiling_before(text, d.qs, s.start):
        d.qualifier, d.cue = "upper_bound", "maximum"  # "the maximum sentence for fraud is a 10 year ..."
    if d.qualifier == "lower_bound":
        d.low, d.high = d.value, None
    elif d.qualifier == "upper_bound":
        d.low, d.high = None, d.value


def _read_direction_and_kind(s, d: Draft, atom: NumberAtom) -> bool:
    """Direction before or after the quote ("rose 5%", "5% higher") and the kind it implies
    (a change, or a level crossed); False for a fold that is no change ("are twofold")."""
    text = s.text
    dir_before = d.dir_before
    if d.qs != d.dir_from:
        dir_before = cues.direction_before(text, d.qs, s.start) or dir_before
    if dir_before and (LEXICON.unit_family(d.unit) or "").startswith("currency:") and _LOSS_OF_RE.search(
            text, max(s.start, d.qs - 16), d.qs):
        dir_before = None  # "a first-half loss of 12.8 billion yuan": a loss is an amount, not a fall
    if dir_before:
        d.direction, kind2 = dir_before
        if d.kind != "ratio":
            d.kind = "level" if d.cue in _THRESHOLD_CUES else kind2  # "fell below 2%": a level crossed
    dir_after = cues.direction_after(text, d.qe, s.end)
    if dir_after and d.unit == "times" and cues.is_comparative(text[d.qe:dir_after[1]].split()[-1]):
        dir_after = None  # "three times faster": a comparison, not a change
    d.dir_after = dir_after
    if dir_after:
        d.direction = dir_after[0]
        if d.kind != "ratio":
            d.kind = "change"
        if cues.is_comparative(text[d.qe:dir_after[1]].split()[-1]) and cues.compared_with_other(text, dir_after[1], s.end):
            d.direction = None  # "50% more rain than average": two things compared, no direction (conv. 20)
    if d.sign and d.direction is None and d.kind == "level" and d.unit in _SHARE_UNITS and (
            d.sign == "+" or _COMPARED_AFTER_RE.match(text, d.qe, s.end)):
        # "+236% compared with February 2021", "-11% to £449m": a signed share is a change (conv. 22)
        d.direction, d.kind = ("increase" if d.sign == "+" else "decrease"), "change"
    if d.direction is None and d.unit in _SHARE_UNITS and d.kind == "level" and _RAISED_BEFORE_RE.search(
            text, max(s.start, d.qs - 60), d.qs):
        d.direction, d.kind = "increase", "change"  # "lifted annual net profit 26.9 per cent", "raised prices 4%"
    if atom.form == "fold" and d.direction is None:
        return False  # "are twofold": two parts, not a quantity
    return True


def _read_subject(s, d: Draft, atom: NumberAtom) -> bool:
    """What is counted: the noun phrase after the number (or the one before it), people for
    counts of people, the counted noun into the quote; False for a number word used as a
    pronoun ("the two translate", "one of the")."""
    text = s.text
    subj_from = d.dir_after[1] if d.dir_after else d.qe
    after_of = atom.form in ("vague", "fraction", "onein") or (d.unit is not None and d.unit != "person")
    bare_vague = atom.form == "vague" and not _OF_AFTER_RE.match(text, atom.end, s.end)
    # ("Millions lost power": a bare vague plural is a noun of its own; no counted noun follows it)
    subj = None if bare_vague else subject_after(text, subj_from, s.end, allow_of=after_of,
                                                 through_prep=d.dir_after is not None)
    if subj is None and (LEXICON.unit_family(d.unit) or "").startswith("currency:") and (
            money := _MONEY_IN_RE.match(text, d.qe, s.end)):
        subj = (money.group("np"), money.group("head"), d.qe)  # "$6mn in seed funding", "$5.5 billion in damage"
    if subj is None and d.unit in (None, "person") and not (atom.form == "words" and atom.value == 1) and (
            part := _OF_TOTAL_RE.match(text, d.qe, s.end)):  # ("one of 10 players" is a pronoun)
        subj = subject_after(text, part.end(), s.end)  # "56 of the 59 seats", "three of the 10 break points": seats
        if subj:
            subj = (subj[0], subj[1], d.qe)  # the counted noun is the total's: it stays out of this quote
    if subj is None and atom.form == "words" and d.unit is None and atom.value >= 2 and not THE_BEFORE_RE.search(
            text, max(s.start, d.qs - 5), d.qs) and (part := _OF_PLURAL_AT_RE.match(text, d.qe, s.end)):
        subj = subject_after(text, part.end(), s.end)  # "eight of his prized classic cars", "two of the victims"
        if subj:
            subj = (subj[0], subj[1], d.qe)
    d.subject, d.head, d.np_end = subj if subj else (None, None, subj_from)
    d.has_subject_after = bool(subj)
    d.subject, strong = choose_subject(text, d.qs, s.start, d.subject, d.head, d.unit, d.qe, s.end)
    if strong:
        s._strong_subjects.add(d.qs)
    if atom.form in ("fraction", "onein"):
        pass  # "one in five adults" is a share: no unit
    elif d.unit is None and d.head is not None and _is_person(d.head, d.subject):
        d.unit = "person"
    elif d.unit is None and subj is None and d.subject and _is_population(d.subject) and atom.form != "words":
        d.unit = "person"  # "a population of 4.1 million"
    elif d.unit is None and subj is None and d.subject and _counts_people(d.subject):
        d.unit = "person"  # "The number of patients waiting ... has hit 4.3 million"
    elif d.unit is None and subj is None and _PEOPLE_VERB_BEFORE_RE.search(text, max(s.start, d.qs - 40), d.qs):
        d.unit = "person"  # "police arrested more than a dozen", "the blast killed at least 30 and injured 120"
    elif d.unit is None and bare_vague and d.qualifier == "lower_bound" and not _MONEY_VERB_BEFORE_RE.search(
            text, max(s.start, d.qs - 30), d.qs):
        d.unit = "person"  # "Tens of thousands protested", "bills for millions" (but "spent millions": money)
    elif d.unit is None and _PERSON_COMPOUND_RE.match(text, d.qe, s.end):
        d.unit = "person"  # "the 40-member house", "a 15-strong squad"
    elif d.unit is None and subj is None and atom.form == "digits" and _PEOPLE_BEFORE_RE.search(
            text, max(s.start, d.qs - 60), d.qs):
        d.unit = "person"  # "in front of a crowd of 40491", "passenger numbers rose 6.5% to 7.7 billion"
    if (d.unit is None or d.unit == "person") and subj and not d.dir_after and d.np_end > d.qe:
        if d.np_end - d.qe < 60:
            d.qe = d.np_end  # the counted noun belongs to the quote: "400,000 migrants"
    if d.direction is None and d.head is not None and d.head.lower() in _JOB_NOUNS:
        passive = cues.passive_change_after(text, d.np_end, s.end)
        if passive:
            d.direction, d.kind = passive, ("change" if d.kind == "level" else d.kind)  # "64,000 jobs were added"
    if d.qualifier == "exact" and subj and d.np_end > d.qe - 1 and not d.dir_after:
        qa = cues.qualifier_after(text, d.np_end, s.end)  # "40 points or more", "12 inches of snow or more"
        if qa and qa[1] in ("lower_bound", "upper_bound") and qa[0] - d.qe < 60:
            d.qe, d.qualifier, d.cue = qa
            d.low, d.high = (d.value, None) if d.qualifier == "lower_bound" else (None, d.value)
    if atom.form == "words" and not atom.scaled and (d.unit is None or d.unit == "person") and (
            d.head is None or not _plausible_count_noun(d.head)) and not (
            atom.value >= 2 and (_PARTITIVE_RE.match(text, atom.end, s.end) or d.cue in _EXACT_COUNT_CUES or
                                 _PART_OF_PLURAL_RE.match(text, atom.end, s.end) and not
                                 THE_BEFORE_RE.search(text, max(s.start, d.qs - 5), d.qs))) and not (
            atom.value == 1 and _ONE_OF_COUNT_RE.match(text, atom.end, s.end) and not
            _COPULA_BEFORE_RE.search(text, max(s.start, d.qs - 12), d.qs)) and not (
            d.qualifier in ("lower_bound", "upper_bound") and atom.value >= 2):  # "arrested more than a dozen"
        return False  # "the two translate", "one is", "one of the": a pronoun, not a quantity
        # ("two of its nine policymakers", "up from just three" are counts)
    if d.unit is None and atom.form in ("digits", "words") and s._is_age(atom, d.value if d.value is not None else d.high):
        d.unit = "year"  # "aged 35-55", "over the age of 25", "Burrows (41)", "Federer, 33,", "turns 40"
    return True


def _read_rate(s, d: Draft) -> None:
    """A rate after the quote or after its counted noun: "per day", "a year", "per 100,000"."""
    text = s.text
    r = cues.rate_after(text, d.qe, s.end)
    closing = None
    if r is None and text[d.qe:d.qe + 1] == ")" and d.unit is not None:
        r = cues.rate_after(text, d.qe + 1, s.end)  # "$92.74 (£82.13) a barrel": the rate after a conversion's bracket
        closing = d.qe if r is not None else None
    if r is None and d.has_subject_after and d.np_end > d.qe and d.np_end - d.qe < 60:
        r = cues.rate_after(text, d.np_end, s.end)  # "140 litres of water per day"
    if r is None and d.has_subject_after and (logged := _LOGGED_RE.match(text, max(d.qe, d.np_end), s.end)):
        r = cues.rate_after(text, logged.end(), s.end)  # "9.2 homicides recorded per million population"
    unit = d.unit
    if r is not None and unit not in _SPEED_UNITS and not (
            unit is not None and LEXICON.unit_family(unit) == "duration" and r[1] in _CALENDAR_DENOMINATORS) and not (
            unit in _SHARE_UNITS and r[1] in _CALENDAR_DENOMINATORS and _RATE_ADVERB_RE.match(text, d.qe, r[0])):
        # "down 7.9 per cent yearly", "annually": the change's period ("19.6% a year" stays a rate, as before)
        den = r[1]
        d.qe = r[0] if closing is None else closing
        if den.isdigit():
            d.unit = f"per_{den}" if unit in (None, "person") else f"{unit}/{den}"
        else:
            d.unit = f"{unit or 'per'}/{den}" if unit else f"per_{den}"


def _read_place(s, d: Draft) -> None:
    """The place named near the quote, else the last place of the paragraph, else a nationality word."""
    d.place = choose_place(s.places, d.qs, d.qe, s.start, s.end, s.text)
    if d.place is None and s.prev_places:
        d.place = s.prev_places[0].place
    if d.place is None:
        d.place = choose_nationality(s.places, s.start, s.end)


def _read_period(s, d: Draft) -> None:
    d.period = choose_period(s.periods, d.qs - s.start, d.qe - s.start, s.text[s.start:s.end])


def _read_modality(s, d: Draft) -> None:
    """Asserted, estimate, forecast or hypothetical, from the clause around the quote; an
    estimated exact figure is approximate."""
    text, qs = s.text, d.qs
    clause_end = s._clause_end(d.qe)
    modality = cues.modality_of(text[cues.clause_start(text, qs, max(s.start, qs - CONTEXT_CHARS)):clause_end])
    if modality == "asserted" and (cues.TARGET_AFTER_RE.match(text, d.qe, min(s.end, d.qe + 40)) or
                                   cues.TARGET_BEFORE_RE.search(text, max(s.start, qs - 30), qs)):
        modality = "forecast"  # "its 2% target", "the target of 93%"
    if d.cue in _ESTIMATE_CUES and modality == "asserted":
        modality = "estimate"
    period, published = d.period, s.published
    if period is not None and period.future_target and published and period.period_start and \
            period.period_start.year > published.year and modality != "hypothetical":
        modality = "forecast"  # "by 2030"; but "could reach $130 billion by 2030" stays hypothetical
    if modality == "hypothetical" and _SAID_WOULD_RE.search(text, max(s.start, qs - CONTEXT_CHARS), qs):
        modality = "forecast"  # "Apple said it would invest ...": an announced plan
    upto = text[s.start:clause_end]
    if modality == "asserted" and ("estimate" in upto.lower() or odd_case(upto)) and _ESTIMATED_RE.search(upto):
        modality = "estimate"
    if d.qualifier == "exact" and modality in ("estimate", "forecast") and _ESTIMATED_OF_RE.search(
            text, max(s.start, qs - 60), qs):
        d.qualifier = "approximate"  # only the figure "estimated" is about
    if modality == "forecast" and _told_as_known(s, d):
        modality = "asserted"
    d.modality = modality


# who forecasts, counted: "the remaining 2 economists predict a 25 bps hike", "20 of 29 economists expect"
# (the figure's own counted people, right before the verb: "the 160,000 that economists had forecast" is the forecast)
_FORECASTERS_AFTER_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?[\d,]+\s+[A-Za-z'’-]+)?\s+(?:expect|predict|forecast|"
                                   r"anticipate|project|see)s?\b")
# the base a share of a plan is taken of: "will pay out 60 per cent of the $US10 billion profit"
_BASE_BEFORE_RE = re.compile(r"\bof\s+(?:the|its|their|his|her|our)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
# the baseline a forecast is told against: "a record 111.32 million tonnes this year, against 109.59 million tonnes"
_AGAINST_BEFORE_RE = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from)\s+"
                                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_PAST_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:the\s+previous|the\s+prior|last|a\s+year\s+(?:earlier|ago|before))\s+"
                            r"(?:year|month|quarter|season)\b", re.IGNORECASE)


def _told_as_known(s, d: Draft) -> bool:
    """A figure inside a forecast that is not forecast: the forecasters counted, the base a planned
    share is of, a baseline from before (NEWS_DEV conv. 26 for estimates, likewise for forecasts)."""
    text, qs = s.text, d.qs
    if d.unit == "person" and _FORECASTERS_AFTER_RE.match(text, d.qe, min(s.end, d.qe + 60)):
        return True
    if _BASE_BEFORE_RE.search(text, max(s.start, qs - 30), qs) and not cues.TARGET_AFTER_RE.match(
            text, d.qe, min(s.end, d.qe + 40)):
        return True
    if _AGAINST_BEFORE_RE.search(text, max(s.start, qs - 30), qs):
        period, published = d.period, s.published
        if period is not None and period.period_end and published and period.period_end < published:
            return True
        return bool(_PAST_AFTER_RE.match(text, d.qe, min(s.end, d.qe + 40)))
    return False


# -- a multiplier's claim ("doubled", "more than tripled", "twice the average") ---------------
def multiplier_claim(s, m: re.Match) -> Claim | None:
    """The ratio claim of a multiplier verb; None for a bare "double" that neither is
    qualified nor compares ("a double room")."""
    w = m.group("w").lower()
    value = _MULTIPLIER_VALUE[w]
    d = Draft(qs=m.start(), qe=m.end(), value=value, unit="times", kind="ratio",
              direction="decrease" if value < 1 else "increase")
    if _IDIOM_AFTER_MULTIPLIER_RE.match(s.text, m.end(), s.end):
        return None  # "doubled their lead": a second goal, not a ratio (NEWS_DEV conv. 42)
    qb = cues.qualifier_before(s.text, d.qs, s.start)
    if w in _BARE_MULTIPLIERS:
        comparing = _COMPARING_RE.match(s.text, m.end(), s.end)
        if qb is None and not comparing:
            return None
        if comparing:
            d.direction = None  # "more than double the EU average": a comparison, not a change
    if qb and qb[1] in ("lower_bound", "upper_bound", "approximate"):
        d.qs, d.qualifier = qb[0], qb[1]  # "more than doubled", "nearly tripled"
        if d.qualifier == "lower_bound":
            d.low = value
        elif d.qualifier == "upper_bound":
            d.high = value
    d.cue = qb[2] if qb else None
    d.subject = subject_before(s.text, d.qs, s.start)
    d.period = choose_period(s.periods, m.start() - s.start, m.end() - s.start)
    d.place = choose_place(s.places, m.start(), m.end(), s.start, s.end)
    d.modality = cues.modality_of(s.text[max(s.start, m.start() - CONTEXT_CHARS):s._clause_end(m.end())])
    return build_claim(s, d)


# -- helpers -------------------------------------------------------------------------------
def _compared_with_told(text: str, start: int, end: int, quote: str) -> bool:
    """True when a figure in the same unit mark ("%", "$", "km") is told in text[start:end]: "fell to 1.4% ...,
    well below the 5% threshold" compares two figures, the threshold is not a bound of something uncounted."""
    mark = _UNIT_MARK_RE.sub("", quote).strip()
    return bool(mark) and _DIGIT_RE.search(text, start, end) is not None and mark in text[start:end]


def _leading_scale(value: float) -> float:
    v = abs(value)
    for scale in (1e12, 1e9, 1e6, 1e3):
        if v >= scale:
            return scale
    return 1.0


def _is_person(head: str, subject: str | None) -> bool:
    h = head.lower()
    if h in LEXICON.counted_events:
        return False
    if h in LEXICON.person_nouns or head in LEXICON.demonyms or h.endswith(_PERSON_SUFFIXES):
        return True  # "policymakers", "taxpayers", "sub-postmasters", "asylum-seekers"
    return bool(subject and _PEOPLE_SUBJECT_RE.match(subject))


def _counts_people(subject: str) -> bool:
    m = _NUMBER_OF_RE.match(subject)
    return bool(m) and any(w and _is_person(w, None) for w in m.groups())  # "number of patients", "of young people"


def _is_population(subject: str) -> bool:
    words = subject.lower().split()
    return bool(words) and (words[-1] in LEXICON.population_nouns or " ".join(words[-2:]) in LEXICON.population_nouns)


def _over_means_during(text: str, over_start: int, floor: int) -> bool:
    """"over" before a duration means "during" after a noun ("seven phases over six weeks",
    "11 hours over two days") and "more than" after a verb or preposition ("waited over 12 hours")."""
    m = _WORD_BEFORE_RE.search(text, max(floor, over_start - 30), over_start)
    if m is None:
        return False
    w = m.group(1).lower()
    return not (w in _OVER_AS_BOUND_AFTER or w.endswith("ed") or w[:1].isdigit())


def _plausible_count_noun(head: str) -> bool:
    h = head.lower()
    return h in LEXICON.person_nouns or head in LEXICON.demonyms or (h.endswith("s") and len(h) > 3)


def _clean(v: float | None) -> float | None:
    if v is None or not math.isfinite(v):
        return None
    return float(v)


def checkworthiness(unit, subject, place, has_period, attribution, qualifier, direction, value, modality) -> float:
    """0..1: how much a fact-checker would want to check a claim. Counts of people, money,
    shares and ratios with a subject, a place, a period and a source score highest."""
    score = 0.25
    fam = LEXICON.unit_family(unit) if unit else None
    if unit == "person" or (fam or "").startswith("currency") or unit in ("percent", "percentage_point", "times"):
        score += 0.2
    score += 0.1 * bool(subject) + 0.1 * bool(place) + 0.1 * bool(has_period) + 0.1 * bool(attribution)
    if qualifier != "exact":
        score += 0.05
    if direction:
        score += 0.05
    if fam == "duration" and (value or 0) < 10:
        score -= 0.2
    if value is not None and abs(value) >= 1000:
        score += 0.05
    if modality == "hypothetical":
        score -= 0.15
    return round(max(0.0, min(1.0, score)), 3)

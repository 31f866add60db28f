"""Time expressions in a sentence -> the period a number is about.

`find_periods(sentence, published, country)` returns `PeriodMention`s (offsets relative to
the sentence); `choose_period` picks the one that governs a quantity. Relative expressions
("last year", "so far this year", "on Wednesday") are resolved against the publication date;
"a year earlier", "the same period last year", "a month earlier", "the previous three months"
against the period told before them in the sentence (the anchor) when there is one. Fiscal
years ("FY22", "2016/17", "this fiscal year", "Q2FY10") start in the month the country of the
sentence starts its fiscal year in (data/periods.json)."""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources

from claimhouse.flows.claims.lexicon import LEXICON, phrase_alternation
from claimhouse.flows.claims.text_words import word_spans_of

_DATA = json.loads(resources.files("claimhouse.flows.claims").joinpath("data", "periods.json").read_text(encoding="utf-8"))
FISCAL_START = _DATA["fiscal_years"]["start_month"]
FISCAL_DEFAULT = _DATA["fiscal_years"]["default"]
SPLIT_YEAR_DEFAULT = _DATA["fiscal_years"]["split_year_default"]
CURRENCY_HINTS = {k: tuple(v) for k, v in _DATA["fiscal_years"]["currency_hints"].items()}
_RELATIVE_YEAR = tuple(_DATA["relative"]["year"])
_RELATIVE_MONTH = tuple(_DATA["relative"]["month"])

_YEAR = r"(?<![\d,.$€£])(?:1[89]\d\d|20\d\d|21\d\d)(?!\d|,\d|\.\d|\s*(?:%|percent|per\s+cent))"
_MONTH_NAMES = phrase_alternation(LEXICON.months)
_MONTH = rf"(?:{_MONTH_NAMES})\b\.?"
_PART = r"(?:(?:early|mid|late|end)[- ]?)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
_NUMWORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}

PERIOD_RE = re.compile(
    rf"""
    (?P<qtr>\b(?:Q(?P<q_n>[1-4])|H(?P<h_n>[12]))\s*(?:FY\s*['’]?(?P<q_fy>\d{{4}}|\d{{2}})\b|\s+of\s+(?:the\s+)?{_YEAR}\s*[-–/]\s*
        (?P<q_ofy>\d{{4}}|\d\d)\b|(?P<q_y>{_YEAR})|['’](?P<q_yy>\d\d)\b)?(?![\w-]))
  | (?P<relfy>\b(?P<relfy_w>this|the\s+current|current|next|the\s+next|the\s+coming|last|the\s+last|previous|the\s+previous|
        the\s+prior)\s+(?:fiscal|financial)(?:\s+year)?\b)
  | (?P<fy>\b(?:FY|fiscal\s+year|financial\s+year|fiscal)\s*['’]?(?P<fy_y>\d{{4}}|\d{{2}})(?:\s*[-–/]\s*(?P<fy_b>\d{{4}}|\d\d))?\b)
  | (?P<ending>\b(?:the\s+)?(?:(?P<end_n>\d{{1,2}}|{"|".join(_NUMWORD)})[- ]months?(?:\s+period)?|(?P<end_year>year|financial\s+year|
        fiscal\s+year)|(?P<end_q>quarter)|(?P<end_h>half[- ]year|half|six\s+months))\s+(?:to|ended|ending|through|until)\s+
        (?:the\s+end\s+of\s+)?(?:{_DAY}\s+)?(?P<end_m>{_MONTH})(?:\s+{_DAY})?(?:,?\s+(?P<end_y>{_YEAR}))?)
  | (?P<prevn>\b(?:the\s+)?(?:previous|preceding|prior)\s+(?P<prevn_n>\d{{1,2}}|{"|".join(_NUMWORD)})\s+months\b)
  | (?P<mrange>\b(?:(?:between|from)\s+)?(?P<mr_a>{_MONTH})(?:\s+(?P<mr_ay>{_YEAR}))?\s*(?:-|–|to|and|until|through)\s*
        (?P<mr_b>{_MONTH})(?:,?\s+(?P<mr_by>{_YEAR}))?(?:\s+(?:quarter|period))?(?:\s+of\s+(?P<mr_y>{_YEAR}))?)
  | (?P<span>\b(?:between|from)\s+(?P<span_a>{_YEAR})\s+(?:and|to|until|through|-|–)\s+(?P<span_b>{_YEAR}))
  | (?P<dash>(?P<dash_a>{_YEAR})\s*(?P<dash_j>[-–/])\s*(?P<dash_b>{_YEAR}|\d\d\b)(?P<dash_fy>\s+(?:fiscal|financial)\s+year)?
        (?P<dash_season>\s+(?:season|academic|school|term|campaign|edition|series)\b)?)
  | (?P<both>(?P<both_a>{_YEAR})\s+and\s+(?P<both_b>{_YEAR}))
  | (?P<since>\b(?:since|starting\s+in|starting\s+from|beginning\s+in|from\s+(?=(?:early|mid|late)))\s+
        (?:the\s+end\s+of\s+)?{_PART}?(?:(?P<since_m>{_MONTH})(?:,?\s+(?=\d))?)?(?P<since_y>{_YEAR})?)
  | (?P<partfy>\b(?:the\s+)?(?P<pf_n>first|second|third|fourth|last|final)[- ](?P<pf_u>quarter|half)\s+of\s+(?:the\s+)?
        (?:(?P<pf_rel>this|current|next|last|previous|prior)\s+(?:fiscal|financial)(?:\s+year)?|
        (?:{_YEAR}\s*[-–/]\s*)?(?P<pf_b>{_YEAR}|\d\d)\s+(?:fiscal|financial)\s+year|(?:fiscal|financial)\s+(?:year\s+)?(?P<pf_c>{_YEAR})))
  | (?P<partq>\b(?:the\s+)?(?P<partq_n>first|second|third|fourth|last|final)[- ](?P<partq_u>quarter|half)
        (?:\s+of\s+(?:the\s+year\s+)?(?P<partq_y>{_YEAR})|\s+of\s+(?:this|the)\s+year|(?!\s+of\b)))
  | (?P<firstn>\b(?:the\s+)?(?:first|past|last)\s+(?P<firstn_n>\w+)\s+months\s+of\s+(?:the\s+year|this\s+year|(?P<firstn_y>{_YEAR})))
  | (?P<trail>\b(?:the\s+)?(?:past|last)\s+(?P<trail_n>\d{{1,2}}|{"|".join(_NUMWORD)})\s+(?P<trail_u>days|weeks|months|years)\b
        (?!\s+(?:of|to|ending|ended|through|until|before|after)\b))
  | (?P<ytd>\bso\s+far\s+(?:this|in)\s+(?:year|(?P<ytd_y>{_YEAR}))|\b(?:the\s+)?year[- ]to[- ]date\b|\bthis\s+year\s+so\s+far\b|
        \bthe\s+year\s+so\s+far\b)
  | (?P<monthyear>\b{_PART}?(?P<my_m>{_MONTH})\s*(?:{_DAY},?\s+)?,?\s*(?P<my_y>{_YEAR}))
  | (?P<daymonthyear>\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH})\s*,?\s*(?P<dmy_y>{_YEAR}))
  | (?P<inmonth>\b(?:in|during|for|on|at|by)\s+(?:the\s+(?:month|end|start|beginning|middle)\s+of\s+)?{_PART}?(?P<inm_m>{_MONTH})
        (?:\s+(?P<inm_d>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?!\s*\d|\s*,\s*(?:1[89]|20|21)\d\d\b|\s*(?:-|–|to|and|until|through)\s*{_MONTH}))
  | (?P<lastm>\b(?P<lastm_w>last|next|this\s+past|this|this\s+coming)\s+(?P<lastm_m>{_MONTH})(?!\s*\d|\s*,\s*(?:1[89]|20|21)\d\d\b))
  | (?P<possm>\b(?P<pm_m>{_MONTH})['’]s\b)
  | (?P<themonth>\b(?:in|during|over|for)\s+the\s+(?P<tm_u>month|quarter)\b(?!\s+(?:of|to|before|after|ended|ending)\b))
  | (?P<weekday>\b(?:on\s+)?(?:last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)
  | (?P<sameof>\b(?:the\s+)?(?:same|equivalent|corresponding)\s+(?P<so_u>months?|quarters?|period|weeks?|days?|half|time)\s+(?:of|in)\s+(?:the\s+year\s+)?
        (?P<so_y>{_YEAR}))
  | (?P<relative>\b(?P<relative_w>{phrase_alternation(_RELATIVE_YEAR + _RELATIVE_MONTH)})\b)
  | (?P<rel>\b(?P<rel_w>last\s+year|this\s+year|next\s+year|last\s+month|this\s+month|
        now|currently|today|at\s+present|at\s+the\s+moment|as\s+of\s+now|yesterday|this\s+week|last\s+week|
        full[- ]year(?!\s*(?:1[89]|20)\d\d)(?P<rel_fut>\s+(?:forecast|guidance|outlook|target|expectations?))?)\b)
  | (?P<named>\b(?:{phrase_alternation(LEXICON.named_periods)})\b)
  | (?P<year>(?:\b(?P<year_pre>early|mid|late)[- ]?)?(?P<year_y>{_YEAR}))
    """,
    re.VERBOSE | re.IGNORECASE,
)


# PERIOD_RE is tried at the start of a word; most of its forms cannot start with that word ("in" starts
# only "in June", "in the month" and the like). Each form's possible first words (lower case; _DIGIT for
# a word led by a digit, _FY for "FY22", _QH for "Q3", "H1"); a start word is then matched against only
# the forms it can start, in PERIOD_RE's order, which finds the same match PERIOD_RE finds there.
_DIGIT, _FY, _QH = "<digit>", "<fy>", "<qh>"
_MONTH_WORDS = tuple(LEXICON.months)
_ORDINAL_WORDS = ("the", "first", "second", "third", "fourth", "last", "final")


def _first_words(phrases) -> tuple[str, ...]:
    return tuple({re.match(r"\w+", p).group(0).lower() for p in phrases})


_FORM_STARTS: dict[str, tuple[str, ...]] = {
    "qtr": (_QH,),
    "relfy": ("this", "the", "current", "next", "last", "previous"),
    "fy": (_FY, "fy", "fiscal", "financial"),
    "ending": ("the", _DIGIT, *_first_words(_NUMWORD), "year", "financial", "fiscal", "quarter", "half", "six"),
    "prevn": ("the", "previous", "preceding", "prior"),
    "mrange": ("between", "from", *_MONTH_WORDS),
    "span": ("between", "from"),
    "dash": (_DIGIT,),
    "both": (_DIGIT,),
    "since": ("since", "starting", "beginning", "from"),
    "partfy": _ORDINAL_WORDS,
    "partq": _ORDINAL_WORDS,
    "firstn": ("the", "first", "past", "last"),
    "trail": ("the", "past", "last"),
    "ytd": ("so", "the", "year", "this"),
    "monthyear": ("early", "mid", "late", "end", *_MONTH_WORDS),
    "daymonthyear": (_DIGIT,),
    "inmonth": ("in", "during", "for", "on", "at", "by"),
    "lastm": ("last", "next", "this"),
    "possm": _MONTH_WORDS,
    "themonth": ("in", "during", "over", "for"),
    "weekday": ("on", "last", *_WEEKDAYS),
    "sameof": ("the", "same", "equivalent", "corresponding"),
    "relative": _first_words(_RELATIVE_YEAR + _RELATIVE_MONTH),
    "rel": ("last", "this", "next", "now", "currently", "today", "at", "as", "yesterday", "full"),
    "named": _first_words(LEXICON.named_periods),
    "year": ("early", "mid", "late", _DIGIT),
}
_FORM_SEP = "\n  | "  # how PERIOD_RE's source separates its forms
_FORM_SOURCES = PERIOD_RE.pattern.split(_FORM_SEP)
assert [re.match(r"\s*\(\?P<(\w+)>", f).group(1) for f in _FORM_SOURCES] == list(_FORM_STARTS), "a form without start words"


def _forms_regex(names: frozenset[str]) -> re.Pattern:
    """PERIOD_RE with only the forms `names` (every group name kept, those of the other forms never set)."""
    kept = [f for f, n in zip(_FORM_SOURCES, _FORM_STARTS, strict=True) if n in names]
    dropped = [f for f, n in zip(_FORM_SOURCES, _FORM_STARTS, strict=True) if n not in names]
    unset = "".join(f"(?P<{g}>)" for f in dropped for g in re.compile(f, re.VERBOSE | re.IGNORECASE).groupindex)
    return re.compile(_FORM_SEP.join(kept) + _FORM_SEP + "(?!)" + unset, re.VERBOSE | re.IGNORECASE)


def _regex_by_start() -> dict[str, re.Pattern]:
    forms_of: dict[str, set[str]] = {}
    for name, words in _FORM_STARTS.items():
        for w in words:
            forms_of.setdefault(w, set()).add(name)
    compiled: dict[frozenset[str], re.Pattern] = {}
    for names in map(frozenset, forms_of.values()):
        if names not in compiled:
            compiled[names] = _forms_regex(names)
    return {w: compiled[frozenset(names)] for w, names in forms_of.items()}


_PERIOD_RE_BY_START = _regex_by_start()


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    period_start: date | None
    period_end: date | None
    partial: bool = False
    baseline: bool = False  # "from 2022" after a change: the comparison point, not the period
    future_target: bool = False  # "by 2026"
    shift: str | None = None  # "year" / "month" / "same" / "prev:N": relative to the anchor told before it
    day_only: bool = False  # "on Wednesday": governs only the figure right before it


def _y(s: str) -> int:
    return int(s)


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _months_ending(y: int, m: int, n: int) -> tuple[date, date]:
    """The n months whose last month is (y, m)."""
    sy, sm = _add_months(y, m, -(n - 1))
    return date(sy, sm, 1), _month(y, m)[1]


def _month_num(name: str) -> int:
    return LEXICON.months[name.lower().rstrip(".")]


def _latest_year(month: int, published: date | None) -> int | None:
    """The year of the latest `month` that has begun by the publication date."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


_SUPERLATIVE_BEFORE_RE = re.compile(r"\b(?:highest|lowest|largest|biggest|smallest|strongest|weakest|fastest|slowest|"
                                    r"hottest|coldest|wettest|driest|busiest|worst|best|deepest|sharpest|steepest|most|"
                                    r"least|record)\b(?:\s+[\w-]+){0,4}\s+$", re.IGNORECASE)
_YEAR_BEFORE_RE = re.compile(r"(?:1[89]|20)\d\d\s*$")
# months before publication past which a bare month name ("in February") is read as the coming one
NEAREST_MONTH_BACK = 10


# words of a sentence that tells of what is to come
_FUTURE_RE = re.compile(r"\b(?:will|shall|plan|plans|planned|planning|scheduled|due\s+to|agreed(?:\s+\w+){0,3}?\s+to|set\s+to|going\s+to|"
                        r"expected\s+to|expects\s+to|intends?\s+to|aims?\s+to|would\s+begin|is\s+to|are\s+to)\b", re.IGNORECASE)


def _nearest_year(month: int, published: date | None, text: str) -> int | None:
    """The year of a month named with no year: the latest one begun by publication, unless the sentence
    tells of what is to come and that one is NEAREST_MONTH_BACK months back or more: then the coming one,
    at most two months ahead ("agreed on Tuesday to cut output in February", published in January:
    February of the same year; "653,100 people were homeless in January", published in December: that
    January)."""
    if published is None:
        return None
    y = _latest_year(month, published)
    back = (published.month - month) % 12
    return y + 1 if back >= NEAREST_MONTH_BACK and _FUTURE_RE.search(text) else y


def _fy_full(s: str, ref: int | None = None) -> int:
    y = int(s)
    if y >= 100:
        return y
    century = (ref // 100) * 100 if ref else 2000
    return century + y


def _fiscal(end_year: int, start_month: int) -> tuple[date, date]:
    """The fiscal year that ends in `end_year`."""
    if start_month == 1:
        return _year(end_year)
    return date(end_year - 1, start_month, 1), _month(end_year, start_month - 1)[1]


def _fiscal_of(d: date, start_month: int) -> int:
    """The end year of the fiscal year holding day `d`."""
    return d.year + 1 if start_month > 1 and d.month >= start_month else d.year


def _shift_year(a: date, b: date | None, n: int = 1) -> tuple[date, date | None]:
    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - n)
        except ValueError:  # 29 February
            return d.replace(year=d.year - n, day=28)
    return back(a), back(b) if b else None


_BASELINE_BEFORE_RE = re.compile(r"(?:from|compared\s+(?:with|to)|than\s+in|than|over|versus|vs\.?|since)\s+(?:the\s+)?"
                                 r"(?:same\s+period\s+(?:in|of)\s+)?$")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$")
_CHANGE_FROM_BEFORE_RE = re.compile(r"(?:increase|rise|jump|up|down|drop|decline|fall|fold|times|growth)\w*\s+from\s+$")
_TARGET_BEFORE_RE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?$")


# a relative phrase that names a span of its own ("the same quarter last year", "the year-ago quarter")
_SAME_SPAN_RE = re.compile(r"\b(?:same|corresponding|year-earlier|year-ago)\s+(\w+)")


def _same_span_before(published: date | None, unit: str, years: int) -> tuple[date, date] | None:
    """The span a "same <unit>" phrase told with no period before it stands for, moved by `years`: a month is
    the month before publication, a quarter the latest quarter ended by then; a period, a time, a week or a
    day tells nothing about its length (None)."""
    if published is None:
        return None
    if unit.startswith("month"):
        y, mo = _add_months(published.year, published.month, -1)
        a, b = _month(y + years, mo)
        return a, b
    if unit.startswith("quarter"):
        q = (published.month - 1) // 3  # quarters ended by publication this year
        y, q = (published.year, q) if q else (published.year - 1, 4)
        return _month(y + years, 3 * q - 2)[0], _month(y + years, 3 * q)[1]
    return None


def _mention(m: re.Match, published: date | None, text: str, fiscal_start: int) -> PeriodMention | None:
    g = m.group
    s, e = m.start(), m.end()
    if g("qtr"):
        n = int(g("q_n") or g("h_n"))
        a_m, b_m = ((3 * n - 2, 3 * n) if g("q_n") else ((1, 6) if n == 1 else (7, 12)))
        if g("q_fy") or g("q_ofy"):  # "Q2FY10", "Q1 of 2018-19": a quarter of a fiscal year
            fy = _fy_full(g("q_fy") or g("q_ofy"))
            fs, _ = _fiscal(fy, fiscal_start)
            ay, am = _add_months(fs.year, fs.month, a_m - 1)
            by, bm = _add_months(fs.year, fs.month, b_m - 1)
            return PeriodMention(s, e, date(ay, am, 1), _month(by, bm)[1], partial=True)
        if g("q_y") or g("q_yy"):
            y = _y(g("q_y")) if g("q_y") else _fy_full(g("q_yy"))
        elif published is not None:
            y = published.year if a_m <= published.month else published.year - 1
        else:
            return None
        return PeriodMention(s, e, _month(y, a_m)[0], _month(y, b_m)[1], partial=True)
    if g("relfy"):
        if published is None:
            return None
        w = g("relfy_w").lower().split()[-1]
        fy = _fiscal_of(published, fiscal_start) + {"next": 1, "coming": 1, "last": -1, "previous": -1, "prior": -1}.get(w, 0)
        a, b = _fiscal(fy, fiscal_start)
        return PeriodMention(s, e, a, b)
    if g("fy"):
        y = _fy_full(g("fy_y"))
        if g("fy_b"):  # "FY2022-23": named by its two calendar years
            y = _fy_full(g("fy_b"), y) if len(g("fy_b")) == 2 else int(g("fy_b"))
        a, b = _fiscal(y, fiscal_start)
        return PeriodMention(s, e, a, b)
    if g("ending"):
        mo = _month_num(g("end_m"))
        y = _y(g("end_y")) if g("end_y") else _latest_year(mo, published)
        if y is None:
            return None
        if g("end_n"):
            n = int(g("end_n")) if g("end_n").isdigit() else _NUMWORD[g("end_n").lower()]
        elif g("end_q"):
            n = 3
        elif g("end_h"):
            n = 6
        else:
            n = 12
        if not 1 <= n <= 24:
            return None
        a, b = _months_ending(y, mo, n)
        return PeriodMention(s, e, a, b, partial=n < 12)
    if g("prevn"):
        n = int(g("prevn_n")) if g("prevn_n").isdigit() else _NUMWORD[g("prevn_n").lower()]
        return PeriodMention(s, e, None, None, shift=f"prev:{n}")
    if g("mrange"):
        ma, mb = _month_num(g("mr_a")), _month_num(g("mr_b"))
        yb = g("mr_by") or g("mr_y")
        yb = _y(yb) if yb else (_y(g("mr_ay")) + (mb < ma) if g("mr_ay") else _nearest_year(mb, published, text)
                                  if published else None)
        if yb is None:
            return None
        ya = _y(g("mr_ay")) if g("mr_ay") else (yb if ma <= mb else yb - 1)
        if (ya, ma) > (yb, mb):
            return None
        return PeriodMention(s, e, _month(ya, ma)[0], _month(yb, mb)[1], partial=True)
    if g("span"):
        a, b = _y(g("span_a")), _y(g("span_b"))
        return PeriodMention(s, e, date(min(a, b), 1, 1), date(max(a, b), 12, 31))
    if g("dash"):
        a = _y(g("dash_a"))
        bs = g("dash_b")
        b = (a // 100) * 100 + int(bs) if len(bs) == 2 else int(bs)
        if b < a:
            return None
        if g("dash_season"):
            return PeriodMention(s, e, date(a, 1, 1), date(b, 12, 31))  # "the 2019-20 season": not a fiscal year
        if b == a + 1 and (g("dash_j") == "/" or g("dash_fy")):
            # "2016/17", "the 2017-2018 financial year": one fiscal year
            start = fiscal_start if g("dash_fy") or fiscal_start != FISCAL_DEFAULT else SPLIT_YEAR_DEFAULT
            fa, fb = _fiscal(b, start)
            return PeriodMention(s, e, fa, fb)
        if b == a + 1 and len(bs) == 2 and fiscal_start in (4, 7):
            fa, fb = _fiscal(b, fiscal_start)  # "2022-23" in an Indian article
            return PeriodMention(s, e, fa, fb)
        return PeriodMention(s, e, date(a, 1, 1), date(b, 12, 31))
    if g("both"):
        a, b = _y(g("both_a")), _y(g("both_b"))
        return PeriodMention(s, e, date(min(a, b), 1, 1), date(max(a, b), 12, 31))
    if g("since"):
        if _SUPERLATIVE_BEFORE_RE.search(text, max(0, s - 50), s):
            # "5.2%, the highest since 2021": the record's frame, not the figure's period; it still stands where it
            # is told, so the figure it is told of takes no period rather than one from elsewhere in the sentence
            return PeriodMention(s, e, None, None)
        if g("since_y"):
            y = _y(g("since_y"))
            mo = _month_num(g("since_m")) if g("since_m") else 1
        elif g("since_m"):
            mo = _month_num(g("since_m"))
            y = _latest_year(mo, published)
            if y is None:
                return None
        else:
            return None
        return PeriodMention(s, e, date(y, mo, 1), None)
    if g("partfy"):
        n = _ORDINAL[g("pf_n").lower()]
        if g("pf_rel"):
            if published is None:
                return None
            w = g("pf_rel").lower()
            fy = _fiscal_of(published, fiscal_start) + {"next": 1, "last": -1, "previous": -1, "prior": -1}.get(w, 0)
        else:
            fy = _fy_full(g("pf_b"), None) if g("pf_b") else _y(g("pf_c"))
            if g("pf_b") and len(g("pf_b")) == 2:
                fy = _fy_full(g("pf_b"))
        fs, _ = _fiscal(fy, fiscal_start)
        size = 6 if g("pf_u").lower() == "half" else 3
        n = min(n, 12 // size)
        ay, am = _add_months(fs.year, fs.month, (n - 1) * size)
        by, bm = _add_months(ay, am, size - 1)
        return PeriodMention(s, e, date(ay, am, 1), _month(by, bm)[1], partial=True)
    if g("possm"):  # "April's inflation rate"
        mo = _month_num(g("pm_m"))
        y = _latest_year(mo, published)
        if y is None:
            return None
        a, b = _month(y, mo)
        return PeriodMention(s, e, a, b, partial=True)
    if g("themonth") and g("tm_u").lower() == "quarter":  # "in the quarter": the latest quarter ended by publication
        if published is None:
            return None
        q_end_month = (published.month - 1) // 3 * 3  # the last month of the quarter before the current one
        y, mo = (published.year, q_end_month) if q_end_month else (published.year - 1, 12)
        return PeriodMention(s, e, date(y, mo - 2, 1), _month(y, mo)[1], partial=True)
    if g("themonth"):  # "in the month": the month told before, else the month before publication
        if published is None:
            return PeriodMention(s, e, None, None, shift="same")
        y, mo = _add_months(published.year, published.month, -1)
        a, b = _month(y, mo)
        return PeriodMention(s, e, a, b, partial=True, shift="same")
    if g("partq"):
        n = _ORDINAL[g("partq_n").lower()]
        if g("partq_u").lower() == "half":
            n = min(n, 2)
            a_m, b_m = (1, 6) if n == 1 else (7, 12)
        else:
            a_m, b_m = 3 * n - 2, 3 * n
        if g("partq_y"):
            y = _y(g("partq_y"))
        elif published is not None:
            y = published.year if a_m <= published.month else published.year - 1
        else:
            return None
        return PeriodMention(s, e, _month(y, a_m)[0], _month(y, b_m)[1], partial=True)
    if g("firstn"):
        n = _NUMWORD.get(g("firstn_n").lower()) or (int(g("firstn_n")) if g("firstn_n").isdigit() else None)
        y = _y(g("firstn_y")) if g("firstn_y") else (published.year if published else None)
        if not n or n > 12 or y is None:
            return None
        return PeriodMention(s, e, date(y, 1, 1), _month(y, n)[1], partial=True)
    if g("trail"):  # "over the past 12 months": the window that ends at publication
        n = _NUMWORD.get(g("trail_n").lower()) or int(g("trail_n"))
        if published is None or not n:
            return None
        unit = g("trail_u").lower()
        if unit in ("days", "weeks"):
            a = published - timedelta(days=n * (7 if unit == "weeks" else 1) - 1)
        else:
            y, mo = _add_months(published.year, published.month, -n * (12 if unit == "years" else 1))
            a = date(y, mo, min(published.day, calendar.monthrange(y, mo)[1])) + timedelta(days=1)
        return PeriodMention(s, e, a, published, partial=True)
    if g("ytd"):
        y = _y(g("ytd_y")) if g("ytd_y") else (published.year if published else None)
        if y is None:
            return None
        end = published if published and published.year == y else date(y, 12, 31)
        return PeriodMention(s, e, date(y, 1, 1), end, partial=True)
    if g("monthyear"):
        a, b = _month(_y(g("my_y")), _month_num(g("my_m")))
        return PeriodMention(s, e, a, b, partial=True)
    if g("daymonthyear"):
        try:
            d = date(_y(g("dmy_y")), _month_num(g("dmy_m")), int(g("dmy_d")))
        except ValueError:
            return None
        return PeriodMention(s, e, d, d, partial=True)
    if g("lastm"):  # "last November": the latest November before the month of publication; "next March"
        if published is None:
            return None
        mo = _month_num(g("lastm_m"))
        w = " ".join(g("lastm_w").lower().split())
        if w in ("next", "this coming"):
            y = published.year if mo > published.month else published.year + 1
        elif w == "this":
            y = published.year
        else:
            y = published.year if mo < published.month else published.year - 1
        a, b = _month(y, mo)
        return PeriodMention(s, e, a, b, partial=True)
    if g("inmonth"):
        mo = _month_num(g("inm_m"))
        y = _nearest_year(mo, published, text)
        if y is None:
            return None
        if g("inm_d"):  # "on June 17": that day
            try:
                d = date(y, mo, int(g("inm_d")))
            except ValueError:
                return None
            return PeriodMention(s, e, d, d, partial=True)
        a, b = _month(y, mo)
        return PeriodMention(s, e, a, b, partial=True)
    if g("weekday"):
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS[g("wd").lower()]) % 7
        d = published - timedelta(days=back)  # "on Wednesday": the latest Wednesday up to publication
        return PeriodMention(s, e, d, d, partial=True, day_only=True)
    if g("sameof"):  # "the same month of 2022": the span told before, in that year
        y = _y(g("so_y"))
        span = _same_span_before(published, g("so_u").lower(), y - published.year if published else 0)
        a, b = span if span else (None, None)
        return PeriodMention(s, e, a, b, shift=f"to:{y}")
    if g("relative"):
        w = " ".join(g("relative_w").lower().split())
        shift = "year" if w in _RELATIVE_YEAR else "month"
        if published is None:
            return PeriodMention(s, e, None, None, shift=shift)
        same = _SAME_SPAN_RE.search(w) if shift == "year" else None
        if same:  # "the same month last year" told with nothing before it: that span of publication, a year back
            span = _same_span_before(published, same.group(1), -1)
            a, b = span if span else (None, None)
            return PeriodMention(s, e, a, b, shift=shift)
        if shift == "year":
            a, b = _year(published.year - 1)
        else:
            y, mo = _add_months(published.year, published.month, -1)
            a, b = _month(y, mo)
        return PeriodMention(s, e, a, b, shift=shift)
    if g("rel"):
        if published is None:
            return None
        w = " ".join(g("rel_w").lower().split())
        if w.startswith("full") and (g("rel_fut") or _YEAR_BEFORE_RE.search(text, max(0, s - 8), s)):
            if not g("rel_fut"):
                return None  # "its 2024 full-year profit": the year told is the period
            a, b = _year(published.year)  # "its full-year guidance": the year under way
        elif w.startswith("full"):
            a, b = _year(published.year - 1)  # "a $14.1 billion full-year profit": the last year ended
        elif w == "last year":
            a, b = _year(published.year - 1)
        elif w == "this year":
            a, b = _year(published.year)
        elif w == "next year":
            a, b = _year(published.year + 1)
        elif w == "this month":
            a, b = _month(published.year, published.month)
        elif w == "last month":
            y, mo = _add_months(published.year, published.month, -1)
            a, b = _month(y, mo)
        elif w == "yesterday":
            a = b = published - timedelta(days=1)
        elif w == "this week":  # the week of publication so far, from its Monday
            a, b = published - timedelta(days=published.weekday()), published
        elif w == "last week":  # the Monday-to-Sunday week before publication's
            a = published - timedelta(days=published.weekday() + 7)
            b = a + timedelta(days=6)
        else:
            a = b = published
        return PeriodMention(s, e, a, b)
    if g("named"):
        key = " ".join(g("named").lower().split())
        a, b = LEXICON.named_periods[key]
        return PeriodMention(s, e, date.fromisoformat(a), date.fromisoformat(b))
    if g("year"):
        y = _y(g("year_y"))
        a, b = _year(y)
        before = text[max(0, s - 40):s].lower()
        baseline = bool(_BASELINE_BEFORE_RE.search(before))
        if _FROM_BEFORE_RE.search(before) and not _CHANGE_FROM_BEFORE_RE.search(before):
            baseline = False  # "from 2021" with no change before it: a start, treated as a year
        future = bool(_TARGET_BEFORE_RE.search(before))
        return PeriodMention(s, e, a, b, baseline=baseline, future_target=future)
    return None


# Words a time expression can start with; PERIOD_RE is tried only there (and at digits).
_START_WORDS = frozenset("""fy fiscal financial between from since starting beginning the first second third fourth last
final past so year this in during for on at next previous preceding prior a current now currently today as early mid late
end quarter half six twelve corresponding yesterday full""".split()) | frozenset(LEXICON.months) | frozenset(_WEEKDAYS) | frozenset(_NUMWORD)
_WORD_RE = re.compile(r"\w+")
_QTR_TOKEN_RE = re.compile(r"[QH][1-4]", re.IGNORECASE)
_WORD_ALTERNATION = re.compile(r"(?<![\w$])(?:" + "|".join(
    re.escape(w) for ws in CURRENCY_HINTS.values() for w in sorted(ws, key=len, reverse=True)) + r")")


def fiscal_start_for(country: str | None, sentence: str = "", publisher: str | None = None) -> int:
    """The month the fiscal year starts in, for the country of a sentence (or the country its
    currency words point to: "Rs", "crore" -> India; else the publisher's country)."""
    if country in FISCAL_START:
        return FISCAL_START[country]
    if sentence:
        m = _WORD_ALTERNATION.search(sentence)
        if m:
            for code, words in CURRENCY_HINTS.items():
                if m.group(0) in words:
                    return FISCAL_START.get(code, FISCAL_DEFAULT)
    return FISCAL_START.get(publisher or "", FISCAL_DEFAULT)


# function words that start a time expression only when a digit or a time word follows soon after
_WEAK_STARTS = frozenset("the a in on at for as this so from during since between".split())
_HINT_TAIL = tuple("""year years month months quarter half fiscal financial now currently today present moment earlier ago
before previous preceding prior same time date pandemic crisis recession far corresponding current next last first second
third fourth final past early mid late end start beginning middle week yesterday""".split())
_HINT_RE = re.compile(r"\d|\b(?:" + _MONTH_NAMES + "|" + "|".join(_WEEKDAYS) + "|" + "|".join(_HINT_TAIL) + r")\b",
                      re.IGNORECASE)
_HINT_SPAN = 48
# The hints told from the words of the text instead of a search of _HINT_RE at every position: a
# digit (one quick scan), or a whole word that is a hint word (any case, a set lookup). Exact while
# every hint word is a plain word; a word with other characters than ASCII is asked of the regex.
_HINT_WORDS = frozenset(w.lower() for w in (*LEXICON.months, *_WEEKDAYS, *_HINT_TAIL))
_HINT_WORD_RE = re.compile(r"(?:" + _MONTH_NAMES + "|" + "|".join(_WEEKDAYS) + "|" + "|".join(_HINT_TAIL) + r")",
                           re.IGNORECASE)
# What PERIOD_RE needs where it starts at a digit: a _YEAR there (the year, dash, both forms), or one or
# two digits then "[- ]month" (ending) or "[st|nd|rd|th] <month>" (daymonthyear); every other form starts
# with a letter. A superset of those starts, so a digit it rejects is one PERIOD_RE cannot match at.
_DIGIT_START_RE = re.compile(r"(?:1[89]|2[01])\d\d(?!\d)|\d{1,2}(?:[- ]m|(?:st|nd|rd|th)?\s+[jfmasond])", re.IGNORECASE)
# The words PERIOD_RE can go on with after a leading "the": those of its forms (relfy, ending, prevn,
# partfy, partq, firstn, ytd; a digit for "the 12 months") and the second words of the relative and
# named periods that start with "the". A superset, so a "the" it rejects is one PERIOD_RE cannot match at.
_AFTER_THE = tuple("""current next coming last previous prior preceding year financial fiscal quarter half six first
second third fourth final past same equivalent corresponding""".split()) + tuple(_NUMWORD) + tuple(
    p.split()[1] for p in (*_RELATIVE_YEAR, *_RELATIVE_MONTH, *LEXICON.named_periods)
    if len(p.split()) > 1 and p.split()[0].lower() == "the")
_THE_START_RE = re.compile(r"the\s+(?:\d|" + "|".join(re.escape(w) for w in sorted(set(_AFTER_THE), key=len, reverse=True)) + ")",
                           re.IGNORECASE)
_HINTS_FROM_WORDS = all(re.fullmatch(r"[a-z]+", w) for w in _HINT_WORDS)


_DIGIT_RE = re.compile(r"\d")


def _is_hint_word(tok: str) -> bool:
    """The whole word `tok` is one _HINT_RE matches (any case)."""
    if tok.isascii():
        return tok.lower() in _HINT_WORDS
    return _HINT_WORD_RE.fullmatch(tok) is not None


def _has_hint(text: str, words: list) -> bool:
    """_HINT_RE matches somewhere in `text` (whose words are `words`)."""
    if not _HINTS_FROM_WORDS:
        return _HINT_RE.search(text) is not None
    return _DIGIT_RE.search(text) is not None or any(_is_hint_word(tok) for _, _, tok in words)


def _hint_near(text: str, words: list, i: int) -> bool:
    """A _HINT_RE match starts within _HINT_SPAN characters after the end of word i."""
    end = words[i][1]
    limit = end + _HINT_SPAN
    if not _HINTS_FROM_WORDS:
        m = _HINT_RE.search(text, end + 1, limit + 40)
        return m is not None and m.start() <= limit
    if _DIGIT_RE.search(text, end, limit + 1):
        return True
    for j in range(i + 1, len(words)):
        start, _, tok = words[j]
        if start > limit:
            return False
        if _is_hint_word(tok):
            return True
    return False


def _start_key(tok: str, low: str) -> str | None:
    """Which forms of PERIOD_RE the word `tok` (lower-cased: `low`) can start (a key of _PERIOD_RE_BY_START,
    or a start word none of the table's forms names: then all of them), None for a word no period starts with."""
    if tok[0].isdigit():
        return _DIGIT
    if low in _START_WORDS:
        return low
    if tok[:2].upper() == "FY":
        return _FY
    if tok[0] in "QqHh" and _QTR_TOKEN_RE.match(tok):
        return _QH
    return None


# _start_key of the words seen, a pure function of the word asked of every word of every sentence (bounded)
_START_KEYS: dict[str, str | None] = {}
_START_KEYS_MAX = 50_000
_UNSEEN = object()


def _remember_start_key(tok: str) -> str | None:
    key = _start_key(tok, tok.lower())
    if len(_START_KEYS) >= _START_KEYS_MAX:
        _START_KEYS.clear()
    _START_KEYS[tok] = key
    return key


def find_periods(text: str, published: date | None = None, country: str | None = None,
                 publisher: str | None = None) -> list[PeriodMention]:
    fiscal_start = None  # told once, at the first match (it searches the sentence for currency words)
    out: list[PeriodMention] = []
    covered = -1
    by_start = _PERIOD_RE_BY_START
    digit_start = _DIGIT_START_RE.match
    the_start = _THE_START_RE.match
    words = word_spans_of(text)  # (start, end, word) of each \w+ match, told once with the number scanner
    if not _has_hint(text, words):
        return out
    keys = _START_KEYS
    for i, (start, _end, tok) in enumerate(words):
        if start < covered:
            continue
        key = keys.get(tok, _UNSEEN)
        if key is _UNSEEN:
            key = _remember_start_key(tok)
        if key is None:
            continue
        low = tok.lower()
        if low in _WEAK_STARTS and not _hint_near(text, words, i):
            continue  # "the", "in", "on" with no digit or time word after them
        if low == "the" and the_start(text, start) is None:
            continue  # "the company", "the 45 people": no word after "the" that a period goes on with
        if tok[0].isdigit() and digit_start(text, start) is None:
            continue  # "38,000", "12%", "45 people": no year, no "N months", no "N May" here
        m = by_start.get(key, PERIOD_RE).match(text, start)
        if m is None:
            continue
        covered = m.end()
        if fiscal_start is None:
            fiscal_start = fiscal_start_for(country, text, publisher)
        try:
            p = _mention(m, published, text, fiscal_start)
        except ValueError:  # resolved past date.min or date.max ("next year" of 9999-12-31): no period
            p = None
        if p is not None:
            out.append(p)
    return _resolve_shifts(out)


def _resolve_shifts(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """"a year earlier", "a month earlier", "the previous three months" move the period told
    before them in the sentence; with none, they keep their publication-date reading."""
    out: list[PeriodMention] = []
    anchor: PeriodMention | None = None
    part_anchor: PeriodMention | None = None  # the last anchor shorter than a year: what "the same months of" repeats
    for p in mentions:
        if p.shift and p.shift.startswith("to:"):
            if part_anchor is not None:
                years = part_anchor.period_end.year - int(p.shift[3:])
                try:
                    na, nb = _shift_year(part_anchor.period_start, part_anchor.period_end, years)
                except ValueError:
                    continue
                p = replace(p, period_start=na, period_end=nb, partial=part_anchor.partial)
            if p.period_start is not None:
                out.append(p)
            continue
        if p.shift and anchor is not None and anchor.period_start and anchor.period_end:
            a, b = anchor.period_start, anchor.period_end
            try:
                if p.shift == "year":
                    na, nb = _shift_year(a, b)
                elif p.shift == "same":
                    na, nb = _month(b.year, b.month)
                elif p.shift == "month":
                    y, mo = _add_months(b.year, b.month, -1)
                    na, nb = _month(y, mo)
                else:
                    n = int(p.shift.split(":")[1])
                    y, mo = _add_months(a.year, a.month, -1)
                    na, nb = _months_ending(y, mo, n)
            except ValueError:  # shifted before date.min: no period
                continue
            out.append(replace(p, period_start=na, period_end=nb, partial=anchor.partial))
            continue
        if p.shift and p.period_start is None:
            continue  # nothing to resolve it against
        out.append(p)
        if not p.shift and not p.baseline and not p.day_only and p.period_start is not None and p.period_end is not None:
            anchor = p
            if (p.period_end - p.period_start).days < _A_YEAR_DAYS:
                part_anchor = p
    return out


# (a participle of record may come between: "the 155 million recorded in 2019", "the 8.3 million sold for 1996")
# (or a comparative and "by": "will still be £1,340 lower by Q1 2029")
_RIGHT_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:recorded|registered|reported|seen|sold|posted|logged|counted|set|reached)\s+)?"
                             r"(?:(?:lower|higher|more|less|bigger|smaller|cheaper|dearer|larger)\s+(?=by\b))?"
                             r"(?:(?:in|during|for|on|over|at|by)\s+)?(?:the\s+)?")
# a relative baseline ("a year earlier") governs the figure right before it, but not through a
# comparison word ("down 7% on the previous year": the change is of this year)
_RIGHT_BEFORE_SHIFT_RE = re.compile(r"\s*,?\s*(?:(?:in|at|for|between|during|through)\s+)?(?:the\s+)?")
_A_YEAR_DAYS = 364


def choose_period(mentions: list[PeriodMention], qstart: int, qend: int, sentence: str | None = None) -> PeriodMention | None:
    """The period governing a quantity: a mention right after it ("2.6% in July", "up from
    about 248,000 in 2022", "485,000 this year", "£1.7bn a year earlier"), else the nearest
    mention before it, else the nearest after it; baselines ("a tenfold increase from 2022")
    and relative baselines ("a year earlier") govern only the figure right before them."""
    outside = [m for m in mentions if not (m.start < qend and qstart < m.end)]
    if sentence is not None:
        for m in outside:
            if m.start >= qend:
                gap = (_RIGHT_BEFORE_SHIFT_RE if m.shift and m.shift != "same" else _RIGHT_AFTER_RE).match(sentence, qend, m.start)
                if gap is not None and gap.end() == m.start:
                    return m
                break
    usable = [m for m in outside if not m.baseline and not m.day_only and (not m.shift or m.shift == "same")]
    before = [m for m in usable if m.end <= qstart]
    if before:
        return before[-1]
    after = [m for m in usable if m.start >= qend]
    return after[0] if after else None

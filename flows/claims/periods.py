"""Time expressions in a sentence -> the period a number is about.

`find_periods(sentence, published)` returns `PeriodMention`s (offsets relative to the
sentence); `choose_period` picks the one that governs a quantity. Relative expressions
("last year", "so far this year", "now") are resolved against the publication date."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from claimhouse.flows.claims.lexicon import LEXICON, phrase_alternation

_YEAR = r"(?<![\d,.$€£])(?:1[89]\d\d|20\d\d|21\d\d)(?!\d|,\d|\.\d|\s*(?:%|percent|per\s+cent))"
_MONTH_NAMES = phrase_alternation(LEXICON.months)
_MONTH = rf"(?:{_MONTH_NAMES})\.?"
_NUMWORD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8,
            "9": 9, "10": 10, "11": 11}

PERIOD_RE = re.compile(
    rf"""
    (?P<fy>\b(?:FY|fiscal\s+year|fiscal)\s*['’]?(?P<fy_y>\d{{4}}|\d{{2}})\b)
  | (?P<span>\b(?:between|from)\s+(?P<span_a>{_YEAR})\s+(?:and|to|until|through|-|–)\s+(?P<span_b>{_YEAR}))
  | (?P<dash>(?P<dash_a>{_YEAR})\s*[-–/]\s*(?P<dash_b>{_YEAR}|\d\d\b))
  | (?P<both>(?P<both_a>{_YEAR})\s+and\s+(?P<both_b>{_YEAR}))
  | (?P<since>\b(?:since|starting\s+in|starting\s+from|beginning\s+in|from\s+(?=(?:early|mid|late)))\s+
        (?:(?:early|late|mid)[- ]?)?(?:(?P<since_m>{_MONTH})\s+)?(?P<since_y>{_YEAR}))
  | (?P<partq>\b(?:the\s+)?(?P<partq_n>first|second|third|fourth|last|final)\s+(?P<partq_u>quarter|half)\s+of\s+(?:the\s+year\s+)?(?P<partq_y>{_YEAR})?)
  | (?P<firstn>\b(?:the\s+)?(?:first|past|last)\s+(?P<firstn_n>\w+)\s+months\s+of\s+(?:the\s+year|(?P<firstn_y>{_YEAR})))
  | (?P<ytd>\bso\s+far\s+(?:this|in)\s+(?:year|(?P<ytd_y>{_YEAR}))|\byear[- ]to[- ]date\b|\bthis\s+year\s+so\s+far\b)
  | (?P<monthyear>\b(?P<my_m>{_MONTH})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<my_y>{_YEAR}))
  | (?P<daymonthyear>\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH})\s+(?P<dmy_y>{_YEAR}))
  | (?P<inmonth>\b(?:in|during|for|since)\s+(?P<inm_m>{_MONTH})\b(?!\s+\d))
  | (?P<rel>\b(?P<rel_w>last\s+year|this\s+year|next\s+year|previous\s+year|a\s+year\s+earlier|a\s+year\s+ago|
        last\s+month|this\s+month|previous\s+month|a\s+month\s+earlier|a\s+month\s+ago|
        now|currently|today|at\s+present|at\s+the\s+moment|as\s+of\s+now)\b)
  | (?P<named>\b(?:{phrase_alternation(LEXICON.named_periods)})\b)
  | (?P<year>(?:\b(?P<year_pre>early|mid|late)[- ]?)?(?P<year_y>{_YEAR}))
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    period_start: date | None
    period_end: date | None
    partial: bool = False
    baseline: bool = False  # "from 2022" after a change: the comparison point, not the period
    future_target: bool = False  # "by 2026"


def _y(s: str) -> int:
    return int(s)


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _month_num(name: str) -> int:
    return LEXICON.months[name.lower().rstrip(".")]


def _fy(s: str) -> int:
    y = int(s)
    return y + 2000 if y < 100 else y


def _mention(m: re.Match, published: date | None, text: str) -> PeriodMention | None:
    g = m.group
    s, e = m.start(), m.end()
    if g("fy"):
        y = _fy(g("fy_y"))
        return PeriodMention(s, e, date(y - 1, 10, 1), date(y, 9, 30))
    if g("span"):
        a, b = _y(g("span_a")), _y(g("span_b"))
        return PeriodMention(s, e, date(min(a, b), 1, 1), date(max(a, b), 12, 31))
    if g("dash"):
        a = _y(g("dash_a"))
        bs = g("dash_b")
        b = (a // 100) * 100 + int(bs) if len(bs) == 2 else int(bs)
        if b < a:
            return None
        return PeriodMention(s, e, date(a, 1, 1), date(b, 12, 31))
    if g("both"):
        a, b = _y(g("both_a")), _y(g("both_b"))
        return PeriodMention(s, e, date(min(a, b), 1, 1), date(max(a, b), 12, 31))
    if g("since"):
        y = _y(g("since_y"))
        mo = _month_num(g("since_m")) if g("since_m") else 1
        return PeriodMention(s, e, date(y, mo, 1), None)
    if g("partq"):
        y = _y(g("partq_y")) if g("partq_y") else (published.year if published else None)
        if y is None:
            return None
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}[g("partq_n").lower()]
        if g("partq_u").lower() == "half":
            n = min(n, 2)
            a, b = (1, 6) if n == 1 else (7, 12)
        else:
            a, b = 3 * n - 2, 3 * n
        return PeriodMention(s, e, _month(y, a)[0], _month(y, b)[1], partial=True)
    if g("firstn"):
        n = _NUMWORD.get(g("firstn_n").lower())
        y = _y(g("firstn_y")) if g("firstn_y") else (published.year if published else None)
        if not n or y is None:
            return None
        return PeriodMention(s, e, date(y, 1, 1), _month(y, n)[1], partial=True)
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
    if g("inmonth"):
        if published is None:
            return None
        mo = _month_num(g("inm_m"))
        y = published.year if mo <= published.month else published.year - 1
        a, b = _month(y, mo)
        return PeriodMention(s, e, a, b, partial=True)
    if g("rel"):
        if published is None:
            return None
        w = " ".join(g("rel_w").lower().split())
        if w in ("last year", "previous year", "a year earlier", "a year ago"):
            a, b = _year(published.year - 1)
        elif w == "this year":
            a, b = _year(published.year)
        elif w == "next year":
            a, b = _year(published.year + 1)
        elif w == "this month":
            a, b = _month(published.year, published.month)
        elif "month" in w:  # last month, previous month, a month earlier, a month ago
            y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
            a, b = _month(y, mo)
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
        baseline = bool(re.search(r"(?:from|compared\s+(?:with|to)|than\s+in|than|over|versus|vs\.?|since)\s+(?:the\s+)?(?:same\s+period\s+(?:in|of)\s+)?$", before))
        if re.search(r"\bfrom\s+$", before) and not re.search(r"(?:increase|rise|jump|up|down|drop|decline|fall|fold|times|growth)\w*\s+from\s+$", before):
            baseline = False  # "from 2021" with no change before it: a start, treated as a year
        future = bool(re.search(r"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?$", before))
        return PeriodMention(s, e, a, b, baseline=baseline, future_target=future)
    return None


# Words a time expression can start with; PERIOD_RE is tried only there (and at digits).
_START_WORDS = frozenset("""fy fiscal between from since starting beginning the first second third fourth last
final past so year this in during for next previous a now currently today at as early mid late""".split()) | frozenset(
    LEXICON.months)
_WORD_RE = re.compile(r"\w+")


def find_periods(text: str, published: date | None = None) -> list[PeriodMention]:
    out = []
    covered = -1
    match = PERIOD_RE.match
    for w in _WORD_RE.finditer(text):
        start = w.start()
        if start < covered:
            continue
        tok = w.group()
        if not (tok[0].isdigit() or tok.lower() in _START_WORDS or tok[:2].upper() == "FY"):
            continue
        m = match(text, start)
        if m is None:
            continue
        covered = m.end()
        p = _mention(m, published, text)
        if p is not None:
            out.append(p)
    return out


_RIGHT_AFTER_RE = re.compile(r"\s*(?:(?:in|during|for|on|over)\s+)?(?:the\s+)?")


def choose_period(mentions: list[PeriodMention], qstart: int, qend: int, sentence: str | None = None) -> PeriodMention | None:
    """The period governing a quantity: a mention right after it ("2.6% in July", "up from
    about 248,000 in 2022", "485,000 this year"), else the nearest mention before it, else
    the nearest after it; baselines ("a tenfold increase from 2022") never govern."""
    usable = [m for m in mentions if not m.baseline and not (m.start < qend and qstart < m.end)]
    if sentence is not None:
        for m in usable:
            if m.start >= qend:
                gap = _RIGHT_AFTER_RE.match(sentence, qend, m.start)
                if gap is not None and gap.end() == m.start:
                    return m
                break
    before = [m for m in usable if m.end <= qstart]
    if before:
        return before[-1]
    after = [m for m in usable if m.start >= qend]
    return after[0] if after else None

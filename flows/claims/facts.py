"""Which claims state the same fact, and whether they agree, conflict or update one another.

Pure rules, no DuckDB. Two steps:

1. `document_features(doc, claims)` reads each claim of one document once and writes down, with
   where it found each: what is counted (`measure`, from the words next to the number, else the
   sentence, the sentence before or the headline), where or whose (`scope`, a path from the whole
   to the part: "SY/opposition-held", "org:amazon/twitch", "TR+SY" for a combined figure), when
   (`when_start`/`when_end`: the claim's period, or for an evolving count such as a toll the day
   it was "as of", resolved against the publication date), the unit family, kind and forecast
   flag. Linear work; the features become columns of the claims frame.
2. `same_fact(a, b)` decides one pair from those features and says why; `relation(a, b)` says
   agrees / conflicts / updates from the intervals, publication dates and wording. The warehouse
   states the same pair rule over the same columns in SQL (`warehouse/views/link_candidates.sql`,
   blocking on `block_key`); tests/xref checks that both decide alike.

The words are data: flows/claims/data/facts.json."""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Sequence

import numpy as np
import pycountry

from claimhouse.flows.claims import intervals
from claimhouse.flows.claims.lexicon import LEXICON
from claimhouse.flows.claims.model import Claim, Document
from claimhouse.flows.claims.periods import find_periods
from claimhouse.flows.claims.places import find_places
from claimhouse.flows.claims.segment import sentences

_DATA = json.loads((Path(__file__).parent / "data" / "facts.json").read_text(encoding="utf-8"))


def _terms(mapping: dict) -> dict[str, str]:
    return {t.lower(): k for k, words in mapping.items() if not k.startswith("_") for t in words}


MEASURE_OF: dict[str, str] = _terms(_DATA["measures"])
MEASURE_ORDER: tuple[str, ...] = tuple(k for k in _DATA["measures"] if not k.startswith("_"))
WEAK_WORDS = frozenset(_DATA["weak_measure_words"]["words"])
CONTEXT_NOUNS = frozenset(_DATA["context_nouns"]["words"])
EVOLVING = frozenset(_DATA["evolving_measures"]["measures"])
SCOPE_OF: dict[str, str] = {k: v for k, v in _DATA["scopes"]["names"].items()}
COMBINED_WORDS = tuple(_DATA["scopes"]["combined"])
WORLD_WORDS = tuple(_DATA["scopes"]["world"])
WHOLE_WORDS = tuple(_DATA["scopes"]["whole"])
COUNTRY_WHOLE_WORDS = tuple(_DATA["scopes"]["country_whole"])
NOT_SCOPE_BEFORE = tuple(_DATA["scopes"]["not_scope_before"])
NOT_SCOPE_AFTER = tuple(_DATA["scopes"]["not_scope_after"])
DOMAIN_ALIASES: dict[str, str] = dict(_DATA["country_domains"]["aliases"])
GENERIC_DOMAINS = frozenset(_DATA["country_domains"]["generic"])
WEEKDAYS = tuple(_DATA["weekdays"])
DAY_WORDS: dict[str, int] = dict(_DATA["day_words"])
UPDATE_CUES = tuple(_DATA["update_cues"])
PREVIOUS_CUES = tuple(_DATA["previous_cues"])
PEOPLE_HEADS = frozenset(_DATA["people_heads"]["words"])
ITEM_MEASURES = frozenset(_DATA["list_items"]["item_measures"])
FORECASTERS: dict[str, str] = {k: v for k, v in _DATA["forecasters"].items() if not k.startswith("_")}
FORECAST_WORDS = tuple(_DATA["forecast_words"])
RATE_MEASURES = frozenset(_DATA["rate_measures"])
STOCKS = frozenset(_DATA["stock_measures"]["measures"])
THRESHOLD_VERBS = frozenset(w.lower() for w in _DATA["threshold_verbs"]["words"])
ADJACENT_ONLY = frozenset(w.lower() for w in _DATA["adjacent_measure_words"]["words"])
ADJACENT_GAP_WORDS: int = _DATA["adjacent_measure_words"]["gap_words"]
REPORTED = frozenset(_DATA["reported_measures"]["measures"])
REPORTED_WINDOW: int = _DATA["reported_measures"]["window_days"]
MODIFIERS: dict[str, tuple[frozenset, tuple]] = {
    k: (frozenset(v["of"]), tuple(v["words"])) for k, v in _DATA["measure_modifiers"].items() if not k.startswith("_")}
NEAR_MODIFIERS: dict[str, tuple[frozenset, tuple]] = {
    k: (frozenset(v["of"]), tuple(v["words"])) for k, v in _DATA["near_modifiers"].items() if not k.startswith("_")}
MONTHS: dict[str, int] = {k.lower(): v for k, v in LEXICON.months.items()}
ANAPHORA = tuple(_DATA["anaphora"]["words"])
CUT_WORDS = tuple(_DATA["cut_words"]["words"])
EXCLUSION_WORDS = tuple(_DATA["exclusion_words"]["words"])
CLAUSE_BREAKS = tuple(_DATA["clause_breaks"]["words"])
_NATIONALITIES: dict[str, str] = dict(LEXICON.nationality_adjectives)
_UNIT_FORM: dict[str, str] = {form.lower(): name for name, u in LEXICON.units.items()
                              if u.get("family") not in (None, "count", "person") for form in u.get("forms", ())}
_COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries)
HISTORIC_DAYS = 300  # a period ending this long before publication is history, not today's count


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_RUN_RE = re.compile(r"\w+")
_WORD_START_RE = re.compile(r"(?<![\w-])\w+")


class _PerText:
    """A dict of values computed from one text, for the last few texts asked about (a document and
    its headline): what a claim reads around its number is read again by the claims beside it. Only
    pure functions of the text and their arguments go in it, so nothing ever needs resetting."""

    def __init__(self):
        self._texts: dict[int, tuple[str, dict]] = {}

    def of(self, text: str) -> dict:
        got = self._texts.get(id(text))
        if got is not None and got[0] is text:
            return got[1]
        if len(self._texts) >= 4:
            self._texts.clear()
        memo: dict = {}
        self._texts[id(text)] = (text, memo)  # holds text: its id is not reused meanwhile
        return memo


_RUNS = _PerText()  # "spans" -> (starts, ends) of the runs _WORD_START_RE finds in the text


class _WordAlternation:
    """`find(text, lo, hi)`: the matches of rx = `(?<![\w-])(?:word|word|...)(?![\w-])` (the words as
    `_alternation` orders them) in text[lo:hi], as `rx.finditer(text, lo, hi)` finds them, tried only
    at the words of the text that some listed word begins with.

    A match of rx starts where a run of word characters starts (not after a hyphen), and its first
    run is that run of the text, cut at `hi`. So at each such start only the listed words that begin
    with it can match, in the same order: no match is lost or added. The runs of a text are found
    once (for the last few texts asked about: a document, its headline); a window then looks at the
    runs that can start a word of the list, and at the run `hi` cuts, which may become one. A run
    with other characters than ASCII (where case folding is not `str.lower`) is asked of rx itself."""

    def __init__(self, words, flags: int = 0):
        ordered = sorted(set(words), key=len, reverse=True)
        self.rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w-])", flags)
        self.fold = bool(flags & re.I)
        self.exact = all(w.isascii() and w[:1].isalnum() for w in ordered)
        groups: dict[str, list[str]] = {}
        for w in ordered if self.exact else ():
            first = _RUN_RE.match(w).group(0)
            groups.setdefault(first.lower() if self.fold else first, []).append(w)
        self.by_first = {k: re.compile("(?:" + "|".join(re.escape(w) for w in ws) + r")(?![\w-])", flags)
                         for k, ws in groups.items()}
        self._candidates = _PerText()  # (start, end, pattern) of the runs a listed word can start at

    def _pattern_at(self, run: str) -> re.Pattern | None:
        """The pattern to try where `run` starts: the listed words beginning with it, or rx."""
        if not run.isascii():
            return self.rx
        return self.by_first.get(run.lower() if self.fold else run)

    def _runs(self, text: str) -> tuple:
        """(start, end of every run; start, end, pattern of the runs a listed word can start at)."""
        memo = self._candidates.of(text)
        got = memo.get("runs")
        if got is not None:
            return got
        spans = _RUNS.of(text)
        if "spans" not in spans:
            found = [m.span() for m in _WORD_START_RE.finditer(text)]
            spans["spans"] = ([a for a, _ in found], [b for _, b in found])
            if text.isascii():
                spans["words"] = [text[a:b] for a, b in found]
                low = text.lower()
                spans["lower"] = [low[a:b] for a, b in found]
        starts, ends = spans["spans"]
        if text.isascii():
            keys, by_first = spans["lower" if self.fold else "words"], self.by_first
            if by_first.keys().isdisjoint(keys):
                chosen = []
            else:
                chosen = [(starts[i], ends[i], by_first[k]) for i, k in enumerate(keys) if k in by_first]
        else:
            chosen = [(a, b, rx) for a, b in zip(starts, ends, strict=True)
                      if (rx := self._pattern_at(text[a:b])) is not None]
        got = memo["runs"] = (starts, ends, [a for a, _, _ in chosen], [b for _, b, _ in chosen],
                              [rx for _, _, rx in chosen])
        return got

    def find(self, text: str, lo: int, hi: int) -> list[re.Match]:
        if not self.exact:
            return list(self.rx.finditer(text, lo, hi))
        lo, hi = max(lo, 0), min(hi, len(text))
        if hi <= lo:
            return []
        starts, ends, c_starts, c_ends, c_rx = self._runs(text)
        pos = lo
        out = []
        for i in range(bisect_left(c_starts, lo), bisect_left(c_starts, hi)):
            p = c_starts[i]
            if c_ends[i] > hi:
                break  # the run hi cuts: below
            if p < pos:
                continue
            m = c_rx[i].match(text, p, hi)
            if m is not None:
                out.append(m)
                pos = m.end()
        j = bisect_left(starts, hi) - 1
        if j >= 0 and starts[j] >= max(lo, pos) and ends[j] > hi:
            rx = self._pattern_at(text[starts[j]:hi])
            m = rx.match(text, starts[j], hi) if rx is not None else None
            if m is not None:
                out.append(m)
        return out

    def search(self, text: str, lo: int, hi: int) -> re.Match | None:
        found = self.find(text, lo, hi)
        return found[0] if found else None


_EXCLUDED_AT = _PerText()  # position of a measure word -> listed after 'excludes'
_NOT_SCOPE_AT = _PerText()  # (start, end) of a place -> names an event or a seat (_not_scope)
_SCOPES_IN = _PerText()  # (lo, hi) -> _scopes_in(text, lo, hi)
_MEASURE_RE = _WordAlternation(MEASURE_OF, re.I)
_SCOPE_RE = _WordAlternation(SCOPE_OF)
_COMBINED_RE = _WordAlternation((*COMBINED_WORDS, "bringing", "brought", "taking", "takes", "took the"), re.I)
_WHOLE_RE = re.compile(r"(?<![\w-])(?:" + _alternation(WHOLE_WORDS) + r")(?![\w-])", re.I)
_COUNTRY_WHOLE_RE = re.compile(r"(?<![\w-])(?:" + _alternation(COUNTRY_WHOLE_WORDS) + r")(?![\w-])", re.I)
_SUSPENDED_RE = re.compile(r"\w-\s+(?:and|or)\s+$")  # "government- and rebel-held": two parts, one word
_WORLD_RE = re.compile(r"(?<![\w-])(?:" + _alternation(WORLD_WORDS) + r")(?![\w-])", re.I)
_DAY_RE = re.compile(r"(?<![\w-])(?P<w>" + _alternation(WEEKDAYS) + "|" + _alternation(DAY_WORDS) + r")(?P<poss>['’]s)?(?![\w-])", re.I)
_EVENT_BEFORE_RE = re.compile(r"(?:since|struck|hit|began|started|broke out|erupted|before dawn)\W+(?:\w+\W+){0,5}$", re.I)
_PAST_YEAR_RE = re.compile(r"(?<![\d,.$€£])(1[89]\d\d|20\d\d)(?![\d%])")
_UPDATE_RE = re.compile(r"(?<![\w-])(?:" + _alternation(UPDATE_CUES) + r")\W+(?:\w+\W+){0,3}$", re.I)
_PREVIOUS_RE = re.compile(r"(?<![\w-])(?:" + _alternation(PREVIOUS_CUES) + r")\s+$", re.I)
_ITEM_RE = re.compile(r"(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}):\s*$")
_FIRST_ITEM_RE = re.compile(r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}:\s*\d")
_FORECAST_RE = _WordAlternation(FORECAST_WORDS, re.I)
_FORECASTER_RE = re.compile(r"(?<![\w-])(?:" + _alternation(FORECASTERS) + r")(?![\w-])", re.I)
_NORM_RE = re.compile(r"[\W_]+")
_NOT_SCOPE_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + _alternation(NOT_SCOPE_BEFORE) + r")\s+(?:the\s+)?$", re.I)
_NOT_SCOPE_AFTER_RE = re.compile(r"(?:" + _alternation(NOT_SCOPE_AFTER) + r")(?![\w-])", re.I)
_HOST_RE = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?P<host>[^/:?#]+)", re.I)
_METRO_RE = re.compile(r"\b(?:metropolitan|metro) area\b", re.I)
_MODIFIER_RES = {k: (of, re.compile(r"(?<![\w-])(?:" + _alternation(words) + r")(?![\w-])", re.I))
                 for k, (of, words) in MODIFIERS.items()}
_NEAR_MODIFIER_RES = {k: (of, re.compile(r"(?<![\w-])(?:" + _alternation(words) + r")(?![\w-])", re.I))
                      for k, (of, words) in NEAR_MODIFIERS.items()}
_PART_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?\d[\d,.]*\b")
_MONTH_RE = re.compile(r"(?<![\w-])(?P<m>" + _alternation(MONTHS) + r")\.?(?:['’]s)?(?:\s+(?P<y>(?:19|20)\d\d))?(?![\w-])"
                       r"|(?P<last>\blast month\b)|(?P<prev>\b(?:the previous|the prior|a) month(?: earlier| before)?\b)", re.I)
_ANAPHORA_RE = re.compile(r"\W*(?:" + _alternation(ANAPHORA) + r")\b", re.I)
_PAST_YEAR_WORDS_RE = re.compile(r"\b(?:over|in|during)\s+the\s+(?:last|past)\s+year\b", re.I)
_WINDOW_RE = re.compile(r"\b(?:from|between)\s+(?P<m1>" + _alternation(MONTHS) + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
                        r"\s+(?:to|and|until|through|-|–)\s+(?P<m2>" + _alternation(MONTHS) + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b",
                        re.I)
_MONTH_WITH_RE = re.compile(r"\b(?P<m>" + _alternation(MONTHS) + r"),\s+with\s+$", re.I)
_YEAR_AFTER_RE = re.compile(r",?\s+((?:19|20)\d\d)\b")
_ORIGINS_RE = re.compile(r"\b(?:countries|country|nations|places) of origin\b", re.I)
_COMPARED_BEFORE_RE = re.compile(r"\b(?:from|than|than in|compared with|compared to|against|versus|over)\s+(?:the\s+)?(?:same\s+period\s+(?:in|of)\s+)?$", re.I)
_SAME_PERIOD_RE = re.compile(r"\b(?:in the same (?:period|month|time)|in the corresponding period|compared with|up from)\b", re.I)
_SAME_PERIOD_WORDS = ("in the same", "in the corresponding period", "compared with", "up from")  # one is in each match
_COMPARED_RE = re.compile(r"\b(?:from|previous|prior|compared with|compared to|against)\b", re.I)
_UP_TO_RE = re.compile(r"\b(?:up to|until|through|to)\s+(?P<m2>" + _alternation(MONTHS) + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_PASSED_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_DATA["threshold_verbs"]["lower_bound"]) + r")\s+$", re.I)
_COMPARISON_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_DATA["comparison_words"]["words"]) + r")(?![\w-])", re.I)
_APPOSITION_RE = re.compile(r"(?:^|,)\s*or\s+(?:[\w-]+\s+){0,2}$", re.I)
_SPEECH = _DATA["reported_speech"]
_WOULD_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_SPEECH["modals"]) + r")(?![\w-])", re.I)
_SPEECH_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_SPEECH["verbs"]) + r")(?![\w-])", re.I)
_HYPOTHETICAL_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_SPEECH["hypothetical"]) + r")(?![\w-])", re.I)
_MOVEMENT_RE = re.compile(r"\s+(?:" + _alternation(_DATA["forecast_movements"]["words"]) + r")(?![\w-])", re.I)
_FROM_RE = re.compile(r"\bfrom\s+$", re.I)
_SINCE_RE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
_THAN_RE = re.compile(r"\bthan\s+(?:[\w'’-]+\s+){0,5}$", re.I)
_HEDGE_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_DATA["approximate_hedges"]["words"]) + r")(?![\w-])", re.I)
_THAN_NEXT_RE = re.compile(r"\bthan\s+$", re.I)
_NATIONALITY_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_NATIONALITIES) + r")(?![\w-])")
_CUT_RE = re.compile(r"(?<![\w-])(?:" + _alternation(CUT_WORDS) + r")(?![\w-])", re.I)
_EXCLUDED_RE = re.compile(r"(?<![\w-])(?:" + _alternation(EXCLUSION_WORDS) + r")\b[^.;:()]{0,40}$", re.I)
_BREAK_RE = re.compile("|".join(re.escape(w) for w in CLAUSE_BREAKS), re.I)
_SPEAKER_RE = re.compile(r"['’]s\b|\s+(?:said|says|reported|reports|told|announced|added)\b")  # "Panama said": a source
_TWO_COUNTRIES_RE = re.compile(r"\b(?:both|two|the two|across the two)\s+countries\b", re.I)
_JOINED_RE = re.compile(r"^\s*(?:and|&|,|/|-|–)\s*(?:[a-z][\w-]*\s+){0,3}$")
NEAR_CHARS = 40  # words this close after a number name what it counts before any words before it
OPENING_CHARS = 400  # a document's opening: its standfirst, dateline and lede


@dataclass(frozen=True, slots=True)
class Evidence:
    """One feature of a claim and where it was read: 'sentence', 'previous sentence', 'headline',
    'lead', 'publication date' or 'claim' (the extractor's own field)."""

    value: str
    words: str
    source: str

    def text(self) -> str:
        return f"{self.value} ('{self.words}', {self.source})" if self.words else f"{self.value} ({self.source})"


@dataclass(frozen=True, slots=True)
class Features:
    """What one claim states, normalised for matching. None: not known."""

    measure: str | None
    scope: str | None
    when_start: date | None
    when_end: date | None
    unit_family: str | None
    kind: str
    forecast: str  # "" for a statement of fact, else who forecasts ("consensus", "bank", ...)
    partial: bool
    evolving: bool
    update_cue: bool
    comparable: bool  # False: hypothetical, or no measure / unit family / interval
    interval_low: float | None
    interval_high: float | None
    published: date | None
    claim_key: str  # stable across runs and versions: document, sentence, quote
    copy_key: str  # the sentence's words: equal keys in two documents = a copied sentence
    qualifier: str = "exact"  # an exact figure's rounding interval is open at its top
    when_loose: bool = False  # when_start..when_end is only the window before the figure was reported
    doc_sketch: str = ""  # the document's MinHash sketch (document_sketch): near-same documents are copies
    measure_evidence: Evidence | None = None
    scope_evidence: Evidence | None = None
    when_evidence: Evidence | None = None

    @property
    def block_key(self) -> str | None:
        """The coarse key the warehouse blocks on: unit family | measure | kind | forecast | partial
        period or not | country (the first part of the scope)."""
        if not self.comparable:
            return None
        country = (self.scope or "").split("/")[0]
        return "|".join([self.unit_family or "", self.measure or "", self.kind, self.forecast,
                         "partial" if self.partial else "", country])

    @property
    def fact_key(self) -> str | None:
        """block key + full scope + period: the fact the claim states (`facts` view)."""
        if not self.comparable:
            return None
        return "|".join([self.block_key or "", self.scope or "", _iso(self.when_start), _iso(self.when_end)])

    def evidence_text(self) -> str:
        parts = [e.text() for e in (self.measure_evidence, self.scope_evidence, self.when_evidence) if e]
        return "; ".join(parts)


def _nested(scope: str | None) -> bool:
    """A place below country level (US/HI/Maui), not an organisation nor a sum."""
    return bool(scope) and "/" in scope and not scope.startswith(("org:", "tracker:")) and "+" not in scope \
        and not scope.endswith("/*")


def scopes_meet(a: str | None, b: str | None) -> bool:
    """Equal scopes meet; below country level a place meets the places inside it (see facts.json)."""
    if (a or "") == (b or ""):
        return True
    return _nested(a) and _nested(b) and (a.startswith(b + "/") or b.startswith(a + "/"))


def _iso(d: date | None) -> str:
    return "" if d is None else d.isoformat()


# ---- regions of text around a number ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Context:
    """The text a claim is read in: its own stretch of the sentence (from the number before it to
    the number after it), the sentence, the sentence before, the headline and the lead."""

    text: str
    left: tuple[int, int]
    quote: tuple[int, int]
    right: tuple[int, int]
    sentence: tuple[int, int]
    previous: tuple[int, int] | None
    title: str
    lead: tuple[int, int] | None


def _contexts(doc: Document, claims: Sequence[Claim]) -> list[_Context]:
    text = doc.text
    spans = sentences(text, 0, len(text))
    starts = [s for s, _ in spans]
    out = []
    ends = sorted(o.span_end for o in claims)
    begins = sorted(o.span_start for o in claims)
    for c in claims:
        s0 = c.sentence_start
        s1 = s0 + len(c.sentence)
        if c.span_end > c.span_start:  # its own end is after its start, its own start before its end
            j = bisect_right(ends, c.span_start) - 1
            before = ends[j] if j >= 0 and ends[j] >= s0 else None
            j = bisect_left(begins, c.span_end)
            after = begins[j] if j < len(begins) and begins[j] < s1 else None
        else:
            before = max((o.span_end for o in claims if s0 <= o.span_end <= c.span_start and o is not c), default=None)
            after = min((o.span_start for o in claims if c.span_end <= o.span_start < s1 and o is not c), default=None)
        lo = before if before is not None else s0
        breaks = [m.end() for m in _BREAK_RE.finditer(text, lo, c.span_start)] if before is not None else []
        left = (max(breaks) if breaks else lo, c.span_start)
        hi = after if after is not None else s1
        cut = _BREAK_RE.search(text, c.span_end, hi) if after is not None else None
        right = (c.span_end, cut.start() if cut else hi)
        i = max(bisect_right(starts, s0) - 1, 0)
        previous = spans[i - 1] if i > 0 else None
        lead = spans[0] if spans and spans[0][0] != s0 else None
        out.append(_Context(text, left, (c.span_start, c.span_end), right, (s0, s1), previous, doc.title or "", lead))
    return out


# ---- what is counted ----------------------------------------------------------------------
def _measure_hits(text: str, lo: int, hi: int) -> list[tuple[int, str, str]]:
    """(position, words, measure) of each measure word in text[lo:hi], leaving out words listed
    after 'excludes' / 'except' (what a measure leaves out is not what it counts)."""
    excluded = _EXCLUDED_AT.of(text)
    hits = []
    for m in _MEASURE_RE.find(text, lo, hi):
        p = m.start()
        x = excluded.get(p)
        if x is None:
            x = excluded[p] = _EXCLUDED_RE.search(text, max(0, p - 60), p) is not None
        if not x:
            hits.append((p, m.group(0), MEASURE_OF[m.group(0).lower()]))
    out: list[tuple[int, str, str]] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev and prev[1].lower() not in WEAK_WORDS and h[0] - (prev[0] + len(prev[1])) <= 1:
            continue  # "core CPI inflation", "food price inflation": the modifier names the measure
        out.append(h)
    return out


def _cuts(ev: Evidence | None, ctx: _Context, percent: bool) -> Evidence | None:
    """A count of staff next to a cut verb counts job cuts; a share of staff in a sentence about
    cuts is the share cut."""
    if ev is None or ev.value != "staff":
        return ev
    lo, hi = ctx.sentence if percent else (ctx.left[0], ctx.right[1])
    if _APPOSITION_RE.search(ctx.text[ctx.left[0]:ctx.quote[0]]):  # "lay off 10% of its workforce, or about 8,000 employees"
        lo = ctx.sentence[0]
    m = _CUT_RE.search(ctx.text, lo, hi)
    return Evidence("job_cuts", f"{ev.words} + {m.group(0)}", ev.source) if m else ev


def _names_its_own_thing(claim: Claim) -> bool:
    """The claim counts a thing its own sentence names ("77 boats sank"), not people or a bare
    number: a measure word of another sentence (or the headline) is then about something else."""
    head = ((claim.subject or "").split()[-1:] or [""])[0].lower()
    return (claim.unit is None and head != "" and head not in CONTEXT_NOUNS
            and head not in LEXICON.person_nouns)


def _digit_at(quote: str) -> int:
    return next((i for i, ch in enumerate(quote) if ch.isdigit()), 0)


def _list_item(ctx: _Context) -> tuple[Evidence, Evidence | None] | None:
    """'... the companies that cut the most jobs last year include: Meta: 11,000. Amazon: 10,000.':
    (the item's scope, the measure of the sentence opening the list) for a number right after 'Name: '."""
    t = ctx.text
    lo = max(ctx.sentence[0], ctx.quote[0] - 40)
    m = _ITEM_RE.search(t, lo, ctx.quote[0]) if t.find(":", lo, ctx.quote[0]) >= 0 else None  # 'Name: ' ends there
    if not m:
        return None
    p0 = t.rfind("\n\n", 0, ctx.quote[0])
    p0 = 0 if p0 < 0 else p0 + 2
    first = _FIRST_ITEM_RE.search(t, p0, ctx.quote[0] + 1)
    if not first:
        return None
    i0 = max(t.rfind(". ", p0, first.start()), t.rfind("? ", p0, first.start()), p0 - 2) + 2
    hits = [h for h in _measure_hits(t, i0, first.start()) if h[2] not in ITEM_MEASURES]
    strong = [h for h in hits if h[1].lower() not in WEAK_WORDS] or hits
    measure = Evidence(strong[-1][2], strong[-1][1], "list") if strong else None
    name = m.group("name")
    if name in SCOPE_OF:
        return Evidence(SCOPE_OF[name], name, "list item"), measure
    if measure is not None and _cuts(measure, ctx, False).value in ORG_MEASURES:
        # an organisation the lexicon does not know ('Cisco: 4,100'): its own, by name
        return Evidence("org:" + _NORM_RE.sub("-", name.lower()).strip("-"), name, "list item"), measure
    return None


def _pick_measure(ctx: _Context, claim: Claim) -> Evidence | None:
    t = ctx.text
    near_end = min(ctx.right[1], ctx.quote[1] + NEAR_CHARS)
    comma = t.find(", ", ctx.quote[1], near_end)  # "to 6.8 per cent, a sign that high inflation ...": another clause
    near = [h for h in _measure_hits(t, ctx.quote[0], comma if comma >= 0 else near_end)
            if not _FROM_RE.search(t, max(0, h[0] - 6), h[0])]  # "rescued 4,000 people from cars"

    def adjacent(h: tuple[int, str, str]) -> bool:  # "a town of 13,000", not "the city of Maui has reached 93"
        w = h[1].lower()
        if w in THRESHOLD_VERBS and h[0] < ctx.quote[0] and not t[h[0] + len(h[1]):ctx.quote[0] + _digit_at(claim.quote)].strip(" \"'“‘"):
            return False  # "the death toll ... crossed 11,000": the figure a count passed, not what crossed
        if w in THRESHOLD_VERBS and h[0] >= ctx.quote[1] and not t[h[0] + len(h[1]):ctx.right[1]].strip(" \"'“‘"):
            return False  # "unchanged at 6.2 per cent and reached 0.9 per cent": the next number's mark
        return w not in ADJACENT_ONLY or (
            h[0] < ctx.quote[0] and len(t[h[0] + len(h[1]):ctx.quote[0]].split()) <= ADJACENT_GAP_WORDS)

    def left_hits() -> list[tuple[int, str, str]]:
        hits = [h for h in reversed(_measure_hits(t, *ctx.left)) if adjacent(h)]
        if ctx.left[0] > ctx.sentence[0]:  # "the 7.8 magnitude earthquake ... crossed 11,000": the word right after
            hits = [h for h in hits if t[ctx.left[0]:h[0]].strip(" -")]  # the number before is that number's
        return hits

    def before_hits() -> list[tuple[int, str, str]]:
        # "core inflation ... jumped from 6.2 per cent to 6.8 per cent, underlining that high inflation":
        # the measure named before the pair is the second number's too, before a word later in the clause
        paired = len(t[ctx.left[0]:ctx.left[1]].split()) <= 2 and ctx.left[0] > ctx.sentence[0]
        return [h for h in reversed(_measure_hits(t, ctx.sentence[0], ctx.left[0])) if adjacent(h)] if paired else []

    def far_hits() -> list[tuple[int, str, str]]:
        return [h for h in _measure_hits(t, min(ctx.right[1], ctx.quote[1] + NEAR_CHARS), ctx.right[1]) if adjacent(h)]

    near = [h for h in near if adjacent(h)]
    if not near and _may_hold(_SAME_PERIOD_WORDS, t, *ctx.left) and _SAME_PERIOD_RE.search(t, *ctx.left):
        # "155,754 migrants landed, ..., while in the same period of 2022 there were 103,846": what the
        # figure is compared with says what it counts, not a word between the two
        first = [h for h in _measure_hits(t, ctx.sentence[0], ctx.quote[0]) if adjacent(h) and h[1].lower() not in WEAK_WORDS]
        if first:
            return Evidence(first[0][2], first[0][1], "sentence")
    num_end = ctx.quote[0] + _digit_at(claim.quote)
    while num_end < len(t) and (t[num_end].isdigit() or t[num_end] in ",."):
        num_end += 1
    head = [h for h in near if h[0] >= num_end and not t[num_end:h[0]].strip(" ,.")
            and h[1].lower() not in PEOPLE_HEADS]  # "8,565 migrants died": people, counted by the verb
    if head and not _FROM_RE.search(t, max(0, head[0][0] - 6), head[0][0]):
        # "cut more than 150,000 jobs": the noun right after the number says what it counts
        return Evidence(head[0][2], head[0][1], "sentence")
    # near, then left, before and far, each read only when the ones before it name no measure
    windows: list[list[tuple[int, str, str]] | None] = [near, None, None, None]
    readers = (None, left_hits, before_hits, far_hits)
    for strong in (True, False):
        for k in range(4):
            hits = windows[k]
            if hits is None:
                hits = windows[k] = readers[k]()
            for _, words, measure in hits:
                if (words.lower() not in WEAK_WORDS) == strong:
                    return Evidence(measure, words, "sentence")
    s0, s1 = ctx.sentence
    sentence_hits = sorted(filter(adjacent, _measure_hits(t, s0, s1)), key=lambda h: (h[1].lower() in WEAK_WORDS, abs(h[0] - ctx.quote[0])))
    if ctx.previous and _ANAPHORA_RE.match(t, s0) and not [h for h in sentence_hits if h[0] < ctx.right[1]]:
        hits = _measure_hits(t, *ctx.previous)
        if hits:  # "It was unchanged at 6.2 per cent annually and reached 0.9 per cent on a monthly basis":
            # 'it' is the measure before; the words past the next number are that number's
            return Evidence(hits[0][2], hits[0][1], "previous sentence")
    if sentence_hits:
        return Evidence(sentence_hits[0][2], sentence_hits[0][1], "sentence")
    if _names_its_own_thing(claim):
        return None
    same_paragraph = ctx.previous is not None and "\n\n" not in t[ctx.previous[1]:s0]
    if ctx.previous and (_ANAPHORA_RE.match(t, s0) or same_paragraph):
        hits = _measure_hits(t, *ctx.previous)
        if hits:  # "It had been forecast to stay at 6.2 percent": the measure of the sentence before
            return Evidence(hits[0][2], hits[0][1], "previous sentence")
    hits = _measure_hits(ctx.title, 0, len(ctx.title))
    if hits:
        return Evidence(hits[0][2], hits[0][1], "headline")
    return None


# ---- where, or whose ----------------------------------------------------------------------
def _not_scope(text: str, start: int, end: int) -> bool:
    """A place that names an event or a cause ('the war in Ukraine') or where an organisation sits
    ('the Boston-based firm'), not where a figure counts."""
    memo = _NOT_SCOPE_AT.of(text)
    got = memo.get((start, end))
    if got is None:
        got = memo[start, end] = _not_scope_at(text, start, end)
    return got


def _not_scope_at(text: str, start: int, end: int) -> bool:
    return bool(_NOT_SCOPE_BEFORE_RE.search(text, max(0, start - 24), start) or _NOT_SCOPE_AFTER_RE.match(text, end))


def _scopes_in(text: str, lo: int, hi: int) -> list[tuple[int, str, str]]:
    """(position, words, path) of each place or organisation named in text[lo:hi]."""
    memo = _SCOPES_IN.of(text)
    got = memo.get((lo, hi))
    if got is None:
        got = memo[lo, hi] = tuple(_read_scopes(text, lo, hi))
    return list(got)


def _read_scopes(text: str, lo: int, hi: int) -> list[tuple[int, str, str]]:
    out = [(m.start(), m.group(0), SCOPE_OF[m.group(0)]) for m in _SCOPE_RE.find(text, lo, hi)]
    taken = [(p, p + len(w)) for p, w, _ in out]
    out = [h for h in out if not _not_scope(text, h[0], h[0] + len(h[1]))]
    origins = _ORIGINS_RE.search(text, lo, hi) if _may_hold(("of origin",), text, lo, hi) else None  # "the migrants' countries of origin are mainly Egypt, Tunisia ..."
    for p in find_places(text, lo, hi):
        if p.origin or any(a < p.end and p.start < b for a, b in taken) or _not_scope(text, p.start, p.end) \
                or (origins and origins.end() <= p.start):
            continue
        out.append((p.start, text[p.start:p.end], p.place.replace("/", "-")))  # "Darien Gap (PA-CO)": one name
    return sorted(out)


def _combine(hits: list[tuple[int, str, str]], combined_cue: bool) -> tuple[str, str] | None:
    """One scope from the places named in one stretch of text: the most specific path of each
    country; two countries named together (or with 'combined', 'both countries') are their sum."""
    if not hits:
        return None
    by_root: dict[str, tuple[str, str]] = {}
    for _, words, path in hits:
        root = path.split("/")[0]
        old = by_root.get(root)
        if old is None or len(path) > len(old[0]):
            by_root[root] = (path, words)
    orgs = [v for k, v in by_root.items() if k.startswith(("org:", "tracker:"))]
    if orgs:
        return orgs[0]
    if len(by_root) == 1:
        return next(iter(by_root.values()))
    roots = sorted(by_root)
    if combined_cue or len(roots) > 1:
        return "+".join(roots), " and ".join(by_root[r][1] for r in roots)
    return None


def _compound(text: str, hits: list[tuple[int, str, str]]) -> list[list[tuple[int, str, str]]]:
    """Places written together ('Turkey and Syria', 'Turkey, Syria') as one group each."""
    groups: list[list[tuple[int, str, str]]] = []
    for h in hits:
        if groups and _JOINED_RE.match(text[groups[-1][-1][0] + len(groups[-1][-1][1]):h[0]]) \
                and not _SPEAKER_RE.match(text, h[0] + len(h[1])):
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def _parts_together(ctx: _Context) -> Evidence | None:
    """'across government- and rebel-held areas', 'bringing the country's death toll to': the whole
    country, not the part the sentence names."""
    t = ctx.text
    for m in _SCOPE_RE.find(t, ctx.left[0], ctx.right[1]):
        path = SCOPE_OF[m.group(0)]
        if "/" in path and not path.startswith(("org:", "tracker:")) \
                and _SUSPENDED_RE.search(t, max(0, m.start() - 30), m.start()):
            start = t.rfind(" ", max(0, m.start() - 30), _SUSPENDED_RE.search(t, max(0, m.start() - 30), m.start()).start()) + 1
            return Evidence(path.rsplit("/", 1)[0], t[start:m.end()], "sentence")
    return None


def _may_hold(words: tuple[str, ...], text: str, lo: int, hi: int) -> bool:
    """False when a case-blind pattern that needs one of `words` (lower case ASCII) cannot match in
    text[lo:hi]: in ASCII text, case-blind matching is `str.lower`'s (the letters that fold to ASCII
    ones are not ASCII)."""
    part = text[max(lo, 0):hi]  # as a pattern reads pos and endpos
    if not part.isascii():
        return True
    low = part.lower()
    return any(w in low for w in words)


def _pick_scope(ctx: _Context) -> Evidence | None:
    t = ctx.text
    together = _parts_together(ctx)
    if together:
        return together
    own = _scopes_in(t, ctx.left[0], ctx.right[1])
    cues = _COMBINED_RE.find(t, ctx.left[0], ctx.quote[0])
    cue = bool(cues)
    # "the toll in the two countries to over 19,700": the cue may sit before a number word of its own
    lo = max(ctx.sentence[0], min(ctx.left[0], ctx.quote[0] - NEAR_CHARS))
    two = _TWO_COUNTRIES_RE.search(t, lo, ctx.right[1]) if _may_hold(("countries",), t, lo, ctx.right[1]) else None
    places_before = [h for h in own if h[0] < ctx.quote[0]]
    if two or (cue and (not places_before or cues[-1].start() > places_before[-1][0])):
        # "bringing the total to N", "the toll in the two countries": the sum of the countries around
        wider = _scopes_in(t, *ctx.sentence) + (_scopes_in(t, *ctx.previous) if ctx.previous else [])
        roots = sorted({h[2].split("/")[0] for h in wider if not h[2].startswith(("org:", "tracker:"))})
        if len(roots) < 2:
            roots = sorted(set(roots) | {h[2].split("/")[0] for h in _scopes_in(ctx.title, 0, len(ctx.title))
                                         if not h[2].startswith(("org:", "tracker:"))})
        if len(roots) > 1:
            return Evidence("+".join(roots), (two.group(0) if two else "total") + ": " + ", ".join(roots),
                            "sentence")
    for group in _compound(t, own):
        if len({h[2].split("/")[0] for h in group}) > 1 and (group[0][0] >= ctx.quote[1] or group[-1][0] < ctx.quote[0]):
            near_before = group[-1][0] < ctx.quote[0] and not [h for h in own if group[-1][0] < h[0] < ctx.quote[0]]
            near_after = group[0][0] >= ctx.quote[1] and not [h for h in own if ctx.quote[1] <= h[0] < group[0][0]] \
                and not _BREAK_RE.search(t, ctx.quote[1], group[0][0])  # ", and before that Amazon, Meta ...": another clause
            if near_before or near_after:
                got = _combine(group, True)
                if got:
                    return Evidence(got[0], got[1], "sentence")
    if own:
        # the nearest place before the number, else after it; all of them when the stretch names a sum
        before = [h for h in own if h[0] < ctx.quote[0]]
        after = [h for h in own if h[0] >= ctx.quote[1]]
        if len({h[2].split("/")[0] for h in own}) > 1 and (cue or len({h[2].split("/")[0] for h in before}) > 1):
            got = _combine(own, True)
        else:
            # a place after a comma begins the next item ("cut 18,000 workers, Meta is to shed ...")
            close = after and (after[0][0] - ctx.quote[1]) < 25 and "," not in t[ctx.quote[1]:after[0][0]]
            near = after[:1] if close else before[-1:] or after[:1]
            got = _combine(near, False)
        if got:
            return Evidence(got[0], got[1], "sentence")
    if _WORLD_RE.search(t, ctx.left[0], ctx.right[1]):
        return Evidence("world", _WORLD_RE.search(t, ctx.left[0], ctx.right[1]).group(0), "sentence")
    regions = [("sentence", t, *ctx.sentence)]
    if ctx.previous:
        regions.append(("previous sentence", t, *ctx.previous))
    regions.append(("headline", ctx.title, 0, len(ctx.title)))
    if ctx.lead:
        regions.append(("lead", t, *ctx.lead))
    for source, text, lo, hi in regions:
        hits = _scopes_in(text, lo, hi)
        if not hits:
            continue
        if source != "sentence" and len(_compound(text, hits)) == 1 and len(hits) > 1:
            got = _combine(hits, True)
            if got:
                return Evidence(got[0], got[1], source)
        roots = {h[2].split("/")[0] for h in hits}
        if len(roots) > 1 and not cue:
            if source == "sentence":
                continue  # places of other numbers of the sentence: look at the wider context
            got = _combine(hits, True)
        else:
            got = _combine(hits, cue)
        if got:
            return Evidence(got[0], got[1], source)
    return None


# ---- when ---------------------------------------------------------------------------------
def _day_of(word: str, published: date) -> date:
    w = word.lower()
    if w in DAY_WORDS:
        return published + timedelta(days=DAY_WORDS[w])
    back = (published.weekday() - WEEKDAYS.index(w)) % 7
    return published - timedelta(days=back)


def _days_in(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    out = []
    for m in _DAY_RE.finditer(text, lo, hi):
        if m.group("poss") or _EVENT_BEFORE_RE.search(text[max(lo, m.start() - 40):m.start()]):
            continue  # "Monday's quake", "struck on Monday": the event's day, not the count's
        out.append((m.start(), m.group("w")))
    return out


def _pick_day(ctx: _Context, published: date) -> Evidence:
    t = ctx.text
    near = _days_in(t, ctx.quote[1], min(ctx.right[1], ctx.quote[1] + NEAR_CHARS))
    left = list(reversed(_days_in(t, *ctx.left)))
    far = _days_in(t, min(ctx.right[1], ctx.quote[1] + NEAR_CHARS), ctx.right[1])
    for hits in (near, left, far):
        if hits:
            return Evidence(_day_of(hits[0][1], published).isoformat(), hits[0][1], "sentence")
    hits = _days_in(t, *ctx.sentence)
    if hits:
        return Evidence(_day_of(hits[0][1], published).isoformat(), hits[0][1], "sentence")
    for source, span in (("previous sentence", ctx.previous), ("lead", ctx.lead)):
        if span:
            hits = _days_in(t, *span)
            if hits:
                return Evidence(_day_of(hits[0][1], published).isoformat(), hits[0][1], source)
    if ctx.previous is None and ctx.sentence[1] < OPENING_CHARS and _standfirst(t, *ctx.sentence):
        # a standfirst ("... put the toll at 17,134 in Turkey", no full stop) summarises the lede
        # after it ("On Thursday the death toll climbed to more than 20,000"): it counts the lede's day
        hits = _days_in(t, ctx.sentence[1], min(len(t), OPENING_CHARS))
        if hits:
            return Evidence(_day_of(hits[0][1], published).isoformat(), hits[0][1], "opening")
    return Evidence(published.isoformat(), "", "publication date")


def _standfirst(text: str, start: int, end: int) -> bool:
    """The document's opening paragraph is a summary line, not a sentence: it ends without a full stop."""
    line = text[start:end].rstrip()
    return text.find("\n\n", end - 1, end + 3) >= 0 and not line.endswith((".", "!", "?", '"', "”", "'", "’"))


def _context_period(ctx: _Context, published: date | None) -> tuple[date, date, Evidence] | None:
    for source, text, lo, hi in (("headline", ctx.title, 0, len(ctx.title)),
                                 ("previous sentence", ctx.text, *(ctx.previous or (0, 0)))):
        for p in find_periods(text[lo:hi], published):
            if p.period_start and p.period_end and not p.baseline and not p.future_target:
                words = text[lo + p.start:lo + p.end]
                return p.period_start, p.period_end, Evidence(f"{p.period_start}..{p.period_end}", words, source)
    return None


def _compared_period(text: str, start: int) -> bool:
    """A period right after a comparison word ('compared with the previous year', 'more than in
    2022', 'up from 2022'): the compared period, not the one a change is measured over."""
    return _COMPARED_BEFORE_RE.search(text, max(0, start - 30), start) is not None


_WINDOWS_IN = _PerText()  # (lo, hi) -> _WINDOW_RE.search(text, lo, hi)


def _window_in(text: str, lo: int, hi: int) -> re.Match | None:
    memo = _WINDOWS_IN.of(text)
    key = (lo, hi)
    if key not in memo:
        memo[key] = _WINDOW_RE.search(text, lo, hi)
    return memo[key]


def _own_period(ctx: _Context, published: date | None, change: bool = False) -> tuple[date, date, Evidence] | None:
    """The period named in the number's own stretch of the sentence, nearest first (right after
    the number, then before it): '16,822 in August 2022', 'in 2022, 105,129 migrants'."""
    lo, hi = ctx.left[0], ctx.right[1]
    window = _window_in(ctx.text, *ctx.sentence)
    if window and published is not None:
        # "from January 1 to December 30": a window of days, not the year
        # the year written with the window, else the last one whose window ended by publication
        # ("104,061 arrived from January 1 to December 30, against 67,034 in 2021", published 1 January)
        year_m = _YEAR_AFTER_RE.match(ctx.text, window.end())
        m2, d2 = MONTHS[window.group("m2").lower()], int(window.group("d2"))
        year = int(year_m.group(1)) if year_m else (
            published.year if (m2, d2) <= (published.month, published.day) else published.year - 1)
        try:
            a = date(year, MONTHS[window.group("m1").lower()], int(window.group("d1")))
            b = date(year, MONTHS[window.group("m2").lower()], int(window.group("d2")))
        except ValueError:
            a = b = None
        if a and b and a <= b:
            return a, b, Evidence(f"{a}..{b}", window.group(0), "sentence")
    # a change is measured over its own period, not the compared one; a level in a comparison ('more than in
    # 2022 (when there were 103,846)', '5,273 in the corresponding period of 2022') counts its own period
    lo_with = max(ctx.sentence[0], ctx.quote[0] - 30)
    with_m = _MONTH_WITH_RE.search(ctx.text, lo_with, ctx.quote[0]) if ctx.text.find(",", lo_with, ctx.quote[0]) >= 0 else None
    if with_m and published is not None and with_m.group("m")[:1].isupper():
        # "the month with the most landings was August, with 16,822": the month the clause names
        month = MONTHS[with_m.group("m").lower()]
        year = published.year - (1 if month > published.month else 0)
        a, b = _month_span(year, month)
        return a, b, Evidence(f"{a}..{b}", with_m.group("m"), "sentence")
    found = [p for p in find_periods(ctx.text[lo:hi], published)
             if p.period_start and p.period_end and not p.future_target
             and (not p.baseline or (not change and p.start >= ctx.quote[1] - lo) or (not change and lo + p.end <= ctx.quote[0]))
             and not (change and _compared_period(ctx.text, lo + p.start))]
    if not found:
        return None
    q0, q1 = ctx.quote[0] - lo, ctx.quote[1] - lo

    def distance(p) -> tuple[int, int]:
        return (0, p.start - q1) if p.start >= q0 else (1, q0 - p.end)

    p = min(found, key=distance)
    words = ctx.text[lo + p.start:lo + p.end]
    if published is not None and _PAST_YEAR_WORDS_RE.search(ctx.text, max(lo, lo + p.start - 14), lo + p.end):
        # "landed over the last year" in a December article: the year now ending, not the one before
        return date(published.year, 1, 1), date(published.year, 12, 31), Evidence(
            f"{published.year}-01-01..{published.year}-12-31", "the last year", "sentence")
    end = p.period_end if p.period_end is not None else published
    return p.period_start, end, Evidence(f"{p.period_start}..{end}", words, "sentence")


def _month_span(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _months_in(text: str, lo: int, hi: int, published: date) -> list[tuple[int, str, tuple[date, date]]]:
    out = []
    for m in _MONTH_RE.finditer(text, lo, hi):
        if m.group("m") and _SINCE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "19.2 per cent, the highest rate since August 1977": the record it beats, not its month
        if m.group("prev"):
            named = [x for x in _MONTH_RE.finditer(text, 0, m.start()) if x.group("m")]
            if named:  # "6.8% in April from 6.2% the previous month": the month before the one named
                month = MONTHS[named[-1].group("m").lower()]
                year = published.year - (1 if month > published.month else 0)
                first = date(year, month, 1) - timedelta(days=1)
                out.append((m.start(), m.group(0), _month_span(first.year, first.month)))
            continue
        if m.group("last"):
            prev = published.replace(day=1) - timedelta(days=1)
            out.append((m.start(), m.group(0), _month_span(prev.year, prev.month)))
            continue
        month = MONTHS[m.group("m").lower()]
        year = int(m.group("y")) if m.group("y") else published.year - (1 if month > published.month else 0)
        out.append((m.start(), m.group(0), _month_span(year, month)))
    return out


def _rate_month(ctx: _Context, claim: Claim, published: date) -> tuple[date, date, Evidence]:
    """The month a monthly rate is for: a month named next to the number ('10.1% in March',
    "February's 10.4%", 'in the 12 months to April', 'last month'), else the extractor's period
    when it is one month, else the headline's month, else the month before publication (the
    latest release)."""
    t = ctx.text
    ahead = _months_in(t, ctx.quote[0], min(ctx.right[1], ctx.quote[1] + NEAR_CHARS), published)
    compared = {h[2] for h in ahead if _COMPARISON_RE.search(t, ctx.quote[1], h[0])}
    near = [h for h in ahead if h[2] not in compared]  # "19.3%, only slightly below March's 19.6%": 19.6%'s month
    left = list(reversed(_months_in(t, max(ctx.left[0], ctx.quote[0] - 25), ctx.quote[0], published)))
    for hits in (near, left):
        if hits:
            (s, e) = hits[0][2]
            return s, e, Evidence(f"{s}..{e}", hits[0][1], "sentence")
    cue = _COMPARED_RE.search(t, max(ctx.sentence[0], ctx.quote[0] - 25), ctx.quote[1])  # ", compared with" may end the stretch
    if cue and not any(ch.isdigit() for ch in t[cue.end():ctx.quote[0]]):  # "from 6.2 per cent to 6.8 per cent": 'from' is 6.2's
        # "up from 10.4%", "the previous figure of 10.1%": the month before the one reported
        named = _months_in(t, *ctx.sentence, published) or _months_in(ctx.title, 0, len(ctx.title), published)
        anchor = named[0][2][0] if named else published.replace(day=1) - timedelta(days=1)
        prev = anchor.replace(day=1) - timedelta(days=1)
        s, e = _month_span(prev.year, prev.month)
        return s, e, Evidence(f"{s}..{e}", "the month before " + (named[0][1] if named else "the latest"),
                              "sentence" if named else "publication date")
    hits = _months_in(ctx.title, 0, len(ctx.title), published)
    if hits:
        (s, e) = hits[0][2]
        return s, e, Evidence(f"{s}..{e}", hits[0][1], "headline")
    ps, pe = claim.period_start, claim.period_end
    if ps and pe and ps.day == 1 and (pe - ps).days < 31 and pe <= published and (ps, pe) not in compared:
        return ps, pe, Evidence(f"{ps}..{pe}", "", "claim")
    prev = published.replace(day=1) - timedelta(days=1)
    s, e = _month_span(prev.year, prev.month)
    return s, e, Evidence(f"{s}..{e}", "the month before publication", "publication date")


# ---- one document -------------------------------------------------------------------------
def _family(claim: Claim, measure: str | None) -> str | None:
    unit = claim.unit
    if unit is None or unit == "person" or LEXICON.unit_family(unit) in ("count", "person"):
        return "count" if measure is not None else None
    if unit.startswith("percent"):
        return "percent"  # "6.2 per cent annually" is a rate like "6.2%"
    return LEXICON.unit_family(unit)  # a count of other things ("acre", "structure") keeps its unit


def unit_scale(unit: str | None) -> float:
    base = (unit or "").split("/")[0]
    return float(LEXICON.units[base]["factor"]) if base in LEXICON.units else 1.0


def normalised_words(text: str) -> str:
    return _NORM_RE.sub(" ", text.lower()).strip()


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


ORG_MEASURES = frozenset({"job_cuts", "staff"})
_INCREMENT_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_DATA["rounds"]["increment"]) + r")(?![\w-])", re.I)
_INCREMENT_AFTER_RE = re.compile(r"\s+(?:" + _alternation(_DATA["rounds"]["increment_after"]) + r")\b(?!\s+than)", re.I)
_TOTAL_RE = re.compile(r"(?<![\w-])(?:" + _alternation(_DATA["rounds"]["total"]) + r")(?![\w-])", re.I)  # what an organisation's own figures count


def main_place(doc: Document, organisations: bool) -> Evidence | None:
    """The place (or, for staff and job cuts, the organisation) a document names most often (ties:
    the more specific path): the scope of a claim whose sentence, neighbour, headline and lead name none."""
    return _main_places(doc)[organisations]


def _main_places(doc: Document) -> tuple[Evidence | None, Evidence | None]:
    """(main_place(doc, False), main_place(doc, True)) from one reading of the document."""
    counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
    for _, _, path in _scopes_in(doc.text, 0, len(doc.text)) + _scopes_in(doc.title or "", 0, len(doc.title or "")):
        of = counts[path.startswith(("org:", "tracker:"))]
        of[path] = of.get(path, 0) + 1
    return _most_named(counts[0]), _most_named(counts[1])


class _Fallbacks:
    """fallbacks[organisations]: the scope of a claim whose own text names none (main_place, else the
    domain's country; main_place of the organisations), read from the document when first asked for."""

    __slots__ = ("doc", "got")

    def __init__(self, doc: Document):
        self.doc = doc
        self.got: tuple[Evidence | None, Evidence | None] | None = None

    def __getitem__(self, organisations: bool) -> Evidence | None:
        if self.got is None:
            places, orgs = _main_places(self.doc)
            self.got = (places or domain_country(self.doc), orgs)
        return self.got[organisations]


def _most_named(counts: dict[str, int]) -> Evidence | None:
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], len(k)))
    return Evidence(best, f"named {counts[best]} times", "document")


def domain_country(doc: Document) -> Evidence | None:
    """The country of the newsroom's country-code domain ('www.lbc.co.uk' -> GB): the last fallback
    for a document that names no place (a British outlet writes 'inflation fell to 8.7%')."""
    m = _HOST_RE.match(doc.uri or "")
    if not m:
        return None
    host = m.group("host").lower().rstrip(".")
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in GENERIC_DOMAINS:
        return None
    code = DOMAIN_ALIASES.get(tld, tld.upper())
    return Evidence(code, host, "domain") if code in _COUNTRY_CODES else None


_SENTENCE_KEYS = _PerText()  # (sentence start, sentence, uri) -> (normalised words, copy key, document id)


def claim_features(doc: Document, claim: Claim, ctx: _Context,
                   fallbacks: tuple[Evidence | None, Evidence | None] | _Fallbacks = (None, None),
                   doc_sketch: str = "") -> Features:
    item = _list_item(ctx)
    measure_ev = _cuts(item[1] if item and item[1] else _pick_measure(ctx, claim), ctx, claim.unit == "percent")
    for name, (of, rx) in _MODIFIER_RES.items():
        # past the next number: that number's modifier
        m = rx.search(ctx.text, ctx.sentence[0], ctx.right[1]) if measure_ev and measure_ev.value in of else None
        if m:
            measure_ev = Evidence(name, f"{measure_ev.words} + {m.group(0)}", measure_ev.source)
    for name, (of, rx) in _NEAR_MODIFIER_RES.items():
        m = rx.search(ctx.text, ctx.left[0], ctx.right[1]) if measure_ev and measure_ev.value in of else None
        if m:
            measure_ev = Evidence(name, f"{measure_ev.words} + {m.group(0)}", measure_ev.source)
    if measure_ev and _PART_OF_RE.match(ctx.text, claim.span_end):  # "74 of the 97": a part of the toll
        measure_ev = Evidence(measure_ev.value + ":part", measure_ev.words + " + of the", measure_ev.source)
    measure = measure_ev.value if measure_ev else None
    if measure in ORG_MEASURES:
        digit = next((i for i, ch in enumerate(claim.quote) if ch.isdigit()), 0)
        near_left = (max(ctx.left[0], claim.span_start - 30), claim.span_start + digit + 1)
        if _TOTAL_RE.search(ctx.text, *near_left):
            measure += ":total"
        elif _INCREMENT_RE.search(ctx.text, *near_left) or _INCREMENT_AFTER_RE.match(
                ctx.text, claim.span_end if not claim.quote.endswith(" more") else claim.span_end - 5):
            measure += ":round"
    scope_ev = (item[0] if item else None) or _pick_scope(ctx) or fallbacks[(measure or "").split(":")[0] in ORG_MEASURES]
    if scope_ev and _nested(scope_ev.value):
        country_whole = _COUNTRY_WHOLE_RE.search(ctx.text, ctx.left[0], ctx.right[1])
        whole = _WHOLE_RE.search(ctx.text, ctx.left[0], ctx.right[1]) if not country_whole else None
        if country_whole:  # "the country's death toll": all of it
            scope_ev = Evidence(scope_ev.value.split("/")[0], f"{scope_ev.words} + {country_whole.group(0)}", scope_ev.source)
        elif whole:  # "damage across the island": all of Maui, not Lahaina
            scope_ev = Evidence(scope_ev.value + "/*", f"{scope_ev.words} + {whole.group(0)}", scope_ev.source)
    metro = scope_ev and (_METRO_RE.search(ctx.text, ctx.left[0], ctx.right[1]) or _METRO_RE.search(ctx.text, *ctx.sentence))
    if scope_ev and metro:  # "the metropolitan area is home to 1.6 million": around the city, not in it
        scope_ev = Evidence(scope_ev.value + "+metro", f"{scope_ev.words} + {metro.group(0)}", scope_ev.source)
    published = doc.published_at
    evolving = measure in EVOLVING
    when_ev = None
    start, end = claim.period_start, claim.period_end
    historic = end is not None and published is not None and (published - end).days > HISTORIC_DAYS
    if evolving and not historic and (start is None or end is None) and published is not None:
        # "the 1939 quake, in which 33,000 people died": a past year in the number's own stretch
        m = _PAST_YEAR_RE.search(ctx.text, ctx.left[0], ctx.right[1])
        if m and int(m.group(1)) < published.year:
            start, end = date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31)
            historic = True
    partial = claim.period_partial and start is not None and end is not None and (end - start).days > 31
    if start is not None and end is None and published is not None:
        end = published  # "since 2019": to the day of publication
    if evolving and not historic and published is not None:
        ev = _pick_day(ctx, published)
        start = end = date.fromisoformat(ev.value)
        when_ev = Evidence(f"as of {ev.value}", ev.words, ev.source)
        before = _PREVIOUS_RE.search(ctx.text, max(ctx.sentence[0], claim.span_start - 30),
                                     claim.span_start + _digit_at(claim.quote))
        if before:  # "which previously stood at 80": the count before this day's figure
            start = end = start - timedelta(days=1)
            when_ev = Evidence(f"as of {start}", f"{before.group(0).strip()} + {ev.words or ev.value}",
                               f"the day before, {ev.source}")
        partial = False
    elif measure in RATE_MEASURES and published is not None:
        start, end, when_ev = _rate_month(ctx, claim, published)
    elif (own := _own_period(ctx, published, claim.kind == "change")) is not None:
        start, end, when_ev = own
        partial = partial and own[0] == claim.period_start
    elif claim.kind == "change" and start is not None and (got := _context_period(ctx, published)) is not None:
        # "That is 50 percent more than in 2022": the change of the headline's year, not a year near it
        start, end, when_ev = got
        partial = False
    elif start is not None:
        when_ev = Evidence(f"{start}..{end}", "", "claim" if start == claim.period_start else "sentence")
    else:
        got = _context_period(ctx, published)
        if got:
            start, end, when_ev = got
        elif published is not None:
            # no period anywhere near: the figure is about the month it was published in
            start = published.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            when_ev = Evidence(f"{start}..{end}", "", "publication date")
    kind = claim.kind
    unit = claim.unit
    if unit is None and measure_ev is not None and measure_ev.source == "sentence" \
            and _UNIT_FORM.get(measure_ev.words.lower()) is not None:
        unit = _UNIT_FORM[measure_ev.words.lower()]  # "2,170 incinerated acres": the unit word is the measure word
        claim = replace(claim, unit=unit)
    family = _family(claim, measure)
    if claim.unit == "percent" and measure in RATE_MEASURES:
        kind = "rate"
    elif family == "count" and (measure or "").split(":")[0] not in STOCKS:
        kind = "level"  # "cut 10,000 jobs" and "10,000 job cuts" count the same events
    elif claim.unit == "percent" and (measure or "").split(":")[0] == "job_cuts":
        kind = "level"  # "cut 13% of its employees" and "about 13 percent of its workforce": the share cut
    forecast = ""
    t = ctx.text
    future = claim.period_start is not None and published is not None and claim.period_start > published
    announced = (measure or "").split(":")[0] in ORG_MEASURES and not future  # "Meta will lay off 13%": the announcement
    estimate = (measure or "").split(":")[0] in REPORTED and not future  # "the $5.5 billion cost projected by"
    if _forecast_cue(ctx) and not announced and not estimate:
        who = _FORECASTER_RE.search(t, ctx.left[0], ctx.right[1]) or _FORECASTER_RE.search(t, ctx.sentence[0], ctx.quote[0])
        forecast = FORECASTERS[who.group(0).lower()] if who else "consensus"
    elif claim.modality == "forecast" and not announced and not _FORECAST_RE.search(t, *ctx.sentence) and (
            family != "count" or future):
        forecast = "forecast"  # "will be living in Japan by 2026"; an announced cut ("will cut 10,000 jobs") is the fact
    group = _NATIONALITY_RE.search(t, claim.span_start, min(ctx.right[1], claim.span_end + 20)) if measure else None
    if measure and group:
        measure = f"{measure}:{_NATIONALITIES[group.group(0)]}"  # "25,565 Chinese migrants": a group of its own
    scale = unit_scale(claim.unit)
    lo, hi = matching_interval(claim, ctx)
    lo = None if lo is None else lo * scale
    hi = None if hi is None else hi * scale
    if measure is None and family not in (None, "count"):
        measure = ""  # a length, a price, a rate: its unit says what it measures
    comparable = ((claim.modality != "hypothetical" or (announced and _reported_would(ctx))) and measure is not None and family is not None
                  and (lo is not None or hi is not None))
    loose = False
    if (measure or "").split(":")[0] in REPORTED and not evolving and published is not None:
        got = _reported_window(start, end, when_ev, published)
        if got:
            start, end, when_ev = got
            loose = True
    if not loose and (measure or "").split(":")[0] == "job_cuts" and start is not None and end is not None \
            and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        loose = True  # "the companies that cut the most jobs last year: Meta, 11,000": a round in that year
    s_rel = claim.span_start - claim.sentence_start
    occurrence = claim.sentence[:s_rel].count(claim.quote)
    memo = _SENTENCE_KEYS.of(doc.text)
    keys = memo.get((claim.sentence_start, claim.sentence, doc.uri))
    if keys is None:  # the claims of one sentence share its words and its copy key
        words = normalised_words(claim.sentence)
        keys = memo[claim.sentence_start, claim.sentence, doc.uri] = (words, _key(words), doc.document_id)
    sentence_words, copy_key, document_id = keys
    return Features(
        when_loose=loose,
        measure=measure, scope=scope_ev.value if scope_ev else None, when_start=start, when_end=end,
        unit_family=family, kind=kind if kind != "change" else f"change:{claim.direction or ''}",
        forecast=forecast, partial=partial, evolving=evolving,
        update_cue=bool(_UPDATE_RE.search(t[max(ctx.left[0], claim.span_start - 60):claim.span_start])),
        comparable=comparable, interval_low=lo, interval_high=hi, published=published,
        claim_key=_key(document_id, sentence_words, claim.quote, str(occurrence)),
        copy_key=copy_key, qualifier=claim.qualifier, doc_sketch=doc_sketch,
        measure_evidence=measure_ev, scope_evidence=scope_ev, when_evidence=when_ev)


def _reported_window(start: date | None, end: date | None, when_ev: Evidence | None,
                     published: date) -> tuple[date, date, Evidence] | None:
    """For a figure that describes an event or an organisation (job cuts, staff, damage, cost), a
    period that only says when it was reported (the publication date, a single day such as 'on
    Monday', 'now', or the current month) is not a period it counts: the figure was reported on that
    day about something that happened in the REPORTED_WINDOW days before. Returns that window."""
    if when_ev is None or start is None or end is None:
        return None
    if when_ev.source == "publication date" or (start <= published <= end and (end - start).days <= 31):
        day = published
    elif start == end and start <= published and (published - start).days <= REPORTED_WINDOW:
        day = start
    else:
        return None
    first = day - timedelta(days=REPORTED_WINDOW)
    words = f"reported {day}" + (f" ('{when_ev.words}', {when_ev.source})" if when_ev.words else f" ({when_ev.source})")
    return first, day, Evidence(f"{first}..{day}", f"{words}: within the {REPORTED_WINDOW} days before", "reporting window")


def periods_meet(a: Features, b: Features) -> bool:
    """Equal periods meet (null meets null); a reporting window (`when_loose`) meets any period it overlaps."""
    if a.when_loose or b.when_loose:
        return (a.when_start is not None and b.when_start is not None and a.when_end is not None
                and b.when_end is not None and a.when_start <= b.when_end and b.when_start <= a.when_end)
    return (a.when_start, a.when_end) == (b.when_start, b.when_end)


def matching_interval(claim: Claim, ctx: _Context) -> tuple[float | None, float | None]:
    """The values a claim is matched with: the extractor's interval, except for an approximate figure.
    A hedge word of its own ('about 13,000') allows 10% of the figure, but no more than two units of
    its last written digit ('some 155,754' is not 157,551); a figure whose qualifier came from elsewhere
    in the sentence, or a point estimate ('an estimated 2,207 structures and burned 2,170 acres'),
    asserts its rounding. A count said to have passed a mark ('the toll crossed 11,000') is at least it."""
    if claim.value is not None and claim.qualifier in ("exact", "approximate") and _PASSED_RE.search(
            ctx.text, max(ctx.left[0], claim.span_start - 30), claim.span_start + _digit_at(claim.quote)):
        return claim.value, None
    if claim.qualifier != "approximate" or claim.value is None:
        return claim.interval_low, claim.interval_high
    half = intervals.written_precision(claim.quote, claim.value)
    if half <= 0:
        return claim.interval_low, claim.interval_high
    near = ctx.text[max(ctx.left[0], claim.span_start - 20):claim.span_end]
    if _HEDGE_RE.search(near):
        slack = max(half, min(intervals.APPROX_SLACK * abs(claim.value), 4 * half))
    else:
        slack = min(half, intervals.ROUNDING_CAP * abs(claim.value))
    return claim.value - slack, claim.value + slack


def _reported_would(ctx: _Context) -> bool:
    """'said approximately 400 people would be let go', 'announced that it would lay off 10,000': a
    'would' of reported speech is the announcement's 'will', not a hypothetical."""
    t = ctx.text
    would = [m for m in _WOULD_RE.finditer(t, ctx.sentence[0], ctx.right[1])]
    return bool(would) and _SPEECH_RE.search(t, ctx.sentence[0], would[0].start()) is not None \
        and not _HYPOTHETICAL_RE.search(t, ctx.sentence[0], ctx.right[1])


def _forecast_cue(ctx: _Context) -> bool:
    """A forecast word before the number in its own stretch, or after it when the stretch ends the
    clause: between two numbers ('fell from 10.1% in March, less than the expected drop to 8.4%')
    the word belongs to the number it leads to."""
    t = ctx.text

    def cue_in(lo: int, hi: int, than: re.Pattern) -> bool:
        return any(not than.search(t, max(lo, m.start() - 50), m.start()) and not _MOVEMENT_RE.match(t, m.end())
                   for m in _FORECAST_RE.find(t, lo, hi))  # "is expected to climb further": not this figure

    # "higher than expected at 10.1%", "8.7%, a smaller drop than the Bank had expected": the figure is
    # measured against a forecast; "smaller than the expected drop to 8.4%": the figure is the forecast
    if cue_in(*ctx.left, _THAN_NEXT_RE):
        return True
    ends_clause = ctx.right[1] >= ctx.sentence[1] or _BREAK_RE.match(t, ctx.right[1]) is not None
    return ends_clause and cue_in(*ctx.right, _THAN_RE)


def lead_window(doc: Document) -> tuple[int, int, str] | None:
    """(month, day, words) of a window the document's first paragraph sets for its yearly figures:
    'Up to Dec 29, 155,754 landed', 'landings from January 1st to December 29th 2023'."""
    first = doc.text.split("\n\n", 1)[0][:400]
    m = _WINDOW_RE.search(first)
    if m:
        # "the dashboard covers landings from January 1st to December 29th": the document's window;
        # "104,061 people arrived from January 1 to December 30": one figure's, not the others'
        s0 = first.rfind(". ", 0, m.start()) + 1
        s1 = first.find(". ", m.end())
        rest = first[s0:m.start()] + first[m.end():s1 if s1 >= 0 else len(first)]
        if re.search(r"\d", _PAST_YEAR_RE.sub("", rest)):
            return None
    m = m or _UP_TO_RE.search(first)
    if not m:
        return None
    month, day = MONTHS[m.group("m2").lower()], int(m.group("d2"))
    return (month, day, m.group(0)) if (month, day) != (12, 31) else None


def _windowed(f: Features, window: tuple[int, int, str] | None) -> Features:
    """A full-year figure of a document whose lead sets a window to a day takes that window, and so
    does a same-period comparison (the year before, 'in the same period of 2022')."""
    if window is None or f.evolving or f.when_start is None or f.when_end is None or f.partial \
            or f.kind.startswith("change"):  # "up 50% in 2023": the year's change as reported
        return f
    s, e = f.when_start, f.when_end
    if not (s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year):
        return f
    try:
        end = date(e.year, window[0], window[1])
    except ValueError:
        return f
    return replace(f, when_end=end, partial=True,
                   when_evidence=Evidence(f"{s}..{end}", window[2], "lead"))


def document_features(doc: Document, claims: Sequence[Claim]) -> list[Features]:
    """The features of each claim of one document, in the order given."""
    if not claims:
        return []
    fallbacks = _Fallbacks(doc)
    window = lead_window(doc)
    contexts = _contexts(doc, claims)
    sketch = document_sketch(doc.text)
    return [_windowed(claim_features(doc, c, ctx, fallbacks, sketch), window)
            for c, ctx in zip(claims, contexts, strict=True)]


# ---- copies -------------------------------------------------------------------------------
SHINGLE_WORDS = 5  # a document is the set of its runs of five normalised words
SKETCH_SIZE = 16  # MinHash values kept per document
NEAR_COPY = 0.5  # this share of equal sketch positions (estimated Jaccard of the shingles): a copy
_PRIME = (1 << 61) - 1
_SEEDS = tuple((int.from_bytes(hashlib.md5(f"a{i}".encode()).digest()[:8], "big") % _PRIME or 1,
                int.from_bytes(hashlib.md5(f"b{i}".encode()).digest()[:8], "big") % _PRIME) for i in range(SKETCH_SIZE))


def document_sketch(text: str) -> str:
    """The MinHash sketch of a document's word 5-grams, as 'position:hex' tokens: two reposts of one
    wire story, lightly edited, share most positions; two independent articles about the same event
    share almost none. Linear in the text; compared per pair in link_candidates.sql."""
    words = normalised_words(text).split()
    if len(words) < SHINGLE_WORDS:
        return ""
    encoded = [w.encode() for w in words]  # UTF-8 of words joined by spaces = their UTF-8 joined by b" "
    runs = zip(*(encoded[i:] for i in range(SHINGLE_WORDS)), strict=False)  # each run of SHINGLE_WORDS words
    md5 = hashlib.md5
    heads = b"".join([md5(b" ".join(run)).digest()[:8] for run in runs])
    lows = _min_hashes(np.frombuffer(heads, dtype=">u8").astype(np.uint64))  # a repeated shingle changes no minimum
    return " ".join(f"{i}:{int(v):x}" for i, v in enumerate(lows))


_U = np.uint64
_P = _U(_PRIME)
_SEED_A = np.array([a for a, _ in _SEEDS], dtype=np.uint64)[:, None]
_SEED_B = np.array([b for _, b in _SEEDS], dtype=np.uint64)[:, None]
_A_HI, _A_LO = _SEED_A >> _U(32), _SEED_A & _U(0xFFFFFFFF)


def _mod_p(x: np.ndarray) -> np.ndarray:
    """x mod 2**61 - 1 for any 64-bit x: one fold (2**61 = 1 mod P) leaves less than 2P."""
    x = (x & _P) + (x >> _U(61))
    return np.minimum(x, x - _P)  # below P, x - P wraps round to above x


def _min_hashes(h: np.ndarray) -> np.ndarray:
    """min over h of (a * h + b) % (2**61 - 1) for each seed (a, b), exactly, in 64-bit integers:
    a and h (reduced) below 2**61 are split into 32-bit halves, and 2**64 = 8, 2**61 = 1 mod P."""
    h = _mod_p(h)[None, :]
    h_hi, h_lo = h >> _U(32), h & _U(0xFFFFFFFF)
    mid = _A_HI * h_lo + _A_LO * h_hi  # < 2**62
    low = _A_LO * h_lo  # < 2**64
    total = ((_A_HI * h_hi) << _U(3)) + (mid >> _U(29)) + ((mid & _U((1 << 29) - 1)) << _U(32)) \
        + (low & _P) + (low >> _U(61)) + _SEED_B  # four terms below 2**61, two small ones: no overflow
    return _mod_p(total).min(axis=1)


def sketch_similarity(a: str, b: str) -> float:
    """Share of equal positions of two sketches (an estimate of their shingles' Jaccard); 0 without one."""
    if not a or not b:
        return 0.0
    return len(set(a.split()) & set(b.split())) / SKETCH_SIZE


def is_copy(a: Features, b: Features) -> bool:
    """The same sentence in both documents, or near-same documents: a repost, not a second source."""
    return a.copy_key == b.copy_key or sketch_similarity(a.doc_sketch, b.doc_sketch) >= NEAR_COPY


# ---- one pair -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Decision:
    same: bool
    relation: str | None  # agrees | conflicts | updates when same
    evidence: tuple[str, ...]  # why (or why not) the same fact, then how the values compare


def _mid(f: Features) -> float:
    lo, hi = f.interval_low, f.interval_high
    if lo is not None and hi is not None and lo not in (float("-inf"),) and hi not in (float("inf"),):
        return (lo + hi) / 2
    return lo if lo not in (None, float("-inf")) else (hi or 0.0)


def _touch_open(a: Features, b: Features) -> bool:
    """a's rounding interval ends where b's begins, and a is an exact figure: its top is open
    ('19.1%' is [19.05, 19.15), so it does not meet '19.2%', [19.15, 19.25))."""
    return (a.qualifier == "exact" and a.interval_high is not None and b.interval_low is not None
            and round(a.interval_high, 9) == round(b.interval_low, 9) and b.interval_low > (a.interval_low or float("-inf")))


def values_meet(a: Features, b: Features) -> bool:
    return intervals.intervals_meet((a.interval_low, a.interval_high), (b.interval_low, b.interval_high)) \
        and not _touch_open(a, b) and not _touch_open(b, a)


def relation(a: Features, b: Features) -> str:
    """agrees when the intervals meet; updates when an evolving count was published later (or
    said 'rose to', 'revised') with a higher figure; else conflicts."""
    if values_meet(a, b):
        return "agrees"
    if a.evolving and b.evolving and a.published and b.published:
        earlier, later = (a, b) if (a.published, a.update_cue) <= (b.published, b.update_cue) else (b, a)
        if (later.published > earlier.published or later.update_cue) and _mid(later) > _mid(earlier):
            return "updates"
    return "conflicts"


def same_fact(a: Features, b: Features) -> Decision:
    """Do two claims (of different documents) state the same fact? The Python mirror of the pair
    rule in link_candidates.sql."""
    why: list[str] = []
    if not (a.comparable and b.comparable):
        return Decision(False, None, ("a claim is not compared (hypothetical, or no measure or unit)",))
    if a.block_key != b.block_key:
        return Decision(False, None, (f"different measure, unit, kind or country: {a.block_key} / {b.block_key}",))
    if not scopes_meet(a.scope, b.scope):
        return Decision(False, None, (f"different scope: {a.scope} / {b.scope} (a part is not its whole)",))
    if not periods_meet(a, b):
        return Decision(False, None, (f"different period: {a.when_start}..{a.when_end} / {b.when_start}..{b.when_end}",))
    why.append(f"same {a.measure}: {_ev(a.measure_evidence)} / {_ev(b.measure_evidence)}")
    if a.scope and a.scope == b.scope:
        why.append(f"same scope {a.scope}: {_ev(a.scope_evidence)} / {_ev(b.scope_evidence)}")
    elif a.scope:
        why.append(f"nested places {a.scope} / {b.scope}: {_ev(a.scope_evidence)} / {_ev(b.scope_evidence)}")
    if a.when_start:
        why.append(f"same period {a.when_start}..{a.when_end}: {_ev(a.when_evidence)} / {_ev(b.when_evidence)}")
    rel = relation(a, b)
    why.append(f"intervals [{a.interval_low}, {a.interval_high}] and [{b.interval_low}, {b.interval_high}] "
               + ("meet" if rel == "agrees" else "are disjoint"))
    if a.copy_key == b.copy_key:
        why.append("the same sentence in both documents: a copy, not an independent source")
    elif is_copy(a, b):
        why.append(f"near-same documents ({sketch_similarity(a.doc_sketch, b.doc_sketch):.0%} of their word 5-gram"
                   " sketch equal): a copy, not an independent source")
    return Decision(True, rel, tuple(why))


def _ev(e: Evidence | None) -> str:
    return e.text() if e else "not stated"

"""The extractor never raises on odd text, and what it returns is well formed (quantulum3-style
hypothesis test). Each example gets at most a second (`deadline`); each test a few seconds.

Shrinking is off: shrinking an example that runs out of time re-runs ~1 s inputs for minutes. A
failure prints the example as generated; the minimal ones found so far are pinned below the fuzz
tests as plain tests."""
from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.schemas.vocab import DIRECTIONS, KINDS, MODALITIES, QUALIFIERS
from tests.timing import assert_linear as assert_grows_linearly

NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
# No per-example wall-clock deadline: under load one example took 1.4 s with the same CPU time as
# on a quiet machine. Growth is asserted in CPU time (assert_grows_linearly); a hang meets pytest-timeout.
FAST = settings(max_examples=600, deadline=None, phases=NO_SHRINK, suppress_health_check=SLOW_OK)
# Number forms seen in news copy, plus the odd ones that break naive parsers.
NUMBER_FORMS = (
    "1,500", "$1.2bn", "20k", "two-thirds", "3-5", "-4", "12:30", "No. 5", "€5m", "£3.5 million", "¥100",
    "US$40", "25%", "80 percent", "3 per cent", "0.5 pct", "1.5 million", "half a million", "a dozen",
    "twenty-five", "one in five", "2 1/2", ".5", "tenfold", "three times", "doubled", "halved",
    "thousands of", "dozens of", "7–9", "7 to 9", "between 5 and 10", "from 3 to 4 million", "-3.5%",
    "minus 40", "1990s", "5G", "COVID-19", "F-16", "Section 427", "Python 3.11", "v2.0", "+44 20 7946 0958",
    "13 June 2018", "November 11, 2025", "12:01 a.m.", "19th century", "won 3-1", "221 Baker Street",
    "100% Satisfied", "60 Capsules", "300 migrants a day", "$5 per hour", "12 deaths per 100,000",
    "1,,,,000", "1....5", "1,2,3,4", "10-20-30", "1e308", "9" * 40, "0.000000001", "1/0", "0/0",
    "½", "¾", "٣", "१२", "５０", "1 000 000", "1'000'000", "1.000.000,50", "~300", "300-plus",
    "more than", "up to", "as many as", "nearly", "about", "at least", "fewer than", "or more",
)
WORDS = (
    "migrants", "people", "prices", "rose", "fell", "increase", "decrease", "share", "of", "the", "in",
    "since", "according to", "officials", "said", "will", "could", "estimated", "Chinese", "citizens",
    "rate", "points", "km", "tonnes", "barrels", "USD", "euros", "yen", "year", "month", "day",
    "January", "March", "May", "December", "Q3", "2023", "2008", "mid-2000s", "(2023)", "Darien Gap",
    "United States", "China", "per", "a", "an", "and", "or", "to", "from", "between",
)
UNIT_WORDS = (
    "points", "percentage points", "percent", "per cent", "%", "pct", "people", "migrants", "km", "km2", "mph",
    "times", "fold", "a day", "per 100,000", "per hour", "million", "billion", "bn", "dollars", "euros", "yuan",
    "°C", "degrees Celsius", "hectares", "tonnes", "barrels a day", "years", "or more", "or so", "-plus",
)
PUNCTUATION = ("", " ", "  ", "\n", "\n\n", "\r\n", "\t", ", ", ". ", "; ", ": ", "-", "–", "—", "—", "(", ")",
               "\"", "“", "”", "'", "’", "/", "|", "%", "$", "€", "£", "¥", "...", "!!", "?", "\u00a0",
               "\u200b", "\ufeff", "\ue000")


def _digits(draw_len: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=1, max_size=draw_len)


@st.composite
def numbers(draw) -> str:
    """One number in a random written form."""
    form = draw(st.integers(0, 6))
    if form == 0:
        return draw(st.sampled_from(NUMBER_FORMS))
    if form == 1:
        return f"{draw(st.integers(-10**12, 10**12)):,}"
    if form == 2:
        x = draw(st.floats(allow_nan=False, allow_infinity=False, width=64))
        return draw(st.sampled_from((repr(x), f"{x:.2f}", f"{x:,.1f}", f"{x:e}")))
    if form == 3:  # very long digit runs, with or without separators
        run = draw(_digits(400))
        sep = draw(st.sampled_from(("", ",", ".", " ", ",,", "..")))
        return sep.join(run[i:i + 3] for i in range(0, len(run), 3)) if sep else run
    if form == 4:
        cur = draw(st.sampled_from(("", "$", "US$", "€", "£", "¥", "RMB ", "Rs ", "CHF ")))
        scale = draw(st.sampled_from(("", "k", "m", "bn", "tn", " million", " billion", "%", " percent")))
        return f"{cur}{draw(st.integers(0, 10**6))}{draw(st.sampled_from(('', '.5', '.25', ',000')))}{scale}"
    if form == 5:  # ranges and times
        a, b = draw(st.integers(-100, 10**5)), draw(st.integers(-100, 10**5))
        return f"{a}{draw(st.sampled_from(('-', '–', '—', ' to ', ' and ', ':', '/', ' or ')))}{b}"
    return draw(st.text(min_size=1, max_size=6))  # any unicode, glued to the neighbours


@st.composite
def quantities(draw) -> str:
    """A cue, a number and a unit or counted noun, the way news copy writes them."""
    cue = draw(st.sampled_from(("", "", "about ", "more than ", "up to ", "nearly ", "between ", "from ",
                                "rose ", "fell by ", "down from ", "an estimated ", "the share of ")))
    return f"{cue}{draw(numbers())}{draw(st.sampled_from(('', ' ')))}{draw(st.sampled_from(UNIT_WORDS))}"


@st.composite
def news_text(draw) -> str:
    """Fragments of news copy: numbers, cue words, units, months, punctuation, newlines."""
    parts = draw(st.lists(st.one_of(numbers(), quantities(), st.sampled_from(WORDS), st.sampled_from(PUNCTUATION)),
                          max_size=60))
    glue = draw(st.sampled_from((" ", "", "\n", " \n ")))
    return glue.join(parts)


@st.composite
def repeated_separators(draw, most: int = 300) -> str:
    """A number-ish token repeated with separators, long enough to stress the scanners."""
    token = draw(st.sampled_from(NUMBER_FORMS + ("1", "-", ",", ".", "%", "$", "to", "and")))
    sep = draw(st.sampled_from(PUNCTUATION))
    return sep.join([token] * draw(st.integers(1, most)))


# Shorter repeats here: the thousands of inputs should take seconds, not minutes.
ANY_TEXT = st.one_of(st.text(), news_text(), repeated_separators(most=30))


def assert_well_formed(text: str, claims: list) -> None:
    previous_end = 0
    for claim in claims:
        assert 0 <= claim.span_start < claim.span_end <= len(text), claim
        assert claim.quote == text[claim.span_start:claim.span_end], claim
        assert claim.span_start >= previous_end, ("overlapping or unsorted spans", claim)
        previous_end = claim.span_end
        for v in (claim.value, claim.low, claim.high):
            assert v is None or math.isfinite(v), claim
        for v in (claim.interval_low, claim.interval_high):
            assert v is None or not math.isnan(v), claim  # an open bound may be infinite
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim
        if claim.interval_low is not None and claim.interval_high is not None:
            assert claim.interval_low <= claim.interval_high, claim
        assert claim.qualifier in QUALIFIERS, claim
        assert claim.direction is None or claim.direction in DIRECTIONS, claim
        assert claim.kind in KINDS, claim
        assert claim.modality in MODALITIES, claim
        assert 0.0 <= claim.checkworthiness <= 1.0, claim


@pytest.mark.slow
@FAST
@given(st.text())
def test_arbitrary_unicode_text_gives_well_formed_claims(text):
    assert_well_formed(text, extract_claims(text))


@pytest.mark.slow
@FAST
@given(news_text())
def test_news_like_fragments_give_well_formed_claims(text):
    assert_well_formed(text, extract_claims(text))


@pytest.mark.slow
@settings(max_examples=150, deadline=None, phases=NO_SHRINK, suppress_health_check=SLOW_OK)
@given(repeated_separators())
def test_repeated_separators_give_well_formed_claims(text):
    assert_well_formed(text, extract_claims(text))


@pytest.mark.slow
@FAST
@given(news_text(), st.dates())
def test_any_published_date_gives_well_formed_claims(text, published):
    assert_well_formed(text, extract_claims(text, published))


# The first and last days Python can represent, and the days next to pandas' nanosecond range:
# st.dates() rarely draws them, and relative periods ("next year", "last month") step past them.
EXTREME_DATES = (date.min, date(1, 1, 31), date(1, 12, 31), date(1500, 1, 1), date(1677, 9, 21),
                 date(2262, 4, 12), date(9999, 1, 1), date.max)
RELATIVE_PERIODS = ("next year", "last year", "this year", "last month", "this month", "a year ago", "a year earlier",
                    "a month earlier", "the previous three months",
                    "in December", "in January", "so far this year", "the first quarter", "the first six months of the year")


@st.composite
def text_with_relative_periods(draw) -> str:
    """News fragments with relative periods, resolved against the publication date."""
    parts = draw(st.lists(st.one_of(quantities(), st.sampled_from(WORDS), st.sampled_from(RELATIVE_PERIODS)),
                          min_size=1, max_size=20))
    return " ".join(parts)


@pytest.mark.slow
@FAST
@given(text_with_relative_periods(), st.sampled_from(EXTREME_DATES))
def test_extreme_publication_dates_give_well_formed_claims(text, published):
    assert_well_formed(text, extract_claims(text, published))


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, phases=NO_SHRINK, suppress_health_check=SLOW_OK)
@given(ANY_TEXT, st.one_of(st.none(), st.dates(), st.sampled_from(EXTREME_DATES)))
def test_a_few_thousand_inputs_across_strategies(text, published):
    assert_well_formed(text, extract_claims(text, published))


# ---- minimal inputs found by the tests above -----------------------------------------------------

def test_a_relative_period_past_the_last_representable_year_is_no_period():
    text = "Sales will rise 5% next year."
    assert [c.period_start for c in extract_claims(text, date(9999, 12, 31))] == [None]


def test_a_relative_period_before_year_one_is_no_period():
    text = "Sales rose 5% last year."
    assert [c.period_start for c in extract_claims(text, date(1, 1, 1))] == [None]


def test_a_range_in_points_is_no_error():
    text = "Support fell 3 to 5 points in the poll."
    assert_well_formed(text, extract_claims(text))


def assert_linear(piece: str, copies: int) -> None:
    """Sixteen times the input may take at most 64 times as long (quadratic work: 256); best CPU
    times compared, so a loaded machine does not fail it (tests/timing.py)."""
    assert_grows_linearly(lambda n: assert_well_formed(piece * n, extract_claims(piece * n)), copies)


@pytest.mark.slow
def test_a_comma_list_of_numbers_is_extracted_in_linear_time():
    assert_linear("1, ", 125)


@pytest.mark.slow
def test_a_run_of_dashed_ranges_is_extracted_in_linear_time():
    assert_linear("3-5–", 125)


@pytest.mark.slow
def test_a_30_kb_run_on_sentence_is_extracted_in_linear_time():
    clause = "about 1,500 migrants crossed the border, up 20% from $1.2bn, two-thirds were children, "
    assert_linear(clause, 30_000 // 16 // len(clause))

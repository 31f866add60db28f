"""Leftover categories from real published news (issue 13): code quoted in text, local dollars,
`cut-off` as a noun, unit abbreviations written with a full stop. Each rule on sentences written here."""
import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.segment import sentences


def _by_quote(text):
    return {c.quote: c for c in extract_claims(text)}


@pytest.mark.parametrize("text", [
    "The proof of concept sets window.pwned = 1 before the page loads.",
    "A single line, config.max_depth += 4, turns the check off.",
    "The script starts with x = 5; and loops until it stops.",
    "Attackers raised retry_limit = 50 in the settings file.",
    "The bug reads buf[64] past the end of the array.",
])
def test_numbers_inside_code_are_not_claims(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, quote", [
    ("The trial enrolled n = 2,400 adults across four sites.", "2,400 adults"),  # a sample size is no code
    ("The bug affected 3,000 sites [after the patch] and more.", "3,000 sites"),
])
def test_equations_and_brackets_in_prose_still_hold_claims(text, quote):
    assert quote in _by_quote(text)


@pytest.mark.parametrize("text, quote, unit", [
    ("The wagon is priced from $A52,990 before on-road costs.", "$A52,990", "AUD"),
    ("The hatch is priced from $NZ31,490 in its base form.", "$NZ31,490", "NZD"),
    ("Deliveries start at NZD 64,990 for the long-range model.", "NZD 64,990", "NZD"),
    ("The SUV lists at AUD 47,500 with metallic paint.", "AUD 47,500", "AUD"),
    ("The miner booked 3.1 billion Australian dollars in profit.", "3.1 billion Australian dollars", "AUD"),
    ("The port handled cargo worth 80 billion Hong Kong dollars.", "80 billion Hong Kong dollars", "HKD"),
    ("The ute is listed at 58,000 NZD before options.", "58,000 NZD", "NZD"),
    ("Tickets cost AU$89 and C$75 at the door.", "AU$89", "AUD"),
    ("Tickets cost AU$89 and C$75 at the door.", "C$75", "CAD"),
])
def test_local_dollars_written_with_their_country(text, quote, unit):
    assert _by_quote(text)[quote].unit == unit


@pytest.mark.parametrize("text, quote", [
    ("Only three sedans beat the 6.2-second cut-off in our test.", "6.2-second"),
    ("Applicants needed a cut off of 72 marks to get a place.", "72 marks"),
    ("The cut-off for the grant is 45 hours of work a week.", "45 hours"),
])
def test_a_cut_off_as_a_threshold_is_no_fall(text, quote):
    assert _by_quote(text)[quote].direction is None


def test_cutting_something_off_is_still_a_cut_when_told_as_a_change():
    assert _by_quote("The board cut spending by 12% this year.")["12%"].direction == "decrease"


@pytest.mark.parametrize("text, count", [
    ("The diesel makes 420 lb-ft. of torque at 1,750rpm.", 1),
    ("The bag weighs 11 oz. 20 of them fit in a crate.", 1),
    ("The loft offers 1,150 sq. ft. of floor space.", 1),
    ("The bar weighs 4 lbs. It was cast in 1990.", 2),  # a capital after the stop ends the sentence
    ("He met Mr. Patel at noon.", 1),
])
def test_unit_abbreviations_with_a_full_stop_end_a_sentence_only_before_a_capital(text, count):
    assert len(sentences(text, 0, len(text))) == count


@pytest.mark.parametrize("text, quote, unit", [
    ("The loft offers 1,150 sq. ft. of floor space.", "1,150 sq. ft.", "ft2"),
    ("The warehouse covers 220,000 square feet near the port.", "220,000 square feet", "ft2"),
])
def test_square_feet(text, quote, unit):
    assert _by_quote(text)[quote].unit == unit


def _periods(text, published):
    return {c.quote: (c.period_start and c.period_start.isoformat(), c.period_end and c.period_end.isoformat())
            for c in extract_claims(text, published)}


@pytest.mark.parametrize("text, quote, want", [
    # the span told before, moved to the year named
    ("Bookings reached 9,100 in April, against 7,300 in the same month of 2019.", "7,300", ("2019-04-01", "2019-04-30")),
    ("Fares rose 4p between May and June, after a rise of 2p between the same months of 2021.", "2p",
     ("2021-05-01", "2021-06-30")),
    ("Arrivals were 12,000 so far this year, against 30,000 in the same period of 2022.", "30,000",
     ("2022-01-01", "2022-03-10")),
    ("Visits in the March-May period were 41,000, against 52,000 in the equivalent period of 2019.", "52,000",
     ("2019-03-01", "2019-05-31")),
    # told with nothing before it: the month before publication, the latest quarter ended, a year back
    ("Profit was $31m, against $28m in the same quarter last year.", "$28m", ("2021-10-01", "2021-12-31")),
    ("Profit was $31m, against $28m in the same quarter a year earlier.", "$28m", ("2021-10-01", "2021-12-31")),
    ("Shops sold 4,200 cars, down from 4,900 in the same month of last year.", "4,900", ("2022-02-01", "2022-02-28")),
    # a period tells nothing about its length: no period rather than the whole year
    ("Firms filed 640 claims, compared with 590 in the same period of 2022.", "590", (None, None)),
])
def test_the_same_span_of_another_year(text, quote, want):
    from datetime import date
    assert _periods(text, date(2023, 3, 10))[quote] == want


def test_the_change_itself_is_not_dated_by_the_baseline_year():
    from datetime import date
    assert _periods("Sales rose 6% compared with the same month of 2022.", date(2023, 3, 10))["6%"] == (None, None)

"""Unit tests for the second round of value rules on issue 13 (directions told after the figure,
comparisons of two things, listed levels, box-office averages). Sentences made up here: they pin
each rule, they are no measure of quality."""
import pytest

from claimhouse.flows.claims.extract import extract_claims


def by_quote(text: str) -> dict:
    return {c.quote: c for c in extract_claims(text)}


@pytest.mark.parametrize("text, quote, direction", [
    ("The index closed 12.4 points, or 0.3%, higher at 4,102.5 on Friday.", "12.4 points", "increase"),
    ("The index closed 12.4 points, or 0.3%, higher at 4,102.5 on Friday.", "0.3%", "increase"),
    ("Its payout will be 11.5 per cent down at $40 million.", "11.5 per cent", "decrease"),
])
def test_change_word_after_the_figure(text, quote, direction):
    c = by_quote(text)[quote]
    assert (c.direction, c.kind) == (direction, "change")


@pytest.mark.parametrize("text, quote, direction", [
    ("The north saw 30% more snow than usual in the winter.", "30%", None),
    ("Wages in cities grew 1.2pp faster than for rural workers.", "1.2pp", None),
    ("Sales were 14% lower than the 2019 peak.", "14%", "decrease"),
    ("Fares were 9% higher than last year.", "9%", "increase"),
])
def test_comparisons_of_two_things_have_no_direction(text, quote, direction):
    c = by_quote(text)[quote]
    assert c.kind == "change"
    assert c.direction == direction


def test_down_to_is_a_fall_to_a_level_and_up_to_a_bound():
    down = by_quote("Operating profit was down to $12.5m this year.")["$12.5m"]
    assert (down.direction, down.kind) == ("decrease", "level")
    up = extract_claims("Fines of up to $500 apply.")[0]
    assert up.qualifier == "upper_bound" and up.direction is None


def test_growth_rate_of_is_an_increase():
    c = by_quote("Output reached 410 units, a growth rate of 3.1 percent.")["3.1 percent"]
    assert (c.direction, c.kind) == ("increase", "change")


def test_levels_listed_after_one_change_verb_share_its_direction():
    cs = by_quote("Deposit and loan rates dropped to 4.25 per cent and 9.5 per cent.")
    assert cs["4.25 per cent"].direction == cs["9.5 per cent"].direction == "decrease"


def test_plural_level_nouns_after_from():
    c = by_quote("Copper traded at $8,100, down from highs of about $9,900 in May.")["about $9,900"]
    assert c.direction == "decrease"


def test_box_office_average_is_per_location():
    cs = by_quote("The drama took $2,400,000 from 610 theaters, an average of $3,934.")
    assert cs["$3,934"].unit == "USD/location"
    assert cs["$2,400,000"].unit == "USD"


def test_average_without_venues_keeps_its_currency():
    c = by_quote("Households spent an average of $1,250 on heating.")["$1,250"]
    assert c.unit == "USD"


def test_rupee_abbreviation_with_a_stop_does_not_end_the_sentence():
    cs = by_quote("Net profit rose to Rs.81.2 crore from Rs. 64.5 crore a year earlier.")
    assert cs["Rs. 64.5 crore"].unit == "INR"


def test_rates_per_acre_and_hectare():
    assert by_quote("Farmers harvested 19 quintal per acre.")["19 quintal per acre"].unit == "quintal/acre"
    assert by_quote("Yields were 4 tonnes a hectare.")["4 tonnes a hectare"].unit == "tonne/hectare"


@pytest.mark.parametrize("text, quote, unit", [
    ("The infection rate is 6.1 per 100,000 people, up from 5.3 a week earlier.", "5.3", "per_100000"),
    ("The jobless rate eased to 7.4 in May from 7.9 per cent in April.", "7.4", "percent"),
])
def test_two_ends_of_a_change_of_level_share_the_unit(text, quote, unit):
    assert by_quote(text)[quote].unit == unit


def test_a_bare_number_after_a_change_keeps_no_unit():
    assert by_quote("The shares rose 4% to 212 on Monday.")["212"].unit is None


def test_per_share_figures_after_the_measure():
    cs = by_quote("Revenue rose to $4.1 billion and earnings per share were $1.12, against $0.98 a year ago.")
    assert cs["$1.12"].unit == cs["$0.98"].unit == "USD/share"
    assert cs["$4.1 billion"].unit == "USD"


def test_bare_temperatures_in_imperial_forecasts_are_fahrenheit():
    cs = by_quote("Lows near 18 tonight with winds of 10 to 15 mph.")
    assert cs["18"].unit == "fahrenheit"
    metric = by_quote("Lows near 4 tonight with winds of 20 km/h.")
    assert metric["4"].unit is None


@pytest.mark.parametrize("text, quote, direction", [
    ("Pre-tax profit rose 12% to £410m (H1 2023: £366m).", "£366m", "increase"),
    ("Copper was trading at $9,120 a tonne with a 1.1 percent gain on Tuesday.", "$9,120 a tonne", "increase"),
    ("Gold touched $2,310 an ounce and was up 0.9% by noon.", "$2,310 an ounce", "increase"),
    ("The blaze spread to 4,500 acres overnight.", "4,500 acres", "increase"),
    ("The musical took $12.1M, nearly 30% higher than the $9.3M for last year's revival.", "$12.1M", "increase"),
    ("The musical took $12.1M, nearly 30% higher than the $9.3M for last year's revival.", "$9.3M", "increase"),
    ("There were 4,410 admissions, a 12% increase on last week's 3,937.", "3,937", "increase"),
    ("There were 51,300 new cases, a 9% month-on-month increase.", "9%", "increase"),
    ("The lender posted a $3.2m lift in profit.", "$3.2m", "increase"),
    ("The region shed a painful 8,400 jobs in March.", "8,400 jobs", "decrease"),
])
def test_directions_from_the_words_around(text, quote, direction):
    assert by_quote(text)[quote].direction == direction


def test_counts_listed_after_a_passive_change():
    cs = by_quote("About 22,000 jobs were added in May and 17,500 in April.")
    assert (cs["17,500"].direction, cs["17,500"].kind) == ("increase", "change")


def test_a_direction_lent_back_reaches_the_conversion_before():
    cs = by_quote("Zinc was selling at $2,640 (£2,080) this week, down from highs of about $3,100 in May.")
    assert cs["$2,640"].direction == cs["£2,080"].direction == cs["about $3,100"].direction == "decrease"


def test_a_level_before_a_comparison_with_an_earlier_figure():
    cs = by_quote("Median rent was $1,410 in 2023, the agency said, 6% lower than the 2021 peak of $1,500.")
    assert cs["$1,410"].direction == cs["$1,500"].direction == "decrease"


def test_a_month_after_than_is_an_earlier_time():
    cs = by_quote("The average price now stands at £301,000, around £1,200 less than in June.")
    assert cs["around £1,200"].direction == cs["£301,000"].direction == "decrease"


@pytest.mark.parametrize("text, quote", [
    ("The maximum penalty for the offence is a 14 year prison term.", "14 year"),
    ("Emissions stayed within the maximum permitted limit of 40 mg.", "40 mg"),
])
def test_legal_ceilings_bound_the_figure(text, quote):
    assert by_quote(text)[quote].qualifier == "upper_bound"


def test_maximum_power_is_no_ceiling():
    assert by_quote("The engine makes a maximum power of 420bhp.")["420bhp"].qualifier == "exact"


def test_tallies_piled_up_have_no_direction():
    assert by_quote("The visitors piled up 512 before lunch.")["512"].direction is None


def test_a_threshold_duration_does_not_take_the_baseline_direction():
    cs = by_quote("Some 9,100 patients waited more than 18 weeks, up from 8,300 a month before.")
    assert cs["more than 18 weeks"].direction is None
    assert cs["more than 18 weeks"].unit == "week" and cs["8,300"].unit != "week"

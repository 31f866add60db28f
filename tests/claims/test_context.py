"""Context rules for real news (issue 13): periods, subjects, attribution, places, modality.
Sentences made up here, one rule each; a unit-test corpus, not a measure of quality."""
from datetime import date

import pytest

from claimhouse.flows.claims.attribution import choose_attribution, find_attributions
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.periods import find_periods


def claim(text: str, quote_start: str, published: date | None = None):
    """The claim whose quote starts with `quote_start`."""
    for c in extract_claims(text, published):
        if c.quote.startswith(quote_start):
            return c
    raise AssertionError(f"no claim starting {quote_start!r} in {[c.quote for c in extract_claims(text, published)]}")


def span(text: str, published: date | None = None, country: str | None = None) -> list[tuple[str, str]]:
    return [(str(m.period_start), str(m.period_end)) for m in find_periods(text, published, country)]


# ---- periods ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, published, want", [
    ("sales rose in the three months to August", date(2024, 10, 2), ("2024-06-01", "2024-08-31")),
    ("in the 12 months to June 2021", None, ("2020-07-01", "2021-06-30")),
    ("in the year to the end of May", date(2023, 7, 1), ("2022-06-01", "2023-05-31")),
    ("for the six months ended 30 September", date(2020, 11, 12), ("2020-04-01", "2020-09-30")),
    ("for the quarter ended March 31, 2019", None, ("2019-01-01", "2019-03-31")),
    ("in the second quarter", date(2024, 8, 1), ("2024-04-01", "2024-06-30")),
    ("in the fourth quarter", date(2024, 2, 1), ("2023-10-01", "2023-12-31")),
    ("in the first half", date(2021, 9, 9), ("2021-01-01", "2021-06-30")),
    ("in Q3 2022", None, ("2022-07-01", "2022-09-30")),
    ("in H2 2019", None, ("2019-07-01", "2019-12-31")),
    ("in the July-September quarter of 2016", None, ("2016-07-01", "2016-09-30")),
    ("between November and January", date(2024, 3, 5), ("2023-11-01", "2024-01-31")),
    ("for the month of May", date(2022, 6, 14), ("2022-05-01", "2022-05-31")),
    ("since March", date(2025, 9, 1), ("2025-03-01", "None")),
    ("on Wednesday", date(2026, 3, 6), ("2026-03-04", "2026-03-04")),
    ("In April, 2,000 people", date(2020, 6, 1), ("2020-04-01", "2020-04-30")),
])
def test_a_relative_or_partial_period_is_resolved(text, published, want):
    assert span(text, published)[0] == want


def test_a_fiscal_year_starts_in_the_month_of_the_sentence_country():
    assert span("in FY24", None, "IN")[0] == ("2023-04-01", "2024-03-31")
    assert span("in FY24", None, "AU")[0] == ("2023-07-01", "2024-06-30")
    assert span("in FY24", None, "US")[0] == ("2023-10-01", "2024-09-30")


def test_currency_words_point_to_the_fiscal_year_of_their_country():
    assert span("profit of Rs 12 crore in Q1FY20")[0] == ("2019-04-01", "2019-06-30")
    assert span("output of Rs 9 lakh crore in Q3 of 2021-22")[0] == ("2021-10-01", "2021-12-31")


def test_a_slash_year_is_a_fiscal_year_and_a_season_is_not():
    assert span("crimes recorded in 2018/19")[0] == ("2018-04-01", "2019-03-31")
    assert span("the 2018-19 season")[0] == ("2018-01-01", "2019-12-31")


def test_this_fiscal_year_is_relative_to_publication():
    assert span("exports this fiscal year", date(2023, 5, 10), "IN")[0] == ("2023-04-01", "2024-03-31")


def test_a_year_earlier_moves_the_period_told_before_it():
    c = claim("Profit was £2.1bn for the six months to June 30, up from £1.9bn a year earlier.", "£1.9bn", date(2021, 8, 2))
    assert (c.period_start, c.period_end) == (date(2020, 1, 1), date(2020, 6, 30))


def test_the_previous_three_months_precede_the_period_told_before():
    c = claim("The jobless rate rose to 4.4% in the three months to May, from 4.2% in the previous three months.",
              "4.2%", date(2024, 7, 16))
    assert (c.period_start, c.period_end) == (date(2023, 12, 1), date(2024, 2, 29))


def test_a_baseline_on_the_previous_year_does_not_govern_the_change():
    c = claim("The price it got for copper in 2024 slipped 4 per cent on the previous year.", "4 per cent", date(2025, 2, 1))
    assert c.period_start == date(2024, 1, 1)


def test_a_weekday_does_not_govern_figures_far_from_it():
    c = claim("The firm on Monday reported a 12 percent rise in sales for the quarter ended June 30, 2024.", "12 percent",
              date(2024, 7, 29))
    assert (c.period_start, c.period_end) == (date(2024, 4, 1), date(2024, 6, 30))


# ---- subjects ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, quote, want", [
    ("The carmaker booked operating profits of 3.1 billion euros.", "3.1 billion", "operating profits"),
    ("The new model reaches a top speed of 250 km/h.", "250 km/h", "top speed"),
    ("The cartel agreed to cut output by 400,000 barrels per day.", "400,000", "output"),
    ("The airline said passenger numbers fell 6 per cent.", "6 per cent", "passenger numbers"),
    ("Barclays' net sales climbed 4% in the year.", "4%", "net sales"),
    ("Acme's adjusted earnings were down 8% in the quarter.", "8%", "adjusted earnings"),
    ("U.S. crude stocks fell by 2.1 million barrels last week.", "2.1 million", "U.S. crude stocks"),
    ("The River Fire has grown quickly, burning more than 12,000 acres.", "more than 12,000", "River Fire"),
    ("Firefighters fought the blaze, which scorched 900 hectares.", "900 hectares", "blaze"),
])
def test_the_subject_is_what_the_figure_measures(text, quote, want):
    assert want.lower() in (claim(text, quote).subject or "").lower()


@pytest.mark.parametrize("text, quote, want", [
    ("Sunday will be dry with highs around 70 and lows near 50.", "around 70", "highs"),
    ("The storm brought gusts as high as 60 mph to the coast.", "as high as 60", "gusts"),
    ("A 24-year-old midfielder named Ada Obi scored twice.", "24-year", "Ada Obi"),
    ("The party secured a 41.2 per cent vote share in the state.", "41.2 per cent", "vote share"),
    ("The party won 30 per cent of total votes, its best result.", "30 per cent", "total votes"),
])
def test_the_subject_next_to_a_figure(text, quote, want):
    assert want in (claim(text, quote).subject or "")


@pytest.mark.parametrize("text, quote, want", [
    ("The bank kept its base rate at 4%.", "4%", "base rate"),
    ("Earnings per share fell 5% to 31p.", "5%", "Earnings per share"),
    ("Profit after tax rose to £2m.", "£2m", "Profit after tax"),
])
def test_held_at_and_fixed_phrases(text, quote, want):
    assert want in (claim(text, quote).subject or "")


def test_a_verb_ending_in_s_before_a_cue_is_not_a_subject():
    assert claim("The new charger offers up to 40 minutes of use.", "up to 40").subject != "charger offers"


def test_a_level_reached_shares_the_subject_of_its_change():
    c = claim("Group revenue rose 9% to £4.4bn.", "£4.4bn")
    assert c.subject == "Group revenue"


def test_a_figure_in_brackets_shares_the_subject_before_it():
    c = claim("Operating profit rose 12% to £300m (2023: £268m).", "£268m")
    assert c.subject == "Operating profit"


def test_a_new_clause_keeps_its_own_subject():
    c = claim("Gold was up 1% at $2,400, while silver was up 2 percent at $30.", "2 percent")
    assert c.subject == "silver"


# ---- attribution ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, want", [
    ("Unemployment rose to 5.1%, the national statistics office said on Tuesday.", "statistics office"),
    ("Prices fell 2%, according to the latest figures from the Land Registry.", "Land Registry"),
    ("Treasury data showed receipts of $400 billion.", "Treasury"),
    ("Sales rose 3%, said the British Retail Consortium.", "British Retail Consortium"),
    ("The murder rate was 5 per 100,000 (Home Office, 2021).", "Home Office"),
    ("Visits fell 10% in March, economist Jane Doe said Friday.", "Jane Doe"),
])
def test_the_source_of_a_sentence_is_named(sentence, want):
    found = find_attributions(sentence)
    assert found and want in choose_attribution(found, len(sentence))


def test_each_figure_takes_the_nearest_speaker_before_it():
    text = "Farmer Ann Lee said yields fell 20%, while grower Tom Hart said his fell 35 percent."
    assert "Tom Hart" in claim(text, "35 percent").attribution
    assert "Ann Lee" in claim(text, "20%").attribution


def test_a_sector_that_added_jobs_is_not_a_source():
    text = "The agency reported that the retail sector added 9,000 jobs."
    assert claim(text, "9,000").attribution == "agency"


def test_a_participle_is_not_a_speaker():
    assert find_attributions("The highest temperature recorded in the city was 41C.") == []


# ---- places --------------------------------------------------------------------------------
def test_a_place_inside_the_quote_is_the_place():
    assert claim("The group said its four UK plants made 1,200 cars.", "four UK plants").place == "GB"


def test_each_clause_keeps_its_own_place():
    text = "Floods killed 40 people in Kenya in May, and 12 people died in a landslide in Uganda."
    assert claim(text, "12 people").place == "UG"
    assert claim(text, "40 people").place == "KE"


def test_a_currency_sign_is_not_a_place():
    assert claim("The firm earned US$12m in Nigeria last year.", "US$12m").place == "NG"


# ---- modality ------------------------------------------------------------------------------
def test_a_modal_verb_governs_its_own_clause_only():
    c = claim("The firm said it would cut 300 jobs, and its shares rose 4% to 120p.", "4%")
    assert c.modality == "asserted"


def test_a_target_is_a_forecast():
    assert claim("Inflation stayed above the central bank's 2% target.", "2%").modality == "forecast"


def test_approximately_is_not_an_estimate():
    assert claim("Approximately 500 homes lost power.", "Approximately 500").modality == "asserted"

"""Categories the issue names from held-out real text (issue 13, third pass): vague plurals without "of",
scales told with a currency code, amounts in dollars and cents, fractions of a scale, Unicode fractions,
pounds of weight, lower-case dates, part numbers of names, price lists. Each rule on sentences written here
(unit tests of the rule, not a measure of quality)."""
from datetime import date

import pytest

from claimhouse.flows.claims.extract import extract_claims


def _by_quote(text):
    return {c.quote: c for c in extract_claims(text)}


@pytest.mark.parametrize("text, quote, value", [
    ("The phone starts at $1199 for the base model.", "$1199", 1199),
    ("Rent rose to £1850 a month.", "£1850 a month", 1850),
    ("The fine is Rs 2000 for each offence.", "Rs 2000", 2000),
])
def test_a_four_digit_amount_after_a_currency_is_no_year(text, quote, value):
    assert _by_quote(text)[quote].value == value


@pytest.mark.parametrize("text, quote, value", [
    ("Tens of thousands protested in the capital on Sunday.", "Tens of thousands", 20_000),
    ("Hundreds of thousands fled the fighting.", "Hundreds of thousands", 200_000),
    ("Dozens were arrested after the match.", "Dozens", 24),
    ("The blast killed dozens and injured hundreds.", "hundreds", 200),
    ("Millions lost power during the storm.", "Millions", 2_000_000),
])
def test_a_vague_plural_without_of_is_a_count_of_people(text, quote, value):
    c = _by_quote(text)[quote]
    assert (c.value, c.qualifier, c.low, c.unit) == (value, "lower_bound", value, "person")


def test_a_vague_plural_spent_is_no_count_of_people():
    c = _by_quote("The firm spent millions on the campaign.")["millions"]
    assert (c.value, c.unit) == (2_000_000, None)


@pytest.mark.parametrize("text", [
    "Crowds were in the thousands by noon.",
    "Fans arrived in their hundreds.",
    "Scores were settled in the second half.",
])
def test_a_vague_plural_as_a_band_or_a_score_is_no_claim(text):
    assert extract_claims(text) == []


def test_hundreds_after_a_number_are_centuries_not_two_hundred():
    assert [c.value for c in extract_claims("He scored two hundreds in the series.")] == [2]


@pytest.mark.parametrize("text, quote, value, unit", [
    ("It cost 120 MEUR to build.", "120 MEUR", 120e6, "EUR"),
    ("The order is worth 450 kEUR.", "450 kEUR", 450e3, "EUR"),
    ("It raised 75 USD million last year.", "75 USD million", 75e6, "USD"),
    ("The fine was 500 SEK.", "500 SEK", 500, "SEK"),
    ("Sales reached 1.2m EUR in May.", "1.2m EUR", 1.2e6, "EUR"),
    ("The deficit is $5 bn this year.", "$5 bn", 5e9, "USD"),
    ("The expected revenue is N11.98 trn.", "N11.98 trn", 11.98e12, "NGN"),
    ("The state set aside Rs 300 cr for roads.", "Rs 300 cr", 3e9, "INR"),
])
def test_a_scale_told_with_the_currency(text, quote, value, unit):
    c = _by_quote(text)[quote]
    assert (c.value, c.unit) == (pytest.approx(value), unit)


def test_a_scale_with_the_currency_widens_the_written_precision():
    c = _by_quote("It cost 120 MEUR to build.")["120 MEUR"]
    assert (c.interval_low, c.interval_high) == (115e6, 125e6)


@pytest.mark.parametrize("text, quote, value, unit", [
    ("A ticket costs 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
    ("A loaf costs 2 pounds and 20 pence.", "2 pounds and 20 pence", 2.2, "GBP"),
])
def test_dollars_and_cents_are_one_amount(text, quote, value, unit):
    c = _by_quote(text)[quote]
    assert (c.value, c.unit) == (pytest.approx(value), unit)
    assert len(extract_claims(text)) == 1


def test_cents_after_a_comma_are_another_figure():
    got = _by_quote("It costs 5 dollars, 10 cents less than before.")
    assert got["5 dollars"].value == 5 and got["10 cents"].value == pytest.approx(0.1)


@pytest.mark.parametrize("text, quote, value", [
    ("About a quarter million people came.", "About a quarter million people", 250_000),
    ("A quarter of a million people signed.", "A quarter of a million people", 250_000),
    ("The firm will cut three quarters of a million jobs.", "three quarters of a million jobs", 750_000),
    ("The city spent a half billion dollars.", "a half billion dollars", 5e8),
])
def test_a_fraction_of_a_scale_word(text, quote, value):
    assert _by_quote(text)[quote].value == pytest.approx(value)


@pytest.mark.parametrize("text, quote, value", [
    ("Roughly ½ of donors agreed.", "Roughly ½ of donors", 0.5),
    ("The recipe needs 1½ teaspoons of salt.", "1½ teaspoons", 1.5),
    ("Stir in ¾ cup of milk.", "¾ cup", 0.75),
])
def test_unicode_fractions(text, quote, value):
    assert _by_quote(text)[quote].value == pytest.approx(value)


@pytest.mark.parametrize("text, quote, unit", [
    ("The baby weighed 8 pounds at birth.", "8 pounds", "pound_mass"),
    ("Police seized 50 pounds of cocaine.", "50 pounds", "pound_mass"),
    ("He is 10 pounds heavier than last year.", "10 pounds", "pound_mass"),
    ("The ticket cost 20 pounds.", "20 pounds", "GBP"),
    ("The project got 2 million pounds of funding.", "2 million pounds", "GBP"),
    ("He lost 20 pounds (£20) at the races.", "20 pounds", "GBP"),
])
def test_pounds_of_weight_and_pounds_of_money(text, quote, unit):
    assert _by_quote(text)[quote].unit == unit


@pytest.mark.parametrize("text", [
    "Prices rose in oct. 13 and fell on jan. 5.",
    "The deadline moved to sept. 30, 2024.",
])
def test_lower_case_month_abbreviations_are_dates(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text", [
    "The rig meets ISO 3888-2 and EN 1176-1.",
    "The Boeing 747-400 was retired.",
    "The A320-200 was grounded.",
])
def test_the_part_number_of_a_name_is_no_claim(text):
    assert extract_claims(text) == []


def test_a_dashed_range_after_a_verb_is_still_a_range():
    c = _by_quote("Prices rose 10-20% this year.")["10-20%"]
    assert (c.low, c.high) == (10, 20)


def test_a_price_list_from_its_start_to_its_top():
    got = _by_quote("The phone starts at a hefty $1199 and goes up to $1599 for the top model.")
    assert got["$1199"].qualifier == "lower_bound"
    assert (got["up to $1599"].qualifier, got["up to $1599"].direction) == ("upper_bound", None)


def test_went_up_to_is_still_a_rise():
    c = _by_quote("Inflation went up to 4.6% in May.")["4.6%"]
    assert (c.direction, c.qualifier) == ("increase", "exact")


def test_cups_are_a_volume():
    assert _by_quote("Add 2 cups of flour.")["2 cups"].unit == "cup"


@pytest.mark.parametrize("text, quote, unit", [
    ("The bottle holds 500 ml of water.", "500 ml", "ml"),
    ("The screen refreshes at 120 Hz.", "120 Hz", "Hz"),
    ("The line gives 100 Mbps downloads.", "100 Mbps", "Mbps"),
    ("The reply took 200 ms.", "200 ms", "millisecond"),
    ("The ship was 12 nautical miles offshore.", "12 nautical miles", "nautical_mile"),
    ("He weighs 15 stone.", "15 stone", "stone"),
    ("Noise reached 85 dB at the gate.", "85 dB", "decibel"),
    ("Carbon dioxide hit 420 ppm in May.", "420 ppm", "ppm"),
    ("PM2.5 levels hit 35 μg/m3 on Monday.", "35 μg/m3", "μg/m3"),
    ("Pressure fell to 980 hPa overnight.", "980 hPa", "hPa"),
    ("The port handled 300 TEUs last week.", "300 TEUs", "TEU"),
])
def test_units_of_measures_in_news(text, quote, unit):
    assert _by_quote(text)[quote].unit == unit


def test_a_chip_process_glued_in_nanometres_is_a_name():
    assert extract_claims("The chip is built on a 3nm process.") == []


@pytest.mark.parametrize("text, quote, value, unit", [
    ("He stands 6 feet 2 inches tall.", "6 feet 2 inches", 74, "inch"),
    ("His brother is 5 ft 10 in.", "5 ft 10 in", 70, "inch"),
    ("The baby weighed 8 pounds 6 ounces.", "8 pounds 6 ounces", 134, "ounce"),
    ("The journey takes 3 hrs 20 mins by train.", "3 hrs 20 mins", 200, "minute"),
])
def test_a_measure_told_in_two_units_is_one_quantity_in_the_smaller(text, quote, value, unit):
    c = _by_quote(text)[quote]
    assert (c.value, c.unit) == (value, unit)
    assert len(extract_claims(text)) == 1


def test_two_lengths_in_a_list_stay_two():
    assert len(extract_claims("The course has a 5 km loop and a 10 km loop.")) == 2


def test_a_time_spent_is_a_claim_not_a_period():
    c = _by_quote("She spent the last 200 days in space.")["200 days"]
    assert (c.value, c.unit) == (200, "day")
    assert _by_quote("He has spent the past three years in prison.")["three years"].qualifier == "exact"


def test_the_last_days_as_a_period_stay_no_claim():
    assert [c.quote for c in extract_claims("In the last 200 days, prices rose 5%.")] == ["5%"]


_PUBLISHED = date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize("text, start, end", [
    ("The bank raised rates to 5.25% yesterday.", date(2024, 5, 14), date(2024, 5, 14)),
    ("Earlier this week, shares jumped 12%.", date(2024, 5, 13), date(2024, 5, 15)),
    ("Shares fell 3% last week.", date(2024, 5, 6), date(2024, 5, 12)),
    ("Home prices climbed 7% over the past 12 months.", date(2023, 5, 16), date(2024, 5, 15)),
    ("Prices rose 2% in the past 30 days.", date(2024, 4, 16), date(2024, 5, 15)),
    ("Output grew 4% over the last two years.", date(2022, 5, 16), date(2024, 5, 15)),
])
def test_periods_told_against_the_publication_date(text, start, end):
    (c,) = extract_claims(text, published=_PUBLISHED)
    assert (c.period_start, c.period_end) == (start, end)


def test_the_past_months_to_a_month_end_there():
    (c,) = extract_claims("In the 12 months to March, sales rose 5%.", published=_PUBLISHED)
    assert (c.period_start, c.period_end) == (date(2023, 4, 1), date(2024, 3, 31))


@pytest.mark.parametrize("text, who", [
    ("Exports fell 2% in April, customs data showed.", "customs"),
    ("Homicides fell 13% last year, police data showed.", "police"),
    ("One in three adults has high blood pressure, health ministry data show.", "health ministry"),
    ("The WHO estimates that 1.3 billion people smoke.", "WHO"),
    ("Prices fell 0.7% in August, according to Reuters calculations.", "Reuters"),
])
def test_sources_named_in_lower_case_or_in_capitals(text, who):
    assert {c.attribution for c in extract_claims(text)} == {who}


def test_official_figures_name_no_source():
    assert {c.attribution for c in extract_claims("Waiting lists hit 4.3 million, official figures show.")} == {None}


@pytest.mark.parametrize("text, subject", [
    ("Exports fell 2% year on year in April.", "Exports"),
    ("Prices rose 0.3% month on month.", "Prices"),
])
def test_year_on_year_is_no_subject(text, subject):
    assert extract_claims(text)[0].subject == subject


@pytest.mark.parametrize("text, who", [
    ("Wildfires have burned more than 18.5 million hectares this year, officials said.", "officials"),
    ("Food prices have risen as much as tenfold since October, aid agencies said.", "aid agencies"),
    ("The hospital has treated 500 patients since May, its director said.", "director"),
    ("An estimated 110 million people have been displaced, the UN refugee agency said.", "UN refugee agency"),
    ("Arrivals more than doubled last year to 39,910, Spain's interior ministry said.", "Spain's interior ministry"),
    ("The turbines will produce 1500MW, which developers said would power 2m homes.", "developers"),
    ("Ravinder Kumar, a wheat farmer from Karnal, says his yield has dropped to 17 quintal per acre.", "Ravinder Kumar"),
    ("Two-thirds of Americans say the economy is getting worse, a Gallup poll found.", "Gallup"),
    ("OpenAI said ChatGPT now has about 200 million users a week.", "OpenAI"),
])
def test_speakers_real_news_names(text, who):
    assert {c.attribution for c in extract_claims(text)} == {who}


def test_a_poll_named_after_the_figures_speaks_for_them():
    got = {c.quote: c.attribution for c in extract_claims("Labour is on 44% in the latest YouGov poll, 20 points ahead of the Conservatives on 24%.")}
    assert set(got.values()) == {"YouGov"} and len(got) == 3


def test_a_figure_put_by_another_source_after_according_to():
    got = {c.quote: c.attribution for c in extract_claims(
        "Some 1.2 million workers joined strikes, according to the interior ministry, while unions put the figure at 3.5 million.")}
    assert got["Some 1.2 million workers"] == "interior ministry" and got["3.5 million"] == "unions"


@pytest.mark.parametrize("text", [
    "The wildfire caused an estimated $5.5 billion in damage.",
    "Lando Norris finished 22.9 seconds ahead, to claim the title.",
])
def test_no_speaker_from_a_participle_or_an_infinitive(text):
    assert {c.attribution for c in extract_claims(text)} == {None}


@pytest.mark.parametrize("text, quote, unit", [
    ("Russia shipped 50 bcm of gas.", "50 bcm", "bcm"),
    ("Output rose to 12 mb/d in May.", "12 mb/d", "mb/d"),
    ("Emissions reached 37 gigatonnes of CO2.", "37 gigatonnes", "gigatonne"),
    ("The park covers 1,000 sq miles.", "1,000 sq miles", "square_mile"),
    ("Gas traded at $3 per MMBtu.", "$3 per MMBtu", "USD/MMBtu"),
    ("Offices rent for $50 per square foot.", "$50 per square foot", "USD/ft2"),
    ("Fares rose to £30 per passenger.", "£30 per passenger", "GBP/passenger"),
])
def test_energy_emission_area_and_price_rates(text, quote, unit):
    assert _by_quote(text)[quote].unit == unit


def test_degrees_below_zero_are_negative():
    c = _by_quote("It was 10 degrees below zero in Oslo.")["10 degrees below zero"]
    assert (c.value, c.unit) == (-10, "degree")


@pytest.mark.parametrize("text", [
    "Traffic approaching junction 10 of the M25 slowed.",
    "Scotland will move through phase 2 of the routemap.",
    "The song became her fifth top 10 in the country.",
    "Takings were down for the top 12 films this weekend.",
])
def test_names_and_ranking_bands_are_no_claims(text):
    assert extract_claims(text) == []


def test_the_top_percent_is_still_a_share():
    assert [c.quote for c in extract_claims("The top 1% of earners pay 40% of tax.")] == ["1%", "40%"]


@pytest.mark.parametrize("text, quote, unit", [
    ("Cells were treated with 50 μM of the compound.", "50 μM", "μM"),
    ("The wire is 10 μm across.", "10 μm", "μm"),
    ("The film is 200 nm thick.", "200 nm", "nm"),
    ("The protein weighs 45 kDa.", "45 kDa", "kDa"),
    ("The steel failed at 1.2 MPa.", "1.2 MPa", "MPa"),
    ("The lake holds 23,600 km3 of water.", "23,600 km3", "km3"),
    ("Aluminium's density is 2.7 g/cm3.", "2.7 g/cm3", "g/cm3"),
    ("The pipeline moves 1.1 million bbl/d of crude.", "1.1 million bbl/d", "barrel/day"),
    ("The samples cooled at 5 °C/min.", "5 °C/min", "celsius/minute"),
    ("The pump delivers 2.5 mL/min.", "2.5 mL/min", "ml/minute"),
    ("Participants walked 6.2 km/day on average.", "6.2 km/day", "km/day"),
    ("The mast stands at 80 m height.", "80 m", "m"),
    ("The samples were incubated for 24 h.", "24 h", "hour"),
])
def test_measures_of_science_and_engineering(text, quote, unit):
    assert _by_quote(text)[quote].unit == unit


def test_a_spaced_letter_before_a_word_is_no_unit():
    assert _by_quote("The samples were heated for 2 h and cooled.")["2 h"].unit is None


@pytest.mark.parametrize("text", ["Its 5 nm chips are made in Taiwan.", "It uses a 7nm manufacturing process."])
def test_a_chip_node_is_a_name(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, quote, subject", [
    ("The fintech startup raised $6mn in seed funding.", "$6mn", "seed funding"),
    ("The wildfire caused an estimated $5.5 billion in damage.", "an estimated $5.5 billion", "damage"),
    ("The fund manager oversees US$12.5 billion in assets.", "US$12.5 billion", "assets"),
    ("Close to 90% of the country's wheat exports go to Africa.", "Close to 90%", "country's wheat exports"),
])
def test_what_an_amount_is_in_and_a_possessive_noun_phrase(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


def test_money_in_cash_terms_is_no_subject():
    assert _by_quote("Britain will add an extra £75bn in cash terms.")["£75bn"].subject != "cash"


def test_the_bare_count_after_a_counted_figure_counts_the_same_thing():
    got = _by_quote("Chinese tourists made 87 million outbound trips last year, still well below the 155 million recorded in 2019.")
    c = got["155 million"]
    assert (c.subject, c.period_start, c.period_end) == ("outbound trips", date(2019, 1, 1), date(2019, 12, 31))


def test_a_bare_count_before_a_relative_clause_counts_the_same_thing():
    got = _by_quote("Employers added 256,000 jobs, well above the 160,000 that economists had forecast.")
    assert got["160,000"].subject == "jobs"


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("The iPhone 15 Pro Max starts at a hefty $1199.", "$1199", "iPhone 15 Pro Max"),
    ("The Mercedes-Benz GLA 45 AMG costs $84,315 plus on-roads.", "$84,315", "Mercedes-Benz GLA 45 AMG"),
    ("Windows 11 has 400 million users worldwide.", "400 million users", "users"),
    ("Labour seats fell to 200.", "200", "Labour seats"),
])
def test_a_model_number_stays_in_its_name(text, quote, subject):
    assert _by_quote(text)[quote].subject.removeprefix("The ") == subject


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("In March 2024 sales rose 5%.", "5%", "sales"),
    ("In the fourth quarter revenue rose 5%.", "5%", "revenue"),
    ("In the first half of 2024 the company earned $5m.", "$5m", "company"),
    ("Over the past decade prices doubled to $5.", "$5", "prices"),
])
def test_a_time_that_opens_the_clause_without_a_comma_is_no_subject(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "quote", "who"), [
    ("The California Department of Forestry and Fire Protection has responded to 4,587 fires this year, "
     "according to figures from the agency.", "4,587 fires", "California Department of Forestry and Fire Protection"),
    ("Taylor Wimpey sold 6,580 homes last year, the company said.", "6,580 homes", "Taylor Wimpey"),
    ("Profits rose 5% to £3m, the company said.", "5%", "company"),  # a lone capital opening the sentence is no name
    ("Jes Staley, group chief executive of Barclays, said the bank expects to cut costs to below £13.6bn.",
     "below £13.6bn", "Jes Staley"),
    ("Taylor Wimpey declared a special dividend, and said it had sold 6,580 homes.", "6,580 homes", "Taylor Wimpey"),
    ("The highest temperature ever recorded in the UK by the Met Office was 38.7C.", "38.7C", "Met Office"),
])
def test_who_the_agency_is_and_who_reports_it(text, quote, who):
    assert _by_quote(text)[quote].attribution == who


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("NZ Post's postal services segment reported a fall in revenues from operations to $840.2m.", "$840.2m", "revenues"),
    ("The company posted a rise in net profit to $5m.", "$5m", "net profit"),
    ("Exports rose 5%, whilst 13.5 million tonnes of grain were shipped.", "13.5 million tonnes", "grain"),
])
def test_a_level_a_change_in_something_reached(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "published", "quote", "span"), [
    ("Saudi Arabia agreed on Tuesday to make extra cuts of 1 million barrels per day in February and March.",
     date(2021, 1, 6), "1 million barrels per day", (date(2021, 2, 1), date(2021, 3, 31))),
    ("An estimated 653,100 people were homeless in January.", date(2023, 12, 20), "An estimated 653,100 people",
     (date(2023, 1, 1), date(2023, 1, 31))),
    ("It detained 782,176 people between January and November.", date(2023, 12, 20), "782,176 people",
     (date(2023, 1, 1), date(2023, 11, 30))),
    ("The gross revenue for last November stood at N658.60 billion.", date(2018, 2, 15), "N658.60 billion",
     (date(2017, 11, 1), date(2017, 11, 30))),
    ("Rio Tinto has delivered a $14.1 billion full-year profit.", date(2026, 2, 19), "$14.1 billion",
     (date(2025, 1, 1), date(2025, 12, 31))),
    ("Rio Tinto cut its full-year guidance to $5bn.", date(2026, 2, 19), "$5bn", (date(2026, 1, 1), date(2026, 12, 31))),
    ("Its 2023 full-year profit was $5bn.", date(2026, 2, 19), "$5bn", (date(2023, 1, 1), date(2023, 12, 31))),
])
def test_a_month_or_a_full_year_with_no_year_told(text, published, quote, span):
    c = {c.quote: c for c in extract_claims(text, published=published)}[quote]
    assert (c.period_start, c.period_end) == span


@pytest.mark.parametrize(("source", "country"), [
    ("https://thewest.com.au/lifestyle/motoring/x.amp", "AU"), ("https://www.nzherald.co.nz/business/x", "NZ"),
    ("https://www.cbc.ca/news/x", "CA"), ("https://www.bbc.co.uk/news/x", "GB"), ("https://example.com/x", None),
    ("file:///data/x.txt", None), ("/data/x.txt", None), (None, None), ("http://[::1", None), ("https://localhost/x", None),
])
def test_the_publisher_s_country_is_its_country_domain(source, country):
    from claimhouse.flows.claims.extract import publisher_country
    assert publisher_country(source) == country


@pytest.mark.parametrize(("text", "source", "quote", "unit"), [
    ("Audi's similar package is the $84,216 RS Q3.", "https://thewest.com.au/motoring/x", "$84,216", "AUD"),
    ("The cheapest, costing $85,000-$90,000, are small models.", "https://thewest.com.au/x", "$85,000-$90,000", "AUD"),
    ("A final dividend of 19.9 cents per share was paid.", "https://investor-centre.z.co.nz/x", "19.9 cents per share",
     "NZD/share"),
    ("Kiwibank made $36.8m, helped by a venture in Australia.", "https://nzherald.co.nz/business/x", "$36.8m", "NZD"),
    ("Apple made $36.8m in the United States.", "https://nzherald.co.nz/business/x", "$36.8m", "USD"),
    ("It costs US$84,216.", "https://thewest.com.au/motoring/x", "US$84,216", "USD"),
    ("Audi's similar package is the $84,216 RS Q3.", "https://example.com/x", "$84,216", "USD"),
])
def test_a_bare_dollar_is_the_publisher_s(text, source, quote, unit):
    assert {c.quote: c for c in extract_claims(text, None, source)}[quote].unit == unit


def test_each_side_of_a_measure_takes_the_last_side_s_unit():
    got = _by_quote("The package measures 12 x 8 x 4 inches and the room is 10 by 12 feet.")
    assert [(q, got[q].unit, got[q].subject) for q in ("12", "8", "4 inches", "10", "12 feet")] == [
        ("12", "inch", "package"), ("8", "inch", "package"), ("4 inches", "inch", "package"),
        ("10", "foot", "room"), ("12 feet", "foot", "room")]


@pytest.mark.parametrize(("text", "quote", "direction"), [
    ("Add 250 g of flour and stir.", "250 g", None),
    ("Add another 2 cups of water.", "2 cups", None),
    ("The firm will add 250 jobs.", "250 jobs", "increase"),
])
def test_an_instruction_is_no_change(text, quote, direction):
    assert _by_quote(text)[quote].direction == direction


def test_warming_is_a_rise_and_quid_are_pounds():
    got = _by_quote("The room warmed from 20 °C to 25 °C, and he paid 30 quid for the heater.")
    assert (got["20 °C"].direction, got["25 °C"].direction, got["30 quid"].unit) == ("increase", "increase", "GBP")


@pytest.mark.parametrize(("text", "quote", "value", "unit"), [
    ("The Fed cut rates by half a percentage point.", "half a percentage point", 0.5, "percentage_point"),
    ("Yields rose a quarter of a percentage point.", "a quarter of a percentage point", 0.25, "percentage_point"),
    ("Unemployment edged down a tenth of a point to 3.9%.", "a tenth of a point", 0.1, "percentage_point"),
    ("It rose two-tenths of a percentage point.", "two-tenths of a percentage point", 0.2, "percentage_point"),
    ("The meeting lasted half an hour.", "half an hour", 0.5, "hour"),
    ("A third of a mile of road was closed.", "A third of a mile", 1 / 3, "mile"),
    ("Labour's lead narrowed by half a point.", "half a point", 0.5, None),
])
def test_a_fraction_of_one_unit(text, quote, value, unit):
    c = _by_quote(text)[quote]
    assert (round(c.value, 6), c.unit) == (round(value, 6), unit) and c.subject not in ("point", "points")


@pytest.mark.parametrize(("text", "quote", "direction"), [
    ("Revenue fell short of $5bn.", "short of $5bn", None),
    ("Revenue fell just short of $5bn.", "just short of $5bn", None),
    ("Revenue fell to $5bn.", "$5bn", "decrease"),
])
def test_falling_short_of_a_mark_is_no_fall(text, quote, direction):
    assert _by_quote(text)[quote].direction == direction


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("It has 25W quick charging that lasts all day.", "25W", "quick charging"),
    ("Royal Mail would hand £400 million back to shareholders.", "£400 million", "Royal Mail"),
    ("Lara made 400* runs off 582 balls.", "400* runs", "runs"),
])
def test_a_gerund_head_a_particle_and_a_star_after_the_figure(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "quotes"), [
    ("Alan Bennett struck four minutes from time to earn AFC Wimbledon a 1-1 draw.", []),
    ("Blackpool, 2-0 down with only six minutes left to play, came back for a 3-2 win.", []),
    ("The biggest chance of the first half came on 31 minutes, when the cross hit the post.", []),
    ("Julian Alvarez put City in front after only 17 minutes.", []),
    ("With 10 minutes left, the vote was taken.", ["10 minutes"]),
    ("The surgery took 40 minutes.", ["40 minutes"]),
])
def test_the_minute_of_a_match_is_no_duration(text, quotes):
    assert [c.quote for c in extract_claims(text)] == quotes


def test_a_list_of_numbers_ending_in_and_is_a_list():
    text = "There will be timing changes to the 400, 408, 456, 458, 36 and 299, and 40,000 riders were told."
    assert [c.quote for c in extract_claims(text)] == ["40,000 riders"]


def test_two_dates_joined_by_and_are_no_list():
    assert [c.quote for c in extract_claims("Between 27/6/2022 and 24/2/2011, 0.2 billion nurses applied.")] == [
        "0.2 billion nurses"]


def test_a_baseline_a_time_before_counts_the_same_thing():
    got = _by_quote("There were 9,631 people in hospital with coronavirus, a 37% increase on last week's 7,024.")
    assert (got["37%"].subject, got["7,024"].subject, got["7,024"].unit) == ("people", "people", "person")


def test_an_age_s_those_is_lent_to_no_other_figure():
    got = _by_quote("Case rates were lowest in those aged 0 to 4, at 155.4 per 100,000 population.")
    assert (got["0 to 4"].subject, got["155.4 per 100,000 population"].subject != "those") == ("those", True)


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("Argentina's monthly inflation edged up to 4.6% in June.", "4.6%", "Argentina's monthly inflation"),
    ("Average hourly earnings climbed 0.1% last month.", "0.1%", "Average hourly earnings"),
    ("Prices fell 10.9% in Sydney, while Hobart's rose 7%.", "7%", "Hobart"),
])
def test_a_frequency_adjective_and_a_change_verb_after_a_possessive(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "quote", "direction"), [
    ("Detached house prices fell 10.9% to $902,786 in Sydney and 10.6% to $740,425 in Melbourne.", "10.6%", "decrease"),
    ("Detached house prices fell 10.9% to $902,786 in Sydney and 10.6% to $740,425 in Melbourne.", "$740,425",
     "decrease"),
    ("Housing gains eclipsed those made on units, with an 11.2% and 2.4% increase respectively.", "11.2%", "increase"),
])
def test_changes_told_in_parallel_share_their_direction(text, quote, direction):
    c = _by_quote(text)[quote]
    assert c.direction == direction and (c.kind == "change" or "$" in quote)


@pytest.mark.parametrize(("text", "quote", "modality"), [
    ("28 of 30 economists expect rates to hold, while the remaining 2 economists predict a 25 bps hike.",
     "2 economists", "asserted"),
    ("28 of 30 economists expect rates to hold, while the remaining 2 economists predict a 25 bps hike.",
     "25 bps", "forecast"),
    ("The poll found that 20 of 29 economists expect the RBA to hold rates.", "20", "asserted"),
    ("The company will pay out 60 per cent of the $US10 billion profit.", "$US10 billion", "asserted"),
    ("The government forecast wheat output would be a record 111.32 million tonnes this year, against 109.59 "
     "million tonnes the previous year.", "109.59 million tonnes", "asserted"),
    ("The government forecast wheat output would be a record 111.32 million tonnes this year, against 109.59 "
     "million tonnes the previous year.", "111.32 million tonnes", "forecast"),
    ("About 20k runners are expected at the marathon.", "About 20k runners", "forecast"),
    ("Employers added 256,000 jobs, well above the 160,000 that economists had forecast.", "160,000", "forecast"),
])
def test_what_a_forecast_is_told_against_is_known(text, quote, modality):
    assert {c.quote: c for c in extract_claims(text, published=date(2024, 5, 15))}[quote].modality == modality


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("Jim Thompson will showcase eight of his prized classic cars.", "eight", "prized classic cars"),
    ("Two of the victims were children.", "Two", "victims"),
    ("The closure leaves one of three lanes shut.", "one", None),
    ("All 171 passengers survived, three of them with minor injuries.", "three", "passengers"),
])
def test_a_number_word_counting_a_part_is_a_count(text, quote, subject):
    c = _by_quote(text)[quote]
    assert subject is None or c.subject == subject


@pytest.mark.parametrize("text", [
    "Between the two of them the parties won 186 seats.",
    "Kohli is one of 10 players to have hit a boundary.",
    "Vietnam, one of the biggest beneficiaries, grew 7.4%.",
    "One of the biggest banks failed.",
])
def test_a_number_word_as_a_pronoun_is_no_count(text):
    assert not {"two", "one", "One"} & {c.quote for c in extract_claims(text)}


@pytest.mark.parametrize(("text", "quote", "value", "unit"), [
    ("There were zero deaths.", "zero deaths", 0.0, "person"),
    ("He is 5'11\" tall.", "5'11\"", 71.0, "inch"),
    ("The 6′2″ forward signed.", "6′2″", 74.0, "inch"),
    ("It weighs 20 (kg).", "20 (kg)", 20.0, "kg"),
    ("Latency of 2 operations per millisecond.", "2 operations per millisecond", 2.0, "per_millisecond"),
    ("It runs at 5 MB/ms.", "5 MB/ms", 5.0, "MB/millisecond"),
])
def test_zero_counts_primes_brackets_and_milliseconds(text, quote, value, unit):
    c = _by_quote(text)[quote]
    assert (c.value, c.unit) == (value, unit)


@pytest.mark.parametrize("text", ["Zero tolerance applies.", "The firm targets net zero emissions.",
                                  "It was a zero-day flaw."])
def test_zero_in_a_name_is_no_count(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize(("text", "quote"), [("It trades at 0.5 BTC.", "0.5 BTC"), ("It holds 3 cubic feet.", "3 cubic feet"),
                                             ("The crowd was 10, 000 strong.", "10, 000")])
def test_the_word_after_a_pronoun_and_strong_are_no_subject(text, quote):
    assert _by_quote(text)[quote].subject not in ("trades", "holds", "strong")


@pytest.mark.parametrize(("published", "span"), [
    (date(2024, 1, 5), (date(2023, 10, 1), date(2023, 12, 31))),
    (date(2024, 5, 15), (date(2024, 1, 1), date(2024, 3, 31))),
    (date(2024, 12, 31), (date(2024, 7, 1), date(2024, 9, 30))),
])
def test_in_the_quarter_is_the_latest_quarter_ended(published, span):
    c = extract_claims("Sales rose 5% in the quarter.", published)[0]
    assert (c.period_start, c.period_end) == span


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("A 28-year-old man was arrested.", "28-year-old", "man"),
    ("The storm brought gusts of up to 90mph and 150mm of rain.", "up to 90mph", "gusts"),
    ("The state lender set aside RMB 1.2 trillion to cover bad loans.", "RMB 1.2 trillion", "state lender"),
    ("Police seized 1.2 tonnes of cocaine worth £100m.", "£100m", "cocaine"),
    ("Police seized 1.2 tonnes of cocaine worth £100m.", "1.2 tonnes", "cocaine"),
    ("The International Monetary Fund kept its 2024 global growth forecast at 3.2%.", "3.2%", "global growth forecast"),
])
def test_an_age_s_old_a_past_verb_worth_and_a_kept_forecast(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("Britain's unemployment rate rose again in March. It reached 5.2%.", "5.2%", "Britain's unemployment rate"),
    ("Exports have been falling for months. They fell 3% in April.", "3%", "Exports"),
    ("He said so. It reached 5%.", "5%", None),
    ("In March, sales rose. It reached 5%.", "5%", None),
])
def test_a_pronoun_opening_a_sentence_stands_for_the_subject_before(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "quote", "start"), [
    ("Unemployment reached 5.2%, the highest since 2021.", "5.2%", None),
    ("Inflation fell to 2%, its lowest level since February.", "2%", None),
    ("Prices have risen 20% since 2021.", "20%", date(2021, 1, 1)),
])
def test_since_after_a_superlative_is_a_record_s_frame(text, quote, start):
    assert {c.quote: c for c in extract_claims(text, date(2024, 5, 15))}[quote].period_start == start


@pytest.mark.parametrize(("source", "span"), [
    (None, (date(2014, 10, 1), date(2014, 12, 31))),  # the US federal year, the default
    ("https://www.thehindu.in/business/x", (date(2015, 4, 1), date(2015, 6, 30))),
    ("https://www.bbc.co.uk/news/x", (date(2015, 4, 1), date(2015, 6, 30))),
])
def test_a_fiscal_year_with_no_country_told_is_the_publisher_s(source, span):
    c = extract_claims("Mining output had grown by 8.5 percent in the first quarter of the previous fiscal.",
                       date(2016, 8, 31), source)[0]
    assert (c.period_start, c.period_end) == span


@pytest.mark.parametrize(("text", "quotes", "direction"), [
    ("The rate went from 3% to 5% in a year.", ("3%", "5%"), "increase"),
    ("Prices went from $5 to $3.", ("$5", "$3"), "decrease"),
    ("Turnout swung from 60% to 45%.", ("60%", "45%"), "decrease"),
])
def test_a_move_from_one_level_to_another_has_their_order_s_direction(text, quotes, direction):
    got = _by_quote(text)
    assert [(got[q].direction, got[q].kind) for q in quotes] == [(direction, "level")] * 2


def test_prices_that_ranged_from_a_to_b_stay_a_range():
    assert _by_quote("Prices ranged from $5 to $10.")["$5 to $10"].qualifier == "range"


@pytest.mark.parametrize(("text", "quote", "unit"), [
    ("The storm travelled hundreds of miles.", "hundreds of miles", "mile"),
    ("It cost millions of dollars.", "millions of dollars", "USD"),
    ("Tens of millions of pounds were lost.", "Tens of millions of pounds", "GBP"),
])
def test_a_vague_count_of_a_unit(text, quote, unit):
    c = _by_quote(text)[quote]
    assert (c.unit, c.qualifier) == (unit, "lower_bound")


@pytest.mark.parametrize(("text", "quote", "subject"), [
    ("The probe travels at 17 km/s.", "17 km/s", "probe"),
    ("The battery lasts up to 22 hours.", "up to 22 hours", "battery"),
    ("The family farm spans 640 acres.", "640 acres", "family farm"),
    ("Car sales to Europe fell 5%.", "5%", "Car sales"),
])
def test_a_verb_told_with_its_preposition_ends_the_subject(text, quote, subject):
    assert _by_quote(text)[quote].subject == subject


@pytest.mark.parametrize(("text", "quote"), [("Rates rose from 5pc to 6pc.", "6pc"), ("A 1.5pc rise.", "1.5pc"),
                                             ("Prices rose 5 pc.", "5 pc")])
def test_pc_is_percent(text, quote):
    assert _by_quote(text)[quote].unit == "percent"


def test_pcs_are_computers():
    assert _by_quote("He bought 5 PCs.")["5 PCs"].unit is None


@pytest.mark.parametrize(("text", "quote", "value"), [("Revenue hit ₹5,000cr.", "₹5,000cr", 5e10),
                                                      ("Profit rose to Rs 450cr.", "Rs 450cr", 4.5e9)])
def test_a_glued_cr_is_crore(text, quote, value):
    c = _by_quote(text)[quote]
    assert (c.value, c.unit) == (value, "INR")


def test_a_period_after_a_comparative_and_by_is_the_figure_s():
    c = _by_quote("Earnings were higher in Q1 2021, and they will still be £1,340 lower by Q1 2029.")["£1,340"]
    assert (c.period_start, c.period_end) == (date(2029, 1, 1), date(2029, 3, 31))

"""The third round of fact-matching rules (flows/claims/facts.py), on sentences written for them:
places that are not where a figure counts, the newsroom's domain as the last fallback for the country,
a record's baseline month, and 'from' belonging to the first number of a pair."""
import datetime as dt

from claimhouse.flows.claims.facts import same_fact
from tests.xref.facts_helpers import features, one


def test_a_place_in_the_name_of_a_war_is_not_the_figures_place():
    f = one("Bread prices rose 9.4% in June, pushed up by the war in Moldova.", "2024-07-17", title="Prices")
    assert f.scope != "MD"


def test_where_an_organisation_sits_is_not_the_figures_place():
    f = one("The Denver-based firm counted more than 4,100 damaged homes in the town.", "2024-07-17")
    assert not (f.scope or "").startswith("US")


def test_the_newsrooms_country_domain_is_the_last_fallback_for_the_country():
    text = "Consumer prices rose 6.1% in June, the statistics office said."
    local = one(text, "2024-07-17", title="Prices", uri="https://news.example.co.uk/prices")
    other = one(text, "2024-07-17", title="Prices", uri="https://news.example.com/prices")
    generic = one(text, "2024-07-17", title="Prices", uri="https://news.example.tv/prices")
    assert (local.scope, local.scope_evidence.source) == ("GB", "domain")
    assert other.scope is None and generic.scope is None


def test_a_place_named_in_the_document_beats_the_domain():
    f = one("Consumer prices in Ireland rose 6.1% in June.", "2024-07-17", title="Prices",
            uri="https://news.example.co.uk/prices")
    assert f.scope == "IE"


def test_the_month_a_record_is_measured_since_is_not_the_figures_month():
    f = one("Food prices rose 17.1 per cent, the highest rate since March 1978.", "2024-07-17",
            title="Prices in June")
    assert (f.when_start, f.when_end) == (dt.date(2024, 6, 1), dt.date(2024, 6, 30))


def test_from_belongs_to_the_first_number_of_a_pair():
    got = features("In June, core inflation jumped from 4.1 per cent to 4.6 per cent.", "2024-07-17",
                   title="Prices")
    june = (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert (got["4.6 per cent"].when_start, got["4.6 per cent"].when_end) == june
    assert got["4.1 per cent"].when_start == dt.date(2024, 5, 1)


def test_a_war_place_no_longer_splits_one_rate_over_two_countries():
    a = one("Inflation fell to 6.1% in June, the statistics office said, as the war in Moldova eased.",
            "2024-07-17", title="Prices", uri="https://a.example.co.uk/x")
    b = one("UK inflation fell to 6.1% in June.", "2024-07-17", title="Prices", uri="https://b.example.com/y")
    assert same_fact(a, b).same


def _cuts(text: str, published: str):
    return one(text, published, title="Job cuts")


def test_a_reported_day_is_a_window_not_the_period_a_job_cut_counts():
    said = _cuts("Acme Corp said on Wednesday it is cutting 11,000 jobs.", "2022-11-10")
    month = _cuts("Acme Corp laid off 11,000 people in November.", "2022-12-20")
    later = _cuts("The 11,000 job cuts at Acme Corp hit engineers hardest.", "2023-01-05")
    assert said.when_loose and later.when_loose and not month.when_loose
    assert (said.when_end, later.when_end) == (dt.date(2022, 11, 9), dt.date(2023, 1, 5))
    assert same_fact(said, month).same and same_fact(said, later).same and same_fact(month, later).same
    assert "reported 2022-11-09" in said.when_evidence.text()


def test_a_reporting_window_does_not_reach_a_round_months_earlier():
    first = _cuts("Acme Corp said on Wednesday it is cutting 11,000 jobs.", "2022-11-10")
    again = _cuts("Acme Corp said on Tuesday it is cutting 11,000 more jobs.", "2023-04-12")
    other = _cuts("Acme Corp is cutting 12,000 jobs.", "2023-06-01")
    assert not same_fact(first, again).same and not same_fact(first, other).same


def test_a_flow_over_a_period_keeps_its_day():
    day = one("On Monday, 1,200 migrants landed in Italy.", "2023-08-15")
    month = one("In August, 1,200 migrants landed in Italy.", "2023-09-02")
    assert not day.when_loose and not same_fact(day, month).same


def test_an_evolving_toll_keeps_its_as_of_day():
    f = one("The death toll in Turkey stood at 8,754 on Wednesday.", "2023-02-09")
    assert not f.when_loose and f.when_start == f.when_end == dt.date(2023, 2, 8)


def test_city_of_names_a_population_only_right_before_the_number():
    toll = one("The death toll in the city of Maui has reached 93, officials said.", "2023-08-13")
    town = one("Fire swept through the town of roughly 12,700 residents.", "2023-08-13")
    assert (toll.measure, town.measure) == ("deaths", "population")


def test_a_toll_that_crossed_a_mark_is_a_lower_bound_of_the_toll():
    f = features("The death toll from the 7.8 magnitude earthquake that struck Turkey crossed 11,000 on Wednesday.",
                 "2023-02-09")["11,000"]
    assert (f.measure, f.interval_low, f.interval_high) == ("deaths", 11000.0, None)


def test_a_crossing_verb_after_the_number_still_names_what_is_counted():
    """The threshold rule reads 'crossed' before a number as a mark passed; after the number it
    says what the things counted did ('120 ferries crossed the lake')."""
    f = features("Some 120 ferries crossed the lake in 2024.", "2024-06-01")["Some 120 ferries"]
    assert (f.measure, f.measure_evidence.words) == ("arrivals", "crossed")


def test_a_toll_that_reached_a_figure_is_that_figure():
    f = one("The death toll in Turkey has reached 930 on Wednesday.", "2023-02-09")
    assert f.measure == "deaths" and f.interval_high is not None


def test_a_month_after_a_comparison_word_is_the_compared_figures():
    got = features("The figures put food CPI inflation at 17.3%, only slightly below May's 17.9%.", "2024-07-17",
                   title="Inflation falls")
    assert got["17.3%"].when_start == dt.date(2024, 6, 1) and got["17.9%"].when_start == dt.date(2024, 5, 1)


def test_a_would_of_reported_speech_is_the_announcement():
    said = one("Acme Corp said approximately 400 people would be let go.", "2023-03-21", title="Job cuts")
    maybe = one("Acme Corp said up to 400 people could be let go if sales fall.", "2023-03-21", title="Job cuts")
    assert said.comparable and said.measure == "job_cuts" and not maybe.comparable


def test_an_announced_share_of_staff_cut_is_the_fact_not_a_forecast():
    f = features("Acme Corp said on Wednesday that it will lay off more than 1,100 employees, about 13 percent of "
                 "its workforce.", "2022-11-09", title="Job cuts")["about 13 percent"]
    assert (f.measure, f.forecast) == ("job_cuts", "")


def test_an_apposition_restates_the_cut():
    f = features("Acme Corp planned to lay off 10% of its workforce, or about 8,000 employees.", "2023-01-04",
                 title="Job cuts")["about 8,000 employees"]
    assert f.measure == "job_cuts"


def test_staff_losing_their_jobs_are_job_cuts():
    f = one("Its subsidiary will also be hit, with more than 400 workers losing their jobs.", "2023-03-21",
            title="Job cuts")
    assert f.measure == "job_cuts"


def test_organisations_named_after_a_clause_break_are_another_clauses():
    f = one("Microsoft announced that it would lay off 10,000 workers, and before that Amazon, Meta and "
            "Salesforce all cut staff.", "2023-01-19", title="Job cuts")
    assert f.scope == "org:microsoft"


def test_a_unit_word_set_apart_by_an_adjective_is_still_the_unit():
    a = one("The fire burned 2,170 incinerated acres in the town.", "2023-08-18")
    b = one("The fire burned 2,170 acres in the town.", "2023-08-18")
    assert a.unit_family == b.unit_family == "area" and same_fact(a, b).relation == "agrees"


def test_expected_to_climb_forecasts_the_count_not_the_figure():
    f = one("The number of deaths, which previously stood at 80, is expected to climb further.", "2023-08-12",
            title="Deaths in Maui")
    assert f.forecast == "" and f.measure == "deaths"


def test_a_cost_projected_by_an_agency_is_an_estimate_not_a_forecast():
    f = one("His figure is in line with the $5.5 billion rebuilding cost projected by the agency.", "2023-08-13")
    assert (f.measure, f.forecast) == ("cost", "")


def test_an_offices_city_and_where_a_figure_was_said_are_not_its_place():
    office = one("Over 2,500 people died at sea this year, said the director of the Denver office of the agency.",
                 "2023-09-28", title="Deaths at sea")
    said = one("Over 2,500 people died at sea this year, the agency said in Denver.", "2023-09-28",
               title="Deaths at sea")
    assert not (office.scope or "").startswith("US") and not (said.scope or "").startswith("US")

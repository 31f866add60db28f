"""Each fact-matching rule of flows/claims/facts.py on sentences written for it: what is counted,
where, when, document context, forecasts, copies, stable keys and the relation of a pair."""
import datetime as dt

import pytest

from claimhouse.flows.claims.facts import relation, same_fact
from tests.xref.facts_helpers import features, one

D = dt.date


# ---- what is counted ----------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "measure"), [
    ("The earthquake killed 8,574 people in Turkey.", "deaths"),
    ("The death toll in Turkey rose to 8,574.", "deaths"),
    ("In Turkey 8,574 people have died.", "deaths"),
    ("More than 66,000 people were injured in Turkey.", "injured"),
    ("Around 1,900 people were still reported missing.", "missing"),
    ("Emergency services rescued more than 4,000 people from cars and roofs.", "rescued"),
    ("Our volunteers have assisted 15,000 people.", "assisted"),
    ("Some 60,000 homes were damaged.", "structures"),
    ("More than 120,000 cars were destroyed.", "cars"),
    ("Alphabet is laying off 12,000 employees.", "job_cuts"),
    ("Alphabet employs about 190,000 people.", "staff"),
    ("At least 8,565 migrants died on migration routes.", "deaths"),
    ("Some 155,754 migrants landed in Italy in 2023.", "arrivals"),
    ("Core inflation, which excludes energy, food, alcohol and tobacco, rose to 6.8% in April.", "core_inflation"),
    ("Food prices rose 19.1% in the year to April.", "food_inflation"),
], ids=lambda v: v if isinstance(v, str) and " " in v else None)
def test_the_measure_is_read_from_the_words_next_to_the_number(sentence, measure):
    assert one(sentence, "2024-11-04").measure == measure


def test_a_nationality_before_the_counted_noun_is_a_group_of_its_own():
    assert one("In 2023, 25,565 Chinese migrants crossed the Darién Gap.", "2024-01-10").measure == "arrivals:CN"


# ---- where, or whose ----------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "scope"), [
    ("At least 217 people died in the Valencia region.", "ES/Valencia"),
    ("At least 217 people died in Valencia.", "ES/Valencia"),
    ("One person died in Andalusia.", "ES/Andalusia"),
    ("The floods killed 230 people across Spain.", "ES"),
    ("The death toll in Türkiye rose to 8,574.", "TR"),
    ("The death toll in Turkey rose to 8,574.", "TR"),
    ("The quake killed more than 11,000 people in Turkey and Syria.", "SY+TR"),
    ("At least 1,400 people died in rebel-held northwest Syria.", "SY/opposition-held"),
    ("Amazon will cut 9,000 more jobs.", "org:amazon"),
    ("About 400 jobs will go at Twitch.", "org:amazon/twitch"),
], ids=lambda v: v if isinstance(v, str) and " " in v else None)
def test_the_scope_is_a_path_from_the_whole_to_the_part(sentence, scope):
    assert one(sentence, "2024-11-04").scope == scope


def test_a_total_after_two_countries_is_their_sum():
    f = features("Officials said 8,574 people have died in Turkey and 2,662 in Syria, bringing the total to 11,236.",
                 "2023-02-09")
    assert (f["8,574 people"].scope, f["2,662"].scope, f["11,236"].scope) == ("TR", "SY", "SY+TR")


@pytest.mark.parametrize(("a", "b"), [
    ("At least 217 people died in the Valencia region.", "One person died in Andalusia."),
    ("At least 217 people died in Valencia.", "The floods killed 230 people across Spain."),
    ("At least 1,400 people died in rebel-held northwest Syria.", "At least 1,400 people died in Syria."),
    ("Amazon will cut about 400 jobs.", "About 400 jobs will go at Twitch."),
], ids=["two regions of a country", "a region and its country", "a part of a country", "a division and its company"])
def test_a_part_never_meets_its_whole_or_a_sibling(a, b):
    assert same_fact(one(a, "2024-11-04"), one(b, "2024-11-04")).same is False


def test_the_same_place_named_differently_meets():
    a = one("The death toll in Türkiye rose to 8,574 on Wednesday.", "2023-02-09")
    b = one("The death toll in Turkey stood at 8,574 on Wednesday.", "2023-02-08")
    assert same_fact(a, b).same is True


# ---- when ---------------------------------------------------------------------------------
def test_a_weekday_is_resolved_against_the_publication_date():
    f = one("The death toll rose to 8,574 on Wednesday.", "2023-02-09")  # a Thursday
    assert (f.when_start, f.when_evidence.source) == (D(2023, 2, 8), "sentence")


def test_without_a_day_of_its_own_a_toll_is_as_of_the_publication_date():
    f = one("The death toll rose to 8,574.", "2023-02-09")
    assert (f.when_start, f.when_end, f.when_evidence.source) == (D(2023, 2, 9), D(2023, 2, 9), "publication date")


def test_tolls_of_different_days_are_different_facts():
    a = one("The death toll in Turkey rose to 8,574 on Wednesday.", "2023-02-09")
    b = one("The death toll in Turkey rose to 12,391 on Thursday.", "2023-02-09")
    assert same_fact(a, b).same is False


def test_the_event_day_is_not_the_count_day():
    f = one("The earthquake that struck on Monday has killed 5,000 people.", "2023-02-07")
    assert f.when_start == D(2023, 2, 7)


def test_a_past_year_near_a_toll_makes_it_history():
    f = one("The 1939 Erzincan quake, in which 33,000 people died, was the worst.", "2023-02-14")
    assert (f.when_start, f.when_end) == (D(1939, 1, 1), D(1939, 12, 31))


def test_last_month_and_the_month_name_meet():
    a = one("UK inflation fell to 10.1% last month.", "2023-04-19")
    b = one("UK inflation fell to 10.1% in March.", "2023-04-19")
    assert (same_fact(a, b).same, a.when_start, a.when_end) == (True, D(2023, 3, 1), D(2023, 3, 31))


def test_a_partial_period_never_meets_the_full_period():
    a = one("In the first nine months of 2023, 15,567 migrants crossed the Darién Gap.", "2023-10-29")
    b = one("Some 25,565 migrants crossed the Darién Gap in 2023.", "2024-03-01")
    assert same_fact(a, b).same is False


def test_fiscal_years_are_periods():
    a = one("The agency spent $4.1 billion in fiscal 2023.", "2024-01-10")
    assert (a.when_start is not None, a.when_start != D(2023, 1, 1) or a.when_end != D(2023, 12, 31)) == (True, True)


# ---- document context ---------------------------------------------------------------------
def test_the_place_a_sentence_leaves_out_is_taken_from_the_headline_and_said_so():
    f = one("The toll rose to 222 on Friday.", "2024-11-08", title="Spain floods: death toll in Valencia reaches 222")
    assert (f.scope, f.scope_evidence.source) == ("ES/Valencia", "headline")


def test_the_day_a_sentence_leaves_out_is_taken_from_the_sentence_before():
    f = features("Rescuers searched the rubble on Wednesday. Officials said 8,574 people have died in Turkey.",
                 "2023-02-09")["8,574 people"]
    assert (f.when_start, f.when_evidence.source) == (D(2023, 2, 8), "previous sentence")


# ---- forecasts ----------------------------------------------------------------------------
def test_a_forecast_is_not_the_outcome_and_forecasters_differ():
    got = features("Inflation fell to 8.7% in April. Economists had expected 8.2% in April, "
                   "while the Bank of England forecast 8.4% in April.", "2023-05-24", title="UK inflation")
    assert (got["8.7%"].forecast, got["8.2%"].forecast, got["8.4%"].forecast) == ("", "consensus", "bank")


# ---- relations ----------------------------------------------------------------------------
def test_a_later_higher_toll_updates_an_earlier_one_of_the_same_day():
    a = one("The death toll in Turkey stood at 3,419 on Tuesday.", "2023-02-07")
    b = one("The death toll in Turkey rose to 5,894 on Tuesday.", "2023-02-08")
    assert (same_fact(a, b).same, relation(a, b)) == (True, "updates")


def test_two_sources_disagreeing_about_the_same_moment_conflict():
    a = one("The death toll in Turkey stood at 8,754 on Wednesday.", "2023-02-09")
    b = one("The death toll in Turkey stood at 8,574 on Wednesday.", "2023-02-09")
    assert relation(a, b) == "conflicts"


def test_overlapping_intervals_agree():
    a = one("More than 200 people lost their lives in Valencia on Friday.", "2024-11-08")
    b = one("The toll in Valencia reached 222 on Friday.", "2024-11-08")
    assert relation(a, b) == "agrees"


def test_a_decision_says_which_evidence_matched():
    a = one("The death toll in Turkey rose to 8,574 on Wednesday.", "2023-02-09")
    b = one("The death toll in Turkey stood at 8,574.", "2023-02-08")
    assert same_fact(a, b).evidence[:3] == (
        "same deaths: deaths ('death toll', sentence) / deaths ('death toll', sentence)",
        "same scope TR: TR ('Turkey', sentence) / TR ('Turkey', sentence)",
        "same period 2023-02-08..2023-02-08: as of 2023-02-08 ('Wednesday', sentence) / "
        "as of 2023-02-08 (publication date)")


# ---- copies and stable keys ---------------------------------------------------------------
def test_the_same_sentence_in_two_documents_is_a_copy():
    text = "The death toll in Turkey rose to 8,574 on Wednesday."
    a, b = one(text, "2023-02-09", uri="https://a.example/1"), one(text, "2023-02-09", uri="https://b.example/2")
    assert (a.copy_key == b.copy_key, a.claim_key == b.claim_key, "a copy" in same_fact(a, b).evidence[-1]) == (
        True, False, True)


def test_a_claim_keeps_its_key_when_the_rest_of_the_page_changes():
    sentence = "The death toll in Turkey rose to 8,574 on Wednesday."
    a = features(sentence, "2023-02-09", uri="https://a.example/1")["8,574"]
    b = features("Updated with photos. " + sentence + " Aid is arriving.", "2023-02-09", uri="https://a.example/1")["8,574"]
    assert a.claim_key == b.claim_key


# ---- rules found on the dev set -----------------------------------------------------------
def test_a_window_in_the_lead_applies_to_the_yearly_figures_below_it():
    got = features("Up to Dec 29, 155,754 landed, up from 103,846 in 2022.\n\n"
                   "In 2023, some 155,754 migrants landed in Italy.", "2023-12-30")
    f = got["some 155,754 migrants"] if "some 155,754 migrants" in got else got["155,754 migrants"]
    assert (f.when_start, f.when_end, f.partial, f.when_evidence.source) == (D(2023, 1, 1), D(2023, 12, 29), True, "lead")


def test_structures_exposed_are_not_structures_destroyed():
    got = features("The assessment counted 2,719 structures exposed to the fire.", "2023-08-13")
    assert next(iter(got.values())).measure == "structures_exposed"


def test_a_part_of_a_toll_is_its_own_count():
    assert one("Police said 74 of the 97 victims have been identified.", "2023-09-16").measure.endswith(":part")


@pytest.mark.parametrize(("sentence", "measure"), [
    ("Amazon is cutting another 9,000 jobs.", "job_cuts:round"),
    ("That brings Amazon's job cuts to a total of 27,000.", "job_cuts:total"),
    ("Amazon will cut more than 18,000 jobs.", "job_cuts"),
], ids=["another round", "a running total", "more than is a bound, not a round"])
def test_rounds_and_totals_of_job_cuts_are_apart(sentence, measure):
    assert one(sentence, "2023-03-20").measure == measure


def test_a_comparison_figure_is_for_the_month_before():
    got = features("Prices rose 10.1% over the year, down from 10.4%.", "2023-04-19",
                   title="UK inflation falls to 10.1% in March")
    assert (got["10.1%"].when_start, got["10.4%"].when_start) == (D(2023, 3, 1), D(2023, 2, 1))


def test_nested_places_below_country_level_meet():
    a = one("The Maui wildfires have killed 96 people on Sunday.", "2023-08-14")
    b = one("The fire in Lahaina killed 96 people on Sunday.", "2023-08-14")
    c = one("Damage across the island of Maui reached around $6 billion.", "2023-08-14")
    assert (same_fact(a, b).same, c.scope) == (True, "US/HI/Maui/*")


def test_two_exact_figures_at_the_same_precision_never_meet():
    a = one("Food prices rose 19.1% in the year to March.", "2023-04-19")
    b = one("Food prices rose 19.2% in the year to March.", "2023-04-19")
    assert (a.interval_high == b.interval_low or round(a.interval_high, 9) == round(b.interval_low, 9),
            relation(a, b)) == (True, "conflicts")

"""The fourth round of fact-matching rules (flows/claims/facts.py), on sentences written for them
(issue 14, real-article misses): a sum cue read past a number word of its own, ..."""
import datetime as dt

from tests.xref.facts_helpers import features


def test_the_two_countries_cue_reaches_past_its_own_number_word():
    got = features("Peru reported 410 deaths and Chile 275, taking the toll in the two countries to over 680.",
                   "2024-03-07", title="Floods")
    assert got["over 680"].scope == "CL+PE"


def test_the_countrys_toll_is_the_whole_country_not_the_part_the_sentence_names():
    got = features("Rescuers said 2,274 people had died in rebel-held areas, bringing the country's death toll "
                   "to at least 3,688.", "2023-02-14", title="Quake")
    assert got["2,274 people"].scope == "SY/opposition-held"
    assert got["at least 3,688"].scope == "SY"


def test_two_parts_joined_by_a_suspended_hyphen_are_their_parent():
    f = features("In Syria, 5,714 people have died across government- and rebel-held areas.", "2023-02-14",
                 title="Quake")
    assert next(iter(f.values())).scope == "SY"


def test_a_change_is_measured_over_its_own_year_not_the_compared_one():
    got = features("The ministry said arrivals in 2025 rose by 40 percent compared with the previous year.",
                   "2025-12-30", title="Arrivals up 40% in 2025")
    f = got["40 percent"]
    assert (f.when_start, f.when_end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_a_change_said_against_a_year_takes_the_headlines_year():
    got = features("That is 40 percent more than in 2024 (when there were 71,200).", "2025-12-31",
                   title="Record arrivals in 2025")
    assert got["40 percent"].when_start == dt.date(2025, 1, 1)
    assert got["71,200"].when_start == dt.date(2024, 1, 1)  # the level is the compared year's own


def test_a_figure_in_the_same_period_counts_what_it_is_compared_with():
    got = features("Some 98,100 migrants landed over the last year, among them more than 9,000 unaccompanied "
                   "minors, while in the same period of 2024 there were 71,200.", "2025-12-30", title="Arrivals")
    assert got["71,200"].measure == got["Some 98,100 migrants"].measure == "arrivals"


def test_a_window_of_one_figure_in_the_lead_is_not_the_documents():
    got = features("Over 90,000 migrants landed in Italy in 2024. Updated figures show that 91,300 people arrived "
                   "from January 1 to December 30, against 71,200 in 2023.\n\nIn August, 16,100 arrived.",
                   "2025-01-01", title="Arrivals in 2024")
    f = got["Over 90,000 migrants"]
    assert (f.when_start, f.when_end, f.partial) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), False)
    assert got["91,300 people"].when_end == dt.date(2024, 12, 30)  # its own window, of the year just ended


def test_countries_of_origin_are_not_where_a_figure_counts():
    got = features("The migrants' countries of origin are mainly Egypt, Tunisia and Syria. There were 12,100 "
                   "unaccompanied minors.", "2025-01-01", title="Arrivals in Italy in 2024")
    assert got["12,100 unaccompanied minors"].scope == "IT"


def test_a_month_named_before_with_is_the_figures_month():
    got = features("The month with the most landings was August, with 16,100, the ministry said.", "2025-01-01",
                   title="Arrivals in Italy in 2024")
    f = next(iter(got.values()))
    assert (f.when_start, f.when_end) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


def test_it_in_a_sentence_inside_a_paragraph_takes_the_measure_before():
    got = features("Prices rose fast. Core inflation, which strips out food and energy, stayed high. It was unchanged "
                   "at 5.2 per cent annually in May and reached 0.7 per cent on a monthly basis.", "2025-06-18",
                   title="UK prices")
    assert got["5.2 per cent"].measure == "core_inflation"


def test_a_threshold_verb_before_the_next_number_is_that_numbers_mark():
    got = features("Arrivals were 5,200 in May and reached 6,100 in June.", "2025-07-01", title="Arrivals in Italy")
    assert got["5,200"].measure_evidence.words != "reached"


def test_a_previous_figure_of_a_toll_is_the_count_of_the_day_before():
    got = features("The number of deaths, which previously stood at 40, rose to 52, the governor said on Saturday.",
                   "2025-08-09", title="Fire toll rises")
    assert got["52"].when_start == dt.date(2025, 8, 9)
    assert (got["40"].when_start, got["40"].when_end) == (dt.date(2025, 8, 8), dt.date(2025, 8, 8))


def test_the_noun_right_after_the_number_says_what_it_counts():
    f = next(iter(features("Taken together, employers in the sector cut more than 90,000 jobs in 2024.", "2025-01-03",
                           title="Layoffs").values()))
    assert f.measure == "job_cuts"


def test_each_item_of_a_list_is_its_own_organisations_count():
    got = features("The companies that cut the most jobs last year include: Meta: 9,000. Amazon: 8,000. Cisco: 4,100.",
                   "2025-01-21", title="Layoffs in 2024")
    assert [(got[q].scope, got[q].measure) for q in ("9,000", "8,000", "4,100")] == [
        ("org:meta", "job_cuts"), ("org:amazon", "job_cuts"), ("org:cisco", "job_cuts")]


def test_a_place_naming_a_past_earthquake_is_not_where_its_toll_counts():
    f = next(iter(features("The floods in Spain are deadlier than the Valencia disaster of 1957, which killed around 81 "
                           "people.", "2025-02-14", title="Flood toll").values()))
    assert f.scope == "ES"


def test_where_a_quake_was_centred_is_not_where_its_injured_count():
    got = features("Officials said 98,000 people were injured by the quake centred on Gaziantep.",
                   "2025-02-14", title="Turkey quake toll")
    assert next(iter(got.values())).scope == "TR"


def test_a_share_cut_is_one_fact_whether_said_as_a_cut_or_as_a_share():
    a = next(iter(features("Vexa cut 9% of its employees in November.", "2025-12-03", title="Vexa layoffs").values()))
    got = features("Vexa will lay off 2,000 employees, about 9 percent of its workforce.", "2025-11-20",
                   title="Vexa layoffs")
    b = got["about 9 percent"]
    assert (a.measure, a.kind) == (b.measure, b.kind) == ("job_cuts", "level")


def test_a_headcount_reduction_is_a_cut():
    got = features("Staff were told of the headcount reduction, which represents over 6 percent of the workforce.",
                   "2025-01-20", title="Vexa layoffs")
    assert next(iter(got.values())).measure == "job_cuts"

"""The second round of fact-matching rules (flows/claims/facts.py) on sentences written for them:
which number a forecast word belongs to, the second number of a pair, a place after a comma, and
how far an approximate figure reaches."""
from claimhouse.flows.claims.facts import relation
from tests.xref.facts_helpers import features


def test_a_forecast_word_between_two_numbers_belongs_to_the_later_one():
    got = features("The fall from 9.6% in June was smaller than the expected drop to 9.1%.", "2024-08-14",
                   title="Prices")
    assert (got["9.6%"].forecast, got["9.1%"].forecast) == ("", "consensus")


def test_than_expected_measures_a_figure_against_a_forecast():
    got = features("Prices rose 7.3% in July, a bigger rise than the central bank had expected.", "2024-08-14",
                   title="Prices")
    assert got["7.3%"].forecast == ""


def test_the_forecaster_may_be_named_earlier_in_the_sentence():
    got = features("The news is a blow to the central bank, as the fall from 9.6% in June was smaller than "
                   "the expected drop to 9.1%.", "2024-08-14", title="Prices")
    assert got["9.1%"].forecast == "bank"


def test_the_second_number_of_a_pair_takes_the_measure_named_before_the_pair():
    got = features("Core inflation, which leaves out energy, jumped from 4.1 per cent to 4.6 per cent, a sign that "
                   "high inflation will last.", "2024-08-14", title="Prices")
    assert (got["4.1 per cent"].measure, got["4.6 per cent"].measure) == ("core_inflation", "core_inflation")


def test_a_place_after_a_comma_begins_the_next_item():
    got = features("Amazon said it would cut more than 7,000 workers, Meta is to shed over 4,000 jobs.",
                   "2024-03-05")
    scopes = {q: f.scope for q, f in got.items()}
    assert [s for q, s in scopes.items() if "7,000" in q] == ["org:amazon"]


def test_a_point_estimate_asserts_its_rounding_and_a_hedge_reaches_at_most_two_units():
    est = features("The centre counted an estimated 1,417 structures damaged.", "2024-08-14")
    loose = features("Some 84,361 people landed in 2023.", "2024-01-03")
    about = features("About 6,000 people live there.", "2024-01-03")
    f, g, h = (next(iter(d.values())) for d in (est, loose, about))
    assert f.interval_high - f.interval_low == 1.0
    assert g.interval_high - g.interval_low == 4.0
    assert h.interval_high - h.interval_low == 1200.0


def test_a_point_estimate_conflicts_with_a_figure_just_below_it():
    a = next(iter(features("The centre counted an estimated 1,417 structures damaged in Lahaina.",
                           "2023-08-14").values()))
    b = next(iter(features("Almost 1,400 structures were damaged in Lahaina.", "2023-08-14").values()))
    assert relation(a, b) == "conflicts"


WIRE = ("Rescue teams searched through the night for survivors in the ruins of the old town, where the "
        "river burst its banks on Tuesday. Officials said 212 people had died and 48 were still missing. "
        "Hundreds of volunteers joined soldiers clearing mud from the streets, and the regional government "
        "asked for help from neighbouring provinces. Schools will stay closed for the rest of the week.")


def test_a_lightly_edited_repost_is_a_copy_and_an_independent_story_is_not():
    from claimhouse.flows.claims.facts import document_sketch, is_copy, sketch_similarity
    repost = WIRE.replace("Officials said", "Local officials said").replace(" for the rest of the week", "")
    other = ("The death toll from the floods rose to 212, the interior ministry said on Wednesday, with 48 "
             "people missing. Volunteers from across the country travelled to the region to help clear "
             "the mud, while the army sent engineers to repair bridges.")
    assert sketch_similarity(document_sketch(WIRE), document_sketch(repost)) >= 0.5
    assert sketch_similarity(document_sketch(WIRE), document_sketch(other)) < 0.5
    a = features(WIRE, "2024-10-30", uri="https://a.example/flood")["212 people"]
    b = features(repost, "2024-10-30", uri="https://b.example/flood")["212 people"]
    c = features(other, "2024-10-30", uri="https://c.example/flood")["212"]
    assert a.copy_key != b.copy_key  # the sentence itself was edited
    assert is_copy(a, b) and not is_copy(a, c)


def test_compared_with_before_a_rate_is_the_month_before_the_one_named():
    got = features("Core prices rose 5.9% in June, compared with 5.4% the month before.", "2024-07-17",
                   title="Core inflation rises")
    f = got["5.4%"]
    assert (f.when_start.month, f.when_end.month) == (5, 5)


def test_a_past_year_in_a_since_clause_makes_a_toll_history_not_today():
    got = features("It was the strongest quake in the region since 1976, when about 24,000 people died.",
                   "2024-03-06", title="Quake toll rises")
    f = next(v for q, v in got.items() if "24,000" in q)
    assert (f.when_start.year, f.evolving) == (1976, True)

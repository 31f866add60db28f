"""The fourth round of fact-matching rules (flows/claims/facts.py), on sentences written for them
(issue 14, real-article misses): a sum cue read past a number word of its own, ..."""
from tests.xref.facts_helpers import features


def test_the_two_countries_cue_reaches_past_its_own_number_word():
    got = features("Peru reported 410 deaths and Chile 275, taking the toll in the two countries to over 680.",
                   "2024-03-07", title="Floods")
    assert got["over 680"].scope == "CL+PE"

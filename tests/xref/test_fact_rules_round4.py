"""The fourth round of fact-matching rules (flows/claims/facts.py), on sentences written for them
(issue 14, real-article misses): a sum cue read past a number word of its own, ..."""
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

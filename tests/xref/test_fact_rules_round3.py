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

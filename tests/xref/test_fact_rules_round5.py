"""The fifth round of fact-matching rules (flows/claims/facts.py), on sentences written for them
(crossref misses): a standfirst's count takes the day of the lede it summarises; job cuts of a
calendar year meet the months in it."""
import datetime as dt

from tests.xref.facts_helpers import features

_STANDFIRST = ("Rescuers put the number of dead from Sunday's floods at 1,240 in Peru and 380 in Chile\n\n"
               "Reuters, Lima\n\n"
               "On Tuesday the death toll from the floods rose to more than 1,600, officials said.")


def test_a_standfirst_count_takes_the_day_of_the_lede_after_it():
    got = features(_STANDFIRST, "2025-03-13", title="Flood toll passes 1,600")  # published Thursday
    assert got["1,240"].when_start == dt.date(2025, 3, 11)


def test_an_opening_sentence_with_a_full_stop_is_not_a_standfirst():
    text = _STANDFIRST.replace(" in Chile\n\n", " in Chile.\n\n")
    got = features(text, "2025-03-13", title="Flood toll passes 1,600")
    assert got["1,240"].when_start == dt.date(2025, 3, 13)  # its own day: the publication date


def test_job_cuts_of_a_calendar_year_meet_the_month_they_were_made_in():
    from claimhouse.flows.claims.facts import same_fact

    year = features("The companies that cut the most jobs last year include: Amazon: 6,000. Cisco: 2,500.",
                    "2025-01-20", title="Tech layoffs")["6,000"]
    month = features("Amazon laid off 6,000 workers in November.", "2024-12-02", title="Amazon cuts jobs")["6,000 workers"]
    assert year.when_loose and same_fact(year, month).relation == "agrees"

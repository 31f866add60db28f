"""The interval test for one pair, defined once (flows/claims/intervals.py) for fact matching
(facts.values_meet) and the benchmark's baseline (link.py re-exports it)."""
import pytest

from claimhouse.flows.claims import facts, intervals, link


@pytest.mark.parametrize(("a", "b", "meet", "gap"), [
    ((1.0, 2.0), (2.0, 3.0), True, 0.0),
    ((1.0, 2.0), (4.0, 5.0), False, 0.5),
    ((None, 400.0), (520.0, None), False, 0.2308),
    ((10.0, None), (None, 12.0), True, 0.0),
])
def test_two_intervals_meet_or_are_apart_by_their_relative_gap(a, b, meet, gap):
    assert (intervals.intervals_meet(a, b), round(intervals.gap(b, a), 4)) == (meet, gap)


def test_one_definition_serves_both_modules():
    assert (link.intervals_meet, link.gap, facts.intervals.intervals_meet) == (
        intervals.intervals_meet, intervals.gap, intervals.intervals_meet)

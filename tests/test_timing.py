"""The growth helper in tests/timing.py tells linear work from quadratic work, so a "linear time"
test that uses it would fail for a quadratic extractor and pass for a linear one on a busy machine."""
from __future__ import annotations

import pytest

from tests.timing import GROWTH_BOUND, assert_linear, growth


def linear(n: int) -> int:
    total = 0
    for i in range(50 * n):
        total += i
    return total


def quadratic(n: int) -> int:
    """A step over everything seen so far for each new item: the shape of a quadratic extractor.

    Every step is the same Python-level operation, so 16x the items costs ~256x. (A rescan by slicing
    and `str.count` measured only 160-190x idle: its per-slice cost is not proportional to the length,
    and under CI load it fell below the 128x this file's last test asks for.)"""
    pairs = 0
    for i in range(n):
        for _ in range(i):
            pairs += 1
    return pairs


def test_linear_work_passes():
    assert_linear(linear, 1000)


@pytest.mark.slow
def test_quadratic_work_fails():
    with pytest.raises(AssertionError, match="quadratic"):
        assert_linear(quadratic, 200)


@pytest.mark.slow
def test_linear_and_quadratic_growth_sit_on_either_side_of_the_bound_with_room():
    # 16x the items: linear ~16x, quadratic ~256x; the bound (64x) is a factor of two or more from each
    assert (growth(linear, 1000) < GROWTH_BOUND / 2, growth(quadratic, 400) > 2 * GROWTH_BOUND) == (True, True)

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
    """A rescan of everything seen so far for each new item: the shape of a quadratic extractor."""
    text = "3-5–" * n
    return sum(text[:end].count("–") for end in range(0, len(text), 4))


def test_linear_work_passes():
    assert_linear(linear, 1000)


def test_quadratic_work_fails():
    with pytest.raises(AssertionError, match="quadratic"):
        assert_linear(quadratic, 600)


@pytest.mark.slow
def test_linear_and_quadratic_growth_sit_on_either_side_of_the_bound_with_room():
    # 16x the items: linear ~16x, quadratic ~256x; the bound (64x) is a factor of two or more from each
    assert (growth(linear, 1000) < GROWTH_BOUND / 2, growth(quadratic, 600) > 2 * GROWTH_BOUND) == (True, True)

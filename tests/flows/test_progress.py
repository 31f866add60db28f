"""Progress lines of a run (no terminal, no Prefect)."""
import io

import pytest

from claimhouse.flows.progress import LINE_EVERY_S, Lines, Quiet, rate_and_left, reporter


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_line_gives_count_rate_and_time_left():
    out, clock = io.StringIO(), Clock()
    lines = Lines(out=out, clock=clock)
    lines.start("documents extracted", 1000)
    clock.now = LINE_EVERY_S
    lines.advance("documents extracted", 250)
    assert out.getvalue() == "documents extracted 250/1000 (50/s, 15 s left)\n"


def test_no_line_before_the_interval_but_one_when_the_stage_ends():
    out, clock = io.StringIO(), Clock()
    lines = Lines(out=out, clock=clock)
    lines.start("rows stored", 10)
    lines.advance("rows stored", 10)
    clock.now = 2.0
    lines.finish("rows stored")
    assert out.getvalue() == "rows stored 10/10 (5/s, done in 2.0 s)\n"


def test_rate_and_time_left_are_unknown_without_a_total():
    assert rate_and_left(30, None, 3.0) == (10.0, None)


def test_off_is_quiet_and_an_unknown_mode_is_refused():
    assert type(reporter("off")) is Quiet
    with pytest.raises(ValueError, match="live"):
        reporter("loud")

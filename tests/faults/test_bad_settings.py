"""Settings that cannot be a time limit (nan, inf, 0, -1) are refused before a run starts,
naming the option."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main


@pytest.mark.parametrize("option", ["--timeout", "--lock-timeout"])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0"])
def test_a_time_limit_that_is_not_a_finite_positive_number_is_refused(tmp_path, option, value):
    result = CliRunner().invoke(main, ["run", "--db", str(tmp_path / "w.duckdb"), option, value])
    assert result.exit_code == 2 and option in result.output and "finite number of seconds" in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_a_bad_allow_host_is_refused_naming_it(tmp_path):
    result = CliRunner().invoke(main, ["run", "--db", str(tmp_path / "w.duckdb"), "--allow-host", "10.0.0.0/33"])
    assert result.exit_code == 2 and "10.0.0.0/33" in result.output


@pytest.mark.parametrize("value", ["lots\x1b[2J", "", "12", "-5MB", "1.5 parsecs"])
def test_a_writer_memory_limit_that_is_no_size_is_refused_before_any_work(tmp_path, value):
    result = CliRunner().invoke(main, ["run", "--memory-limit", value, "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and "is not a size such as 512MB" in result.output, result.output
    assert "\x1b" not in result.output and not (tmp_path / "w.duckdb").exists()

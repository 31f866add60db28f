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


def test_a_stage_without_units_shows_its_time_only():
    out, clock = io.StringIO(), Clock()
    lines = Lines(out=out, clock=clock)
    lines.start("linking", None)
    clock.now = 2.5
    lines.finish("linking")
    assert out.getvalue() == "linking (done in 2.5 s)\n"


def test_rate_and_time_left_are_unknown_without_a_total():
    assert rate_and_left(30, None, 3.0) == (10.0, None)


def test_off_is_quiet_and_an_unknown_mode_is_refused():
    assert type(reporter("off")) is Quiet
    with pytest.raises(ValueError, match="live"):
        reporter("loud")


# ---- which progress a run shows ------------------------------------------------------------

STAGE_NAMES = ("sources fetched", "documents extracted", "rows stored")


def test_live_bars_name_each_stage_with_its_count(monkeypatch):
    import rich.console

    out, real = io.StringIO(), rich.console.Console
    monkeypatch.setattr(rich.console, "Console", lambda **_: real(file=out, force_terminal=True, width=120))
    live = reporter("live")
    live.start("documents extracted", 100)
    live.advance("documents extracted", 40)
    live.finish("documents extracted")
    live.close()
    assert "documents extracted" in out.getvalue() and "40/40" in out.getvalue()


def _progress_asked(monkeypatch, args):
    """The `progress` mode `claimhouse run ARGS` gives the flow (the flow itself not run)."""
    from click.testing import CliRunner

    from claimhouse.flows import cli, pipeline_flow, server_child

    asked = []

    def fake_run(**kwargs):
        asked.append(kwargs["progress"])
        raise cli.click.ClickException("not run")

    monkeypatch.setattr(pipeline_flow, "run_pipeline", fake_run)
    # No flow runs, so no temporary server is started: patching how one would be started would
    # only import Prefect's server (2.4 s of CPU; tests/faults/test_orphan_servers.py covers it).
    monkeypatch.setattr(server_child, "temporary_servers_die_with_this_process", lambda: True)
    CliRunner().invoke(cli.main, ["run", "--source", "x", *args])
    return asked


@pytest.mark.slow
def test_the_cli_asks_for_lines_off_a_terminal_and_nothing_when_quiet(monkeypatch):
    assert _progress_asked(monkeypatch, []) == ["lines"]
    assert _progress_asked(monkeypatch, ["--quiet"]) == ["off"]


def test_the_cli_asks_for_live_bars_on_a_terminal(monkeypatch):
    from click import testing

    monkeypatch.setattr(testing._NamedTextIOWrapper, "isatty", lambda self: True)  # CliRunner's stderr
    assert _progress_asked(monkeypatch, []) == ["live"]


def test_served_runs_show_no_progress():
    import inspect

    from claimhouse.flows.pipeline_flow import run_pipeline
    from claimhouse.flows.serve import deployment_parameters

    assert "progress" not in deployment_parameters(sources=["x"], workers=2)
    assert inspect.signature(run_pipeline.fn).parameters["progress"].default == "off"


@pytest.mark.flow
def test_a_run_off_a_terminal_prints_plain_stage_lines_and_quiet_prints_none(planted, tmp_path):
    from click.testing import CliRunner

    from claimhouse.flows.cli import main

    loud = CliRunner().invoke(main, ["run", "--source", str(planted), "--db", str(tmp_path / "a.duckdb")])
    quiet = CliRunner().invoke(main, ["run", "--source", str(planted), "--db", str(tmp_path / "b.duckdb"), "-q"])
    assert (loud.exit_code, quiet.exit_code) == (0, 0), loud.output + quiet.output
    assert [name for name in STAGE_NAMES if f"{name} " in loud.stderr] == list(STAGE_NAMES)
    assert "documents extracted 4/4" in loud.stderr
    assert [name for name in STAGE_NAMES if name in quiet.stderr + quiet.stdout] == []
    assert quiet.stdout == ""

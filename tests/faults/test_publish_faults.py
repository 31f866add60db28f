"""A run that cannot publish (issue 12): a full disk or an IO error inside the publishing
transaction reaches the user as itself (not as the error of a clean-up statement run inside the
aborted transaction), and the run ends `failed` in `runs` with nothing of its own stored."""
from __future__ import annotations

import io
import logging

import pytest
from click.testing import CliRunner
from prefect.logging.handlers import PrefectConsoleHandler

from claimhouse.flows import linking
from claimhouse.flows.cli import main
from claimhouse.flows.output import console_logs_to
from claimhouse.flows.pipeline_flow import run_pipeline
from claimhouse.warehouse.db import WarehouseError

pytestmark = pytest.mark.flow

DISK_FULL = 'IO Error: Could not write file "warehouse.duckdb.wal": No space left on device'


def _disk_fills_while_linking(monkeypatch) -> None:
    """Storing the claim groups fails the way a full disk does: the statement fails inside DuckDB
    (so the transaction is aborted, as a failed write leaves it), with the message naming ENOSPC."""
    real = linking.load_sql

    def load_sql(folder, name):
        if (folder, name) == ("links", "store_groups"):
            return f"select error('{DISK_FULL}') where $run_id is not null"
        return real(folder, name)

    monkeypatch.setattr(linking, "load_sql", load_sql)


def test_a_full_disk_while_publishing_names_itself_and_the_run_is_failed(planted, db_path, rows, monkeypatch):
    _disk_fills_while_linking(monkeypatch)
    with pytest.raises(WarehouseError) as raised:
        run_pipeline(sources=[str(planted)], db_path=db_path)
    message = str(raised.value)
    assert "No space left on device" in message and "disk holding the warehouse is full" in message
    assert "another transaction" not in message and "aborted" not in message
    (status, ended, error), = rows(db_path, "select status, ended_at is not null, error from runs")
    assert (status, ended, "No space left on device" in error) == ("failed", True, True)
    assert rows(db_path, "select count(*) from documents") == [(0,)]


def test_the_cli_shows_the_full_disk_and_exits_1(planted, db_path, rows, monkeypatch):
    _disk_fills_while_linking(monkeypatch)
    result = CliRunner().invoke(main, ["run", "--source", str(planted), "--db", str(db_path)])
    assert (result.exit_code, "No space left on device" in result.output,
            "disk holding the warehouse is full" in result.output, "Traceback" in result.output) == (1, True, True, False), \
        result.output  # (shown when it fails: which line printed a traceback)
    assert rows(db_path, "select status from runs") == [("failed",)]


def test_prefect_console_lines_go_to_the_given_stream_and_back_after():
    before, during = io.StringIO(), io.StringIO()
    handler = PrefectConsoleHandler(stream=before)
    logger = logging.getLogger("prefect.claimhouse-test-console")
    logger.addHandler(handler)
    try:
        with console_logs_to(during):
            logger.warning("inside the run")
        logger.warning("after the run")
    finally:
        logger.removeHandler(handler)
    assert ("inside the run" in during.getvalue(), "after the run" in during.getvalue(),
            "after the run" in before.getvalue()) == (True, False, True)

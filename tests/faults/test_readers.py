"""Readers against the writer (issue 12): DuckDB lets one process write a file or several read it,
never both. A reader (another process holding a read-only connection, as a long `claimhouse query`
does) open when a run starts or when it reaches publish is waited for, as a run waits for another
run (up to --lock-timeout); a run that cannot publish within that is recorded `failed` with why."""
from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimhouse.flows import steps
from claimhouse.flows.pipeline_flow import run_pipeline
from claimhouse.warehouse.db import OPEN_WAIT_S, WarehouseError

pytestmark = pytest.mark.flow

# Holds a read-only connection to argv[1] until a line arrives on stdin (or it is closed).
READER = ("import sys, duckdb\n"
          "con = duckdb.connect(sys.argv[1], read_only=True)\n"
          "con.execute('select count(*) from runs').fetchall()\n"
          "print('open', flush=True)\n"
          "sys.stdin.readline()\n"
          "con.close()\n")
HOLD_S = OPEN_WAIT_S + 5  # longer than any open used to wait: the old code gave up after OPEN_WAIT_S


class Reader:
    """A process holding a read-only connection to the warehouse until `release()`."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "open"

    def release(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("done\n")
            self.proc.stdin.flush()
        self.proc.wait(30)

    def release_after(self, seconds: float) -> threading.Timer:
        timer = threading.Timer(seconds, self.release)
        timer.start()
        return timer


@pytest.fixture
def warehouse(planted, db_path):
    """A warehouse a first run created (so a reader can open it)."""
    assert run_pipeline(sources=[str(planted)], db_path=db_path)["status"] == "completed"
    return db_path


def test_a_run_started_while_a_reader_is_open_waits_for_it_and_completes(planted, warehouse, rows):
    reader = Reader(warehouse)
    timer = reader.release_after(HOLD_S)
    try:
        summary = run_pipeline(sources=[str(planted)], db_path=warehouse)
    finally:
        timer.join()
    assert summary["status"] == "completed"
    assert rows(warehouse, "select status from runs order by started_at") == [("completed",), ("completed",)]


def test_a_reader_open_when_the_run_publishes_is_waited_for(planted, warehouse, rows, monkeypatch):
    real_publish = steps.publish
    timers = []

    def publish_with_a_reader(db_path, *args):
        reader = Reader(db_path)
        timers.append(reader.release_after(HOLD_S))
        return real_publish(db_path, *args)

    monkeypatch.setattr(steps, "publish", publish_with_a_reader)
    (planted / "late.txt").write_text("Some 410 boats were inspected in 2024, officials said.\n")
    summary = run_pipeline(sources=[str(planted)], db_path=warehouse)
    timers[0].join()
    assert (summary["status"], summary["docs_new"]) == ("completed", 1)
    assert rows(warehouse, "select count(*) from documents where uri like '%late.txt'") == [(1,)]


def test_a_run_that_cannot_publish_for_a_reader_is_recorded_failed_with_why(planted, warehouse, rows,
                                                                            monkeypatch):
    real_publish = steps.publish

    def publish_with_a_reader(db_path, *args):
        reader = Reader(db_path)
        try:
            return real_publish(db_path, *args)
        finally:
            reader.release()  # the reader ends after the writer gave up: the run's end can be recorded

    monkeypatch.setattr(steps, "publish", publish_with_a_reader)
    (planted / "late.txt").write_text("Some 410 boats were inspected in 2024, officials said.\n")
    with pytest.raises(WarehouseError, match="held it for over 2 s") as raised:
        run_pipeline(sources=[str(planted)], db_path=warehouse, lock_timeout_s=2.0)
    assert "--lock-timeout" in str(raised.value)
    (status, error), = rows(warehouse, "select status, error from runs order by started_at desc limit 1")
    assert status == "failed" and "another process" in error and "held it for over 2 s" in error
    assert rows(warehouse, "select count(*) from documents where uri like '%late.txt'") == [(0,)]

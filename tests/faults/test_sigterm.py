"""SIGTERM a real `claimhouse run` while a fetch hangs: the run ends, is recorded failed, and
releases the warehouse lock (the next run does not wait for it)."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from claimhouse.flows.lock import lock_path

pytestmark = [pytest.mark.flow, pytest.mark.net]

CLAIMHOUSE = Path(sys.executable).with_name("claimhouse")
WAIT_S = 60.0  # a hang detector, not a timing bound


def test_sigterm_ends_a_run_recorded_failed_with_its_lock_released(fault_site, cli_env, tmp_path, rows):
    db = tmp_path / "w.duckdb"
    page = "/gate/sigterm"  # answers once its gate is set, which this test never does
    before = fault_site.hits[page]
    proc = subprocess.Popen([str(CLAIMHOUSE), "run", "--source", fault_site.base_url + page, "--db", str(db),
                             "--allow-private", "--timeout", "600"],
                            env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + WAIT_S
    while fault_site.hits[page] == before and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    assert fault_site.hits[page] > before, "the run never reached its fetch"
    proc.send_signal(signal.SIGTERM)
    try:
        output, _ = proc.communicate(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
        pytest.fail(f"the run outlived SIGTERM:\n{output[-3000:]}")
    assert proc.returncode != 0
    assert rows(db, "select status from runs") == [("failed",)], output[-3000:]
    FileLock(str(lock_path(db))).acquire(timeout=0)  # raises Timeout if the lock were still held

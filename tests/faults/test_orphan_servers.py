"""`kill -9` of a `claimhouse run` that started its own temporary Prefect API server (issue 12: each
one lived on, 190 MB, 17 orphans after 40 kills): the server goes with the run, and the next run
marks the killed run `abandoned`."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow

CLAIMHOUSE = Path(sys.executable).with_name("claimhouse")
SERVER_MARK = "prefect.server.api.server:create_app"  # in the temporary server's command line
WAIT_S = 180.0  # for the run to reach its fetch (it starts a server first), and for the server to go


def processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every process we may read."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmdline)
    return found


def servers_of(pid: int) -> list[int]:
    return [p for p, (parent, cmdline) in processes().items() if parent == pid and SERVER_MARK in cmdline]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, timeout_s: float, pause_s: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(pause_s)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_killed_run_leaves_no_prefect_server_and_the_next_run_marks_it_abandoned(planted, db_path, rows,
                                                                                   prefect_api, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_LOGGING_LEVEL="INFO",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="150")
    run = subprocess.Popen([str(CLAIMHOUSE), "run", "--source", str(planted), "--db", str(db_path)],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        log = []
        for line in run.stdout:  # until its first fetch has finished: its `runs` row is written
            log.append(line)
            if "'fetch-source-" in line and "Finished in state" in line:
                break
        servers = servers_of(run.pid)
        assert servers, "".join(log)[-3000:]
        run.send_signal(signal.SIGKILL)
        assert run.wait(30) == -signal.SIGKILL
    finally:
        if run.poll() is None:
            run.kill()
    assert wait_until(lambda: not any(alive(p) for p in servers), WAIT_S), f"servers left: {servers}"
    assert rows(db_path, "select status from runs") == [("running",)]

    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    statuses = rows(db_path, "select status, error is not null from runs order by started_at")
    assert (summary["status"], statuses) == ("completed", [("abandoned", True), ("completed", False)])

"""Two `claimhouse run` processes against one warehouse: the second waits for the first, then
runs; both are recorded, and nothing is lost or stored twice (README, "One writer at a time")."""
import os
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = [pytest.mark.flow, pytest.mark.net]

WAIT_S = 60.0


@pytest.fixture
def processes():
    """Popen objects started by the test; any still running at the end is killed (by pid)."""
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def _until(check, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {WAIT_S:g} s waiting for {what}")
        time.sleep(0.1)


def test_a_second_run_waits_for_the_first_and_both_are_recorded(planted, db_path, tmp_path, site_server,
                                                                   rows, processes):
    from prefect.settings import PREFECT_API_URL

    key = uuid.uuid4().hex[:12]
    gate = f"{site_server.base_url}/gate/{key}"  # answers once the test opens the gate (it has an ETag)
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_LOGGING_LEVEL": "INFO"}
    command = [sys.executable, "-m", "claimhouse.flows.cli", "run", "--source", str(planted), "--source", gate,
               "--allow-private", "--db", str(db_path), "--lock-timeout", str(WAIT_S)]
    outputs = [tmp_path / "a.log", tmp_path / "b.log"]

    def waiting() -> list[str]:
        return [output.name for output in outputs if "waiting up to" in output.read_text()]

    for output in outputs:  # both at once: whichever takes the lock first holds it at the gate
        with output.open("w") as log:
            processes.append(subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT))
    _until(lambda: site_server.hits[f"/gate/{key}"] == 1 and waiting(), "one run at the gate, the other waiting")
    site_server.gates[key].set()
    codes = [process.wait(timeout=WAIT_S) for process in processes]

    runs = rows(db_path, "select status, started_at, ended_at, docs_new, docs_unchanged, claims_added "
                         "from runs order by started_at")
    (_, _, first_end, *first), (_, second_start, _, *second) = runs
    stored = rows(db_path, "select (select count(*) from document_versions), (select count(*) from claim_rows), "
                           "(select count(*) from fetch_rows), (select count(*) from fetch_log where not_modified)")
    assert codes == [0, 0], [output.read_text()[-2000:] for output in outputs]
    assert len(waiting()) == 1
    assert [run[0] for run in runs] == ["completed", "completed"] and second_start >= first_end
    assert (first, second) == ([5, 0, first[2]], [0, 5, 0])
    assert stored == [(5, first[2], 10, 5)]  # not modified the second time: the gate (a 304) and the 4 unread files

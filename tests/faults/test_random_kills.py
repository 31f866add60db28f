"""`kill -9` of a `claimhouse run` over a few hundred documents at 20 random moments (seeded), each
run starting its own temporary Prefect server (no PREFECT_API_URL), as a user's run does. After
each kill: the warehouse opens and its invariants hold (every quote is its document's text at its
offsets; every claim belongs to a stored version of its document; no link names a missing claim),
no Prefect server of the killed run is left, and the next run completes. (tests/faults/test_crash.py
kills at each named step and compares the whole state; this one kills anywhere.)"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from claimhouse.flows.pipeline_flow import run_pipeline
from tests.faults.test_crash import CLAIMHOUSE, write_docs
from tests.faults.test_orphan_servers import alive, processes, wait_until

RUN_TIMEOUT_S = 5_400  # 20 kills, each followed by a whole run, on a loaded machine
pytestmark = [pytest.mark.flow, pytest.mark.slow, pytest.mark.timeout(RUN_TIMEOUT_S)]

N_DOCS, N_FIRST = 300, 100
KILLS = int(os.environ.get("CLAIMHOUSE_RANDOM_KILLS", "20"))
SEED = 20261201
SERVER_GONE_S = 60.0
INVARIANTS = {
    "quotes off their text": "select count(*) from claim_rows c join document_versions d using (document_id, version) "
                             "where substr(d.text, c.span_start + 1, c.span_end - c.span_start) <> c.quote",
    "claims of no stored version": "select count(*) from claim_rows c anti join document_versions d "
                                   "using (document_id, version)",
    "links to missing claims": "select count(*) from claim_groups g anti join claim_rows c using (claim_id)",
}


def broken_invariants(rows, db) -> dict[str, int]:
    found = {name: rows(db, sql)[0][0] for name, sql in INVARIANTS.items()}
    return {name: n for name, n in found.items() if n}


def descendants(pid: int) -> set[int]:
    table = processes()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, (parent, _) in table.items() if parent in frontier} - found
        found |= frontier
    return found


@pytest.fixture(scope="module")
def corpus(prefect_api, tmp_path_factory, rows):
    """(folder, a warehouse holding a first run over a third of it, how long a whole run takes)."""
    root = tmp_path_factory.mktemp("random-kills")
    folder, base = root / "reports", root / "base.duckdb"
    write_docs(folder, range(N_FIRST))
    assert run_pipeline(sources=[str(folder)], db_path=base)["status"] == "completed"
    write_docs(folder, range(N_FIRST, N_DOCS))
    return folder, base


def _env(home) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="150")
    return env


def test_kill_9_at_random_moments_leaves_a_sound_warehouse_and_no_server(corpus, tmp_path, rows):
    folder, base = corpus
    # how long an uninterrupted run takes here (its own server included): the kills fall within it
    timed = tmp_path / "timed.duckdb"
    shutil.copy(base, timed)
    started = time.monotonic()
    done = subprocess.run([str(CLAIMHOUSE), "run", "--source", str(folder), "--db", str(timed)],
                          env=_env(tmp_path / "home-timed"), capture_output=True, text=True, timeout=900)
    whole_s = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    moments = sorted(random.Random(SEED).uniform(0.2, whole_s) for _ in range(KILLS))
    report = []
    for i, moment in enumerate(moments):
        db = tmp_path / f"killed-{i}.duckdb"
        shutil.copy(base, db)
        run = subprocess.Popen([str(CLAIMHOUSE), "run", "--source", str(folder), "--db", str(db)],
                               env=_env(tmp_path / f"home-{i}"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        children: set[int] = set()
        deadline = time.monotonic() + moment
        while time.monotonic() < deadline and run.poll() is None:  # follow its children until the kill
            children |= descendants(run.pid)
            time.sleep(0.05)
        children |= descendants(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait(30)
        gone = wait_until(lambda children=children: not any(alive(p) for p in children), SERVER_GONE_S)
        broken = broken_invariants(rows, db)
        statuses = {s for (s,) in rows(db, "select status from runs")}
        summary = run_pipeline(sources=[str(folder)], db_path=db)
        after = rows(db, "select status from runs where status in ('running')")
        report.append((round(moment, 1), gone, broken, sorted(statuses), summary["status"], after,
                       broken_invariants(rows, db)))
    bad = [r for r in report if not r[1] or r[2] or r[4] != "completed" or r[5] or r[6]]
    assert bad == [], "\n".join(map(str, report))

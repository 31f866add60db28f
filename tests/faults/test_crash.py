"""SIGKILL a real `claimhouse run` at each step of a run: the warehouse is then exactly as it was
before that run or exactly as after a complete run, never in between; and the next run completes
and leaves exactly what an uninterrupted run leaves.

The warehouse holds a first run over part of the folder ("before"); the killed run covers the
whole folder. "After" is a copy of "before" that an uninterrupted `claimhouse run` completed. A
killed run's `runs` row stays `running` and its `fetch_log` rows stay (they are written as the
run goes): only the data tables are compared, on every column but run ids and timestamps."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimhouse.flows.pipeline_flow import default_references, run_pipeline

pytestmark = pytest.mark.flow

CLAIMHOUSE = Path(sys.executable).with_name("claimhouse")  # the console script of this venv
N_DOCS, N_FIRST = 240, 80
PLACES = ("Kenya", "Chile", "Peru", "Ghana", "Norway", "Japan", "Brazil", "Mexico", "Spain", "Egypt")
MONTHS = ("January", "March", "May", "July", "September", "November")
STEP_WAIT_S = 60.0
# Each data table, on every column but run ids and timestamps: (rows, md5 of the sorted rows).
STATE_SQL = {
    "document_versions": "select count(*), md5(string_agg(t::varchar, chr(10) order by t::varchar)) "
                         "from (select * exclude (fetched_at, run_id, superseded_at) from document_versions) t",
    "claim_rows": "select count(*), md5(string_agg(t::varchar, chr(10) order by t::varchar)) "
                  "from (select * exclude (run_id) from claim_rows) t",
    "claim_groups": "select count(*), md5(string_agg(t::varchar, chr(10) order by t::varchar)) "
                    "from (select * exclude (run_id, created_at) from claim_groups) t",
    "rejected": "select count(*), md5(string_agg(t::varchar, chr(10) order by t::varchar)) "
                "from (select * exclude (run_id, rejected_at) from rejected) t",
    "reference_rows": "select count(*), md5(string_agg(t::varchar, chr(10) order by t::varchar)) "
                      "from (select * exclude (loaded_at) from reference_rows) t",
}
# A step of a run, as its log lines say it: all of these substrings in one line.
STEPS = {
    "flow": ("Beginning flow run",),
    "fetched": ("'fetch-source-", "Finished in state"),
    "extracted": ("'extract-claims-", "Finished in state"),
    "published": ("'publish-run-", "Finished in state"),
    "recorded": (" completed: {",),  # the flow's last line: the run is recorded in `runs`
}
LAST = -1
# (id, step to wait for, which occurrence, then wait this share of publish-run's time, state it must leave)
KILLS = [
    ("while-starting", None, 0, 0.0, "before"),
    ("run-begun", "flow", 1, 0.0, "before"),
    ("fetched", "fetched", 1, 0.0, "before"),
    ("extracting", "extracted", 1, 0.0, "before"),
    ("publishing-1/2", "extracted", LAST, 1 / 2, "before or after"),  # halfway through publish-run, as timed
    ("publishing-9/10", "extracted", LAST, 9 / 10, "before or after"),  # on the reference run; it commits at ~19/20
    ("published", "published", 1, 0.0, "after"),
    ("recorded", "recorded", 1, 0.0, "after"),
]
STARTING_S = 0.5  # "while-starting": Python is still importing


def write_docs(folder: Path, numbers: range) -> None:
    """Generated harbour reports: three claims each, many of them about the same facts."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        place = PLACES[i % len(PLACES)]
        body = (f"About {1000 + (i % 7) * 150:,} migrants crossed into {place} in 2023, officials said.\n"
                f"Cargo traffic rose {2 + i % 5} percent to {4.2 + (i % 3) / 10:.1f} million tonnes in {place} "
                f"in 2023.\nSome {30 + i} boats were inspected in {MONTHS[i % len(MONTHS)]} 2024, and nearly "
                f"{10 + i % 4} percent failed.\n")
        (folder / f"report-{i:04d}.md").write_text(
            f"---\ntitle: Harbour report {i}\nurl: https://example.org/harbour/{i}\n"
            f"published: 2024-{1 + i % 9:02d}-15\n---\n" + body)


def state(rows, db: Path) -> dict[str, tuple]:
    return {table: rows(db, sql)[0] for table, sql in STATE_SQL.items()}


class Run:
    """A `claimhouse run` subprocess whose log is followed line by line, with the time of each."""

    def __init__(self, db: Path, folder: Path, env: dict[str, str]) -> None:
        self.started = time.monotonic()
        self.lines: list[tuple[float, str]] = []
        self.proc = subprocess.Popen(
            [str(CLAIMHOUSE), "run", "--source", str(folder), "--db", str(db), "--reference", default_references()[0]],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._follow, daemon=True)
        self.reader.start()

    def _follow(self) -> None:
        for line in self.proc.stdout:
            with self.changed:
                self.lines.append((time.monotonic() - self.started, line.rstrip("\n")))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def times(self, step: str) -> list[float]:
        return [t for t, line in self.lines if all(part in line for part in STEPS[step])]

    def wait_for(self, step: str, nth: int) -> None:
        """Until the nth line of `step` is logged (nth = LAST: the count the reference run logged)."""
        with self.changed:
            done = self.changed.wait_for(lambda: len(self.times(step)) >= nth or self.proc.poll() is not None,
                                         timeout=STEP_WAIT_S)
        assert done and len(self.times(step)) >= nth, f"no line {nth} of {step!r}:\n{self.log()}"

    def finish(self, timeout: float = STEP_WAIT_S) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(5)
        return code

    def log(self) -> str:
        return "\n".join(line for _, line in self.lines)[-4000:]


@pytest.fixture(scope="module")
def warehouses(prefect_api, cli_env, tmp_path_factory, rows):
    """(folder, "before" warehouse and its state, "after" state, the reference run's step times)."""
    root = tmp_path_factory.mktemp("crash")
    folder, before = root / "reports", root / "before.duckdb"
    write_docs(folder, range(N_FIRST))
    first = run_pipeline(sources=[str(folder)], db_path=before, references=default_references())
    assert first["status"] == "completed"
    write_docs(folder, range(N_FIRST, N_DOCS))
    after = root / "after.duckdb"
    shutil.copy(before, after)
    reference = Run(after, folder, cli_env)
    assert reference.finish() == 0, reference.log()
    return folder, before, state(rows, before), state(rows, after), reference


@pytest.mark.parametrize(("step", "nth", "share", "must_be"), [k[1:] for k in KILLS], ids=[k[0] for k in KILLS])
def test_a_killed_run_leaves_the_warehouse_before_or_after_never_half(warehouses, cli_env, tmp_path, rows,
                                                                      step, nth, share, must_be):
    folder, before_db, before, after, reference = warehouses
    assert before != after and before["document_versions"][0] == N_FIRST
    db = tmp_path / "killed.duckdb"
    shutil.copy(before_db, db)
    publish_s = reference.times("published")[0] - reference.times("extracted")[-1]

    run = Run(db, folder, cli_env)
    if step is None:
        time.sleep(STARTING_S)
    else:
        run.wait_for(step, len(reference.times(step)) if nth == LAST else nth)
        time.sleep(share * publish_s)
    run.proc.send_signal(signal.SIGKILL)
    assert run.finish() == -signal.SIGKILL, f"the run ended before the kill:\n{run.log()}"

    left = state(rows, db)
    found = "before" if left == before else "after" if left == after else "half"
    assert found in must_be.split(" or "), f"{found}: {left}\nbefore: {before}\nafter: {after}\n{run.log()}"
    assert {status for (status,) in rows(db, "select status from runs")} <= {"completed", "running"}

    summary = run_pipeline(sources=[str(folder)], db_path=db, references=default_references())
    last = rows(db, "select status from runs order by started_at desc limit 1")
    assert (summary["status"], last, state(rows, db)) == ("completed", [("completed",)], after)

"""The fetch tasks' writes from many threads at once (issue 12: repeating what the fetch tasks do from
several threads failed 809 times in 1,500 with `pandas_scan does not exist`). Each task writes its
fetch-log rows through the store as soon as its source is fetched (steps.write_fetch_log): here 16
threads do that 1,000 times on one warehouse, and every write lands. A connection stays open
meanwhile, so every thread's connection is one more on the same DuckDB database instance (as in a
run, where the threads' writes meet), and opening one costs no reload of the file."""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from claimhouse.flows import steps
from claimhouse.flows.claims.model import FetchRecord

THREADS = 16
WRITES = 1_000
ROWS_PER_WRITE = 3


def _records(n: int) -> list[FetchRecord]:
    now = dt.datetime.now(dt.timezone.utc)
    return [FetchRecord(source=f"source-{n % THREADS}", uri=f"https://example.org/{n}/{i}", fetched_at=now,
                        ok=i % 2 == 0, http_status=200 if i % 2 == 0 else 503, bytes=100 * i,
                        error=None if i % 2 == 0 else f"HTTP 503 for https://example.org/{n}/{i}",
                        etag=f'"{n}-{i}"')
            for i in range(ROWS_PER_WRITE)]


@pytest.mark.slow  # about 15 CPU s
def test_fetch_log_writes_from_many_threads_all_land(tmp_path, migrated_warehouse, rows):
    db = tmp_path / "threads.duckdb"
    held = migrated_warehouse(db)

    def write(n: int) -> int:
        return steps.write_fetch_log(db, "run-threads", _records(n))

    failures = []
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            futures = [pool.submit(write, n) for n in range(WRITES)]
            written = 0
            for future in futures:
                try:
                    written += future.result()
                except Exception as exc:  # noqa: BLE001 - every failure counts, whatever it is
                    failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        held.close()
    assert failures[:3] == [] and len(failures) == 0
    assert written == WRITES * ROWS_PER_WRITE
    assert rows(db, "select count(*), count(distinct uri) from fetch_log where run_id = 'run-threads'") == [
        (WRITES * ROWS_PER_WRITE, WRITES * ROWS_PER_WRITE)]

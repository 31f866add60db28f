"""A whole run through the plain steps (flows/steps.py), with no Prefect: what the flow wires."""
import logging

import pytest

from claimhouse.flows.ingest.sources import SourceSpec
from claimhouse.flows.steps import (
    BATCH_SIZE,
    MAX_BATCH_SIZE,
    RunSummary,
    batch_size,
    close_run,
    extract_batch,
    fetch_one_source,
    gather_fetched,
    in_batches,
    open_run,
    plan_versions,
    publish,
)
from claimhouse.warehouse.db import WarehouseError


def _run(planted, db_path, run_id):
    summary = RunSummary(run_id)
    validators = open_run(db_path, run_id, None)
    spec = SourceSpec(name="planted", kind="folder", location=str(planted))
    docs = gather_fetched([fetch_one_source(spec, validators, db_path, run_id)], summary)
    plan = plan_versions(db_path, docs, summary)
    batches = [extract_batch(batch, plan.versions) for batch in in_batches(plan.todo, 3)]
    published = publish(db_path, run_id, batches, [])
    for key, n in published["counts"].items():
        setattr(summary, key, getattr(summary, key) + n)
    summary.status = "completed"
    close_run(db_path, summary, logging.getLogger(__name__))
    return summary


@pytest.mark.slow
def test_the_steps_store_a_run_and_a_rerun_adds_nothing(planted, tmp_path, rows):
    db_path = tmp_path / "w.duckdb"
    first, again = _run(planted, db_path, "run-1"), _run(planted, db_path, "run-2")
    recorded = rows(db_path, "select run_id, status, docs_new, docs_unchanged, conflicts_new from runs order by 1")
    assert recorded == [("run-1", "completed", 4, 0, first.conflicts_new), ("run-2", "completed", 0, 4, 0)]
    assert (first.conflicts_new, again.claims_added) == (1, 0)


@pytest.mark.slow
def test_closing_a_run_that_never_opened_fails_unless_it_already_failed(tmp_path, caplog):
    db_path = tmp_path / "w.duckdb"
    open_run(db_path, "run-1", None)
    with pytest.raises(WarehouseError, match="no run 'ghost'"):
        close_run(db_path, RunSummary("ghost", status="completed"), logging.getLogger(__name__))
    close_run(db_path, RunSummary("ghost", status="failed"), logging.getLogger(__name__))
    assert "could not record run ghost as failed" in caplog.text


@pytest.mark.parametrize(("documents", "expected"), [(0, BATCH_SIZE), (400, BATCH_SIZE), (1_000, BATCH_SIZE), (2_000, 100),
                                                     (4_000, 200), (10_000, MAX_BATCH_SIZE), (50_000, MAX_BATCH_SIZE)])
def test_a_large_run_gets_fewer_larger_batches_within_bounds(documents, expected):
    assert batch_size(documents) == expected

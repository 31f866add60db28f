"""Cross-referencing steps on an open warehouse connection (no Prefect): link claims
about the same fact, and load reference figures. tasks.py wraps them as Prefect tasks."""
from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import duckdb

from claimhouse.flows.ingest.reference import reference_rows
from claimhouse.schemas.quarantine import empty_rejected, split_valid
from claimhouse.schemas.references import ReferencesModel
from claimhouse.warehouse import store
from claimhouse.warehouse.db import load_sql, transaction


def link_claims(con, run_id: str) -> dict[str, int]:
    """Group the current claims not grouped yet (or whose value group changed) by the columns the
    pair rule reads, and store one row per claim (`claim_groups`): links are derived from the
    groups when read (`claim_links`, `group_links`, `conflicts`), so storage and time grow with
    the claims, not with the square of a fact's size. Then count what this run found
    (`count_found`). A run's publish groups inside its one transaction and counts after it
    commits (flows/steps.py publish); this does both on `con` as it is."""
    counts = {"links_found": 0, "conflicts_new": 0, "rows_rejected": 0}
    if group_claims(con, run_id):
        counts.update(count_found(con, run_id))
    return counts


def group_claims(con, run_id: str) -> bool:
    """Store the groups of the claims not grouped yet, or whose value group changed (run
    `run_id`); True when there were any (False: nothing for this run to count)."""
    con.execute(load_sql("links", "new_groups"))
    try:
        (pending,) = con.execute(load_sql("links", "count_pending")).fetchone()
        if pending == 0:
            return False
        with transaction(con, "storing claim groups"):
            con.execute(load_sql("links", "drop_regrouped"))
            con.execute(load_sql("links", "store_groups"), {"run_id": run_id})
        return True
    finally:
        # After an error that aborted the transaction (a full disk, an IO error) this drop fails
        # too, and its error would replace the one that aborted it (issue 12): the rollback drops
        # the staging table anyway. On success a failed drop still fails the COMMIT.
        with contextlib.suppress(duckdb.Error):
            con.execute(load_sql("links", "drop_pending"))


def count_found(con, run_id: str) -> dict[str, int]:
    """`links_found`: the links first found by run `run_id` (from group sizes, without spelling
    out pairs); `conflicts_new`: the pairs of value groups that conflict or update first found by
    it: a link restated by a new document version (same claim_key, same group) is not new.
    Reads only: after the run's commit it reads committed rows, which DuckDB spills and pages as it
    needs; inside the run's transaction its uncommitted rows and their key index stay in memory
    (at 100,000 documents the counts failed under a 384MB writer there, not after the commit)."""
    (links,) = con.execute(load_sql("links", "count_new_links"), {"run_id": run_id}).fetchone()
    (conflicts,) = con.execute(load_sql("links", "count_new_conflicts"), {"run_id": run_id}).fetchone()
    return {"links_found": int(links), "conflicts_new": int(conflicts)}


def load_references(con, path: str | Path, run_id: str = "reference-load") -> dict:
    """Load one reference table (CSV or Parquet), replacing what was loaded from the same
    file. Rows that cannot be read or that a schema refuses are reported, the rest load."""
    frame, errors = reference_rows(path, dt.datetime.now(dt.timezone.utc))
    if frame.empty:
        return {"loaded": 0, "rejected": 0, "errors": errors}
    valid, rejected = split_valid(frame, ReferencesModel, "reference_figures")
    stored = store.replace_references(con, valid, rejected if not rejected.empty else empty_rejected(), run_id)
    return {"loaded": stored, "rejected": len(rejected), "errors": errors}

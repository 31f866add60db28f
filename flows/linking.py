"""Cross-referencing steps on an open warehouse connection (no Prefect): link claims
about the same fact, and load reference figures. tasks.py wraps them as Prefect tasks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimhouse.flows.ingest.reference import reference_rows
from claimhouse.schemas.links import ClaimLinksModel
from claimhouse.schemas.quarantine import empty_rejected, split_valid
from claimhouse.schemas.references import ReferencesModel
from claimhouse.schemas.vocab import AGREES
from claimhouse.warehouse import store
from claimhouse.warehouse.db import load_sql

LINK_CHUNK = 250_000  # links validated and stored at a time: bounds memory on big warehouses


def link_claims(con, run_id: str) -> dict[str, int]:
    """Store the links between current claims that are not stored yet. The pairs are found
    set-based in DuckDB (`link_candidates`), staged in a temporary table, then validated
    with Pandera and stored a chunk at a time. `conflicts_new` counts conflicts and updates
    not known before: a link restated by a new document version (same link_id) is not new."""
    con.execute(load_sql("links", "new_links"))
    try:
        (pending,) = con.execute(load_sql("links", "count_pending")).fetchone()
        counts = {"links_found": 0, "conflicts_new": 0, "rows_rejected": 0}
        for lo in range(0, pending, LINK_CHUNK):
            chunk = con.execute(load_sql("links", "pending_chunk"), {"lo": lo, "hi": lo + LINK_CHUNK}).df()
            valid, rejected = split_valid(chunk, ClaimLinksModel, "claim_links")
            counts["links_found"] += store.write_links(con, valid, run_id, staged=True)
            counts["conflicts_new"] += int(((valid["relation"] != AGREES) & ~valid["restated"]).sum())
            if not rejected.empty:
                counts["rows_rejected"] += store.write_rejected(con, rejected, run_id)
        con.execute(load_sql("links", "keep_first_found"), {"run_id": run_id})
        return counts
    finally:
        con.execute(load_sql("links", "drop_pending"))


def load_references(con, path: str | Path, run_id: str = "reference-load") -> dict:
    """Load one reference table (CSV or Parquet), replacing what was loaded from the same
    file. Rows that cannot be read or that a schema refuses are reported, the rest load."""
    frame, errors = reference_rows(path, dt.datetime.now(dt.timezone.utc))
    if frame.empty:
        return {"loaded": 0, "rejected": 0, "errors": errors}
    valid, rejected = split_valid(frame, ReferencesModel, "reference_figures")
    stored = store.replace_references(con, valid, rejected if not rejected.empty else empty_rejected(), run_id)
    return {"loaded": stored, "rejected": len(rejected), "errors": errors}

"""Cross-referencing steps on an open warehouse connection (no Prefect): link claims
about the same fact, and load reference figures. tasks.py wraps them as Prefect tasks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from flows.reference import reference_rows
from schemas.links import ClaimLinksModel
from schemas.quarantine import empty_rejected, split_valid
from schemas.references import ReferencesModel
from warehouse import store
from warehouse.db import load_sql


def link_claims(con, run_id: str) -> dict[str, int]:
    """Store the links between current claims that are not stored yet (set-based in
    DuckDB: `link_candidates`), after Pandera validation."""
    new = con.execute(load_sql("links", "new_links")).df()
    if new.empty:
        return {"links_found": 0, "conflicts_new": 0, "rows_rejected": 0}
    valid, rejected = split_valid(new, ClaimLinksModel, "claim_links")
    added = store.write_links(con, valid, run_id)
    if not rejected.empty:
        store.write_rejected(con, rejected, run_id)
    return {
        "links_found": added,
        "conflicts_new": int((valid["relation"] == "conflicts").sum()),
        "rows_rejected": len(rejected),
    }


def load_references(con, path: str | Path, run_id: str = "reference-load") -> dict:
    """Load one reference table (CSV or Parquet), replacing what was loaded from the same
    file. Rows that cannot be read or that a schema refuses are reported, the rest load."""
    frame, errors = reference_rows(path, dt.datetime.now(dt.timezone.utc))
    if frame.empty:
        return {"loaded": 0, "rejected": 0, "errors": errors}
    valid, rejected = split_valid(frame, ReferencesModel, "reference_figures")
    stored = store.replace_references(con, valid, rejected if not rejected.empty else empty_rejected(), run_id)
    return {"loaded": stored, "rejected": len(rejected), "errors": errors}

"""Thin Prefect tasks: each wraps a plain function and works on a batch of documents.

Only fetching retries (a 5xx or a dropped connection may pass; a 404 will not)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from prefect import get_run_logger, task
from prefect.context import get_run_context

from flows.claims.extract import extract_claims
from flows.claims.model import Document, FetchRecord
from flows.fetch import FetchSettings, fetch_source
from flows.frames import claims_frame, documents_frame, fetch_frame
from schemas.claims import ClaimsModel
from schemas.documents import DocumentsModel
from schemas.links import ClaimLinksModel
from schemas.quarantine import empty_rejected, split_valid
from warehouse import store
from warehouse.db import connect, load_sql

FETCH_RETRIES = 2
FETCH_RETRY_DELAYS = [1, 4]


class TransientFetchError(RuntimeError):
    """A fetch failed in a way a retry may fix (5xx, timeout, dropped connection)."""


@dataclass
class Fetched:
    documents: list[Document] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)


def _attempts_left() -> bool:
    try:
        run = get_run_context().task_run
    except Exception:  # called as .fn() outside a run: no retries to wait for
        return False
    return run.run_count <= FETCH_RETRIES


@task(name="fetch-source", retries=FETCH_RETRIES, retry_delay_seconds=FETCH_RETRY_DELAYS)
def fetch_source_task(source: str, settings: FetchSettings, validators: dict) -> Fetched:
    """Every document of one source. A transient failure raises (Prefect retries the
    source) until the last attempt, which returns the failure records instead."""
    out = Fetched()
    for doc, record in fetch_source(source, settings, validators):
        out.records.append(record)
        if doc is not None:
            out.documents.append(doc)
    transient = [r for r in out.records if not r.ok and r.extra.get("transient")]
    if transient and _attempts_left():
        raise TransientFetchError(f"{source}: {transient[0].error} (will retry)")
    for r in out.records:
        if not r.ok:
            get_run_logger().warning("source failed: %s", r.error)
    return out


@dataclass
class Extracted:
    documents: pd.DataFrame
    claims: pd.DataFrame
    rejected: pd.DataFrame
    claims_extracted: int


@task(name="extract-claims")
def extract_claims_task(docs: list[Document], versions: dict[str, int]) -> Extracted:
    """Validate a batch of documents, extract the claims of the valid ones and validate
    those; refused rows come back for `rejected_rows`."""
    docs_df = documents_frame(docs, versions)
    valid_docs, rejected_docs = split_valid(docs_df, DocumentsModel, "documents")
    keep = set(valid_docs["document_id"])
    frames = [
        claims_frame(doc, versions[doc.document_id], extract_claims(doc.text, doc.published_at))
        for doc in docs if doc.document_id in keep
    ]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return Extracted(valid_docs, pd.DataFrame(columns=["document_id"]), rejected_docs, 0)
    claims_df = pd.concat(frames, ignore_index=True)
    valid_claims, rejected_claims = split_valid(claims_df, ClaimsModel, "claims")
    rejected = pd.concat([rejected_docs, rejected_claims], ignore_index=True)
    return Extracted(valid_docs, valid_claims.drop(columns=["text_length"]), rejected, len(claims_df))


@task(name="store-batch")
def store_batch_task(db_path: Path, run_id: str, batch: Extracted) -> dict[str, int]:
    """One batch of documents, claims and refused rows, in one transaction."""
    con = connect(db_path)
    try:
        claims = batch.claims if not batch.claims.empty else pd.DataFrame(columns=["document_id"])
        rejected = batch.rejected if not batch.rejected.empty else empty_rejected()
        return store.store_batch(con, batch.documents, claims, rejected, run_id)
    finally:
        con.close()


@task(name="link-claims")
def link_claims_task(db_path: Path, run_id: str) -> dict[str, int]:
    """Link claims about the same fact across documents (set-based, in DuckDB) and
    store the links not stored yet."""
    con = connect(db_path)
    try:
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
    finally:
        con.close()


@task(name="record-fetches")
def record_fetches_task(db_path: Path, run_id: str, records: list[FetchRecord]) -> int:
    con = connect(db_path)
    try:
        return store.write_fetch_log(con, fetch_frame(records), run_id)
    finally:
        con.close()

"""Thin Prefect tasks: each wraps a plain function and works on a batch of documents.

Only fetching retries, and only when a retry may help (a 5xx or a dropped connection may pass;
a 404 will not). Every fetch attempt, retried ones included, is written to `fetch_log`."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from prefect import get_run_logger, task
from prefect.context import get_run_context

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.frames import claims_frame, documents_frame, fetch_frame
from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.reference import ReferenceError
from claimhouse.flows.ingest.sources import SourceSpec
from claimhouse.flows.linking import link_claims, load_references
from claimhouse.schemas.claims import ClaimsModel
from claimhouse.schemas.documents import DocumentsModel
from claimhouse.schemas.quarantine import empty_rejected, split_valid
from claimhouse.warehouse import store
from claimhouse.warehouse.db import connect, transaction

FETCH_RETRY_DELAYS = (1.0, 4.0)  # seconds before the 2nd and 3rd attempt; a flow parameter


class TransientFetchError(RuntimeError):
    """A fetch failed in a way a retry may fix (5xx, timeout, dropped connection)."""


@dataclass
class Fetched:
    documents: list[Document] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)  # of the last attempt only


def _attempts_left() -> bool:
    try:
        context = get_run_context()
        return context.task_run.run_count <= context.task.retries
    except Exception:  # called as .fn() outside a run: no retries to wait for
        return False


def _is_transient(task, task_run, state) -> bool:
    """Prefect's retry_condition_fn: retry only what a retry can fix."""
    return isinstance(state.result(raise_on_failure=False), TransientFetchError)


def fetch_settings(spec: SourceSpec) -> FetchSettings:
    return FetchSettings(timeout_s=spec.timeout_s, max_bytes=spec.max_bytes, allow_private=spec.allow_private)


def with_tags(doc: Document, tags: tuple[str, ...]) -> Document:
    """The document with the source's tags after its own (front matter, feed categories)."""
    return replace(doc, tags=tuple(dict.fromkeys((*doc.tags, *tags)))) if tags else doc


@task(name="fetch-source", retries=len(FETCH_RETRY_DELAYS), retry_delay_seconds=list(FETCH_RETRY_DELAYS),
      retry_condition_fn=_is_transient)
def fetch_source_task(spec: SourceSpec, validators: dict, db_path: Path, run_id: str) -> Fetched:
    """Every document of one source, tagged with the source's tags. Each attempt's fetch
    records are written to the warehouse as soon as it ends; a transient failure then raises
    (Prefect retries the source) until the last attempt, which returns the failure records."""
    out = Fetched()
    pairs = fetch_source(spec.target, fetch_settings(spec), validators, name=spec.name)
    for doc, record in pairs:
        out.records.append(record)
        if doc is not None:
            out.documents.append(with_tags(doc, spec.tags))
    _write_fetch_log(db_path, run_id, out.records)
    transient = [r for r in out.records if not r.ok and r.transient]
    if transient and _attempts_left():
        raise TransientFetchError(f"{spec.name}: {transient[0].error} (will retry)")
    for r in out.records:
        if not r.ok:
            get_run_logger().warning("source %s failed: %s", spec.name, r.error)
    return out


def _write_fetch_log(db_path: Path, run_id: str, records: list[FetchRecord]) -> int:
    con = connect(db_path)
    try:
        return store.write_fetch_log(con, fetch_frame(records), run_id)
    finally:
        con.close()


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


@task(name="publish-run")
def publish_run_task(db_path: Path, run_id: str, batches: list[Extracted], references: list[str]) -> dict:
    """Everything a run stores, in ONE transaction: its documents, claims and refused rows,
    the reference tables it loads, and the links between claims. A run that fails or is
    killed before this commits leaves the warehouse as it was; after it, fully updated."""
    counts = {"docs_new": 0, "docs_changed": 0, "docs_unchanged": 0, "claims_added": 0, "claims_removed": 0,
              "rows_rejected": 0, "links_found": 0, "conflicts_new": 0}
    errors: list[str] = []
    con = connect(db_path)
    try:
        with transaction(con, f"publishing run {run_id}"):
            for batch in batches:
                claims = batch.claims if not batch.claims.empty else pd.DataFrame(columns=["document_id"])
                rejected = batch.rejected if not batch.rejected.empty else empty_rejected()
                for key, n in store.store_batch(con, batch.documents, claims, rejected, run_id).items():
                    counts[key] += n
            for path in references:
                try:
                    loaded = load_references(con, path, run_id)
                except ReferenceError as exc:
                    errors.append(str(exc))
                    continue
                counts["rows_rejected"] += loaded["rejected"]
                errors += loaded["errors"]
            linked = link_claims(con, run_id)
            counts["links_found"] = linked["links_found"]
            counts["conflicts_new"] = linked["conflicts_new"]
            counts["rows_rejected"] += linked["rows_rejected"]
    finally:
        con.close()
    for e in errors:
        get_run_logger().warning("reference: %s", e)
    return {"counts": counts, "errors": errors}

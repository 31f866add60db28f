"""The steps of a run as plain functions (no Prefect): open the run, fetch a source, plan the
documents' versions, extract a batch, publish, close the run.

flows/tasks.py wraps them as Prefect tasks (names, retries, the run logger) and
flows/pipeline_flow.py wires them together. Each step opens and closes its own connection."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from claimhouse.flows.claim_limits import CLAIM_LIMITS, ClaimLimits, bound_links, cap_claims, cuts_frame
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.frames import claim_rows, documents_frame, fetch_frame, rows_frame
from claimhouse.flows.identity import refuse_foreign_entries
from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.local import FileStates
from claimhouse.flows.ingest.reference import ReferenceError
from claimhouse.flows.ingest.sources import SourceSpec
from claimhouse.flows.linking import count_found, group_claims, load_references
from claimhouse.flows.progress import LINKING, STORED, Quiet
from claimhouse.schemas.claims import ClaimsModel
from claimhouse.schemas.documents import DocumentsModel
from claimhouse.schemas.quarantine import empty_rejected, split_valid
from claimhouse.schemas.vocab import COMPLETED, COMPLETED_WITH_FAILURES, FAILED, RUNNING, UNCHANGED
from claimhouse.warehouse import store
from claimhouse.warehouse.db import WarehouseError, apply_migrations, connect, load_sql, transaction
from claimhouse.warehouse.limits import WRITE_LIMITS, WriteLimits

PUBLISHED = (COMPLETED, COMPLETED_WITH_FAILURES)  # run statuses whose data is in the warehouse

# URL -> (ETag, Last-Modified) of its newest successful fetch, for conditional GETs.
Validators = dict[str, tuple[str | None, str | None]]

ENTRY_RETRY_DELAYS = FetchSettings().entry_retry_delays_s  # a feed entry retried in place after these


class TransientFetchError(RuntimeError):
    """A fetch failed in a way a retry may fix (5xx, timeout, dropped connection)."""


@dataclass
class RunSummary:
    run_id: str
    sources_tried: int = 0
    docs_new: int = 0
    docs_changed: int = 0
    docs_unchanged: int = 0
    docs_failed: int = 0
    claims_extracted: int = 0
    claims_added: int = 0
    claims_removed: int = 0
    rows_rejected: int = 0
    links_found: int = 0
    conflicts_new: int = 0
    failures: list[str] = field(default_factory=list)
    status: str = RUNNING
    error: str | None = None  # why the run failed (the first line of its error)

    def counts(self) -> dict[str, int]:
        skip = ("run_id", "failures", "claims_extracted", "status", "error")
        return {k: v for k, v in asdict(self).items() if k not in skip}


@dataclass
class Fetched:
    documents: list[Document] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)  # of the last attempt only


@dataclass
class Plan:
    """Which documents to extract, and the version each will be stored as."""

    versions: dict[str, int]
    todo: list[Document]


@dataclass
class Extracted:
    documents: pd.DataFrame
    claims: pd.DataFrame
    rejected: pd.DataFrame
    claims_extracted: int


# ---- open and close -------------------------------------------------------


def first_line(exc: BaseException) -> str:
    """An error in one line: its first line (at most 500 characters), its type when it says nothing.
    What ended a run (`runs.error`), or what a run could not do."""
    text = str(exc).strip().splitlines()
    return text[0][:500] if text else type(exc).__name__


ABANDONED_REASON = "its process ended without recording the run's end (killed, or the machine stopped)"


def open_run(db_path: Path, run_id: str, flow_run_id: str | None) -> Validators:
    """Migrate, mark runs a dead process left `running` as abandoned (the caller holds the
    warehouse lock, so no other run is going on), record the run as running, and read the
    validators for conditional GETs."""
    con = connect(db_path)
    try:
        apply_migrations(con)
        store.abandon_runs(con, run_id, ABANDONED_REASON)
        store.start_run(con, run_id, flow_run_id, datetime.now(timezone.utc))
        return {u: (e, m) for u, e, m in con.execute(load_sql("reads", "validators")).fetchall()}
    finally:
        con.close()


def read_file_states(db_path: Path) -> FileStates:
    """Each local file's (size, mtime_ns) as of the newest run that published it."""
    con = connect(db_path)
    try:
        rows = con.execute(load_sql("reads", "file_states"), {"published": list(PUBLISHED)}).fetchall()
    finally:
        con.close()
    return {uri: (int(size), int(mtime_ns)) for uri, size, mtime_ns in rows}


def close_run(db_path: Path, summary: RunSummary, logger: logging.Logger | logging.LoggerAdapter) -> None:
    """Record the run's end and counts. A run already failing keeps its first error: not being
    able to record it as failed is logged, not raised."""
    try:
        con = connect(db_path)
        try:
            store.finish_run(con, summary.run_id, status=summary.status, error=summary.error, **summary.counts())
        finally:
            con.close()
    except WarehouseError as error:
        if summary.status != FAILED:
            raise
        logger.error("could not record run %s as failed: %s", summary.run_id, error)


# ---- fetch ----------------------------------------------------------------


def fetch_settings(spec: SourceSpec, retry_delays: tuple[float, ...] = ENTRY_RETRY_DELAYS) -> FetchSettings:
    return FetchSettings(timeout_s=spec.timeout_s, max_bytes=spec.max_bytes, allow_private=spec.allow_private,
                         max_parse_s=spec.max_parse_s, allow_hosts=spec.allow_hosts,
                         max_feed_entries=spec.max_feed_entries, source_budget_s=spec.source_budget_s,
                         entry_retry_delays_s=tuple(retry_delays))


def with_tags(doc: Document, tags: tuple[str, ...]) -> Document:
    """The document with the source's tags after its own (front matter, feed categories)."""
    return replace(doc, tags=tuple(dict.fromkeys((*doc.tags, *tags)))) if tags else doc


def fetch_one_source(spec: SourceSpec, validators: Validators, db_path: Path, run_id: str,
                     may_retry: bool = False, retry_delays: tuple[float, ...] = ENTRY_RETRY_DELAYS,
                     file_states: FileStates | None = None) -> Fetched:
    """Every document of one source, tagged with the source's tags. The attempt's fetch records
    are written to the warehouse as soon as it ends; a transient failure of the source's own
    fetch (its page or feed: the first record) then raises TransientFetchError when `may_retry`
    (another attempt will follow), else comes back as failure records. A feed entry's transient
    failure is retried in place after `retry_delays` (flows/ingest/feeds.py), never the source.
    A local file unchanged since `file_states` is not read (a not-modified record)."""
    out = Fetched()
    settings = fetch_settings(spec, retry_delays)
    for doc, record in fetch_source(spec.target, settings, validators, name=spec.name, file_states=file_states):
        out.records.append(record)
        if doc is not None:
            out.documents.append(with_tags(doc, spec.tags))
    write_fetch_log(db_path, run_id, out.records)
    transient = [r for r in out.records[:1] if not r.ok and r.transient]  # the source's own fetch
    if transient and may_retry:
        raise TransientFetchError(f"{spec.name}: {transient[0].error} (will retry)")
    return out


# Fetch tasks run in threads of one process and each writes its fetch log as soon as it ends.
# Concurrent DuckDB connections from those threads, each registering a pandas frame, once failed
# with "pandas_scan does not exist" (issue 12); the writes are a few rows, so they take turns.
_FETCH_LOG_WRITES = threading.Lock()


def write_fetch_log(db_path: Path, run_id: str, records: list[FetchRecord]) -> int:
    with _FETCH_LOG_WRITES:
        con = connect(db_path)
        try:
            return store.write_fetch_log(con, fetch_frame(records), run_id)
        finally:
            con.close()


def gather_fetched(fetched: list[Fetched], summary: RunSummary, db_path: Path | None = None) -> list[Document]:
    """The documents of all sources, the same document from two sources kept once; the
    failures and the documents not modified since the last fetch go into the summary. A feed
    entry naming another source's document (stored in `db_path`, or fetched earlier in this run)
    is refused and logged (flows/identity.py)."""
    owners = document_owners(db_path) if db_path is not None else {}
    docs, refused = refuse_foreign_entries(((f.documents, f.records) for f in fetched), owners)
    if refused and db_path is not None:
        write_fetch_log(db_path, summary.run_id, refused)
    # the last attempt of each URI counts (a feed entry retried in place logs each attempt)
    records = list({(r.source, r.uri): r for f in fetched for r in f.records}.values()) + refused
    summary.failures = [r.error or f"{r.uri}: failed" for r in records if not r.ok]
    summary.docs_failed = len(summary.failures)
    summary.docs_unchanged = sum(1 for r in records if r.not_modified and not r.is_feed)
    return docs


def document_owners(db_path: Path) -> dict[str, str | None]:
    """The source of each stored document."""
    con = connect(db_path)
    try:
        return dict(con.execute(load_sql("reads", "document_sources")).fetchall())
    finally:
        con.close()


# ---- extract --------------------------------------------------------------


def plan_versions(db_path: Path, docs: list[Document], summary: RunSummary) -> Plan:
    """The version each document will be stored as; unchanged documents are left out of the
    plan (and counted in the summary)."""
    # the plan reads only each document's id and hash: a frame of the texts would double them
    incoming = pd.DataFrame({"document_id": [d.document_id for d in docs],
                             "content_sha256": [d.content_sha256 for d in docs]}, dtype=object)
    con = connect(db_path)
    try:
        planned = store.assign_versions(con, incoming)
    finally:
        con.close()
    versions = dict(zip(planned["document_id"], planned["version"].astype(int), strict=True))
    status = dict(zip(planned["document_id"], planned["status"], strict=True))
    todo = [d for d in docs if status.get(d.document_id) != UNCHANGED]
    summary.docs_unchanged += len(docs) - len(todo)
    return Plan(versions, todo)


BATCH_SIZE = 50  # documents per extraction batch, at least
MAX_BATCH_SIZE = 500  # and at most (a worker stages its own batch: the run's process holds none)
BATCHES_PER_RUN = 20  # a run of more than 1,000 documents is cut into about this many batches


def batch_size(documents: int, per_run: int = BATCHES_PER_RUN) -> int:
    """Documents per extraction batch for a run extracting `documents`: BATCH_SIZE, or more for
    a large run (up to MAX_BATCH_SIZE), so that it has about `per_run` batches. Each batch costs
    a fixed price whatever its size: a Prefect task run (on a worker process, its context and
    settings rebuilt), a Pandera pass per table, a pickle both ways, a staged file and a store
    transaction. 2,000 documents make 20 batches of 100, 10,000 make 20 of 500 (rather than 200 of 50)."""
    return min(MAX_BATCH_SIZE, max(BATCH_SIZE, -(-documents // max(1, per_run))))


def in_batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_batch(docs: list[Document], versions: dict[str, int],
                  limits: ClaimLimits = CLAIM_LIMITS) -> Extracted:
    """Validate a batch of documents, extract the claims of the valid ones (at most `limits`
    of them per sentence and document: flows/claim_limits.py) and validate those; refused
    rows and cuts come back for `rejected_rows`."""
    docs_df = documents_frame(docs, versions)
    valid_docs, rejected_docs = split_valid(docs_df, DocumentsModel, "documents")
    keep = set(valid_docs["document_id"])
    rows, cuts = [], []
    for doc in docs:
        if doc.document_id in keep:
            claims, cut = cap_claims(doc.document_id, extract_claims(doc.text, doc.published_at, doc.uri), limits)
            rows += claim_rows(doc, versions[doc.document_id], claims)
            cuts += cut
    if cuts:
        rejected_docs = pd.concat([rejected_docs, cuts_frame(cuts)], ignore_index=True)
    if not rows:
        return Extracted(valid_docs, pd.DataFrame(columns=["document_id"]), rejected_docs, 0)
    # one frame for the batch: pandas costs per frame
    claims_df, unlinked = bound_links(rows_frame(rows), limits)
    if unlinked:
        rejected_docs = pd.concat([rejected_docs, cuts_frame(unlinked)], ignore_index=True)
    valid_claims, rejected_claims = split_valid(claims_df, ClaimsModel, "claims")
    rejected = pd.concat([rejected_docs, rejected_claims], ignore_index=True)
    return Extracted(valid_docs, valid_claims.drop(columns=["text_length"]), rejected, len(claims_df))


# ---- publish --------------------------------------------------------------


def publish(db_path: Path, run_id: str, batches: Iterable[Extracted], references: list[str],
            progress: Quiet | None = None, limits: WriteLimits = WRITE_LIMITS) -> dict:
    """Everything a run stores, in ONE transaction: its documents, claims and refused rows,
    the reference tables it loads, and the links between claims. `batches` is read once, in
    order (the run's staged batches are read from disk one at a time), on a connection within
    `limits` (DuckDB's memory_limit; what does not fit spills beside the warehouse). A run that
    fails or is killed before this commits leaves the warehouse as it was; after it, fully updated.
    Returns {"counts": ..., "errors": [...]} (errors: reference rows or files not loaded)."""
    progress = progress or Quiet()
    counts = {"docs_new": 0, "docs_changed": 0, "docs_unchanged": 0, "claims_added": 0, "claims_removed": 0,
              "rows_rejected": 0, "links_found": 0, "conflicts_new": 0}
    errors: list[str] = []
    con = connect(db_path, write_limits=limits)
    try:
        with transaction(con, f"publishing run {run_id}"):
            for batch in batches:
                claims = batch.claims if not batch.claims.empty else pd.DataFrame(columns=["document_id"])
                rejected = batch.rejected if not batch.rejected.empty else empty_rejected()
                for key, n in store.store_batch(con, batch.documents, claims, rejected, run_id).items():
                    counts[key] += n
                progress.advance(STORED, len(batch.documents) + len(batch.claims) + len(batch.rejected))
            progress.finish(STORED)
            for path in references:
                try:
                    loaded = load_references(con, path, run_id)
                except ReferenceError as exc:
                    errors.append(f"reference: {exc}")
                    continue
                counts["rows_rejected"] += loaded["rejected"]
                errors += [f"reference: {e}" for e in loaded["errors"]]
            progress.start(LINKING, None)
            grouped = group_claims(con, run_id)
        # Counted once committed: inside the transaction DuckDB keeps the run's uncommitted rows
        # and their key index in memory, which grow with the run (linking.count_found). The
        # counts only read, so a count that fails leaves the stored run whole: it is reported.
        if grouped:
            try:
                counts.update(count_found(con, run_id))
            except duckdb.Error as exc:
                errors.append(f"run {run_id} is stored, but its new links and conflicts could not be counted "
                              f"({first_line(exc)}); `claimhouse conflicts --since last-run` lists them, "
                              "and a larger --memory-limit lets the count fit")
        progress.finish(LINKING)
    finally:
        con.close()
    return {"counts": counts, "errors": errors}

"""The claimhouse flow: fetch -> extract -> validate -> store -> link.

The flow only wires tasks together; each task handles a batch of documents. Runs against one
warehouse take turns (flows/lock.py), and every run leaves one row in `runs`, also when it fails."""
from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import wait
from prefect.runtime import flow_run

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.frames import documents_frame
from claimhouse.flows.ingest.sources import SourceSpec, adhoc_source, load_sources
from claimhouse.flows.lock import warehouse_lock
from claimhouse.flows.tasks import (
    FETCH_RETRY_DELAYS,
    Fetched,
    extract_claims_task,
    fetch_source_task,
    publish_run_task,
)
from claimhouse.schemas.vocab import COMPLETED, COMPLETED_WITH_FAILURES, FAILED, RUNNING, UNCHANGED
from claimhouse.warehouse import store
from claimhouse.warehouse.db import WarehouseError, apply_migrations, connect, load_sql

DEFAULT_DB = Path("claimhouse.duckdb")
BATCH_SIZE = 50
LOCK_TIMEOUT_S = 600.0


def default_sources() -> list[str]:
    """The bundled sample corpus (flows/corpus/)."""
    return [str(resources.files("claimhouse.flows").joinpath("corpus"))]


def default_references() -> list[str]:
    """The reference table shipped for the bundled corpus."""
    return [str(resources.files("claimhouse.flows").joinpath("corpus", "reference_figures.csv"))]


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

    def counts(self) -> dict[str, int]:
        skip = ("run_id", "failures", "claims_extracted", "status")
        return {k: v for k, v in asdict(self).items() if k not in skip}


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _failed(records: list[FetchRecord]) -> list[FetchRecord]:
    return [r for r in records if not r.ok]


def source_specs(sources: list[str] | None, sources_file: Path | None, *, allow_private: bool = False,
                 timeout_s: float = 20.0, max_bytes: int = 20_000_000) -> list[SourceSpec]:
    """The run's sources: each `--source`, then each entry of the sources file; the bundled
    corpus when there are neither. `allow_private` also opens the file's entries."""
    adhoc = [adhoc_source(s, timeout_s, max_bytes, allow_private) for s in sources or []]
    listed = load_sources(sources_file) if sources_file else []
    if allow_private:
        listed = [replace(spec, allow_private=True) for spec in listed]
    specs = adhoc + listed
    return specs or [adhoc_source(s, timeout_s, max_bytes, allow_private) for s in default_sources()]


@flow(name="claimhouse-pipeline", log_prints=False)
def run_pipeline(
    sources: list[str] | None = None,
    sources_file: Path | None = None,
    db_path: Path = DEFAULT_DB,
    allow_private: bool = False,
    timeout_s: float = 20.0,
    max_bytes: int = 20_000_000,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    retry_delays_s: list[float] | None = None,
    references: list[str] | None = None,
) -> dict:
    """Fetch every source, extract and validate claims, store them and link them.

    `sources` are paths or URLs; `sources_file` a sources.toml (read at the start of each run).
    `references` are reference tables (CSV/Parquet) loaded before claims are checked; with
    neither sources nor a sources file, the bundled corpus and its reference table are used.
    A source failing transiently is retried after each of `retry_delays_s` in turn.
    Returns the run summary (also stored in the `runs` view)."""
    logger = get_run_logger()
    db_path = Path(db_path)
    summary = RunSummary(run_id=flow_run.id or str(uuid.uuid4()))
    delays = FETCH_RETRY_DELAYS if retry_delays_s is None else tuple(retry_delays_s)
    with warehouse_lock(db_path, lock_timeout_s, on_wait=logger.info):
        validators = _open_run(db_path, summary.run_id)
        try:
            specs = source_specs(sources, Path(sources_file) if sources_file else None,
                                 allow_private=allow_private, timeout_s=timeout_s, max_bytes=max_bytes)
            summary.sources_tried = len(specs)
            docs = _fetch_all(specs, validators, db_path, summary, delays)
            batches = _extract_all(docs, db_path, summary)
            if references is None and not sources and not sources_file:
                references = default_references()
            published = publish_run_task(db_path, summary.run_id, batches, list(references or []))
            for key, n in published["counts"].items():
                setattr(summary, key, getattr(summary, key) + n)
            summary.failures += published["errors"]
            summary.status = COMPLETED_WITH_FAILURES if summary.failures else COMPLETED
        finally:
            if summary.status == RUNNING:  # an exception is on its way out
                summary.status = FAILED
            _close_run(db_path, summary, logger)
    logger.info("run %s %s: %s", summary.run_id, summary.status, summary.counts())
    return asdict(summary)


def _open_run(db_path: Path, run_id: str) -> dict[str, tuple[str | None, str | None]]:
    """Migrate, record the run as running, and read the validators for conditional GETs."""
    con = connect(db_path)
    try:
        apply_migrations(con)
        store.start_run(con, run_id, flow_run.id, datetime.now(timezone.utc))
        return {u: (e, m) for u, e, m in con.execute(load_sql("reads", "validators")).fetchall()}
    finally:
        con.close()


def _close_run(db_path: Path, summary: RunSummary, logger) -> None:
    try:
        con = connect(db_path)
        try:
            store.finish_run(con, summary.run_id, status=summary.status, **summary.counts())
        finally:
            con.close()
    except WarehouseError as error:
        if summary.status != FAILED:
            raise
        logger.error("could not record run %s as failed: %s", summary.run_id, error)  # keep the first error


def _fetch_all(specs: list[SourceSpec], validators: dict, db_path: Path, summary: RunSummary,
               delays: tuple[float, ...]) -> list[Document]:
    """Fetch the sources concurrently; the same document from two sources is kept once."""
    fetch = fetch_source_task.with_options(retries=len(delays), retry_delay_seconds=list(delays) or 0)
    futures = [fetch.submit(spec, validators, db_path, summary.run_id) for spec in specs]
    wait(futures)
    fetched: list[Fetched] = [f.result() for f in futures]
    records = [r for f in fetched for r in f.records]
    summary.failures = [r.error or f"{r.uri}: failed" for r in _failed(records)]
    summary.docs_failed = len(summary.failures)
    summary.docs_unchanged = sum(1 for r in records if r.not_modified and not r.is_feed)
    return list({d.document_id: d for f in fetched for d in f.documents}.values())


def _extract_all(docs: list[Document], db_path: Path, summary: RunSummary) -> list:
    """Extract and validate the claims of new and changed documents, a batch at a time
    (stored later, all at once, by publish-run)."""
    con = connect(db_path)
    try:
        planned = store.assign_versions(con, documents_frame(docs))
    finally:
        con.close()
    versions = dict(zip(planned["document_id"], planned["version"].astype(int)))
    status = dict(zip(planned["document_id"], planned["status"]))
    todo = [d for d in docs if status.get(d.document_id) != UNCHANGED]
    summary.docs_unchanged += len(docs) - len(todo)
    batches = []
    for batch in _batches(todo, BATCH_SIZE):
        extracted = extract_claims_task(batch, versions)
        summary.claims_extracted += extracted.claims_extracted
        batches.append(extracted)
    return batches

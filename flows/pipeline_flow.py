"""The claimhouse flow: fetch -> extract -> validate -> store -> link.

The flow only wires tasks together; each task handles a batch of documents."""
from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows.claims.model import Document, FetchRecord
from flows.fetch import FetchSettings
from flows.frames import documents_frame
from flows.lock import warehouse_lock
from flows.tasks import (
    extract_claims_task,
    fetch_source_task,
    link_claims_task,
    record_fetches_task,
    store_batch_task,
)
from warehouse import store
from warehouse.db import apply_migrations, connect, load_sql

DEFAULT_DB = Path("claimhouse.duckdb")
BATCH_SIZE = 50
LOCK_TIMEOUT_S = 600.0


def default_sources() -> list[str]:
    """The bundled sample corpus (flows/corpus/)."""
    return [str(resources.files("flows").joinpath("corpus"))]


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

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if k not in ("run_id", "failures", "claims_extracted")}


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _failed(records: list[FetchRecord]) -> list[FetchRecord]:
    return [r for r in records if not r.ok]


@flow(name="claimhouse-pipeline", log_prints=False)
def run_pipeline(
    sources: list[str] | None = None,
    db_path: Path = DEFAULT_DB,
    allow_private: bool = False,
    timeout_s: float = 20.0,
    max_bytes: int = 20_000_000,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
) -> dict:
    """Fetch every source, extract and validate claims, store them and link them.

    Returns the run summary (also stored in the `runs` view)."""
    logger = get_run_logger()
    sources = list(sources or default_sources())
    db_path = Path(db_path)
    run_id = flow_run.id or str(uuid.uuid4())
    summary = RunSummary(run_id=run_id, sources_tried=len(sources))
    settings = FetchSettings(timeout_s=timeout_s, max_bytes=max_bytes, allow_private=allow_private)
    with warehouse_lock(db_path, lock_timeout_s):
        con = connect(db_path)
        try:
            apply_migrations(con)
            store.start_run(con, run_id, flow_run.id, datetime.now(timezone.utc))
            validators = {u: (e, m) for u, e, m in con.execute(load_sql("reads", "validators")).fetchall()}
        finally:
            con.close()

        fetched = [f.result() for f in [fetch_source_task.submit(s, settings, validators) for s in sources]]
        records = [r for f in fetched for r in f.records]
        docs: dict[str, Document] = {}
        for f in fetched:
            for d in f.documents:
                docs[d.document_id] = d  # the same document from two sources: keep one
        summary.failures = [r.error or f"{r.uri}: failed" for r in _failed(records)]
        summary.docs_failed = len(summary.failures)

        con = connect(db_path)
        try:
            planned = store.assign_versions(con, documents_frame(docs.values()))
        finally:
            con.close()
        versions = dict(zip(planned["document_id"], planned["version"].astype(int)))
        status = dict(zip(planned["document_id"], planned["status"]))
        todo = [d for d in docs.values() if status.get(d.document_id) != "unchanged"]
        summary.docs_unchanged = len(docs) - len(todo)

        for batch in _batches(todo, BATCH_SIZE):
            extracted = extract_claims_task(batch, versions)
            summary.claims_extracted += extracted.claims_extracted
            state = store_batch_task(db_path, run_id, extracted, return_state=True)
            if state.is_failed():
                message = f"storing {len(batch)} documents ({batch[0].uri} ...) failed: {state.message}"
                logger.error(message)
                summary.failures.append(message)
                summary.docs_failed += len(batch)
                continue
            counts = state.result()
            summary.docs_new += counts["docs_new"]
            summary.docs_changed += counts["docs_changed"]
            summary.claims_added += counts["claims_added"]
            summary.claims_removed += counts["claims_removed"]
            summary.rows_rejected += counts["rows_rejected"]

        linked = link_claims_task(db_path, run_id)
        summary.links_found = linked["links_found"]
        summary.conflicts_new = linked["conflicts_new"]
        summary.rows_rejected += linked["rows_rejected"]
        record_fetches_task(db_path, run_id, records)

        con = connect(db_path)
        try:
            store.finish_run(con, run_id, status="completed" if not summary.failures else "completed_with_failures",
                             **summary.counts())
        finally:
            con.close()
    logger.info("run %s: %s", run_id, summary.counts())
    return asdict(summary)

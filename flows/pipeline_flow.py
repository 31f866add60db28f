"""The claimhouse flow: fetch -> extract -> validate -> store -> link.

The flow only wires tasks together; each task handles a batch of documents. Runs against one
warehouse take turns (flows/lock.py), and every run leaves one row in `runs`, also when it fails."""
from __future__ import annotations

import time
import uuid
from dataclasses import asdict, replace
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import as_completed
from prefect.runtime import flow_run

from claimhouse.flows.artifacts import after_run
from claimhouse.flows.bundled import default_references, default_sources
from claimhouse.flows.claim_limits import CLAIM_LIMITS, ClaimLimits
from claimhouse.flows.ingest.sources import SourceSpec, adhoc_source, load_sources
from claimhouse.flows.lock import warehouse_lock
from claimhouse.flows.progress import EXTRACTED, FETCHED, STORED, Quiet, reporter
from claimhouse.flows.runners import extraction_runner, in_flight_limit, run_batches, runner_label
from claimhouse.flows.staging import SpooledBatch, Staging, read_spooled, release_freed_memory
from claimhouse.flows.steps import (
    RunSummary,
    batch_size,
    close_run,
    first_line,
    gather_fetched,
    open_run,
    plan_versions,
    read_file_states,
)
from claimhouse.flows.stopping import stop_on_signals
from claimhouse.flows.tasks import (
    FETCH_RETRY_DELAYS,
    extract_claims_task,
    fetch_source_task,
    publish_run_task,
)
from claimhouse.schemas.vocab import COMPLETED, COMPLETED_WITH_FAILURES, FAILED, RUNNING
from claimhouse.warehouse.db import waiting_for_readers
from claimhouse.warehouse.limits import WRITE_LIMITS, checked_size

DEFAULT_DB = Path("claimhouse.duckdb")
LOCK_TIMEOUT_S = 600.0


def source_specs(sources: list[str] | None, sources_file: Path | None, *, allow_private: bool = False,
                 timeout_s: float = 20.0, max_bytes: int = 20_000_000,
                 allow_hosts: tuple[str, ...] = ()) -> list[SourceSpec]:
    """The run's sources: each `--source`, then each entry of the sources file; the bundled
    corpus when there are neither. `allow_private` and `allow_hosts` also open the file's entries."""
    adhoc = [adhoc_source(s, timeout_s, max_bytes, allow_private, allow_hosts) for s in sources or []]
    listed = load_sources(sources_file) if sources_file else []
    if allow_private:
        listed = [replace(spec, allow_private=True) for spec in listed]
    if allow_hosts:
        listed = [replace(spec, allow_hosts=tuple(dict.fromkeys((*spec.allow_hosts, *allow_hosts))))
                  for spec in listed]
    specs = adhoc + listed
    return specs or [adhoc_source(s, timeout_s, max_bytes, allow_private, allow_hosts) for s in default_sources()]


def extract_and_stage(spooled: list[SpooledBatch], staging: Staging, summary: RunSummary, workers: int | None,
                      dask_address: str | None, report: Quiet,
                      limits: ClaimLimits = CLAIM_LIMITS) -> tuple[list[Path], int]:
    """Extract the spooled batches on the chosen runner, staging each as it comes back (in the
    plan's order), so that only a few batches are in memory at a time. Returns the staged
    files and the rows they hold."""
    logger = get_run_logger()
    documents = sum(s.documents for s in spooled)
    # a batch is read and staged where it is extracted, except on a Dask cluster, whose workers
    # may not see this machine's disk: there the documents go out and the frames come back
    on_this_machine = not dask_address
    arguments = ({"docs": s.path, "limits": limits, "stage_to": staging.path_for(i)} if on_this_machine
                 else dict(zip(("docs", "versions"), read_spooled(s.path), strict=True), limits=limits)
                 for i, s in enumerate(spooled))
    rows = 0
    report.start(EXTRACTED, documents)
    started = time.monotonic()
    with extraction_runner(workers, dask_address, len(spooled)) as runner:
        results = run_batches(runner, extract_claims_task, arguments, in_flight_limit(runner, workers))
        for batch, result in zip(spooled, results, strict=True):
            staged = staging.add(result)
            summary.claims_extracted += staged.claims_extracted
            rows += staged.rows
            report.advance(EXTRACTED, batch.documents)
        label = runner_label(runner)
    report.finish(EXTRACTED)
    logger.info("extracted %d documents in %d batches in %.2f s (%s)", documents, len(spooled),
                time.monotonic() - started, label)
    return list(staging.files), rows


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
    allow_hosts: list[str] | None = None,
    notify_url: str | None = None,
    max_claims_per_sentence: int = CLAIM_LIMITS.per_sentence,
    max_claims_per_document: int = CLAIM_LIMITS.per_document,
    max_linked_claims_per_fact: int = CLAIM_LIMITS.linked_per_fact,
    workers: int | None = None,
    dask_address: str | None = None,
    progress: str = "off",
    memory_limit: str = WRITE_LIMITS.memory_limit,
) -> dict:
    """Fetch every source, extract and validate claims, store them and link them.

    `sources` are paths or URLs; `sources_file` a sources.toml (read at the start of each run).
    `references` are reference tables (CSV/Parquet) loaded before claims are checked; with
    neither sources nor a sources file, the bundled corpus and its reference table are used.
    A source failing transiently is retried after each of `retry_delays_s` in turn.
    `allow_hosts` (host names, addresses, networks) may be reached although private, by every source.
    Extraction runs on `workers` processes (default: one per core; 1: in the flow's own
    process), or on the Dask cluster at `dask_address` (e.g. tcp://host:8786).
    `progress`: "live" (bars on a terminal), "lines" (plain lines) or "off".
    `memory_limit` is DuckDB's for the run's writer (warehouse/limits.py WriteLimits).
    The run publishes a Prefect artifact of what it found, and POSTs it to `notify_url` when it
    found new conflicts (flows/artifacts.py). A document brings at most `max_claims_per_sentence`
    claims of one sentence and `max_claims_per_document` in all, and links at most
    `max_linked_claims_per_fact` of them in one fact block (flows/claim_limits.py). Returns the
    run summary (also stored in the `runs` view)."""
    logger = get_run_logger()
    db_path = Path(db_path)
    summary = RunSummary(run_id=flow_run.id or str(uuid.uuid4()))
    delays = FETCH_RETRY_DELAYS if retry_delays_s is None else tuple(retry_delays_s)
    limits = ClaimLimits(max_claims_per_sentence, max_claims_per_document, max_linked_claims_per_fact)
    write_limits = replace(WRITE_LIMITS, memory_limit=checked_size(memory_limit))  # refused before any work
    staging = None
    report = reporter(progress)
    with stop_on_signals(), warehouse_lock(db_path, lock_timeout_s, on_wait=logger.info), \
            waiting_for_readers(lock_timeout_s):
        validators = open_run(db_path, summary.run_id, flow_run.id)
        try:
            specs = source_specs(sources, Path(sources_file) if sources_file else None,
                                 allow_private=allow_private, timeout_s=timeout_s, max_bytes=max_bytes,
                                 allow_hosts=tuple(allow_hosts or ()))
            summary.sources_tried = len(specs)
            fetch = fetch_source_task.with_options(retries=len(delays), retry_delay_seconds=list(delays) or 0)
            file_states = read_file_states(db_path)
            futures = [fetch.submit(spec, validators, db_path, summary.run_id, delays, file_states)
                       for spec in specs]
            report.start(FETCHED, len(futures))
            for _ in as_completed(futures):
                report.advance(FETCHED)
            report.finish(FETCHED)
            fetched = [f.result() for f in futures]
            docs = gather_fetched(fetched, summary, db_path)
            for result in fetched:  # Prefect's task runner keeps each fetch's result: let the texts
                result.documents.clear()  # and the records go (a record per file: 33 MB at 50,000)
                result.records.clear()
            del futures, fetched
            plan = plan_versions(db_path, docs, summary)
            del docs
            staging = Staging.open(db_path, summary.run_id)
            spooled = staging.spool(plan, batch_size(len(plan.todo)))
            del plan  # the documents' texts are in the input files now
            release_freed_memory()
            staged, rows = extract_and_stage(spooled, staging, summary, workers, dask_address, report, limits)
            if references is None and not sources and not sources_file:
                references = default_references()
            report.start(STORED, rows)
            published = publish_run_task(db_path, summary.run_id, staged, list(references or []), report,
                                         write_limits)
            for key, n in published["counts"].items():
                setattr(summary, key, getattr(summary, key) + n)
            summary.failures += published["errors"]
            summary.status = COMPLETED_WITH_FAILURES if summary.failures else COMPLETED
        except BaseException as exc:
            summary.status = FAILED
            summary.error = first_line(exc)
            raise
        finally:
            if summary.status == RUNNING:  # an exception is on its way out
                summary.status = FAILED
            if staging is not None:
                staging.remove()
            report.close()
            close_run(db_path, summary, logger)
    logger.info("run %s %s: %s", summary.run_id, summary.status, summary.counts())
    after_run(db_path, asdict(summary), notify_url, logger, write_limits)
    return asdict(summary)

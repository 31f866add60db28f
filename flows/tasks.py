"""Thin Prefect tasks over flows/steps.py: names, retries and the run logger, nothing else.
Each works on a batch of documents.

Only fetching retries, and only when a retry may help (a 5xx or a dropped connection may pass;
a 404 will not). Every fetch attempt, retried ones included, is written to `fetch_log`."""
from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

from claimhouse.flows import steps
from claimhouse.flows.claim_limits import CLAIM_LIMITS, ClaimLimits
from claimhouse.flows.claims.model import Document
from claimhouse.flows.ingest.local import FileStates
from claimhouse.flows.ingest.sources import SourceSpec
from claimhouse.flows.progress import Quiet
from claimhouse.flows.staging import StagedBatch, read_batches, read_spooled, write_batch
from claimhouse.flows.steps import Extracted, Fetched, TransientFetchError, Validators
from claimhouse.warehouse.limits import WRITE_LIMITS, WriteLimits

FETCH_RETRY_DELAYS = (1.0, 4.0)  # seconds before the 2nd and 3rd attempt; a flow parameter


def _attempts_left() -> bool:
    try:
        context = get_run_context()
        return context.task_run.run_count <= context.task.retries
    except Exception:  # called as .fn() outside a run: no retries to wait for
        return False


def _is_transient(task, task_run, state) -> bool:
    """Prefect's retry_condition_fn: retry only what a retry can fix."""
    return isinstance(state.result(raise_on_failure=False), TransientFetchError)


@task(name="fetch-source", retries=len(FETCH_RETRY_DELAYS), retry_delay_seconds=list(FETCH_RETRY_DELAYS),
      retry_condition_fn=_is_transient)
def fetch_source_task(spec: SourceSpec, validators: Validators, db_path: Path, run_id: str,
                      retry_delays: tuple[float, ...] = FETCH_RETRY_DELAYS,
                      file_states: FileStates | None = None) -> Fetched:
    """steps.fetch_one_source, retried while attempts are left (a feed's entries are retried in
    place after the same delays); the last attempt's failures are logged. A local file unchanged
    since `file_states` is not read."""
    fetched = steps.fetch_one_source(spec, validators, db_path, run_id, may_retry=_attempts_left(),
                                     retry_delays=tuple(retry_delays), file_states=file_states)
    for r in fetched.records:
        if not r.ok:
            get_run_logger().warning("source %s failed: %s", spec.name, r.error)
    return fetched


# never cached: a batch is extracted once per run, and a cached StagedBatch would name a file
# its run removed (the default policy also hashes every document of the batch for nothing)
@task(name="extract-claims", cache_policy=NO_CACHE)
def extract_claims_task(docs: list[Document] | Path, versions: dict[str, int] | None = None,
                        limits: ClaimLimits = CLAIM_LIMITS, stage_to: Path | None = None) -> Extracted | StagedBatch:
    """steps.extract_batch of `docs`, or of the batch spooled to the file `docs` (a worker on the
    run's machine reads its documents there; flows/staging.py); written to the staging file
    `stage_to` when given (a worker on the run's machine), returned otherwise."""
    if isinstance(docs, Path):
        docs, versions = read_spooled(docs)
    extracted = steps.extract_batch(docs, versions or {}, limits)
    return extracted if stage_to is None else write_batch(extracted, stage_to)


@task(name="publish-run", cache_policy=NO_CACHE)  # a run's publish is never reused; `progress` does not hash
def publish_run_task(db_path: Path, run_id: str, staged: list[Path], references: list[str],
                     progress: Quiet | None = None, limits: WriteLimits = WRITE_LIMITS) -> dict:
    """steps.publish of the run's staged batches: everything the run stores, in one transaction;
    its errors (reference rows or files not loaded, counts not taken) are logged."""
    published = steps.publish(db_path, run_id, read_batches(staged), references, progress or Quiet(), limits)
    for e in published["errors"]:
        get_run_logger().warning("%s", e)
    return published

"""Where a run's extraction batches go: the flow's own thread (1 worker), a pool of worker
processes on this machine (the default: one per core), or an existing Dask cluster.

Only extraction and validation move; fetching stays on the flow's threads and the warehouse
writer stays the flow's own process. What crosses to a worker and back pickles: a list of
frozen `Document`s, their versions, and an `Extracted` of DataFrames."""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

IN_FLIGHT_PER_WORKER = 2  # batches submitted ahead of the one being staged: bounds memory
# A worker process costs a few seconds to start (it imports Prefect and the extractor): as much
# as extracting a few batches. Each started worker gets at least this many batches.
MIN_BATCHES_PER_WORKER = 4
PARENT_CHECK_S = 1.0


class RunnerError(ValueError):
    """The workers or cluster asked for cannot be used; the message says what to do."""


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def workers_use_this_api() -> Iterator[None]:
    """Point worker processes at the Prefect API this run reports to. A run without a
    configured API (PREFECT_API_URL) has a temporary one in a child process of its own;
    without this, each worker process would start another."""
    from prefect.context import FlowRunContext
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    context = FlowRunContext.get()
    url = str(context.client.api_url) if context is not None else None
    if get_current_settings().api.url or not url:
        yield
        return
    with temporary_settings(updates={PREFECT_API_URL: url}):
        yield


@contextmanager
def _started(runner) -> Iterator:
    with workers_use_this_api(), runner:
        yield runner


def extraction_runner(workers: int | None, dask_address: str | None, batches: int) -> AbstractContextManager:
    """A started-on-enter Prefect task runner for `batches` extraction batches, or a null
    context (None) for the in-process path: `workers` 1, or too few batches to give two
    workers MIN_BATCHES_PER_WORKER each, when no cluster is named."""
    if dask_address:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as error:
            raise RunnerError("--dask-address needs prefect-dask: pip install 'claimhouse[dask]' "
                              "(on this machine and on every Dask worker)") from error
        return _started(DaskTaskRunner(address=dask_address))
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise RunnerError(f"--workers must be 1 or more, not {workers}")
    workers = min(workers, batches // MIN_BATCHES_PER_WORKER)
    if workers <= 1:
        return nullcontext(None)
    from prefect.task_runners import ProcessPoolTaskRunner

    return _started(ProcessPoolTaskRunner(max_workers=workers, initializer=exit_with_parent,
                                          initargs=(os.getpid(),)))


def exit_with_parent(parent_pid: int) -> None:
    """Run in each worker process as it starts: end it when the run's process is gone (a run
    killed with SIGKILL cannot stop its pool, and an idle worker would wait forever)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def runner_label(runner) -> str:
    """How the batches ran, for the run's log."""
    if runner is None:
        return "in process"
    address = getattr(runner, "address", None)
    if address:
        return f"dask cluster {address}"
    return f"{getattr(runner, '_max_workers', '?')} worker processes"


def in_flight_limit(runner, workers: int | None) -> int:
    """How many batches may be out at a time on `runner`."""
    if runner is None:
        return 1
    n = getattr(runner, "_max_workers", None) or workers or default_workers()
    return max(2, IN_FLIGHT_PER_WORKER * n)


def run_batches(runner, task, arguments: Iterable[dict], limit: int) -> Iterator:
    """Each batch's result in the order the batches were given, with at most `limit` batches
    submitted and not yet taken; on the flow's own thread without a runner."""
    if runner is None:
        for kwargs in arguments:
            yield task(**kwargs)
        return
    pending: deque = deque()
    for kwargs in arguments:
        pending.append(runner.submit(task, parameters=kwargs))
        if len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()

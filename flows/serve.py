"""Serve the pipeline on a schedule: `run_pipeline.serve(...)`, the deployment prefect.yaml
also declares (for teams running a Prefect server and workers).

Serving needs a Prefect API with its scheduler (`prefect server start`, or Prefect Cloud)
named by PREFECT_API_URL; `serve_pipeline` refuses to start without one, since the temporary
API Prefect starts on its own has no scheduler and the schedule would never fire."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from claimhouse.flows.pipeline_flow import LOCK_TIMEOUT_S, run_pipeline

DEPLOYMENT_NAME = "claimhouse-scheduled"
FLOW_NAME = "claimhouse-pipeline"
DEFAULT_CRON = "0 */6 * * *"  # every six hours, UTC
CONCURRENT_RUNS = 1  # a served deployment runs one at a time: the next due run waits for this one


class ServeError(RuntimeError):
    """The flow cannot be served as asked; the message says what to do."""


def prefect_api_url() -> str | None:
    """The Prefect API this process talks to (PREFECT_API_URL or the active profile), if any."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def deployment_parameters(
    sources_file: str | Path | None = None,
    sources: list[str] | None = None,
    db_path: str | Path = "claimhouse.duckdb",
    allow_private: bool = False,
    timeout_s: float = 20.0,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    allow_hosts: list[str] | None = None,
    notify_url: str | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    memory_limit: str | None = None,
) -> dict:
    """The flow parameters of the deployment (`notify_url`: a webhook told of new conflicts). Paths
    are made absolute: runs start in their own process, not necessarily in this directory. Served
    runs show no progress (Prefect's logs carry the counts)."""
    params: dict = {
        "db_path": str(Path(db_path).expanduser().absolute()),
        "allow_private": allow_private,
        "timeout_s": timeout_s,
        "lock_timeout_s": lock_timeout_s,
    }
    if allow_hosts:
        params["allow_hosts"] = list(allow_hosts)
    if workers is not None:
        params["workers"] = workers
    if dask_address:
        params["dask_address"] = dask_address
    if memory_limit:
        params["memory_limit"] = memory_limit
    if sources_file is not None:
        params["sources_file"] = str(Path(sources_file).expanduser().absolute())
    if sources:
        params["sources"] = [_absolute_source(source) for source in sources]
    if notify_url:
        from claimhouse.flows.artifacts import check_webhook

        try:
            params["notify_url"] = check_webhook(notify_url)
        except ValueError as error:
            raise ServeError(str(error)) from None
    return params


def _absolute_source(source: str) -> str:
    """A path made absolute (also after `feed:`); URLs as they are."""
    prefix, rest = ("feed:", source[5:]) if source.lower().startswith("feed:") else ("", source)
    if urlsplit(rest).scheme.lower() in ("http", "https") or rest.startswith("//"):
        return source
    return prefix + str(Path(rest).expanduser().absolute())


def schedule_args(cron: str | None, interval_s: float | None) -> dict:
    """`cron=` or `interval=` for Flow.serve, checked: exactly one, and a cron Prefect accepts."""
    if (cron is None) == (interval_s is None):
        raise ServeError("give exactly one schedule: a cron expression (e.g. \"0 */6 * * *\") "
                         "or an interval in seconds")
    if interval_s is not None:
        if interval_s <= 0:
            raise ServeError(f"the interval must be above 0 seconds, not {interval_s:g}")
        return {"interval": timedelta(seconds=interval_s)}
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError as error:
        raise ServeError(f"not a cron expression Prefect accepts: {cron!r} "
                         "(five fields: minute hour day-of-month month day-of-week)") from error
    return {"cron": cron}


def serve_pipeline(parameters: dict, cron: str | None = None, interval_s: float | None = None,
                   name: str = DEPLOYMENT_NAME) -> None:
    """Create (or update) the deployment and run its scheduled runs until interrupted (Ctrl-C,
    SIGTERM). Its schedule is paused on the way out."""
    schedule = schedule_args(cron, interval_s)
    if not prefect_api_url():
        raise ServeError(
            "serve needs a Prefect API with a scheduler, and PREFECT_API_URL is not set: start one with "
            "`prefect server start` (UI at http://127.0.0.1:4200) and "
            "`export PREFECT_API_URL=http://127.0.0.1:4200/api`, then serve again; "
            "`claimhouse run` needs no server"
        )
    run_pipeline.validate_parameters(parameters)
    run_pipeline.serve(name=name, parameters=parameters, limit=CONCURRENT_RUNS, pause_on_shutdown=True,
                       **schedule)

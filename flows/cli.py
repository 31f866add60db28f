"""claimhouse: run / serve / extract / query / conflicts / score.

Each command checks its input, calls one function and reports. `extract` never imports
Prefect or DuckDB, so it starts fast and streams."""
from __future__ import annotations

import math
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from claimhouse.flows.jsonl_input import MAX_LINE_BYTES, BadLine, read_lines
from claimhouse.flows.output import (
    FORMATS,
    console_logs_to,
    escape_log_handlers,
    json_line,
    reported_errors_without_traceback,
    shown,
    shown_line,
    write_rows,
)
from claimhouse.warehouse.limits import WRITE_LIMITS, ReadLimits, checked_size

DEFAULT_DB = "claimhouse.duckdb"
EXIT_SOURCES_FAILED = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """claimhouse: find the numeric claims in documents, store them in DuckDB and
    cross-reference them."""


# ---- run / serve -------------------------------------------------------------------------
def _hosts(context: click.Context, parameter: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    from claimhouse.flows.ingest.addresses import AllowList

    try:
        AllowList.parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    return value


def _seconds(context: click.Context, parameter: click.Parameter, value: float) -> float:
    """A finite number of seconds above 0 (click's FloatRange lets nan and inf through)."""
    if not math.isfinite(value) or value <= 0:
        raise click.BadParameter(f"must be a finite number of seconds above 0, not {value!r}")
    return value


def _size(context: click.Context, parameter: click.Parameter, value: str) -> str:
    try:
        return checked_size(value)
    except ValueError as error:
        raise click.BadParameter(shown(str(error))) from None


_sources_options = (
    click.option("--source", "sources", multiple=True, metavar="PATH_OR_URL",
                 help="A file, a folder (recursive), an http(s) URL or feed:URL. Repeatable. "
                      "Default (with no --sources either): the bundled sample corpus."),
    click.option("--sources", "sources_file", type=click.Path(dir_okay=False), metavar="SOURCES_TOML",
                 help="A sources file of named sources with tags and fetch settings "
                      "(see sources.example.toml). Combines with --source."),
    click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                 help="The DuckDB warehouse file (created if missing)."),
    click.option("--allow-private", is_flag=True,
                 help="Allow URLs on private/loopback addresses (refused by default), for every source."),
    click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST_OR_NETWORK", callback=_hosts,
                 help="Allow this private host name, address or network (e.g. 10.0.0.5, intranet.example, "
                      "192.168.0.0/24) for every source; link-local addresses only when named. Repeatable."),
    click.option("--timeout", "timeout_s", default=20.0, show_default=True, callback=_seconds,
                 help="Per-URL time limit in seconds for --source URLs (the sources file sets its own)."),
    click.option("--lock-timeout", "lock_timeout_s", default=600.0, show_default=True, callback=_seconds,
                 help="How long to wait for another run writing to the same warehouse."),
    click.option("--workers", type=click.IntRange(min=1), default=None,
                 help="Processes extracting claims in parallel. Default: one per core; 1: in the run's own process."),
    click.option("--memory-limit", "memory_limit", default=WRITE_LIMITS.memory_limit, show_default=True,
                 callback=_size, metavar="SIZE",
                 help="DuckDB's memory for the run's writer (publish and link); what does not fit spills "
                      "beside the warehouse, and a run that needs more fails and stores nothing."),
    click.option("--dask-address", metavar="tcp://HOST:8786",
                 help="Extract on an existing Dask cluster (its scheduler's address) instead of local "
                      "processes; needs claimhouse[dask] here and on the workers."),
)


def _with_source_options(command):
    for option in reversed(_sources_options):
        command = option(command)
    return command


def _check_sources_file(sources_file: str | None) -> None:
    if sources_file is None:
        return
    from claimhouse.flows.ingest.sources import SourcesError, load_sources

    try:
        load_sources(sources_file)
    except SourcesError as exc:
        raise click.ClickException(shown(str(exc))) from None


def _quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no telemetry from a closed network


@main.command()
@_with_source_options
@click.option("--reference", "references", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A reference table (CSV or Parquet) to check claims against. Repeatable. Default with the "
                   "bundled corpus: its shipped reference table.")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary; failures still go to stderr.")
def run(sources: tuple[str, ...], sources_file: str | None, db_path: str, allow_private: bool,
        allow_hosts: tuple[str, ...], timeout_s: float, lock_timeout_s: float, workers: int | None,
        memory_limit: str, dask_address: str | None, references: tuple[str, ...], quiet: bool) -> None:
    """Run the pipeline (a Prefect flow run) over the sources into the warehouse.

    A second run against the same warehouse waits for the first (up to --lock-timeout).
    On a terminal, progress per stage is shown live; otherwise as plain lines."""
    _check_sources_file(sources_file)
    _quiet_prefect()
    from claimhouse.flows.lock import WarehouseBusy
    from claimhouse.flows.pipeline_flow import run_pipeline
    from claimhouse.flows.runners import RunnerError
    from claimhouse.flows.server_child import temporary_servers_die_with_this_process
    from claimhouse.flows.stopping import RunStopped
    from claimhouse.warehouse.db import WarehouseError, os_error

    reported = (WarehouseBusy, WarehouseError, RunStopped, RunnerError, OSError)  # shown below, once, worded
    escape_log_handlers(reported=reported)  # Prefect's log lines carry URLs, file names and server replies
    temporary_servers_die_with_this_process()  # a kill -9 of this run leaves no Prefect server behind

    progress = "off" if quiet else "live" if sys.stderr.isatty() else "lines"
    try:
        with console_logs_to(sys.stderr), reported_errors_without_traceback(reported):
            summary = run_pipeline(sources=list(sources) or None, sources_file=sources_file, db_path=Path(db_path),
                                   allow_private=allow_private, timeout_s=timeout_s, lock_timeout_s=lock_timeout_s,
                                   references=list(references) or None, allow_hosts=list(allow_hosts) or None,
                                   workers=workers, dask_address=dask_address, progress=progress,
                                   memory_limit=memory_limit)
    except (WarehouseBusy, WarehouseError, RunStopped, RunnerError) as exc:
        raise click.ClickException(shown(str(exc))) from None
    except OSError as exc:  # the warehouse's folder or lock file
        raise click.ClickException(shown(str(os_error(exc, db_path)))) from None
    if quiet:
        _print_failures(summary)
    else:
        _print_summary(summary, db_path)
    if summary["failures"]:
        sys.exit(EXIT_SOURCES_FAILED)


@main.command()
@_with_source_options
@click.option("--cron", help='When to run, as a cron expression in UTC, e.g. "0 */6 * * *" (every six hours).')
@click.option("--interval", "interval_s", type=click.FloatRange(min=0, min_open=True),
              help="Or: run every SECONDS.")
@click.option("--name", default=None, help="Deployment name. Default: claimhouse-scheduled.")
@click.option("--notify", "notify_url", metavar="URL",
              help="POST a JSON summary to this webhook after each run that finds new conflicts.")
def serve(sources: tuple[str, ...], sources_file: str | None, db_path: str, allow_private: bool,
          allow_hosts: tuple[str, ...], timeout_s: float, lock_timeout_s: float, workers: int | None,
          memory_limit: str, dask_address: str | None, cron: str | None, interval_s: float | None, name: str | None,
          notify_url: str | None) -> None:
    """Serve the pipeline on a schedule through Prefect until Ctrl-C.

    Needs a Prefect API (PREFECT_API_URL; start one with `prefect server start`): runs show
    in its UI and in the `runs` view. The sources file is read again at the start of each run."""
    _check_sources_file(sources_file)
    _quiet_prefect()
    from claimhouse.flows.serve import DEPLOYMENT_NAME, ServeError, deployment_parameters, serve_pipeline

    escape_log_handlers()

    try:
        parameters = deployment_parameters(sources_file, list(sources), db_path, allow_private, timeout_s,
                                           lock_timeout_s, list(allow_hosts), notify_url, workers=workers,
                                           dask_address=dask_address, memory_limit=memory_limit)
        serve_pipeline(parameters, cron=cron, interval_s=interval_s, name=name or DEPLOYMENT_NAME)
    except ServeError as exc:
        raise click.ClickException(shown(str(exc))) from None


def _print_summary(s: dict, db_path: str) -> None:
    click.echo(shown(f"run {s['run_id']} -> {db_path}: {s['status']}"))
    click.echo(f"  sources tried      {s['sources_tried']}")
    click.echo(f"  documents          new {s['docs_new']}, changed {s['docs_changed']}, "
               f"unchanged {s['docs_unchanged']}, failed {s['docs_failed']}")
    click.echo(f"  claims             stored {s['claims_added']}, removed {s['claims_removed']}, "
               f"rejected rows {s['rows_rejected']}")
    click.echo(f"  links              new {s['links_found']}, conflicting figures new {s['conflicts_new']}")
    verdicts = _verdict_counts(db_path)
    if verdicts:
        click.echo("  reference checks   " + shown(", ".join(f"{v} {n}" for v, n in verdicts)))
    _print_failures(s)


def _print_failures(s: dict) -> None:
    for f in s["failures"]:
        click.echo(f"  FAILED: {shown_line(str(f))}", err=True)


def _verdict_counts(db_path: str) -> list[tuple[str, int]]:
    """Claims per reference verdict, when reference figures are loaded."""
    from claimhouse.warehouse.db import WarehouseError, connect, load_sql

    try:
        con = connect(db_path, read_only=True)
    except WarehouseError:
        return []
    try:
        return con.execute(load_sql("queries", "verdict_counts")).fetchall()
    finally:
        con.close()


# ---- extract ------------------------------------------------------------------------
def claim_record(item_id, claim) -> dict:
    """The JSON line `extract` writes for one claim (start/end are span_start/span_end)."""
    return {
        "id": item_id, "start": claim.span_start, "end": claim.span_end, "quote": claim.quote,
        "value": claim.value, "low": claim.low, "high": claim.high, "unit": claim.unit,
        "qualifier": claim.qualifier, "direction": claim.direction, "kind": claim.kind,
        "subject": claim.subject, "place": claim.place,
        "period_start": claim.period_start.isoformat() if claim.period_start else None,
        "period_end": claim.period_end.isoformat() if claim.period_end else None,
        "period_partial": claim.period_partial, "modality": claim.modality,
        "attribution": claim.attribution, "checkworthiness": claim.checkworthiness,
    }


@main.command()
@click.option("--jsonl", is_flag=True, help='Read JSON lines {"id": ..., "text": ..., "published": "YYYY-MM-DD", "source": URL} '
                                           "from stdin (UTF-8; published and source optional). A bad line is "
                                           "skipped and named on stderr.")
@click.option("--max-line-bytes", default=MAX_LINE_BYTES, show_default=True, type=click.IntRange(min=1),
              help="With --jsonl: a longer line is skipped (read in bounded memory, never whole).")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def extract(jsonl: bool, max_line_bytes: int, files: tuple[str, ...]) -> None:
    """Extract claims only (no warehouse, no Prefect): one JSON line per claim.

    With --jsonl, reads JSON lines from stdin; with FILES, reads each file (text, Markdown
    with front matter, or HTML); with neither, reads plain text from stdin. Exits with
    status 3 when a line or file was skipped."""
    from claimhouse.flows.claims.extract import extract_claims

    out = click.get_binary_stream("stdout")

    def write(item_id, claims) -> None:
        out.write("".join(json_line(claim_record(item_id, c)) + "\n" for c in claims).encode("utf-8"))

    failed = 0
    if jsonl:
        for n, item in read_lines(click.get_binary_stream("stdin"), max_line_bytes):
            if isinstance(item, BadLine):
                failed += 1
                click.echo(f"stdin line {n}: skipped, {shown(str(item))}", err=True)
                continue
            write(item.id, extract_claims(item.text, item.published, item.source))
    elif not files:
        write(None, extract_claims(click.get_text_stream("stdin", errors="replace").read()))
    else:
        from claimhouse.flows.ingest.attempts import FetchError
        from claimhouse.flows.ingest.local import load_file

        for f in files:
            try:
                doc = load_file(f)
            except FetchError as exc:
                failed += 1
                click.echo(f"{shown(f)}: {shown(str(exc))}", err=True)
                continue
            write(f, extract_claims(doc.text, doc.published_at, doc.uri))
    if failed:
        sys.exit(EXIT_SOURCES_FAILED)


# ---- read commands ---------------------------------------------------------------------
def _read_only(db_path: str, limits=None):
    from claimhouse.warehouse.db import READ_LIMITS, WarehouseError, connect

    try:
        return connect(db_path, read_only=True, limits=limits or READ_LIMITS)
    except WarehouseError as exc:
        raise click.ClickException(shown(str(exc))) from None


READ_ONLY_NOTE = ("\n(the warehouse is opened read-only: statements that write, ATTACH, COPY TO, INSTALL/LOAD "
                  "and file reads are refused)")


def _run_read(db_path: str, sql: str, params: dict | None, fmt: str, limits=None) -> None:
    import duckdb

    from claimhouse.warehouse.db import READ_LIMITS, WarehouseError, message_cause, read_rows

    limits = limits or READ_LIMITS
    con = _read_only(db_path, limits)
    try:
        columns, rows, cut = read_rows(con, sql, params, limits)
    except WarehouseError as exc:
        raise click.ClickException(shown(str(exc))) from None
    except duckdb.Error as exc:
        error = str(WarehouseError.from_duckdb(exc, "the query"))
        if message_cause(exc) is None:
            error += READ_ONLY_NOTE
        raise click.ClickException(shown(error)) from None
    finally:
        con.close()
    write_rows(sys.stdout, columns, rows, fmt)
    if cut:
        click.echo(f"only the first {limits.max_rows} rows (--max-rows {limits.max_rows}); "
                   "narrow the query or raise --max-rows", err=True)


_db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                          type=click.Path(dir_okay=False), help="The DuckDB warehouse file.")
_format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
_LIMITS = ReadLimits()


def _finite_seconds(ctx, param, value: float) -> float:
    if not math.isfinite(value):  # FloatRange lets nan and inf through
        raise click.BadParameter(f"{value} is not a number of seconds")
    return value


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("sql", required=False)
@click.option("--file", "sql_file", type=click.File("r", encoding="utf-8"), metavar="FILE.sql",
              help="Read the SQL from a file instead (or give SQL as - to read stdin).")
@_db_option
@_format_option
@click.option("--timeout", "timeout_s", default=_LIMITS.timeout_s, show_default=True, callback=_finite_seconds,
              type=click.FloatRange(min=0, min_open=True), help="Stop the query after this many seconds.")
@click.option("--max-rows", default=_LIMITS.max_rows, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many rows (a note on stderr says when rows were cut).")
@click.option("--memory-limit", default=_LIMITS.memory_limit, show_default=True,
              help="DuckDB memory limit for the query (e.g. 500MB, 2GB).")
@click.option("--threads", default=_LIMITS.threads, show_default=True, type=click.IntRange(min=1),
              help="DuckDB threads for the query.")
@click.option("--max-temp-size", default=_LIMITS.max_temp_directory_size, show_default=True,
              help="Most disk the query may spill to in temporary files (e.g. 1GB).")
def query(sql: str | None, sql_file, db_path: str, fmt: str, timeout_s: float, max_rows: int,
          memory_limit: str, threads: int, max_temp_size: str) -> None:
    """Run one read-only SQL statement over the warehouse views (documents, claims, claim_links,
    conflicts, rejected_rows, runs, fetch_log, ...).

    SQL may start with a -- comment (as the README's examples do); give - to read it from stdin."""
    from claimhouse.warehouse.db import WarehouseError, one_statement

    if sql_file is not None and sql is not None:
        raise click.UsageError("give the SQL as an argument or with --file, not both")
    if sql_file is not None:
        sql = sql_file.read()
    elif sql == "-" or sql is None:
        sql = click.get_text_stream("stdin").read() if sql == "-" else ""
    try:
        one_statement(sql)
    except WarehouseError as exc:
        raise click.ClickException(shown(str(exc))) from None
    limits = ReadLimits(timeout_s=timeout_s, max_rows=max_rows, memory_limit=memory_limit, threads=threads,
                        max_temp_directory_size=max_temp_size)
    _run_read(db_path, sql, None, fmt, limits)


LAST_RUN = "last-run"


def parse_since(since: str) -> datetime:
    """An ISO date or timestamp; without a UTC offset it is read as UTC."""
    try:
        stamp = datetime.fromisoformat(since)
    except ValueError:
        raise click.BadParameter(f"{since!r} is neither {LAST_RUN} nor an ISO date/timestamp "
                                 "(e.g. 2025-10-14 or 2025-10-14T08:30:00+02:00)", param_hint="--since") from None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


@main.command()
@_db_option
@_format_option
@click.option("--limit", default=50, show_default=True)
@click.option("--since", metavar="last-run|TIMESTAMP",
              help="Only conflicts found by the most recent completed run (last-run), or found at or "
                   "after an ISO timestamp (UTC unless it has an offset).")
def conflicts(db_path: str, fmt: str, limit: int, since: str | None) -> None:
    """Conflicting claims side by side, newest first."""
    from claimhouse.warehouse.db import load_sql

    scope = "all" if since is None else "last-run" if since == LAST_RUN else "since"
    stamp = parse_since(since) if scope == "since" else None
    _run_read(db_path, load_sql("queries", "conflicts_side_by_side"),
              {"limit": limit, "scope": scope, "since": stamp}, fmt)


@main.command()
@click.argument("fact_id")
@_db_option
@_format_option
def fact(fact_id: str, db_path: str, fmt: str) -> None:
    """Every claim of one fact (FACT_ID from the `facts` view, or a unique prefix of it),
    with its document, value and reference verdict."""
    from claimhouse.warehouse.db import load_sql

    prefix = fact_id.strip().lower()
    if not prefix:
        raise click.ClickException("give a fact id, or a unique prefix of one (ids are in `claimhouse facts`)")
    con = _read_only(db_path)
    try:
        candidates = con.execute(load_sql("queries", "facts_with_prefix"),
                                 {"prefix": prefix, "limit": MAX_CANDIDATES + 1}).fetchall()
    finally:
        con.close()
    if not candidates:
        raise click.ClickException(f"no fact id starts with {shown(prefix)!r} (ids are in `claimhouse facts`)")
    if len(candidates) > 1:
        more = "more than " if len(candidates) > MAX_CANDIDATES else ""
        lines = [f"  {fid}  {shown(str(subject or ''))} [{unit or ''}{', ' + shown(place) if place else ''}] "
                 f"{n} claim{'s' if n != 1 else ''}" for fid, subject, unit, place, n in candidates[:MAX_CANDIDATES]]
        raise click.ClickException(f"{shown(prefix)!r} matches {more}{len(candidates[:MAX_CANDIDATES])} facts; "
                                   "give more of the id:\n" + "\n".join(lines))
    _run_read(db_path, load_sql("queries", "fact_claims"), {"fact_id": candidates[0][0]}, fmt)


MAX_CANDIDATES = 20  # an ambiguous `fact` prefix lists at most this many facts


@main.command()
@_db_option
@_format_option
@click.option("--limit", default=50, show_default=True)
def facts(db_path: str, fmt: str, limit: int) -> None:
    """Facts stated by more than one document, most disputed first."""
    from claimhouse.warehouse.db import load_sql

    _run_read(db_path, load_sql("queries", "facts_overview"), {"limit": limit}, fmt)


@main.group()
def reference() -> None:
    """Reference statistics that claims are checked against (`reference_checks`)."""


@reference.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@_db_option
def reference_load(files: tuple[str, ...], db_path: str) -> None:
    """Load reference tables (CSV or Parquet: measure, subject, place, period, value, unit,
    qualifier, publisher, source_url). Reloading a file replaces its rows."""
    from claimhouse.flows.ingest.reference import ReferenceError
    from claimhouse.flows.linking import load_references
    from claimhouse.flows.lock import warehouse_lock
    from claimhouse.warehouse.db import WarehouseError, apply_migrations, connect, os_error

    failed = 0
    try:
        with warehouse_lock(Path(db_path), 600.0):
            con = connect(db_path)
            try:
                apply_migrations(con)
                for f in files:
                    try:
                        result = load_references(con, f)
                    except ReferenceError as exc:
                        failed += 1
                        click.echo(f"FAILED: {shown_line(str(exc))}", err=True)
                        continue
                    click.echo(f"{shown(f)}: {result['loaded']} figures loaded, {result['rejected']} refused")
                    for e in result["errors"]:
                        failed += 1
                        click.echo(f"  skipped: {shown_line(str(e))}", err=True)
            finally:
                con.close()
    except WarehouseError as exc:
        raise click.ClickException(shown(str(exc))) from None
    except OSError as exc:  # the warehouse's folder or lock file
        raise click.ClickException(shown(str(os_error(exc, db_path)))) from None
    if failed:
        sys.exit(EXIT_SOURCES_FAILED)


DEFAULT_CASES = Path("tests") / "claims" / "cases" / "quantities.jsonl"  # in the checkout, not the install


@main.command()
@click.argument("cases", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("-v", "--verbose", is_flag=True, help="List misses, false alarms and wrong fields.")
def score(cases: str | None, verbose: bool) -> None:
    """Precision and recall of the extractor on a case file (default:
    tests/claims/cases/quantities.jsonl under the current directory, a claimhouse checkout)."""
    from claimhouse.flows.claims.scoring import load_cases, report, score_cases

    path = Path(cases) if cases else Path.cwd() / DEFAULT_CASES
    if not path.exists():
        raise click.ClickException(shown(f"no case file at {path}: run from a claimhouse checkout or pass CASES.jsonl"))
    s = score_cases(load_cases(path))
    click.echo(shown(f"{path}"))
    click.echo(report(s))
    if verbose:
        for title, rows in (("misses", s.misses), ("false alarms", s.false_alarms), ("wrong", s.wrong)):
            click.echo(f"-- {title} ({len(rows)})")
            for r in rows:
                click.echo(f"  {shown(str(r))}")


def _add_desk_commands() -> None:
    from claimhouse.flows.desk_cli import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_add_desk_commands()


if __name__ == "__main__":
    main()

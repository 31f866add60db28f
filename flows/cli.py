"""claimhouse: run / extract / query / conflicts / score.

Each command checks its input, calls one function and reports. `extract` never imports
Prefect or DuckDB, so it starts fast and streams."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from flows.output import FORMATS, write_rows

DEFAULT_DB = "claimhouse.duckdb"
EXIT_SOURCES_FAILED = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """claimhouse: find the numeric claims in documents, store them in DuckDB and
    cross-reference them."""


# ---- run ------------------------------------------------------------------------
@main.command()
@click.option("--source", "sources", multiple=True, metavar="PATH_OR_URL",
              help="A file, a folder (recursive), an http(s) URL or feed:URL. Repeatable. "
                   "Default: the bundled sample corpus.")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="The DuckDB warehouse file (created if missing).")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private/loopback addresses (refused by default).")
@click.option("--timeout", "timeout_s", default=20.0, show_default=True, help="Per-URL time limit in seconds.")
@click.option("--lock-timeout", "lock_timeout_s", default=600.0, show_default=True,
              help="How long to wait for another run writing to the same warehouse.")
def run(sources: tuple[str, ...], db_path: str, allow_private: bool, timeout_s: float, lock_timeout_s: float) -> None:
    """Run the pipeline (a Prefect flow run) over SOURCES into the warehouse."""
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no telemetry from a closed network
    from flows.lock import WarehouseBusy
    from flows.pipeline_flow import run_pipeline
    from warehouse.db import WarehouseError

    try:
        summary = run_pipeline(sources=list(sources) or None, db_path=Path(db_path), allow_private=allow_private,
                               timeout_s=timeout_s, lock_timeout_s=lock_timeout_s)
    except (WarehouseBusy, WarehouseError) as exc:
        raise click.ClickException(str(exc)) from None
    _print_summary(summary, db_path)
    if summary["failures"]:
        sys.exit(EXIT_SOURCES_FAILED)


def _print_summary(s: dict, db_path: str) -> None:
    click.echo(f"run {s['run_id']} -> {db_path}")
    click.echo(f"  sources tried      {s['sources_tried']}")
    click.echo(f"  documents          new {s['docs_new']}, changed {s['docs_changed']}, "
               f"unchanged {s['docs_unchanged']}, failed {s['docs_failed']}")
    click.echo(f"  claims             stored {s['claims_added']}, removed {s['claims_removed']}, "
               f"rejected rows {s['rows_rejected']}")
    click.echo(f"  links              new {s['links_found']}, of which conflicts {s['conflicts_new']}")
    for f in s["failures"]:
        click.echo(f"  FAILED: {f}", err=True)


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
@click.option("--jsonl", is_flag=True, help='Read JSON lines {"id": ..., "text": ...} from stdin.')
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def extract(jsonl: bool, files: tuple[str, ...]) -> None:
    """Extract claims only (no warehouse, no Prefect): one JSON line per claim.

    With --jsonl, reads JSON lines from stdin; with FILES, reads each file (text, Markdown
    with front matter, or HTML); with neither, reads plain text from stdin."""
    from datetime import date

    from flows.claims.extract import extract_claims

    out = sys.stdout
    if jsonl:
        bad = 0
        for n, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
                published = date.fromisoformat(item["published"]) if item.get("published") else None
            except (ValueError, KeyError, TypeError) as exc:
                bad += 1
                click.echo(f"stdin line {n}: skipped, not a JSON object with a string 'text' ({exc})", err=True)
                continue
            for c in extract_claims(text, published):
                out.write(json.dumps(claim_record(item.get("id"), c), ensure_ascii=False) + "\n")
        if bad:
            sys.exit(EXIT_SOURCES_FAILED)
        return
    if not files:
        text = sys.stdin.read()
        for c in extract_claims(text):
            out.write(json.dumps(claim_record(None, c), ensure_ascii=False) + "\n")
        return
    from flows.fetch import FetchError, load_file

    failed = 0
    for f in files:
        try:
            doc = load_file(f)
        except FetchError as exc:
            failed += 1
            click.echo(f"{f}: {exc}", err=True)
            continue
        for c in extract_claims(doc.text, doc.published_at):
            out.write(json.dumps(claim_record(f, c), ensure_ascii=False) + "\n")
    if failed:
        sys.exit(EXIT_SOURCES_FAILED)


# ---- read commands ---------------------------------------------------------------------
def _read_only(db_path: str):
    from warehouse.db import WarehouseError, connect

    try:
        return connect(db_path, read_only=True)
    except WarehouseError as exc:
        raise click.ClickException(str(exc)) from None


def _run_read(db_path: str, sql: str, params: dict | None, fmt: str) -> None:
    import duckdb

    con = _read_only(db_path)
    try:
        cur = con.execute(sql, params or {})
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
    except duckdb.Error as exc:
        raise click.ClickException(f"{type(exc).__name__}: {exc}\n(the warehouse is opened read-only: "
                                   "statements that write, ATTACH, COPY TO, INSTALL/LOAD and file reads are refused)"
                                   ) from None
    finally:
        con.close()
    write_rows(sys.stdout, columns, rows, fmt)


_db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                          type=click.Path(dir_okay=False), help="The DuckDB warehouse file.")
_format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)


@main.command()
@click.argument("sql")
@_db_option
@_format_option
def query(sql: str, db_path: str, fmt: str) -> None:
    """Run read-only SQL over the warehouse views (documents, claims, claim_links,
    conflicts, rejected_rows, runs, fetch_log, ...)."""
    _run_read(db_path, sql, None, fmt)


@main.command()
@_db_option
@_format_option
@click.option("--limit", default=50, show_default=True)
def conflicts(db_path: str, fmt: str, limit: int) -> None:
    """Conflicting claims side by side, newest first."""
    from warehouse.db import load_sql

    _run_read(db_path, load_sql("queries", "conflicts_side_by_side"), {"limit": limit}, fmt)


@main.command()
@click.argument("cases", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("-v", "--verbose", is_flag=True, help="List misses, false alarms and wrong fields.")
def score(cases: str | None, verbose: bool) -> None:
    """Precision and recall of the extractor on a case file (default: the bundled
    tests/claims/cases/quantities.jsonl)."""
    from flows.claims.scoring import load_cases, report, score_cases

    path = Path(cases) if cases else Path(__file__).resolve().parents[1] / "tests" / "claims" / "cases" / "quantities.jsonl"
    if not path.exists():
        raise click.ClickException(f"no case file at {path}; pass one")
    s = score_cases(load_cases(path))
    click.echo(f"{path}")
    click.echo(report(s))
    if verbose:
        for title, rows in (("misses", s.misses), ("false alarms", s.false_alarms), ("wrong", s.wrong)):
            click.echo(f"-- {title} ({len(rows)})")
            for r in rows:
                click.echo(f"  {r}")


if __name__ == "__main__":
    main()

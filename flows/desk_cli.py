"""The fact-checker's desk on the command line: review, export, import, report.

Command groups cli.py adds to `claimhouse`. Each command checks its input, calls one function
of flows/review.py, flows/exports.py, flows/claimreview.py or flows/report/ and reports."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from claimhouse.flows.output import FORMATS, shown, write_rows

DEFAULT_DB = "claimhouse.duckdb"
LOCK_TIMEOUT_S = 600.0

_db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                          type=click.Path(dir_okay=False), help="The DuckDB warehouse file.")
_by_option = click.option("--by", "reviewer", default=None, metavar="NAME",
                          help="Who decides (default: $USER).")
_note_option = click.option("--note", default=None, help="Why: kept with the decision in the audit trail.")


@contextmanager
def _writable(db_path: str):
    """The warehouse open for writing, migrated, while holding the writer lock."""
    from claimhouse.flows.lock import WarehouseBusy, warehouse_lock
    from claimhouse.warehouse.db import WarehouseError, apply_migrations, connect

    if not Path(db_path).exists():
        raise click.ClickException(f"no warehouse at {db_path}: run `claimhouse run` first, or check --db")
    try:
        with warehouse_lock(Path(db_path), LOCK_TIMEOUT_S):
            con = connect(db_path)
            try:
                apply_migrations(con)
                yield con
            finally:
                con.close()
    except (WarehouseBusy, WarehouseError) as exc:
        raise click.ClickException(str(exc)) from None


def _reviewer(given: str | None) -> str:
    from claimhouse.flows.review import default_reviewer

    return given or default_reviewer()


def _recorded(call) -> None:
    from claimhouse.flows.review import ReviewError

    try:
        review_id = call()
    except ReviewError as exc:
        raise click.ClickException(shown(str(exc))) from None
    click.echo(f"recorded review {review_id}")


def _read(db_path: str, sql: str, params: dict, fmt: str) -> None:
    from claimhouse.warehouse.db import WarehouseError, connect

    try:
        con = connect(db_path, read_only=True)
    except WarehouseError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        cur = con.execute(sql, params)
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    write_rows(sys.stdout, columns, rows, fmt)


# ---- review --------------------------------------------------------------------------
@click.group()
def review() -> None:
    """Record a person's decisions on links, claims and facts (the `reviews` view keeps every one)."""


@review.command("link")
@click.argument("claim_id_a")
@click.argument("claim_id_b")
@click.argument("decision", type=click.Choice(("confirm", "reject", "same-fact", "different-fact")))
@_db_option
@_by_option
@_note_option
def review_link_command(claim_id_a: str, claim_id_b: str, decision: str, db_path: str, reviewer: str | None,
                        note: str | None) -> None:
    """A decision on the link between two claims (claim ids from `conflicts` or `review_queue`).
    reject and different-fact take the pair apart for good; confirm and same-fact keep it, and a
    same-fact pair the rules did not relate is linked too (its relation judged from the two intervals)."""
    from claimhouse.flows.review import review_link

    with _writable(db_path) as con:
        _recorded(lambda: review_link(con, claim_id_a, claim_id_b, decision, _reviewer(reviewer), note))
    if decision == "same-fact":
        click.echo("a claim the rules do not compare is linked by the next `claimhouse run` (see `claim_links`)")


@review.command("claim")
@click.argument("claim_id")
@click.argument("decision", required=False,
                type=click.Choice(("wrong-extraction", "true", "false", "misleading", "unproven")))
@click.option("--value", help="The value the text really gives (e.g. 520000).")
@click.option("--unit", help="The unit it really has.")
@click.option("--period", help="The period it really covers: 2023, 2023-04 or 2023-01-01/2023-06-30.")
@click.option("--subject", help="What it really counts.")
@click.option("--evidence", "evidence_url", metavar="URL", help="For a verdict: where the evidence is.")
@_db_option
@_by_option
@_note_option
def review_claim_command(claim_id: str, decision: str | None, value: str | None, unit: str | None,
                         period: str | None, subject: str | None, evidence_url: str | None, db_path: str,
                         reviewer: str | None, note: str | None) -> None:
    """Mark a claim as a wrong extraction, give a verdict on it alone (true | false | misleading |
    unproven), or correct one of its fields (one decision per field; the views show the
    correction with the extracted value beside it)."""
    from claimhouse.flows.review import review_claim

    corrections = {k: v for k, v in (("value", value), ("unit", unit), ("period", period), ("subject", subject))
                   if v is not None}
    if decision is None and not corrections:
        raise click.UsageError("give wrong-extraction or a verdict, or at least one of --value, --unit, --period, "
                               "--subject")
    if decision is not None and corrections:
        raise click.UsageError("give wrong-extraction or corrections, not both")
    with _writable(db_path) as con:
        if decision is not None:
            _recorded(lambda: review_claim(con, claim_id, _reviewer(reviewer), decision=decision, note=note,
                                           evidence_url=evidence_url))
        for field, given in corrections.items():
            _recorded(lambda f=field, g=given: review_claim(con, claim_id, _reviewer(reviewer), field=f,
                                                            corrected=g, note=note))


@review.command("fact")
@click.argument("fact_id")
@click.argument("verdict", type=click.Choice(("true", "false", "misleading", "unproven")))
@click.option("--evidence", "evidence_url", metavar="URL", help="Where the evidence is (http or https).")
@_db_option
@_by_option
@_note_option
def review_fact_command(fact_id: str, verdict: str, evidence_url: str | None, db_path: str, reviewer: str | None,
                        note: str | None) -> None:
    """A verdict on a fact (FACT_ID from `facts`, or a unique prefix), with a note and the evidence URL."""
    from claimhouse.flows.review import review_fact

    with _writable(db_path) as con:
        _recorded(lambda: review_fact(con, fact_id, verdict, _reviewer(reviewer), note, evidence_url))


@review.command("queue")
@_db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", default=20, show_default=True)
def review_queue_command(db_path: str, fmt: str, limit: int) -> None:
    """What needs a person most: open conflicts, contradicted checks, check-worthy claims."""
    from claimhouse.warehouse.db import load_sql

    _read(db_path, load_sql("queries", "review_queue_top"), {"limit": limit}, fmt)


@review.command("log")
@_db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", default=50, show_default=True)
def review_log_command(db_path: str, fmt: str, limit: int) -> None:
    """The audit trail: the latest decisions, newest first."""
    from claimhouse.warehouse.db import load_sql

    _read(db_path, load_sql("queries", "review_log"), {"limit": limit}, fmt)


# ---- export / import -----------------------------------------------------------------
@click.command("export")
@click.argument("view")
@click.option("--format", "fmt", type=click.Choice(("csv", "json", "parquet")), default=None,
              help="For a view: csv, json (JSON lines) or parquet. Default: from --out's suffix.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--reviewed-only", is_flag=True, help="claimreview: only facts and claims a person reviewed.")
@click.option("--author", default=None, metavar="NAME", help="claimreview: the organisation publishing the reviews.")
@_db_option
def export_command(view: str, fmt: str | None, out: str, reviewed_only: bool, author: str | None,
                   db_path: str) -> None:
    """Write a view (documents, claims, conflicts, facts, reviews, ...) to a file, or with VIEW =
    claimreview, schema.org ClaimReview JSON-LD for reviewed facts and claims and reference checks."""
    from claimhouse.warehouse.db import WarehouseError

    if view == "claimreview":
        from claimhouse.flows.claimreview import DEFAULT_AUTHOR, export_claimreviews

        if fmt is not None:
            raise click.UsageError("claimreview is always JSON-LD: leave out --format")
        try:
            n = export_claimreviews(db_path, out, author=author or DEFAULT_AUTHOR, reviewed_only=reviewed_only)
        except WarehouseError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"{n} ClaimReview items -> {out}")
        return
    if reviewed_only or author:
        raise click.UsageError("--reviewed-only and --author are for `export claimreview`")
    from claimhouse.flows.exports import EXPORT_FORMATS, ExportError, export_view

    fmt = fmt or Path(out).suffix.lstrip(".").lower().replace("jsonl", "json")
    if fmt not in EXPORT_FORMATS:
        raise click.UsageError(f"give --format csv, json or parquet (the suffix of {out!r} does not say)")
    try:
        n = export_view(db_path, view, fmt, out)
    except (ExportError, WarehouseError) as exc:
        raise click.ClickException(shown(str(exc))) from None
    click.echo(f"{n} rows of {view} -> {out}")


@click.group("import")
def import_group() -> None:
    """Load reviews published elsewhere."""


@import_group.command("claimreview")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_db_option
def import_claimreview_command(file: str, db_path: str) -> None:
    """Load schema.org ClaimReview JSON-LD (another organisation's export) as reference verdicts,
    matched to claims by the document URL and the claim's words."""
    from claimhouse.flows.claimreview import ClaimReviewError, import_claimreviews

    with _writable(db_path) as con:
        try:
            result = import_claimreviews(con, file)
        except ClaimReviewError as exc:
            raise click.ClickException(shown(str(exc))) from None
    click.echo(f"{file}: {result['matched']} reviews matched to claims, {result['unmatched']} not matched")
    for reason in result["skipped"][:20]:
        click.echo(f"  skipped: {shown(reason)}", err=True)


# ---- report --------------------------------------------------------------------------
@click.command("report")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--since", metavar="last-run|TIMESTAMP",
              help="Only conflicts and updates found by the latest completed run, or since a timestamp.")
@click.option("--fact", "fact_id", default=None, help="Only this fact (a fact_id or a unique prefix).")
@_db_option
def report_command(out: str, since: str | None, fact_id: str | None, db_path: str) -> None:
    """Write ONE self-contained HTML file to read and share: conflicts side by side with their
    quotes in context, a chart per fact, reference checks and the run summary."""
    from claimhouse.flows.report import write_report
    from claimhouse.warehouse.db import WarehouseError

    try:
        size = write_report(db_path, out, since=since, fact_id=fact_id)
    except (WarehouseError, ValueError) as exc:
        raise click.ClickException(shown(str(exc))) from None
    click.echo(f"report -> {out} ({size:,} bytes)")


COMMANDS = (review, export_command, import_group, report_command)

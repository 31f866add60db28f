"""What a run found, for people who were not watching: a Prefect artifact per run (a markdown
summary and a table of new conflicts and contradicted checks, shown in the Prefect UI), and a
JSON POST to a webhook (`claimhouse serve --notify URL`) when the run found new conflicts.

Document text is escaped for each place: in markdown and tables HTML and markdown syntax are
escaped and terminal controls shown as \\x1b; the webhook's JSON escapes < > &, controls and
non-ASCII as \\u, so the receiver gets the exact text with nothing a page or terminal acts on."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import requests

from claimhouse.flows.claimreview import inert_json
from claimhouse.flows.output import shown
from claimhouse.warehouse.db import connect, load_sql
from claimhouse.warehouse.limits import WRITE_LIMITS, ReadLimits, WriteLimits

SUMMARY_KEY = "claimhouse-run-summary"
FINDINGS_KEY = "claimhouse-run-findings"
MAX_ROWS = 50          # rows in the table artifact and the webhook payload
WEBHOOK_TIMEOUT_S = 10.0
EVENT = "claimhouse.new_conflicts"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def cell(value) -> str:
    """A value for a markdown or table cell: controls shown, HTML escaped, one line."""
    if value is None:
        return ""
    return html.escape(shown(" ".join(str(value).split())), quote=True)


def md(value) -> str:
    """`cell`, with markdown syntax escaped too (no links, emphasis or tables from a document)."""
    return _MARKDOWN.sub(r"\\\1", cell(value))


def findings(db_path: str | Path, run_id: str, limit: int = MAX_ROWS, *,
             new_conflicts: bool = True, write_limits: WriteLimits = WRITE_LIMITS) -> dict[str, list[dict]]:
    """The run's new conflicts (worst first) and contradicted checks, at most `limit` of each. A run
    whose link step counted no new conflicting pair (`new_conflicts` false) shows none, so its
    conflicts are not looked for: the query holds hash tables over every value group of the
    warehouse, for a re-run that found nothing.

    The query runs within the run writer's limits (`write_limits`: its memory_limit, and its room
    for temporary files), not a reader's: a report on a run has to fit where the run fit. Under the
    reader's 1GB of memory and 1GB of temporary files, a 50,000-document first run could not
    publish its artifacts (it needed 2.6 GB of temporary files)."""
    reading = ReadLimits(memory_limit=write_limits.memory_limit,
                         max_temp_directory_size=write_limits.max_temp_directory_size)
    try:
        return _findings(db_path, run_id, limit, new_conflicts, reading)
    except duckdb.OutOfMemoryException:
        # DuckDB's hash tables and sorts are per thread: on one thread the query needs less memory
        # (at 50,000 documents it fits 256MB on one thread, not on two) and takes longer (18.2
        # instead of 12.6 s there), so it is tried that way only when it did not fit
        return _findings(db_path, run_id, limit, new_conflicts, replace(reading, threads=1))


def _findings(db_path: str | Path, run_id: str, limit: int, new_conflicts: bool,
              reading: ReadLimits) -> dict[str, list[dict]]:
    con = connect(db_path, read_only=True, limits=reading)
    try:
        out = {"conflicts": []}
        for name in ("conflicts", "checks") if new_conflicts else ("checks",):
            cur = con.execute(load_sql("queries", f"run_findings_{name}"), {"run_id": run_id, "limit": limit})
            names = [d[0] for d in cur.description]
            out[name] = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        return out
    finally:
        con.close()


def summary_markdown(summary: dict, found: dict[str, list[dict]]) -> str:
    lines = [
        f"# claimhouse run {md(summary['run_id'])}: {md(summary['status'])}",
        "",
        f"- documents: new {summary['docs_new']}, changed {summary['docs_changed']}, "
        f"unchanged {summary['docs_unchanged']}, failed {summary['docs_failed']}",
        f"- claims stored {summary['claims_added']}, removed {summary['claims_removed']}, "
        f"rows refused {summary['rows_rejected']}",
        f"- links new {summary['links_found']}, of which **conflicts {summary['conflicts_new']}**",
        f"- contradicted by a reference figure: {len(found['checks'])}",
    ]
    if found["conflicts"]:
        lines += ["", "## New conflicts, worst first", ""]
        lines += [f"{i}. \u201c{md(c['quote_a'])}\u201d ({md(c['title_a'] or c['uri_a'])}) vs "
                  f"\u201c{md(c['quote_b'])}\u201d ({md(c['title_b'] or c['uri_b'])}), severity {c['severity']:.2f}"
                  for i, c in enumerate(found["conflicts"][:10], start=1)]
    for failure in summary.get("failures", [])[:10]:
        lines.append(f"- failed: {md(failure)}")
    return "\n".join(lines) + "\n"


def findings_table(found: dict[str, list[dict]]) -> list[dict]:
    rows = [{"finding": "conflict", "claim": cell(c["quote_a"]), "document": cell(c["title_a"] or c["uri_a"]),
             "against": cell(c["quote_b"]), "other document": cell(c["title_b"] or c["uri_b"]),
             "why": cell(c["reason"])} for c in found["conflicts"]]
    rows += [{"finding": "contradicted", "claim": cell(x["quote"]), "document": cell(x["title"] or x["uri"]),
              "against": cell(f"{x['publisher']} ({x['reference_period']})"), "other document": "",
              "why": cell(x["reason"])} for x in found["checks"]]
    return rows


def publish_artifacts(db_path: str | Path, summary: dict,
                      write_limits: WriteLimits = WRITE_LIMITS) -> dict[str, list[dict]]:
    """Create the run's markdown and table artifacts (inside a flow run); returns the findings."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    found = findings(db_path, summary["run_id"], new_conflicts=summary["conflicts_new"] > 0,
                     write_limits=write_limits)
    create_markdown_artifact(key=SUMMARY_KEY, markdown=summary_markdown(summary, found),
                             description="What this claimhouse run found")
    create_table_artifact(key=FINDINGS_KEY, table=findings_table(found) or [{"finding": "none"}],
                          description="New conflicts and contradicted reference checks of this run")
    return found


def webhook_payload(summary: dict, found: dict[str, list[dict]], db_path: str | Path) -> dict:
    keep = ("run_id", "status", "docs_new", "docs_changed", "claims_added", "links_found", "conflicts_new")
    return {"event": EVENT, "warehouse": str(db_path), **{k: summary[k] for k in keep},
            "conflicts": found["conflicts"], "contradicted": found["checks"]}


def check_webhook(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"--notify needs an http(s) URL, not {url!r}")
    return url


def notify(url: str, payload: dict) -> int:
    """POST the payload as JSON; returns the HTTP status. Raises requests.RequestException."""
    body = inert_json(payload).encode("ascii")
    response = requests.post(check_webhook(url), data=body, timeout=WEBHOOK_TIMEOUT_S, allow_redirects=False,
                             headers={"Content-Type": "application/json", "User-Agent": "claimhouse"})
    return response.status_code


def after_run(db_path: str | Path, summary: dict, notify_url: str | None, logger,
              write_limits: WriteLimits = WRITE_LIMITS) -> None:
    """Publish the artifacts, and POST to the webhook when the run found new conflicts. A failure
    here is logged: the run's data is already committed."""
    try:
        found = publish_artifacts(db_path, summary, write_limits)
    except Exception as error:  # an artifact is a report on the run, not part of it
        logger.warning("could not publish the run's artifacts: %s", shown(str(error)))
        return
    if notify_url and summary["conflicts_new"] > 0:
        try:
            status = notify(notify_url, webhook_payload(summary, found, db_path))
        except (requests.RequestException, ValueError) as error:
            logger.warning("webhook %s failed: %s", shown(notify_url), shown(str(error)))
            return
        logger.info("webhook %s answered %s", shown(notify_url), status)

"""`claimhouse report`: ONE self-contained HTML file to read and share (inline CSS and SVG, no
script, nothing fetched): conflicts and updates (a later, higher figure of an evolving count)
side by side with both quotes highlighted in their sentence and paragraph, a chart per fact of
the values sources gave over time, reference checks and the run summary. Everything from a
document is escaped (flows/report/markup.py)."""
from __future__ import annotations

from pathlib import Path

from claimhouse.flows.report.gather import gather
from claimhouse.flows.report.page import render
from claimhouse.warehouse.db import connect

__all__ = ["write_report"]


def write_report(db_path: str | Path, out: str | Path, since: str | None = None, fact_id: str | None = None) -> int:
    """Write the report to `out`; returns its size in bytes."""
    con = connect(db_path, read_only=True)
    try:
        data = gather(con, since=since, fact_id=fact_id)
    finally:
        con.close()
    page = render(data).encode("utf-8")
    Path(out).write_bytes(page)
    return len(page)

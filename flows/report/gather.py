"""What the report shows, read from the warehouse's views (queries/report_*.sql)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from claimhouse.flows.report.markup import paragraph_around
from claimhouse.flows.review import fact_target
from claimhouse.schemas.vocab import CONFLICTS, UPDATES
from claimhouse.warehouse.db import load_sql

LAST_RUN = "last-run"
MAX_CONFLICTS = 200   # side-by-side cards of each relation; `claimhouse conflicts` and `claim_links` list the rest
MAX_FACTS = 40        # charts
MAX_CHECKS = 300      # reference-check rows


@dataclass
class Report:
    scope: str
    generated_at: dt.datetime
    run: dict
    conflicts: list[dict] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)  # later figures of an evolving count; side a the earlier
    facts: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    fact_id: str | None = None


def _dicts(con, name: str, params: dict) -> list[dict]:
    cur = con.execute(load_sql("queries", name), params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def scope_of(since: str | None) -> tuple[str, dt.datetime | None]:
    if since is None:
        return "all", None
    if since == LAST_RUN:
        return LAST_RUN, None
    try:
        stamp = dt.datetime.fromisoformat(since)
    except ValueError:
        raise ValueError(f"--since {since!r} is neither {LAST_RUN} nor an ISO date/timestamp") from None
    return "since", stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def gather(con, since: str | None = None, fact_id: str | None = None) -> Report:
    scope, stamp = scope_of(since)
    fact_key = None
    if fact_id is not None:
        fact_id, fact_key = fact_target(con, fact_id)
    (run,) = _dicts(con, "report_run", {})
    report = Report(scope=scope if scope != "since" else f"since {stamp.isoformat()}",
                    generated_at=dt.datetime.now(dt.timezone.utc), run=run, fact_id=fact_id)
    links = _dicts(con, "report_links", {"scope": scope, "since": stamp, "fact_key": fact_key,
                                         "limit": MAX_CONFLICTS})
    _add_paragraphs(con, links)
    report.conflicts = [k for k in links if k["relation"] == CONFLICTS]
    report.updates = [k for k in links if k["relation"] == UPDATES]
    report.facts = _dicts(con, "report_facts", {"fact_key": fact_key, "limit": MAX_FACTS})
    points = _dicts(con, "report_points", {"fact_keys": [f["fact_key"] for f in report.facts]})
    by_fact: dict[str, list[dict]] = {}
    for p in points:
        by_fact.setdefault(p["fact_key"], []).append(p)
    for f in report.facts:
        f["points"] = by_fact.get(f["fact_key"], [])
    report.checks = _dicts(con, "report_checks", {"fact_key": fact_key, "limit": MAX_CHECKS})
    return report


def _add_paragraphs(con, conflicts: list[dict]) -> None:
    ids = sorted({c[f"document_id_{s}"] for c in conflicts for s in "ab"})
    texts = dict(con.execute(load_sql("queries", "report_texts"), {"ids": ids}).fetchall()) if ids else {}
    for c in conflicts:
        for side in "ab":
            para, start, end = paragraph_around(texts.get(c[f"document_id_{side}"]), c[f"start_{side}"],
                                                c[f"end_{side}"])
            c[f"paragraph_{side}"], c[f"para_start_{side}"], c[f"para_end_{side}"] = para, start, end

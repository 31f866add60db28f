"""Publication dates pandas cannot hold (before 1677-09-22 or after 2262-04-11): the document is
stored without its date, `rejected_rows` says why, and the rest of the batch is stored."""
from __future__ import annotations

import datetime as dt

import pytest

from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow

FRONT_MATTER = {
    "far-future.md": "2262-04-12",
    "renaissance.md": "1500-01-01",
}
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Old wire</title><link>https://old.example/</link><description>d</description>
  <item><title>Year one</title><guid isPermaLink="false">https://old.example/year-one</guid>
    <description>About 40 ships sailed last year.</description>
    <pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>
</channel></rss>
"""


@pytest.fixture(scope="module")
def extreme_run(prefect_api, tmp_path_factory):
    root = tmp_path_factory.mktemp("extreme-dates")
    folder = root / "inbox"
    folder.mkdir()
    for name, published in FRONT_MATTER.items():
        (folder / name).write_text(f"---\ntitle: {name}\npublished: {published}\n---\n"
                                   "Some 300 boats crossed the strait last year.\n")
    (folder / "good.md").write_text("---\ntitle: good\npublished: 2024-05-01\n---\nAbout 12 ferries sank in 2023.\n")
    feed = root / "old.xml"
    feed.write_text(FEED)
    db = root / "warehouse.duckdb"
    summary = run_pipeline(sources=[str(folder), str(feed)], db_path=db)
    return db, summary


def test_documents_with_extreme_dates_are_stored_without_their_date(extreme_run, rows):
    db, summary = extreme_run
    stored = rows(db, "select title, published_at from documents order by title")
    assert (summary["status"], stored) == ("completed", [
        ("Year one", None), ("far-future.md", None), ("good", dt.date(2024, 5, 1)),
        ("renaissance.md", None)])


def test_each_dropped_date_is_recorded_with_its_reason(extreme_run, rows):
    db, _ = extreme_run
    recorded = rows(db, "select table_name, check_name, column_name, failure_case from rejected_rows "
                        "where table_name = 'documents' order by failure_case")
    assert recorded == [
        ("documents", "date_in_range", "published_at", f"{day} is outside 1677-09-22..2262-04-11: stored as null")
        for day in ("0001-01-01", "1500-01-01", "2262-04-12")]


def test_the_claims_of_a_document_with_an_extreme_date_are_stored(extreme_run, rows):
    db, _ = extreme_run
    quotes = rows(db, "select quote from claims order by quote")
    assert [q for (q,) in quotes] == ["About 12 ferries", "About 40 ships", "Some 300 boats", "Some 300 boats"]

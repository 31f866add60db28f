"""Polite, resilient fetching through the whole flow, against the local test site on 127.0.0.1:
retries, time limits, conditional GETs, feeds, tags from the sources file, per-host limits."""
import uuid

import pytest

from claimhouse.flows.ingest.http import MAX_REQUESTS_PER_HOST
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = [pytest.mark.flow, pytest.mark.net]

FAST_RETRIES = [0.05]  # one retry, 50 ms later


def _unique() -> str:
    return uuid.uuid4().hex[:12]


def _run(db_path, **kwargs):
    return run_pipeline(db_path=db_path, allow_private=True, retry_delays_s=FAST_RETRIES, **kwargs)


def test_a_503_is_retried_and_the_document_stored(site_server, db_path, rows):
    url = f"{site_server.base_url}/flaky/{_unique()}"
    summary = _run(db_path, sources=[url])
    attempts = rows(db_path, "select http_status, ok from fetch_log where uri = ? order by fetched_at", [url])
    stored = rows(db_path, "select source from documents where uri = ?", [url])
    assert (attempts, stored, summary["status"]) == ([(503, False), (200, True)], [(url,)], "completed")


def test_a_timeout_is_a_failure_in_fetch_log_and_the_run(site_server, tmp_path, db_path, rows):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.dripping]\nkind = "url"\nurl = "{site_server.base_url}/slow"\n'
                       "timeout_s = 0.5\nallow_private = true\n")
    summary = _run(db_path, sources_file=sources)
    attempts = rows(db_path, "select source, ok, error like 'timed out%' from fetch_log")
    status = rows(db_path, "select status, docs_failed from runs")
    assert (attempts, status, len(summary["failures"])) == (
        [("dripping", False, True)] * 2, [("completed_with_failures", 1)], 1)


def test_the_second_run_gets_a_304_and_leaves_the_document_alone(site_server, db_path, rows):
    url = f"{site_server.base_url}/etag.html?copy={_unique()}"
    _run(db_path, sources=[url])
    before = rows(db_path, "select version, fetched_at, content_sha256 from documents where uri = ?", [url])
    second = _run(db_path, sources=[url])
    log = rows(db_path, "select http_status, not_modified, bytes, ok from fetch_log where uri = ? "
                        "order by fetched_at", [url])
    served = [(status, size > 0) for path, status, size in site_server.sent if path.endswith(url[-12:])]
    after = rows(db_path, "select version, fetched_at, content_sha256 from documents where uri = ?", [url])
    assert log[1] == (304, True, 0, True) and log[0][:2] == (200, False)
    assert (served, after, second["docs_unchanged"], second["docs_new"]) == ([(200, True), (304, False)], before, 1, 0)


def test_each_feed_entry_becomes_a_document_with_the_source_tags(site_server, tmp_path, db_path, rows):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[defaults]\nallow_private = true\n\n[sources.ledger]\nkind = "feed"\n'
                       f'url = "{site_server.base_url}/feed.xml"\ntags = ["lakeside"]\n')
    summary = _run(db_path, sources_file=sources)
    docs = rows(db_path, "select title, tags, source from documents order by title")
    assert docs == [
        ("Ferry fares", ["lakeside"], "ledger"),
        ("Harbour traffic rises to a record", ["lakeside"], "ledger"),
        ("Rain report from the feed", ["weather", "lakeside"], "ledger"),
    ]
    assert (summary["sources_tried"], summary["docs_new"]) == (1, 3)


def test_at_most_two_requests_are_in_flight_per_host(site_server, db_path, rows):
    group = _unique()
    urls = [f"{site_server.base_url}/hold/{group}/{n}" for n in range(6)]
    summary = _run(db_path, sources=urls)
    assert (site_server.max_in_flight[group], summary["docs_new"]) == (MAX_REQUESTS_PER_HOST, 6)

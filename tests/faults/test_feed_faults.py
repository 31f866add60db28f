"""Feeds and conditional GETs that lie: an unsolicited 304, a guid naming another source's
document, a feed longer than its cut."""
from __future__ import annotations

import http.server
import threading
import uuid

import pytest

from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.http import fetch_url

LOCAL = FetchSettings(allow_private=True, timeout_s=5)

def run_pipeline(**kwargs):
    """The flow, imported when a flow test runs: the fast tests of this module import no Prefect."""
    from claimhouse.flows.pipeline_flow import run_pipeline as flow

    return flow(**kwargs)


@pytest.mark.net
def test_an_unsolicited_304_is_a_failure_not_unchanged(fault_site):
    document, record = fetch_url(f"{fault_site.base_url}/unsolicited-304", LOCAL)
    assert (document, record.ok, record.not_modified, record.http_status) == (None, False, False, 304)
    assert "not conditional" in record.error


@pytest.mark.net
def test_a_solicited_304_is_still_unchanged(fault_site):
    document, record = fetch_url(f"{fault_site.base_url}/unsolicited-304", LOCAL, etag='"v1"')
    assert (document, record.ok, record.not_modified) == (None, True, True)


def test_a_long_feed_is_cut_at_its_setting_and_the_cut_is_recorded(tmp_path):
    items = "".join(f"<item><title>Note {n}</title><guid isPermaLink='false'>note-{n}</guid>"
                    f"<description>About {n + 10} boats docked.</description></item>" for n in range(5))
    feed = tmp_path / "notes.xml"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>N</title>{items}</channel></rss>")
    (_, record), *entries = fetch_source(f"feed:{feed}", FetchSettings(max_feed_entries=3))
    assert (record.ok, record.entries, len(entries)) == (True, 5, 3)
    assert record.error == "feed cut: it lists 5 entries, only the first 3 are fetched (max_feed_entries=3)"


@pytest.mark.flow
def test_a_feed_entry_naming_another_sources_document_does_not_replace_it(tmp_path, db_path, rows):
    article = tmp_path / "wire" / "toll.md"
    article.parent.mkdir()
    article.write_text("---\nurl: https://wire.example/toll\n---\nThe storm killed 217 people in 2024.\n")
    first = run_pipeline(sources=[str(article.parent)], db_path=db_path)
    feed = tmp_path / "hostile.xml"
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>H</title><item><title>T</title>"
                    "<guid isPermaLink='false'>https://wire.example/toll</guid>"
                    "<description>The storm killed 3 people in 2024.</description></item></channel></rss>")
    second = run_pipeline(sources=[f"feed:{feed}"], db_path=db_path)
    assert (first["status"], second["status"]) == ("completed", "completed_with_failures")
    assert rows(db_path, "select text from document_texts") == [("The storm killed 217 people in 2024.\n",)]
    (error,) = rows(db_path, "select error from fetch_log where uri = 'https://wire.example/toll' and not ok")
    assert "names a document of source" in error[0] and "not applied" in error[0]


def local_feed(tmp_path, links: list[str]):
    items = "".join(f"<item><title>Entry {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    feed = tmp_path / f"feed-{uuid.uuid4().hex[:8]}.xml"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{items}</channel></rss>")
    return feed


@pytest.mark.net
def test_a_transient_entry_is_retried_in_place(fault_site, tmp_path):
    flaky = f"{fault_site.base_url}/flaky/entry-{uuid.uuid4().hex[:8]}"
    settings = FetchSettings(allow_private=True, entry_retry_delays_s=(0.05,))
    (_, feed), (_, first), (document, second) = fetch_source(f"feed:{local_feed(tmp_path, [flaky])}", settings)
    assert (first.ok, first.transient, first.http_status, second.ok, document is not None) == (
        False, True, 503, True, True)


@pytest.mark.net
@pytest.mark.flow
def test_a_transient_entry_does_not_retry_the_whole_source(fault_site, tmp_path, db_path, rows):
    key = uuid.uuid4().hex[:8]
    good, flaky = f"{fault_site.base_url}/plain.txt?{key}", f"{fault_site.base_url}/flaky/{key}"
    before = fault_site.hits["/plain.txt"]
    summary = run_pipeline(sources=[f"feed:{local_feed(tmp_path, [good, flaky])}"], db_path=db_path,
                           allow_private=True, retry_delays_s=[0.1])
    assert (summary["status"], summary["docs_failed"]) == ("completed", 0)
    assert fault_site.hits["/plain.txt"] - before == 1  # fetched once: the source was not run again
    assert rows(db_path, "select count(*) from documents") == [(2,)]


@pytest.mark.net
def test_a_source_stops_fetching_entries_when_its_time_budget_is_spent(fault_site, tmp_path):
    gates = [f"{fault_site.base_url}/gate/budget-{uuid.uuid4().hex[:8]}" for _ in range(6)]
    settings = FetchSettings(allow_private=True, timeout_s=0.5, source_budget_s=1.2, entry_retry_delays_s=())
    try:
        records = [r for _, r in fetch_source(f"feed:{local_feed(tmp_path, gates)}", settings)]
    finally:
        for gate in gates:  # the pages its fetches gave up on answer now, not 60 s into a later test
            fault_site.gates[gate.rsplit("/", 1)[1]].set()
    assert "source time budget spent (source_budget_s=1.2)" in records[-1].error
    assert len(records) < 1 + len(gates)  # the feed's record, some entries, then the budget's record


class RevisedSite(http.server.BaseHTTPRequestHandler):
    """/feed.xml (ETag "f1", 304 to it) lists /article.txt, whose text and ETag the test revises."""

    def do_GET(self) -> None:  # noqa: N802
        article = self.server.article
        if self.path == "/feed.xml":
            etag, body, mime = '"f1"', (f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item>"
                                        f"<title>Toll</title><link>http://127.0.0.1:{self.server.server_address[1]}"
                                        f"/article.txt</link></item></channel></rss>").encode(), "application/rss+xml"
        else:
            etag, body, mime = f'"a{len(article)}{article[-8:]}"', article.encode(), "text/plain; charset=utf-8"
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass


@pytest.fixture
def revised_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RevisedSite)
    server.daemon_threads = True
    server.article = "The storm killed 217 people in 2024.\n"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.net
def test_an_article_revised_under_an_unchanged_feed_is_fetched_again(revised_site):
    feed = f"feed:http://127.0.0.1:{revised_site.server_address[1]}/feed.xml"
    first = list(fetch_source(feed, LOCAL))
    validators = {r.uri: (r.etag, r.last_modified) for _, r in first if r.etag}
    revised_site.article = "The storm killed 219 people in 2024.\n"
    texts = [d.text for d, _ in fetch_source(feed, LOCAL, validators) if d is not None]
    assert texts == ["The storm killed 219 people in 2024.\n"]

"""Feeds and conditional GETs that lie: an unsolicited 304, a guid naming another source's
document, a feed longer than its cut."""
from __future__ import annotations

import pytest

from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.http import fetch_url
from claimhouse.flows.pipeline_flow import run_pipeline

LOCAL = FetchSettings(allow_private=True, timeout_s=5)


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

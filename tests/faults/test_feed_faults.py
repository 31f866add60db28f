"""Feeds and conditional GETs that lie: an unsolicited 304, a guid naming another source's
document, a feed longer than its cut."""
from __future__ import annotations

import pytest

from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.http import fetch_url

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

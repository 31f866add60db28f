"""Feeds and conditional GETs that lie: an unsolicited 304, a guid naming another source's
document, a feed longer than its cut."""
from __future__ import annotations

import pytest

from claimhouse.flows.ingest.attempts import FetchSettings
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

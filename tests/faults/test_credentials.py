"""Credentials in source URLs (http://user:pass@host/) are used to fetch but never stored:
documents.uri, every fetch_log column and the run's printed failures show http://***@host/."""
from __future__ import annotations

import pytest

from claimhouse.flows.ingest.attempts import mask_credentials
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = [pytest.mark.flow, pytest.mark.net]
SECRET = "hunter2-secret"


@pytest.mark.parametrize(("text", "expected"), [
    ("http://alice:pw@host/a", "http://***@host/a"),
    ("cannot fetch https://bob@host:8080/x?q=1 (HTTP 404)", "cannot fetch https://***@host:8080/x?q=1 (HTTP 404)"),
    ("feed:http://u:p@h/rss and http://plain.example/", "feed:http://***@h/rss and http://plain.example/"),
    ("http://host/a@b", "http://host/a@b"),  # an @ in the path is not user info
])
def test_mask_credentials(text, expected):
    assert mask_credentials(text) == expected


def test_credentials_in_a_source_url_are_never_stored(fault_site, db_path, rows):
    host = fault_site.base_url.removeprefix("http://")
    sources = [f"http://reader:{SECRET}@{host}/plain.txt", f"http://reader:{SECRET}@{host}/404"]
    summary = run_pipeline(sources=sources, db_path=db_path, allow_private=True, retry_delays_s=[])
    stored = rows(db_path, "select uri, source from documents") + rows(db_path, "select * from fetch_log")
    assert len(stored) == 3 and SECRET not in repr(stored) and SECRET not in repr(summary["failures"])
    assert rows(db_path, "select uri from documents") == [(f"http://***@{host}/plain.txt",)]

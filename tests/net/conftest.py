"""The local test site (tests/net/site.py) on 127.0.0.1, for the fetch tests."""
from __future__ import annotations

import pytest

from tests.net.site import start_site


@pytest.fixture(scope="session")
def site_server():
    """The local test site; `.base_url`, `.sent`, `.max_in_flight`, ..."""
    server, thread = start_site()
    yield server
    server.stop()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def site(site_server):
    """Base URL of the local test site, e.g. http://127.0.0.1:40123."""
    return site_server.base_url

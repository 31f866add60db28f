"""DNS rebinding: a name that answers a public address to the guard and 127.0.0.1 a moment
later must not reach loopback. A fake resolver stands in for DNS (socket.getaddrinfo, which
both the guard and urllib3 use), and a fake connect refuses anything but loopback, so nothing
leaves 127.0.0.1 whatever the code under test does."""
from __future__ import annotations

import socket

import pytest
import urllib3.util.connection

from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.http import fetch_url

pytestmark = pytest.mark.net

NAME = "rebind.example"
PUBLIC = "93.184.215.14"


@pytest.fixture
def rebinding(monkeypatch):
    """NAME resolves to PUBLIC once, then to 127.0.0.1; returns the hosts connections were opened to."""
    answers = iter([PUBLIC])
    real_getaddrinfo, real_connect = socket.getaddrinfo, urllib3.util.connection.create_connection
    opened: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == NAME:
            address = next(answers, "127.0.0.1")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        host = address[0]
        opened.append(host)
        if host not in (NAME, "127.0.0.1"):
            raise ConnectionRefusedError(111, "test network: only loopback")
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    return opened


def test_the_connection_goes_to_the_address_the_guard_checked(site_server, rebinding):
    port = site_server.server_address[1]
    before = site_server.hits["/plain.txt"]
    document, record = fetch_url(f"http://{NAME}:{port}/plain.txt", FetchSettings(timeout_s=5))
    assert (document, record.ok, rebinding) == (None, False, [PUBLIC])
    assert site_server.hits["/plain.txt"] == before  # loopback was never reached


def test_the_host_header_keeps_the_name(site_server, monkeypatch):
    """With the checked address pinned, the request still names its host (and TLS its SNI)."""
    port = site_server.server_address[1]
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: real_getaddrinfo(
        "127.0.0.1" if host == NAME else host, *a, **k))
    document, record = fetch_url(f"http://{NAME}:{port}/headers", FetchSettings(allow_hosts=(NAME,)))
    assert record.ok and f"Host: {NAME}:{port}" in document.text


def test_a_redirect_from_an_allowed_host_to_the_metadata_address_is_refused(site):
    settings = FetchSettings(allow_hosts=("127.0.0.1",), timeout_s=5)
    document, record = fetch_url(f"{site}/redirect-to/http://169.254.169.254/latest/meta-data", settings)
    assert document is None and record.error.startswith("refused private address 169.254.169.254 for http://169.254.169.254/")


def test_an_allowed_host_is_fetched(site):
    document, record = fetch_url(f"{site}/plain.txt", FetchSettings(allow_hosts=("127.0.0.0/8",)))
    assert record.ok and document.text

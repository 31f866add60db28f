"""The address guard's deny list and per-host allow lists (flows/ingest/addresses.py)."""
from __future__ import annotations

import pytest

from claimhouse.flows.ingest import http
from claimhouse.flows.ingest.addresses import AllowList, is_public_address
from claimhouse.flows.ingest.attempts import FetchError, FetchSettings
from claimhouse.flows.ingest.http import check_url

# Each hides a private or metadata address, or is a range this Python's tables let through.
HIDDEN = {
    "6to4-loopback": "2002:7f00:1::",
    "6to4-metadata": "2002:a9fe:a9fe::1",
    "site-local": "fec0::1",
    "ipv4-compatible-loopback": "::127.0.0.1",
    "ipv4-mapped-metadata": "::ffff:169.254.169.254",
    "ipv4-translated-loopback": "::ffff:0:7f00:1",
    "nat64-loopback": "64:ff9b::7f00:1",
    "nat64-local-use": "64:ff9b:1::a9fe:a9fe",
    "teredo": "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "discard": "100::1",
    "benchmarking": "198.18.0.1",
    "6to4-relay": "192.88.99.1",
}


@pytest.mark.parametrize("address", list(HIDDEN.values()), ids=list(HIDDEN))
def test_an_address_hiding_a_private_one_is_not_public(address):
    assert is_public_address(address) is False


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5", "8.8.8.8"])
def test_a_public_address_stays_public(address):
    assert is_public_address(address) is True


def resolving(monkeypatch, table: dict[str, list[str]]) -> None:
    monkeypatch.setattr(http, "resolve_host", lambda host, port, url: table[host])


@pytest.mark.parametrize(("allow", "host", "address", "allowed"), [
    (["10.0.0.5"], "10.0.0.5", "10.0.0.5", True),
    (["10.0.0.5"], "10.0.0.6", "10.0.0.6", False),
    (["192.168.0.0/24"], "192.168.0.77", "192.168.0.77", True),
    (["192.168.0.0/24"], "192.168.1.77", "192.168.1.77", False),
    (["intranet.example"], "intranet.example", "10.1.2.3", True),
    (["intranet.example"], "other.example", "10.1.2.3", False),
    (["intranet.example"], "intranet.example", "169.254.169.254", False),  # a name never opens link-local
    (["0.0.0.0/0"], "meta", "169.254.169.254", False),  # nor does a wide network
    (["::/0"], "meta6", "fe80::1", False),
    (["169.254.169.254"], "169.254.169.254", "169.254.169.254", True),  # named: allowed
])
def test_allow_hosts_opens_only_what_it_names(monkeypatch, allow, host, address, allowed):
    resolving(monkeypatch, {host: [address]})
    settings = FetchSettings(allow_hosts=tuple(allow))
    if allowed:
        check_url(f"http://{host}/feed.xml", settings)
    else:
        with pytest.raises(FetchError, match="^refused private address"):
            check_url(f"http://{host}/feed.xml", settings)


def test_the_private_address_error_names_the_option_and_the_sources_file_key(monkeypatch):
    resolving(monkeypatch, {"intranet.example": ["10.1.2.3"]})
    with pytest.raises(FetchError) as error:
        check_url("http://intranet.example/a", FetchSettings())
    message = str(error.value)
    assert "--allow-host intranet.example" in message and 'allow_hosts = ["intranet.example"]' in message
    assert "FetchSettings" not in message


@pytest.mark.parametrize("entry", ["", "10.0.0.0/33", "http://x/", "a b"])
def test_a_bad_allow_hosts_entry_is_refused(entry):
    with pytest.raises(ValueError):
        AllowList.parse([entry])

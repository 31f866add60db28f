"""The pure guards of claimhouse.flows.ingest: addresses, schemes, binary sniffing, decoding."""
from __future__ import annotations

import re

import pytest

from claimhouse.flows.ingest.attempts import FetchError, FetchSettings
from claimhouse.flows.ingest.decoding import binary_kind, decode_bytes
from claimhouse.flows.ingest.http import check_url, is_public_address


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.215.14", True), ("2606:4700::6810:84e5", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("240.0.0.1", False), ("::1", False), ("fe80::1%eth0", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("::", False),
])
def test_is_public_address(address, public):
    assert is_public_address(address) is public


@pytest.mark.parametrize("url", ["http://10.0.0.5/admin", "http://[::1]:8080/", "https://169.254.169.254/meta"])
def test_check_url_refuses_private_literals(url):
    with pytest.raises(FetchError, match=f"^refused private address .* for {re.escape(url)}:"):
        check_url(url, FetchSettings())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "data:text/plain,hi", "//no-scheme"])
def test_check_url_refuses_other_schemes(url):
    with pytest.raises(FetchError, match="^unsupported URL scheme"):
        check_url(url, FetchSettings(allow_private=True))


def test_plain_text_is_not_binary():
    assert binary_kind("Prix: 3 € – ok".encode()) is None


def test_a_declared_charset_is_used_when_utf8_fails():
    assert decode_bytes("Öl kostet 80 €".encode("iso-8859-15"), "x", declared="iso-8859-15") == "Öl kostet 80 €"


@pytest.mark.parametrize("declared", ["no-such-charset", "hex"])
def test_an_unusable_declared_charset_falls_back_to_a_guess(declared):
    assert decode_bytes("Café crème".encode("latin-1"), "x", declared=declared) == "Café crème"

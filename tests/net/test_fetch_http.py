"""fetch_source / fetch_url / fetch_feed against the local test site (127.0.0.1 only)."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from claimhouse.flows.ingest import http
from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.http import CHUNK_BYTES, MAX_REQUESTS_PER_HOST, fetch_url

pytestmark = pytest.mark.net

LOCAL = FetchSettings(allow_private=True, timeout_s=2.0)
BOILERPLATE_MARKERS = ("NAV-MARKER", "HEADER-MARKER", "FOOTER-MARKER", "SCRIPT-MARKER", "STYLE-MARKER",
                       "AD-MARKER", "SPONSOR-MARKER", "ASIDE-MARKER", "trackingConfig", "font-family")


def fetch_one(url: str, settings: FetchSettings = LOCAL, **kwargs):
    (pair,) = fetch_source(url, settings, **kwargs)
    return pair


def test_html_page_is_reduced_to_its_main_text(site):
    document, record = fetch_one(f"{site}/article.html")
    assert "4.2 million tonnes of cargo" in document.text
    assert [marker for marker in BOILERPLATE_MARKERS if marker in document.text] == []
    assert "<" not in document.text
    assert document.title == "Harbour traffic rises to a record"
    assert document.published_at == date(2025, 10, 14)
    assert (record.ok, record.http_status, record.bytes > 0) == (True, 200, True)


def test_plain_text_page_is_kept_as_is(site):
    document, _ = fetch_one(f"{site}/plain.txt")
    assert document.text.startswith("Rainfall report for the lake district\n\nThe weather service")


def test_a_404_is_recorded_while_the_other_sources_load(site):
    sources = [f"{site}/article.html", f"{site}/404", f"{site}/plain.txt"]
    results = [pair for source in sources for pair in fetch_source(source, LOCAL)]
    outcomes = [(document is not None, record.ok) for document, record in results]
    assert outcomes == [(True, True), (False, False), (True, True)]
    assert results[1][1].error == f"HTTP 404 Not Found for {site}/404"
    assert (results[1][1].http_status, results[1][1].transient) == (404, False)


def test_a_500_is_marked_transient(site):
    _, record = fetch_one(f"{site}/500")
    assert (record.ok, record.http_status, record.transient) == (False, 500, True)


def test_a_dripping_server_is_cut_off_within_the_time_cap(site):
    # /slow announces 1,000 bytes and drips one every DRIP_INTERVAL_S (500 s in all): the 1 s cap
    # stops the read after a few bytes. Counted in bytes, not wall time: a loaded machine can only
    # make the server drip slower, so fewer bytes, never more.
    settings = FetchSettings(allow_private=True, timeout_s=1.0)
    _, record = fetch_one(f"{site}/slow", settings)
    assert (record.ok, record.transient, "timed out" in record.error) == (False, True, True)
    assert record.bytes < 100


def test_an_endless_body_stops_at_max_bytes(site):
    settings = FetchSettings(allow_private=True, max_bytes=300_000)
    _, record = fetch_one(f"{site}/big", settings)
    assert (record.ok, record.error.startswith("body over max_bytes=300000")) == (False, True)
    assert settings.max_bytes < record.bytes <= settings.max_bytes + CHUNK_BYTES


def test_redirects_are_followed_and_the_final_url_recorded(site):
    document, record = fetch_one(f"{site}/redirect-to/plain.txt")
    assert (document.uri, record.final_url) == (f"{site}/redirect-to/plain.txt", f"{site}/plain.txt")


def test_a_redirect_loop_is_an_error(site):
    _, record = fetch_one(f"{site}/redirect-loop")
    assert record.error == f"redirect loop at {site}/redirect-loop for {site}/redirect-loop"


@pytest.mark.parametrize(("hops", "ok"), [(5, True), (6, False)])
def test_at_most_five_redirects_are_followed(site, hops, ok):
    url = f"{site}/" + "redirect-to/" * hops + "plain.txt"
    _, record = fetch_one(url)
    assert (record.ok, record.error) == (ok, None if ok else f"too many redirects (more than 5) for {url}")


def test_an_unexpected_content_type_is_an_error(site):
    _, record = fetch_one(f"{site}/image.png")
    assert (record.error, record.bytes) == (f"unexpected content type image/png from {site}/image.png", 0)


def test_a_second_fetch_with_the_etag_is_not_modified(site):
    url = f"{site}/etag.html"
    _, first = fetch_one(url)
    document, second = fetch_one(url, validators={url: (first.etag, first.last_modified)})
    assert first.etag == '"article-v1"'
    assert (document, second.ok, second.not_modified, second.http_status) == (None, True, True, 304)
    assert second.etag == '"article-v1"'


def test_feed_entries_become_documents_with_titles(site):
    (_, feed), *entries = fetch_source(f"{site}/feed.xml", LOCAL)
    assert (feed.ok, feed.uri, feed.entries) == (True, f"{site}/feed.xml", 3)
    assert [(document.title, document.published_at) for document, _ in entries] == [
        ("Rain report from the feed", date(2025, 10, 7)),  # plain text: the feed's title wins
        ("Harbour traffic rises to a record", date(2025, 10, 14)),  # HTML: the page's own title
        ("Ferry fares", date(2025, 10, 15)),
    ]


def test_a_feed_entry_without_a_link_becomes_a_document_from_its_content(site):
    *_, (document, record) = fetch_source(f"{site}/feed.xml", LOCAL)
    assert document.uri == f"{site}/feed.xml#ferry-fares-2025"
    assert document.text == "Ferry fares rise by 5 percent in January."
    assert record.ok


def test_an_atom_feed_given_with_the_feed_prefix(site):
    (_, feed), (document, _) = fetch_source(f"feed:{site}/atom.xml", LOCAL)
    assert (feed.ok, document.uri, document.title) == (True, f"{site}/plain.txt", "Rain report (atom)")


def test_xml_that_is_not_a_feed_is_an_error(site):
    _, record = fetch_one(f"{site}/notxml.xml")
    assert (record.ok, record.error) == (False, f"not an RSS/Atom feed: {site}/notxml.xml")


def test_a_charset_declared_as_latin1_is_read_as_windows_1252(site):
    document, _ = fetch_one(f"{site}/cp1252.txt")
    assert document.text == "Prices rose \u201c3 percent\u201d \u2013 caf\u00e9 owners said."


def test_the_user_agent_comes_from_the_settings(site):
    settings = FetchSettings(allow_private=True, user_agent="claimhouse-test-agent/9")
    document, _ = fetch_one(f"{site}/headers", settings)
    assert "User-Agent: claimhouse-test-agent/9" in document.text.splitlines()


def test_conditional_headers_are_sent(site):
    stamp = "Tue, 14 Oct 2025 08:30:00 GMT"
    document, _ = fetch_url(f"{site}/headers", LOCAL, etag='"v7"', last_modified=stamp)
    lines = document.text.splitlines()
    assert ('If-None-Match: "v7"' in lines, f"If-Modified-Since: {stamp}" in lines) == (True, True)


def test_a_gzip_body_is_decompressed_and_counted_decompressed(site):
    document, record = fetch_one(f"{site}/gzip.txt")
    line = "Squeezed: 7 percent.\n"
    assert (document.text.count(line), record.bytes) == (5000, len(line) * 5000)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)"])
def test_non_http_schemes_are_refused(url):
    _, record = fetch_url(url, LOCAL)
    assert (record.ok, record.error.startswith("unsupported URL scheme")) == (False, True)


def test_a_private_address_is_refused_unless_allowed(site):
    _, record = fetch_one(f"{site}/plain.txt", FetchSettings())
    assert record.error.startswith(f"refused private address 127.0.0.1 for {site}/plain.txt")


def test_every_redirect_hop_is_checked(site, monkeypatch):
    # Pretend 127.0.0.1 is public, so only the hop to "localhost" is private.
    resolve = http.resolve_host
    monkeypatch.setattr(http, "resolve_host", lambda host, port, url: (
        ["93.184.215.14"] if host == "127.0.0.1" else resolve(host, port, url)))
    port = site.rsplit(":", 1)[1]
    _, record = fetch_one(f"{site}/redirect-to/http://localhost:{port}/plain.txt", FetchSettings())
    assert record.error.startswith("refused private address ")
    assert f" for http://localhost:{port}/plain.txt" in record.error


def test_the_host_limit_holds_while_the_server_is_slow_to_finish_its_replies(site_server):
    # A reply is whole once its last byte is written, and its client may send the next request
    # then, while the server thread that wrote it has not finished (as a thread descheduled on
    # a loaded machine): counted as in flight, the reply made three of two (issue 11).
    group = uuid.uuid4().hex[:12]
    urls = [f"{site_server.base_url}/hold/{group}/{n}?seconds=0.2&linger=0.4" for n in range(6)]
    with ThreadPoolExecutor(len(urls)) as pool:
        oks = [record.ok for _, record in pool.map(fetch_one, urls)]
    assert (site_server.max_in_flight[group], oks) == (MAX_REQUESTS_PER_HOST, [True] * 6)

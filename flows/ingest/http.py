"""Guarded HTTP: scheme and address checks on every hop, redirects, content type and size
limits, a wall-clock cap per request (a watchdog), host slots and conditional GETs.

Politeness: a User-Agent naming claimhouse, conditional GETs (ETag / Last-Modified), and at most
MAX_REQUESTS_PER_HOST requests in flight per host across all threads of the process (sources are
fetched concurrently); the time cap of a request starts once it has its slot.
"""
from __future__ import annotations

import ipaddress
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, nullcontext, suppress
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.ingest.addresses import AllowList, is_public_address
from claimhouse.flows.ingest.attempts import STOP_REQUESTED, Attempt, FetchError, FetchSettings, Response, utc_now
from claimhouse.flows.ingest.decoding import SNIFF_BYTES, decode_bytes, is_feed_bytes
from claimhouse.flows.ingest.local import first_line_title, html_text_or_fail, require_text

HTTP_SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
XML_TYPES = FEED_TYPES + ("application/xml", "text/xml")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
TRANSIENT_STATUSES = (408, 425, 429)  # and every 5xx
MAX_REDIRECTS = 5
MAX_REQUESTS_PER_HOST = 2
CHUNK_BYTES = 65_536
WATCHDOG_POLL_S = 0.05  # how often a fired watchdog looks for a connection still being set up
STOP_POLL_S = 0.25  # how often a watchdog looks whether the process is stopping
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)


class HostSlots:
    """At most `limit` requests in flight per host (host:port), shared by every thread."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._guard = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def held(self, url: str) -> Iterator[float]:
        """Hold one slot of the URL's host; yields the seconds spent waiting for it."""
        parts = urlsplit(url)
        host = f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
        with self._guard:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.limit))
        started = time.monotonic()
        with slot:
            yield time.monotonic() - started


HOST_SLOTS = HostSlots(MAX_REQUESTS_PER_HOST)
_IN_FLIGHT = threading.local()  # .watchdog: the watchdog of the request this thread is making


class _Watchdog:
    """Shuts the connection of one request down at its deadline, whatever the request is
    waiting for. Socket timeouts count each read alone: a server that drips its status line
    and headers a byte at a time would otherwise hold a request far beyond `timeout_s`."""

    def __init__(self, deadline: float, address: str | None = None) -> None:
        self.deadline = deadline
        self.address = address  # the checked address a new connection must go to (None: the URL's own)
        self.connection = None  # set by _WatchedPool when the request takes its connection
        self.fired = False
        self._done = threading.Event()

    def __enter__(self) -> _Watchdog:
        _IN_FLIGHT.watchdog = self
        threading.Thread(target=self._watch, name="fetch-watchdog", daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        _IN_FLIGHT.watchdog = None
        self._done.set()

    def _watch(self) -> None:
        while not STOP_REQUESTED.is_set():
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                break
            if self._done.wait(min(remaining, STOP_POLL_S)):
                return
        self.fired = True
        while not self._done.is_set():  # the connection may still be being set up
            sock = getattr(self.connection, "sock", None)
            if sock is not None:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                return
            self._done.wait(WATCHDOG_POLL_S)


class _WatchedPool:
    """A urllib3 connection pool that hands each request's connection to its watchdog."""

    def _get_conn(self, timeout: float | None = None):
        connection = super()._get_conn(timeout)
        watchdog = getattr(_IN_FLIGHT, "watchdog", None)
        if watchdog is not None:
            watchdog.connection = connection
        return connection


class _PinnedConnection:
    """A urllib3 connection that opens its socket to the address the guard checked, not to
    whatever the name resolves to a moment later (DNS rebinding). Only the socket's target
    changes: the Host header, TLS SNI and the certificate check still use the name."""

    def _new_conn(self):
        watchdog = getattr(_IN_FLIGHT, "watchdog", None)
        address = watchdog.address if watchdog is not None else None
        if address is None:
            return super()._new_conn()
        name, self._dns_host = self._dns_host, address
        try:
            return super()._new_conn()
        finally:
            self._dns_host = name


class _PinnedHTTPConnection(_PinnedConnection, urllib3.connection.HTTPConnection):
    pass


class _PinnedHTTPSConnection(_PinnedConnection, urllib3.connection.HTTPSConnection):
    pass


class _WatchedHTTPPool(_WatchedPool, urllib3.HTTPConnectionPool):
    ConnectionCls = _PinnedHTTPConnection


class _WatchedHTTPSPool(_WatchedPool, urllib3.HTTPSConnectionPool):
    ConnectionCls = _PinnedHTTPSConnection


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


def fetch_url(
    url: str,
    settings: FetchSettings | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    *,
    session: requests.Session | None = None,
    source: str | None = None,
    now: Callable[[], datetime] | None = None,
) -> tuple[Document | None, FetchRecord]:
    """One http(s) page -> (Document, record); (None, record) on 304 or failure. Never raises."""
    settings = settings or FetchSettings()
    attempt = Attempt(source or url, url, now or utc_now)
    with open_session(settings) if session is None else nullcontext(session) as http:
        try:
            response = http_get(http, url, settings, etag, last_modified)
            document = None if response.status == 304 else page_document(response, url, attempt, settings)
        except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
            return None, attempt.failed(error)
    return document, attempt.responded(response)


def http_get(session: requests.Session, url: str, settings: FetchSettings,
             etag: str | None = None, last_modified: str | None = None) -> Response:
    """GET with the guards: scheme and address checked on every hop, at most 5 redirects,
    content type, max_bytes and a wall-clock cap (a watchdog); one host slot held per hop.
    Raises FetchError."""
    headers = {"If-None-Match": etag, "If-Modified-Since": last_modified}
    headers = {name: value for name, value in headers.items() if value}
    visited = [url]
    deadline = None
    for _ in range(MAX_REDIRECTS + 1):
        hop = visited[-1]
        if STOP_REQUESTED.is_set():
            raise FetchError(f"the run was stopped before fetching {hop}")
        address = check_url(hop, settings)
        with HOST_SLOTS.held(hop) as waited:  # time spent waiting for a slot is not fetch time
            deadline = time.monotonic() + settings.timeout_s if deadline is None else deadline + waited
            with _Watchdog(deadline, address) as watchdog:
                response = _send(session, hop, headers, settings, deadline, watchdog)
                with closing(response):
                    location = response.headers.get("Location")
                    if response.status_code not in REDIRECT_STATUSES or not location:
                        return _read(response, hop, settings, deadline, etag, last_modified)
        target = urljoin(hop, location)
        if target in visited:
            raise FetchError(f"redirect loop at {target} for {url}", http_status=response.status_code)
        visited.append(target)
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS}) for {url}",
                     http_status=response.status_code)


def check_url(url: str, settings: FetchSettings) -> str | None:
    """Refuse schemes other than http(s) and non-public addresses (unless allow_private, or the
    host or its address is in allow_hosts). Returns the checked address a connection to a host
    name must use (None for an address literal, or with allow_private)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in HTTP_SCHEMES:
        raise FetchError(f"unsupported URL scheme {parts.scheme!r} in {url}: only http and https are fetched")
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise FetchError(f"bad port in URL {url}: {error}") from error
    if not host:
        raise FetchError(f"no host in URL {url}")
    if settings.allow_private:
        return None
    allowed = AllowList.parse(settings.allow_hosts)
    addresses = resolve_host(host, port or (443 if parts.scheme.lower() == "https" else 80), url)
    for address in addresses:
        if not is_public_address(address) and not allowed.allows(host, address):
            raise FetchError(
                f"refused private address {address} for {url}: loopback, private, link-local and "
                f"reserved hosts are fetched only when allowed: --allow-host {host} on the command line, "
                f"allow_hosts = [\"{host}\"] for the source in the sources file (or --allow-private / "
                "allow_private = true for every address)"
            )
    return None if _is_address(host) else addresses[0]


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def resolve_host(host: str, port: int, url: str) -> list[str]:
    """Every address `host` resolves to (the connection may use any of them)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve host {host} for {url}: {error.strerror}",
                         transient=error.errno == socket.EAI_AGAIN) from error
    except UnicodeError as error:
        raise FetchError(f"bad host name {host!r} in {url}") from error
    return sorted({info[4][0] for info in infos})


def open_session(settings: FetchSettings) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies or .netrc from the environment: the guard sees the real host
    session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    session.headers["User-Agent"] = settings.user_agent
    adapter = _WatchedAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _send(session: requests.Session, url: str, headers: dict[str, str], settings: FetchSettings,
          deadline: float, watchdog: _Watchdog) -> requests.Response:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"timed out after {settings.timeout_s:g} s fetching {url}", transient=True)
    timeout = min(settings.timeout_s, remaining)
    try:
        return session.get(url, headers=headers, stream=True, allow_redirects=False,
                           timeout=(timeout, timeout))
    except requests.RequestException as error:
        if watchdog.fired or isinstance(error, requests.Timeout):  # the watchdog cut the connection
            raise FetchError(f"timed out after {settings.timeout_s:g} s waiting for {url}",
                             transient=True) from error
        raise _request_error(error, url) from error


def _request_error(error: requests.RequestException, url: str) -> FetchError:
    if isinstance(error, requests.exceptions.SSLError):
        return FetchError(f"TLS error for {url}: {error}")
    if isinstance(error, requests.ConnectionError):
        return FetchError(f"connection failed for {url}: {error}", transient=True)
    return FetchError(f"request failed for {url}: {error}")


def _read(response: requests.Response, url: str, settings: FetchSettings, deadline: float,
          etag: str | None, last_modified: str | None) -> Response:
    status = response.status_code
    mime, charset = _content_type(response.headers.get("Content-Type"))
    conditional = bool(etag or last_modified)
    etag = response.headers.get("ETag") or etag
    last_modified = response.headers.get("Last-Modified") or last_modified
    if status == 304 and not conditional:  # nothing to be unchanged from: not a reply to this request
        raise FetchError(f"HTTP 304 Not Modified for {url}, but the request was not conditional "
                         "(no ETag or Last-Modified was sent): nothing was fetched", http_status=status)
    if status == 304:
        return Response(url, status, b"", mime, charset, etag, last_modified)
    if not 200 <= status < 300:
        transient = status >= 500 or status in TRANSIENT_STATUSES
        reason = f"HTTP {status} {response.reason or ''}".rstrip()
        raise FetchError(f"{reason} for {url}", transient=transient, http_status=status)
    if mime is not None and mime not in settings.allowed_content_types:
        raise FetchError(f"unexpected content type {mime} from {url}", http_status=status)
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > settings.max_bytes:
        raise FetchError(f"response of {length} bytes is over max_bytes={settings.max_bytes} for {url}",
                         http_status=status)
    body = _read_body(response, url, settings, deadline)
    return Response(url, status, body, mime, charset, etag, last_modified)


def _read_body(response: requests.Response, url: str, settings: FetchSettings, deadline: float) -> bytes:
    """Stream the body; stop at max_bytes or at the deadline (read1: no waiting for full chunks;
    the watchdog cuts a read still waiting at the deadline)."""
    chunks, size = [], 0
    try:
        while chunk := response.raw.read1(CHUNK_BYTES, decode_content=True):
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(f"body over max_bytes={settings.max_bytes} ({size} bytes read) for {url}",
                                 http_status=response.status_code, bytes_read=size)
            if time.monotonic() > deadline:
                break
            chunks.append(chunk)
    except urllib3.exceptions.ReadTimeoutError as error:
        raise FetchError(f"timed out reading {url} ({size} bytes read)", transient=True,
                         http_status=response.status_code, bytes_read=size) from error
    except urllib3.exceptions.DecodeError as error:
        raise FetchError(f"cannot decode the compressed body of {url}: {error}",
                         http_status=response.status_code, bytes_read=size) from error
    except (urllib3.exceptions.HTTPError, OSError) as error:
        if time.monotonic() <= deadline:  # else the watchdog cut the connection: a timeout
            raise FetchError(f"connection broken reading {url} ({size} bytes read): {error}", transient=True,
                             http_status=response.status_code, bytes_read=size) from error
    if time.monotonic() > deadline:  # also when the watchdog's cut looked like the end of the body
        raise FetchError(f"timed out after {settings.timeout_s:g} s reading {url} ({size} bytes read)",
                         transient=True, http_status=response.status_code, bytes_read=size)
    return b"".join(chunks)


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    mime, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return mime.strip().lower() or None, charset


def page_document(response: Response, url: str, attempt: Attempt, settings: FetchSettings) -> Document:
    """A Document from an HTML or text response."""
    if response.mime in XML_TYPES or is_feed_bytes(response.body):
        raise FetchError(f"{url} is an RSS/Atom feed or XML, not a page; fetch it as a feed "
                         f"(feed:{url})", http_status=response.status)
    text = decode_bytes(response.body, url, declared=response.charset)
    sniffed = response.mime is None and _HTML_SNIFF.search(text[:SNIFF_BYTES]) is not None
    is_html = response.mime in HTML_TYPES or sniffed
    if is_html:
        page = html_text_or_fail(text, url, settings, url)
        text, title, published = page.text, page.title, page.published_at
    else:
        title, published = first_line_title(text, markdown=response.mime == "text/markdown"), None
    require_text(text, url)
    content_type = response.mime or ("text/html" if is_html else "text/plain")
    return Document(uri=url, text=text, fetched_at=attempt.fetched_at, title=title,
                    published_at=published, source=attempt.source, content_type=content_type)

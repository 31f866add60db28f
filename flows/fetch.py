"""IO: files, folders, http(s) URLs and RSS/Atom feeds -> Document + FetchRecord.

Plain functions; `flows/tasks.py` adds retries. `fetch_source` never raises for a bad source: it
yields `(None, FetchRecord(ok=False, error=...))` and the caller goes on. A failed record's
`extra["transient"]` says whether a retry can help (5xx, 408/429, timeouts, dropped connections).

Politeness: a User-Agent naming claimhouse, conditional GETs (ETag / Last-Modified), and at most
MAX_REQUESTS_PER_HOST requests in flight per host across all threads of the process (sources are
fetched concurrently); the time cap of a request starts once it has its slot.
"""
from __future__ import annotations

import codecs
import io
import ipaddress
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager, nullcontext, suppress
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import feedparser
import requests
import urllib3

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.front_matter import FrontMatterError, parse_front_matter
from claimhouse.flows.html_text import TITLE_MAX_CHARS, html_to_text

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
FEED_SUFFIXES = (".xml", ".rss", ".atom")
FEED_PREFIX = "feed:"
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
SNIFF_BYTES = 8_192
BINARY_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
)
UNICODE_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared charsets read as the superset browsers use (WHATWG): "Latin-1" pages are Windows-1252.
CHARSET_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030"}
# When charset_normalizer finds several equally clean decodings (short texts), prefer these.
GUESS_PREFERENCE = ("cp1252", "gb18030", "cp1251", "shift_jis", "euc_kr", "big5")
GUESS_CHAOS_TIE = 0.01
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# A feed's root element, after any XML declaration, comments and doctype.
_FEED_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits and guards for one run of fetches."""

    timeout_s: float = 20.0
    max_bytes: int = 20_000_000
    user_agent: str = "claimhouse/0.1 (+numeric claim checker)"
    allow_private: bool = False  # allow loopback/private/link-local targets (tests use 127.0.0.1)
    allowed_content_types: tuple[str, ...] = (
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown",
        "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
    )
    max_feed_entries: int = 200


class FetchError(Exception):
    """A source or document that could not be fetched. `transient` ones are worth a retry."""

    def __init__(self, message: str, *, transient: bool = False, http_status: int | None = None,
                 bytes_read: int = 0) -> None:
        super().__init__(message)
        self.transient = transient
        self.http_status = http_status
        self.bytes_read = bytes_read


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

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
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
        if self._done.wait(max(0.0, self.deadline - time.monotonic())):
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


class _WatchedHTTPPool(_WatchedPool, urllib3.HTTPConnectionPool):
    pass


class _WatchedHTTPSPool(_WatchedPool, urllib3.HTTPSConnectionPool):
    pass


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


@dataclass(frozen=True, slots=True)
class _Response:
    """A fully read HTTP response (or a 304)."""

    url: str
    status: int | None  # None for a local file
    body: bytes
    mime: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None


class _Attempt:
    """Times one fetch and turns its outcome into a FetchRecord."""

    def __init__(self, source: str, uri: str, now: Callable[[], datetime]) -> None:
        self.source, self.uri = source, uri
        self.fetched_at = now()
        self.started = time.monotonic()

    def record(self, ok: bool = True, **fields) -> FetchRecord:
        duration_s = round(time.monotonic() - self.started, 3)
        return FetchRecord(source=self.source, uri=self.uri, fetched_at=self.fetched_at, ok=ok,
                           duration_s=duration_s, **fields)

    def responded(self, response: _Response, **extra) -> FetchRecord:
        if response.url != self.uri:
            extra["final_url"] = response.url
        return self.record(http_status=response.status, bytes=len(response.body),
                           not_modified=response.status == 304, etag=response.etag,
                           last_modified=response.last_modified, extra=extra)

    def failed(self, error: Exception) -> FetchRecord:
        if isinstance(error, FetchError):
            return self.record(False, error=str(error), http_status=error.http_status,
                               bytes=error.bytes_read, extra={"transient": error.transient})
        message = f"unexpected {type(error).__name__} fetching {self.uri}: {error}"
        return self.record(False, error=message, extra={"transient": False})


@dataclass(frozen=True, slots=True)
class _Run:
    """What the fetches of one source share."""

    source: str
    settings: FetchSettings
    validators: Mapping[str, tuple[str | None, str | None]]
    now: Callable[[], datetime]
    session: requests.Session


# ---- dispatch ---------------------------------------------------------------------------------

def fetch_source(
    source: str,
    settings: FetchSettings | None = None,
    validators: Mapping[str, tuple[str | None, str | None]] | None = None,
    now: Callable[[], datetime] | None = None,
    name: str | None = None,
) -> Iterator[tuple[Document | None, FetchRecord]]:
    """Every document of one source: a folder, a file, an http(s) URL (page or feed), feed:<x>.

    `validators` maps a URL to the (etag, last_modified) of its previous fetch. Documents and
    records carry `name` as their source (default: the source string itself).
    """
    settings = settings or FetchSettings()
    validators = validators or {}
    now = now or _utc_now
    label = name or source
    target = source.strip()
    path = Path(target).expanduser()
    scheme = urlsplit(target).scheme.lower()
    if not target:
        yield _failure(label, source, now, "empty source: give a path or a URL")
    elif target.lower().startswith(FEED_PREFIX):
        feed = target[len(FEED_PREFIX):]
        feed = "http:" + feed if feed.startswith("//") else feed
        yield from fetch_feed(feed, settings, validators, now=now, source=label)
    elif path.is_dir():
        for file in expand_local(path):
            yield _fetch_file(file, label, settings, now)
    elif path.is_file() and path.suffix.lower() in FEED_SUFFIXES:
        yield from fetch_feed(path, settings, validators, now=now, source=label)
    elif path.is_file():
        yield _fetch_file(path, label, settings, now)
    elif path.exists():
        yield _failure(label, target, now, f"not a regular file or folder: {target}")
    elif scheme in HTTP_SCHEMES:
        with _session(settings) as session:
            yield from _fetch_http_source(target, _Run(label, settings, validators, now, session))
    elif len(scheme) > 1:  # one letter is a Windows drive
        yield _failure(label, target, now, f"unsupported source {target}: scheme {scheme!r} is not "
                       "fetched; give a file or folder path, an http(s) URL, or feed:<url or path>")
    else:
        yield _failure(label, target, now, f"no such file or folder: {target}")


def expand_local(path: str | os.PathLike) -> list[Path]:
    """A file -> [it]; a folder -> its .txt/.md/.html/.htm files, recursively, sorted.

    Hidden files and folders (".git", ".cache") are skipped; symlinked folders are not followed.
    """
    root = Path(path).expanduser()
    if not root.is_dir():
        return [root] if root.is_file() else []
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(
            Path(folder, name) for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
        )
    return sorted(found)


def _fetch_file(path: Path, source: str, settings: FetchSettings,
                now: Callable[[], datetime]) -> tuple[Document | None, FetchRecord]:
    attempt = _Attempt(source, path.resolve().as_uri(), now)
    try:
        document, size = _load_file(path, settings, source, attempt.fetched_at)
    except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
        return None, attempt.failed(error)
    return document, attempt.record(bytes=size)


def _failure(source: str, uri: str, now: Callable[[], datetime], message: str) -> tuple[None, FetchRecord]:
    return None, _Attempt(source, uri, now).failed(FetchError(message))


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


# ---- local files --------------------------------------------------------------------------------

def load_file(path: str | os.PathLike, *, settings: FetchSettings | None = None,
              source: str | None = None, now: Callable[[], datetime] | None = None) -> Document:
    """One local .txt/.md (front matter allowed) or .html/.htm file. Raises FetchError."""
    path = Path(path)
    document, _ = _load_file(path, settings or FetchSettings(), source or str(path), (now or _utc_now)())
    return document


def _load_file(path: Path, settings: FetchSettings, source: str,
               fetched_at: datetime) -> tuple[Document, int]:
    data = _read_file(path, settings)
    text = decode_bytes(data, str(path))
    uri = path.resolve().as_uri()
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        _require_text(page.text, str(path))
        document = Document(uri=uri, text=page.text, fetched_at=fetched_at, title=page.title,
                            published_at=page.published_at, source=source, content_type="text/html")
        return document, len(data)
    try:
        meta = parse_front_matter(text, str(path))
    except FrontMatterError as error:
        raise FetchError(str(error)) from error
    _require_text(meta.body, str(path))
    document = Document(
        uri=meta.url or uri,
        text=meta.body,
        fetched_at=fetched_at,
        title=meta.title or first_line_title(meta.body, markdown=suffix == ".md"),
        published_at=meta.published,
        source=source,
        content_type="text/markdown" if suffix == ".md" else "text/plain",
        tags=meta.tags,
    )
    return document, len(data)


def _read_file(path: Path, settings: FetchSettings) -> bytes:
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise FetchError(f"file of {size} bytes is over max_bytes={settings.max_bytes}: {path}")
        return path.read_bytes()
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror}") from error


def first_line_title(text: str, markdown: bool = False) -> str | None:
    """The first non-empty line, stripped (and without '#' marks in Markdown), at most 200 chars."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip() if markdown else line.strip()
        if line:
            return line[:TITLE_MAX_CHARS]
    return None


def _require_text(text: str, name: str) -> None:
    if not text.strip():
        raise FetchError(f"empty document: {name}")


# ---- bytes -> str -------------------------------------------------------------------------------

def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """UTF-8 (BOM stripped); else the declared or <meta> charset; else charset_normalizer's guess.

    Raises FetchError for binary content (NUL bytes, or a PDF/image/archive signature).
    """
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    kind = binary_kind(data)
    if kind is not None:
        raise FetchError(f"binary file ({kind}) is not a text document: {name}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[:SNIFF_BYTES])
    for label in (declared, meta and meta.group(1).decode("ascii", "ignore")):
        encoding = _codec(label)
        if encoding is not None:
            try:
                return data.decode(encoding)
            except (UnicodeError, LookupError):  # LookupError: "hex" is no text encoding
                continue
    return _guess_decode(data)


def binary_kind(data: bytes) -> str | None:
    """'PDF', 'PNG', ... for known signatures, 'NUL bytes' for other binary data, else None."""
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return "NUL bytes" if b"\x00" in data[:SNIFF_BYTES] else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return CHARSET_SUPERSETS.get(name, name)


LEGACY_HIGH_SHARE = 0.3  # CJK encodings use two high bytes per character; Latin text a few


def _guess_decode(data: bytes) -> str:
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    multibyte = sum(1 for char in lenient if char > "\x7f") - invalid
    if multibyte > invalid:  # mostly UTF-8 with a few broken bytes
        return lenient
    high = sum(1 for b in data if b >= 0x80)
    if high <= LEGACY_HIGH_SHARE * len(data):
        try:  # a few accented letters or curly quotes in Latin text: Windows-1252 (a superset of Latin-1)
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return data.decode("cp1252", errors="replace")
    lowest = min(match.chaos for match in matches)
    clean = [match for match in matches if match.chaos <= lowest + GUESS_CHAOS_TIE]
    for encoding in GUESS_PREFERENCE:
        if any(encoding in match.could_be_from_charset for match in clean):
            return data.decode(encoding, errors="replace")
    return str(clean[0])


# ---- http ---------------------------------------------------------------------------------------

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
    attempt = _Attempt(source or url, url, now or _utc_now)
    with _session(settings) if session is None else nullcontext(session) as http:
        try:
            response = _http_get(http, url, settings, etag, last_modified)
            document = None if response.status == 304 else _page(response, url, attempt)
        except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
            return None, attempt.failed(error)
    return document, attempt.responded(response)


def _http_get(session: requests.Session, url: str, settings: FetchSettings,
             etag: str | None = None, last_modified: str | None = None) -> _Response:
    """GET with the guards: scheme and address checked on every hop, at most 5 redirects,
    content type, max_bytes and a wall-clock cap (a watchdog); one host slot held per hop.
    Raises FetchError."""
    headers = {"If-None-Match": etag, "If-Modified-Since": last_modified}
    headers = {name: value for name, value in headers.items() if value}
    visited = [url]
    deadline = None
    for _ in range(MAX_REDIRECTS + 1):
        hop = visited[-1]
        check_url(hop, settings)
        with HOST_SLOTS.held(hop) as waited:  # time spent waiting for a slot is not fetch time
            deadline = time.monotonic() + settings.timeout_s if deadline is None else deadline + waited
            with _Watchdog(deadline) as watchdog:
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


def check_url(url: str, settings: FetchSettings) -> None:
    """Refuse schemes other than http(s) and, unless allow_private, non-public addresses."""
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
        return
    for address in resolve_host(host, port or (443 if parts.scheme.lower() == "https" else 80), url):
        if not is_public_address(address):
            raise FetchError(
                f"refused private address {address} for {url}: loopback, private, link-local and "
                "reserved hosts are fetched only with FetchSettings(allow_private=True)"
            )


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


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses only."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    special = (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
               or ip.is_reserved or ip.is_unspecified)
    return ip.is_global and not special


def _session(settings: FetchSettings) -> requests.Session:
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
          etag: str | None, last_modified: str | None) -> _Response:
    status = response.status_code
    mime, charset = _content_type(response.headers.get("Content-Type"))
    etag = response.headers.get("ETag") or etag
    last_modified = response.headers.get("Last-Modified") or last_modified
    if status == 304:
        return _Response(url, status, b"", mime, charset, etag, last_modified)
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
    return _Response(url, status, body, mime, charset, etag, last_modified)


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


def _page(response: _Response, url: str, attempt: _Attempt) -> Document:
    """A Document from an HTML or text response."""
    if response.mime in XML_TYPES or _is_feed_bytes(response.body):
        raise FetchError(f"{url} is an RSS/Atom feed or XML, not a page; fetch it as a feed "
                         f"(feed:{url})", http_status=response.status)
    text = decode_bytes(response.body, url, declared=response.charset)
    sniffed = response.mime is None and _HTML_SNIFF.search(text[:SNIFF_BYTES]) is not None
    is_html = response.mime in HTML_TYPES or sniffed
    if is_html:
        page = html_to_text(text, url)
        text, title, published = page.text, page.title, page.published_at
    else:
        title, published = first_line_title(text, markdown=response.mime == "text/markdown"), None
    _require_text(text, url)
    content_type = response.mime or ("text/html" if is_html else "text/plain")
    return Document(uri=url, text=text, fetched_at=attempt.fetched_at, title=title,
                    published_at=published, source=attempt.source, content_type=content_type)


def _fetch_http_source(url: str, run: _Run) -> Iterator[tuple[Document | None, FetchRecord]]:
    """An http(s) source: a page, or a feed whose entries are fetched in turn."""
    attempt = _Attempt(run.source, url, run.now)
    try:
        response = _http_get(run.session, url, run.settings, *run.validators.get(url, (None, None)))
        is_feed = response.status != 304 and (response.mime in XML_TYPES or _is_feed_bytes(response.body))
        document = None if response.status == 304 or is_feed else _page(response, url, attempt)
    except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
        yield None, attempt.failed(error)
        return
    if is_feed:
        yield from _feed_documents(response, attempt, run)
    else:
        yield document, attempt.responded(response)


def _is_feed_bytes(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    for bom, encoding in UNICODE_BOMS:
        if head.startswith(bom):
            return bool(_FEED_ROOT.match(head.decode(encoding, errors="ignore")))
    return bool(_FEED_ROOT.match(head.decode("latin-1")))


# ---- feeds --------------------------------------------------------------------------------------

def fetch_feed(
    url_or_path: str | os.PathLike,
    settings: FetchSettings | None = None,
    validators: Mapping[str, tuple[str | None, str | None]] | None = None,
    *,
    now: Callable[[], datetime] | None = None,
    source: str | None = None,
) -> Iterator[tuple[Document | None, FetchRecord]]:
    """An RSS/Atom feed (URL or local file): first the feed's own record, then one per entry."""
    settings = settings or FetchSettings()
    target = os.fspath(url_or_path)
    with _session(settings) as session:
        run = _Run(source or target, settings, validators or {}, now or _utc_now, session)
        if urlsplit(target).scheme.lower() in HTTP_SCHEMES:
            attempt = _Attempt(run.source, target, run.now)
            read = partial(_http_get, session, target, settings, *run.validators.get(target, (None, None)))
        else:
            path = Path(target).expanduser()
            attempt = _Attempt(run.source, path.resolve().as_uri() if path.is_file() else target, run.now)
            read = partial(_feed_file, path, settings)
        try:
            response = read()
        except Exception as error:  # noqa: BLE001 - a bad feed is recorded and the run goes on
            yield None, attempt.failed(error)
            return
        yield from _feed_documents(response, attempt, run)


def _feed_file(path: Path, settings: FetchSettings) -> _Response:
    if not path.is_file():
        raise FetchError(f"no such feed file: {path}")
    return _Response(path.resolve().as_uri(), None, _read_file(path, settings), None, None, None, None)


def _feed_documents(response: _Response, attempt: _Attempt, run: _Run,
                    ) -> Iterator[tuple[Document | None, FetchRecord]]:
    if response.status == 304:
        yield None, attempt.responded(response, feed=True)
        return
    headers = {"content-location": response.url}
    if response.mime and response.charset:  # else feedparser reads the XML declaration
        headers["content-type"] = f"{response.mime}; charset={response.charset}"
    parsed = feedparser.parse(io.BytesIO(response.body), response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        error = FetchError(f"not an RSS/Atom feed: {attempt.uri}", http_status=response.status,
                           bytes_read=len(response.body))
        yield None, attempt.failed(error)
        return
    yield None, attempt.responded(response, feed=True, entries=len(parsed.entries))
    links = set()
    for number, entry in enumerate(parsed.entries[: run.settings.max_feed_entries], start=1):
        link = urljoin(response.url, entry["link"]) if entry.get("link") else None
        if link is None:
            yield _inline_entry(entry, number, attempt.uri, run)
        elif link not in links:
            links.add(link)
            yield _linked_entry(link, entry, run)


def _linked_entry(link: str, entry: Mapping, run: _Run) -> tuple[Document | None, FetchRecord]:
    """An entry with a link: the linked page is the document; the entry fills in its metadata."""
    etag, last_modified = run.validators.get(link, (None, None))
    document, record = fetch_url(link, run.settings, etag, last_modified, session=run.session,
                                 source=run.source, now=run.now)
    if document is None:
        return None, record
    title, published, tags = _entry_metadata(entry)
    if document.content_type in HTML_TYPES:  # a page's own title beats the feed's
        title = document.title or title
    else:  # a text page's title is only its first line: the feed's title is better
        title = title or document.title
    document = replace(document, title=title, published_at=document.published_at or published,
                       tags=document.tags or tags)
    return document, record


def _inline_entry(entry: Mapping, number: int, feed_uri: str,
                  run: _Run) -> tuple[Document | None, FetchRecord]:
    """An entry without a link: its content (or summary) is the document."""
    entry_id = entry.get("id") or f"entry-{number}"
    uri = entry_id if urlsplit(entry_id).scheme else f"{feed_uri}#{entry_id}"
    attempt = _Attempt(run.source, uri, run.now)
    detail = (entry.get("content") or [None])[0] or entry.get("summary_detail") or {}
    value, mime = detail.get("value", ""), detail.get("type") or "text/html"
    try:
        text = html_to_text(value).text if mime in HTML_TYPES else value
        _require_text(text, f"feed entry {uri}")
        title, published, tags = _entry_metadata(entry)
        document = Document(uri=uri, text=text, fetched_at=attempt.fetched_at, title=title,
                            published_at=published, source=run.source, content_type=mime, tags=tags)
    except Exception as error:  # noqa: BLE001 - a bad entry is recorded and the run goes on
        return None, attempt.failed(error)
    return document, attempt.record(bytes=len(value.encode("utf-8")), extra={"feed": feed_uri})


def _entry_metadata(entry: Mapping) -> tuple[str | None, date | None, tuple[str, ...]]:
    title = (entry.get("title") or "").strip()[:TITLE_MAX_CHARS] or None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    tags = tuple(tag["term"] for tag in entry.get("tags") or () if tag.get("term"))
    return title, published, tags

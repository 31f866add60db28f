"""What every fetch shares: its settings, its error, a read response, and the attempt that
turns an outcome into a FetchRecord. A failed record's `transient` says whether a retry can
help (5xx, 408/429, timeouts, dropped connections)."""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone

import requests

from claimhouse.flows.claims.model import Document, FetchRecord

# user:password@ (or user@) after a URL's scheme: never stored, logged or printed.
_USERINFO = re.compile(r"\b([a-z][a-z0-9+.-]*://)[^/?#@\s]*@", re.IGNORECASE)
MASKED_USERINFO = "***@"
# Set while the process is stopping (flows/stopping.py): requests in flight are cut, none start.
STOP_REQUESTED = threading.Event()


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits and guards for one run of fetches."""

    timeout_s: float = 20.0
    max_bytes: int = 20_000_000
    user_agent: str = "claimhouse/0.1 (+numeric claim checker)"
    allow_private: bool = False  # allow every loopback/private/link-local target (tests use 127.0.0.1)
    allow_hosts: tuple[str, ...] = ()  # or only these names, addresses and networks (flows/ingest/addresses.py)
    allowed_content_types: tuple[str, ...] = (
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown",
        "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
    )
    max_feed_entries: int = 200
    max_parse_s: float = 30.0  # reading one HTML page (parse, unwrap, main text) stops after this long
    source_budget_s: float = 600.0  # a feed's entries stop being fetched once its source took this long
    entry_retry_delays_s: tuple[float, ...] = (1.0, 4.0)  # a transient entry failure is retried after each


class FetchError(Exception):
    """A source or document that could not be fetched. `transient` ones are worth a retry."""

    def __init__(self, message: str, *, transient: bool = False, http_status: int | None = None,
                 bytes_read: int = 0) -> None:
        super().__init__(message)
        self.transient = transient
        self.http_status = http_status
        self.bytes_read = bytes_read


@dataclass(frozen=True, slots=True)
class Response:
    """A fully read HTTP response (or a 304)."""

    url: str
    status: int | None  # None for a local file
    body: bytes
    mime: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None


class Attempt:
    """Times one fetch and turns its outcome into a FetchRecord."""

    def __init__(self, source: str, uri: str, now: Callable[[], datetime]) -> None:
        self.source, self.uri = source, uri
        self.fetched_at = now()
        self.started = time.monotonic()

    def record(self, ok: bool = True, **fields) -> FetchRecord:
        duration_s = round(time.monotonic() - self.started, 3)
        return FetchRecord(source=self.source, uri=self.uri, fetched_at=self.fetched_at, ok=ok,
                           duration_s=duration_s, **fields)

    def responded(self, response: Response, **fields) -> FetchRecord:
        final_url = response.url if response.url != self.uri else None
        return self.record(http_status=response.status, bytes=len(response.body),
                           not_modified=response.status == 304, etag=response.etag,
                           last_modified=response.last_modified, final_url=final_url, **fields)

    def failed(self, error: Exception) -> FetchRecord:
        if isinstance(error, FetchError):
            return self.record(False, error=str(error), http_status=error.http_status,
                               bytes=error.bytes_read, transient=error.transient)
        message = f"unexpected {type(error).__name__} fetching {self.uri}: {error}"
        return self.record(False, error=message, transient=False)


@dataclass(frozen=True, slots=True)
class Run:
    """What the fetches of one source share."""

    source: str
    settings: FetchSettings
    validators: Mapping[str, tuple[str | None, str | None]]
    now: Callable[[], datetime]
    session: requests.Session


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def mask_credentials(text: str | None) -> str | None:
    """`text` with the user and password of every URL in it masked: http://***@host/."""
    return _USERINFO.sub(lambda m: m[1] + MASKED_USERINFO, text) if text else text


def masked(document: Document | None, record: FetchRecord) -> tuple[Document | None, FetchRecord]:
    """A fetch's outcome with credentials masked in every URI, name and error it carries."""
    fields = ("source", "uri", "error", "final_url", "feed_uri")
    record = replace(record, **{name: mask_credentials(getattr(record, name)) for name in fields})
    if document is not None:
        document = replace(document, uri=mask_credentials(document.uri), source=mask_credentials(document.source))
    return document, record

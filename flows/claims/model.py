"""The records the pure core passes around: plain frozen dataclasses."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One fetched document: its text and where it came from."""

    uri: str
    text: str
    fetched_at: datetime
    title: str | None = None
    published_at: date | None = None
    source: str | None = None
    content_type: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def content_sha256(self) -> str:
        return sha256_hex(self.text)

    @property
    def document_id(self) -> str:
        """Stable across versions: a document is identified by its URI."""
        return sha256_hex(self.uri)[:16]


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim found in a text. Offsets index the text it came from."""

    span_start: int
    span_end: int
    quote: str
    sentence: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str
    direction: str | None = None
    kind: str = "level"
    subject: str | None = None
    place: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_partial: bool = False
    modality: str = "asserted"
    attribution: str | None = None
    checkworthiness: float = 0.0
    interval_low: float | None = None  # the values the claim asserts (see intervals.py)
    interval_high: float | None = None
    sentence_start: int = 0


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """One attempt to fetch a source or one of its documents."""

    source: str
    uri: str
    fetched_at: datetime
    ok: bool
    http_status: int | None = None
    bytes: int = 0
    duration_s: float = 0.0
    error: str | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    transient: bool = False  # a failure a retry may fix: 5xx, 408/425/429, a timeout, a dropped connection
    final_url: str | None = None  # where the redirects ended, when not at `uri`
    is_feed: bool = False  # the record of an RSS/Atom feed itself (each entry has a record of its own)
    entries: int | None = None  # how many entries the feed listed (None on a 304)
    feed_uri: str | None = None  # the feed an entry without a link came from (its content is the document)
    mtime_ns: int | None = None  # a local file's modification time (with `bytes`, its size: unchanged -> not read)

"""RSS/Atom feeds (URL or local file): the feed's own record, then one document per entry,
the linked page or the entry's own content."""
from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.ingest.attempts import Attempt, FetchError, FetchSettings, Response, Run, utc_now
from claimhouse.flows.ingest.html_text import TITLE_MAX_CHARS
from claimhouse.flows.ingest.http import HTML_TYPES, HTTP_SCHEMES, fetch_url, http_get, open_session
from claimhouse.flows.ingest.local import html_text_or_fail, read_file, require_text

FEED_SUFFIXES = (".xml", ".rss", ".atom")
FEED_PREFIX = "feed:"


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
    with open_session(settings) as session:
        run = Run(source or target, settings, validators or {}, now or utc_now, session)
        if urlsplit(target).scheme.lower() in HTTP_SCHEMES:
            attempt = Attempt(run.source, target, run.now)
            # Unconditional: a 304 would hide the entries, and each entry has conditional GETs of its own
            # (an article revised since is fetched again although the feed did not change).
            read = partial(http_get, session, target, settings)
        else:
            path = Path(target).expanduser()
            attempt = Attempt(run.source, path.resolve().as_uri() if path.is_file() else target, run.now)
            read = partial(_feed_file, path, settings)
        try:
            response = read()
        except Exception as error:  # noqa: BLE001 - a bad feed is recorded and the run goes on
            yield None, attempt.failed(error)
            return
        yield from feed_documents(response, attempt, run)


def _feed_file(path: Path, settings: FetchSettings) -> Response:
    if not path.is_file():
        raise FetchError(f"no such feed file: {path}")
    return Response(path.resolve().as_uri(), None, read_file(path, settings), None, None, None, None)


def feed_documents(response: Response, attempt: Attempt, run: Run,
                    ) -> Iterator[tuple[Document | None, FetchRecord]]:
    if response.status == 304:
        yield None, attempt.responded(response, is_feed=True)
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
    listed, limit = len(parsed.entries), run.settings.max_feed_entries
    cut = (f"feed cut: it lists {listed} entries, only the first {limit} are fetched "
           f"(max_feed_entries={limit})") if listed > limit else None
    yield None, attempt.responded(response, is_feed=True, entries=listed, error=cut)  # ok, with the cut noted
    links = set()
    budget_ends = attempt.started + run.settings.source_budget_s
    entries = parsed.entries[:limit]
    for number, entry in enumerate(entries, start=1):
        if time.monotonic() > budget_ends:
            error = FetchError(f"source time budget spent (source_budget_s={run.settings.source_budget_s:g}): "
                               f"{len(entries) - number + 1} of {len(entries)} entries not fetched from {attempt.uri}")
            yield None, Attempt(run.source, attempt.uri, run.now).failed(error)
            return
        link = urljoin(response.url, entry["link"]) if entry.get("link") else None
        if link is None:
            yield _inline_entry(entry, number, attempt.uri, run)
        elif link not in links:
            links.add(link)
            yield from _linked_entry(link, entry, run, budget_ends)


def _linked_entry(link: str, entry: Mapping, run: Run,
                  budget_ends: float) -> Iterator[tuple[Document | None, FetchRecord]]:
    """An entry with a link: the linked page is the document; the entry fills in its metadata.
    A transient failure is retried here, after each of entry_retry_delays_s while the source's
    budget lasts (not by retrying the whole source); every attempt is yielded, the last one last."""
    etag, last_modified = run.validators.get(link, (None, None))
    for delay in (*run.settings.entry_retry_delays_s, None):
        document, record = fetch_url(link, run.settings, etag, last_modified, session=run.session,
                                     source=run.source, now=run.now)
        if record.ok or not record.transient or delay is None or time.monotonic() + delay > budget_ends:
            break
        yield None, record
        time.sleep(delay)
    yield _with_entry_metadata(document, record, entry)


def _with_entry_metadata(document: Document | None, record: FetchRecord,
                         entry: Mapping) -> tuple[Document | None, FetchRecord]:
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
                  run: Run) -> tuple[Document | None, FetchRecord]:
    """An entry without a link: its content (or summary) is the document."""
    entry_id = entry.get("id") or f"entry-{number}"
    uri = entry_id if urlsplit(entry_id).scheme else f"{feed_uri}#{entry_id}"
    attempt = Attempt(run.source, uri, run.now)
    detail = (entry.get("content") or [None])[0] or entry.get("summary_detail") or {}
    value, mime = detail.get("value", ""), detail.get("type") or "text/html"
    try:
        text = html_text_or_fail(value, uri, run.settings).text if mime in HTML_TYPES else value
        require_text(text, f"feed entry {uri}")
        title, published, tags = _entry_metadata(entry)
        document = Document(uri=uri, text=text, fetched_at=attempt.fetched_at, title=title,
                            published_at=published, source=run.source, content_type=mime, tags=tags)
    except Exception as error:  # noqa: BLE001 - a bad entry is recorded and the run goes on
        return None, attempt.failed(error)
    return document, attempt.record(bytes=len(value.encode("utf-8")), feed_uri=feed_uri)


def _entry_metadata(entry: Mapping) -> tuple[str | None, date | None, tuple[str, ...]]:
    title = (entry.get("title") or "").strip()[:TITLE_MAX_CHARS] or None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    tags = tuple(tag["term"] for tag in entry.get("tags") or () if tag.get("term"))
    return title, published, tags

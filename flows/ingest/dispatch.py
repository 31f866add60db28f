"""One source -> its documents: a folder, a file, an http(s) URL (page or feed), feed:<x>.

Plain functions; `flows/tasks.py` adds retries. `fetch_source` never raises for a bad source: it
yields `(None, FetchRecord(ok=False, error=...))` and the caller goes on; the record's
`transient` says whether a retry can help.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.ingest.attempts import Attempt, FetchError, FetchSettings, Run, masked, utc_now
from claimhouse.flows.ingest.decoding import is_feed_bytes
from claimhouse.flows.ingest.feeds import FEED_PREFIX, FEED_SUFFIXES, feed_documents, fetch_feed
from claimhouse.flows.ingest.http import HTTP_SCHEMES, XML_TYPES, http_get, open_session, page_document
from claimhouse.flows.ingest.local import FileStates, fetch_file, file_uri, walk_folder


def fetch_source(
    source: str,
    settings: FetchSettings | None = None,
    validators: Mapping[str, tuple[str | None, str | None]] | None = None,
    now: Callable[[], datetime] | None = None,
    name: str | None = None,
    file_states: FileStates | None = None,
) -> Iterator[tuple[Document | None, FetchRecord]]:
    """Every document of one source: a folder, a file, an http(s) URL (page or feed), feed:<x>.

    `validators` maps a URL to the (etag, last_modified) of its previous fetch. Documents and
    records carry `name` as their source (default: the source string itself). Credentials in
    URLs (http://user:pass@host/) are used to fetch, and masked in everything yielded.
    `file_states` maps a local file's URI to its (size, mtime_ns) when last published: such a
    file is not read (a not-modified record).
    """
    for document, record in _fetch_source(source, settings, validators, now, name, file_states):
        yield masked(document, record)


def _fetch_source(source: str, settings: FetchSettings | None,
                  validators: Mapping[str, tuple[str | None, str | None]] | None,
                  now: Callable[[], datetime] | None, name: str | None,
                  file_states: FileStates | None = None,
                  ) -> Iterator[tuple[Document | None, FetchRecord]]:
    settings = settings or FetchSettings()
    validators = validators or {}
    now = now or utc_now
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
        files, errors = walk_folder(path)
        for error in errors:  # an unreadable folder (the source itself, or one inside it)
            folder = Path(error.filename or path)
            yield _failure(label, file_uri(folder), now, f"cannot read folder {folder}: {error.strerror}")
        for file in files:
            yield fetch_file(file, label, settings, now, file_states)
    elif path.is_file() and path.suffix.lower() in FEED_SUFFIXES:
        yield from fetch_feed(path, settings, validators, now=now, source=label)
    elif path.is_file():
        yield fetch_file(path, label, settings, now, file_states)
    elif path.exists():
        yield _failure(label, target, now, f"not a regular file or folder: {target}")
    elif scheme in HTTP_SCHEMES:
        with open_session(settings) as session:
            yield from _fetch_http_source(target, Run(label, settings, validators, now, session))
    elif len(scheme) > 1:  # one letter is a Windows drive
        yield _failure(label, target, now, f"unsupported source {target}: scheme {scheme!r} is not "
                       "fetched; give a file or folder path, an http(s) URL, or feed:<url or path>")
    else:
        yield _failure(label, target, now, f"no such file or folder: {target}")


def _fetch_http_source(url: str, run: Run) -> Iterator[tuple[Document | None, FetchRecord]]:
    """An http(s) source: a page, or a feed whose entries are fetched in turn."""
    attempt = Attempt(run.source, url, run.now)
    try:
        response = http_get(run.session, url, run.settings, *run.validators.get(url, (None, None)))
        is_feed = response.status != 304 and (response.mime in XML_TYPES or is_feed_bytes(response.body))
        document = None if response.status == 304 or is_feed else page_document(response, url, attempt, run.settings)
    except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
        yield None, attempt.failed(error)
        return
    if is_feed:
        yield from feed_documents(response, attempt, run)
    else:
        yield document, attempt.responded(response)


def _failure(source: str, uri: str, now: Callable[[], datetime], message: str) -> tuple[None, FetchRecord]:
    return None, Attempt(source, uri, now).failed(FetchError(message))


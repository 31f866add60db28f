"""Local files and folders: a folder's text and HTML files, one file -> Document."""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.ingest.attempts import Attempt, FetchError, FetchSettings, utc_now
from claimhouse.flows.ingest.decoding import decode_bytes
from claimhouse.flows.ingest.front_matter import FrontMatterError, parse_front_matter
from claimhouse.flows.ingest.html_text import TITLE_MAX_CHARS, html_to_text

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


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


def fetch_file(path: Path, source: str, settings: FetchSettings,
               now: Callable[[], datetime]) -> tuple[Document | None, FetchRecord]:
    """One local file -> (Document, record); (None, record) on failure. Never raises."""
    attempt = Attempt(source, path.resolve().as_uri(), now)
    try:
        document, size = _load_file(path, settings, source, attempt.fetched_at)
    except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
        return None, attempt.failed(error)
    return document, attempt.record(bytes=size)


def load_file(path: str | os.PathLike, *, settings: FetchSettings | None = None,
              source: str | None = None, now: Callable[[], datetime] | None = None) -> Document:
    """One local .txt/.md (front matter allowed) or .html/.htm file. Raises FetchError."""
    path = Path(path)
    document, _ = _load_file(path, settings or FetchSettings(), source or str(path), (now or utc_now)())
    return document


def _load_file(path: Path, settings: FetchSettings, source: str,
               fetched_at: datetime) -> tuple[Document, int]:
    data = read_file(path, settings)
    text = decode_bytes(data, str(path))
    uri = path.resolve().as_uri()
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        require_text(page.text, str(path))
        document = Document(uri=uri, text=page.text, fetched_at=fetched_at, title=page.title,
                            published_at=page.published_at, source=source, content_type="text/html")
        return document, len(data)
    try:
        meta = parse_front_matter(text, str(path))
    except FrontMatterError as error:
        raise FetchError(str(error)) from error
    require_text(meta.body, str(path))
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


def read_file(path: Path, settings: FetchSettings) -> bytes:
    """The file's bytes, refused over max_bytes. Raises FetchError."""
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


def require_text(text: str, name: str) -> None:
    if not text.strip():
        raise FetchError(f"empty document: {name}")

"""Local files and folders: a folder's text and HTML files, one file -> Document."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from claimhouse.flows.claims.model import Document, FetchRecord
from claimhouse.flows.ingest.attempts import Attempt, FetchError, FetchSettings, utc_now
from claimhouse.flows.ingest.decoding import decode_bytes
from claimhouse.flows.ingest.front_matter import FrontMatterError, parse_front_matter
from claimhouse.flows.ingest.html_text import TITLE_MAX_CHARS, HtmlText, ParseTimeExceeded, html_to_text

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
READ_CHUNK_BYTES = 1 << 20
# Opened without blocking (a FIFO would wait for a writer) and without becoming a controlling tty.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))

# file URI -> (size in bytes, st_mtime_ns) as of the last run that published it
FileStates = Mapping[str, tuple[int, int]]
RACY_WINDOW_NS = 2_000_000_000  # a file modified less than this before it was read is read again next run


def expand_local(path: str | os.PathLike) -> list[Path]:
    """A file -> [it]; a folder -> its .txt/.md/.html/.htm files, recursively, sorted.

    Hidden files and folders (".git", ".cache") are skipped; symlinked folders are not followed.
    """
    root = Path(path).expanduser()
    if not root.is_dir():
        return [root] if root.is_file() else []
    return walk_folder(root)[0]


def walk_folder(root: Path) -> tuple[list[Path], list[OSError]]:
    """A folder's .txt/.md/.html/.htm files, recursively, sorted, and the error of each folder
    (the root included) that could not be listed."""
    found, errors = [], []
    for folder, subfolders, files in os.walk(root, onerror=errors.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(
            Path(folder, name) for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
        )
    return sorted(found), errors


def file_uri(path: Path) -> str:
    """The file: URI of the resolved path; of the path as given when it cannot be resolved (a loop)."""
    try:
        return path.resolve().as_uri()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return path.absolute().as_uri()


def fetch_file(path: Path, source: str, settings: FetchSettings, now: Callable[[], datetime],
               file_states: FileStates | None = None) -> tuple[Document | None, FetchRecord]:
    """One local file -> (Document, record); (None, record) on failure. Never raises.

    A regular file whose size and mtime_ns equal its entry in `file_states` (uri -> (size,
    mtime_ns) of the last published run) is not opened: (None, a not_modified record)."""
    attempt = Attempt(source, file_uri(path), now)
    try:
        info = os.stat(path)
    except OSError:
        info = None  # read_file records why (a loop, a vanished file, no permission)
    if info is not None and stat.S_ISREG(info.st_mode) and file_states \
            and file_states.get(attempt.uri) == (info.st_size, info.st_mtime_ns):
        return None, attempt.record(bytes=info.st_size, mtime_ns=info.st_mtime_ns, not_modified=True)
    try:
        document, size = _load_file(path, settings, source, attempt.fetched_at)
    except Exception as error:  # noqa: BLE001 - a bad document is recorded and the run goes on
        return None, attempt.failed(error)
    mtime_ns = trusted_mtime_ns(info.st_mtime_ns, attempt.fetched_at) if info is not None else None
    return document, attempt.record(bytes=size, mtime_ns=mtime_ns)


def trusted_mtime_ns(mtime_ns: int, read_at: datetime) -> int | None:
    """The mtime to remember for a file read at `read_at`; None (read it again next time) when
    it was modified so shortly before that a rewrite of the same size could keep the same
    mtime (file systems stamp in coarse ticks: git's "racy" files)."""
    return mtime_ns if read_at.timestamp() * 1e9 - mtime_ns >= RACY_WINDOW_NS else None


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
    uri = file_uri(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        page = html_text_or_fail(text, str(path), settings)
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
    """The bytes of a regular file (a symlink's target too), refused over max_bytes, also when it
    grows while read. FIFOs, devices, sockets and folders are refused unopened. Raises FetchError."""
    try:
        _require_regular(os.stat(path), path, settings)  # before open: a device is never opened
        fd = os.open(path, OPEN_FLAGS)
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror}") from error
    try:
        _require_regular(os.fstat(fd), path, settings)  # what was opened, should the path have changed
        chunks, size = [], 0
        while chunk := os.read(fd, READ_CHUNK_BYTES):
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(f"file over max_bytes={settings.max_bytes} ({size} bytes read): {path}",
                                 bytes_read=size)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror}") from error
    finally:
        os.close(fd)


def _require_regular(info: os.stat_result, path: Path, settings: FetchSettings) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in FILE_KINDS if test(info.st_mode)), "not a file")
        raise FetchError(f"not a regular file ({kind}): {path}")
    if info.st_size > settings.max_bytes:
        raise FetchError(f"file of {info.st_size} bytes is over max_bytes={settings.max_bytes}: {path}")


def first_line_title(text: str, markdown: bool = False) -> str | None:
    """The first non-empty line, stripped (and without '#' marks in Markdown), at most 200 chars."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip() if markdown else line.strip()
        if line:
            return line[:TITLE_MAX_CHARS]
    return None


def html_text_or_fail(html: str, name: str, settings: FetchSettings, url: str | None = None) -> HtmlText:
    """html_to_text of the page `name` under the settings' parse-time limit. Raises FetchError."""
    try:
        return html_to_text(html, url, max_parse_s=settings.max_parse_s)
    except ParseTimeExceeded as error:
        raise FetchError(f"{error}: {name}") from error


def require_text(text: str, name: str) -> None:
    if not text.strip():
        raise FetchError(f"empty document: {name}")

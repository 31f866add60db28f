"""The JSON lines `claimhouse extract --jsonl` reads: {"id": ..., "text": ..., "published": ..., "source": ...}.

Each line is read on its own from a byte stream, at most `max_line_bytes` of it held at once,
so one hostile line (invalid UTF-8, JSON nested 100,000 deep, a lone surrogate, a date Python
cannot hold, 1 GB without a newline) is a `BadLine` naming its problem and the next line is read.
No Prefect, no DuckDB."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

MAX_LINE_BYTES = 20_000_000  # as a document's max_bytes
_SKIP_CHUNK = 1 << 20


class BadLine(ValueError):
    """A line that is not a JSON object with a string `text`; the message says why."""


@dataclass(frozen=True)
class Item:
    id: Any
    text: str
    published: date | None
    source: str | None = None  # the page's URL: its country's dollar is a bare `$`


def read_lines(stream: IO[bytes], max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[int, Item | BadLine]]:
    """(line number, Item or BadLine) for each non-blank line of `stream`."""
    n = 0
    while True:
        raw = stream.readline(max_line_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            _skip_to_line_end(stream)
            yield n, BadLine(f"line over {max_line_bytes} bytes (--max-line-bytes)")
            continue
        if not raw.strip():
            continue
        try:
            yield n, parse_line(raw)
        except BadLine as exc:
            yield n, exc


def _skip_to_line_end(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def parse_line(raw: bytes) -> Item:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8 (byte {raw[exc.start:exc.start + 1]!r} at offset {exc.start})") from None
    try:
        item = json.loads(line)
    except RecursionError:
        raise BadLine("JSON nested too deep") from None
    except ValueError as exc:
        raise BadLine(f"not JSON ({exc})") from None
    if not isinstance(item, dict):
        raise BadLine(f"not a JSON object with a string 'text' (a JSON {type(item).__name__})")
    text = item.get("text")
    if not isinstance(text, str):
        raise BadLine("not a JSON object with a string 'text'")
    for key, value in (("id", item.get("id")), ("text", text)):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise BadLine(f"a lone surrogate in {key!r} (not a Unicode character)") from None
    source = item.get("source")
    return Item(item.get("id"), text, _published(item.get("published")), source if isinstance(source, str) else None)


def _published(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadLine(f"'published' must be an ISO date string (YYYY-MM-DD), not {json.dumps(value)[:40]}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadLine(f"'published' {value[:40]!r} is not an ISO date from 0001-01-01 to 9999-12-31") from None

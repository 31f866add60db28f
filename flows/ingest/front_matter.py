"""Front matter of text files: a `---` line, `key: value` lines, a `---` line, then the body.

Pure: str in, FrontMatter out. No YAML: values are plain strings, `tags` is a comma list,
`published` is YYYY, YYYY-MM or YYYY-MM-DD (a partial date means the period's first day).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

DELIMITER = "---"
KEYS = ("title", "url", "published", "author", "publisher", "tags")
PUBLISHED_FORMS = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")


class FrontMatterError(ValueError):
    """Malformed front matter; the message names the file and the line number."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The metadata of a text file and the body that follows it, exactly as written."""

    body: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    publisher: str | None = None
    tags: tuple[str, ...] = ()
    unknown_keys: tuple[str, ...] = ()


def parse_front_matter(text: str, name: str = "<text>") -> FrontMatter:
    """Split `text` into metadata and body. Text without a leading `---` line is all body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != DELIMITER:
        return FrontMatter(body=text)
    values: dict[str, tuple[str, int]] = {}
    unknown: list[str] = []
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        offset += len(line)
        stripped = line.strip()
        if stripped == DELIMITER:
            return _front_matter(values, tuple(unknown), text[offset:], name)
        if not stripped or stripped.startswith("#"):
            continue
        key, colon, value = stripped.partition(":")
        key = key.strip().lower()
        if not colon or not key:
            raise FrontMatterError(
                f"{name}: line {number}: front matter line is not 'key: value': {stripped!r}"
            )
        if key in KEYS:
            values[key] = (_unquote(value.strip()), number)
        else:
            unknown.append(key)
    raise FrontMatterError(
        f"{name}: line 1: front matter opened with '---' is never closed by a '---' line"
    )


def parse_published(value: str) -> date:
    """'2025-11-11' -> that day; '2025-11' -> 2025-11-01; '2025' -> 2025-01-01."""
    match = PUBLISHED_FORMS.match(value.strip())
    if match is None:
        raise ValueError(f"published must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = match["year"], match["month"] or 1, match["day"] or 1
    return date(int(year), int(month), int(day))


def _front_matter(
    values: dict[str, tuple[str, int]], unknown: tuple[str, ...], body: str, name: str
) -> FrontMatter:
    published = None
    if "published" in values:
        value, number = values["published"]
        try:
            published = parse_published(value)
        except ValueError as error:
            raise FrontMatterError(f"{name}: line {number}: {error}") from None
    text = {key: values[key][0] or None for key in ("title", "url", "author", "publisher") if key in values}
    tags = values.get("tags", ("", 0))[0].strip("[]")
    return FrontMatter(
        body=body,
        published=published,
        tags=tuple(_unquote(tag.strip()) for tag in tags.split(",") if tag.strip()),
        unknown_keys=unknown,
        **text,
    )


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value

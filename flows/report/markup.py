"""Escaping for the report: every string from a document goes through `text` (or `link`)."""
from __future__ import annotations

import html
from urllib.parse import urlsplit

from claimhouse.flows.output import shown


def text(value) -> str:
    """Escaped for element content and quoted attributes; terminal controls shown as \\x1b."""
    if value is None:
        return ""
    return html.escape(shown(str(value)), quote=True)


def safe_url(url) -> str | None:
    """The URL when it is http(s) with a host, else None (no javascript:, data:, file:)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def link(url, label) -> str:
    """An escaped link to an http(s) URL, or the escaped label alone."""
    target = safe_url(url)
    if target is None:
        return f"<span>{text(label)}</span>"
    return f'<a href="{text(target)}" rel="noopener noreferrer nofollow">{text(label)}</a>'


def highlighted(whole: str | None, start: int, end: int) -> str:
    """`whole` escaped, with [start, end) in a <mark>."""
    if not whole:
        return ""
    start, end = max(0, min(start, len(whole))), max(0, min(end, len(whole)))
    return f"{text(whole[:start])}<mark>{text(whole[start:end])}</mark>{text(whole[end:])}"


PARAGRAPH_MAX = 900


def paragraph_around(doc_text: str | None, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (line) of doc_text holding [start, end), at most PARAGRAPH_MAX characters
    around it, and the quote's offsets in it."""
    if not doc_text:
        return "", 0, 0
    lo = doc_text.rfind("\n", 0, start) + 1
    hi = doc_text.find("\n", end)
    hi = len(doc_text) if hi < 0 else hi
    lo = max(lo, start - PARAGRAPH_MAX // 2)
    hi = min(hi, end + PARAGRAPH_MAX // 2)
    return doc_text[lo:hi], start - lo, end - lo


def sentence_span(sentence: str | None, quote: str) -> tuple[int, int]:
    at = (sentence or "").find(quote)
    return (at, at + len(quote)) if at >= 0 else (0, 0)

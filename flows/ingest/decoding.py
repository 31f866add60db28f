"""Bytes -> str: Unicode BOMs, binary sniffing, declared and <meta> charsets, and a guess for
the rest; also whether bytes look like an RSS/Atom feed."""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from claimhouse.flows.ingest.attempts import FetchError

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


def is_feed_bytes(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    for bom, encoding in UNICODE_BOMS:
        if head.startswith(bom):
            return bool(_FEED_ROOT.match(head.decode(encoding, errors="ignore")))
    return bool(_FEED_ROOT.match(head.decode("latin-1")))

"""Paragraphs and sentences of a text, as (start, end) offsets into it."""
from __future__ import annotations

import json
import re
from importlib import resources

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by whitespace and
# something that can start a sentence, unless the word before the stop is an abbreviation.
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\-–•*])")
_DATA = json.loads(resources.files("claimhouse.flows.claims").joinpath("data", "segment.json").read_text(encoding="utf-8"))
ABBREVIATIONS = frozenset(_DATA["abbreviations"])  # never end a sentence: "Mr. Smith", "vs. Chelsea"
# end a sentence only before a capital: "400 lb-ft. of torque", "12 oz. 3 cans" go on; "4 lbs. It was" ends
UNIT_ABBREVIATIONS = frozenset(_DATA["unit_abbreviations"])


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of `text` (news text keeps one paragraph per line)."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


MAX_SENTENCE_CHARS = 2000  # a longer "sentence" (no full stop for pages) is cut at whitespace


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as absolute offsets; none longer than MAX_SENTENCE_CHARS
    (a text that never ends a sentence must not make the work per number grow with it)."""
    out = []
    for s, e in _sentences(text, start, end):
        while e - s > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
            cut = cut + 1 if cut > s else s + MAX_SENTENCE_CHARS
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


_LAST_WORD_RE = re.compile(r"(\S+)$")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
_CAPITAL_NEXT_RE = re.compile(r"\s+[\"'“‘(\[]?[A-Z]")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    chunk = text[start:end]
    for m in _END_RE.finditer(chunk):
        stop = start + m.start()
        word = _LAST_WORD_RE.search(text[s:stop])
        if word:
            w = word.group(1).lower().rstrip(".")
            w = w.lstrip("(\"'“‘")
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALS_RE.fullmatch(w):
                continue
            if w in UNIT_ABBREVIATIONS and not _CAPITAL_NEXT_RE.match(text, start + m.end()):
                continue  # "12 oz. 3 cans": a unit's stop before a number goes on
        e = start + m.end()
        out.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out

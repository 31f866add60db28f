"""Places named in text -> ISO 3166-1 alpha-2 codes (or a canonical name for a
well-known place such as the Darién Gap), and the choice of the place a claim is about."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from claimhouse.flows.claims.lexicon import LEXICON, phrase_alternation
from claimhouse.flows.claims.text_words import words_of


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: str
    origin: bool  # "from Mexico", "fleeing Syria": where people come from
    topic: bool  # "focusing on China": what something is about
    nationality: bool = False  # "Chinese", "Americans": a nationality word, not a place name


class _NameIndex:
    """`rx.finditer(text, start, end)` for rx = `lookbehind(?:name|name|...)lookahead` (names matched case
    as written, as phrase_alternation writes them), tried only where a name can start: at a character
    that is the first of some name, with only the names that start with it (in the same order). A
    name's first character is a literal there, so no match is lost and none is added."""

    def __init__(self, names, lookbehind: str, lookahead: str):
        self.rx = re.compile(lookbehind + "(?:" + phrase_alternation(names) + ")" + lookahead)
        groups: dict[str, list[str]] = {}
        for n in names:
            groups.setdefault(n[0], []).append(n)
        self.exact = all(n and not n[0].isspace() for n in names)
        self.by_first = {ch: re.compile(lookbehind + "(?:" + phrase_alternation(ns) + ")" + lookahead)
                         for ch, ns in groups.items()}
        self.first_re = re.compile(lookbehind + "[" + "".join(re.escape(ch) for ch in sorted(groups)) + "]")

    def finditer(self, text: str, start: int, end: int):
        if not self.exact:
            yield from self.rx.finditer(text, start, end)
            return
        pos = start
        by_first = self.by_first
        for c in self.first_re.finditer(text, start, end):
            p = c.start()
            if p < pos:
                continue
            m = by_first[text[p]].match(text, p, end)
            if m is not None:
                yield m
                pos = m.end()


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[_NameIndex, dict[str, str], frozenset[str]]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                names[n] = c.alpha_2
    for n in LEXICON.not_places:
        names.pop(n, None)
    names.update(LEXICON.place_aliases)
    # "US$" is a currency, "US-China" two places, "US-international" the US
    rx = _NameIndex(names, r"(?<![\w$])", r"(?![\w$]|-[A-Z0-9]|\.\w)")
    return rx, names, _last_words(names)


def _last_words(names) -> frozenset[str]:
    """The last word of each name. A name can only match where its last word is a whole word
    of the text, so a text holding none of them is not searched (a set test, not a scan)."""
    return frozenset(_WORD_RE.findall(n)[-1] for n in names if _WORD_RE.search(n))


_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _nationalities() -> tuple[_NameIndex, dict[str, str], frozenset[str]]:
    names = dict(LEXICON.nationality_adjectives)
    names.update(LEXICON.nationality_nouns)
    return _NameIndex(names, r"(?<![\w$-])", r"(?![\w-])"), names, _last_words(names)


_ORIGIN_RE = re.compile(r"(?:" + phrase_alternation(LEXICON.origin_prepositions) + r")\s+(?:the\s+)?$", re.I)
_TOPIC_RE = re.compile(r"(?:" + phrase_alternation(LEXICON.topic_prepositions) + r")\s+(?:the\s+)?$", re.I)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    rx, names, last_words = _gazetteer()
    end = len(text) if end is None else end
    out: list[PlaceMention] = []
    words = words_of(text[start:end])
    for m in (rx.finditer(text, start, end) if not words.isdisjoint(last_words) else ()):
        key = " ".join(m.group(0).split())
        place = names.get(key) or names.get(m.group(0))
        if place is None:
            continue
        before = text[max(start, m.start() - 24):m.start()]
        out.append(PlaceMention(m.start(), m.end(), place, bool(_ORIGIN_RE.search(before)), bool(_TOPIC_RE.search(before))))
    nrx, nnames, n_last_words = _nationalities()
    if words.isdisjoint(n_last_words):
        return out
    taken = [(p.start, p.end) for p in out]
    for m in nrx.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue  # part of a place name already found ("South Africa")
        out.append(PlaceMention(m.start(), m.end(), nnames[m.group(0)], False, False, nationality=True))
    out.sort(key=lambda p: p.start)
    return out


_CLAUSE_BREAK_RE = re.compile(r"[;]|,\s+(?:and|but|while|whilst|whereas)\b|\b(?:while|whilst|whereas)\b")


def _clause_around(text: str, qstart: int, qend: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    """The clause holding [qstart, qend): from the last clause break before it to the next after it."""
    lo = max(sent_start, qstart - 300)
    c_start = sent_start
    for m in _CLAUSE_BREAK_RE.finditer(text, lo, qstart):
        c_start = m.end()
    nxt = _CLAUSE_BREAK_RE.search(text, qend, min(sent_end, qend + 300))
    return c_start, (nxt.start() if nxt else sent_end)


def choose_place(mentions: list[PlaceMention], qstart: int, qend: int, sent_start: int, sent_end: int,
                 text: str | None = None) -> str | None:
    """The place a quantity at [qstart, qend) is about, from mentions in its sentence: one
    inside its quote ("seven UK airports"), else one in its own clause when the sentence has
    several ("..., and at least 122 people died in Athens"), else the nearest place before it
    (not an origin), else the nearest after it (not an origin nor a topic). Nationality words
    are left to `choose_nationality`."""
    if all(m.nationality for m in mentions):
        return None  # no place named (each rule below takes a place that is no nationality): no clause to look for
    inside = [m for m in mentions if qstart <= m.start and m.end <= qend and not m.nationality]
    if inside:
        return inside[0].place  # "seven UK airports"
    c_start, c_end = _clause_around(text, qstart, qend, sent_start, sent_end) if text else (sent_start, sent_end)
    own = [] if (c_start, c_end) == (sent_start, sent_end) else [m for m in mentions if c_start <= m.start and m.end <= c_end and not m.origin and not m.nationality
           and not (m.start >= qend and m.topic)]
    if own:  # "... in Turkey in August, and at least 122 people died ... in Athens": the place of its own clause
        before_own = [m for m in own if m.end <= qstart]
        return before_own[-1].place if before_own else own[0].place
    before = [m for m in mentions if sent_start <= m.start and m.end <= qstart and not m.origin and not m.nationality]
    if before:
        return before[-1].place
    after = [m for m in mentions if qend <= m.start and m.end <= sent_end and not m.origin and not m.topic
             and not m.nationality]
    if after:
        return after[0].place
    return None


def choose_nationality(mentions: list[PlaceMention], sent_start: int, sent_end: int) -> str | None:
    """The country of the first nationality word in the sentence ("31,000 Ukrainian soldiers",
    "70 major Chinese cities"): the place of a claim when no place is named nearby."""
    for m in mentions:
        if m.nationality and sent_start <= m.start and m.end <= sent_end:
            return m.place
    return None


def place_names() -> frozenset[str]:
    """Every name the gazetteer knows (its single words too)."""
    _, names, _ = _gazetteer()
    return frozenset(names) | frozenset(w for n in names for w in n.split())

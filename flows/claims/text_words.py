"""The words (`\\w+`) of a text, told once for the several rules that ask for them.

Several steps look at the same text's words: the not-claim gates and the attribution rules ask
for its lower-cased words, the place finder and the attribution rules for its words as written,
the number scanner and the period finder for each word with its offsets.
For a one-sentence text the sentence, its paragraph and the text are the same string, so each set
is remembered for the last string asked (a one-entry memo: the answer is a pure function of the
string, and a frozenset nobody can change)."""
from __future__ import annotations

import re
from operator import itemgetter

_WORD_RE = re.compile(r"\w+")
_WORD_OF_SPAN = itemgetter(2)
_last_words: tuple[str | None, frozenset[str]] = (None, frozenset())
_last_lower_words: tuple[str | None, frozenset[str]] = (None, frozenset())
_last_word_spans: tuple[str | None, tuple[tuple[int, int, str], ...]] = (None, ())


def words_of(text: str) -> frozenset[str]:
    """set(re.findall(r"\\w+", text))."""
    global _last_words
    last = _last_words
    if last[0] is text or last[0] == text:
        return last[1]
    spans = _last_word_spans
    # (the words told with their offsets, when they are: no second split of the text)
    words = frozenset(map(_WORD_OF_SPAN, spans[1])) if spans[0] is text or spans[0] == text else \
        frozenset(_WORD_RE.findall(text))
    _last_words = (text, words)
    return words


def lower_words_of(text: str) -> frozenset[str]:
    """set(re.findall(r"\\w+", text.lower()))."""
    global _last_lower_words
    last = _last_lower_words
    if last[0] is text or last[0] == text:
        return last[1]
    spans = _last_word_spans
    # (an ASCII text's lower-cased words are its words lower-cased: lower-casing moves no word's bounds)
    words = frozenset(map(str.lower, map(_WORD_OF_SPAN, spans[1]))) if text.isascii() and (
        spans[0] is text or spans[0] == text) else frozenset(_WORD_RE.findall(text.lower()))
    _last_lower_words = (text, words)
    return words


def word_spans_of(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of each match of r"\\w+" in `text`, in order."""
    global _last_word_spans
    last = _last_word_spans
    if last[0] is text or last[0] == text:
        return last[1]
    spans = tuple([(m.start(), m.end(), m[0]) for m in _WORD_RE.finditer(text)])
    _last_word_spans = (text, spans)
    return spans

"""Runs of bare numbers are lists, not claims.

`1 2 3 4 5 ...`, `7% 8% 9% ...`, a long comma-separated list of numbers or a table of figures
flattened into text says nothing about what any one number counts: 400 KB of such a list once
gave 200,000 claims (issue 12). A run of at least MIN_RUN numbers with only separators between
them (whitespace and the characters of SEPARATORS) is dropped before any claim is built."""
from __future__ import annotations

import re
from collections.abc import Sequence

from claimhouse.flows.claims.numbers import NumberAtom

MIN_RUN = 5  # numbers in a row, with nothing but separators between them, that make a list
# What may stand between two numbers of a list: whitespace and these (table cells, a percent
# sign after each figure, list punctuation), and the `and`/`or` before a list's last item ("the 400, 408,
# 456, 458, 36 and 299"). Any other word, a unit or a currency sign breaks the run.
SEPARATORS = (",", ";", "|", "%", "/", "(", ")", "[", "]")

_GAP_RE = re.compile(r"[\s" + re.escape("".join(SEPARATORS)) + r"]*")
_LAST_ITEM_GAP_RE = re.compile(r",?\s+(?:and|or)\s+")


def drop_number_runs(text: str, atoms: Sequence[NumberAtom]) -> list[NumberAtom]:
    """`atoms` (in text order) without those in a run of MIN_RUN or more numbers."""
    kept: list[NumberAtom] = []
    run: list[NumberAtom] = []
    for k, atom in enumerate(atoms):
        if run and not _only_separators(text, run[-1].end, atom.start) and not _last_item(text, run, atoms, k):
            _close(run, kept)
            run = []
        run.append(atom)
    _close(run, kept)
    return kept


def _last_item(text: str, run: list[NumberAtom], atoms: Sequence[NumberAtom], k: int) -> bool:
    """atoms[k] closes the list `run` after an `and`/`or`: the run is already a list and atoms[k]
    is its last item (no number follows it with only separators between: "27/6/2022 and 24/2/2011"
    joins two dates, no list)."""
    if len(run) < MIN_RUN - 1 or _LAST_ITEM_GAP_RE.fullmatch(text, run[-1].end, atoms[k].start) is None or \
            not _only_separators(text, run[-2].end, run[-1].start):
        return False  # (a list has one last item: "..., 36 and 299, and 40,000 riders" ends at 299)
    return k + 1 == len(atoms) or not _only_separators(text, atoms[k].end, atoms[k + 1].start)


def _only_separators(text: str, start: int, end: int) -> bool:
    return start <= end and _GAP_RE.fullmatch(text, start, end) is not None


def _close(run: list[NumberAtom], kept: list[NumberAtom]) -> None:
    if len(run) < MIN_RUN:
        kept.extend(run)

"""The interval of values a claim actually asserts.

A written number stands for every value that rounds to it at its precision
("520,000" covers 515,000-525,000; "1.5 million" covers 1.45-1.55 million), capped at
10% so that a single-digit "400,000" is not taken to cover 350,000-450,000. Qualifiers
widen or open the interval: "about" adds 10%, "more than" opens it upwards, "nearly"
and "almost" mean a little below. Two claims agree when their intervals meet."""
from __future__ import annotations

import math
import re

ROUNDING_CAP = 0.10  # a rounded figure covers at most +-10% of itself
APPROX_SLACK = 0.10  # "about X" covers X +- 10% (or the rounding, if wider)
NEAR_SLACK = 0.10  # "nearly X" / "almost X" cover [0.9 X, X]
NEAR_CUES = frozenset({"nearly", "almost", "close to", "just under", "just below", "approaching", "nearing",
                       "shy of", "just shy of", "short of", "just short of", "an almost", "a nearly",
                       "nearly a", "almost a", "close on", "not quite", "slightly less than",
                       "slightly under", "a little under", "a little less than"})
JUST_OVER_CUES = frozenset({"just over", "just above", "slightly more than", "slightly over",
                            "a little over", "a little more than", "topping", "north of"})


_WRITTEN_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def written_precision(number_text: str, value: float) -> float:
    """Half a unit of the last significant written digit, in the units of `value`.

    "520,000" -> 5000; "1.5 million" -> 50000; "400" -> 50; "3.25" -> 0.005; words -> 0.5 of
    their scale ("two million" -> 500000); a number with no digits at all -> 0.
    """
    m = _WRITTEN_DIGITS_RE.search(number_text)
    if not m:
        return 0.0
    digits = m.group(0).replace(",", "")
    written = float(digits) if digits else 0.0
    scale = abs(value / written) if written else 1.0
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        unit = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    return 0.5 * unit * scale


def asserted_interval(value: float | None, low: float | None, high: float | None, qualifier: str,
                      precision: float = 0.0, cue: str | None = None) -> tuple[float | None, float | None]:
    """(interval_low, interval_high) of the values a claim asserts; None = unbounded."""
    cue = (cue or "").lower()
    if qualifier == "range":
        if low is None or high is None:
            return None, None
        tol_lo = min(precision, ROUNDING_CAP * abs(low))
        tol_hi = min(precision, ROUNDING_CAP * abs(high))
        return low - tol_lo, high + tol_hi
    if value is None or not math.isfinite(value):
        return None, None
    tol = min(precision, ROUNDING_CAP * abs(value))
    if qualifier == "exact":
        return value - tol, value + tol
    if qualifier == "approximate":
        slack = max(tol, APPROX_SLACK * abs(value))
        return value - slack, value + slack
    if qualifier == "lower_bound":
        if cue in JUST_OVER_CUES:
            return value, value + NEAR_SLACK * abs(value) + tol
        return value, None
    if qualifier == "upper_bound":
        if cue in NEAR_CUES:
            return value - NEAR_SLACK * abs(value) - tol, value
        return None, value
    return None, None


Interval = tuple[float | None, float | None]  # (low, high); None = unbounded


def intervals_meet(a: Interval, b: Interval) -> bool:
    """Two asserted intervals share a value (the SQL of views/link_candidates.sql, `disjoint`)."""
    (alo, ahi), (blo, bhi) = a, b
    if ahi is not None and blo is not None and ahi < blo:
        return False
    if bhi is not None and alo is not None and bhi < alo:
        return False
    return True


def gap(a: Interval, b: Interval) -> float:
    """Relative gap between two disjoint intervals (0 when they meet): link_candidates' severity."""
    (alo, ahi), (blo, bhi) = a, b
    if ahi is not None and blo is not None and ahi < blo:
        return (blo - ahi) / max(abs(blo), abs(ahi), 1e-12)
    if bhi is not None and alo is not None and bhi < alo:
        return (alo - bhi) / max(abs(alo), abs(bhi), 1e-12)
    return 0.0

"""Reference tables (CSV or Parquet) -> rows keyed like claims.

Columns: measure, subject, place, period, value, unit, qualifier, publisher, source_url
(reported_as and note are kept when present). Pure apart from pandas: no Prefect, no DuckDB."""
from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from claimhouse.flows.claims.intervals import asserted_interval
from claimhouse.flows.claims.lexicon import LEXICON
from claimhouse.flows.claims.link import subject_key_of, unit_scale
from claimhouse.flows.claims.periods import find_periods
from claimhouse.flows.claims.places import find_places

REQUIRED = ("measure", "subject", "place", "period", "value", "unit", "qualifier", "publisher", "source_url")
OPTIONAL = ("reported_as", "note")
PARTIAL_DAYS = 360  # a period shorter than this is part of a year
_EXPLICIT_RE = re.compile(r"(\d{4})-(\d{2})\s*/\s*(\d{4})-(\d{2})")
_AS_OF_RE = re.compile(r"as\s+of\s+(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_CANONICAL_PLACES = frozenset(LEXICON.place_aliases.values())


class ReferenceError(ValueError):
    """A reference file or row that cannot be used; the message names the file and row."""


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    as_of: bool
    partial: bool


def parse_period(text: str) -> Period | None:
    """'2023', 'FY2023 (2022-10/2023-09)', '2023-01/2023-09', 'as of 2024-06-30', 'FY2018'."""
    m = _AS_OF_RE.search(text)
    if m:
        d = date.fromisoformat(m.group(1))
        return Period(d, d, True, False)
    m = _EXPLICIT_RE.search(text)
    if m:
        y1, m1, y2, m2 = (int(g) for g in m.groups())
        start = date(y1, m1, 1)
        end = date(y2, m2, calendar.monthrange(y2, m2)[1])
        return Period(start, end, False, (end - start).days < PARTIAL_DAYS)
    mentions = find_periods(text)
    if not mentions or mentions[0].period_start is None or mentions[0].period_end is None:
        return None
    p = mentions[0]
    return Period(p.period_start, p.period_end, False, p.partial or (p.period_end - p.period_start).days < PARTIAL_DAYS)


def place_key(text: str | None) -> str | None:
    if not text or not str(text).strip():
        return None
    text = str(text).strip()
    if text in _CANONICAL_PLACES or re.fullmatch(r"[A-Z]{2}", text):
        return text
    found = find_places(text)
    return found[0].place if found else text


def reference_id(source_file: str, row: dict) -> str:
    raw = "|".join(str(row.get(k)) for k in ("subject", "place", "period", "value", "unit"))
    return hashlib.sha256(f"{source_file}|{raw}".encode()).hexdigest()[:16]


def read_table(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if not path.exists():
        raise ReferenceError(f"{path}: no such file")
    try:
        frame = pd.read_parquet(path) if path.suffix.lower() == ".parquet" else pd.read_csv(path, dtype=str)
    except Exception as exc:  # a parser's own error type varies with the format
        raise ReferenceError(f"{path}: cannot read it as {'Parquet' if path.suffix == '.parquet' else 'CSV'}: {exc}") from None
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ReferenceError(f"{path}: missing column(s) {', '.join(missing)}; a reference table needs {', '.join(REQUIRED)}")
    return frame


def reference_rows(path: str | Path, loaded_at) -> tuple[pd.DataFrame, list[str]]:
    """The rows of a reference file keyed like claims, and an error for each row that
    cannot be used (the rest load)."""
    frame = read_table(path)
    source = str(Path(path).name)
    rows, errors = [], []
    for n, raw in enumerate(frame.to_dict("records"), start=2):  # line 1 is the header
        row = {k: (None if pd.isna(raw.get(k)) else raw.get(k)) for k in (*REQUIRED, *OPTIONAL)}
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            errors.append(f"{source} line {n}: value {row['value']!r} is not a number")
            continue
        period = parse_period(str(row["period"] or ""))
        if period is None:
            errors.append(f"{source} line {n}: period {row['period']!r} is not a year, a YYYY-MM/YYYY-MM span, "
                          "a fiscal year or 'as of YYYY-MM-DD'")
            continue
        unit = row["unit"] or None
        qualifier = row["qualifier"] or "exact"
        low = value if qualifier == "lower_bound" else None
        high = value if qualifier == "upper_bound" else None
        ilo, ihi = asserted_interval(value, low, high, qualifier)
        scale = unit_scale(unit)
        measure_verb = subject_key_of(str(row["measure"] or "").replace("_", " "))
        verb = measure_verb.split("|")[3] if measure_verb else ""
        rows.append({
            "reference_id": reference_id(source, row),
            "source_file": source,
            **{k: row[k] for k in ("measure", "subject", "place", "period")},
            "value": value,
            "unit": unit,
            "qualifier": qualifier,
            "publisher": row["publisher"],
            "source_url": row["source_url"],
            "reported_as": row["reported_as"],
            "note": row["note"],
            "place_key": place_key(row["place"]),
            "period_start": period.start,
            "period_end": period.end,
            "as_of": period.as_of,
            "period_partial": period.partial,
            "unit_family": LEXICON.unit_family(unit),
            "subject_key": subject_key_of(str(row["subject"]), "") if not verb else _with_verb(str(row["subject"]), verb),
            "interval_low": None if ilo is None else ilo * scale,
            "interval_high": None if ihi is None else ihi * scale,
            "loaded_at": loaded_at,
        })
    out = pd.DataFrame(rows)
    if not out.empty:
        out["as_of"] = out["as_of"].astype(bool)
        out["period_partial"] = out["period_partial"].astype(bool)
        out["value"] = out["value"].astype("float64")
    return out, errors


def _with_verb(subject: str, measure_verb: str) -> str | None:
    key = subject_key_of(subject, "")
    if key is None:
        return None
    parts = key.split("|")
    if not parts[3]:
        parts[3] = measure_verb  # "crossings" as the measure says what the subject did
    return "|".join(parts)

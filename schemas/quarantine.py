"""Split a batch into rows that pass a model and rows to quarantine.

A row that fails a value check is *discarded* into `rejected_rows` with the
check's name and the whole row as JSON; the rest of the batch goes on. A frame
with the wrong *shape* (missing column, wrong dtype, a check that cannot run)
is *frozen*: `SchemaFreezeError` is raised and nothing is quarantined.

A date that Python holds but pandas cannot (`published: 2262-04-12`, `1500-01-01`, an RSS
`pubDate` of year 1: pandera checks dates as nanosecond timestamps) would freeze the batch,
though only one field is wrong. In a nullable date column it is *dropped*: the value becomes
null, the row is kept, and `rejected_rows` records it (check `date_in_range`, the original row).
"""
from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrorReason, SchemaErrors

REJECTED_COLUMNS = (
    "table_name",
    "schema",
    "check",
    "column",
    "failure_case",
    "row_json",
    "document_id",
    "claim_id",
)

# Failures that name rows. Every other reason is about the frame's shape.
ROW_LEVEL_REASONS = frozenset(
    {
        SchemaErrorReason.DATAFRAME_CHECK,
        SchemaErrorReason.SERIES_CONTAINS_NULLS,
        SchemaErrorReason.SERIES_CONTAINS_DUPLICATES,
        SchemaErrorReason.DUPLICATES,
    }
)

_MAX_PROBLEM_CHARS = 300

# The dates a nanosecond timestamp can hold (pd.Timestamp.min is 1677-09-21 00:12:43).
FIRST_DATE = (pd.Timestamp.min + pd.Timedelta(days=1)).date()
LAST_DATE = pd.Timestamp.max.date()
DATE_RANGE_CHECK = "date_in_range"


class SchemaFreezeError(ValueError):
    """The batch does not have the table's shape; fix the producer, not the rows."""

    def __init__(self, table: str, schema: str, problems: list[str]) -> None:
        self.table = table
        self.schema = schema
        self.problems = problems
        listed = "\n  - ".join(problems)
        super().__init__(
            f"table {table!r} ({schema}) refused the whole batch:\n  - {listed}\n"
            f"Make the producing step emit the columns and dtypes declared in {schema}; "
            "no rows were quarantined."
        )


def split_valid(
    df: pd.DataFrame, model: type[pa.DataFrameModel], table: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (valid_df, rejected_df) for `df` checked against `model`.

    The frame is re-indexed 0..n-1 first, so both results index the input by
    position. A row failing several checks appears once per check in
    rejected_df and is removed once from valid_df.
    """
    schema = model.to_schema()
    frame = df.reset_index(drop=True)
    if frame.empty:
        return _empty_batch(frame, schema, table), empty_rejected()
    frame, dropped = _drop_out_of_range_dates(frame, schema, table)
    try:
        return schema.validate(frame, lazy=True), dropped
    except SchemaErrors as exc:
        errors = exc
    _raise_if_frozen(errors, table, schema.name)
    cases = errors.failure_cases
    bad_rows = sorted({int(i) for i in cases["index"]})
    rest = frame.drop(index=bad_rows)
    try:
        valid = schema.validate(rest, lazy=True) if len(rest) else rest
    except SchemaErrors as exc:
        raise SchemaFreezeError(table, schema.name, _problems(exc)) from exc
    rejected = _rejected(frame, cases, table, schema)
    return valid, pd.concat([dropped, rejected], ignore_index=True) if len(dropped) else rejected


def _drop_out_of_range_dates(
    frame: pd.DataFrame, schema: pa.DataFrameSchema, table: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Null the dates of nullable date columns that pandas cannot hold; one record per value."""
    date_columns = [
        name for name, column in schema.columns.items()
        if column.nullable and str(column.dtype) == "date" and name in frame.columns
    ]
    original = frame
    records = []
    for name in date_columns:
        outside = frame[name].map(_outside_date_range)
        if not outside.any():
            continue
        if frame is original:
            frame = frame.copy()
        for row_index in outside[outside].index:
            value = original.at[row_index, name]
            row = original.loc[row_index]
            records.append({
                "table_name": table,
                "schema": schema.name,
                "check": DATE_RANGE_CHECK,
                "column": name,
                "failure_case": f"{value.isoformat()} is outside {FIRST_DATE}..{LAST_DATE}: stored as null",
                "row_json": row_json(row),
                "document_id": _field(row, "document_id"),
                "claim_id": _field(row, "claim_id"),
            })
        frame[name] = frame[name].astype(object).where(~outside, None)
    records.sort(key=lambda r: (r["claim_id"] or r["document_id"] or "", r["column"]))
    return frame, _object_frame(records)


def _outside_date_range(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        value = value.date()
    return isinstance(value, dt.date) and not FIRST_DATE <= value <= LAST_DATE


def _empty_batch(frame: pd.DataFrame, schema: pa.DataFrameSchema, table: str) -> pd.DataFrame:
    """An empty batch has no values to check (and often no dtypes): check its columns only."""
    missing = [name for name, column in schema.columns.items() if column.required and name not in frame.columns]
    if missing:
        raise SchemaFreezeError(table, schema.name, [f"column_not_in_dataframe: {missing}"])
    return frame


def _raise_if_frozen(errors: SchemaErrors, table: str, schema: str) -> None:
    shape_errors = [e for e in errors.schema_errors if e.reason_code not in ROW_LEVEL_REASONS]
    unlocated = errors.failure_cases["index"].isna().any()
    if shape_errors or unlocated:
        raise SchemaFreezeError(table, schema, _problems(errors)) from errors


def _problems(errors: SchemaErrors) -> list[str]:
    problems = []
    for error in errors.schema_errors:
        if error.reason_code in ROW_LEVEL_REASONS:
            continue
        reason = error.reason_code.value if error.reason_code else "error"
        text = " ".join(str(error).split("Traceback")[0].split())
        problems.append(f"{reason}: {text[:_MAX_PROBLEM_CHARS]}")
    return problems or ["failure cases without a row index"]


def _rejected(
    frame: pd.DataFrame, cases: pd.DataFrame, table: str, schema: pa.DataFrameSchema
) -> pd.DataFrame:
    """One record per (row, failed check); a frame-level check fails a row once."""
    # pandera reports a check by its `error` text when it has one; keep the name.
    frame_checks = {(check.error or check.name): check for check in schema.checks}
    records = {}
    for case in cases.itertuples(index=False):
        row_index = int(case.index)
        check, column, failure = str(case.check), case.column, case.failure_case
        if case.schema_context == "DataFrameSchema":
            named = frame_checks.get(case.check)
            check, column = (named.name if named else check), None
            failure = named.error if named and named.error else check
        if (row_index, check, column) in records:
            continue
        row = frame.loc[row_index]
        records[row_index, check, column] = {
            "table_name": table,
            "schema": schema.name,
            "check": check,
            "column": column,
            "failure_case": None if _is_missing(failure) else str(failure),
            "row_json": row_json(row),
            "document_id": _field(row, "document_id"),
            "claim_id": _field(row, "claim_id"),
        }
    ordered = sorted(records.items(), key=lambda item: (item[0][0], item[0][1]))
    return _object_frame([record for _, record in ordered])


def empty_rejected() -> pd.DataFrame:
    return _object_frame([])


def _object_frame(records: list[dict]) -> pd.DataFrame:
    """Object columns, so missing values stay None (not NaN) on their way to SQL."""
    return pd.DataFrame(
        {name: pd.Series([r[name] for r in records], dtype=object) for name in REJECTED_COLUMNS}
    )


def row_json(row: pd.Series) -> str:
    """The row as a JSON object: missing values -> null, dates ISO, inf as a string."""
    return json.dumps({str(k): _jsonable(v) for k, v in row.items()}, allow_nan=False)


def _field(row: pd.Series, name: str) -> str | None:
    if name not in row.index or _is_missing(row[name]):
        return None
    return str(row[name])


def _is_missing(value: Any) -> bool:
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return False
    return bool(pd.isna(value))


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if _is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)

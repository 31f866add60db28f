"""Contract for a batch of extracted claims.

The frame carries one extra column, `text_length` (length of the document text
the offsets index); the store drops it before writing.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from claimhouse.schemas.documents import DOCUMENT_ID_PATTERN
from claimhouse.schemas.vocab import DIRECTIONS, KINDS, MODALITIES, QUALIFIERS

# A "level" in percent of one of these is a share of a whole: it cannot pass 100.
SHARE_WORDS = ("share", "proportion", "percentage of")
PERCENT_UNIT = "percent"
MAX_SHARE_PERCENT = 100.0


class ClaimsModel(pa.DataFrameModel):
    """One row per claim found in a document version.

    Nullable columns are coerced: a column that is None in every row of a
    batch arrives as object dtype, and that is not a wrong dtype.
    """

    claim_id: Series[str] = pa.Field(str_length={"min_value": 1})
    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID_PATTERN)
    version: Series[int] = pa.Field(ge=1)
    span_start: Series[int] = pa.Field(ge=0)
    span_end: Series[int]
    text_length: Series[int] = pa.Field(ge=0)
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    sentence: Series[str]
    value: Series[float] = pa.Field(nullable=True, coerce=True)
    low: Series[float] = pa.Field(nullable=True, coerce=True)
    high: Series[float] = pa.Field(nullable=True, coerce=True)
    unit: Series[str] = pa.Field(nullable=True, coerce=True)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    direction: Series[str] = pa.Field(nullable=True, coerce=True, isin=DIRECTIONS)
    kind: Series[str] = pa.Field(isin=KINDS)
    subject: Series[str] = pa.Field(nullable=True, coerce=True)
    place: Series[str] = pa.Field(nullable=True, coerce=True)
    period_start: Series[pa.Date] = pa.Field(nullable=True, coerce=True)
    period_end: Series[pa.Date] = pa.Field(nullable=True, coerce=True)
    period_partial: Series[bool]
    modality: Series[str] = pa.Field(isin=MODALITIES)
    attribution: Series[str] = pa.Field(nullable=True, coerce=True)
    checkworthiness: Series[float] = pa.Field(ge=0.0, le=1.0, coerce=True)
    # Open bounds ("over 100" -> [100, inf)) are allowed to be infinite.
    interval_low: Series[float] = pa.Field(nullable=True, coerce=True)
    interval_high: Series[float] = pa.Field(nullable=True, coerce=True)
    unit_family: Series[str] = pa.Field(nullable=True, coerce=True)
    subject_key: Series[str] = pa.Field(nullable=True, coerce=True)
    fact_key: Series[str] = pa.Field(nullable=True, coerce=True)
    # fact matching features (flows/claims/facts.py)
    measure: Series[str] = pa.Field(nullable=True, coerce=True)
    scope: Series[str] = pa.Field(nullable=True, coerce=True)
    when_start: Series[pa.Date] = pa.Field(nullable=True, coerce=True)
    when_end: Series[pa.Date] = pa.Field(nullable=True, coerce=True)
    # when_start..when_end is a reporting window; optional: frames written without it read as false
    when_loose: Optional[Series[bool]] = pa.Field(nullable=True, coerce=True)
    block_key: Series[str] = pa.Field(nullable=True, coerce=True)
    claim_key: Series[str] = pa.Field(nullable=True, coerce=True)
    copy_key: Series[str] = pa.Field(nullable=True, coerce=True)
    doc_sketch: Series[str] = pa.Field(nullable=True, coerce=True)
    evidence: Series[str] = pa.Field(nullable=True, coerce=True)

    class Config:
        name = "ClaimsModel"

    @pa.check("value", "low", "high", name="finite")
    def _finite(cls, column: pd.Series) -> pd.Series:
        return pd.Series(np.isfinite(column.to_numpy(dtype=float)), index=column.index)

    @pa.dataframe_check(
        name="span_end_after_start", error="span_end must be greater than span_start"
    )
    def _span_end_after_start(cls, df: pd.DataFrame) -> pd.Series:
        return df["span_end"] > df["span_start"]

    @pa.dataframe_check(name="span_within_text", error="span_end must not pass text_length")
    def _span_within_text(cls, df: pd.DataFrame) -> pd.Series:
        return df["span_end"] <= df["text_length"]

    @pa.dataframe_check(
        name="quote_matches_span", error="quote length must equal span_end - span_start"
    )
    def _quote_matches_span(cls, df: pd.DataFrame) -> pd.Series:
        return df["quote"].str.len() == df["span_end"] - df["span_start"]

    @pa.dataframe_check(
        name="value_present", error="a claim needs a value, or low and high for a range (NaN is no value)"
    )
    def _value_present(cls, df: pd.DataFrame) -> pd.Series:
        is_range = df["qualifier"] == "range"
        return (~is_range & df["value"].notna()) | (is_range & df["low"].notna() & df["high"].notna())

    @pa.dataframe_check(name="low_le_high", error="low must not exceed high")
    def _low_le_high(cls, df: pd.DataFrame) -> pd.Series:
        return ~(df["low"] > df["high"])

    @pa.dataframe_check(
        name="interval_low_le_high", error="interval_low must not exceed interval_high"
    )
    def _interval_low_le_high(cls, df: pd.DataFrame) -> pd.Series:
        return ~(df["interval_low"] > df["interval_high"])

    @pa.dataframe_check(
        name="percent_share_at_most_100", error="a share in percent cannot exceed 100"
    )
    def _percent_share_at_most_100(cls, df: pd.DataFrame) -> pd.Series:
        subject = df["subject"].fillna("").str.lower()
        is_share = pd.Series(False, index=df.index)
        for word in SHARE_WORDS:
            is_share |= subject.str.contains(word, regex=False)
        largest = df[["value", "low", "high"]].max(axis=1)
        refused = (
            (df["unit"] == PERCENT_UNIT)
            & (df["kind"] == "level")
            & is_share
            & (largest > MAX_SHARE_PERCENT)
        )
        return ~refused.fillna(False).astype(bool)

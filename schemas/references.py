"""Pandera model for reference figures (warehouse table reference_rows)."""
from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from claimhouse.schemas.vocab import QUALIFIERS


class ReferencesModel(pa.DataFrameModel):
    """One published figure, keyed like claims (flows/ingest/reference.py)."""

    reference_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    source_file: Series[str] = pa.Field(str_length={"min_value": 1})
    subject: Series[str] = pa.Field(str_length={"min_value": 1})
    period: Series[str] = pa.Field(str_length={"min_value": 1})
    value: Series[float] = pa.Field()
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    publisher: Series[str] = pa.Field(str_length={"min_value": 1})
    source_url: Series[str] = pa.Field(str_matches=r"^https?://")
    as_of: Series[bool] = pa.Field()
    period_partial: Series[bool] = pa.Field()

    class Config:
        name = "ReferencesModel"

    @pa.check("value", name="finite")
    def _finite(cls, value: Series[float]) -> Series[bool]:
        return value.map(lambda v: v is not None and math.isfinite(v))

    @pa.dataframe_check(name="period_start_le_end")
    def _period_order(cls, df: pd.DataFrame) -> Series[bool]:
        return pd.Series([a <= b for a, b in zip(df["period_start"], df["period_end"], strict=True)], index=df.index)

"""Contract for links between two claims about the same fact."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from claimhouse.schemas.vocab import RELATIONS


class ClaimLinksModel(pa.DataFrameModel):
    """One row per pair of claims; the pair is stored in one order only."""

    claim_id_a: Series[str] = pa.Field(str_length={"min_value": 1})
    claim_id_b: Series[str] = pa.Field(str_length={"min_value": 1})
    relation: Series[str] = pa.Field(isin=RELATIONS)
    severity: Series[float] = pa.Field(ge=0.0, coerce=True)

    class Config:
        name = "ClaimLinksModel"

    @pa.dataframe_check(name="claim_ids_ordered", error="claim_id_a must sort before claim_id_b")
    def _claim_ids_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return df["claim_id_a"] < df["claim_id_b"]

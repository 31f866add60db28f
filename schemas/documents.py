"""Contract for a batch of fetched documents, one row per document version.

The frame usually comes from `claimhouse.flows.claims.model.Document` records; extra
columns (`tags`, ...) are allowed and ignored here.
"""
from __future__ import annotations

from typing import Annotated

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

DOCUMENT_ID_PATTERN = r"^[0-9a-f]{16}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

# Timezone-aware UTC timestamps at microsecond precision (what pandas makes of
# `datetime` objects, and what DuckDB stores); naive values are read as UTC.
UtcTimestamp = Annotated[pd.DatetimeTZDtype, "us", "UTC"]


class DocumentsModel(pa.DataFrameModel):
    """One row per fetched document version (nullable columns coerced, as in ClaimsModel)."""

    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID_PATTERN)
    version: Series[int] = pa.Field(ge=1)
    uri: Series[str] = pa.Field(str_length={"min_value": 1})
    title: Series[str] = pa.Field(nullable=True, coerce=True)
    published_at: Series[pa.Date] = pa.Field(nullable=True, coerce=True)
    fetched_at: Series[UtcTimestamp] = pa.Field(coerce=True)
    content_sha256: Series[str] = pa.Field(str_matches=SHA256_PATTERN)
    text: Series[str]
    content_type: Series[str] = pa.Field(nullable=True, coerce=True)
    source: Series[str] = pa.Field(nullable=True, coerce=True)

    class Config:
        name = "DocumentsModel"

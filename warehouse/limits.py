"""The limits of a read-only query, as plain data (no DuckDB import, so the CLI can show them in
--help and `extract` still starts without DuckDB)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadLimits:
    """What one read-only query may use (`claimhouse query --timeout/--max-rows/--memory-limit/
    --threads/--max-temp-size`). Sizes are DuckDB's ("1GB", "500MB")."""

    timeout_s: float = 60.0
    max_rows: int = 10_000
    memory_limit: str = "1GB"
    threads: int = 2
    max_temp_directory_size: str = "1GB"


READ_LIMITS = ReadLimits()

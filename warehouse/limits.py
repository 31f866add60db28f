"""The limits of a read-only query and of the run's writer, as plain data (no DuckDB import, so
the CLI can show them in --help and `extract` still starts without DuckDB)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# a size as DuckDB reads it: "512MB", "2GB", "1.5GiB"
_SIZE = re.compile(r"\s*\d+(?:\.\d+)?\s*(?:[KMGT]i?B|B)\s*", re.IGNORECASE)


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


@dataclass(frozen=True)
class WriteLimits:
    """What a writable connection (a run's publish and link step, its fetch log, a review) may use.

    Without a `memory_limit` DuckDB takes up to 80 % of the machine's RAM, and a run's one publish
    transaction over 10,000 documents grew the run's process to 1.5 GB. Under the limit DuckDB
    spills hash tables, sorts and the transaction's uncommitted rows to `temp_directory` (the
    warehouse's path + TEMP_SUFFIX, beside it on the same disk), at most `max_temp_directory_size`
    there; a statement that needs more fails and the run's transaction rolls back. The limit
    covers DuckDB's buffer pool only: Python's frames and pickles come on top (a run's process
    holds 220-330 MB of its own while extracting). Sizes are DuckDB's ("512MB", "10GB").

    384MB (512MB until 2026-12-04): under it a 50,000-document first run's link step and findings
    query stay below the memory of extraction (two workers beside the run), so a run's peak no
    longer grows from 10,000 to 50,000 documents (README "Scale"). What the run's one transaction
    keeps in memory (its uncommitted rows and their key index) grows with the run: 256MB left no
    room for a 50,000-document run's counts inside it, 384MB holds a 100,000-document run."""

    memory_limit: str = "384MB"  # `claimhouse run --memory-limit`
    max_temp_directory_size: str = "20GB"


WRITE_LIMITS = WriteLimits()


def checked_size(text: str) -> str:
    """`text` if it is a size DuckDB reads ("512MB", "2GB"), else ValueError naming it."""
    if not _SIZE.fullmatch(text or ""):
        raise ValueError(f"{text!r} is not a size such as 512MB or 2GB")
    return text.strip()
TEMP_SUFFIX = ".tmp"  # DuckDB's own default name for a database file's temporary folder

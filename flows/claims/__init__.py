"""The pure extraction core: text in, frozen dataclasses out. Imports neither Prefect nor DuckDB.

    >>> from claimhouse.flows.claims import extract_claims
    >>> extract_claims("Over 20,000 people crossed.")[0].value
    20000.0
"""
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Claim, Document

__all__ = ["Claim", "Document", "extract_claims"]
